"""Countries of people: the leaders lexicon, 'the Kazakh leader', 'on the Hungarian side' and the nearest country."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from flows.common.prefilter import gate
from flows.extract.countries import CountryMention, other_side
from flows.extract.names import NAME_HONORIFICS, fold_name, title_lexicon
from flows.extract.monarchs import monarchs_to_their_side
from flows.extract.person_origin import sides_by_name
from flows.extract.person_turns import before_a_turn
from flows.extract.persons import Person
from flows.extract.quotations import quoted_apart
from flows.lexicon import read_table, read_toml

# compiled once (speed: a pattern string in a hot function is a cache look-up a call)
BY_OR_SEMICOLON = re.compile(r"\bby\b|;")
SIDE_OF = re.compile(r"\bon\s+the\s+(\S+)\s+side\b|\bon\s+behalf\s+of\s+(?:the\s+)?(\S+)")
WORD_BEFORE = re.compile(r"(\w+)\s+(?:the\s+)?$")

# the word before a country that makes it a place someone goes or is, or a side someone faces: no country of the
# person named nearby (titles.toml not_own_before)
LOCATIVE = frozenset(read_toml("titles.toml")["not_own_before"])


SIDE_OPENING = re.compile(r"^\W*(?:[Ff]rom|[Oo]n|[Ff]or)\s+the\s+(\S+)\s+side\s*[,:]")


def side_phrase(sentence: str, end: int, countries: list[CountryMention]) -> str | None:
    """'X and Y on the Hungarian side', 'signed by Z, Minister of Trade, on behalf of Ghana': the first side phrase
    after the name, before any ' by '; or the side the sentence opens with ('From the Egyptian side, President X
    and Premier Y visited')."""
    opening = SIDE_OPENING.match(sentence)
    if opening and opening.end() < end:
        c = next((c for c in countries if c.start == opening.start(1)), None)
        if c is not None:
            return c.iso3
    rest = sentence[end:end + 120]
    cut = BY_OR_SEMICOLON.search(rest)
    rest = rest[: cut.start()] if cut else rest
    m = SIDE_OF.search(rest)
    if not m:
        return None
    pos = end + m.start(1 if m.group(1) else 2)
    c = next((c for c in countries if c.start == pos), None)
    return c.iso3 if c else None


@lru_cache(maxsize=1)
def _leader_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(title_lexicon()["leader_nouns"], key=len, reverse=True))
    return re.compile(r"\b[Tt]he\s+(\S+)\s+(?:" + nouns + r")\b")


# a word of a name: letters, with hyphens and apostrophes inside ('Kai-shek', "O'Neill")
NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[tuple[str, ...], str, str, str], ...]:
    """leaders.csv read once: each row's name words, iso3, office and the name as written."""
    return tuple((tuple(NAME_WORD.findall(row["name"])), row["iso3"], (row.get("office") or "").strip(), row["name"])
                 for row in read_table("leaders.csv"))


@lru_cache(maxsize=1)
def _leaders() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """leaders.csv indexed by each folded name token: (all folded tokens, iso3, office)."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for words, iso3, office, _ in _rows():
        tokens = tuple(fold_name(t) for t in words)
        for t in set(tokens):
            index.setdefault(t, []).append((tokens, iso3, office))
    return index


def is_leader_word(word: str) -> bool:
    """A word of a well-known office holder's name (a cheap gate before reading names with no title)."""
    return fold_name(word) in _leaders()


FAMILY_NAME_MIN = 5  # letters: a shorter family name alone ('Lee', 'Sall', 'Key') is too common a word or name


