-- Comtrade API v1 records (JSON "data" or the 47-column CSV) renamed into the common raw layout.
-- Names match case-insensitively (cifvalue / cifValue); refMonth 52 marks an annual record.
-- Every field arrives as text (sources.conform: the CSV is read without type inference, a JSON value is
-- written as text), so no field needs a cast here: stage_trade.sql types them.
with source as (
    select * from trade_source
),

codes as (
    -- a pandas frame saved with a gap in an integer column writes its codes as floats (refYear 2023.0,
    -- reporterCode 31.0): the same codes, written without the '.0' (the regex only where there is a dot: it is
    -- the costliest step of the layout, and most files have none)
    select
        * replace (
            case when contains(refyear, '.') then regexp_replace(trim(refyear), '\.0+$', '')
                else trim(refyear) end as refyear,
            case when contains(refmonth, '.') then regexp_replace(trim(refmonth), '\.0+$', '')
                else trim(refmonth) end as refmonth,
            case when contains(reportercode, '.') then regexp_replace(trim(reportercode), '\.0+$', '')
                else trim(reportercode) end as reportercode,
            case when contains(partnercode, '.') then regexp_replace(trim(partnercode), '\.0+$', '')
                else trim(partnercode) end as partnercode,
            case when contains(partner2code, '.') then regexp_replace(trim(partner2code), '\.0+$', '')
                else trim(partner2code) end as partner2code,
            case when contains(motcode, '.') then regexp_replace(trim(motcode), '\.0+$', '')
                else trim(motcode) end as motcode
        )
    from source
),

final as (
    select
        rn,
        reportercode as reporter_code,
        partnercode as partner_code,
        flowcode as flow_code,
        classificationcode as classification,
        cmdcode as cmd_code,
        freqcode as freq,
        case
            when refmonth in ('52', '') or refmonth is null then refyear
            else refyear || lpad(refmonth, 2, '0')
        end as period,
        primaryvalue as value,
        cifvalue as cif_value,
        fobvalue as fob_value,
        netwgt as net_weight,
        qty,
        qtyunitabbr as qty_unit,
        partner2code as partner2_code,
        motcode as mot_code,
        customscode as customs_code,
        cast(
            lower(isqtyestimated) = 'true' or lower(isnetwgtestimated) = 'true'
            as varchar
        ) as estimated
    from codes
)

select * from final
