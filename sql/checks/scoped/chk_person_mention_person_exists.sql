-- Scoped form: the mentions and memberships the run wrote, and kept ones of the people and organizations it
-- deleted.
select p.document_key, p.person_key, 'person' as kind
from fact_person_mention as p
anti join dim_person as d on d.person_key = p.person_key
where p.person_key in (select person_key from _w_fact_person_mention)
   or p.person_key in (select key from _g_dim_person)
union all
select m.document_key, m.organization_key, 'organization' as kind
from fact_membership as m
anti join dim_organization as o on o.organization_key = m.organization_key
where m.organization_key in (select organization_key from _w_fact_membership)
   or m.organization_key in (select key from _g_dim_organization)
