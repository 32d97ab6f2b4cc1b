-- Scoped form: the documents the run wrote (a run whose dim_country changed audits in full).
select d.document_key, d.pair_a, d.pair_b
from _w_dim_document as d
where (d.pair_a is null) <> (d.pair_b is null) or d.pair_a >= d.pair_b
   or d.pair_a not in (select iso3 from dim_country) or d.pair_b not in (select iso3 from dim_country)
