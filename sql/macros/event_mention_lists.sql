-- The documents that mention each event and everyone any of its mentions names, each once, alphabetically
-- ("a.txt; b.txt", "Ann Berg; Tom Lee"), from `mentions` (v_event_mentions, which ties a mention to its document)
-- and fact_event_participant. `events`: a list of the event ids to list (null: every event). v_relations_timeline
-- lists every event's; the run's timeline artifact (flows/orchestrate/artifacts.py) only its newest events', so
-- it does not aggregate every event's mentions to show 20.
create or replace macro event_mention_lists(mentions, events) as table
select
    m.event_id,
    string_agg(distinct m.document_name, '; ' order by m.document_name) as documents,
    string_agg(distinct p.participant, '; ' order by p.participant) as participants
from query_table(mentions) as m
left join fact_event_participant as p on p.mention_key = m.mention_key
where events is null or list_contains(events, m.event_id)
group by m.event_id
