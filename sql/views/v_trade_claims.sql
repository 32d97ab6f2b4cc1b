-- Each claim that one country exports a product to another, with its HS code where mapped.
create or replace view v_trade_claims as
with claims as (
    select * from fact_trade_claim
),

documents as (
    select document_key, name, published_date from dim_document
),

final as (
    select
        d.name as document_name,
        c.exporter_iso3,
        c.importer_iso3,
        c.product,
        c.hs_code,
        c.evidence,
        c.hs_chapter,
        c.sentence_index,
        c.char_start,
        c.char_end,
        d.published_date,
        c.document_key,
        c.claim_key
    from claims as c
    inner join documents as d on d.document_key = c.document_key
)

select * from final
