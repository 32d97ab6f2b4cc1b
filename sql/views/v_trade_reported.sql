-- Trade figures as officials and news agencies published them, one row per figure. The reporting
-- side (reported_by) stays apart: two countries' statistics for the same year are never added up.
create or replace view v_trade_reported as
with reported as (
    select * from fact_trade_reported
),

final as (
    select
        period_start,
        period_end,
        measure,
        exporter_iso3,
        importer_iso3,
        value_usd,
        reported_by,
        source,
        qualifier,
        speaker,
        source_url,
        note,
        row_ref
    from reported
)

select * from final
order by period_start, period_end, measure, exporter_iso3, importer_iso3, reported_by
