-- Per reporter, partner, flow, year and source: trade by HS section (the 21 broad groups of the
-- Harmonized System, "Vegetable products", "Mineral products"...), the sum of the top products loaded
-- in each section's chapters, and its share of all the products loaded (share_of_loaded) - a file of
-- soybeans only is 100% vegetable products of what was loaded, not of all trade (all_products says).
create or replace view v_trade_sections as
with products as (
    select * from v_trade_annual_products
    where is_top_product
),

chapters as (
    select hs_code as chapter, section, section_name
    from dim_product
    where level = 2
),

annual as (
    select year, reporter_iso3, partner_iso3, flow, source, all_products
    from v_trade_annual
),

by_section as (
    select
        p.year,
        p.reporter_iso3,
        p.partner_iso3,
        p.flow,
        p.source,
        coalesce(c.section, 'XXII') as section,
        coalesce(c.section_name, 'Other (chapter 99 and codes outside HS 2022)') as section_name,
        sum(p.value_usd) as value_usd
    from products as p
    left join chapters as c on c.chapter = p.chapter
    group by all
),

final as (
    select
        s.year,
        s.reporter_iso3,
        s.partner_iso3,
        s.flow,
        s.source,
        s.section,
        s.section_name,
        s.value_usd,
        round(s.value_usd / nullif(sum(s.value_usd) over (
            partition by s.year, s.reporter_iso3, s.partner_iso3, s.flow, s.source
        ), 0), 4) as share_of_loaded,
        a.all_products
    from by_section as s
    left join annual as a using (year, reporter_iso3, partner_iso3, flow, source)
)

select * from final
order by year, reporter_iso3, partner_iso3, flow, source, value_usd desc
