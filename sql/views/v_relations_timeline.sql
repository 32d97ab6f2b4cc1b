-- One row per real-world event, merged across documents; the most precise date wins.
create or replace view v_relations_timeline as
with events as (
    select * from fact_event
),

event_types as (
    select code, label, cameo_code, goldstein from dim_event_type
),

mentions as (
    -- built on v_event_mentions (which ties a mention to its document): the documents that mention the
    -- event and everyone any mention names, each once, alphabetically ("a.txt; b.txt", "Ann Berg; Tom Lee")
    select event_id, documents, participants from event_mention_lists('v_event_mentions', null)
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
        m.participants,
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
        m.documents
    from events as e
    left join event_types as t on t.code = e.event_type
    left join mentions as m on m.event_id = e.event_id
)

select * from final
order by event_date nulls last, event_type, actor_iso3, target_iso3
