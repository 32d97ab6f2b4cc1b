-- One row per source, reporter, partner, flow, year and HS code: the annual row where one was
-- loaded, else the sum of that year's monthly rows (months says how many). is_top_product marks
-- the codes that no coarser code of the same group covers (1201 covers 120190), so summing the
-- top products never counts a shipment twice; TOTAL is left out of that test.
create or replace view v_trade_annual_products as
with trade as (
    select * from fact_trade
),

annual as (
    select
        source, reporter_iso3, partner_iso3, flow, year, hs_code,
        value_usd, net_weight_kg, 12 as months
    from trade
    where freq = 'A'
),

monthly as (
    select
        source, reporter_iso3, partner_iso3, flow, year, hs_code,
        sum(value_usd) as value_usd,
        sum(net_weight_kg) as net_weight_kg,
        count(distinct month) as months
    from trade
    where freq = 'M'
    group by source, reporter_iso3, partner_iso3, flow, year, hs_code
),

yearly as (
    select * from annual
    union all
    select m.*
    from monthly as m
    anti join annual as a
        using (source, reporter_iso3, partner_iso3, flow, year, hs_code)
),

ancestors as (
    -- the chapter and heading of each detailed code, to look for in the same group
    select y.source, y.reporter_iso3, y.partner_iso3, y.flow, y.year, y.hs_code, anc.code as ancestor
    from yearly as y
    cross join unnest([left(y.hs_code, 2), left(y.hs_code, 4)]) as anc (code)
    where y.hs_code <> 'TOTAL' and anc.code <> y.hs_code
),

covered as (
    select distinct c.source, c.reporter_iso3, c.partner_iso3, c.flow, c.year, c.hs_code
    from ancestors as c
    inner join yearly as y
        on y.source = c.source
        and y.reporter_iso3 = c.reporter_iso3
        and y.partner_iso3 = c.partner_iso3
        and y.flow = c.flow
        and y.year = c.year
        and y.hs_code = c.ancestor
),

final as (
    select
        y.source,
        y.reporter_iso3,
        y.partner_iso3,
        y.flow,
        y.year,
        y.hs_code,
        case when y.hs_code <> 'TOTAL' then left(y.hs_code, 2) end as chapter,
        y.value_usd,
        y.net_weight_kg,
        y.months,
        y.hs_code <> 'TOTAL' and c.hs_code is null as is_top_product
    from yearly as y
    left join covered as c
        using (source, reporter_iso3, partner_iso3, flow, year, hs_code)
)

select * from final
