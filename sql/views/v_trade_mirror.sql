-- Exports of A to B as A reports them beside imports of B from A as B reports them, per year and
-- source. They differ: imports are valued CIF and exports FOB (freight and insurance), goods cross
-- years in transit, and the two customs services cover different goods. difference_usd and ratio
-- show by how much; the two figures are never added. same_products says whether both sides loaded
-- the same product scope, without which the comparison means little.
create or replace view v_trade_mirror as
with annual as (
    select * from v_trade_annual
),

exports as (
    select
        year, source,
        reporter_iso3 as exporter_iso3,
        partner_iso3 as importer_iso3,
        value_usd, net_weight_kg, products
    from annual
    where flow = 'export'
),

imports as (
    select
        year, source,
        partner_iso3 as exporter_iso3,
        reporter_iso3 as importer_iso3,
        value_usd, net_weight_kg, products
    from annual
    where flow = 'import'
),

final as (
    select
        coalesce(x.year, m.year) as year,
        coalesce(x.exporter_iso3, m.exporter_iso3) as exporter_iso3,
        coalesce(x.importer_iso3, m.importer_iso3) as importer_iso3,
        coalesce(x.source, m.source) as source,
        x.value_usd as exports_reported_usd,
        m.value_usd as imports_reported_usd,
        m.value_usd - x.value_usd as difference_usd,
        round(m.value_usd / nullif(x.value_usd, 0), 4) as ratio,
        x.net_weight_kg as exports_reported_kg,
        m.net_weight_kg as imports_reported_kg,
        x.products as exporter_products,
        m.products as importer_products,
        x.products is not distinct from m.products as same_products
    from exports as x
    full outer join imports as m
        on m.year = x.year
        and m.source = x.source
        and m.exporter_iso3 = x.exporter_iso3
        and m.importer_iso3 = x.importer_iso3
)

select * from final
order by year, exporter_iso3, importer_iso3, source
