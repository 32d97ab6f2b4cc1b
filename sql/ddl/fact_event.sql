-- One real-world event merged from its mentions: same pair, same type family, dates that agree at the
-- coarser precision; the most precise date wins.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_event (
    event_id       varchar not null,  -- hash of pair, family, date and order: stable across runs
    event_type     varchar not null,
    family         varchar not null,
    event_date     date,
    date_key       integer,
    date_precision varchar,
    actor_key      integer,
    actor_iso3     varchar not null,
    target_key     integer,
    target_iso3    varchar not null,
    is_symmetric   boolean not null,
    status         varchar not null,
    summary        varchar,
    n_documents    integer not null,
    n_mentions     integer not null,
    first_reported date,
    last_reported  date,
    evidence       varchar not null
);
