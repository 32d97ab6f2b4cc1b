-- Scoped form (an incremental run's rows, flows/warehouse/audit_scope.py): the events the run wrote (a run
-- whose dim_country changed audits in full).
select e.event_id, e.actor_iso3, e.target_iso3
from _w_fact_event as e
where e.actor_iso3 not in (select iso3 from dim_country)
   or e.target_iso3 not in (select iso3 from dim_country)
