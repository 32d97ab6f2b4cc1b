-- Every person mention resolves to dim_person, and every membership to dim_organization.
select p.document_key, p.person_key, 'person' as kind
from fact_person_mention as p
anti join dim_person as d on d.person_key = p.person_key
union all
select m.document_key, m.organization_key, 'organization' as kind
from fact_membership as m
anti join dim_organization as o on o.organization_key = m.organization_key
