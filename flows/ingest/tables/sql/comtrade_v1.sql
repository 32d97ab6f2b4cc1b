-- Comtrade API v1 records (JSON "data" or the 47-column CSV) renamed into the common raw layout.
-- Names match case-insensitively (cifvalue / cifValue); refMonth 52 marks an annual record.
with source as (
    select * from trade_source
),

codes as (
    -- a pandas frame saved with a gap in an integer column writes its codes as floats (refYear 2023.0,
    -- reporterCode 31.0): the same codes, written without the '.0'
    select
        * replace (
            regexp_replace(trim(cast(refyear as varchar)), '\.0+$', '') as refyear,
            regexp_replace(trim(cast(refmonth as varchar)), '\.0+$', '') as refmonth,
            regexp_replace(trim(cast(reportercode as varchar)), '\.0+$', '') as reportercode,
            regexp_replace(trim(cast(partnercode as varchar)), '\.0+$', '') as partnercode,
            regexp_replace(trim(cast(partner2code as varchar)), '\.0+$', '') as partner2code,
            regexp_replace(trim(cast(motcode as varchar)), '\.0+$', '') as motcode
        )
    from source
),

final as (
    select
        rn,
        cast(reportercode as varchar) as reporter_code,
        cast(partnercode as varchar) as partner_code,
        cast(flowcode as varchar) as flow_code,
        cast(classificationcode as varchar) as classification,
        cast(cmdcode as varchar) as cmd_code,
        cast(freqcode as varchar) as freq,
        case
            when trim(cast(refmonth as varchar)) in ('52', '')
                or refmonth is null
                then cast(refyear as varchar)
            else cast(refyear as varchar) || lpad(trim(cast(refmonth as varchar)), 2, '0')
        end as period,
        cast(primaryvalue as varchar) as value,
        cast(cifvalue as varchar) as cif_value,
        cast(fobvalue as varchar) as fob_value,
        cast(netwgt as varchar) as net_weight,
        cast(qty as varchar) as qty,
        cast(qtyunitabbr as varchar) as qty_unit,
        cast(partner2code as varchar) as partner2_code,
        cast(motcode as varchar) as mot_code,
        cast(customscode as varchar) as customs_code,
        cast(
            lower(cast(isqtyestimated as varchar)) = 'true'
            or lower(cast(isnetwgtestimated as varchar)) = 'true'
            as varchar
        ) as estimated
    from codes
)

select * from final
