-- Who took part in an event, in which role.
create table if not exists fact_event_participant (
    event_id   varchar not null,
    person_key varchar not null,
    role       varchar,
    primary key (event_id, person_key)
);
