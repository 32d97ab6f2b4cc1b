-- One event as one document states it, tied to its sentence.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_event_mention (
    mention_key       varchar not null,
    event_id          varchar not null,
    document_key      varchar not null,
    event_type        varchar not null,
    event_date        date,
    date_key          integer,
    date_precision    varchar,
    date_text         varchar,
    date_resolution   varchar,
    date_anchor       varchar,
    actor_key      integer,
    actor_iso3        varchar not null,
    target_key     integer,
    target_iso3       varchar not null,
    status            varchar not null,
    is_symmetric      boolean not null,
    sentence_index    integer not null,
    char_start        integer not null,
    char_end          integer not null,
    evidence          varchar not null,
    trigger           varchar,
    summary           varchar,
    extractor_version varchar not null
);