@lru_cache(maxsize=1)
def _by_word() -> dict[str, list[tuple[bool, str, str]]]:
    """leaders.csv by each word of a row, spelt as written but for case and accents: (last word?, iso3, office).
    Not folded: 'Meloni', 'Mulino' and 'Mélanie' fold alike."""
    index: dict[str, list[tuple[bool, str, str]]] = {}
    for words, iso3, office, _ in _rows():
        for n, word in enumerate(words):
            index.setdefault(_plain(word), []).append((n == len(words) - 1, iso3, office))
    return index


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Family names of leaders.csv that are as often given names or other people's family names ('Mubarak',
    'Hussein', 'Ahmed'): alone they name no one (titles.toml `not_leader_alone`)."""
    return frozenset(read_toml("titles.toml")["not_leader_alone"])


def leader_by_family_name(word: str) -> tuple[str, str] | None:
    """(iso3, office) of the one well-known office holder a word alone names: the last word of exactly one
    leaders.csv row and no other word of any row ('Meloni', 'Macron'; not 'Kim' or 'Aliyev', which name several),
    at least FAMILY_NAME_MIN letters."""
    if len(word) < FAMILY_NAME_MIN or word in _given_names():
        return None
    rows = _by_word().get(_plain(word), [])
    if len(rows) != 1 or not rows[0][0]:
        return None
    return rows[0][1], rows[0][2]


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, list[str]]:
    """leaders.csv names by their first word, spelt but for case and accents ('uhuru' -> ['Uhuru Kenyatta'])."""
    index: dict[str, list[str]] = {}
    for words, _, _, name in _rows():
        if len(words) >= 2:
            index.setdefault(_plain(words[0]), []).append(name)
    return index


def leaders_named_first(word: str) -> list[str]:
    """The leaders.csv names a word opens: a given name used alone ('President Uhuru said') for a holder the text
    also names by family name ('President Kenyatta')."""
    return _by_first_word().get(_plain(word), [])


@lru_cache(maxsize=1)
def _family_first() -> frozenset[str]:
    """Countries whose names put the family name first and whose leaders a first word alone names ('Xi' of 'Xi
    Jinping', 'Yoon'): family_names.csv rows named alone by the family name (a Vietnamese name's first word is a family
    name too, but a leader is named alone by the last, given name). A first word elsewhere is a given name ('Alfred')
    and names no one."""
    return frozenset(country for row in read_table("family_names.csv") if row["named_alone_by"] == "family"
                     for country in row["countries"].split("|"))


def known_country(name: str) -> str | None:
    """The country a well-known office holder serves (leaders.csv), when the name points to one country only."""
    words = NAME_WORD.findall(name)
    tokens = [fold_name(t) for t in words]
    if not tokens:
        return None
    hits, strong = set(), set()
    for leader, iso3, _ in _leaders().get(tokens[-1], []):
        common = len(set(tokens) & set(leader))
        if len(tokens) == 1 and (not _spelt_alike(words[-1], leader) or (
                len(leader) > 1 and leader[0] == tokens[0] and tokens[0] not in leader[1:]
                and iso3 not in _family_first())):
            continue  # one word folds loosely ('Kojun' and 'Kenny' share a key), and a given name alone
            # ('Alfred') names no one holder, but where the family name comes first ('Xi') it is the family name
        if len(tokens) == 1 or common >= 2 or (leader[-1] == tokens[-1] and leader[0][:1] == tokens[0][:1]):
            hits.add(iso3)
        if len(tokens) > 1 and common == len(tokens) == len(leader):
            strong.add(iso3)
    # the whole name of one row wins over rows that share only its last word and initial ('Sheikh Hasina' is not
    # 'Samia Suluhu Hassan', whose folded family name and initial are the same)
    hits = strong or hits
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _plain_words() -> dict[tuple[str, ...], dict[str, set[str]]]:
    """leaders.csv rows by their folded tokens: each folded word's plain spellings (case and accents off)."""
    out: dict[tuple[str, ...], dict[str, set[str]]] = {}
    for words, _, _, _ in _rows():
        spelt = out.setdefault(tuple(fold_name(w) for w in words), {})
        for w in words:
            spelt.setdefault(fold_name(w), set()).add(_plain(w))
    return out


def _spelt_alike(word: str, leader: tuple[str, ...]) -> bool:
    """A one-word name and the word of a leaders.csv row it folds to begin with the same two letters: the fold keeps
    the first letter and the consonants, so 'Kojun' and 'Kenny' share a key but not a spelling ('Erdogan' and
    'Erdoğan', 'Lula' and 'Lula' do)."""
    plain = _plain(word)
    return any(w[:2] == plain[:2] for w in _plain_words().get(leader, {}).get(fold_name(word), ()))


def known_office(name: str, country: str | None) -> str | None:
    """The office a well-known holder is known by (leaders.csv), for a name of two or more words that matches one
    row's name in two words ('Xi Jinping', 'Sir Keir Starmer'), of the person's country when the text gives one.
    'Zelensky met ...' with no title anywhere in the text: 'President'. A one-word name ('Lee') is too ambiguous."""
    tokens = [fold_name(t) for t in NAME_WORD.findall(name)]
    if len(tokens) < 2:
        return None
    rows = [(len(set(tokens) & set(leader)), office) for leader, iso3, office in _leaders().get(tokens[-1], [])
            if office and len(set(tokens) & set(leader)) >= min(2, len(leader)) and country in (None, iso3)
            and not _other_own_name(tokens, leader)]
    # the rows sharing the most words: 'Sheikh Tamim bin Hamad Al Thani' is the Emir's row, not another Al Thani's
    offices = {office for common, office in rows if common == max(c for c, _ in rows)} if rows else set()
    return offices.pop() if len(offices) == 1 else None


