-- Each claim that one country exports a product to another, with its HS code where mapped.
create or replace view v_trade_claims as
with claims as (
    select * from with_document('fact_trade_claim')
),

final as (
    select
        c.document_name,
        c.exporter_iso3,
        c.importer_iso3,
        c.product,
        c.hs_code,
        c.evidence,
        c.hs_chapter,
        c.sentence_index,
        c.char_start,
        c.char_end,
        c.published_date,
        c.document_key,
        c.claim_key
    from claims as c
)

select * from final
