-- One row per country pair: when relations began, how many events and visits, the organizations both
-- belong to, the latest published trade figure with the side that reported it, and the latest year of
-- trade statistics with the turnover each side reports (never added together).
create or replace view v_dyad_summary as
with events as (
    select
        least(actor_iso3, target_iso3) as country_a,
        greatest(actor_iso3, target_iso3) as country_b,
        *
    from fact_event
    where actor_iso3 <> target_iso3
),

shared_memberships as (
    select
        a.country_iso3 as country_a,
        b.country_iso3 as country_b,
        coalesce(o.acronym, o.name) as organization
    from fact_membership as a
    inner join fact_membership as b
        on a.document_key = b.document_key
        and a.organization_key = b.organization_key
        and a.country_iso3 < b.country_iso3
    inner join dim_organization as o on o.organization_key = a.organization_key
),

reported as (
    select
        least(exporter_iso3, importer_iso3) as country_a,
        greatest(exporter_iso3, importer_iso3) as country_b,
        *
    from v_trade_reported
),

claims as (
    select
        least(exporter_iso3, importer_iso3) as country_a,
        greatest(exporter_iso3, importer_iso3) as country_b
    from fact_trade_claim
    where exporter_iso3 <> importer_iso3
),

statistics as (
    select
        country_a,
        country_b,
        year as statistics_latest_year,
        a_reported_turnover_usd,
        b_reported_turnover_usd
    from v_trade_turnover
    where source = 'comtrade'
    qualify row_number() over (partition by country_a, country_b order by year desc) = 1
),

pairs as (
    select country_a, country_b from events
    union
    select country_a, country_b from shared_memberships
    union
    select country_a, country_b from reported
    union
    select country_a, country_b from claims
    union
    select country_a, country_b from statistics
),

event_stats as (
    select
        country_a,
        country_b,
        min(event_date) filter (
            where event_type = 'diplomatic_relations_established' and status = 'occurred'
        ) as relations_established,
        count(*) filter (where status = 'occurred') as n_events,
        count(*) filter (where family = 'visit' and status = 'occurred') as n_visits,
        max(event_date) filter (where family = 'visit' and status = 'occurred') as last_visit,
        count(*) filter (where status = 'planned') as n_planned
    from events
    group by country_a, country_b
),

organization_stats as (
    select
        country_a,
        country_b,
        string_agg(distinct organization, ', ' order by organization) as shared_organizations
    from shared_memberships
    group by country_a, country_b
),

latest_reported as (
    select
        country_a,
        country_b,
        measure as latest_trade_measure,
        value_usd as latest_trade_value_usd,
        period_start as latest_trade_period_start,
        period_end as latest_trade_period_end,
        reported_by as latest_trade_reported_by
    from reported
    qualify row_number() over (
        partition by country_a, country_b
        order by period_end desc, (measure = 'turnover') desc, value_usd desc
    ) = 1
),

final as (
    select
        p.country_a,
        p.country_b,
        e.relations_established,
        coalesce(e.n_events, 0) as n_events,
        coalesce(e.n_visits, 0) as n_visits,
        e.last_visit,
        o.shared_organizations,
        t.latest_trade_measure,
        t.latest_trade_value_usd,
        t.latest_trade_period_start,
        t.latest_trade_period_end,
        t.latest_trade_reported_by,
        coalesce(e.n_planned, 0) as n_planned,
        s.statistics_latest_year,
        s.a_reported_turnover_usd as turnover_reported_by_a_usd,
        s.b_reported_turnover_usd as turnover_reported_by_b_usd
    from pairs as p
    left join event_stats as e using (country_a, country_b)
    left join organization_stats as o using (country_a, country_b)
    left join latest_reported as t using (country_a, country_b)
    left join statistics as s using (country_a, country_b)
)

select * from final
order by country_a, country_b
