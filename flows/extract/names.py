"""Name tokens: the tokenizer, the spelling test of a name, the title lexicon and the reading of a name."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from flows.extract.countries import CountryMention
from flows.common.words import alternation
from flows.lexicon import read_toml

WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*(?:[’'](?!s\b)[^\W\d_]+)*|[’']s\b|\d[\d.,]*|[^\w\s]")


class Tok(NamedTuple):
    """A word or a punctuation mark with its offsets (a tuple: a sentence makes dozens, a frozen dataclass cost 3x)."""

    start: int
    end: int
    text: str
    country: CountryMention | None = None  # set on every token inside a country mention



@lru_cache(maxsize=1)
def title_lexicon() -> dict:
    data = read_toml("titles.toml")
    heads = sorted({tuple(h.split()) for h in data["heads"]}, key=len, reverse=True)
    return {
        "heads": heads,
        "lower_heads": sorted({tuple(h.split()) for h in data["lower_heads"]}, key=len, reverse=True),
        "lower_plural": sorted({tuple((h + "s").split()) for h in data["lower_heads"]}, key=len, reverse=True),
        "lower_modifiers": set(data["lower_modifiers"]),
        "lower_openers": set(data["lower_openers"]),
        "anaphor_heads": data["anaphor_heads"],
        "not_names": set(data["not_names"]),
        "particles": set(data["name_particles"]),
        "leader_nouns": data["leader_nouns"],
        "head_words": {w for h in data["heads"] for w in h.split()} - set(data["names_inside_heads"]),
        "portfolio": set(data["portfolio_words"]),
        "lower_portfolio": frozenset(w.lower() for w in data["portfolio_words"]),
        "abbreviations": data["abbreviations"],
        "post_head": sorted({tuple(h.split()) for h in data["post_head"]}, key=len, reverse=True),
        "one_holder_offices": frozenset(data["one_holder_offices"]),
        "inner_heads": frozenset(data["inner_heads"]),
        "name_titles": sorted({tuple(h.split()) for h in data["name_titles"]}, key=len, reverse=True),
        "spouse_heads": sorted({tuple(h.split()) for h in data["spouse_heads"]}, key=len, reverse=True),
        "comma_join_articles": frozenset(data["comma_join_articles"]),
        "ranks": sorted({tuple(WORD.findall(h)) for h in data["ranks"]}, key=len, reverse=True),
        "courtesy": sorted({tuple(m.group(0) for m in WORD.finditer(h)) for h in data["courtesy"]}, key=len, reverse=True),
    }


@lru_cache(maxsize=1)
def _glued_title() -> re.Pattern[str]:
    """Where a name ends glued to the office of the next name ('Ana LimaHigh Commissioner Jon Roe', a flattened
    table's cells): a lower-case letter right before a title head that a space and a capital word follow."""
    data = read_toml("titles.toml")
    heads = [h for h in data["heads"] + data["glued_heads"] if h[:1].isupper() and len(h) > 3]
    return re.compile(r"(?<=[a-zà-ÿ])(?=" + alternation(heads) + r"\s+[A-ZÀ-Þ])")


@lru_cache(maxsize=1)
def _glued_gate() -> re.Pattern[str]:
    """What every glued-title match needs: a lower-case letter right before a head's first letter. The glued
    pattern tries its head alternation after every lower-case letter (~25 us a sentence); this pair is in 1
    sentence of ~175, so the pattern runs only there (same matches)."""
    data = read_toml("titles.toml")
    firsts = {h[0] for h in data["heads"] + data["glued_heads"] if h[:1].isupper() and len(h) > 3}
    return re.compile("[a-zà-ÿ][" + re.escape("".join(sorted(firsts))) + "]")


def _words(sentence: str) -> list[tuple[int, int, str]]:
    """The WORD matches, split where a name is glued to the next title (called only when _glued_gate() found the
    pair a glued title needs)."""
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(sentence)]
    cuts = {m.start() for m in _glued_title().finditer(sentence)}
    if not cuts:
        return words
    out = []
    for a, b, text in words:
        cut = next((c for c in cuts if a < c < b), None)
        out += [(a, cut, text[:cut - a]), (cut, b, text[cut - a:])] if cut is not None else [(a, b, text)]
    return out


