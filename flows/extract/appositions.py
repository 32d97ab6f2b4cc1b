"""Appositions: 'X, First Deputy Minister of ...', 'X's Minister of Y, Name,', 'the presidents of A and B, X and Y'."""
from __future__ import annotations

import re

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.names import (BODIES, POSSESSIVE, Tok, is_caps_name, is_name_text, match_seq, name_flags, read_name,
                                 skip_courtesy, title_lexicon)
from flows.extract.persons import Person, known_person
from flows.extract.title_complements import read_complement
from flows.extract.title_lower import named_body_before
from flows.extract.title_plurals import is_courtesy_name, plural_head_at, second_of_pair
from flows.extract.titles import TIME_PREFIX, Found, singular, untimed
from flows.lexicon import read_toml

# 'X, former Minister of Y', 'X, the outgoing ambassador': words of time before the office (titles.toml)
APPOSITION_MODIFIERS = frozenset(read_toml("titles.toml")["apposition_modifiers"])
# the words that may follow an office set after a name with no comma ('X the spokesman of the ministry')
BARE_COMPLEMENTS = frozenset(read_toml("titles.toml")["bare_apposition_complements"])
# 'X, who was the ambassador to Y': a relative clause whose copula sets the office after the name (titles.toml)
RELATIVE_COPULAS = sorted({tuple(w.split()) for w in read_toml("titles.toml")["relative_copulas"]}, key=len, reverse=True)
# a sentence that may hold such an office: a name's last letter, 'the', lower-case words, a complement word
BARE_APPOSITION = re.compile(r"\w the (?:[a-z]+ ){1,3}" + alternation(sorted(BARE_COMPLEMENTS)) + " ")


def appositions(toks: list[Tok], taken: set[int], known: list[Person]) -> list[Found]:
    """'Aidos Seitkali, First Deputy Minister of ...', 'Cahit Bağcı, Türkiye's ambassador to Azerbaijan'."""
    lex = title_lexicon()
    found = []
    written, toks = toks, _unglued_time(toks)
    i = 0
    before_and: tuple[int, int] | None = None
    names = name_flags(toks)  # each token's name test once, not at every reading of it (speed)
    while i < len(toks):
        # a family name in capitals may open it ('Ms. TANAKA Emi, Minister of Trade of Japan')
        # (is_caps_name only for a word in capitals, its own first test: most words are not, speed)
        opens = names[i] or (toks[i].text.isupper() and is_caps_name(toks[i]) and i + 1 < len(toks) and names[i + 1])
        if i in taken or not opens or (i > 0 and names[i - 1]):
            i += 1
            continue
        e = read_name(toks, i)
        if e < len(toks) and toks[e].text == "and":
            before_and = (i, e)  # 'A and B, Vice-Chairmen of X': A may share B's plural office
        single_known = e - i == 1 and (known_person(toks[i].text, known) is not None or is_courtesy_name(toks, i, e))
        bare = e < len(toks) and toks[e].text == "the"  # 'said X the spokesman of the ministry': no comma
        if (e - i < 2 and not single_known) or e >= len(toks) or (toks[e].text not in (",", "(") and not bare):
            i = max(e, i + 1)
            continue
        j = e if bare else e + 1
        if not bare and toks[e].text == ",":
            j += match_seq(toks, j, RELATIVE_COPULAS)  # 'X, who was Ruritanian Ambassador to Y, wrote': the office
            j = skip_courtesy(toks, j)  # 'X, Hon’ble Minister of State': a form of address, no part of the office
        if j < len(toks) and toks[j].text.lower() in ("the", "a", "an"):
            j += 1
            j = _past_lower_owner(toks, j)  # 'X, the trade ministry's policy officer': the owner is no part of it
        elif j + 3 < len(toks) and toks[j].text in ("his", "her", "their") and toks[j + 2].text == "and" \
                and toks[j + 1].text.isalpha() and toks[j + 1].text.islower() \
                and not match_seq(toks, j + 1, lex["lower_heads"], lower=True):
            j += 3  # 'X, his mentor and former president of Y': a tie to someone, then the office
        j = _past_org_owner(toks, j, lex)  # 'X, Ruritania Grain Council (RGC) regional director for Y'
        mods = []
        while j < len(toks) and toks[j].text.lower() in APPOSITION_MODIFIERS and toks[j].country is None:  # 'New Zealand's'
            mods.append(toks[j].text)
            j += 1
        country, j = _owner_country(toks, j)
        h, n = _office_head(toks, j, lex)
        plural = None if n or bare or toks[e].text != "," else next(
            ((x, hit) for x in range(j, h + 1) if (hit := plural_head_at(toks, x))), None)
        if plural:  # 'A and B, Vice-Chairmen of X': the singular office, for both (the modifiers' walk passed it)
            h, (n, plural) = plural[0], plural[1]
        if not n:
            i = e
            continue
        if bare and (h + n >= len(toks) or toks[h + n].text not in BARE_COMPLEMENTS or h - j > 3):
            i = e
            continue  # 'told X the president would come': with no comma, only an office with its complement
        n += match_seq(toks, h + n, lex["post_head"])  # 'X, Minister Responsible for Ocean Affairs, said'
        end, comp, of_country, to_country = read_complement(toks, h + n)
        if toks[e].text == "(" and (end >= len(toks) or toks[end].text != ")"):
            i = e
            continue  # 'X (Peru's trade minister) said': a bracket holds the office whole, or it is no apposition
        if end < len(toks) and read_name(toks, skip_courtesy(toks, end)) > skip_courtesy(toks, end):
            i = e
            continue  # 'Novi Sad, Hungarian Foreign Minister Péter Szijjártó': a title of the next name
        head = list(plural) if plural else [t.text for t in written[h:h + n]]
        role = " ".join(mods + [t.text for t in written[j:h]] + head + comp)
        c = country or of_country or _body_country_after(toks, end)
        found.append(Found(i, e, singular(role), c, "explicit" if c else "none"))
        if plural and before_and is not None and second_of_pair(toks, before_and[1]) == (i, e):
            found.append(Found(before_and[0], before_and[1], singular(role), c, "explicit" if c else "none"))
        i = end
    return found


