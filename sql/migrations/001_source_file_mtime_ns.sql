-- Version 1: source_file keeps each file's modification time, so an unchanged file is not hashed again.
-- Databases before it (version 0, no dyad_schema table) lack the column; null means "hash it next time".
alter table if exists source_file add column if not exists mtime_ns bigint;
