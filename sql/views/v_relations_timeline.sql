-- One row per real-world event, merged across documents; the most precise date wins.
create or replace view v_relations_timeline as
with events as (
    select * from fact_event
),

event_types as (
    select code, label, cameo_code, goldstein from dim_event_type
),

participants as (
    -- everyone any mention of the event names, once, alphabetically
    select m.event_id, string_agg(distinct p.participant, '; ' order by p.participant) as participants
    from fact_event_participant as p
    inner join fact_event_mention as m on m.mention_key = p.mention_key
    group by m.event_id
),

mention_documents as (
    select m.event_id, string_agg(distinct d.name, '; ' order by d.name) as documents
    from fact_event_mention as m
    inner join dim_document as d on d.document_key = m.document_key
    group by m.event_id
),

final as (
    select
        e.event_id,
        e.event_date,
        e.date_precision,
        e.event_type,
        t.cameo_code,
        e.actor_iso3,
        e.target_iso3,
        e.summary,
        p.participants,
        e.n_documents,
        e.evidence,
        e.status,
        e.is_symmetric,
        e.family,
        t.label as event_label,
        t.goldstein,
        e.n_mentions,
        e.first_reported,
        e.last_reported,
        md.documents
    from events as e
    left join event_types as t on t.code = e.event_type
    left join mention_documents as md on md.event_id = e.event_id
    left join participants as p on p.event_id = e.event_id
)

select * from final
order by event_date nulls last, event_type, actor_iso3, target_iso3
