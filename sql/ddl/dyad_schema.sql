-- The marker of a dyad database: one row each time its schema was created, migrated or adopted.
-- dyad writes only into a database that has it (flows/warehouse/marker.py); version = newest sql/migrations file.
create table if not exists dyad_schema (
    version    integer not null,  -- the schema version written: the number of the newest sql/migrations file
    written_at timestamp not null,  -- when the schema was created, migrated or adopted
    how        varchar not null  -- created, migrated from N, adopted
);
