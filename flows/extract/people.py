"""People: names introduced by titles, appositions and 'his <demonym> counterpart', merged within a document."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.appositions import BARE_APPOSITION, appositions, offices_before_comma
from flows.extract.countries import CountryMention
from flows.extract.counterparts import counterpart_named_first, counterpart_of, counterparts
from flows.extract.leaders import (fill_from_document, is_leader_word, known_country, leader_by_family_name, leaders_named_first,
                                  nearest_country, resolve_leader_anaphor, side_phrase)
from flows.extract.monarchs import fits_title
from flows.extract.nlp import backbone
from flows.extract.names import (FUNCTION_CAPS, HONORIFICS, NAME_HONORIFICS, ROMAN, ROMAN_NUMERALS, Tok, fold_name, name_flags,
                                 read_name, skip_courtesy, title_lexicon, token_texts, tokenize)
from flows.extract.persons import Mention, Person, bare_name, known_person, merge_person
from flows.extract.person_aliases import alias_spans, note_aliases
from flows.extract.person_entities import NAME_PAIR, entity_names, inside, prefetch_names
from flows.extract.person_places import names_a_thing, place_noun_after
from flows.extract.person_succession import inherit, succeeded
from flows.extract.spouses import spouses
from flows.extract.title_article import article_offices
from flows.extract.title_as import as_titles, office_as
from flows.extract.title_copula import told_titles
from flows.extract.title_groups import group_members
from flows.extract.title_lower import lower_titles
from flows.extract.list_portfolios import may_hold, portfolio_lists
from flows.extract.titles import Found, taken_tokens, titles_before_names
from flows.lexicon import read_toml

__all__ = ["Mention", "Person", "fill_from_document", "find_people", "prefetch_names", "known_country", "nearest_country", "resolve_leader_anaphor"]



CAPWORD = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]+(?:-[^\W\d_]+)*")


LOWER_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of a title head, an abbreviation, or 'counterpart' (lower case): where a person can be introduced."""
    data = read_toml("titles.toml")
    words = {w.lower() for h in data["heads"] + data["lower_heads"] + list(data["abbreviations"]) for w in
             LOWER_WORD.findall(h.lower())}
    return frozenset(words | {w + "s" for w in words} | {"counterpart", "counterparts"})


@lru_cache(maxsize=None)
def _titles_set(key: str) -> frozenset[str]:
    """A list of titles.toml as a set, read once a process (speed: parsing the file in a per-sentence function cost
    more than the rule it fed)."""
    return frozenset(read_toml("titles.toml")[key])


def _may_name_people(sentence: str, people: list[Person]) -> bool:
    """A cheap gate (speed): a title word, 'counterpart', or a word of a person already known (with the
    statistical backbone, also two capitalised words in a row)."""
    if not _title_words().isdisjoint(LOWER_WORD.findall(sentence.lower())):
        return True
    if backbone() == "spacy" and NAME_PAIR.search(sentence):
        return True
    known = {fold_name(p.surname) for p in people} | {fold_name(bare_name(p.name)[0]) for p in people
                                                      if len(bare_name(p.name)) >= 2}
    return any(fold_name(w) in known or is_leader_word(w) for w in CAPWORD.findall(sentence))


