-- Comtrade and BACI numeric country codes and what each stands for: a country (iso3), or a total,
-- group or unallocated area whose rows never load into fact_trade.
create table if not exists country_code_map (
    code integer primary key,
    iso3 varchar,
    country_key integer,
    name varchar not null,
    kind varchar not null,              -- country | historical | area | world | aggregate | unallocated
    origin varchar not null             -- comtrade_country_codes.csv | ISO 3166 numeric
);