def glued(left: Tok, right: Tok) -> bool:
    """Two words with no space between them: only a name and the office _words split off it ('LimaHigh')."""
    return left.end == right.start and left.text[-1:].isalpha() and right.text[:1].isalpha()


def tokenize(sentence: str, countries: list[CountryMention]) -> list[Tok]:
    """Words and punctuation with offsets; tokens inside a country mention carry it."""
    if _glued_gate().search(sentence):
        owner_at = {pos: c for c in countries for pos in range(c.start, c.end)}
        return [_new(Tok, (a, b, t, owner_at.get(a))) for a, b, t in _words(sentence)]
    # no name glued to a title (the sentences but 1 in ~175): the WORD matches as they come, with no split test,
    # no generator between them and the list, and no owner look-up when the sentence names no country (speed; the
    # same tokens)
    if not countries:
        return [_new(Tok, (m.start(), m.end(), m.group(0), None)) for m in WORD.finditer(sentence)]
    owner_at = {pos: c for c in countries for pos in range(c.start, c.end)}
    return [_new(Tok, (m.start(), m.end(), m.group(0), owner_at.get(m.start()))) for m in WORD.finditer(sentence)]


# a Tok made as its own __new__ makes it (tuple.__new__ over the four fields), without that generated Python
# function's call: a third of the cost of making a token (speed; the same tuples, of type Tok)
_new = tuple.__new__


def _per_list(cache: list, toks: list[Tok], make):
    """make(toks), kept for the last token list it was asked of and found by the list's identity (the list is held,
    so its id cannot be reused; no reader changes a token list once it is made: Tok is a tuple). The list and its
    value sit in one tuple, read once and stored once, so a reader never sees one list with another's value, as
    two separate slots could show it when threads share the cache (a Dask worker with --nthreads above 1)."""
    last = cache[0]
    if last is not None and last[0] is toks and len(last[1]) == len(toks):
        return last[1]
    value = make(toks)
    cache[0] = (toks, value)
    return value


_TEXTS: list = [None]  # (the last token list token_texts read, its texts)
_LOWERS: list = [None]  # the same for token_lowers


def token_texts(toks: list[Tok]) -> tuple[str, ...]:
    """The tokens' texts, made once a token list (the title readers' gates each built them again; kept and found by
    the list's identity, as in name_flags)."""
    return _per_list(_TEXTS, toks, _texts_of)


def _texts_of(toks: list[Tok]) -> tuple[str, ...]:
    return tuple([tok.text for tok in toks])


def token_lowers(toks: list[Tok]) -> tuple[str, ...]:
    """The tokens' texts in lower case, made once a token list (as token_texts)."""
    return _per_list(_LOWERS, toks, _lowers_of)


def _lowers_of(toks: list[Tok]) -> tuple[str, ...]:
    return tuple([tok.text.lower() for tok in toks])


