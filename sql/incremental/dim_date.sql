-- dim_date as a full build makes it (flows.transform.warehouse.build_dates): every day a staged event mention or
-- figure refers to. An incremental run writes only its own documents' facts, so it brings this table up to
-- date here, from the staging tables every document's conformed facts are kept in: days no fact refers to any
-- more go, new days come (a table rewritten whole would be rewritten on disk at every commit).
create temp table _days as
select distinct day_ from (
    select event_date as day_ from stg_event_mentions
    union all select period_start from stg_figures
    union all select period_end from stg_figures
)
where day_ is not null;
delete from dim_date where date not in (select day_ from _days);
insert into dim_date (date_key, date, year, quarter, month, day)
select cast(strftime(day_, '%Y%m%d') as integer), day_, year(day_), quarter(day_), month(day_), day(day_)
from _days
where day_ not in (select date from dim_date);
drop table _days;
