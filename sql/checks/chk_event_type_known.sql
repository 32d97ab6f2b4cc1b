-- Every event type is in the vocabulary.
select e.event_id, e.event_type
from fact_event as e
anti join dim_event_type as t on t.code = e.event_type
