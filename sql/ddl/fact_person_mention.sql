-- One person as one document names them.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_person_mention (
    document_key   varchar not null,
    person_key     varchar not null,
    name           varchar not null,
    role           varchar,
    country_key      integer,
    country_iso3   varchar,
    sentence_index integer not null,
    char_start     integer not null,
    char_end       integer not null,
    evidence       varchar not null
);
