-- A document's pair (dim_document.pair_a/pair_b, the extractor's) is both countries or neither, in order, two
-- countries of dim_country.
select d.document_key, d.pair_a, d.pair_b
from dim_document as d
where (d.pair_a is null) <> (d.pair_b is null) or d.pair_a >= d.pair_b
   or d.pair_a not in (select iso3 from dim_country) or d.pair_b not in (select iso3 from dim_country)
