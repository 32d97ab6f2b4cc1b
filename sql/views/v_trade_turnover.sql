-- Per pair of countries (country_a < country_b), year and source: the turnover (exports plus imports
-- between the two) as each side reports it. The two sides are never added to each other.
-- a_flows / b_flows say whether a side reported both flows or only one.
create or replace view v_trade_turnover as
with annual as (
    select * from v_trade_annual
    where flow in ('export', 'import')
),

by_reporter as (
    select
        year,
        source,
        least(reporter_iso3, partner_iso3) as country_a,
        greatest(reporter_iso3, partner_iso3) as country_b,
        reporter_iso3,
        sum(value_usd) as turnover_usd,
        string_agg(flow, '+' order by flow) as flows,
        bool_and(all_products) as all_products
    from annual
    group by year, source, reporter_iso3, partner_iso3
),

final as (
    select
        year,
        country_a,
        country_b,
        source,
        max(turnover_usd) filter (where reporter_iso3 = country_a) as a_reported_turnover_usd,
        max(turnover_usd) filter (where reporter_iso3 = country_b) as b_reported_turnover_usd,
        max(flows) filter (where reporter_iso3 = country_a) as a_flows,
        max(flows) filter (where reporter_iso3 = country_b) as b_flows,
        bool_and(all_products) as all_products
    from by_reporter
    group by year, country_a, country_b, source
)

select * from final
order by country_a, country_b, year, source
