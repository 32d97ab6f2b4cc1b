"""A side's name with a page artifact glued inside it (made up: 'Ghana sells cocoa to Toimpgo' on a page that writes
'imports' elsewhere, where a word of the page was spliced into 'Togo'): the trade reader finds no country there, so
the flow lost its partner and every item of its list. A capitalised word no gazetteer form reads, which is one of the
document's two sides' one-word names with a run of lower-case letters inserted (the name's first two letters or more
before it, its last two or more after it, three inserted letters or more), is read as a mention of that side, but only
where the shape is an artifact and no name of its own:
- it stands in a partner's slot: right after 'to', 'from' or 'with' (trade.toml glued_partner_slot), with no
  capitalised word right after it ('to Benjamin Netanyahu', 'the Magufuli government' are people's names);
- the inserted letters open a longer lower-case word the page writes elsewhere (a word of the page spliced in;
  'Australasia' beside 'Austria', 'Curitiba' beside 'Cuba' insert no such thing, so ordinary names stay unread).
Only the document's own pair is tried; a known name ('Indonesia', 'Indiana' beside India) is a form of its own and
never tried. Used by the trade reader only (trade.find_trade_claims)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import whole_words
from flows.extract.countries import CountryMention, gazetteer
from flows.lexicon import read_toml

CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
MIN_INSERTED = 3  # 'Irian' beside 'Iran' (one letter) is a spelling, not a splice
MIN_KEPT = 2  # letters of the name kept on each side of the splice
PAGE_WORD = re.compile(r"\b[a-z]{4,}\b")
NEXT_CAPITALISED = re.compile(r"\s+[A-Z]")
SLOT_REACH = 12  # 'from' and the spaces after it


@lru_cache(maxsize=None)
def _one_word_names(iso3: str) -> tuple[str, ...]:
    """The country's one-word names in the gazetteer ('Togo', 'Turkey'; no capital, no demonym)."""
    return tuple(sorted(form for form, (code, kind) in gazetteer().items()
                        if code == iso3 and kind == "name" and re.fullmatch(r"[A-Z][a-z]+", form)))


@lru_cache(maxsize=1)
def _slot() -> re.Pattern:
    """A partner's slot right before a word: 'to ', 'from ', 'with '."""
    return re.compile(whole_words(read_toml("trade.toml")["glued_partner_slot"]) + r"\s+$")


def inserted(word: str, name: str) -> str | None:
    """The letters inserted inside name to make word ('Toimpgo' <- 'To' + 'imp' + 'go': 'imp'); None when word is no
    such splice."""
    if len(word) < len(name) + MIN_INSERTED:
        return None
    for cut in range(MIN_KEPT, len(name) - MIN_KEPT + 1):
        head, tail = name[:cut], name[cut:]
        if word.startswith(head) and word.endswith(tail):
            return word[cut:len(word) - len(tail)]
    return None


def page_words(text: str) -> frozenset[str]:
    """The page's lower-case words of four letters or more (what a splice may have glued in)."""
    return frozenset(PAGE_WORD.findall(text))


def _from_page(junk: str, words: frozenset[str]) -> bool:
    """Whether the inserted letters open a longer word the page writes ('imp' -> 'imports')."""
    return any(len(w) > len(junk) and w.startswith(junk) for w in words)


def glued_pair_names(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                     words: frozenset[str] = frozenset()) -> list[CountryMention]:
    """The sentence's mentions with every spliced name of a pair side added (in text order); as they were when none.
    `words` are the page's lower-case words (page_words); with none, nothing is added."""
    if not pair or not words:
        return countries
    forms = gazetteer()
    found = []
    for m in CAPITALISED.finditer(sentence):
        word = m.group(0)
        if word in forms or any(c.start <= m.start() < c.end for c in countries):
            continue
        # the slot word is right before the word: a few characters back are enough (not the whole sentence again)
        if not _slot().search(sentence, max(0, m.start() - SLOT_REACH), m.start()) \
                or NEXT_CAPITALISED.match(sentence, m.end()):
            continue
        side = next((iso3 for iso3 in pair for name in _one_word_names(iso3)
                     if (junk := inserted(word, name)) is not None and _from_page(junk, words)), None)
        if side is not None:
            found.append(CountryMention(m.start(), m.end(), word, side, "name"))
    return sorted(countries + found, key=lambda c: c.start) if found else countries
