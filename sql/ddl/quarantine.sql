-- Every rejected row of every run, with a reason a person understands and the raw content.
create table if not exists quarantine (
    run_id  varchar not null,
    stage   varchar not null,
    source  varchar not null,
    row_ref varchar not null,
    reason  varchar not null,
    raw     varchar
);
