-- Scoped form: the events the run wrote.
select e.event_id, e.event_date, e.date_precision, e.status
from _w_fact_event as e
where (e.event_date is null) <> (e.date_precision is null)
   or e.date_precision not in ('day', 'month', 'year')
   or e.status not in ('occurred', 'planned')
