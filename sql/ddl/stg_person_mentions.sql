-- Staged person mentions per document (schemas/staging.py PersonMention), reused by incremental runs.
create table if not exists stg_person_mentions (
    document_key    varchar not null,
    sentence_index  integer not null,
    char_start      integer not null,
    char_end        integer not null,
    evidence        varchar not null,
    name            varchar not null,
    normalized_name varchar not null,
    role            varchar,
    country_iso3    varchar
);
