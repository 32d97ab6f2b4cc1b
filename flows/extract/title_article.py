"""An office told with an article and a long complement, then a comma and its holder: 'the president of Ruritania,
Jon Roe, signed', 'the chairman of the Ruritania-Africa friendship league, Ana Lima, and ...', 'a deputy of the lower
chamber of Ruritania's parliament, Jon Roe.', 'the Special Adviser to the President for Youth, Ana Lima said'. The
complement runs past what titles.py (capitalised bodies) and appositions.py (the office after the name) read: lower-case
words, a country, a body, up to the comma; the holder's name must close right after (a comma, 'and', the full stop or a
lower-case word)."""
from __future__ import annotations

from functools import lru_cache

from flows.extract.names import FUNCTION_CAPS, NAME_HONORIFICS, Tok, match_seq, read_name, skip_courtesy, title_lexicon, \
    token_lowers
from flows.extract.persons import Person
from flows.extract.titles import Found, singular
from flows.lexicon import read_toml

_LEX = read_toml("titles.toml")["article_office"]
ARTICLES = frozenset(_LEX["articles"])
OPENERS = frozenset(_LEX["complement_openers"])
STOPS = frozenset(_LEX["complement_stops"])
REACH = int(_LEX["complement_words"])
CLAUSE_OPENERS = frozenset(_LEX["clause_openers"])
ENDS = frozenset({",", ";", ".", "(", ")", ":", "“", "”", '"'})
CLOSERS = frozenset({",", ".", ";", "and", ")"})
MODIFIER_REACH = 4  # words at most between the article and the head ('the South African deputy trade minister')


def article_offices(toks: list[Tok], taken: set[int], people: list[Person]) -> list[Found]:
    """Each holder named after 'the/a <office> <complement>,' (see the module's doc)."""
    lex = title_lexicon()
    out: list[Found] = []
    if _head_words().isdisjoint(token_lowers(toks)):
        return out  # no word of any head: no office to read (speed: most sentences with a comma hold none)
    for i, tok in enumerate(toks):
        if tok.text.lower() not in ARTICLES or i in taken:
            continue
        head = _head(toks, i + 1, lex)
        if head is None:
            continue
        h, n, owner = head
        k = h + n
        if k >= len(toks) or toks[k].text not in OPENERS:
            continue
        m = k + 1
        while m < len(toks) and m - k <= REACH and toks[m].text not in ENDS and toks[m].text.lower() not in STOPS:
            m += 1
        role_end = m
        if m < len(toks) and toks[m].text == "(" and (close := next(
                (x for x in range(m + 1, min(m + 4, len(toks))) if toks[x].text == ")"), None)) is not None:
            m = close + 1  # 'the head of the Traders' Guild (TG), Jon Roe': the body's acronym, then the holder
        if m + 1 >= len(toks) or toks[m].text != "," or role_end == k + 1:
            continue
        start = skip_courtesy(toks, m + 1)
        start += toks[start].text in NAME_HONORIFICS if start < len(toks) else 0
        end = read_name(toks, start)
        if end - start < 2 or taken & set(range(i, end)) or any(toks[x].country for x in range(start, end)):
            continue
        if i > 0 and toks[i - 1].text == "of":
            continue  # 'at the request of the premier of B, Jon Roe came': the office is another's
        if end < len(toks) and toks[end].text[:1].isupper():
            continue  # 'the head of the talks, Jon Roe Street ...': the name runs on, so no holder closes here
        if end < len(toks) and toks[end].text not in CLOSERS and _in_opening_phrase(toks, i):
            continue  # 'After meeting the president of B, Jon Roe said': Jon Roe is the subject, not the president
        country = owner or _complement_country(toks, k + 1, role_end) or _aide_country(toks, k + 1, role_end, people)
        role = singular(" ".join(t.text for t in toks[i + 1:role_end]))
        out.append(Found(start if toks[start - 1].text not in NAME_HONORIFICS else start - 1, end, role, country,
                         "explicit" if country else "none"))
        taken = taken | set(range(i, end))
    return out


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    """The first word of every head, in lower case (a cheap gate before the token scan)."""
    lex = title_lexicon()
    return frozenset(h[0].lower() for h in lex["heads"] + lex["lower_heads"])


def _head(toks: list[Tok], j: int, lex: dict) -> tuple[int, int, str | None] | None:
    """(where the head starts, its width, the owner a demonym gives) after the article, over up to MODIFIER_REACH
    modifiers ('the South African deputy minister'); None when no head follows."""
    owner = None
    for h in range(j, min(len(toks), j + MODIFIER_REACH + 1)):
        t = toks[h]
        n = _head_width(toks, h, lex)
        if n and not _head_width(toks, h + n, lex):
            return h, n, owner
        if n:
            continue  # 'the deputy minister of trade': 'deputy' is a head of its own, here the next head's modifier
        if t.country is not None and t.country.kind in ("demonym", "name"):
            owner = owner or t.country.iso3  # 'the Ruritanian trade minister', 'the ROC Commercial Attaché'
        elif not (t.text.lower() in lex["lower_modifiers"] or (t.country is not None and t.country is toks[h - 1].country)
                  or (t.text[:1].isupper() and t.text not in FUNCTION_CAPS and h > j and toks[h - 1].text[:1].isupper())):
            return None  # a capitalised modifier only after another capital word ('the ROC Commercial Attaché')
    return None


def _head_width(toks: list[Tok], h: int, lex: dict) -> int:
    """Width of the title head at token h, as written ('Special Assistant') or in lower case ('minister'); 0 if none."""
    if h >= len(toks):
        return 0
    return match_seq(toks, h, lex["heads"]) or (toks[h].text.islower() and match_seq(toks, h, lex["lower_heads"], lower=True))


def _complement_country(toks: list[Tok], a: int, b: int) -> str | None:
    """The one country the complement names ('of Ruritania', 'in Ruritania'); None for none or two."""
    found = {t.country.iso3 for t in toks[a:b] if t.country is not None and t.country.kind in ("name", "historic", "demonym")
             and "-" not in t.text}
    return found.pop() if len(found) == 1 else None


def _aide_country(toks: list[Tok], a: int, b: int, people: list[Person]) -> str | None:
    """'the Special Adviser to the President for Youth, X': an aide of an office the text has given one country's
    holder ('President Jon Roe of Ruritania') serves that country."""
    offices = title_lexicon()["one_holder_offices"]
    for k in range(a, b - 1):
        if toks[k].text.lower() == "the" and toks[k + 1].text in offices:
            countries = {p.country for p in people if p.country and p.role and p.role.split()[-1].lower() == toks[k + 1].text.lower()}
            return countries.pop() if len(countries) == 1 else None
    return None


def _in_opening_phrase(toks: list[Tok], i: int) -> bool:
    """Whether token i stands in a phrase that opens its clause with a preposition or a participle ('After meeting
    the ...', 'During talks with the ...'): the first word after the last comma or the sentence's start."""
    k = i
    while k > 0 and toks[k - 1].text not in (",", ";", ":"):
        k -= 1
    return k < i and toks[k].text.lower() in CLAUSE_OPENERS
