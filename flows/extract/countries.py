"""Country mentions: names (short and official), demonyms, capitals as metonyms, historical states, institutions."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from flows.common.prefilter import Gate, gate, word_gate
from flows.common.words import whole_words
from flows.lexicon import read_table, read_toml

# compiled once (speed: a pattern string in a hot function is a cache look-up a call)
WORD_BEFORE = re.compile(r"(\w+)[\s-]+$")

SPACES = re.compile(r"\s+")
NEXT_WORD = re.compile(r"\s+(\w+)")
POSSESSIVE = re.compile(r"[’']s?(?!\w)")
TOKEN = re.compile(r"\w+(?:[’'](?!s\b)\w+)*")
PLURAL_NOT_AFTER = "shxzeSHXZE"  # a demonym ending so takes no plural -s ('French', 'Swiss', 'Chinese')
PREVIOUS_WORD = re.compile(r"([\w’']+)\s+$")
OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?([A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*)?)")
ARTICLES = frozenset({"The", "A", "An", "This", "That", "Its", "Their"})
KIND_RANK = {"name": 0, "historic": 0, "capital": 1, "institution": 1, "demonym": 2}


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    iso3: str
    kind: str  # name | demonym | capital | historic | institution
    possessive: bool = False


def fold(text: str) -> str:
    """Strip diacritics so that 'Chișinău' and 'Chisinau' meet."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _clean_official(name: str) -> str:
    return re.sub(r"\s*\((?:the)\)\s*|\s*\*+\s*$", "", name).strip()


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Surface form -> (iso3, kind), from the bundled country table, pycountry and the lexicon tables."""
    rules = read_toml("countries.toml")
    ambiguous = set(rules["ambiguous_forms"])
    forms: dict[str, tuple[str, str]] = {}

    def add(form: str, iso3: str, kind: str) -> None:
        form = form.strip()
        # a city-state's name is still its country: only the capital reading of an ambiguous form is dropped
        if not form or (form in ambiguous and kind == "capital") or "," in form or "(" in form:
            return
        for variant in {form, fold(form), form.replace("’", "'"), form.rstrip(".")}:
            current = forms.get(variant)
            if current is None or KIND_RANK[kind] < KIND_RANK[current[1]]:
                forms[variant] = (iso3, kind)

    for row in read_table("country-codes.csv"):
        iso3 = row["ISO3166-1-Alpha-3"]
        if not iso3:
            continue
        for col in ("CLDR display name", "UNTERM English Short", "official_name_en"):
            add(_clean_official(row[col]), iso3, "name")
        if row["is_independent"] == "Yes" and row["Capital"]:
            add(row["Capital"], iso3, "capital")
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                add(value, country.alpha_3, "name")
    for row in read_table("country_aliases.csv"):
        add(row["form"], row["iso3"], row["kind"])
    for row in read_table("demonyms.csv"):
        add(row["demonym"], row["iso3"], "demonym")
        # the people: 'the Serbs and the Croats', 'Kenyans who trade across the border' ('French', 'Swiss' stay)
        if row["demonym"][-1] not in PLURAL_NOT_AFTER:
            add(row["demonym"] + "s", row["iso3"], "demonym")
    for row in read_table("institutions.csv"):
        add(row["institution"], row["iso3"], "institution")
    return forms


@lru_cache(maxsize=1)
def _non_country_heads() -> frozenset[str]:
    return frozenset(read_toml("countries.toml")["non_country_heads"])


@lru_cache(maxsize=1)
def _region_prefixes() -> frozenset[str]:
    return frozenset(read_toml("countries.toml")["region_prefixes"])


def _after_region_prefix(sentence: str, start: int) -> bool:
    m = WORD_BEFORE.search(sentence[max(0, start - 12):start])
    return bool(m) and m.group(1) in _region_prefixes()


@lru_cache(maxsize=1)
def _currency_heads() -> frozenset[str]:
    return frozenset(read_toml("countries.toml")["currency_heads"])


@lru_cache(maxsize=1)
def _first_tokens() -> dict[str, int]:
    """First token of every surface form -> the most tokens a form starting with it has."""
    out: dict[str, int] = {}
    for form in gazetteer():
        toks = TOKEN.findall(form)
        if toks:
            out[toks[0]] = max(out.get(toks[0], 0), len(toks))
    return out


@lru_cache(maxsize=65536)
def _fold_token(token: str) -> str:
    return fold(token)


@lru_cache(maxsize=1)
def _not_country_pattern() -> re.Pattern[str]:
    return re.compile(whole_words(read_toml("countries.toml")["not_country_phrases"]))


@lru_cache(maxsize=1)
def _not_country_words() -> Gate:
    """The last word of each phrase, looked for as written in one Aho-Corasick pass: a sentence with none of them
    holds no such phrase (speed)."""
    return word_gate({p.split()[-1] for p in read_toml("countries.toml")["not_country_phrases"]}, cased=True)


def _could_hold_other(sentence: str) -> bool:
    return _not_country_words().open(sentence)


def find_countries(sentence: str) -> list[CountryMention]:
    """Every country mention in a sentence, longest form first, in text order."""
    forms = gazetteer()
    firsts = _first_tokens()
    words = TOKEN.findall(sentence)
    # only a capitalised word that starts a form can start a mention: the loop visits those alone (speed)
    starts = [k for k, word in enumerate(words) if word[0].isupper() and (word in firsts or _fold_token(word) in firsts)]
    if not starts:
        return []  # the word offsets only where a mention may start (a third of find_countries' time, on bench text)
    tokens = [m.span() for m in TOKEN.finditer(sentence)]
    # 'the South China Sea', 'the Indian Ocean': a sea's or a region's name holds no country
    inside_other = [m.span() for m in _not_country_pattern().finditer(sentence)] if _could_hold_other(sentence) else []
    out: list[CountryMention] = []
    i = 0
    for at in starts:
        if at < i:
            continue  # inside the mention just read
        i = at
        start = tokens[i][0]
        first = words[i]
        longest = max(firsts.get(first, 0), firsts.get(_fold_token(first), 0))
        hit = None
        for j in range(min(len(tokens), i + longest) - 1, i - 1, -1):
            surface = SPACES.sub(" ", sentence[start:tokens[j][1]])
            found = forms.get(surface) or forms.get(" ".join(_fold_token(w) for w in words[i:j + 1]))
            if found:
                hit = (j, surface, found)
                break
        if hit is None:
            continue
        j, surface, (iso3, kind) = hit
        end = tokens[j][1]
        if inside_other and any(left <= start < right for left, right in inside_other):
            i = j + 1
            continue
        after = sentence[end:end + 30]
        following = NEXT_WORD.match(after)
        if (following and following.group(1).lower() in _currency_heads()) or after.startswith("$"):
            i = j + 1
            continue  # 'US dollars', 'US$12 billion': a currency, not the country
        if kind == "demonym" and _after_region_prefix(sentence, start) and iso3 not in ("ZAF", "KOR", "PRK", "SSD"):
            i = j + 1
            continue  # 'Latin American countries' is a region
        if kind == "demonym":
            following = NEXT_WORD.match(after)
            if following and following.group(1).lower() in _non_country_heads():
                i = j + 1
                continue
        if kind == "capital" and _opens_person_name(surface, after):
            i = j + 1
            continue  # 'Santiago Ruiz': a man, not the government in the capital
        if kind == "institution" and _part_of_other_name(sentence, start, after, out, iso3):
            i = j + 1
            continue
        possessive = bool(POSSESSIVE.match(after))
        out.append(CountryMention(start, end, sentence[start:end], iso3, kind, possessive))
        i = j + 1
    return out


CAPITALISED_NEXT = re.compile(r" [A-ZÀ-Þ][\w’'-]*")


@lru_cache(maxsize=1)
def _given_name_capitals() -> frozenset[str]:
    """countries.toml capitals_also_given_names, folded (once a process)."""
    return frozenset(fold(name) for name in read_toml("countries.toml")["capitals_also_given_names"])


def _opens_person_name(surface: str, after: str) -> bool:
    """'Santiago Ruiz met...': a capital that is also a given name, followed by a capitalised word (one space)."""
    return fold(surface) in _given_name_capitals() and bool(CAPITALISED_NEXT.match(after))


def _part_of_other_name(sentence: str, start: int, after: str, found: list[CountryMention], iso3: str) -> bool:
    """An institution's word ending another body's name: 'the Malawi Congress Party', 'the 12th Party Congress',
    'the Congress of Vienna' are no US Congress. A country named just before keeps it ('the US Congress')."""
    of = OF_NAME.match(after)
    if of:
        return gazetteer().get(of.group(1), ("", ""))[0] != iso3  # 'the Grand National Assembly of Türkiye' stays
    before = PREVIOUS_WORD.search(sentence[max(0, start - 40):start])
    if not before or not sentence[:before.start() + max(0, start - 40)].strip():
        return False  # the sentence's first word: 'The Milli Majlis ratified it'
    if before.group(1) in ARTICLES:
        return False
    word = POSSESSIVE.sub("", before.group(1))
    if found and sentence[found[-1].end:start].strip(" ’'s") == "":
        return found[-1].iso3 != iso3  # 'the US Congress', 'Japan's Diet': the country's own body
    return bool(word) and (word[0].isupper() or word[0].isdigit())


@lru_cache(maxsize=1)
def _pair_phrase_pattern() -> re.Pattern[str]:
    return re.compile(whole_words(read_toml("countries.toml")["pair_phrases"]), re.I)


def find_pair_phrases(sentence: str) -> list[tuple[int, int]]:
    """Spans of phrases that stand for the document's two countries ('the two countries', 'both sides')."""
    if not gate(_pair_phrase_pattern()).open(sentence):
        return []  # none of the phrases' words in the sentence: the alternation need not run (speed)
    return [(m.start(), m.end()) for m in _pair_phrase_pattern().finditer(sentence)]


