-- Every event mention's span must be its evidence in the stored document text.
select m.mention_key, m.document_key, m.char_start, m.char_end
from fact_event_mention as m
inner join dim_document as d on d.document_key = m.document_key
where substr(d.text, m.char_start + 1, m.char_end - m.char_start) <> m.evidence
