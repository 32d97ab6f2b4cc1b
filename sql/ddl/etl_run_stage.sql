-- Per run and stage: rows in = loaded + quarantined + skipped (unchanged).
create table if not exists etl_run_stage (
    run_id      varchar not null,
    stage       varchar not null,
    rows_in     bigint not null,
    loaded      bigint not null,
    quarantined bigint not null,
    skipped     bigint not null,
    primary key (run_id, stage)
);