@lru_cache(maxsize=65536)
def fold_name(text: str) -> str:
    """A spelling-insensitive key: 'Kocharian' and 'Kocharyan' meet, as do 'Aleksandr' and 'Alexander'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ks", "x").replace("kh", "h").replace("y", "i").replace("j", "i")
    text = re.sub(r"(ou|ov|ow|au|av)$", "ov", text)
    if len(text) <= 4:
        return text  # 'Son' and 'Xuan', 'Bui' and 'Vo': too short to fold without merging different people
    text = text[0] + re.sub(r"[aeiou]", "", text[1:])
    return re.sub(r"(.)\1+", r"\1", text)


POSSESSIVE = frozenset({"’s", "'s"})  # the possessive tokens, both apostrophes ('Brazil’s', "Brazil's")
HONORIFICS = {"Sheikh", "Prince", "Sultan", "Emir", "King", "Queen", "Crown Prince"}
BODIES = frozenset(read_toml("titles.toml")["bodies"])  # the nouns that close a body's name ('the Sovereignty Council')
COMPLEMENT_STOP = {"since", "after", "before", "when", "while", "in", "on", "at", "to", "and", "as", "with", "by",
                   "who", "which", "that", "said", "told", "was", "is", "has", "had"}
NAME_HONORIFICS = {"Sheikh", "Sheikha", "Prince", "Princess"}  # after an office they are part of the name
SHORT_FAMILY_NAMES = frozenset(read_toml("titles.toml")["short_family_names"])
MONTH_FAMILY_NAMES = frozenset(read_toml("titles.toml")["month_family_names"])
SHORT_GIVEN_NAMES = frozenset(read_toml("titles.toml")["short_given_names"])
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI)$")
# every token ROMAN matches (a token holds no line break, so '$' is its end): a set test over a sentence's tokens
ROMAN_NUMERALS = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
                            "XV", "XVI"})
HYPHEN_PARTICLE = re.compile(r"^(?:el|al|ad|as|ash|ben|bin|abu|ibn|da|de|di|van)-[A-ZÀ-Þ]")


def is_name_token(tok: Tok) -> bool:
    return tok.country is None and is_name_text(tok.text)


_FLAGS: list = [None]  # (the last token list name_flags read, its flags)


def name_flags(toks: list[Tok]) -> list[bool]:
    """is_name_token of every token of a list, computed once a list: the people pass's readers each scanned a
    sentence's tokens with it (~400,000 calls a real-news pass, about three a token). The last list's flags are
    kept and found by the list's identity (_per_list)."""
    return _per_list(_FLAGS, toks, _flags_of)


def _flags_of(toks: list[Tok]) -> list[bool]:
    return [tok.country is None and is_name_text(tok.text) for tok in toks]


@lru_cache(maxsize=65536)
def is_name_text(t: str) -> bool:
    """The spelling test of a name token, cached by text (called for every token of every titled sentence)."""
    if not t[:1].isupper():
        return "-" in t and bool(HYPHEN_PARTICLE.match(t))  # 'el-Sisi', 'al-Thani'
    lex = title_lexicon()
    return any(c.islower() for c in t) and t not in lex["not_names"] and t not in lex["head_words"]


def is_caps_name(tok: Tok) -> bool:
    """A word in capitals that can be a family name (not an acronym the lexicon knows, not a country)."""
    t = tok.text
    return tok.country is None and len(t) >= 3 and t.isalpha() and t.isupper() and t.title() not in title_lexicon()["not_names"] \
        and t not in title_lexicon()["not_names"]


@lru_cache(maxsize=None)
def by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=len, reverse=True):
        index.setdefault(seq[0], []).append(seq)
    return index


def skip_courtesy(toks: list[Tok], k: int) -> int:
    """Past the forms of address at token k ('His Excellency Dato’ Sri Faridah ...' -> the index of 'Faridah')."""
    while k < len(toks) and (n := match_seq(toks, k, title_lexicon()["courtesy"])):
        k += n
    return k


_BY_LIST: dict[int, tuple[list, dict[str, list[tuple[str, ...]]]]] = {}
MAX_LISTS = 64


