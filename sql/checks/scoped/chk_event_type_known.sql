-- Scoped form: the events the run wrote, and kept events of the event types it deleted.
select e.event_id, e.event_type
from fact_event as e
anti join dim_event_type as t on t.code = e.event_type
where e.event_id in (select event_id from _w_fact_event)
   or e.event_type in (select key from _g_dim_event_type)
