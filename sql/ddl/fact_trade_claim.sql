-- A sentence saying one country exports a product to the other, mapped to HS where the product allows.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_trade_claim (
    claim_key      varchar not null, -- hash of document, sentence, span, exporter, importer and product
    document_key   varchar not null,
    exporter_key   integer,
    exporter_iso3  varchar not null,
    importer_key   integer,
    importer_iso3  varchar not null,
    product        varchar not null,
    hs_code        varchar,
    hs_chapter     varchar,
    sentence_index integer not null,
    char_start     integer not null,
    char_end       integer not null,
    evidence       varchar not null
);
