"""The document's pair of countries: the two states the story is about, which 'the two countries', 'both sides' and
an event's missing side stand for.

Counting mentions alone picks a country talked about rather than a party: a story on a king's visit to Egypt that
goes on to the Palestinian question names Palestine more often than Jordan, whose king is named by his title. Two
signs a newsroom gives are read beside the count: the headline or lead sentence names the story's pair ('Qatar and
Bahrain re-establish relations'), and the two parties are named together, in one sentence ('the joint
Jordanian-Egyptian committee'), more often than either is named with a bystander.

Two more (session 10): a well-known office holder's full name counts as a mention of the country he serves ('Prime
Minister Ana Lopes met the Latvian president' names Ana Lopes's country), and the two named as one subject in the
first sentences ('Chile and Peru restore ties', 'the Chile-Peru thaw') weigh more than a topic named as often.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import combinations

from flows.common.prefilter import Gate, word_gate
from flows.extract.countries import CountryMention, find_countries, is_historic
from flows.extract.event_grammar import rules
from flows.common.words import alternation
from flows.lexicon import read_table, read_toml

LEAD_WEIGHT = 3  # a mention in the first sentence (headline or lead) counts three times
TOGETHER_WEIGHT = 3  # each sentence naming both countries adds three to the pair's score
CANDIDATES = 4  # the pair is chosen among the four most weighted countries
LIST_COMMA = re.compile(r"^\s*,\s*(?:and\s+)?$")  # the gap between items of a list: 'Chile, Peru, and Bolivia'
JOINED_WEIGHT = 9  # each 'X and Y' / 'X-Y' naming the two as one subject in the lead adds nine more
JOINED_LEAD = 3  # sentences: headline, dateline or subtitle, lead. Further down, 'X and Y' is as often an aside
# ('two days after Lima and Quito had settled their row') or one pair of a multilateral story's many


@lru_cache(maxsize=1)
def _leader_names() -> tuple[re.Pattern[str], dict[str, str], Gate]:
    """Full names of well-known office holders (leaders.csv) -> their country: 'President Ana Lopes met the Latvian
    president in Riga' names Ana Lopes's country as surely as 'Estonia' would. Full names only: a family name alone
    is too often someone else's."""
    names: dict[str, str] = {}
    for row in read_table("leaders.csv"):
        name = row["name"].strip()
        if " " in name:
            names.setdefault(name, row["iso3"])
    # the 300-way alternation costs sre a try at every position; a sentence holding none of the names (as written,
    # the pattern is case-sensitive) cannot match, and the gate finds that in one C pass
    return re.compile(r"(?<!\w)" + alternation(names) + r"(?!\w)"), names, word_gate(set(names), cased=True)


@lru_cache(maxsize=1)
def _joiner() -> re.Pattern[str]:
    """What stands between two countries named as one subject: 'Chile and Peru', 'the Chile-Peru border',
    'Chilean and Peruvian officials' (countries.toml `pair_joiners`)."""
    return re.compile("^" + alternation(read_toml("countries.toml")["pair_joiners"], longest_first=False, escape=False)
                      + "$", re.I)


def _leaders_in(text: str) -> list[str]:
    pattern, names, gate = _leader_names()
    # the pattern tried only where the gate's automaton (every full name as written, the name its value) finds a name
    # starting, left to right past each match: finditer tried the 300-way alternation at every position (~170 us a
    # sentence; speed). A text holding none gets no start and no try
    found, done = [], 0
    for start in sorted({end + 1 - len(name) for end, name in gate.automaton.iter(text)}):
        match = pattern.match(text, start) if start >= done else None
        if match is not None:
            found.append(names[match.group(0)])
            done = match.end()
    return found


def _joined(states: list[CountryMention], text: str) -> set[tuple[str, str]]:
    """Pairs of neighbouring mentions joined as one subject ('Chile and Peru agreed'): a story's two parties are
    named so, a bystander seldom is."""
    joiner = _joiner()
    chains: list[list[CountryMention]] = []
    for mention in states:
        previous = chains[-1][-1] if chains else None
        gap = text[previous.end:mention.start] if previous else ""
        if previous and (joiner.match(gap) or LIST_COMMA.match(gap)):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    # 'Chile, Peru and Bolivia' is a list, no pair: only a chain of exactly two counts
    return {tuple(sorted((chain[0].iso3, chain[1].iso3))) for chain in chains  # type: ignore[misc]
            if len(chain) == 2 and chain[0].iso3 != chain[1].iso3 and joiner.match(text[chain[0].end:chain[1].start])}


def document_pair(mentions: list[list[CountryMention]], texts: list[str],
                  heading: str = "") -> tuple[str, str] | None:
    """The story's pair (the more often named country first), or None when the text names fewer than two states.
    `texts` are the sentences the mentions are in; `heading` is the text before the first sentence (a headline
    without a full stop is no sentence), read only when the sentences name fewer than two states.

    'Qatar and Bahrain re-establish relations ... talks in Saudi Arabia ... Qatar's ministry ... Saudi Arabia and Iran
    agreed last month': Qatar and Bahrain, named together in the lead, not Qatar and Saudi Arabia."""
    pair = _pair(mentions, texts)
    if pair is None and heading.strip():
        # 'Coffee was Kenya's top export to Italy' as the untitled first line, then only 'exports to Italy
        # rose' in the body: the headline names the story's other side
        return _pair([find_countries(heading), *mentions], [heading, *texts])
    return pair


def _pair(mentions: list[list[CountryMention]], texts: list[str]) -> tuple[str, str] | None:
    venue = rules()["venue"]
    counts: Counter[str] = Counter()  # plain mentions order the pair, as before ('the two' acts in that order)
    weights: Counter[str] = Counter()
    together: Counter[tuple[str, str]] = Counter()
    joined: Counter[tuple[str, str]] = Counter()
    for index, (sentence, text) in enumerate(zip(mentions, texts)):
        weight = LEAD_WEIGHT if index == 0 else 1
        states = [country for country in sentence if not is_historic(country.iso3)]
        counts.update(country.iso3 for country in states)
        # 'met on the sidelines of the summit in Riyadh': the summit's place is no party of the story
        named = [country.iso3 for country in states
                 if not venue.search(text, max(0, country.start - 80), country.start)]
        named += [iso3 for iso3 in _leaders_in(text) if iso3 not in named]
        for iso3 in named:
            weights[iso3] += weight
        for first, second in combinations(sorted(set(named)), 2):
            together[(first, second)] += weight
        if index < JOINED_LEAD:
            joined.update(_joined(states, text))
    ranked = [iso3 for iso3, _ in weights.most_common(CANDIDATES)]
    if len(ranked) < 2 or len(counts) < 2:
        # a leader's name weighs a named country, it does not make one: 'Prime Minister Ana Lopes arrived in Lima'
        # names one state, and the people of such a text take no country from a pair
        return None

    def score(two: tuple[str, str]) -> int:
        key = tuple(sorted(two))
        return weights[two[0]] + weights[two[1]] + TOGETHER_WEIGHT * together[key] + JOINED_WEIGHT * joined[key]

    best = max(combinations(ranked, 2), key=score)  # in rank order, max keeps the first: a tie keeps the more mentioned
    order = [iso3 for iso3, _ in counts.most_common()]
    order += [iso3 for iso3 in weights if iso3 not in counts]  # one named only by its leader comes after the rest
    first, second = sorted(best, key=order.index)  # the more often named first
    return first, second
