-- Staged memberships per document (schemas/staging.py Membership), reused by incremental runs.
create table if not exists stg_memberships (
    document_key      varchar not null,
    sentence_index    integer not null,
    char_start        integer not null,
    char_end          integer not null,
    evidence          varchar not null,
    country_iso3      varchar not null,
    organization      varchar not null,
    organization_name varchar,
    acronym           varchar
);
