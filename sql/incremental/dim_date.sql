-- dim_date as a full build makes it (flows.transform.warehouse.build_dates): every day a staged event mention or
-- figure refers to. An incremental run writes only its own documents' facts, so it rebuilds this small table
-- here, from the staging tables every document's conformed facts are kept in, instead of in Polars.
delete from dim_date;
insert into dim_date (date_key, date, year, quarter, month, day)
select cast(strftime(day_, '%Y%m%d') as integer), day_, year(day_), quarter(day_), month(day_), day(day_)
from (
    select event_date as day_ from stg_event_mentions
    union select period_start from stg_figures
    union select period_end from stg_figures
)
where day_ is not null;
