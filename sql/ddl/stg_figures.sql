-- Staged figures per document (schemas/staging.py Figure), reused by incremental runs.
create table if not exists stg_figures (
    document_key   varchar not null,
    sentence_index integer not null,
    char_start     integer not null,
    char_end       integer not null,
    evidence       varchar not null,
    measure        varchar not null,
    value          double not null,
    unit           varchar not null,
    qualifier      varchar,
    period_start   date,
    period_end     date,
    exporter_iso3  varchar,
    importer_iso3  varchar
);
