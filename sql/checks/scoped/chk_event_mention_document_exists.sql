-- Scoped form: the mentions the run wrote, and kept mentions of the documents it removed.
select m.mention_key
from fact_event_mention as m
anti join dim_document as d on d.document_key = m.document_key
where m.mention_key in (select mention_key from _w_fact_event_mention)
   or m.document_key in (select key from _g_dim_document)
