-- Scoped form: the mentions of the documents the run wrote. The check reads a mention's span and evidence and
-- its document's text, which only a document's own rows write (a re-pointed kept mention changes its event id
-- only); a mention written under another document's key makes that document one the run wrote
-- (flows/warehouse/audit_scope.py), so it is checked too. Filtering dim_document first keeps DuckDB from reading
-- every document's text: 0.1 s -> 0.01 s at 10,000 documents.
select m.mention_key, m.document_key, m.char_start, m.char_end
from fact_event_mention as m
inner join _w_dim_document as d on d.document_key = m.document_key
where substr(d.text, m.char_start + 1, m.char_end - m.char_start) <> m.evidence
