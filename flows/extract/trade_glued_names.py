"""A side's name with a page artifact glued inside it (made up: 'Ghana sells cocoa to Toimpgo', where a word of the
page was spliced into 'Togo'): the trade reader finds no country there, so the flow lost its partner and every item of
its list. A capitalised word no gazetteer form reads, which is one of the document's two sides' one-word names with a
run of lower-case letters inserted (the name's first two letters or more before it, its last two or more after it,
three inserted letters or more), is read as a mention of that side. Only the document's own pair is tried, so a third
country is never made up; a known name ('Indonesia', 'Indiana' beside India) is a form of its own and never tried.
Used by the trade reader only (trade.find_trade_claims)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.countries import CountryMention, gazetteer

CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
MIN_INSERTED = 3  # 'Irian' beside 'Iran' (one letter) is a spelling, not a splice
MIN_KEPT = 2  # letters of the name kept on each side of the splice


@lru_cache(maxsize=None)
def _one_word_names(iso3: str) -> tuple[str, ...]:
    """The country's one-word names in the gazetteer ('Togo', 'Turkey'; no capital, no demonym)."""
    return tuple(sorted(form for form, (code, kind) in gazetteer().items()
                        if code == iso3 and kind == "name" and re.fullmatch(r"[A-Z][a-z]+", form)))


def spliced(word: str, name: str) -> bool:
    """Whether word is name with a run of lower-case letters inserted inside it ('Toimpgo' <- 'To' + 'imp' + 'go')."""
    if len(word) < len(name) + MIN_INSERTED:
        return False
    for cut in range(MIN_KEPT, len(name) - MIN_KEPT + 1):
        head, tail = name[:cut], name[cut:]
        if word.startswith(head) and word.endswith(tail) and word[cut:len(word) - len(tail)].islower():
            return True
    return False


def glued_pair_names(sentence: str, countries: list[CountryMention],
                     pair: tuple[str, str] | None) -> list[CountryMention]:
    """The sentence's mentions with every spliced name of a pair side added (in text order); as they were when none."""
    if not pair:
        return countries
    forms = gazetteer()
    found = []
    for m in CAPITALISED.finditer(sentence):
        word = m.group(0)
        if word in forms or any(c.start <= m.start() < c.end for c in countries):
            continue
        side = next((iso3 for iso3 in pair for name in _one_word_names(iso3) if spliced(word, name)), None)
        if side is not None:
            found.append(CountryMention(m.start(), m.end(), word, side, "name"))
    return sorted(countries + found, key=lambda c: c.start) if found else countries
