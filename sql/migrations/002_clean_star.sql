-- Version 2: the clean star (a country key on every fact, hashed keys on dimensions, claims and figures,
-- trade_reported renamed fact_trade_reported). The star is derived data: rather than rewrite each table, the
-- migration drops every table but the run history, so the DDL recreates them and the next run reads every
-- source again (source_file goes too); facts of documents that were not read again would lack the new keys.
drop table if exists trade_reported;
drop table if exists fact_trade_claim;
drop table if exists fact_trade;
drop table if exists fact_figure;
drop table if exists fact_membership;
drop table if exists fact_person_mention;
drop table if exists fact_event_participant;
drop table if exists fact_event_mention;
drop table if exists fact_event;
drop table if exists stg_event_mentions;
drop table if exists stg_figures;
drop table if exists stg_memberships;
drop table if exists stg_person_mentions;
drop table if exists stg_trade_claims;
drop table if exists dim_source_table;
drop table if exists dim_product;
drop table if exists dim_person;
drop table if exists dim_organization;
drop table if exists dim_event_type;
drop table if exists dim_document;
drop table if exists dim_date;
drop table if exists dim_country;
drop table if exists country_code_map;
drop table if exists source_file;
