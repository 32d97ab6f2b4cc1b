-- Per reporter, partner, flow, year and source: the ten largest HS chapters with their value and
-- share. A chapter's value is the sum of the top products loaded in it (a chapter row itself, else
-- its headings or subheadings, never both). The share is of the TOTAL row where one was loaded,
-- else of the sum over the chapters loaded (share_of says which).
create or replace view v_trade_composition as
with products as (
    select * from v_trade_annual_products
),

chapter_names as (
    select hs_code as chapter, description as chapter_description from dim_product where level = 2
),

chapters as (
    select
        year, reporter_iso3, partner_iso3, flow, source, chapter,
        sum(value_usd) as value_usd
    from products
    where is_top_product
    group by year, reporter_iso3, partner_iso3, flow, source, chapter
),

totals as (
    select
        year, reporter_iso3, partner_iso3, flow, source,
        max(value_usd) filter (where hs_code = 'TOTAL') as total_row_usd,
        sum(value_usd) filter (where is_top_product) as chapters_usd
    from products
    group by year, reporter_iso3, partner_iso3, flow, source
),

ranked as (
    select
        c.*,
        coalesce(t.total_row_usd, t.chapters_usd) as total_usd,
        case when t.total_row_usd is not null then 'TOTAL' else 'chapters loaded' end as share_of,
        row_number() over (
            partition by c.year, c.reporter_iso3, c.partner_iso3, c.flow, c.source
            order by c.value_usd desc, c.chapter
        ) as rank
    from chapters as c
    inner join totals as t using (year, reporter_iso3, partner_iso3, flow, source)
),

final as (
    select
        r.year,
        r.reporter_iso3,
        r.partner_iso3,
        r.flow,
        r.source,
        r.rank,
        r.chapter,
        n.chapter_description,
        r.value_usd,
        round(r.value_usd / nullif(r.total_usd, 0), 4) as share,
        r.total_usd,
        r.share_of
    from ranked as r
    left join chapter_names as n using (chapter)
    where r.rank <= 10
)

select * from final
order by year, reporter_iso3, partner_iso3, flow, source, rank
