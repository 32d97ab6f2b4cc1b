-- The event vocabulary with its CAMEO code and Goldstein score (seeded from flows/transform/event_types.csv).
create table if not exists dim_event_type (
    event_type_key integer primary key,
    code           varchar not null unique,
    label          varchar not null,
    family         varchar not null,
    cameo_code     varchar not null,
    goldstein      double not null,
    is_symmetric   boolean not null
);