def _titled(sentence: str, toks: list[Tok], countries: list[CountryMention], people: list[Person]) -> list[Found]:
    """Names introduced by an office: before the name, in lower case, 'as ...', in an apposition."""
    # 'the Ministers of Trade, and Health: A and B, respectively': each name its own portfolio, before a title reader
    # takes a name as the next portfolio's holder
    founds = portfolio_lists(toks) if may_hold(sentence) else []
    listed = taken_tokens(founds)
    founds += [f for f in titles_before_names(toks) if listed.isdisjoint(range(f.start_tok, f.end_tok))]
    for lf in lower_titles(toks, set()):
        same = [f for f in founds if f.end_tok == lf.end_tok]
        if same and all(f.role in NAME_HONORIFICS for f in same):
            for f in same:  # "Qatar's foreign minister, Sheikh X": the office, not the honorific
                f.role, f.country = lf.role, f.country or lf.country
                f.cue = "explicit" if f.country else f.cue
                f.start_tok = min(f.start_tok, lf.start_tok)
        elif not any(f.start_tok <= x < f.end_tok for f in founds for x in range(lf.start_tok, lf.end_tok)):
            founds.append(lf)
    founds += as_titles(toks, taken_tokens(founds))
    founds += told_titles(sentence, toks, founds)  # 'X's envoy is Mr Y', 'Mr Y as the Consul', '[A, 1990; B, 1975]'
    if " such as " in sentence or " including " in sentence:
        founds += group_members(toks, taken_tokens(founds))  # 'American leaders such as A and B
    # an honorific or a rank before the name gives way to the office in an apposition ('Sheikh X, the President of
    # the UAE', 'General X, chairman of the Peruvian Defence Council')
    ranks = _titles_set("ranks")
    for f in founds:
        if (f.role in HONORIFICS or f.role in ranks) and "," in sentence:
            for a in appositions(toks, set(), people):
                if a.start_tok == f.start_tok and a.end_tok == f.end_tok and a.role:
                    f.role, f.country = a.role, f.country or a.country
                    f.cue = "explicit" if f.country else f.cue
    for f in list(founds):
        k = f.end_tok
        if (k + 3 < len(toks) and toks[k].text == "and" and toks[k + 1].country is not None
                and toks[k + 2].text in ("’s", "'s")):
            e = read_name(toks, k + 3)
            if e - (k + 3) >= 2:  # 'Georgia's President X and Armenia's Y': Y holds the same office in Armenia
                founds.append(Found(k + 3, e, f.role, toks[k + 1].country.iso3, "explicit"))
    if "," in sentence or "(" in sentence:
        # an apposition needs its comma or bracket ('X, the ambassador of ...'): else skip the token scan (speed)
        founds += offices_before_comma(sentence, toks, taken_tokens(founds), countries)
        founds += article_offices(toks, taken_tokens(founds), people)  # 'the president of B, Jon Roe, signed'
        founds += appositions(toks, taken_tokens(founds), people)
        _share_list_owner(toks, founds)
    elif BARE_APPOSITION.search(sentence):
        founds += appositions(toks, taken_tokens(founds), people)  # 'said X the spokesman of the ministry'

    return founds


def _share_list_owner(toks: list[Tok], founds: list[Found]) -> None:
    """"Iran's Foreign Minister X, Oil Minister Y and Electricity Minister Z": the owner of a list of offices is
    every office's (after a comma; after 'and' only once the list has had a comma)."""
    ordered = sorted(founds, key=lambda f: f.start_tok)
    listed = False
    for before, f in zip(ordered, ordered[1:]):
        gap = [t.text for t in toks[before.end_tok:f.start_tok]]
        head = gap[1:] if gap[:1] == [","] or gap[:1] == ["and"] else None
        title_only = head is not None and all(w[:1].isupper() or w in ("of", "for", "and") for w in head) and len(head) <= 5
        listed = listed or gap[:1] == [","]
        if (title_only and f.country is None and before.country and before.cue == "explicit" and f.role
                and (gap[:1] == [","] or listed) and not _after_with(toks, before.start_tok)):
            f.country, f.cue = before.country, "explicit"


def _after_with(toks: list[Tok], start: int) -> bool:
    """'In a talk with Peruvian President A, Army Chief B said': A is named in an opening phrase with 'with', so the
    comma after A ends that phrase, not a list of A's government (B is no member of it)."""
    for k in range(start - 1, max(-1, start - 8), -1):
        if toks[k].text in (",", ";", ".") or (toks[k].text[:1].isupper() and toks[k].country is None and k < start - 4):
            return False
        if toks[k].text.lower() == "with":
            return True
    return False


