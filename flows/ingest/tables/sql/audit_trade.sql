-- The FactTrade audit (schemas/trade.py) as SQL predicates over staged rows (trade_staged: stage_trade.sql over
-- the layout, inlined by trade_load.stage_query; the patterns, lists and the ceiling are schemas.trade's own,
-- passed as parameters). A loading row for which every check holds goes straight from DuckDB into fact_trade;
-- only the others (audit_suspect: a value of -5 USD, 2e14 USD, NaN, infinity) cross to Python, where Pandera
-- words the failed check exactly as the audit always has. The checks here must never pass a row Pandera would
-- fail: NaN and infinity count as suspect whatever the comparison says.
select
    *,
    reason is null and not coalesce(
        regexp_matches(reporter_iso3, $iso3)
        and regexp_matches(partner_iso3, $iso3)
        and list_contains($flows, flow)
        and regexp_matches(hs_code, $hs_code)
        and product_key >= 0
        and list_contains($freqs, freq)
        and year between 1950 and 2100
        and (month is null or month between 1 and 12)
        and isfinite(value_usd) and value_usd >= 0 and value_usd <= $max_trade_usd
        and (net_weight_kg is null or (isfinite(net_weight_kg) and net_weight_kg >= 0))
        and (quantity is null or (isfinite(quantity) and quantity >= 0))
        and reporter_iso3 <> partner_iso3
        and (freq = 'M') = (month is not null),
        false
    ) as audit_suspect
from trade_staged
