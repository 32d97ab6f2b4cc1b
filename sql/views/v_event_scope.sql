-- Every event mention with its scope in its document: 'dyad' when its pair is the document's own pair (or a pair the
-- document names in more than one event), 'context' when it is another pair told once in passing. An article about
-- Arlandia and Borvia that adds "two other states of the region made up last month and restored their ties" tells
-- that event as background: the reader of the Arlandia-Borvia timeline does not expect it there, so v_event_mentions
-- leaves it out, while this view keeps it (nothing extracted is thrown away).
-- The document's own pair is the extractor's (dim_document.pair_a/pair_b: the two countries it reads the story to be
-- about, from headline, lead, countries named together and mentions), so an Arlandia-Borvia story whose first
-- sentence recalls a Corvia-Dorland dispute and then tells one Arlandia-Borvia visit keeps the visit and sets the
-- dispute aside. The mentions overrule it only when another pair is told in at least three event mentions and in more
-- than twice as many as the extractor's pair: the extractor can misread a pair from a name (a ministry department
-- named for the Americas read as the United States), and three acts of one pair against one of its pair say more
-- than its reading; an aside told twice against the story's own act told once does not (it stays 'dyad' by being
-- told twice, and the story's act stays its own). Where
-- the extractor gave no pair (fewer than two states named, or its facts not extracted) it is the pair of most of the
-- document's event mentions, a tie going to the pair told first (dyad_source says which rule chose).
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

-- The extractor's pair with its own mention count; it stands unless the top mention pair is told at least three times
-- and more than twice as often (then, and where the extractor gave no pair, the top mention pair stands).
extractor_pair as (
    select d.document_key, d.pair_a, d.pair_b, coalesce(c.pair_mentions, 0) as extractor_mentions
    from dim_document as d
    left join pair_counts as c
        on c.document_key = d.document_key and c.country_a = d.pair_a and c.country_b = d.pair_b
    where d.pair_a is not null and d.pair_b is not null
),

document_pair as (
    select
        r.document_key,
        case when e.document_key is not null then e.pair_a else r.country_a end as dyad_a,
        case when e.document_key is not null then e.pair_b else r.country_b end as dyad_b,
        case when e.document_key is not null then 'extractor' else 'mentions' end as dyad_source
    from ranked as r
    left join extractor_pair as e
        on e.document_key = r.document_key
        and not (r.pair_mentions >= 3 and r.pair_mentions > 2 * e.extractor_mentions)
    where r.pair_rank = 1
),

final as (
    select
        m.mention_key,
        m.document_key,
        d.dyad_a,
        d.dyad_b,
        d.dyad_source,
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
