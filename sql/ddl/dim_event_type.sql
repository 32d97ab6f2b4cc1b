-- The event vocabulary with its CAMEO code and Goldstein score (from the event-type registry).
create table if not exists dim_event_type (
    event_type_key varchar primary key, -- hash of the code: the same in every run, whatever the order of the rows
    code           varchar not null unique,
    label          varchar not null,
    family         varchar not null,
    cameo_code     varchar not null,
    goldstein      double not null,
    is_symmetric   boolean not null
);