def _owner_country(toks: list[Tok], j: int) -> tuple[str | None, int]:
    """The country owning the office that starts at token j, written as a possessive ('New Zealand's') or a demonym
    ('Ruritanian'): its ISO3 and the token past it; (None, j) when neither."""
    past = j  # past a country mention of several words ('New Zealand's')
    while past < len(toks) and toks[j].country is not None and toks[past].country is toks[j].country:
        past += 1
    if past < len(toks) and toks[j].country and toks[past].text in POSSESSIVE:
        return toks[j].country.iso3, past + 1
    if j < len(toks) and toks[j].country and toks[j].country.kind == "demonym":
        return toks[j].country.iso3, past
    return None, j


def _office_head(toks: list[Tok], j: int, lex: dict) -> tuple[int, int]:
    """Where the office's head starts past its modifiers from token j ('First Deputy Minister of ...': 'Minister'),
    and its length in tokens (0: no head)."""
    h = j
    while h < len(toks) and (
            # a modifier, unless it opens a head of several words ('State Councilor')
            ((toks[h].text in lex["lower_modifiers"] or toks[h].text.lower() in lex["lower_modifiers"])
             and match_seq(toks, h, lex["heads"]) < 2)
            or (toks[h].text[:1].isupper() and toks[h].country is None and not match_seq(toks, h, lex["heads"]))):
        if h - j > 4:
            break
        h += 1
    n = match_seq(toks, h, lex["heads"]) or match_seq(toks, h, lex["lower_heads"], lower=True)
    if not n and h < len(toks) and toks[h].text.isalpha() and toks[h].text.islower():
        # 'X, the ministry's FTA policy officer': one lower-case word of the field before a lower-case head
        n = match_seq(toks, h + 1, lex["lower_heads"], lower=True)
        h, n = (h + 1, n) if n and toks[h].text not in NOT_FIELD else (h, 0)
    if not n and h > j and match_seq(toks, j, lex["lower_heads"], lower=True):
        h, n = j, match_seq(toks, j, lex["lower_heads"], lower=True)  # 'X, chief of Y customs': a head, no modifier
    return h, n


