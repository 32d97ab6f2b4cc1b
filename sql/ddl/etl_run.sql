-- One row a run.
create table if not exists etl_run (
    run_id      varchar primary key,
    started_at  timestamp not null,
    ended_at    timestamp,
    status      varchar not null,  -- running, succeeded, failed
    sources_dir varchar not null,
    n_sources   integer,
    error       varchar
);
