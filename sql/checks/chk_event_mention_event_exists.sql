-- Every event mention points at a merged event.
select m.mention_key, m.event_id
from fact_event_mention as m
anti join fact_event as e on e.event_id = m.event_id