def _unglued_time(toks: list[Tok]) -> list[Tok]:
    """The tokens with a word of time glued to an office after a comma read as the office alone, so 'X, ex-Prime
    Minister of Y' finds the head 'Prime Minister' (the role keeps the word as written: 'ex-Prime Minister of Y')."""
    bare = {k: untimed(toks[k].text, TIME_PREFIX) for k in range(1, len(toks))
            if toks[k - 1].text == "," and toks[k].country is None}
    at = {k: text for k, text in bare.items() if text != toks[k].text}  # a time word was glued to it
    if not at:
        return toks
    out = list(toks)
    for k, text in at.items():
        out[k] = toks[k]._replace(text=text)
    return out


BODY_AFTER_WORDS = 14  # tokens at most of the body a second apposition names ('Ministry of Trade of the Republic of B')


def _body_country_after(toks: list[Tok], end: int) -> str | None:
    """'X, Principal Secretary for Trade, Ministry of Trade and Industry of the Republic of B': a second apposition
    that opens with a body's noun names where the office sits; the country it is 'of' is the person's."""
    if end + 1 >= len(toks) or toks[end].text != "," or toks[end + 1].text not in BODIES:
        return None
    for k in range(end + 2, min(len(toks), end + 2 + BODY_AFTER_WORDS)):
        if toks[k].text in (",", ";", ".", "(") or toks[k].text.islower() and toks[k].text not in ("of", "and", "the", "for"):
            return None
        if toks[k].country is not None and toks[k].country.kind == "name" and toks[k - 1].text in ("of", "the"):
            return toks[k].country.iso3
    return None


# lower-case words that are no field of a job before its head ('X, the man who led ...' never reaches a head anyway;
# 'X, the only official ...', 'X, a senior official': 'only' and the articles are no field)
NOT_FIELD = frozenset({"only", "other", "same", "first", "last", "new", "old", "then", "former", "who", "which", "and",
                       "of", "to", "in", "as", "is", "was", "has", "had"})


def _past_org_owner(toks: list[Tok], j: int, lex: dict) -> int:
    """Past an organisation that owns a lower-case office ('X, Ruritania Grain Council (RGC) regional director'): two
    to six capitalised words holding no title head, an acronym in brackets maybe, then a lower-case word; j itself
    when none."""
    k = j
    while k < len(toks) and k - j < 8 and (toks[k].text[:1].isupper() and not match_seq(toks, k, lex["heads"]) or (
            toks[k].text == "." and len(toks[k - 1].text) == 1)):  # 'U.S.' is four tokens
        k += 1
    if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 1].text.isupper() and toks[k + 2].text == ")":
        k += 3
    if k - j >= 2 and k < len(toks) and toks[k].text.isalpha() and toks[k].text.islower() \
            and toks[k].text not in NOT_FIELD:
        return k
    return j


def _past_lower_owner(toks: list[Tok], j: int) -> int:
    """Past an owner in lower case after 'the' ('the trade ministry's', 'the company's'): up to three words closed by
    a possessive; j itself when none."""
    for k in range(j, min(len(toks) - 1, j + 3)):
        if not (toks[k].text.isalpha() and toks[k].text.islower()):
            return j
        if toks[k + 1].text in POSSESSIVE:
            return k + 2
    return j


_UNITS = read_toml("titles.toml")["ministry_units"]


def _either_case(words: list[str]) -> str:
    """An alternation of the words with the first letter in either case ('[Mm]inister'), the rest as written."""
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words) + ")"


COMMA_HEADS = read_toml("titles.toml")["comma_office_heads"]
COMMA_MODIFIERS = _either_case(read_toml("titles.toml")["comma_office_modifiers"])
# 'Ethiopia's Minister of Transport and Logistics, Alemu Sime, and ...', 'the cabinet secretary for trade, X,':
# an office with its complement, a comma, then the name (closed by a comma, 'and', 'said' or the full stop).
TITLE_COMMA_NAME = re.compile(
    r"(?P<role>(?:" + COMMA_MODIFIERS + r"\s+)*"
    r"(?:" + _either_case(COMMA_HEADS) + r"|(?<=the\s)director)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+and\s+[A-Za-z][\w-]*)?)?"
    # 'the director of the Asia department of the Ruritanian Foreign Ministry, X': a department, then its ministry
    r"(?:\s+(?:[A-Za-z][\w-]*\s+){0,2}?" + alternation(_UNITS["units"]) + r"\s+of\s+the\s+(?:[A-Z][\w-]*\s+){1,3}"
    + alternation(_UNITS["bodies"]) + r")?)"
    r",\s+(?P<name>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})(?=\s*,|\s+and\b|\s+said\b|\.\s*$)")
