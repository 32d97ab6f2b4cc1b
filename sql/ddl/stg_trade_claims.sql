-- Staged trade claims per document (schemas/staging.py TradeClaim), reused by incremental runs.
create table if not exists stg_trade_claims (
    document_key   varchar not null,
    sentence_index integer not null,
    char_start     integer not null,
    char_end       integer not null,
    evidence       varchar not null,
    exporter_iso3  varchar not null,
    importer_iso3  varchar not null,
    product        varchar not null,
    hs_code        varchar
);
