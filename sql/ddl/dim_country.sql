-- Countries: ISO 3166 (country_key = ISO numeric), historical states (SUN 810, YUG 890, ...) and
-- Comtrade's areas that stand alone in its statistics (S19 "Other Asia, nes", 490).
create table if not exists dim_country (
    country_key integer primary key,
    iso3 varchar not null unique,
    iso2 varchar,
    m49 integer,
    name varchar not null,
    is_historical boolean not null,
    kind varchar not null               -- country | historical | area
);
