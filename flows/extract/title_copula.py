"""Offices told around a copula or a listed 'as': 'Ruritania's ambassador to Elbonia since 2019 is Mr Jon Roe',
'In Oslo, the Ruritanian Honorary Consul is Madam Ana Lima', 'Mr Jon Roe as the newly named Honorary Consul in X,
and Mr Tom Poe as Trade Representative in Y' (an embassy page's list of its representatives)."""
from __future__ import annotations

import re

from flows.common.dates import NUMBER_WORDS
from flows.common.dates.words import ORDINALS
from flows.extract.names import (POSSESSIVE, Tok, _index_of, match_seq, read_name, skip_courtesy, title_lexicon,
                                 token_texts)
from flows.extract.title_as import office_as
from flows.extract.list_offices import office_lists
from flows.extract.title_brackets import bracket_lists
from flows.extract.title_complements import read_complement
from flows.extract.titles import Found, singular, taken_tokens
from flows.lexicon import read_toml

COPULA = frozenset({"is", "was"})


def _ordinal() -> re.Pattern[str]:
    """An ordinal between 'the' and an office ('the first', 'the 12th', 'the twenty-fifth'): which holder, not whose
    office. The words are the lexicon's (dates.toml [ordinals], anniversaries.toml [ordinal_words], a ten of
    dates.toml [numbers] before a unit); lower case only ('the First Secretary' is an office)."""
    words = sorted({w for w in ORDINALS if w.isalpha()} | set(read_toml("anniversaries.toml")["ordinal_words"]),
                   key=len, reverse=True)
    tens = [word for word, value in NUMBER_WORDS.items() if value in range(20, 100, 10)]
    return re.compile(r"\d+(?:st|nd|rd|th)|(?:(?:" + "|".join(tens) + r")-)?(?:" + "|".join(words) + ")")


ORDINAL = _ordinal()
SINCE_WORDS = 6  # 'since January 2011', 'since 12 March 2019': a short time phrase between the office and the copula
# lower-case words between 'the' and an office that tell how new it is ('the recently appointed Honorary Consul', 'the
# new Peruvian Ambassador'; titles.toml newly_words)
NEWLY = frozenset(read_toml("titles.toml")["newly_words"])


def _head_at(toks: list[Tok], h: int, lex: dict) -> int:
    return match_seq(toks, h, lex["heads"]) or match_seq(toks, h, lex["lower_heads"], lower=True)


def _owner_start(toks: list[Tok], h: int, lex: dict) -> tuple[int, str | None]:
    """Back from a head over its modifiers ('Honorary', 'current') to its owner: ('Ruritania's', 'the Ruritanian',
    'the Ruritania') -> (first token of the role, the owner's country)."""
    start = h
    while start > 0 and h - start < 3 and (toks[start - 1].text in lex["lower_modifiers"]
                                           or toks[start - 1].text.lower() in NEWLY
                                           or (toks[start - 1].text[:1].isupper() and toks[start - 1].country is None
                                               and toks[start - 1].text not in ("The", "In", "A", "An"))):
        start -= 1
    k = start
    if k >= 2 and toks[k - 1].text in POSSESSIVE and toks[k - 2].country is not None:
        return start, toks[k - 2].country.iso3
    if k >= 1 and toks[k - 1].country is not None and toks[k - 1].country.kind in ("name", "demonym"):
        return start, toks[k - 1].country.iso3
    return start, None


PLACE_WORDS = frozenset({"to", "of", "in", "the", "’s", "'s", "and"})


def _past_place(toks: list[Tok], k: int) -> int:
    """Past a place the complement reader left ('to the People's Republic of X'): lower-case links and capitals, up
    to eight tokens, when a copula or 'since' follows; k itself otherwise."""
    j = k
    while j < len(toks) and j - k < 8 and (toks[j].text in PLACE_WORDS or toks[j].text[:1].isupper()):
        j += 1
    return j if j > k and j < len(toks) and toks[j].text in COPULA | {"since"} else k


def copula_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'X's current Ambassador to Y since 2011 is His Excellency Mr Jon Roe': the office, its time, 'is', the name."""
    if COPULA.isdisjoint(token_texts(toks)):  # the same test as any(...) over the tokens, in C (speed)
        return []
    lex = title_lexicon()
    found: list[Found] = []
    # _head_at finds a head only at a token that opens one as written, or lower-cased a lower-case one: the other
    # tokens are passed by two set tests, not two match_seq calls each (speed)
    firsts, lower_firsts = _index_of(lex["heads"]), _index_of(lex["lower_heads"])
    for h in range(len(toks)):
        if h in taken or (toks[h].text not in firsts and toks[h].text.lower() not in lower_firsts):
            continue
        n = _head_at(toks, h, lex)
        if not n:
            continue
        end, complement, of_country, _ = read_complement(toks, h + n + match_seq(toks, h + n, lex["post_head"]))
        k = _past_place(toks, end)
        if k < len(toks) and toks[k].text == "since":
            k = next((x for x in range(k + 1, min(len(toks), k + SINCE_WORDS)) if toks[x].text in COPULA), k)
        if k >= len(toks) or toks[k].text not in COPULA:
            continue
        first = skip_courtesy(toks, k + 1)
        e = read_name(toks, first)
        if e - first < 2 or any(x in taken for x in range(k + 1, e)):
            continue
        start, owner = _owner_start(toks, h, lex)
        role = " ".join([t.text for t in toks[start:h + n] if t.text.lower() not in NEWLY] + complement)
        country = owner or of_country
        found.append(Found(k + 1, e, singular(role), country, "explicit" if country else "none"))
    return found


