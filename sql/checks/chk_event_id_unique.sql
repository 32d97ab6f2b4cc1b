-- Keys are unique: one row per event, per mention, per document.
select 'fact_event' as tbl, event_id as key from fact_event group by event_id having count(*) > 1
union all
select 'fact_event_mention', mention_key from fact_event_mention group by mention_key having count(*) > 1
union all
select 'dim_document', document_key from dim_document group by document_key having count(*) > 1
