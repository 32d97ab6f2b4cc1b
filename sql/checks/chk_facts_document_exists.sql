-- Every fact read from a document belongs to a loaded document.
select 'fact_person_mention' as fact, document_key from fact_person_mention
where document_key not in (select document_key from dim_document)
union all
select 'fact_membership', document_key from fact_membership
where document_key not in (select document_key from dim_document)
union all
select 'fact_trade_claim', document_key from fact_trade_claim
where document_key not in (select document_key from dim_document)
union all
select 'fact_figure', document_key from fact_figure
where document_key not in (select document_key from dim_document)
