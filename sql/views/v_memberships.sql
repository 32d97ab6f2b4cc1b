-- Organizations the countries of a document share, one row per document, country and organization.
create or replace view v_memberships as
with memberships as (
    select * from with_document('fact_membership')
),

organizations as (
    select * from dim_organization
),

final as (
    select
        m.document_name,
        m.country_iso3,
        coalesce(o.acronym, o.name) as organization,
        o.name as organization_name,
        o.acronym,
        m.sentence_index,
        m.char_start,
        m.char_end,
        m.evidence,
        m.document_key
    from memberships as m
    inner join organizations as o on o.organization_key = m.organization_key
)

select * from final