def _later_mentions(toks: list[Tok], founds: list[Found], people: list[Person], aliases: list[tuple[int, int]]) -> None:
    """Later mentions of people already known: 'Rakhmatov', 'Kocharian', 'Ambassador Baravikou'."""
    if not people:
        return  # both readings below need known_person, which finds no one among no people (speed)
    taken = taken_tokens(founds)
    names = name_flags(toks)  # each token's name test once, shared with the other readers of the sentence (speed)
    for n, tok in enumerate(toks):
        if n in taken or not names[n] or inside(tok.start, aliases):
            continue
        if n + 1 < len(toks) and names[n + 1]:
            e = read_name(toks, n)
            if known_person(toks[e - 1].text, people) and not taken & set(range(n, e)):
                # not over a name already read: 'Dato’ Seri Anwar Ibrahim' is 'Anwar Ibrahim' after a form of address
                founds.append(Found(n, e, None, None, "none"))
                taken |= set(range(n, e))
            continue
        if n > 0 and names[n - 1]:
            continue
        if known_person(tok.text, people):
            founds.append(Found(n, n + 1, None, None, "none"))
            taken.add(n)


def _lexicon_names(sentence: str, toks: list[Tok], founds: list[Found], people: list[Person]) -> None:
    """Well-known office holders named with no title ('Recep Tayyip Erdoğan arrived ...'): a full name of leaders.csv."""
    taken = taken_tokens(founds)
    names = name_flags(toks)  # each token's name test once (speed)
    n = 0
    while n < len(toks):
        if n in taken or not names[n] or (n > 0 and names[n - 1]):
            n += 1
            continue
        e = read_name(toks, n)
        if e - n >= 2 and (_names_a_thing(toks, e) or place_noun_after(toks, e)):
            n = e  # 'the Jon Roe Award', 'on Jon Roe street': the name of a prize, a school or a road, not its person
            continue
        if e - n >= 2 and not taken & set(range(n, e)) and known_country(sentence[toks[n].start:toks[e - 1].end]):
            founds.append(Found(n, e, None, None, "none"))
        elif (e - n == 1 and n > 0 and not _beside_a_capital(toks, n) and not known_person(toks[n].text, people)
              and (known := leader_by_family_name(toks[n].text))):
            # 'talks between Meloni and Macron': a well-known holder's family name alone, with the lexicon's office
            founds.append(Found(n, e, known[1] or None, known[0], "lexicon"))
        n = max(e, n + 1)


def _names_a_thing(toks: list[Tok], e: int) -> bool:
    """A name right before a capitalised word that is never a name ('Award', 'University', 'Foundation'): the
    person's name is part of a thing's name."""
    return e < len(toks) and toks[e].text[:1].isupper() and toks[e].text in title_lexicon()["not_names"] and \
        toks[e].text not in FUNCTION_CAPS


def _beside_a_capital(toks: list[Tok], n: int) -> bool:
    """A capitalised word right before or after token n: part of a longer proper name ('the Macron Foundation',
    'the Order of Macron the Great')."""
    if n >= 2 and toks[n - 1].text == "of" and toks[n - 2].text[:1].isupper():
        return True
    return any(0 <= k < len(toks) and toks[k].text[:1].isupper() for k in (n - 1, n + 1))


REGNAL_I_NEXT = frozenset({"of", ",", ".", ")", "and", "’s", "'s", ";"})  # 'Carol I of Romania': 'I' a numeral, not 'I'


def _regnal_names(toks: list[Tok], founds: list[Found]) -> None:
    """A monarch or pope named with no title: a name word and a regnal numeral ('Harald V of Norway', 'Carol I of
    Romania'); not a numbered thing ('Phase II', titles.toml not_regnal)."""
    # a regnal name ends in a numeral: a sentence with no numeral token has none (speed: the loop below reads a
    # name at every name word)
    if ROMAN_NUMERALS.isdisjoint(token_texts(toks)):
        return
    taken = taken_tokens(founds)
    not_regnal = _titles_set("not_regnal")
    names = name_flags(toks)  # each token's name test once (speed)
    for n in range(len(toks) - 1):
        if n in taken or not names[n] or (n > 0 and names[n - 1]):
            continue
        e = read_name(toks, n)
        last = toks[e - 1].text
        if e - n < 2 or not ROMAN.match(last) or toks[n].text in not_regnal or taken & set(range(n, e)):
            continue
        if last == "I" and (e >= len(toks) or toks[e].text not in REGNAL_I_NEXT):
            continue  # 'when Carol I think': the pronoun
        founds.append(Found(n, e, None, None, "none"))
        taken |= set(range(n, e))


