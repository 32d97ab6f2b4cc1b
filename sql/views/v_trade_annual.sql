-- Trade per year, reporter, partner, flow and source, over every product loaded: the TOTAL row where
-- the file had one, else the sum of the top products (never a code and its own subdivisions).
-- products says which: 'TOTAL' or the codes summed, so a soybean-only file is not read as all trade.
-- Each reporter's figures stay its own: mirror figures are set side by side in v_trade_mirror.
create or replace view v_trade_annual as
with products as (
    select * from v_trade_annual_products
),

grouped as (
    select
        year,
        reporter_iso3,
        partner_iso3,
        flow,
        source,
        max(value_usd) filter (where hs_code = 'TOTAL') as total_usd,
        max(net_weight_kg) filter (where hs_code = 'TOTAL') as total_kg,
        sum(value_usd) filter (where is_top_product) as detail_usd,
        sum(net_weight_kg) filter (where is_top_product) as detail_kg,
        count(*) filter (where is_top_product) as n_detail,
        string_agg(hs_code, ',' order by hs_code) filter (where is_top_product) as detail_codes,
        min(months) as months
    from products
    group by year, reporter_iso3, partner_iso3, flow, source
),

final as (
    select
        year,
        reporter_iso3,
        partner_iso3,
        flow,
        coalesce(total_usd, detail_usd) as value_usd,
        coalesce(total_kg, detail_kg) as net_weight_kg,
        source,
        case
            when total_usd is not null then 'TOTAL'
            when n_detail <= 20 then detail_codes
            else n_detail || ' codes'
        end as products,
        total_usd is not null as all_products,
        months
    from grouped
)

select * from final
order by year, reporter_iso3, partner_iso3, flow, source
