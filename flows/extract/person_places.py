"""Runs the entity recogniser reads as people that the sentence's shape shows are places or bodies: a province or a
region named as a country's part, an armed group before 'rebels', a chamber of commerce, a thing's given name,
a party before its leader's office, a zone closed by its acronym (split from
person_entities.py, which asks the recogniser; these tests read only the words around the run and lexicon classes)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import pycountry

from flows.extract.countries import gazetteer
from flows.extract.names import POSSESSIVE, ROMAN, Tok, match_seq, title_lexicon
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(nouns after a place or a group's name, nouns that close a body's name), from titles.toml."""
    data = read_toml("titles.toml")
    return frozenset(data["place_or_group_after"]), frozenset(data["bodies"])


def _fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return text.replace("đ", "d").replace("-", " ")


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    """The names of two words or more of every country's first-level parts (pycountry), folded: 'Rio Seco' read
    as 'rio seco' (a one-word part is never a candidate: the recogniser is asked only about runs of two)."""
    return frozenset(_fold(s.name) for s in pycountry.subdivisions if " " in s.name.strip())


@lru_cache(maxsize=1)
def _naming() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """(passive naming verbs as word tuples, the copulas before them), from titles.toml."""
    data = read_toml("titles.toml")
    return tuple(tuple(v.split()) for v in data["naming_verbs"]), frozenset(data["naming_copulas"])


def _named_in_the_passive(toks: list[Tok], a: int) -> bool:
    """'the hotel was then called Rio Verde': a naming verb right before the run, a copula before it (one adverb
    between them at most)."""
    verbs, copulas = _naming()
    for verb in verbs:
        k = a - len(verb)
        if k >= 1 and tuple(t.text.lower() for t in toks[k:a]) == verb:
            before = [t.text.lower() for t in toks[max(0, k - 2):k]]
            return bool(before) and (before[-1] in copulas or len(before) == 2 and before[0] in copulas)
    return False


def names_a_place_or_body(toks: list[Tok], a: int, b: int) -> bool:
    """Whether the run toks[a:b] names a place or a body, not a person: a body's head word inside it ('the Lake
    Town Chamber'), a place or group noun after it or after the list it opens ('the Rio Seco and Alto Verde
    provinces', 'Red Hill rebels'), a naming in the passive ('was called Rio Verde'), an office it owns ('Green
    Union leader'), an acronym closing it ('Rio Verde SEZ'), or a country's part by name, told as one ('Peru's Rio
    Seco', 'Rio Seco and ...').
    A part's name standing alone as a subject stays a person: some are named after one."""
    after, bodies = _lexicon()
    if any(toks[k].text in bodies for k in range(a, b)) or names_a_thing(toks, a, b):
        return True
    if _noun_after(toks, b) in after or _named_in_the_passive(toks, a) or _owns_an_office(toks, b):
        return True
    last = toks[b - 1].text
    if 2 <= len(last) <= 4 and last.isalpha() and last.isupper() and not ROMAN.match(last):
        return True  # 'the Rio Verde SEZ', 'Alto Sol FC': an acronym closes the name of a body or a zone
    if _fold(" ".join(t.text for t in toks[a:b])) not in _subdivisions():
        return False
    return a > 0 and (toks[a - 1].text in POSSESSIVE or toks[a - 1].text in ("and", ",")) or \
        b < len(toks) and toks[b].text in ("and", ",")


@lru_cache(maxsize=1)
def _things() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(capitalised nouns that close a place's, a facility's or a programme's name, nouns that open a drill's,
    currency nouns, nouns that open a residence's name), from titles.toml."""
    data = read_toml("titles.toml")
    return (frozenset(data["thing_heads"]), frozenset(data["thing_openers"]), frozenset(data["currency_heads"]),
            frozenset(data["place_openers"]))


def names_a_thing(toks: list[Tok], a: int, b: int, titled: bool = False) -> bool:
    """'troops trained at Red Hill Camp', 'began Exercise Blue Kite': a run closed by a place's or a thing's head noun
    or opened by a drill's is no person's name, whatever the recogniser says; so is a currency after a country's word
    ('Chilean Rupee', not 'Ana Franc') and a run opened by a residence's word with no title before it ('at Villa
    Marden', not 'Foreign Minister Villa Ruiz': `titled`)."""
    heads, openers, currencies, places = _things()
    if b <= a:
        return False
    if toks[b - 1].text in heads or toks[a].text in openers:
        return True
    if toks[b - 1].text in currencies and b - a >= 2 and toks[b - 2].text in gazetteer():
        return True
    return not titled and toks[a].text in places


def place_noun_after(toks: list[Tok], b: int) -> bool:
    """'the memorial on Jon Roe street', 'the Ana Lima province': a place noun right after a run makes it the place's
    name, even when the run is a well-known person's."""
    return _noun_after(toks, b) in _lexicon()[0]


OFFICE_LINKS = frozenset({"of", "for", "to", "at", ","})


def _owns_an_office(toks: list[Tok], b: int) -> bool:
    """'the Green Union leader in May', 'as Red Party chairman': an office in lower case right after the run, with no
    'of' or comma after it, makes the run the body the office heads (a person's own office follows a comma)."""
    n = match_seq(toks, b, title_lexicon()["lower_heads"], lower=True) if b < len(toks) else 0
    return bool(n) and toks[b].text.islower() and (b + n >= len(toks) or toks[b + n].text not in OFFICE_LINKS)


def _noun_after(toks: list[Tok], b: int) -> str:
    """The lower-case word after the run, or after the list of capitalised runs it opens ('A B and C D regions')."""
    k = b
    while k < len(toks) and (toks[k].text in ("and", ",") or toks[k].text[:1].isupper()):
        k += 1
    return toks[k].text if k < len(toks) and (k == b or toks[k - 1].text[:1].isupper()) else ""