def _index_of(seqs: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """by_first of a lexicon list, found by the list's identity: by_first's own cache key hashed every sequence of
    the list on every call (the lists are the title lexicon's, built once a process and never changed)."""
    entry = _BY_LIST.get(id(seqs))
    if entry is not None and entry[0] is seqs:
        return entry[1]
    index = by_first(tuple(seqs))
    if len(_BY_LIST) < MAX_LISTS:
        _BY_LIST[id(seqs)] = (seqs, index)  # the list is kept, so its id cannot be reused by another
    return index


def match_seq(toks: list[Tok], i: int, seqs: list[tuple[str, ...]], lower: bool = False) -> int:
    """Length of the longest sequence of `seqs` that starts at token i, or 0."""
    if i >= len(toks):
        return 0
    first = toks[i].text.lower() if lower else toks[i].text
    for seq in _index_of(seqs).get(first, ()):
        n = len(seq)
        if n == 1 or tuple(t.text.lower() if lower else t.text for t in toks[i:i + n]) == seq:
            return n
    return 0


@lru_cache(maxsize=1)
def _name_abbreviations() -> frozenset[str]:
    return frozenset(read_toml("layout.toml")["name_abbreviations"])


def read_name(toks: list[Tok], i: int) -> int:
    """End index (exclusive) of a name starting at i, or i when there is none."""
    lex = title_lexicon()
    particles = lex["particles"]
    # the name tests name_flags made for this token list, when it is the last one it read (never made here: a
    # reader's other lists would each cost a whole list's tests for a name of two words)
    last = _FLAGS[0]  # read once: one consistent (list, flags) pair (_per_list)
    flags = last[1] if last is not None and last[0] is toks and len(last[1]) == len(toks) else None
    j = i
    # six words at most, an article or particle not counted: 'Misfir Jon Ali Al Roe Al Lima' is one name of eight
    while j < len(toks) and (j - i < 6 or j - i - sum(toks[k].text.lower() in particles for k in range(i, j)) < 6):
        if j > i and flags is not None and flags[j] and not glued(toks[j - 1], toks[j]):
            # a name word inside the name: of the tests before the plain name word's below, the others need a word
            # of one capital, a quote, a word in capitals or j == i, which a name word past i is not (speed)
            j += 1
            continue
        if j > i and glued(toks[j - 1], toks[j]):
            break  # a word glued to the name's last ('Ana LimaHigh Commissioner'): the next office, split by _words
        if (len(toks[j].text) == 1 and toks[j].text.isupper() and j + 2 < len(toks) and toks[j + 1].text == "."
                and toks[j + 1].start == toks[j].end and (is_name_token(toks[j + 2]) or len(toks[j + 2].text) == 1)):
            j += 2  # an initial: 'S. Jaishankar', 'George W. Bush'
        elif (j == i and 2 <= len(toks[j].text) <= 3 and toks[j].text[:1].isupper() and j + 2 < len(toks)
              and toks[j + 1].text == "." and toks[j + 1].start == toks[j].end
              and toks[j + 2].start == toks[j + 1].end and is_name_token(toks[j + 2])):
            j += 2  # a patronymic's short form glued to the name: 'Kh.Battulga', 'Ts.Elbegdorj'
        elif (j == i and toks[j].text in _name_abbreviations() and j + 2 < len(toks) and toks[j + 1].text == "."
              and toks[j + 1].start == toks[j].end and is_name_token(toks[j + 2])):
            j += 2  # an abbreviated given name or honorific opening the name: 'Md. Rafiq Islam' (layout.toml)
        elif (j == i and len(toks[j].text) == 1 and toks[j].text.isupper() and toks[j].text not in ("A", "I")
              and j + 1 < len(toks) and is_name_token(toks[j + 1]) and toks[j + 1].start == toks[j].end + 1):
            j += 1  # an initial with no full stop opening the name: 'Foreign Minister S Rajaratnam'
        elif (j > i and toks[j].text in OPEN_QUOTES and j + 3 < len(toks) and is_name_token(toks[j + 1])
              and toks[j + 2].text in CLOSE_QUOTES and is_name_token(toks[j + 3])):
            j += 3  # a nickname in quotes inside the name: 'José "Pepe" Mujica', 'Ferdinand “Bongbong” Marcos'
        elif is_caps_name(toks[j]) and (j > i or (j + 1 < len(toks) and is_name_token(toks[j + 1]))):
            j += 1  # a family name in capitals beside a name: 'KAMIKAWA Yoko', 'Nasser BOURITA'
        elif is_name_token(toks[j]):
            j += 1
        elif (j > i and 2 <= len(toks[j].text) <= 3 and toks[j].text.isalpha() and toks[j].text.isupper()
              and toks[j].country is None and j + 1 < len(toks) and is_name_token(toks[j + 1])
              and toks[j].start == toks[j - 1].end + 1 and toks[j + 1].start == toks[j].end + 1):
            j += 1  # initials with no full stops inside a name: 'Ana RM Lima' (a name word on both sides)
        elif (j > i and toks[j].text in OKINA and j + 1 < len(toks) and toks[j].start > toks[j - 1].end
              and toks[j + 1].start == toks[j].end and is_name_token(toks[j + 1])
              and (j + 2 >= len(toks) or toks[j + 2].text not in CLOSE_QUOTES)):
            j += 2  # an okina written as an apostrophe opens a Polynesian name word: "Tupouto'a 'Ulukalala"
        elif (j == i and toks[j].text in SHORT_FAMILY_NAMES and j + 1 < len(toks) and is_name_token(toks[j + 1])
              and toks[j + 1].start == toks[j].end + 1):
            j += 1  # after an office, 'To' is a Vietnamese family name ('General Secretary To Lam'), not a preposition
        elif (j == i and toks[j].country is not None and toks[j].country.kind == "capital" and " " not in toks[j].text
              and j + 1 < len(toks) and is_name_token(toks[j + 1]) and toks[j + 1].start == toks[j].end + 1):
            j += 1  # after an office, a capital's name is a first name ('President Santiago Pena')
        elif (j == i and toks[j].country is not None and toks[j].country.kind == "capital" and " " not in toks[j].text
              and j + 2 < len(toks) and toks[j + 1].text == "of" and toks[j + 2].country is not None
              and toks[j + 2].country.kind == "name"):
            j += 1  # a monarch's given name that is a capital's: 'Queen Sofia of Spain'
            break
        elif (j - i >= 2 and toks[j].text in SHORT_GIVEN_NAMES and toks[j].start == toks[j - 1].end + 1
              and (j + 1 >= len(toks) or not toks[j + 1].text[:1].isupper())):
            j += 1  # 'Chairman Tran Van An visited': the given name closes the name, no article opens a phrase
            break
        elif (j > i and toks[j].text in lex["inner_heads"] and j + 1 < len(toks)
              and is_name_token(toks[j + 1])):
            j += 1  # a title word that is also a name inside a name: 'Foreign Minister Hossein Amir Abdollahian'
        elif j > i and ROMAN.match(toks[j].text):
            j += 1  # 'King Mohammed VI'
            break
        elif (j > i and toks[j].country is not None and toks[j].country.kind in ("capital", "name")
              and " " not in toks[j].country.text
              and (j + 1 >= len(toks) or not is_name_token(toks[j + 1]))):
            j += 1  # a surname that is also a capital: 'Foreign Minister Ana Lima of Peru'
            break
        elif toks[j].text in particles and j > i and j + 1 < len(toks) and is_name_token(toks[j + 1]):
            j += 1
        elif (toks[j].text in particles and j > i and j + 2 < len(toks) and toks[j + 1].text in particles
              and is_name_token(toks[j + 2])):
            j += 2  # two particles: 'Ursula von der Leyen', 'Andrés de la Cruz'
        elif (j > i and toks[j].text in MONTH_FAMILY_NAMES and toks[j].start == toks[j - 1].end + 1
              and is_name_token(toks[j - 1]) and (j + 1 >= len(toks) or not toks[j + 1].text[:1].isdigit())):
            j += 1  # a month's name closing a name before no number: 'Prime Minister Ana May met ...'
            break
        else:
            break
    return j



OKINA = frozenset({"'", "‘", "’"})
OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
CLOSE_QUOTES = frozenset({'"', "”", "’", "'", "»"})

FUNCTION_CAPS = {"The", "A", "An", "On", "In", "At", "During", "His", "Her", "Their", "By", "With", "And", "For",
                  "From", "To", "As", "After", "Before", "Since", "While", "When", "Under", "According", "Both",
                  "Meanwhile", "Also", "Then", "Later", "Earlier", "Yesterday", "Today", "Last", "Next"}
