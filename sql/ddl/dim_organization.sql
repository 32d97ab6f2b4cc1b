-- International organizations named in the documents.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists dim_organization (
    organization_key varchar not null,
    acronym          varchar,
    name             varchar not null
);
