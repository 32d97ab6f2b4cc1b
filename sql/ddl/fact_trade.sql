-- One row per reporter, partner, flow, product, period and source: trade statistics as reported.
-- Only country-to-country rows at the totals of every breakdown (partner2 0, mode of transport 0,
-- customs C00); World, groups and unallocated areas are left out (see the quarantine).
create table if not exists fact_trade (
    source varchar not null,            -- comtrade | baci
    source_file varchar not null,       -- the file (relative to the sources folder) the row came from
    row_ref varchar not null,           -- where in that file
    reporter_key integer not null,
    reporter_iso3 varchar not null,
    partner_key integer not null,
    partner_iso3 varchar not null,
    flow varchar not null,              -- export | import | re-export | re-import, as the reporter reports it
    product_key integer not null,       -- dim_product.product_key (the chapter's for codes HS 2022 lacks)
    hs_code varchar not null,           -- as reported: TOTAL, 2, 4 or 6 digits
    product_rolled_up boolean not null, -- true when hs_code is not in HS 2022 and product_key is its chapter
    hs_revision varchar,                -- H0..H6 (Comtrade), HS (BACI: see source_file)
    freq varchar not null,              -- A annual | M monthly
    year smallint not null,
    month tinyint,                      -- null for annual rows
    period_start date not null,
    period_end date not null,
    value_usd double not null,          -- primary value: CIF for imports, FOB for exports
    cif_value_usd double,
    fob_value_usd double,
    net_weight_kg double,
    quantity double,
    quantity_unit varchar,
    is_estimated boolean not null
);
