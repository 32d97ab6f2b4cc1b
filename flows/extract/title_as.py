"""Offices told with 'as': 'X made his first trip as prime minister', 'received X as Peruvian Minister to Chile',
'X presented his credentials as Envoy' (split from titles.py, which reads titles before names)."""
from __future__ import annotations

from flows.extract.names import POSSESSIVE, Tok, match_seq, read_name, title_lexicon
from flows.extract.title_complements import read_complement
from flows.extract.titles import Found, singular
from flows.lexicon import read_toml


def as_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Donald Tusk, who returned as prime minister in December, ...', 'Anwar Ibrahim made his first trip as prime
    minister': a sentence-opening name and the office it holds 'as' within its clause."""
    lex = title_lexicon()
    e = read_name(toks, 0)
    if e < 2 or any(x in taken for x in range(e)):
        return []
    for a in range(e, min(len(toks), e + 12)):
        t = toks[a]
        if t.text in (".", ";", ":") or (t.text[:1].isupper() and t.country is None and a > e + 1 and t.text != "I"):
            return []  # another name or the clause's end before any 'as'
        if t.text != "as":
            continue
        j = a + 1
        country = None
        if j + 1 < len(toks) and toks[j].country is not None and toks[j + 1].text in POSSESSIVE:
            country, j = toks[j].country.iso3, j + 2
        elif j < len(toks) and toks[j].text in ("the", "a"):
            j += 1
        h = j
        while h < len(toks) and toks[h].text in lex["lower_modifiers"] and h - j < 3:
            h += 1
        n = match_seq(toks, h, lex["lower_heads"], lower=True) or match_seq(toks, h, lex["heads"])
        if n and not read_name(toks, h + n) > h + n:
            return [Found(0, e, singular(" ".join(t.text for t in toks[j:h + n])), country,
                          "explicit" if country else "none")]
        return []
    return []



# 'X, who ...', 'X and Y', 'X said that ...': a word that opens another clause ends the verb phrase before 'as'
CLAUSE_WORDS = frozenset(read_toml("titles.toml")["as_clause_words"])
AS_VERB_WORDS = 4  # lower-case words between a name and 'as' ('presented his credentials as'): its own clause


def _past_verb_phrase(toks: list[Tok], end: int) -> int:
    """The index of an 'as' that follows the name after a short verb phrase in lower case ('was sworn in as',
    'presented his credentials as'); end itself when none (a comma, a capital or a clause word comes first)."""
    k = end
    while k < len(toks) and k - end < AS_VERB_WORDS and toks[k].text.isalpha() and toks[k].text.islower() \
            and toks[k].text not in CLAUSE_WORDS:
        k += 1
    return k if k > end and k < len(toks) and toks[k].text == "as" else end


BECAME = (("became",), ("becomes",), ("was", "elected"), ("was", "appointed"), ("was", "named"), ("was", "made"))


def _became(toks: list[Tok], end: int) -> int | None:
    """The index before the office a 'became' verb names right after the name ('X became President of Peru',
    'X was elected president'), as if it were 'as': the 'as' itself, or the verb's last word; None when no such verb."""
    for verb in BECAME:
        if tuple(t.text for t in toks[end:end + len(verb)]) == verb:
            k = end + len(verb)
            return k if k < len(toks) and toks[k].text == "as" else k - 1
    return None


AS_ARTICLES = frozenset({"the", "a", "an", "its", "his", "her", "their", "new"})


def office_as(toks: list[Tok], end: int) -> tuple[str, str | None] | None:
    """(office, country) named right after a name with 'as': 'received Jon Roe as Peruvian Minister to Chile' ->
    ('Peruvian Minister to Chile', 'PER'); 'named Ana Lima as its new ambassador' -> ('ambassador', None). The
    demonym stays in the office, as the sentence says it; None when no title head follows 'as'."""
    if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].text == "who":
        end += 2  # 'X, who served as prime minister, ...': the relative clause tells the name's office
    elif end < len(toks) and toks[end].text == "who":
        end += 1
    became = _became(toks, end)  # 'X became President of Peru in 1829': the office the name took
    end = became if became is not None else _past_verb_phrase(toks, end)  # 'X presented his credentials as ...'
    if end + 1 >= len(toks) or (toks[end].text != "as" and became is None):
        return None
    lex = title_lexicon()
    j = end + 1
    while j < len(toks) and toks[j].text.lower() in AS_ARTICLES:
        j += 1
    first, country = j, None
    if j < len(toks) and toks[j].country is not None and toks[j].country.kind == "demonym":
        country, j = toks[j].country.iso3, j + 1
    elif j + 1 < len(toks) and toks[j].country is not None and toks[j + 1].text in POSSESSIVE:
        country, j = toks[j].country.iso3, j + 2  # 'named X as Ruritania's envoy in Y': the owner, no part of the office
        first = j
    h = j
    while h < len(toks) and h - j < 3 and (toks[h].text in lex["lower_modifiers"] or (
            toks[h].text[:1].isupper() and toks[h].country is None and not match_seq(toks, h, lex["heads"]))):
        h += 1
    n = match_seq(toks, h, lex["heads"]) or match_seq(toks, h, lex["lower_heads"], lower=True)
    if not n:
        return None
    post = match_seq(toks, h + n, lex["post_head"])
    comp_end, complement, of_country, _ = read_complement(toks, h + n + post)
    if read_name(toks, comp_end) > comp_end:
        return None  # 'as President Jon Roe said': a title of the next name
    words = [lex["abbreviations"].get(t.text, t.text) for t in toks[first:h + n + post]] + complement
    return singular(" ".join(words)), country or of_country
