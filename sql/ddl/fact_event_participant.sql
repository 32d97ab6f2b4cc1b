-- Who took part in an event, as each document names them: one row per event mention and participant.
-- The one place participants are stored; v_event_mentions and v_relations_timeline list them from here.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_event_participant (
    mention_key  varchar not null,  -- fact_event_mention.mention_key
    document_key varchar not null,
    position     integer not null,  -- order in the sentence's list of participants (0-based)
    participant  varchar not null,  -- the name as the sentence gives it
    person_key   varchar,           -- dim_person.person_key when a person of the same document has that name
    role         varchar           -- that person's role in the document
);
