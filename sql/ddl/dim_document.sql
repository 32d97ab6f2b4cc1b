-- One row per source document; `text` is the plain text every character offset indexes; `pair_a`/`pair_b` the
-- two countries the extractor reads the story to be about (v_event_scope's document pair; null when it found none).
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists dim_document (
    document_key     varchar not null,  -- sha256 of the relative path, first 16 hex: stable across edits
    name             varchar not null,     -- the source file's base name
    path             varchar not null,     -- relative to the sources folder
    format           varchar not null,
    sha256           varchar not null,     -- of the file's bytes: what makes a document "changed"
    size_bytes       bigint not null,
    encoding         varchar,
    title            varchar,
    outlet           varchar,
    dateline_place   varchar,
    published_date   date,
    published_source varchar,
    text             varchar not null,
    ingested_at      timestamp not null,   -- first run that saw this content
    pair_a           varchar,
    pair_b           varchar
);
