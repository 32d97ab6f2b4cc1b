-- Scoped form: the facts of the documents the run wrote facts for, and kept facts of the documents it removed.
with facts as (
    select 'fact_person_mention' as fact, document_key from fact_person_mention
    union all
    select 'fact_membership', document_key from fact_membership
    union all
    select 'fact_trade_claim', document_key from fact_trade_claim
    union all
    select 'fact_figure', document_key from fact_figure
),

touched as (
    select document_key from _w_fact_person_mention
    union all
    select document_key from _w_fact_membership
    union all
    select document_key from _w_fact_trade_claim
    union all
    select document_key from _w_fact_figure
    union all
    select key as document_key from _g_dim_document
)

select fact, document_key from facts
where document_key not in (select document_key from dim_document)
  and document_key in (select document_key from touched)
