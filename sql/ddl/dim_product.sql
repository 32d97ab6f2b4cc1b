-- HS 2022 products: the grand total (level 0), chapters (2), headings (4) and subheadings (6).
create table if not exists dim_product (
    product_key integer primary key,    -- level * 1,000,000 + the code's digits; TOTAL is 0
    hs_code varchar not null unique,
    level tinyint not null,
    description varchar not null,
    parent varchar,
    section varchar,                    -- Roman numeral; null for chapter 99 and the total
    section_name varchar,
    chapter varchar                     -- two digits; null for the total
);
