"""Countries named only in an aside are no sides of the act, so they do not make it look multilateral: a relative
clause that closes the sentence after the act ('Arland and Borvia signed the treaty in 1983, which Cordia joined later
that year'), a bracket ('Arland (independent from Cordia since 1821) set up relations with Borvia in 1950') or an
apposition after a name ('Arland, a former Cordian colony, set up relations with Borvia')."""
from __future__ import annotations

import re
from dataclasses import replace

from flows.common.words import alternation
from flows.common.dates import DateMention
from flows.extract.event_parties import Parties
from flows.lexicon import read_toml

_WORDS = read_toml("clause_sides.toml")

# ', which Cordia joined later', ', who had visited Cordia': a relative clause set off by a comma, to the sentence end
TRAILING_RELATIVE = re.compile(r",\s+" + alternation(read_toml("events.toml")["clause_words"]["relative_pronouns"])
                               + r"\b[^,;]*[.!?]?\s*$", re.I)
# ', becoming the third pair to do so, along with Cordia': a participle or comparison to the sentence end
TRAILING_ASIDE = re.compile(r",\s+" + alternation(_WORDS["trailing_openers"], escape=False, longest_first=False)
                            + r"\b[^;]*$")
RANK_RESTATED = re.compile(_WORDS["rank_restated"], re.I)
BRACKET = re.compile(r"\([^()]{1,120}\)")
# ', a former Cordian colony,' after a word: a description of what it names, closed by a comma; its words hold a
# lower-case one and no list goes on after it ('Arland, the United States, and Borvia' is a list); no time word or
# number comes before it ('In May, the president of Arland, Tom Bell, met ...')
APPOSITION = re.compile(r"\b(?!" + alternation(_WORDS["time_words"]) + r",)(?!\d)[\w’'-]+"
                        r"(,\s+" + alternation(_WORDS["apposition_openers"])
                        + r"\s(?=[^,;()]*\b[a-z])[^,;()]{1,80},)(?!\s*(?:and|or)\b)")
# 'Tom Bell, elected in late 2019, is the first premier to visit Borvia': an aside after a capitalised name opened by
# a participle that dates its own act (clause_sides.toml person_participles: 'appointed', 'sworn in' ...; events.toml
# date_participles: 'founded', 'signed' ...), closed by a comma. Anchored on the comma: the capitalised word before
# it is checked by participle_asides over a bounded look-back (a search that began at every word boundary took time
# in the square of the length on 'A.A.A.' runs)
PARTICIPLE_ASIDE = re.compile(r",\s+" + alternation(
    [*_WORDS["person_participles"], *read_toml("events.toml")["clause_words"]["date_participles"]])
    + r"\b[^,;()]{1,80},")
NAME_BEFORE = re.compile(r"\b[A-Z][\w’'.-]*$")
NAME_REACH = 40
# 'Arland, which had opened an embassy in Cordia in 1964, opened ...': a relative clause between commas
INNER_RELATIVE = re.compile(r",\s+" + alternation(read_toml("events.toml")["clause_words"]["relative_pronouns"])
                            + r"\b[^,;()]{1,120},", re.I)


def _aside_spans(sentence: str, trigger_start: int, trigger_end: int) -> list[tuple[int, int]]:
    """Where the sentence's asides are that do not hold the trigger: brackets, appositions and relative clauses
    between commas anywhere, a relative clause that closes the sentence after the trigger."""
    spans = [(m.start(), m.end()) for pattern in (BRACKET, INNER_RELATIVE) for m in pattern.finditer(sentence)]
    spans += [(m.start(1), m.end(1)) for m in APPOSITION.finditer(sentence)]
    for pattern in (TRAILING_RELATIVE, TRAILING_ASIDE):
        trailing = pattern.search(sentence, trigger_end)
        spans += [(trailing.start(), len(sentence))] if trailing else []
    return [(begin, end) for begin, end in spans if not begin <= trigger_start < end]