def _record(sentence: str, index: int, toks: list[Tok], f: Found, countries: list[CountryMention],
            people: list[Person], out: list[tuple[Person, Mention]], last_person: Person | None) -> None:
    """Merge one found name into the document's people and append its mention to `out`."""
    first = skip_courtesy(toks, f.start_tok)  # 'Sir Keir was appointed': the name is 'Keir', a form of address before it
    start, end = toks[first if first < f.end_tok else f.start_tok].start, toks[f.end_tok - 1].end
    name = sentence[start:end]
    mention = Mention(index, start, end, name)
    if " " not in name and not known_person(name, people):
        name = _given_name_of(name, people) or name
    role, country, cue = f.role, f.country, f.cue
    if (held_by := succeeded(sentence, start, role, out)) is not None:
        role, country, cue = inherit(role, country, cue, held_by)  # 'then Speaker A ..., her successor B'
    if country is None and role and (own := _office_country(role)):
        country, cue = own, "explicit"  # 'Pope X': an office only one country has
    if country is None:
        country = side_phrase(sentence, end, countries)
        cue = "explicit" if country else cue
    if country is None:
        # 'H.E. Dr. X of the Republic of Botswana', 'the election of X as the president of Malawi'
        country, office = _office_after(sentence, end, countries)
        role, cue = role or office, "explicit" if country else cue
    if role is None:
        office_country = office_as(toks, f.end_tok)  # 'received Jon Roe as Peruvian Minister to Chile'
        if office_country is not None:
            role = office_country[0]
            if country is None and office_country[1]:
                country, cue = office_country[1], "explicit"
    other = None
    borrowed = role is None and f.counterpart_at is not None
    if f.counterpart_at is not None and f.counterpart_next is not None:
        role = role or f.counterpart_next.role  # the person named after the counterpart: recorded next
    elif f.counterpart_at is not None:
        other = counterpart_of(sentence, f, out, last_person)
        if role is None and other is not None:
            role = other.role
    person = merge_person(people, name, role, country, cue, mention, borrowed=borrowed and role is not None)
    if person.country_cue != "explicit":
        # a well-known office holder with no country in the text ('President Putin') serves the country the
        # lexicon knows, before any guess from the nearest country named
        known = known_country(person.name)
        if known and fits_title(person.role, known):  # 'Crown Prince Hussein' is no Iraqi minister Hussein
            person.country, person.country_cue = known, "lexicon"
    if other is not None and other is not person:
        person.counterpart_of = other
    if held_by is not None and held_by is not person:
        person.succeeds = held_by
    out.append((person, mention))


@lru_cache(maxsize=1)
def _office_countries() -> dict[str, str]:
    """titles.toml office_countries, read once (a person with a role and no country asks for it)."""
    return dict(read_toml("titles.toml")["office_countries"])


def _office_country(role: str) -> str | None:
    """The one country an office belongs to (titles.toml office_countries), for the role or the role after a time
    word ('then Pope')."""
    offices = _office_countries()
    return offices.get(role) or offices.get(role.split(" ", 1)[-1])


def _given_name_of(word: str, people: list[Person]) -> str | None:
    """'President Kenyatta ... President Uhuru said': a one-word name that opens a leaders.csv name whose family name
    is already one person of the text is that person (their name is returned, so the mention merges)."""
    hits = {p.name for full in leaders_named_first(word) for p in people
            if fold_name(p.surname) == fold_name(full.split()[-1])}
    return hits.pop() if len(hits) == 1 else None