@lru_cache(maxsize=None)
def country_name(iso3: str) -> str:
    """A readable short name for a country code."""
    for row in read_table("country-codes.csv"):
        if row["ISO3166-1-Alpha-3"] == iso3:
            return row["CLDR display name"] or row["official_name_en"]
    historic = pycountry.historic_countries.get(alpha_3=iso3)
    return historic.name.split(",")[0] if historic else iso3


@lru_cache(maxsize=None)
def is_historic(iso3: str) -> bool:
    """True for states that no longer exist (the Soviet Union): never a party to a dated bilateral event."""
    return any(r["iso3"] == iso3 and r["kind"] == "historic" for r in read_table("country_aliases.csv"))


@lru_cache(maxsize=1)
def _successors() -> dict[str, str]:
    return dict(read_toml("countries.toml")["successors"])


def successor_in_pair(iso3: str | None, pair: tuple[str, str] | None) -> str | None:
    """The pair's country that carries on a historic state ('SUN' in ('RUS', 'CYP') -> 'RUS'); else iso3 as it is."""
    successor = _successors().get(iso3 or "")
    return successor if pair and successor in pair else iso3


def other_side(pair: tuple[str, str] | None, iso3: str | None) -> str | None:
    """The pair's other country ('AZE' in ('AZE', 'BLR') -> 'BLR'); None when iso3 is not one of the pair."""
    if pair and iso3 in pair:
        return pair[1] if pair[0] == iso3 else pair[0]
    return None
