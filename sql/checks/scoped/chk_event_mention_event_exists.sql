-- Scoped form: the mentions the run wrote or re-pointed, and kept mentions of the events it deleted.
select m.mention_key, m.event_id
from fact_event_mention as m
anti join fact_event as e on e.event_id = m.event_id
where m.mention_key in (select mention_key from _w_fact_event_mention)
   or m.event_id in (select key from _g_fact_event)