def name_then_office(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Jon Roe was the chancellor of Ruritania then', 'Ana Lima is the Ruritanian envoy': a name, a copula, 'the'
    and an office whose country the words give (the reverse of copula_titles; an office of no country is left)."""
    if COPULA.isdisjoint(token_texts(toks)):
        return []
    lex = title_lexicon()
    found: list[Found] = []
    for k in range(2, len(toks) - 2):
        if toks[k].text not in COPULA or toks[k + 1].text != "the" or k - 1 in taken:
            continue
        first = k - 1
        particles = lex["particles"]
        while first > 0 and first - 1 not in taken and (toks[first - 1].text[:1].isupper() or (
                toks[first - 1].text in particles and first > 1 and toks[first - 2].text[:1].isupper())):
            first -= 1  # 'Jon del Mar Roe is ...': a particle inside the name (people29)
        first = skip_courtesy(toks, first)
        if read_name(toks, first) != k or k - first < 2:
            continue
        h = k + 2
        # 'X is the 12th Ruritanian Ambassador', 'X was the first Ruritanian President to ...': the ordinal says which
        # holder (or which visit), not the office, and stays out of the role (people29)
        while h < len(toks) and h - k < 5:
            if ORDINAL.fullmatch(toks[h].text) or toks[h].text in NEWLY:
                h += 1
            elif toks[h].text.isdigit() and h + 1 < len(toks) and toks[h + 1].text in ("st", "nd", "rd", "th"):
                h += 2  # '12th' is read as two tokens
            else:
                break
        owner = None
        if h < len(toks) and toks[h].country is not None and toks[h].country.kind == "demonym":
            owner, h = toks[h].country.iso3, h + 1
        n = _head_at(toks, h, lex) if h < len(toks) else 0
        if not n:
            continue
        end, complement, of_country, _ = read_complement(toks, h + n)
        country = owner or of_country
        if country:
            role = " ".join([t.text for t in toks[h:h + n]] + complement)
            found.append(Found(first, k, singular(role), country, "explicit"))
    return found


def _placed_in(toks: list[Tok], k: int) -> bool:
    """Whether 'in' comes before any country in the office read from k to the next item ('as the Honorary Consul
    in the Region of X and ...')."""
    for t in toks[k:]:
        if t.text in ("and", ",", ";") or t.country is not None:
            return False
        if t.text == "in":
            return True
    return False


def listed_as_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Mr Jon Roe as the newly named Honorary Consul in X, and Mr Tom Poe as Trade Representative in Y':
    a name with a form of address, opening the sentence or after 'and' or a comma, then 'as' and an office."""
    if "as" not in token_texts(toks):  # the same test as any(...) over the tokens, in C (speed)
        return []
    found: list[Found] = []
    for i in range(len(toks)):
        if i in taken or (i > 0 and toks[i - 1].text not in ("and", ",", ";")):
            continue
        first = skip_courtesy(toks, i)
        e = read_name(toks, first)
        if first == i or e - first < 2 or e >= len(toks) or toks[e].text != "as" or any(x in taken for x in range(i, e)):
            continue
        k = e + 1
        while k < len(toks) and toks[k].text.lower() in ("the", "a", "an"):
            k += 1
        newly = k
        while newly < len(toks) and toks[newly].text.lower() in NEWLY:
            newly += 1
        # office_as reads 'as the Honorary Consul in ...'; the words of how new it is are left out of the office
        shifted = toks[:e + 1] + toks[newly:] if newly > k else toks
        office = office_as(shifted, e)
        if office is not None:
            # 'as the Honorary Consul in the Region of X': where the office sits is not whose it is
            country = None if _placed_in(toks, e + 1) else office[1]
            found.append(Found(i, e, office[0], country, "explicit" if country else "none"))
    return found


def told_titles(sentence: str, toks: list[Tok], founds: list[Found]) -> list[Found]:
    """The offices told around a copula, with a listed 'as', or before a bracketed list, for names not yet found."""
    out = copula_titles(toks, taken_tokens(founds))
    out += listed_as_titles(toks, taken_tokens(founds + out))
    out += name_then_office(toks, taken_tokens(founds + out))
    if "[" in sentence or "(" in sentence:
        out += bracket_lists(toks, taken_tokens(founds + out))
    out += office_lists(toks, taken_tokens(founds + out))  # 'Ambassadors of A to B: X (1990-1994), Y (1994-1998)'
    return out