def _other_own_name(tokens: list[str], leader: tuple[str, ...]) -> bool:
    """Two names that each say whose son the person is, with another person's own name: 'Ali bin Omar' is not the
    leaders.csv row 'Omar bin Ali' though they share every word."""
    own, row_own = _own_name(tokens), _own_name(leader)
    return own is not None and row_own is not None and own != row_own


def _own_name(tokens: tuple[str, ...] | list[str]) -> str | None:
    """The word before a name's first son-of particle ('Ali' of 'Ali bin Omar'), or None when it has none."""
    at = next((k for k, t in enumerate(tokens) if t in SON_OF), None)
    return tokens[at - 1] if at else None


SON_OF = frozenset(read_toml("titles.toml")["son_of_particles"])


def fill_offices(people: list[Person]) -> None:
    """After every sentence: a person the text gave no office (or only an honorific such as 'Sheikh', or a role that
    names none: 'India's leader, X', 'his predecessor, X') takes the one leaders.csv knows. Done last so that any
    title in the text, even a later one, wins over the lexicon."""
    officeless = set(read_toml("titles.toml")["officeless_roles"])
    for person in people:
        if person.role is None or person.role in NAME_HONORIFICS or person.role.lower() in officeless:
            office = known_office(person.name, person.country)
            if office:
                person.role = office