# right after a name: 'of <country>', or 'as (the) <office> of <country>' (the office in lower case or capitalised)
OFFICE_AFTER = re.compile(r"\s+(?:as\s+(?:the\s+)?(?:new\s+)?(?P<office>(?:[A-Za-z-]+\s+){0,2}?(?:[Pp]resident|[Pp]rime\s+[Mm]inister|"
                          r"[Pp]remier|[Mm]inister|[Kk]ing|[Qq]ueen|[Cc]hancellor|[Aa]mbassador|[Ee]nvoy|[Ll]eader))\s+)?"
                          r"of\s+(?:the\s+)?")


def _office_after(sentence: str, end: int, countries: list[CountryMention]) -> tuple[str | None, str | None]:
    """(country, office) named right after a person's name: 'X of the Republic of B' (B), 'X as the president of
    B' (B, 'president'); (None, None) when no country of its own (a name, not a demonym) follows."""
    m = OFFICE_AFTER.match(sentence, end)
    if m is None:
        return None, None
    c = next((c for c in countries if c.kind in ("name", "historic") and m.end() <= c.start <= m.end() + 12
              and REPUBLIC_OF.fullmatch(sentence, m.end(), c.start)), None)
    return (c.iso3, m.group("office")) if c else (None, None)


REPUBLIC_OF = re.compile(r"(?:(?:the\s+)?(?:[A-Z][a-z]+\s+)?Republic\s+of\s+(?:the\s+)?)?")


def find_people(sentence: str, index: int, countries: list[CountryMention], people: list[Person],
                last_person: Person | None) -> list[tuple[Person, Mention]]:
    """People named in one sentence, merged into the document's list `people`; returns this sentence's mentions."""
    if not _may_name_people(sentence, people):
        return []
    toks = tokenize(sentence, countries)
    aliases = alias_spans(sentence)
    founds = _titled(sentence, toks, countries, people)
    counterparts(sentence, toks, countries, founds)
    _lexicon_names(sentence, toks, founds, people)
    _regnal_names(toks, founds)
    entity_names(sentence, toks, founds)
    _later_mentions(toks, founds, people, aliases)
    counterpart_named_first(founds)
    _same_office_partners(toks, founds)
    # 'a call on X at the Prince Alfred Room': a title before a run does not make it a person when a place's head
    # noun closes it (titles.toml thing_heads); the untitled readers test this themselves (people33)
    founds = [f for f in founds if not names_a_thing(toks, f.start_tok, f.end_tok, titled=True)]
    out: list[tuple[Person, Mention]] = []
    shared: dict[int, list[Person]] = {}
    recorded: dict[int, Person] = {}
    for f in sorted(founds, key=lambda f: f.start_tok):
        if not inside(toks[f.start_tok].start, aliases):
            _record(sentence, index, toks, f, countries, people, out, last_person)
            recorded[id(f)] = out[-1][0]
            if f.shared_title is not None:
                shared.setdefault(f.shared_title, []).append(out[-1][0])
    note_aliases(sentence, out)
    spouses(sentence, out)  # 'Jon Roe and his wife, Ana Roe': Ana Roe shares his country
    for pair in shared.values():
        if len(pair) == 2 and pair[0] is not pair[1]:
            pair[0].title_partner, pair[1].title_partner = pair[1], pair[0]
    for f in founds:
        named = recorded.get(id(f))
        nxt = recorded.get(id(f.counterpart_next)) if f.counterpart_next is not None else None
        if named is not None and nxt is not None and named is not nxt:
            named.counterpart_of = nxt
    return out


def _same_office_partners(toks: list[Tok], founds: list[Found]) -> None:
    """'President Ana Lima and President of Peru Jon Roe': one office a country has one holder of, twice in a
    sentence, once with its country: the two serve two countries (split_title_partners decides once every sentence
    is read). Only two holders, one with a country the sentence gives and one with none."""
    offices = _titles_set("one_holder_offices")
    by_role: dict[str, list[Found]] = {}
    for f in founds:
        if f.role in offices and f.shared_title is None:
            by_role.setdefault(f.role, []).append(f)
    for role, two in by_role.items():
        known = [f for f in two if f.country is not None]
        if len(two) == 2 and len(known) == 1 and known[0].cue == "explicit":
            two[0].shared_title = two[1].shared_title = -1 - two[0].start_tok  # a key of its own, not a token
