-- Numbers the documents state about a relation: value, unit, period and direction.
create or replace view v_figures as
with figures as (
    select * from with_document('fact_figure')
),

final as (
    select
        f.document_name,
        f.measure,
        f.value,
        f.unit,
        f.period_start,
        f.period_end,
        f.exporter_iso3,
        f.importer_iso3,
        f.evidence,
        f.qualifier,
        f.sentence_index,
        f.char_start,
        f.char_end,
        f.document_key,
        f.figure_key
    from figures as f
)

select * from final
