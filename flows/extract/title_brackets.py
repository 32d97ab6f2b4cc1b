"""Names in a bracketed list after a plural or adjectival office: 'three Presidential visits from Ruritania [Jon Roe,
1990; Ana Lima, 1975; & Tom Poe, 1961]', 'visits by Prime Ministers (Jon Roe, 2001; Ana Lima, 2010)': every name in
the bracket held the office, for the country the phrase names."""
from __future__ import annotations

from functools import lru_cache

from flows.common.list_items import bracket_item_starts
from flows.extract.names import Tok, match_seq, read_name, title_lexicon
from flows.extract.titles import Found, singular
from flows.lexicon import read_toml

OPEN = frozenset("[(")
LINKS = frozenset({"visit", "visits", "from", "by", "of", "to", "the", "trips", "trip", "state", "official"})
GAP = 6  # tokens between the office word and the bracket ('Presidential visits from the Republic of X [')


@lru_cache(maxsize=1)
def _adjectives() -> list[tuple[tuple[str, ...], str]]:
    table = read_toml("titles.toml")["office_adjectives"]
    return sorted(((tuple(k.lower().replace("-", " - ").split()), v) for k, v in table.items()),
                  key=lambda kv: -len(kv[0]))


def _office_before(toks: list[Tok], bracket: int) -> tuple[str, str | None] | None:
    """(office, country) of the phrase right before a bracket: an office adjective or a plural head, then only visit
    words and at most one country."""
    lex = title_lexicon()
    country = None
    for k in range(bracket - 1, max(-1, bracket - 1 - GAP), -1):
        t = toks[k]
        for words, office in _adjectives():  # the longest ending here: 'Prime Ministerial', not 'Ministerial'
            # in any case: 'three presidential visits' as 'Presidential Visits'
            if k + 1 >= len(words) and tuple(x.text.lower() for x in toks[k + 1 - len(words):k + 1]) == words:
                return office, country
        for start in (k - 2, k - 1, k):  # 'Prime Ministers' ending here, before 'Ministers'
            if start >= 0 and start + match_seq(toks, start, lex["heads"]) == k + 1 and t.text.endswith("s"):
                return singular(" ".join(x.text for x in toks[start:k + 1])), country
        if t.country is not None and country in (None, t.country.iso3):
            country = t.country.iso3
        elif t.text.lower() not in LINKS and not t.text.isdigit():
            return None
    return None


def bracket_lists(toks: list[Tok], taken: set[int]) -> list[Found]:
    """The names of a bracketed list of 'Name, year;' items after an office ('[A, 1990; B, 1975; & C, 1961]')."""
    found: list[Found] = []
    for b, t in enumerate(toks):
        if t.text not in OPEN:
            continue
        office = _office_before(toks, b)
        if office is None:
            continue
        for k in bracket_item_starts([tok.text for tok in toks], b):
            e = read_name(toks, k)
            if e - k >= 2 and not any(x in taken for x in range(k, e)):
                found.append(Found(k, e, office[0], office[1], "explicit" if office[1] else "none"))
    return found
