-- Calendar days referenced by events, figures and trade periods.
create table if not exists dim_date (
    date_key integer primary key,  -- yyyymmdd
    date     date not null,
    year     integer not null,
    quarter  integer not null,
    month    integer not null,
    day      integer not null
);
