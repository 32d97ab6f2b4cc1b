-- The rows of a fact read from documents, each with its document's file name and publication date
-- (`from with_document('fact_trade_claim')`): the one join every mention view makes. A fact row whose
-- document is missing is left out (the foreign-key audits of sql/star.yml keep there being none).
create or replace macro with_document(fact_table) as table
select
    facts.*,
    documents.name as document_name,
    documents.published_date
from query_table(fact_table) as facts
inner join dim_document as documents on documents.document_key = facts.document_key
