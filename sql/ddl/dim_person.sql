-- One row per person across documents (same normalized name and country).
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists dim_person (
    person_key      varchar not null,
    name            varchar not null,  -- the fullest form seen
    normalized_name varchar not null,
    country_iso3    varchar,
    role            varchar            -- the role most often given
);
