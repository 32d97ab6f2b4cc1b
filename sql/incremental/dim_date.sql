-- dim_date as a full build makes it (flows.transform.warehouse.build_dates): every day a staged event mention or
-- figure refers to. An incremental run writes only its own documents' facts, so it brings this table up to
-- date here, from the staging tables every document's conformed facts are kept in: days no fact refers to any
-- more go, new days come (a table rewritten whole would be rewritten on disk at every commit).
-- The keys of the days that go and of the days that come stay in the run's transaction for its audits, scoped
-- to them like those of the tables written by key (flows/warehouse/audit_scope.py drops them).
create temp table _days as
select distinct day_ from (
    select event_date as day_ from stg_event_mentions
    union all select period_start from stg_figures
    union all select period_end from stg_figures
)
where day_ is not null;
create or replace temp table _audit_gone_dim_date as
select date_key as key from dim_date where date not in (select day_ from _days);
delete from dim_date where date not in (select day_ from _days);
create or replace temp table _audit_written_dim_date as
select cast(strftime(day_, '%Y%m%d') as integer) as key, day_ from _days
where day_ not in (select date from dim_date);
insert into dim_date (date_key, date, year, quarter, month, day)
select key, day_, year(day_), quarter(day_), month(day_), day(day_)
from _audit_written_dim_date;
drop table _days;
