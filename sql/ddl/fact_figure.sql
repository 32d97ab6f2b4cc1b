-- A number a document states about the relation (turnover, exports, counts), with unit and period.
-- No primary key: its grain (sql/star.yml) is audited before every commit (migration 003 says why).
create table if not exists fact_figure (
    figure_key     varchar not null, -- hash of document, sentence, span, measure, value, unit, period, direction
    document_key   varchar not null,
    measure        varchar not null,
    value          double not null,
    unit           varchar not null,
    qualifier      varchar,
    period_start   date,
    period_end     date,
    exporter_key   integer,
    exporter_iso3  varchar,
    importer_key   integer,
    importer_iso3  varchar,
    sentence_index integer not null,
    char_start     integer not null,
    char_end       integer not null,
    evidence       varchar not null
);
