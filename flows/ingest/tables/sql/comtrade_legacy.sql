-- Comtrade legacy CSV (35 columns, "Classification" .. "Flag") renamed into the common raw layout.
-- Trade Flow Code: 1 import, 2 export, 3 re-export, 4 re-import. No second partner, mode of
-- transport or customs procedure breakdowns exist in this layout.
with source as (
    select * from trade_source
),

final as (
    select
        rn,
        "Reporter Code" as reporter_code,
        "Partner Code" as partner_code,
        "Trade Flow Code" as flow_code,
        "Classification" as classification,
        "Commodity Code" as cmd_code,
        case when length(trim("Period")) = 6 then 'M' else 'A' end as freq,
        trim("Period") as period,
        "Trade Value (US$)" as value,
        "CIF Trade Value (US$)" as cif_value,
        "FOB Trade Value (US$)" as fob_value,
        "Netweight (kg)" as net_weight,
        "Qty" as qty,
        "Qty Unit" as qty_unit,
        "2nd Partner Code" as partner2_code,
        "Mode of Transport Code" as mot_code,
        "Customs Proc. Code" as customs_code,
        cast(coalesce(trim("Flag"), '0') not in ('0', '') as varchar) as estimated
    from source
)

select * from final
