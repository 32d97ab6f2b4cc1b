-- CEPII BACI (t, i, j, k, v, q): exporter i to importer j, as an export reported by i.
-- v is in thousands of US dollars and q in tonnes: scaled to USD and kg in stage_trade.sql
-- through value_scale and weight_scale.
with source as (
    select * from trade_source
),

final as (
    select
        rn,
        i as reporter_code,
        j as partner_code,
        'X' as flow_code,
        'HS' as classification,
        k as cmd_code,
        'A' as freq,
        trim(t) as period,
        v as value,
        cast(null as varchar) as cif_value,
        v as fob_value,
        q as net_weight,
        cast(null as varchar) as qty,
        cast(null as varchar) as qty_unit,
        cast(null as varchar) as partner2_code,
        cast(null as varchar) as mot_code,
        cast(null as varchar) as customs_code,
        'false' as estimated
    from source
)

select * from final
