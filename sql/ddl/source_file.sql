-- Every source file the database was built from, with its content hash: what incremental runs compare.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists source_file (
    relpath           varchar not null,
    kind              varchar not null,
    format            varchar not null,
    sha256            varchar not null,
    size_bytes        bigint not null,
    mtime_ns          bigint not null,    -- with size: an unchanged file is not hashed again
    origin            varchar,
    licence           varchar,
    in_manifest       boolean not null,
    extractor_version varchar not null  -- a new extractor reads every document again
);
