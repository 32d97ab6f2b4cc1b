"""Acts whose subject is no state: firms that sign, a party or an association that visits (near28b; mend30a).

'The two companies signed an agreement': the firm noun heads the clause's subject, so the deal is the firms', no
agreement between the states. It must head the subject: no country or person mention, no finite verb and no 'and'
right before the verb may stand between the noun and 'signed' ('Minister X met Borvian entrepreneurs ... and signed
an agreement', 'with the backing of the private sector Arland and Borvia signed', 'trade between their businesses
doubled after Arland and Borvia signed' are the states' acts). A country after 'from' or 'of' belongs to the firms
('business people and their partners from Borvia signed').

'The national party landed in Arland', 'a delegation of the Arland Coffee Association visited Borvia': the noun
right before the arrival verb is no state's. Skipped when a person, a title or a second noun phrase joined by 'and'
stands earlier in the subject ('Minister X and a team from the Y Association visited', 'Ana Soto and a team from ...'
are the visitor's own visit; 'the diplomat and explorer X arrived' is still the explorer's).

The nouns are rows of flows/lexicon/events.toml (`firm_nouns`, shared with `company_side`; `non_state_visitor_nouns`),
the titles the heads of flows/lexicon/titles.toml.
"""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit
from flows.lexicon import read_toml

__all__ = ["firm_signed", "non_state_visited"]

_MAX_GAP_WORDS = 8  # words between the firm noun and the verb ('firms from both sides of the border have signed')


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    events, sides, titles = read_toml("events.toml"), read_toml("clause_sides.toml"), read_toml("titles.toml")
    title_words = sorted({re.split(r"[\s-]", head)[0] for head in titles["heads"] if head[:1].isupper()}
                         | {word.rstrip(".") for word in titles["courtesy"] if " " not in word and word[:1].isupper()},
                         key=len, reverse=True)
    title_alt = "|".join(re.escape(word) for word in title_words)
    return {
        "firm": re.compile(r"\b(?:" + "|".join(events["firm_nouns"]) + r")\b", re.I),
        "firm_verb": re.compile(events["firm_signer_verb"], re.I),
        # a finite verb (an auxiliary right before 'signed' is read by firm_verb, not here)
        "finite": re.compile(r"\b(?:[a-z]+ed|"
                             + "|".join(w for w in sides["irregular_verbs"] if w not in ("has", "had")) + r")\b"),
        "and_before_verb": re.compile(r"\band\s*$", re.I),
        "owner_link": re.compile(r"\b(?:from|of)\s+(?:the\s+)?$", re.I),
        "visitor": re.compile(r"\b(?:" + "|".join(events["non_state_visitor_nouns"]) + r")(?:\s+\((?-i:[A-Z]{2,8})\))?"
                              r"(?:\s+(?!(?:" + title_alt + r")\b)(?-i:[A-Z])[\w’'-]+){0,3}\s+"
                              + events["non_state_visitor_verbs"], re.I),
        # 'Ana Soto and a team from the Y Association': a second noun phrase joined to the subject ('the diplomat and
        # explorer X' is one person's two nouns)
        "joined": re.compile(r"\band\s+(?:a|an|the|his|her|its|their)\b", re.I),
        "title": re.compile(r"\b(?:" + title_alt + r")\b"),
    }


def firm_signed(hit: Hit, clause: Clause) -> bool:
    """A firm noun heads the subject of the signing verb inside the hit ('the two companies signed')."""
    found = _patterns()
    sentence = clause.sentence
    for firm in found["firm"].finditer(sentence, clause.start, hit.end):
        verb = found["firm_verb"].search(sentence, firm.end(), hit.end + 1)
        if verb is None or not hit.start < verb.end() <= hit.end + 1:
            continue
        gap_start, gap_end = firm.end(), verb.start()
        gap = sentence[gap_start:gap_end]
        if len(gap.split()) > _MAX_GAP_WORDS or found["finite"].search(gap) or found["and_before_verb"].search(gap):
            continue
        if any(gap_start <= country.start < gap_end
               and not found["owner_link"].search(sentence, gap_start, country.start) for country in clause.countries):
            continue  # 'with the backing of the private sector Arland and Borvia signed': the states sign
        if any(gap_start <= start < gap_end for _, start, _ in clause.persons):
            continue
        return True
    return False


def non_state_visited(hit: Hit, clause: Clause) -> bool:
    """The noun right before the visit's verb is no state's, and no person or title stands before it."""
    found = _patterns()
    sentence = clause.sentence
    for visitor in found["visitor"].finditer(sentence, clause.start, hit.end + 1):
        if not hit.start < visitor.end() <= hit.end + 1:
            continue
        if any(clause.start <= start < visitor.start() for _, start, _ in clause.persons) \
                or found["title"].search(sentence, clause.start, visitor.start()) \
                or found["joined"].search(sentence, clause.start, visitor.start()):
            continue  # 'Minister X and a team from the Y Association visited': the minister's visit
        return True
    return False
