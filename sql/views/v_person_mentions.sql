-- One row per person per document, with the role and country the text gives.
create or replace view v_person_mentions as
with mentions as (
    select * from fact_person_mention
),

documents as (
    select document_key, name from dim_document
),

final as (
    select
        d.name as document_name,
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
    inner join documents as d on d.document_key = m.document_key
)

select * from final
