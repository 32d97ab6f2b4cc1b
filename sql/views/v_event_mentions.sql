-- One row per event per document, each tied to its sentence:
-- substr(d.text, char_start + 1, char_end - char_start) = evidence.
-- Only the document's own relations: an event of another pair told once in passing is in v_event_scope as 'context'.
create or replace view v_event_mentions as
with mentions as (
    select * from with_document('fact_event_mention')
),

event_types as (
    select code, cameo_code, goldstein, family from dim_event_type
),

scopes as (
    select mention_key, scope from v_event_scope
),

participants as (
    select mention_key, string_agg(participant, '; ' order by position) as participants
    from fact_event_participant
    group by mention_key
),

final as (
    select
        m.document_name,
        m.event_id,
        m.event_date,
        m.date_precision,
        m.date_text,
        m.date_resolution,
        m.event_type,
        m.actor_iso3,
        m.target_iso3,
        m.status,
        m.sentence_index,
        m.char_start,
        m.char_end,
        m.evidence,
        m.date_anchor,
        m.is_symmetric,
        m.summary,
        p.participants,
        t.family,
        t.cameo_code,
        t.goldstein,
        m.published_date,
        m.document_key,
        m.mention_key,
        s.scope
    from mentions as m
    left join event_types as t on t.code = m.event_type
    left join participants as p on p.mention_key = m.mention_key
    inner join scopes as s on s.mention_key = m.mention_key
    where s.scope = 'dyad'
)

select * from final
