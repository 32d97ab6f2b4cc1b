"""The document's pair of countries: the two states the story is about, which 'the two countries', 'both sides' and
an event's missing side stand for.

Counting mentions alone picks a country talked about rather than a party: a story on a king's visit to Egypt that
goes on to the Palestinian question names Palestine more often than Jordan, whose king is named by his title. Two
signs a newsroom gives are read beside the count: the headline or lead sentence names the story's pair ('Qatar and
Bahrain re-establish relations'), and the two parties are named together, in one sentence ('the joint
Jordanian-Egyptian committee'), more often than either is named with a bystander.
"""
from __future__ import annotations

from collections import Counter
from itertools import combinations

from flows.extract.countries import CountryMention, is_historic
from flows.extract.event_grammar import rules

LEAD_WEIGHT = 3  # a mention in the first sentence (headline or lead) counts three times
TOGETHER_WEIGHT = 3  # each sentence naming both countries adds three to the pair's score
CANDIDATES = 4  # the pair is chosen among the four most weighted countries


def document_pair(mentions: list[list[CountryMention]], texts: list[str]) -> tuple[str, str] | None:
    """The story's pair (the more often named country first), or None when the text names fewer than two states.
    `texts` are the sentences the mentions are in.

    'Qatar and Bahrain re-establish relations ... talks in Saudi Arabia ... Qatar's ministry ... Saudi Arabia and Iran
    agreed last month': Qatar and Bahrain, named together in the lead, not Qatar and Saudi Arabia."""
    venue = rules()["venue"]
    counts: Counter[str] = Counter()  # plain mentions order the pair, as before ('the two' acts in that order)
    weights: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    for index, (sentence, text) in enumerate(zip(mentions, texts)):
        weight = LEAD_WEIGHT if index == 0 else 1
        states = [country for country in sentence if not is_historic(country.iso3)]
        counts.update(country.iso3 for country in states)
        # 'met on the sidelines of the summit in Riyadh': the summit's place is no party of the story
        named = [country.iso3 for country in states
                 if not venue.search(text, max(0, country.start - 80), country.start)]
        for iso3 in named:
            weights[iso3] += weight
        for first, second in combinations(sorted(set(named)), 2):
            together[(first, second)] += weight
    ranked = [iso3 for iso3, _ in weights.most_common(CANDIDATES)]
    if len(ranked) < 2:
        return None

    def score(two: tuple[str, str]) -> int:
        return weights[two[0]] + weights[two[1]] + TOGETHER_WEIGHT * together[tuple(sorted(two))]

    best = max(combinations(ranked, 2), key=score)  # in rank order, max keeps the first: a tie keeps the more mentioned
    order = [iso3 for iso3, _ in counts.most_common()]
    first, second = sorted(best, key=order.index)  # the more often named first
    return first, second