def resolve_leader_anaphor(sentence: str, countries: list[CountryMention], people: list[Person]) -> list[tuple[Person, int, int]]:
    """'the Kazakh leader', 'The Iranian leader': the latest named leader of that country, or without a country yet;
    'the Emir': the one person holding that office."""
    out = resolve_office_anaphor(sentence, people)
    for m in _leader_pattern().finditer(sentence):
        c = next((c for c in countries if c.start == m.start(1) and c.kind == "demonym"), None)
        if c is None:
            continue
        noun = sentence[m.end(1):m.end()].strip().lower()
        fits = ("president", "prime minister", "premier", "king", "queen", "emir", "chancellor") if noun == "leader" else (noun,)
        candidates = [p for p in people if p.country in (None, c.iso3) and p.role
                      and any(f in p.role.lower() for f in fits)]
        candidates.sort(key=lambda p: (p.mentions[-1].sentence, p.mentions[-1].start) if p.mentions else (-1, -1))
        if candidates:
            person = candidates[-1]
            if person.country is None:
                person.country, person.country_cue = c.iso3, "inferred"
            out.append((person, m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _office_anaphor() -> re.Pattern[str]:
    heads = "|".join(re.escape(h) for h in sorted(title_lexicon()["anaphor_heads"], key=len, reverse=True))
    return re.compile(r"\b[Tt]he\s+(" + heads + r")\b(?!\s+of\b)(?!\s+[A-ZÀ-Þ])")


def resolve_office_anaphor(sentence: str, people: list[Person]) -> list[tuple[Person, int, int]]:
    """'The Emir met ...', after 'Emir Sheikh Tamim bin Hamad Al Thani': the one person of the document holding it."""
    out: list[tuple[Person, int, int]] = []
    if not gate(_office_anaphor()).open(sentence):
        return out  # no office noun of the pattern in the sentence (prefilter.gate, same matches; speed)
    for m in _office_anaphor().finditer(sentence):
        holders = [p for p in people if p.role and re.search(rf"\b{m.group(1)}\b", p.role)]
        if len(holders) == 1:
            out.append((holders[0], m.start(), m.end()))
    return out


# 'the Honorary Consul in the Special Region of X': a place an office sits in, not its country
PLACE_OF = re.compile(r"\bin\s+the\s+(?:[A-Z][\w-]*\s+){1,4}of\s+(?:the\s+)?$")

# 'before departing for X', 'left for X', 'bound for X': where the person goes next
DEPARTING_FOR = re.compile(r"\b(?:depart\w*|leav\w*|left|bound|head\w*|set\s+off)\s+for\s+(?:the\s+)?$")


def nearest_country(sentence: str, start: int, end: int, countries: list[CountryMention],
                    clause: tuple[int, int]) -> str | None:
    """The country named closest to a person within its clause, leaving out destinations ('to Japan', 'in Tokyo')."""
    best, best_d = None, None
    skipped_end = -1
    for c in sorted(countries, key=lambda c: c.start):
        if not (clause[0] <= c.start < clause[1]) or c.kind == "historic":
            continue
        prev = WORD_BEFORE.search(sentence[max(0, c.start - 20):c.start])
        before = sentence[max(0, c.start - 60):c.start]
        if (prev and prev.group(1).lower() in LOCATIVE) or PLACE_OF.search(before) or DEPARTING_FOR.search(before) \
                or (skipped_end >= 0 and not sentence[skipped_end:c.start].strip(" ,")):
            skipped_end = c.end  # 'before departing for Port Louis, Mauritius': the country after the city too
            continue
        d = start - c.end if c.end <= start else c.start - end
        if best_d is None or d < best_d:
            best, best_d = c.iso3, d
    return best


SIDE_HEADING = re.compile(r"\b(?:side|delegation|part)\s*:\s*$", re.I)  # 'On the Moroccan side:'
LIST_ITEM_MAX = 200  # characters: a line of a list under a heading ('Mr. X, Minister of the Interior'), no prose


def _list_heading_country(index: int, countries: list[list[CountryMention]], texts: list[str]) -> str | None:
    """The country of the heading a list hangs from: 'On the Moroccan side:' then one line a minister, none of them
    ending in a full stop; the heading's one country is every line's, however long the list."""
    k = index - 1
    while k >= 0 and k >= index - 40:
        text = texts[k].strip()
        if SIDE_HEADING.search(text):
            named = {c.iso3 for c in countries[k]} if k < len(countries) else set()
            return named.pop() if len(named) == 1 else None
        if len(text) > LIST_ITEM_MAX or text.endswith("."):
            return None
        k -= 1
    return None


# 'a visit paid by X to Italy', 'X visited Italy', 'X arrived in Rome', 'X's tour of Italy': where X goes; 'X said
# they lodged a protest against Italy': the side X faces
TO_BEFORE = re.compile(r"\b(?:" + "|".join(read_toml("titles.toml")["destination_before"]) + r")\s+(?:the\s+)?$")


def is_destination(sentence: str, country: CountryMention) -> bool:
    """A country named as where someone goes ('X stopped over in Ruritania': no country X acts in) ('a visit paid by X to Italy') or as the side someone faces ('a
    protest against Italy'), by its name or capital."""
    return country.kind in ("name", "capital") and bool(TO_BEFORE.search(sentence, max(0, country.start - 16),
                                                                              country.start))


INTERNATIONAL_ROLE = re.compile(r"\b(?:United\s+Nations|UN|NATO|EU|European\s+(?:Commission|Council|Union)|African\s+Union|"
                                r"World\s+Bank|IMF|OSCE|ASEAN|WHO|WTO|Arab\s+League|OPEC)\b")


def fill_from_document(people: list[Person], countries: list[list[CountryMention]], pair: tuple[str, str] | None,
                       texts: list[str], back: int = 3) -> None:
    """Last resort, after every sentence: a person still with no country takes the pair's country named last before
    their first mention (up to `back` sentences before), else the first named in the next sentence. A list of
    ministers under a heading ('Abdelouafi Laftit, Minister of the Interior') names its country above it. Then a
    person with no office in the text takes the one leaders.csv knows (fill_offices)."""
    fill_offices(people)
    if pair is None:
        return
    monarchs_to_their_side(people, pair, texts)  # 'Emperor X' in a story of Japan and a republic: Japan's
    sides_by_name(people, pair)  # 'Tran Dai Quang' in a story of Viet Nam and Egypt: Viet Nam's
    for person in people:
        if (person.succeeds is not None and person.succeeds.country is not None and person.country_cue != "explicit"
                and person.succeeds.country in pair):
            person.country, person.country_cue = person.succeeds.country, "inferred"  # 'his successor X': his country
            continue
        if person.country is not None or not person.mentions or (person.role and INTERNATIONAL_ROLE.search(person.role)):
            continue
        first = person.mentions[0]
        headed = _list_heading_country(first.sentence, countries, texts)
        if headed is not None:
            person.country, person.country_cue = headed, "inferred"
            continue
        turned = before_a_turn(first.sentence, countries, texts, pair)  # '... . From the Borvian side, ...'
        if turned is not None:
            person.country, person.country_cue = turned, "inferred"
            continue
        before = [c for i in range(max(0, first.sentence - back), first.sentence + 1) if i < len(countries)
                  for c in countries[i] if c.iso3 in pair and (i < first.sentence or c.end <= first.start)
                  and not (i == first.sentence and quoted_apart(texts[i], c.start, first.start))]
        after = [c for i in (first.sentence, first.sentence + 1) if i < len(countries)
                 for c in countries[i] if c.iso3 in pair and (i > first.sentence or c.start >= first.end)
                 and not (i == first.sentence and quoted_apart(texts[i], c.start, first.start))]
        guess = before[-1] if before else (after[0] if after else None)
        if guess is not None:
            person.country, person.country_cue = guess.iso3, "inferred"
            own = [c for c in countries[first.sentence] if c.iso3 in pair] if first.sentence < len(countries) else []
            if len({c.iso3 for c in own}) == 1 and all(is_destination(texts[first.sentence], c) for c in own):
                # 'the state visit paid by President X to Italy': where the person went is not their country
                person.country = other_side(pair, own[0].iso3)
