-- Every event's actor and target is a country of dim_country.
select e.event_id, e.actor_iso3, e.target_iso3
from fact_event as e
where e.actor_iso3 not in (select iso3 from dim_country)
   or e.target_iso3 not in (select iso3 from dim_country)
