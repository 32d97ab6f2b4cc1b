-- Staged event mentions as the extractor found them, per document: what an incremental run reuses for the
-- documents it does not read again (schemas/staging.py EventMention).
create table if not exists stg_event_mentions (
    document_key    varchar not null,
    sentence_index  integer not null,
    char_start      integer not null,
    char_end        integer not null,
    evidence        varchar not null,
    event_type      varchar not null,
    actor_iso3      varchar not null,
    target_iso3     varchar not null,
    event_date      date,
    date_precision  varchar,
    date_text       varchar,
    date_resolution varchar,
    date_anchor     varchar,
    status          varchar not null,
    "symmetric"     boolean not null,
    trigger         varchar not null,
    summary         varchar,
    participants    varchar[]
);
