-- One row per feed item the fetcher decided on (sources.toml [[feed]]): the document it became, or why not.
-- A copy of <sources>/.feeds/state.json, rebuilt by every run inside its one transaction.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists feed_item (
    url            varchar not null, -- the item's address as the feed gives it, without its #fragment
    feed           varchar not null,   -- the feed's name: its articles are under documents/<feed>/
    status         varchar not null,   -- written, duplicate, filtered, disallowed (robots.txt) or failed
    document_path  varchar,            -- the document it became (= dim_document.path) when written
    title          varchar,            -- the article's title (the page's, else the feed's)
    published_date date,               -- the page's publication date (its markup, else the feed's)
    fetched_at     timestamp,          -- when the page was fetched (UTC)
    page_sha256    varchar,            -- sha256 of the raw page as fetched
    text_sha256    varchar,            -- of the article text: the same story at two addresses is one document
    same_as        varchar,            -- for a duplicate: the item whose document has the same text
    status_reason  varchar             -- why it was not written
);
