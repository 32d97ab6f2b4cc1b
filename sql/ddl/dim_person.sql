-- One row per person across documents (same normalized name and country).
create table if not exists dim_person (
    person_key      varchar primary key,
    name            varchar not null,  -- the fullest form seen
    normalized_name varchar not null,
    country_iso3    varchar,
    role            varchar            -- the role most often given
);
