-- Version 3: no primary key on the tables that grow with the documents (the per-document facts, the people,
-- organizations, events, dates, feed items and the source inventory). DuckDB rewrites and re-compresses
-- every row group of a table with an index when a commit adds a row to it: adding one document to a
-- 10,000-document database rewrote every document's text (~1.1 s for dim_document alone), and the cost grew
-- with the database. Without the index an appended row is written alone (~0.04 s). Each table's grain is
-- still checked before every commit, by the grain audits generated from sql/star.yml (not null, unique).
-- DuckDB cannot drop a primary key in place: the tables go and the DDL recreates them; source_file goes
-- too, so the next run reads every source again (the star is derived data, as in migration 002).
drop table if exists fact_event_participant;
drop table if exists fact_event_mention;
drop table if exists fact_event;
drop table if exists fact_person_mention;
drop table if exists fact_membership;
drop table if exists fact_trade_claim;
drop table if exists fact_figure;
drop table if exists dim_person;
drop table if exists dim_organization;
drop table if exists dim_document;
drop table if exists dim_date;
drop table if exists feed_item;
drop table if exists source_file;
