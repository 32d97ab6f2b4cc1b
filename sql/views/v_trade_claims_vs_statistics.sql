-- Each trade claim from the documents beside the statistics for that direction and HS chapter in
-- the article's year and the year before, from either side's report (the exporter's exports, the
-- importer's imports; the larger of the two, never their sum).
-- status: supported (the chapter has trade recorded), contradicted (statistics that cover every
-- product of that direction record nothing in the chapter), unknown (no statistics loaded for the
-- direction, statistics for some products only, or a claim with no HS code). basis says which.
create or replace view v_trade_claims_vs_statistics as
with claims as (
    select
        c.*,
        coalesce(c.hs_chapter, left(c.hs_code, 2)) as chapter,
        d.name as document_name,
        d.published_date,
        year(d.published_date) as article_year
    from fact_trade_claim as c
    inner join dim_document as d on d.document_key = c.document_key
),

products as (
    select * from v_trade_annual_products
),

directions as (
    -- each statistics row seen as exporter -> importer, whichever side reported it
    select
        source, year, hs_code, chapter, value_usd, is_top_product,
        case when flow = 'export' then reporter_iso3 else partner_iso3 end as exporter_iso3,
        case when flow = 'export' then partner_iso3 else reporter_iso3 end as importer_iso3,
        reporter_iso3,
        flow
    from products
    where flow in ('export', 'import')
),

coverage as (
    -- a report covers every product when it is BACI (all HS6 flows) or its products add up to its TOTAL
    select
        source, year, exporter_iso3, importer_iso3, reporter_iso3, flow,
        source = 'baci'
        or coalesce(
            sum(value_usd) filter (where is_top_product)
            >= 0.99 * max(value_usd) filter (where hs_code = 'TOTAL'),
            false
        ) as covers_all_products
    from directions
    group by source, year, exporter_iso3, importer_iso3, reporter_iso3, flow
),

chapter_values as (
    select
        c.claim_key,
        max(s.value_usd) filter (where s.year = c.article_year) as chapter_usd_article_year,
        max(s.value_usd) filter (where s.year = c.article_year - 1) as chapter_usd_year_before
    from claims as c
    left join directions as s
        on s.is_top_product
        and s.chapter = c.chapter
        and s.exporter_iso3 = c.exporter_iso3
        and s.importer_iso3 = c.importer_iso3
        and s.year between c.article_year - 1 and c.article_year
    group by c.claim_key
),

claim_coverage as (
    select
        c.claim_key,
        count(v.year) as n_reports,
        coalesce(bool_or(v.covers_all_products), false) as any_complete
    from claims as c
    left join coverage as v
        on v.exporter_iso3 = c.exporter_iso3
        and v.importer_iso3 = c.importer_iso3
        and v.year between c.article_year - 1 and c.article_year
    group by c.claim_key
),

matched as (
    select *
    from chapter_values
    inner join claim_coverage using (claim_key)
),

final as (
    select
        c.document_name,
        c.published_date,
        c.exporter_iso3,
        c.importer_iso3,
        c.product,
        c.hs_code,
        c.chapter,
        c.article_year,
        m.chapter_usd_article_year,
        m.chapter_usd_year_before,
        case
            when c.chapter is null then 'unknown'
            when m.n_reports = 0 then 'unknown'
            when coalesce(m.chapter_usd_article_year, 0) > 0 or coalesce(m.chapter_usd_year_before, 0) > 0
                then 'supported'
            when m.any_complete then 'contradicted'
            else 'unknown'
        end as status,
        case
            when c.chapter is null then 'the claim has no HS code'
            when m.n_reports = 0 then 'no statistics loaded for ' || c.exporter_iso3 || ' to '
                || c.importer_iso3 || ' in ' || (c.article_year - 1) || '-' || c.article_year
            when coalesce(m.chapter_usd_article_year, 0) > 0 or coalesce(m.chapter_usd_year_before, 0) > 0
                then 'trade recorded in HS chapter ' || c.chapter
            when m.any_complete then 'statistics covering every product record no trade in HS chapter '
                || c.chapter
            else 'statistics loaded cover only some products, not HS chapter ' || c.chapter
        end as basis,
        c.evidence,
        c.sentence_index,
        c.char_start,
        c.char_end,
        c.document_key,
        c.claim_key
    from claims as c
    inner join matched as m using (claim_key)
)

select * from final
order by published_date, document_name, sentence_index, exporter_iso3, importer_iso3, product
