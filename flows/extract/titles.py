"""Titles before names: 'Deputy Foreign Minister X', 'Foreign Ministers X of Armenia and Y of Iran' (lower-case offices:
title_lower.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.names import (BODIES, NAME_HONORIFICS, FUNCTION_CAPS, Tok, _index_of, glued,
                                 is_name_token, match_seq, read_name, skip_courtesy, title_lexicon, token_lowers,
                                 token_texts)
from flows.extract.title_complements import read_complement
from flows.extract.title_epithets import rank_width, skip_bracketed_epithet
from flows.extract.title_plurals import plural_office_after
from flows.lexicon import read_toml

# compiled once (speed: a pattern string in a hot function is a cache look-up a call); the time words are rows
TIME_PREFIX = re.compile(alternation(read_toml("titles.toml")["time_prefixes"]) + "-[A-Z]")  # 'then-President X'
TIME_PREFIX_LOWER = re.compile(alternation(read_toml("titles.toml")["time_prefixes"]) + "-[a-z]")  # 'then-president X'
TIME_MODIFIERS = frozenset(read_toml("titles.toml")["time_modifiers"])  # before an owner's demonym, still the office's
PLACE_LINKS = frozenset(read_toml("titles.toml")["name_place_links"])  # 'the Minister, Ana Lima in Accra'
OPENING_PARTICIPLES = frozenset(read_toml("titles.toml")["opening_participles"])  # 'Thanking President X, ...'


def untimed(text: str, prefix: re.Pattern[str]) -> str:
    """A word without the time word glued to it by a hyphen ('ex-Prime' -> 'Prime', 'then-foreign' -> 'foreign') when
    `prefix` (TIME_PREFIX for a capitalised office, TIME_PREFIX_LOWER for a lower-case one) matches it, else as it is.
    Both patterns need a hyphen: a word without one is returned as it is, without the regex (speed)."""
    return text.split("-", 1)[1] if "-" in text and prefix.match(text) else text


PLURAL_HEAD = re.compile(r"\b([Mm]inister|[Pp]resident|[Aa]mbassador|[Pp]remier|[Ll]eader)s\b")


def singular(role: str) -> str:
    """The role with a plural head made singular and a possessive put back on its word ('PM ’s Office')."""
    return PLURAL_HEAD.sub(r"\1", role).replace(" ’s ", "’s ").replace(" 's ", "'s ").replace(" , ", ", ")


@dataclass
class Found:
    start_tok: int
    end_tok: int
    role: str | None
    country: str | None
    cue: str
    counterpart_at: int | None = None  # where 'his counterpart' stands, for a name it introduces
    shared_title: int | None = None  # 'Prime Ministers A and B': where the one-holder office both share stands
    counterpart_next: "Found | None" = None  # 'his Greek counterpart X, Egyptian Foreign Minister Y said': Y


def taken_tokens(founds: list[Found]) -> set[int]:
    """The token indices the found titles and names already cover."""
    return {k for f in founds for k in range(f.start_tok, f.end_tok)}


PLURAL_AFTER = frozenset(("the", "foreign", "two", "deputy", "prime"))  # the words a plural head may follow


def _head_at(toks: list[Tok], index: int, lex: dict, firsts: dict[str, list[tuple[str, ...]]]) -> int:
    """Width of the title head at index (0 if none), so the caller skips a whole 'Deputy Foreign Minister'."""
    width = match_seq(toks, index, lex["heads"]) if toks[index].text in firsts else 0
    if not width and index > 0 and (toks[index - 1].text.lower() in PLURAL_AFTER or _demonym(toks[index - 1])) and \
            index + 2 < len(toks) and (toks[index + 1].text == "," or is_name_token(toks[index + 1])):
        width = match_seq(toks, index, lex["lower_plural"], lower=True)  # 'the foreign ministers, X of A and Y of B'
    return width


@lru_cache(maxsize=1)
def _lower_head_ends() -> frozenset[str]:
    """The last word of every lower-case head ('minister' of 'foreign minister')."""
    return frozenset(h[-1] for h in title_lexicon()["lower_heads"])


def _demonym(tok: Tok) -> bool:
    """A demonym may stand before a plural lower-case office ('Arlandese presidents A and B': both Arland's)."""
    return tok.country is not None and tok.country.kind == "demonym"


@lru_cache(maxsize=1)
def _head_ends() -> list[tuple[str, ...]]:
    """The last word of every title head ('Minister' of 'Foreign Minister'), each as a one-word sequence."""
    return [(h[-1],) for h in title_lexicon()["heads"]]


def _title_start(toks: list[Tok], index: int, lex: dict) -> int:
    """Walk left from the head over its modifiers, so 'Deputy Prime Minister and Foreign Minister' is one title."""
    start = index
    while start > 0:
        prev = toks[start - 1]
        if prev.text in COURTESY_WORDS or prev.text in _one_word_courtesy() or glued(prev, toks[start]):
            break  # 'His Holiness Pope X', 'HH Sheikh X': no part of the office, nor a name glued to it ('Ana LimaHigh
            # Commissioner')
        if start == 1 and prev.text in OPENING_PARTICIPLES:
            break  # 'Thanking President Roe for ..., X said': a participle opening the sentence is no part of the
            # office ('Acting President X' is: 'acting' is a modifier)
        if prev.country is None and prev.text[:1].isupper() and prev.text not in FUNCTION_CAPS:
            start -= 1
        elif prev.country is None and TIME_PREFIX.match(prev.text):
            start -= 1  # 'then-Prime Minister X': the office is 'then-Prime Minister', not 'Minister'
            break
        elif prev.text in lex["lower_modifiers"] and prev.text not in ("the",):
            start -= 1
        elif (prev.text == "of" and start >= 2 and toks[start - 2].text[:1].isupper()
              and toks[start - 2].country is None
              and not (start == index and match_seq([toks[start - 2]], 0, _head_ends()))):
            start -= 1  # but 'Special Envoy of President Jon Roe': the envoy serves the president, Roe is the president
        elif (prev.country is not None and prev.country.kind == "name" and start < index + 1
              and (body := _body_of_country(toks, start - 1)) is not None):
            start = body  # 'Central Bank of Peru Governor X': a country's body
        elif (prev.text == "," and start >= 2 and start < index and toks[start - 2].text in lex["portfolio"]
              and toks[start].text in lex["portfolio"]):
            start -= 1  # 'Investment, Trade and Industry Minister X': a portfolio of three parts
        elif prev.text in _office_joins() and start >= 2 and match_seq([toks[start - 2]], 0, _head_ends()) \
                and not match_seq(toks, index, lex["spouse_heads"]) \
                and not (prev.text == "," and _comma_lists_people(toks, start, index, lex)):
            # not 'the President and First Lady X' (two people), nor a comma between two people's offices
            start -= 1  # 'Deputy Prime Minister and Foreign Minister', '... & Minister of Justice', ', Minister for'
        elif (prev.text == "and" and start >= 2 and start < index and toks[start - 2].text in lex["portfolio"]
              and toks[start - 2].country is None):
            start -= 1  # 'Peruvian Mining Industries and Commodities Minister X', 'Sport and Leisure Minister X':
            # a portfolio word before 'and' makes one portfolio of two parts
        else:
            break
    return start


def _comma_lists_people(toks: list[Tok], start: int, index: int, lex: dict) -> bool:
    """Whether the comma before toks[start] parts two people's offices rather than two offices of one holder
    (mend30b): a list going on past the name with 'and' and another office ('met the Prime Minister, Foreign
    Minister X and Trade Minister Y'), or an 'of the' honour before the comma ('Leader of the Nation, President X': the
    honour's last word only looks like an office's). An article before the first office alone parts nothing: 'the
    Vice President, Minister of Mines X' is one holder (r1-r24 has two such, both right joined)."""
    if start >= 3 and toks[start - 3].text.lower() in lex["comma_join_articles"]:
        return True  # '... of the Nation, President X': one word after the article, no office of its own
    firsts = _index_of(lex["heads"])
    for k in range(index + 1, min(index + 10, len(toks) - 1)):
        if toks[k].text in (",", ";", ".", "(", ")"):
            return False
        if toks[k].text == "and":
            # 'and' then an office (a head at once, or after capitalised modifiers: 'and Trade Minister Y')
            m = k + 1
            while m < len(toks) and m - k <= 4 and toks[m].text[:1].isupper():
                if toks[m].text in firsts and _head_at(toks, m, lex, firsts):
                    return True
                m += 1
            return False
    return False


@lru_cache(maxsize=1)
def _office_joins() -> frozenset[str]:
    """What joins two offices of one holder (titles.toml office_joins): 'and', '&', a comma."""
    return frozenset(read_toml("titles.toml")["office_joins"])


@lru_cache(maxsize=1)
def _one_word_courtesy() -> frozenset[str]:
    """The forms of address of one word ('HH', 'Dr', 'HE'), as a set (speed: the lexicon's list is of sequences)."""
    return frozenset(seq[0] for seq in title_lexicon()["courtesy"] if len(seq) == 1)


def _body_of_country(toks: list[Tok], k: int) -> int | None:
    """Where the body starts whose country mention ends at token k ('Central Bank of Peru': the index of
    'Central'), None when no capitalised body noun and 'of' stand before the mention."""
    country = toks[k].country
    while k > 0 and toks[k - 1].country is country:
        k -= 1
    if k >= 2 and toks[k - 1].text == "of" and toks[k - 2].text in BODIES:
        start = k - 2
        while start > 0 and toks[start - 1].text[:1].isupper() and toks[start - 1].country is None \
                and toks[start - 1].text not in FUNCTION_CAPS:
            start -= 1
        return start
    return None


COURTESY_WORDS = frozenset({"Excellency", "Holiness", "Majesty", "Highness", "Eminence", "Beatitude", "Grace",
                            "Honourable", "Honorable", "Hon", "Excellencies",
                            "Majesties", "Highnesses", "Eminences"})  # 'Their Majesties King A and Queen B'


def _owner_country(toks: list[Tok], start: int) -> str | None:
    """The country owning the title from just before it: 'Brazil's Foreign Minister', 'the Kenyan President'."""
    if start > 0 and toks[start - 1].text in ("’s", "'s") and start > 1 and toks[start - 2].country:
        return toks[start - 2].country.iso3
    if start > 0 and toks[start - 1].country and toks[start - 1].country.kind in ("demonym", "name"):
        return toks[start - 1].country.iso3
    return None


def _role(toks: list[Tok], start: int, index: int, width: int, complement: list[str],
          lex: dict) -> tuple[str | None, bool]:
    """The role text and whether the head is a name honorific, which then belongs to the name, not the role."""
    role_words = [lex["abbreviations"].get(t.text, t.text) for t in toks[start:index + width]] + complement
    last = toks[index + width - 1].text
    if last.islower() and last.endswith("s") and last[:-1] in _lower_head_ends():
        role_words[index + width - 1 - start] = last[:-1]  # 'Arlandese presidents A and B': each a president
    # 'Foreign Minister Prince Faisal', 'Prime Minister Sheikh Hasina': the office is the role, the honorific
    # belongs to the name
    honorific = (toks[index].text in NAME_HONORIFICS and start < index
                 and any(match_seq(toks, x, lex["heads"]) for x in range(start, index)))
    if honorific:
        role_words = [lex["abbreviations"].get(t.text, t.text) for t in toks[start:index]]
    return (singular(" ".join(role_words)) if role_words else None), honorific


def _first_name(toks: list[Tok], comp_end: int, lex: dict) -> tuple[int, int, int | None] | None:
    """(name_start, name_end, honorific_at) of the name after the title, or None when no person follows it."""
    name_start = comp_end + 1 if comp_end < len(toks) and toks[comp_end].text == "," else comp_end
    name_start = skip_bracketed_epithet(toks, name_start)  # 'the President of B (Teacher) Dr. Jon Roe'
    name_start = skip_courtesy(toks, name_start)  # 'Dr Naledi Pandor', 'Ms. Macamo', ', His Excellency Dato’ Sri X'
    honorific_at = (name_start if name_start != comp_end and name_start < len(toks)
                    and toks[name_start].text in NAME_HONORIFICS else None)
    if honorific_at is not None:
        name_start += 1  # 'the Emir of Qatar, Sheikh Tamim ...': the honorific opens the name
    elif name_start != comp_end:
        name_start += match_seq(toks, name_start, lex["name_titles"]) or rank_width(toks, name_start, lex)
        # 'the President of B, Archbishop Jon Roe'; 'Minister of Defence, Gen. Jon Roe (retd)': the office is the role
    name_end = read_name(toks, name_start)
    if name_end == name_start:
        return None
    if name_end < len(toks) and toks[name_end].text in lex["not_names"] and toks[name_end].text[:1].isupper():
        return None  # 'the President Biden Administration': a name used as a modifier
    if name_end == name_start + 1 and name_end < len(toks) and toks[name_end].text in lex["head_words"] \
            and toks[name_end].text[:1].isupper():
        return None  # 'the Deputy Permanent Secretary for Trade': one word between two title words modifies the second
    of_country_next = (name_end + 1 < len(toks) and toks[name_end].text == "of"
                       and toks[name_end + 1].country is not None)
    # after a bare comma the name must close ('the Minister, Ana Lima, said'); a form of address needs neither
    # comma nor close ('Foreign Minister Mr. Pablo Soto called on ...', 'the President of B, H.E. Dr. X will host')
    bare_comma = comp_end < len(toks) and toks[comp_end].text == "," and skip_courtesy(toks, comp_end + 1) == comp_end + 1
    # ... or a place ends the name ('talks with the Minister of Trade, Ana Lima in Accra'): 'in' and a country's town
    place_next = (name_end + 1 < len(toks) and toks[name_end].text in PLACE_LINKS
                  and toks[name_end + 1].country is not None)
    if bare_comma and not (name_end >= len(toks) or toks[name_end].text in (",", ".", "and", ";", ")", "(")
                                       or of_country_next or place_next):
        return None
    after_comma = comp_end < len(toks) and toks[comp_end].text == ","
    if after_comma and name_end + 1 < len(toks) and toks[name_end].text == "," and match_seq(toks, name_end + 1, lex["heads"]):
        return None  # 'met A, Director of Protocol, B, Ambassador of C': B has an office of their own, A is the director;
        # so in a list with forms of address ('H.E. Mr. A, President of B, Hon. C, Prime Minister'): C is the minister
    if after_comma and plural_office_after(toks, name_end):
        return None  # '..., Vice-Premier, Mr. A and Mr. B, Vice-Chairmen of X': A and B share the plural office
    return name_start, name_end, honorific_at


def _names_after(toks: list[Tok], name_start: int, name_end: int,
                 plural: bool) -> list[tuple[int, int, str | None]]:
    """Each (start, end, of_country) after a plural title: 'Foreign Ministers X of Armenia and Y of Iran'."""
    names = []
    while True:
        comp_end, _, of_country, _ = read_complement(toks, name_end)
        names.append((name_start, name_end, of_country))
        if plural:
            comp_end = _past_bracket(toks, comp_end)  # 'Presidents A (1992), B (1994) and C': a year in brackets
        if plural and comp_end + 1 < len(toks) and toks[comp_end].text in ("and", ","):
            k = comp_end + 1
            if toks[comp_end].text == "," and toks[k].text == "and":
                k += 1  # 'A, B, and C'
            next_end = read_name(toks, k)
            if next_end > k:
                name_start, name_end = k, next_end
                continue
        break
    return names


BRACKET_REACH = 12  # tokens: a bracketed aside after a name in a list ('(APEC 1995 and 1997)'), not a paragraph


def _past_bracket(toks: list[Tok], k: int) -> int:
    """Past a bracketed aside at token k ('(1996)', '(APEC 2004)'); k itself when none opens there or it runs on."""
    if k < len(toks) and toks[k].text == "(":
        for n in range(k + 1, min(len(toks), k + BRACKET_REACH)):
            if toks[n].text == ")":
                return n + 1
    return k


def titles_before_names(toks: list[Tok]) -> list[Found]:
    """'Azerbaijan's Deputy Foreign Minister Khalaf Khalafov', 'Foreign Ministers X of Armenia and Y of Iran'."""
    lex = title_lexicon()
    found: list[Found] = []
    index = 0
    firsts = _index_of(lex["heads"])  # by_first of the heads, found by the list's identity (no re-hash a call)
    # _head_at finds a width only at a token that starts a head (as written) or, lower-cased, a plural lower head:
    # a sentence with neither reads no title (skip the per-token scan below, speed)
    if firsts.keys().isdisjoint(token_texts(toks)) and \
            _index_of(lex["lower_plural"]).keys().isdisjoint(token_lowers(toks)):
        return found
    while index < len(toks):
        if toks[index].text not in firsts and (index == 0 or (toks[index - 1].text.lower() not in PLURAL_AFTER
                                                               and not _demonym(toks[index - 1]))):
            index += 1  # no head can start here (_head_at's own tests, first: speed)
            continue
        width = _head_at(toks, index, lex, firsts)
        if not width:
            index += 1
            continue
        start = _title_start(toks, index, lex)
        country = _owner_country(toks, start) or next(  # 'Central Bank of Peru Governor X'
            (t.country.iso3 for k, t in enumerate(toks[start:index], start) if t.country is not None
             and t.country.kind == "name" and k > 0 and toks[k - 1].text == "of"), None)
        post = match_seq(toks, index + width, lex["post_head"])  # 'Ambassador Extraordinary and Plenipotentiary'
        if (not post and toks[index + width - 1].text in lex["abbreviations"] and index + width < len(toks)
                and toks[index + width].text == "." and toks[index + width].start == toks[index + width - 1].end):
            post = 1  # 'the return of Gen. Jon Roe': the abbreviation's full stop is no end of the title
        comp_end, complement, of_country, _ = read_complement(toks, index + width + post)
        role, honorific = _role(toks, start, index, width, complement, lex)
        if country and role and start >= 2 and toks[start - 2].text.lower() in TIME_MODIFIERS:
            role = f"{toks[start - 2].text.lower()} {role}"  # 'former Uruguayan President X': a former president
        last = toks[index + width - 1].text
        plural = last.endswith("s") and (last[:-1] in lex["head_words"]
                                         or last[:-1].lower() in {h[-1] for h in lex["lower_heads"]})
        first = _first_name(toks, comp_end, lex)
        if first is None:
            index += width
            continue
        name_start, name_end, honorific_at = first
        names = _names_after(toks, name_start, name_end, plural)
        if honorific:
            names[0] = (index, names[0][1], names[0][2])
        elif honorific_at is not None:
            names[0] = (honorific_at, names[0][1], names[0][2])
        # two holders of an office a country has one of ('Prime Ministers A and B'): two countries
        # ... or of one portfolio ('the two countries' Ministers of Trade, A and B'): one holder a government
        one_holder = role in lex["one_holder_offices"] or bool(
            role and complement and not of_country and role.split()[-1 - len(complement)] == "Minister")
        shared = index if plural and len(names) == 2 and one_holder else None
        for name_from, name_to, name_country in names:
            owner = name_country or country or of_country
            found.append(Found(name_from, name_to, role, owner, "explicit" if owner else "none", shared_title=shared))
        index = names[-1][1]
    return found
