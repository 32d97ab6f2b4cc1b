-- Scoped form: the facts the run wrote, and kept facts of the documents it removed.
select 'fact_person_mention' as fact, document_key from fact_person_mention
where document_key not in (select document_key from dim_document)
  and (document_key in (select document_key from _w_fact_person_mention) or document_key in (select key from _g_dim_document))
union all
select 'fact_membership', document_key from fact_membership
where document_key not in (select document_key from dim_document)
  and (document_key in (select document_key from _w_fact_membership) or document_key in (select key from _g_dim_document))
union all
select 'fact_trade_claim', document_key from fact_trade_claim
where document_key not in (select document_key from dim_document)
  and (document_key in (select document_key from _w_fact_trade_claim) or document_key in (select key from _g_dim_document))
union all
select 'fact_figure', document_key from fact_figure
where document_key not in (select document_key from dim_document)
  and (document_key in (select document_key from _w_fact_figure) or document_key in (select key from _g_dim_document))
