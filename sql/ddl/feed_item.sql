-- One row per feed item the fetcher decided on (sources.toml [[feed]]): the document it became, or why not.
-- A copy of <sources>/.feeds/state.json, rebuilt by every run inside its one transaction.
create table if not exists feed_item (
    url            varchar primary key,
    feed           varchar not null,   -- the feed's name: its articles are under documents/<feed>/
    status         varchar not null,   -- written, duplicate, filtered, disallowed, failed
    document_path  varchar,            -- = dim_document.path for written items
    title          varchar,
    published_date date,
    fetched_at     timestamp,
    page_sha256    varchar,            -- of the raw page as fetched
    text_sha256    varchar,            -- of the article text: the same story at two addresses is one document
    same_as        varchar,            -- for a duplicate: the item whose document has the same text
    status_reason  varchar             -- why it was not written
);
