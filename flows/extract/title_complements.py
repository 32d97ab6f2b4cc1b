"""The complement that follows an office word: 'Minister of Energy of the Republic of X', 'President of
the X Chamber of Commerce', 'Minister of Agriculture, Livestock and Fisheries' (split from titles.py, which reads
where a title starts and whose name follows it)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.names import BODIES, Tok, is_name_token, match_seq, read_name, title_lexicon
from flows.lexicon import read_toml

ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z&]{1,9}")


BODY_REACH = 5  # capitalised words at most between a country's name and the noun closing its body's name


def _country_body_end(toks: list[Tok], index: int) -> int:
    """Past the capitalised words from `index` that close with a body noun ('Tea Growers Association' after a
    country's name), or 0 when they do not: 'of Ruritania Jon Roe' is a country, then a name."""
    for k in range(index, min(index + BODY_REACH, len(toks))):
        if not toks[k].text[:1].isupper() or toks[k].country is not None:
            return 0
        if toks[k].text in BODIES:
            return k + 1
    return 0


def _titled_holder(toks: list[Tok], index: int) -> bool:
    """A title head and the name of its holder from `index`: 'President Jon Roe' after 'Envoy of'."""
    width = match_seq(toks, index, title_lexicon()["heads"])
    return bool(width) and index + width < len(toks) and is_name_token(toks[index + width])


def _past_mention(toks: list[Tok], index: int) -> int:
    """The index just past the country mention at index: 'the Republic of Kazakhstan' is one mention, many tokens."""
    country = toks[index].country
    while index < len(toks) and toks[index].country is country:
        index += 1
    return index


def _of_the_country(toks: list[Tok], index: int) -> tuple[int, str] | None:
    """'of the Republic of Kazakhstan' -> (past it, iso3); None for a demonym, which ends the complement."""
    country = toks[index + 2].country  # 'Minister of Energy of the Republic of Ruritania'
    if country.kind not in ("name", "historic"):
        return None
    return _past_mention(toks, index + 2), country.iso3


def _of_the_institution(toks: list[Tok], index: int) -> tuple[int, list[str], str] | None:
    """'of the Knesset', 'of the German Bundestag' -> (past it, its words, iso3): a body only one country has
    (institutions.csv), after its demonym maybe; None otherwise."""
    k = index + 2
    if toks[k].country.kind == "demonym" and k + 1 < len(toks) and toks[k + 1].country is not None:
        k = _past_mention(toks, k)
    if k >= len(toks) or toks[k].country is None or toks[k].country.kind != "institution":
        return None
    end = _past_mention(toks, k)
    return end, [t.text for t in toks[index:end]], toks[k].country.iso3


def of_the_body(toks: list[Tok], index: int) -> tuple[int, list[str]] | None:
    """'of the Sovereignty Council' -> (past it, its words); None when no body noun closes the capitalised words."""
    end = index + 2
    while end < len(toks) and end - index < 8 and (toks[end].text[:1].isupper() or (
            toks[end].text in ("’s", "'s") and end > index + 2)) and toks[end].text not in BODIES:
        end += 1  # 'of the Prime Minister's Office': a possessive inside the body's name
    # a country's name is no body ('of the Russian Federation'); a demonym may be one ('of the Supreme Soviet')
    if end < len(toks) and toks[end].text in BODIES and end > index + 2 - 1 and (
            toks[end].country is None or toks[end].country.kind == "demonym"):
        return end + 1, [t.text for t in toks[index:end + 1]]  # 'Chairman of the Sovereignty Council'
    return None


LOWER_BODY_WORDS = 4  # lower-case words at most between 'of the' and the body noun ('of the trade office')


def _of_the_lower_body(toks: list[Tok], index: int) -> tuple[int, list[str]] | None:
    """'of the trade office' -> (past it, its words): lower-case words closed by a body noun ('office', 'ministry');
    None when no body noun closes them within LOWER_BODY_WORDS ('of the talks')."""
    bodies = {b.lower() for b in BODIES}
    end = index + 2
    while end < len(toks) and end - index - 2 < LOWER_BODY_WORDS and toks[end].text.isalpha() and toks[end].text.islower():
        if toks[end].text in bodies:
            return end + 1, [t.text for t in toks[index:end + 1]]
        end += 1
    return None


NAMED_WORDS = 5  # capitalised words at most of a thing an office is of ('of the Islamic Revolution')


def _of_the_named(toks: list[Tok], index: int) -> tuple[int, list[str]] | None:
    """'Supreme Leader of the Islamic Revolution, Jon Roe': capitalised words that no body noun closes are still the
    office's when a comma closes them right before the name; None otherwise."""
    end = index + 2
    while end < len(toks) and end - index - 2 < NAMED_WORDS and toks[end].text[:1].isupper() and toks[end].country is None:
        end += 1
    if end > index + 2 and end + 1 < len(toks) and toks[end].text == "," and read_name(toks, end + 1) > end + 1:
        return end, [t.text for t in toks[index:end]]
    return None


def _lower_portfolio(toks: list[Tok], k: int) -> int:
    """The end of portfolio words in lower case from token k ('foreign trade and tourism'); k when none. 'and'
    only between two of them."""
    portfolio = title_lexicon()["lower_portfolio"]
    end = k
    while end < len(toks) and (toks[end].text in portfolio or (
            toks[end].text == "and" and end > k and end + 1 < len(toks) and toks[end + 1].text in portfolio)):
        end += 1
    return end


def _demonym_body(toks: list[Tok], index: int) -> tuple[int, list[str], str] | None:
    """'at the Peruvian foreign ministry' -> (past it, its words, 'PER'): a demonym, then lower-case words closed by
    a body noun ('embassy', 'ministry'); or a mission written capitalised ('at the Peruvian Embassy'); None
    otherwise."""
    if index + 3 >= len(toks) or toks[index + 2].country is None or toks[index + 2].country.kind != "demonym":
        return None
    bodies = {b.lower() for b in BODIES} | {"embassy", "consulate", "delegation", "mission", "team", "side"}
    if toks[index].text == "at" and toks[index + 3].text in MISSIONS:
        # people29: 'Counsellor at the Peruvian Embassy (in Chile) Jon Roe' (where the holder works); 'counselor of
        # the Peruvian Embassy' stays as it was read before (the office alone)
        return index + 4, [t.text for t in toks[index:index + 4]], toks[index + 2].country.iso3
    end = index + 3
    while end < len(toks) and end - index - 3 < LOWER_BODY_WORDS and toks[end].text.isalpha() and toks[end].text.islower():
        if toks[end].text in bodies:
            return end + 1, [t.text for t in toks[index:end + 1]], toks[index + 2].country.iso3
        end += 1
    return None


# a country's mission abroad, capitalised right after its demonym ('the Peruvian Embassy'); lower case is read above
# (titles.toml mission_words, also posted words)
MISSIONS = frozenset(word.title() for word in read_toml("titles.toml")["mission_words"])


REGION_DESK_WORDS = 6  # words at most before the closing word of a desk's regions ('of Andean and Pacific Affairs')


def _region_desk(toks: list[Tok], k: int) -> int | None:
    """Past 'Andean and South Pacific Affairs' at k: capitalised words and demonyms joined by 'and' or commas, one
    at least a demonym, closed by a region_portfolio_ends word (the desk covers regions: no country owns it)."""
    ends = _region_portfolio_ends()
    demonym = False
    for end in range(k, min(len(toks), k + REGION_DESK_WORDS + 1)):
        tok = toks[end]
        if tok.text in ends:
            return end + 1 if demonym and end > k else None
        if tok.text not in ("and", ",") and not tok.text[:1].isupper():
            return None
        demonym = demonym or (tok.country is not None and tok.country.kind == "demonym")
    return None


@lru_cache(maxsize=1)
def _region_portfolio_ends() -> frozenset[str]:
    return frozenset(read_toml("titles.toml")["region_portfolio_ends"])


def _portfolio(toks: list[Tok], index: int) -> tuple[int, list[str]] | None:
    """'of Trade and Integration', 'for Energy, Business and Industry' -> (past it, words); None if no portfolio."""
    word, nxt = toks[index].text, toks[index + 1]
    if (desk := _region_desk(toks, index + 1)) is not None:
        return desk, [t.text for t in toks[index:desk]]
    end = index + 1
    part = [word]
    portfolio = title_lexicon()["portfolio"]
    while end < len(toks) and (
        (toks[end].text in portfolio and not toks[end].country)
        or (end == index + 1 and _place_before_body(toks, end, portfolio))  # 'of Tatarstan State Council'
        or (toks[end].text in ("and", "the", "for") and end + 1 < len(toks) and toks[end + 1].text in portfolio)
        or (toks[end].text == "," and len(part) > 1 and end + 1 < len(toks) and toks[end + 1].text in portfolio)
    ):
        if toks[end].text == ",":  # 'Minister for Energy, Business and Industry'
            part[-1] += ","
        else:
            part.append(toks[end].text)
        end += 1
    if len(part) == 1 and nxt.text[:1].isupper() and not nxt.country and read_name(toks, index + 2) - (index + 2) >= 2:
        part.append(nxt.text)  # 'Minister of Electricity Mohamed Shaker': one unknown portfolio word
        end = index + 2
    elif (len(part) == 1 and index + 3 < len(toks) and nxt.text[:1].isupper() and not nxt.country
          and toks[index + 2].text == "and" and toks[index + 3].text[:1].isupper() and not toks[index + 3].country
          and (toks[index + 3].text in portfolio or toks[index + 4:index + 5] and toks[index + 4].text in ("at", "of", ","))):
        part += [nxt.text, "and", toks[index + 3].text]  # 'for Europe and Africa at the Ministry', 'of ICT and
        # Innovation': a name has no 'and' inside
        end = index + 4
    if (len(part) > 1 and end < len(toks) and toks[end].country is not None and toks[end].country.kind == "name"
            and _past_mention(toks, end) < len(toks) and read_name(toks, _past_mention(toks, end)) - _past_mention(toks, end) >= 2):
        # 'Chief Executive of Education Ruritania Jon Roe': a body named with its country ('Education Ruritania')
        stop = _past_mention(toks, end)
        part += [t.text for t in toks[end:stop]]
        end = stop
    if len(part) == 1:
        return None
    return end, part


def _the_portfolio(toks: list[Tok], index: int) -> tuple[int, list[str]] | None:
    """'of the Interior', 'for the Interior and Justice' at index ('of'/'for', then 'the') -> (past it, its words): a
    field after 'the' that is a portfolio word of the lexicon (titles.toml portfolio), with no comma before the name
    (people29; with a comma, _of_the_named reads it). None when the word after 'the' is no portfolio word."""
    if index + 2 >= len(toks) or toks[index + 2].text not in title_lexicon()["portfolio"] or toks[index + 2].country:
        return None
    step = _portfolio(toks, index + 1)  # from 'the': its part opens with 'the'
    if step is None or step[0] <= index + 2:
        return None
    return step[0], [toks[index].text] + step[1]


def _place_before_body(toks: list[Tok], k: int, portfolio: set[str]) -> bool:
    """'Chairman of Tatarstan State Council X': a capitalised place word, no country, right before the portfolio
    words of a body (the body is a region's: its name is part of the office)."""
    return (toks[k].text[:1].isupper() and toks[k].country is None and toks[k].text not in portfolio
            and k + 2 < len(toks) and toks[k + 1].text in portfolio and toks[k + 2].text in portfolio)


def _to_country(toks: list[Tok], first: int, lead: list[str]) -> tuple[int, list[str], str]:
    """'to Azerbaijan', 'to the Netherlands' -> (past it, words, iso3): the country an envoy is sent to."""
    end = _past_mention(toks, first)
    return end, lead + [" ".join(t.text for t in toks[first:end])], toks[first].country.iso3


POSTED_REACH = 3  # title words before the complement: 'Ambassador Extraordinary and Plenipotentiary', 'Consul General'


@lru_cache(maxsize=1)
def _posted_words() -> frozenset[str]:
    data = read_toml("titles.toml")
    return frozenset(data["posted_words"] + data["mission_words"])


def _posted(toks: list[Tok], j: int, words: list[str]) -> bool:
    """Whether the office the complement at j follows is one posted abroad or serves in a mission (titles.toml
    posted_words): its last title words, or a word of the complement read so far ('at the Peruvian Embassy')."""
    posted = _posted_words()
    return any(t.text.lower() in posted for t in toks[max(0, j - POSTED_REACH):j]) or any(
        w.lower() in posted for part in words for w in part.split())


def _office_served(toks: list[Tok], k: int) -> int:
    """Past 'President', 'Acting President', 'Prime Minister' at k (an office someone is an aide to); k when none."""
    heads = title_lexicon()["heads"]
    width = match_seq(toks, k, heads)
    if not width and k + 1 < len(toks) and toks[k].text.lower() in title_lexicon()["lower_modifiers"]:
        width = match_seq(toks, k + 1, heads) and 1 + match_seq(toks, k + 1, heads)
    return k + width


def read_complement(toks: list[Tok], j: int) -> tuple[int, list[str], str | None, str | None]:
    """After a title head: 'of Trade and Integration', 'of Kazakhstan', 'to Azerbaijan'. -> (end, words, of_country, to_country)."""
    index = j
    words: list[str] = []
    of_country = to_country = None
    while index + 1 < len(toks):
        word, nxt = toks[index].text, toks[index + 1]
        if word == "of" and nxt.text == "the" and index + 2 < len(toks) and toks[index + 2].country is not None:
            body_step = of_the_body(toks, index)
            if body_step is not None and body_step[0] <= _past_mention(toks, index + 2) + 2:
                # 'president of the Chile Chamber of Industries': a country's body, whose country is the office's
                if toks[index + 2].country.kind in ("name", "demonym"):
                    of_country = toks[index + 2].country.iso3
                index, part = body_step
                words += part
                continue
            if (house := _of_the_institution(toks, index)) is not None:
                index, part, of_country = house  # 'President of the (Ruritanian) Bundestag': a country's own body
                words += part
                continue
            country_step = _of_the_country(toks, index)
            if country_step is None and (owned := _demonym_body(toks, index)):
                index, part, of_country = owned  # 'head of the Chilean delegation'
                words += part
                continue
            if country_step is None:
                break
            index, of_country = country_step
        elif word in ("at", "of", "in", "for") and nxt.text == "the" and (owned := _demonym_body(toks, index)):
            # 'a senior official at the Peruvian foreign ministry': the demonym owns the body and the office
            index, part, of_country = owned
            words += part
        elif word in ("of", "for") and nxt.text.islower() and (lower := _lower_portfolio(toks, index + 1)) > index + 1:
            # 'X, minister for foreign affairs of Peru': a portfolio in lower case
            words += [t.text for t in toks[index:lower]]
            index = lower
        elif word == "at" and words and nxt.text == "the" and of_the_body(toks, index) is not None:
            # 'Deputy Secretary for Africa at the Ministry of Trade X': the body the office sits in
            index, part = of_the_body(toks, index)
            words += part
        elif word in ("of", "for") and nxt.text == "the":
            # 'Spokesman for the Egyptian Presidency X', 'Head of the trade office X' (a body in lower case)
            body_step = of_the_body(toks, index) or _of_the_lower_body(toks, index) or _of_the_named(toks, index)
            if body_step is None and (field := _the_portfolio(toks, index)) is not None:
                body_step = field  # 'Minister of the Interior and Justice X'
            if body_step is None:
                break
            index, part = body_step
            words += part
        elif word == "of" and _titled_holder(toks, index + 1):
            break  # 'Special Envoy of President Jon Roe': the name after belongs to the inner title, not this office
        elif (word in ("of", "for") or (word == "on" and words and words[-1] in BODIES)) and (
                nxt.country or nxt.text[:1].isupper()):  # 'Chairperson of the Committee on Finance'
            if word == "of" and nxt.country and nxt.country.kind in ("name", "historic"):
                past = _past_mention(toks, index + 1)
                body = _country_body_end(toks, past)
                if body:  # 'chairman of Ruritania Tea Growers Association': the country's body, not a country
                    words += [t.text for t in toks[index:body]]
                    index, of_country = body, nxt.country.iso3
                    continue
                index, of_country = past, nxt.country.iso3
                continue
            portfolio_step = _portfolio(toks, index)
            if portfolio_step is None:
                break
            index, part = portfolio_step
            words += part
        elif word == "in" and nxt.country and nxt.country.kind in ("name", "capital") and _posted(toks, j, words):
            # 'the Peruvian Ambassador in Chile X', 'Consul at the Peruvian Embassy in Chile X': where the holder is
            # posted, as 'to Chile' is; a mission's place is no country of its own (the branch below would say so)
            index, part, to_country = _to_country(toks, index + 1, ["in"])
            words += part
        elif word == "in" and nxt.country and nxt.country.kind == "name" and any(w in BODIES for w in words):
            # 'Director of the Ministry of Mines in Peru, X': the body's country is the office's
            index, of_country = _past_mention(toks, index + 1), nxt.country.iso3
        elif word == "to" and nxt.country:
            index, part, to_country = _to_country(toks, index + 1, ["to"])
            words += part
        elif word == "to" and nxt.text == "the" and (served := _office_served(toks, index + 2)) > index + 2:
            # 'Special Adviser to the Vice President on Energy, X': the office served, and its field, are the role's
            words += [t.text for t in toks[index:served]]
            index = served
            if index + 1 < len(toks) and toks[index].text == "on" and (field := _portfolio(toks, index)) is not None:
                index, part = field
                words += part
        elif word == "to" and nxt.text == "the" and index + 2 < len(toks) and toks[index + 2].country:
            index, part, to_country = _to_country(toks, index + 2, ["to", "the"])
            words += part
        else:
            break
    if (words and index + 2 < len(toks) and toks[index].text == "(" and toks[index + 2].text == ")"
            and ACRONYM.fullmatch(toks[index + 1].text)):
        index += 3  # 'the Minister of Mines and Trade (MoMT), X': the office's short form, no part of the role
    return index, words, of_country, to_country
