-- Calendar days referenced by events, figures and trade periods.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists dim_date (
    date_key integer not null,  -- yyyymmdd
    date     date not null,
    year     integer not null,
    quarter  integer not null,
    month    integer not null,
    day      integer not null
);
