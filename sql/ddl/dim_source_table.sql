-- One row per statistics table read: its format as detected and what became of its rows.
create table if not exists dim_source_table (
    source_key varchar primary key,     -- first 16 hex digits of the file's sha256
    path varchar not null,              -- relative to the sources folder
    format varchar not null,
    sha256 varchar not null,
    rows integer not null,
    loaded integer not null,
    quarantined integer not null
);
