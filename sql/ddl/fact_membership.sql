-- A country's membership of an organization as a document states it (a state, not an event).
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_membership (
    document_key     varchar not null,
    country_key      integer,
    country_iso3     varchar not null,
    organization_key varchar not null,
    sentence_index   integer not null,
    char_start       integer not null,
    char_end         integer not null,
    evidence         varchar not null
);
