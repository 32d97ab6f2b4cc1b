-- International organizations named in the documents.
create table if not exists dim_organization (
    organization_key varchar primary key,
    acronym          varchar,
    name             varchar not null
);
