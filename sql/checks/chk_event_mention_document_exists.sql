-- Every event mention belongs to a loaded document.
select m.mention_key
from fact_event_mention as m
anti join dim_document as d on d.document_key = m.document_key