OWNER_BEFORE = re.compile(r"([A-ZÀ-Þ][\w’'-]+)(?:’s|'s)\s+(?:" + COMMA_MODIFIERS + r"\s+)*$")
OFFICE_WORDS = (*COMMA_HEADS, "director")  # the gate: a sentence with none of the heads holds no such office
PLURAL_WORDS = ("presidents", "ministers", "leaders", "premiers", "ambassadors")
# the two gates as one search each over the lower-cased sentence: the same test as any(w in low ...) of the words,
# without a Python step a word (speed)
OFFICE_WORDS_IN = re.compile("|".join(map(re.escape, OFFICE_WORDS)))
PLURAL_WORDS_IN = re.compile("|".join(map(re.escape, PLURAL_WORDS)))
# 'The presidents of Peru and Bolivia, Dina Boluarte and Luis Arce,', 'our defence ministers, X and Y': one office each
PLURAL_APPOSITION = re.compile(
    r"\b(?P<role>(?:(?:foreign|defen[cs]e|trade|finance|economy|energy|interior|prime)\s+)?"
    r"(?:presidents|ministers|leaders|premiers|ambassadors))(?:\s+of\s+(?P<c1>[A-ZÀ-Þ][^,]*?)\s+and\s+(?P<c2>[A-ZÀ-Þ][^,]*?))?"
    r",\s+(?P<n1>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})\s+and\s+"
    r"(?P<n2>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})(?=\s*[,.]|\s+(?:met|said|signed|held)\b)", re.I)


def offices_before_comma(sentence: str, toks: list[Tok], taken: set[int],
                          countries: list[CountryMention]) -> list[Found]:
    """Offices named before a comma and the name ('X's Minister of Y, Name,'; 'the presidents of A and B, X and Y')."""
    by_start: dict[int, int] = {}
    by_end: dict[int, int] = {}

    def found(start: int, end: int, role: str, country: str | None) -> Found | None:
        if not by_start:  # built at the first match only: most sentences have none (speed)
            by_start.update((t.start, n) for n, t in enumerate(toks))
            by_end.update((t.end, n + 1) for n, t in enumerate(toks))
        a, b = by_start.get(start), by_end.get(end)
        if a is None or b is None or any(k in taken for k in range(a, b)) or any(toks[k].country for k in range(a, b)):
            return None
        if not all(is_name_text(w) for w in sentence[start:end].split()):
            return None
        return Found(a, b, singular(role), country, "explicit" if country else "none")

    def country_in(start: int, end: int) -> str | None:
        return next((c.iso3 for c in countries if start <= c.start < end), None)

    out = []
    low = sentence.lower()
    for m in TITLE_COMMA_NAME.finditer(sentence) if OFFICE_WORDS_IN.search(low) else ():
        owner_m = OWNER_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
        owner = country_in(owner_m.start(1), owner_m.end(1)) if owner_m else None
        f = found(m.start("name"), m.end("name"), m.group("role"), owner)
        if f is not None and (at := by_start.get(m.start("role"))) is not None and (lead := named_body_before(toks, at)) < at:
            f.role = singular(sentence[toks[lead].start:m.end("role")])  # 'the Trade Commission secretary, X'
        out += [f] if f else []
    for m in PLURAL_APPOSITION.finditer(sentence) if PLURAL_WORDS_IN.search(low) else ():
        c1 = country_in(m.start("c1"), m.end("c1")) if m.group("c1") else None
        c2 = country_in(m.start("c2"), m.end("c2")) if m.group("c2") else None
        for g, c in (("n1", c1), ("n2", c2)):
            f = found(m.start(g), m.end(g), m.group("role"), c)
            out += [f] if f else []
    return out
