-- Trade figures as officials and news agencies published them: one row per published figure.
-- grain: source, row_ref
create table if not exists fact_trade_reported (
    period_start date not null,         -- first day of the first month
    period_end date not null,           -- last day of the last month
    measure varchar not null,           -- turnover (both directions) | exports | imports
    exporter_key integer,
    exporter_iso3 varchar not null,
    importer_key integer,
    importer_iso3 varchar not null,
    value_usd double not null,
    qualifier varchar,                  -- exact | approx | more_than | less_than
    reported_by varchar,                -- whose statistics (ISO3), null where the source does not say
    speaker varchar,
    source_url varchar,
    note varchar,
    source varchar not null,            -- the file it came from, relative to the sources folder
    row_ref varchar not null
);
