-- Every event mention with its scope in its document: 'dyad' when its pair is the document's own pair (or a pair the
-- document names in more than one event), 'context' when it is another pair told once in passing. An article about
-- Arlandia and Borvia that adds "two other states of the region made up last month and restored their ties" tells
-- that event as background: the reader of the Arlandia-Borvia timeline does not expect it there, so v_event_mentions
-- leaves it out, while this view keeps it (nothing extracted is thrown away).
-- The document's pair is the pair of most of its event mentions; a tie goes to the pair told first (a story's lead
-- tells its own pair: 'Qatar and Bahrain restore ties' before the Saudi-Iranian and Emirati asides told once each).
create or replace view v_event_scope as
with mentions as (
    select
        mention_key,
        document_key,
        least(actor_iso3, target_iso3) as country_a,
        greatest(actor_iso3, target_iso3) as country_b,
        sentence_index
    from fact_event_mention
),

pair_counts as (
    select document_key, country_a, country_b, count(*) as pair_mentions, min(sentence_index) as first_sentence
    from mentions
    group by document_key, country_a, country_b
),

ranked as (
    select
        *,
        row_number() over (
            partition by document_key order by pair_mentions desc, first_sentence, country_a, country_b
        ) as pair_rank
    from pair_counts
),

document_pair as (
    select document_key, country_a as dyad_a, country_b as dyad_b
    from ranked
    where pair_rank = 1
),

final as (
    select
        m.mention_key,
        m.document_key,
        d.dyad_a,
        d.dyad_b,
        c.pair_mentions,
        case
            when d.dyad_a is null then 'dyad'
            when m.country_a = d.dyad_a and m.country_b = d.dyad_b then 'dyad'
            when c.pair_mentions > 1 then 'dyad'
            else 'context'
        end as scope
    from mentions as m
    inner join pair_counts as c
        on c.document_key = m.document_key and c.country_a = m.country_a and c.country_b = m.country_b
    left join document_pair as d on d.document_key = m.document_key
)

select * from final