def without_asides(parties: Parties, sentence: str, trigger_start: int, trigger_end: int) -> Parties:
    """The parties with the countries named only in asides (a bracket, an apposition, a closing relative clause
    after the trigger) left out, when at least two sides stay or 'the two countries' names them; otherwise the
    parties as read."""
    spans = _aside_spans(sentence, trigger_start, trigger_end)
    if not spans:
        return parties
    inside = {iso for iso, start in parties.places if any(begin <= start < end for begin, end in spans)}
    outside = {iso for iso, start in parties.places if not any(begin <= start < end for begin, end in spans)}
    dropped = inside - outside
    if not dropped or (len(set(parties.all) - dropped) < 2 and not parties.pair_phrase):
        return parties

    def keep(isos: list[str]) -> list[str]:
        return [iso for iso in isos if iso not in dropped]

    return replace(parties, subjects=keep(parties.subjects), dests=keep(parties.dests), withs=keep(parties.withs),
                   ofs=keep(parties.ofs), all=keep(parties.all), hosts=keep(parties.hosts),
                   locs=[(iso, text) for iso, text in parties.locs if iso not in dropped],
                   places=[(iso, start) for iso, start in parties.places if iso not in dropped])


def dates_outside_asides(dates: list[DateMention], sentence: str, trigger_start: int) -> list[DateMention]:
    """The dates left when those inside an aside that closes before the trigger go, if any date stays: 'Arland
    (independent since 1821) set up relations with Borvia in 1950' dates the relations 1950, the bracket told of
    Arland; 'the treaty (1990)', a bracket after the trigger, still dates it."""
    spans = [(begin, end) for begin, end in _aside_spans(sentence, trigger_start, len(sentence)) if end <= trigger_start]
    outside = [mention for mention in dates if not any(begin <= mention.start < end for begin, end in spans)
               or _only_a_date(mention, sentence, dates)]
    return outside or dates


def participle_asides(sentence: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of the participle asides after a capitalised word (', elected in late 2019,' after 'Tom Bell') in
    sentence[start:end], each from its opening comma to its closing one. event_dating.event_date reads them with the
    'who' asides: their dates are the person's acts, never the act after them."""
    spans: list[tuple[int, int]] = []
    position = start
    while (aside := PARTICIPLE_ASIDE.search(sentence, position, len(sentence) if end is None else end)) is not None:
        comma = aside.start()
        if NAME_BEFORE.search(sentence, max(0, comma - NAME_REACH), comma) is not None:
            spans.append((comma, aside.end()))
            position = aside.end()
        else:
            position = comma + 1
    return spans


def rank_restated(sentence: str, trigger_start: int) -> bool:
    """'Arland and Borvia set up relations on 4 May, becoming the third state to recognise Borvia': the trigger after
    the rank tells the act before it again."""
    return RANK_RESTATED.search(sentence, max(0, trigger_start - 100), trigger_start) is not None


def _only_a_date(mention: DateMention, sentence: str, dates: list[DateMention]) -> bool:
    """A bracket that holds nothing but one month or day and directly follows the time phrase it narrows ('In the
    same year (March, 2002) the minister visited'): no aside about another thing, it tells the clause's time
    (near28a). Only right after a date mention (one ending 0-2 characters before the bracket): 'the minister, born
    (March 1960) in Cusco, visited' and 'after the accord (12 June 2008) came into force' are asides (mend30a). Not a
    year or a span of years: '(1990-1995)' after a name is a term of office, '(1957)' one item's year in a list."""
    if not (mention.start > 0 and mention.kind == "point" and mention.precision in ("day", "month")
            and BRACKET.fullmatch(sentence, mention.start - 1, mention.end + 1) is not None):
        return False
    opening = mention.start - 1
    return any(other is not mention and 0 <= opening - other.end <= 2 for other in dates)
