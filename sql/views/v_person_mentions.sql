-- One row per person per document, with the role and country the text gives.
create or replace view v_person_mentions as
with mentions as (
    select * from with_document('fact_person_mention')
),

final as (
    select
        m.document_name,
        m.name,
        m.role,
        m.country_iso3,
        m.person_key,
        m.sentence_index,
        m.char_start,
        m.char_end,
        m.evidence,
        m.document_key
    from mentions as m
)

select * from final
