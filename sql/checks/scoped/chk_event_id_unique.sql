-- Scoped form: the keys of the rows the run wrote, counted over the whole table.
select 'fact_event' as tbl, event_id as key from fact_event
where event_id in (select event_id from _w_fact_event) group by event_id having count(*) > 1
union all
select 'fact_event_mention', mention_key from fact_event_mention
where mention_key in (select mention_key from _w_fact_event_mention) group by mention_key having count(*) > 1
union all
select 'dim_document', document_key from dim_document
where document_key in (select document_key from _w_dim_document) group by document_key having count(*) > 1
