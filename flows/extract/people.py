"""People: names introduced by titles, appositions and 'his <demonym> counterpart', merged within a document."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from flows.extract.countries import CountryMention
from flows.lexicon import read_table, read_toml

WORD = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*(?:[’'](?!s\b)[^\W\d_]+)*|[’']s\b|\d[\d.,]*|[^\w\s]")
LOCATIVE = {"to", "in", "from", "at", "near", "through", "into", "across", "towards", "via", "visited", "visiting",
            "toured", "left", "reached"}


@dataclass(frozen=True)
class Tok:
    start: int
    end: int
    text: str
    country: CountryMention | None = None  # set on every token inside a country mention


@dataclass
class Mention:
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Person:
    name: str
    role: str | None = None
    country: str | None = None
    country_cue: str | None = None  # 'explicit' from the title or apposition, 'inferred' from context
    mentions: list[Mention] = field(default_factory=list)
    counterpart_of: "Person | None" = None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@lru_cache(maxsize=1)
def _lex() -> dict:
    data = read_toml("titles.toml")
    heads = sorted({tuple(h.split()) for h in data["heads"]}, key=len, reverse=True)
    return {
        "heads": heads,
        "lower_heads": sorted({tuple(h.split()) for h in data["lower_heads"]}, key=len, reverse=True),
        "lower_plural": sorted({tuple((h + "s").split()) for h in data["lower_heads"]}, key=len, reverse=True),
        "lower_modifiers": set(data["lower_modifiers"]),
        "not_names": set(data["not_names"]),
        "particles": set(data["name_particles"]),
        "leader_nouns": data["leader_nouns"],
        "head_words": {w for h in data["heads"] for w in h.split()},
        "portfolio": set(data["portfolio_words"]),
        "abbreviations": data["abbreviations"],
        "post_head": sorted({tuple(h.split()) for h in data["post_head"]}, key=len, reverse=True),
    }


def tokenize(sentence: str, countries: list[CountryMention]) -> list[Tok]:
    """Words and punctuation with offsets; tokens inside a country mention carry it."""
    owner_at = {pos: c for c in countries for pos in range(c.start, c.end)}
    return [Tok(m.start(), m.end(), m.group(0), owner_at.get(m.start())) for m in WORD.finditer(sentence)]


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


HONORIFICS = {"Sheikh", "Prince", "Sultan", "Emir", "King", "Queen", "Crown Prince"}
BODIES = {"Council", "Committee", "Assembly", "Commission", "Parliament", "Senate", "Chamber", "Court", "Bank",
          "Party", "Front", "Movement", "Duma", "Majlis", "Rada", "Congress", "Board", "Agency", "Service", "Cabinet",
          "Government", "Office", "Presidency", "Secretariat", "Authority", "Directorate", "Ministry", "Department"}
COMPLEMENT_STOP = {"since", "after", "before", "when", "while", "in", "on", "at", "to", "and", "as", "with", "by",
                   "who", "which", "that", "said", "told", "was", "is", "has", "had"}
COURTESY = {"Dr", "Mr", "Mrs", "Ms", "Prof", "Professor", "Madam", "Mme", "Sir", "Dame", "H.E.", "Hon"}
NAME_HONORIFICS = {"Sheikh", "Sheikha", "Prince", "Princess"}  # after an office they are part of the name
SHORT_FAMILY_NAMES = frozenset({"To"})
ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI)$")
HYPHEN_PARTICLE = re.compile(r"^(?:el|al|ad|as|ash|ben|bin|abu|ibn|da|de|di|van)-[A-ZÀ-Þ]")


def _is_name_token(tok: Tok) -> bool:
    return tok.country is None and _is_name_text(tok.text)


@lru_cache(maxsize=65536)
def _is_name_text(t: str) -> bool:
    """The spelling test of a name token, cached by text (called for every token of every titled sentence)."""
    if not t[:1].isupper():
        return "-" in t and bool(HYPHEN_PARTICLE.match(t))  # 'el-Sisi', 'al-Thani'
    lex = _lex()
    return any(c.islower() for c in t) and t not in lex["not_names"] and t not in lex["head_words"]


@lru_cache(maxsize=None)
def _by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for seq in sorted(seqs, key=len, reverse=True):
        index.setdefault(seq[0], []).append(seq)
    return index


def _match_seq(toks: list[Tok], i: int, seqs: list[tuple[str, ...]], lower: bool = False) -> int:
    """Length of the longest sequence of `seqs` that starts at token i, or 0."""
    if i >= len(toks):
        return 0
    first = toks[i].text.lower() if lower else toks[i].text
    for seq in _by_first(tuple(seqs)).get(first, ()):
        n = len(seq)
        if n == 1 or tuple(t.text.lower() if lower else t.text for t in toks[i:i + n]) == seq:
            return n
    return 0


def _read_name(toks: list[Tok], i: int) -> int:
    """End index (exclusive) of a name starting at i, or i when there is none."""
    particles = _lex()["particles"]
    j = i
    while j < len(toks) and j - i < 6:
        if (len(toks[j].text) == 1 and toks[j].text.isupper() and j + 2 < len(toks) and toks[j + 1].text == "."
                and toks[j + 1].start == toks[j].end and (_is_name_token(toks[j + 2]) or len(toks[j + 2].text) == 1)):
            j += 2  # an initial: 'S. Jaishankar', 'George W. Bush'
        elif _is_name_token(toks[j]):
            j += 1
        elif (j == i and toks[j].text in SHORT_FAMILY_NAMES and j + 1 < len(toks) and _is_name_token(toks[j + 1])
              and toks[j + 1].start == toks[j].end + 1):
            j += 1  # after an office, 'To' is a Vietnamese family name ('General Secretary To Lam'), not a preposition
        elif j > i and ROMAN.match(toks[j].text):
            j += 1  # 'King Mohammed VI'
            break
        elif (j > i and toks[j].country is not None and toks[j].country.kind in ("capital", "name")
              and " " not in toks[j].country.text
              and (j + 1 >= len(toks) or not _is_name_token(toks[j + 1]))):
            j += 1  # a surname that is also a capital: 'Foreign Minister Ana Lima of Peru'
            break
        elif toks[j].text in particles and j > i and j + 1 < len(toks) and _is_name_token(toks[j + 1]):
            j += 1
        else:
            break
    return j


def _read_complement(toks: list[Tok], j: int) -> tuple[int, list[str], str | None, str | None]:
    """After a title head: 'of Trade and Integration', 'of Kazakhstan', 'to Azerbaijan'. -> (end, words, of_country, to_country)."""
    words: list[str] = []
    of_country = to_country = None
    while j + 1 < len(toks):
        word = toks[j].text
        nxt = toks[j + 1]
        if word == "of" and nxt.text == "the" and j + 2 < len(toks) and toks[j + 2].country is not None:
            c = toks[j + 2].country  # 'Minister of Foreign Affairs of the Republic of Kazakhstan'
            if c.kind not in ("name", "historic"):
                break
            of_country, j = c.iso3, j + 2
            while j < len(toks) and toks[j].country is c:
                j += 1
            continue
        if word == "of" and nxt.text == "the" and not (j + 2 < len(toks) and toks[j + 2].country):
            k = j + 2
            while k < len(toks) and k - j < 8 and toks[k].text[:1].isupper() and toks[k].text not in BODIES:
                k += 1
            if k < len(toks) and toks[k].text in BODIES and k > j + 2 - 1:
                words += [t.text for t in toks[j:k + 1]]  # 'Chairman of the Sovereignty Council'
                j = k + 1
                continue
            break
        if word in ("of", "for") and (nxt.country or nxt.text[:1].isupper()):
            if word == "of" and nxt.country and nxt.country.kind in ("name", "historic"):
                of_country = nxt.country.iso3
                j += 1
                while j < len(toks) and toks[j].country is nxt.country:
                    j += 1
                continue
            k = j + 1
            part = [word]
            portfolio = _lex()["portfolio"]
            while k < len(toks) and (
                (toks[k].text in portfolio and not toks[k].country)
                or (toks[k].text in ("and", "the", "for") and k + 1 < len(toks) and toks[k + 1].text in portfolio)
                or (toks[k].text == "," and len(part) > 1 and k + 1 < len(toks) and toks[k + 1].text in portfolio)
            ):
                if toks[k].text == ",":  # 'Minister for Energy, Business and Industry'
                    part[-1] += ","
                else:
                    part.append(toks[k].text)
                k += 1
            if len(part) == 1 and nxt.text[:1].isupper() and not nxt.country and _read_name(toks, j + 2) - (j + 2) >= 2:
                part.append(nxt.text)  # 'Minister of Electricity Mohamed Shaker': one unknown portfolio word
                k = j + 2
            if len(part) == 1:
                break
            words += part
            j = k
        elif word == "to" and nxt.country:
            to_country = nxt.country.iso3
            k = j + 1
            while k < len(toks) and toks[k].country is nxt.country:
                k += 1
            words += ["to", " ".join(t.text for t in toks[j + 1:k])]
            j = k
        elif word == "to" and nxt.text == "the" and j + 2 < len(toks) and toks[j + 2].country:
            c = toks[j + 2].country
            to_country = c.iso3
            k = j + 2
            while k < len(toks) and toks[k].country is c:
                k += 1
            words += ["to", "the", " ".join(t.text for t in toks[j + 2:k])]
            j = k
        else:
            break
    return j, words, of_country, to_country


def _singular(role: str) -> str:
    return re.sub(r"\b([Mm]inister|[Pp]resident|[Aa]mbassador|[Pp]remier|[Ll]eader)s\b", r"\1", role)


@dataclass
class Found:
    start_tok: int
    end_tok: int
    role: str | None
    country: str | None
    cue: str


def _titles_before_names(toks: list[Tok]) -> list[Found]:
    """'Azerbaijan's Deputy Foreign Minister Khalaf Khalafov', 'Foreign Ministers X of Armenia and Y of Iran'."""
    lex = _lex()
    found: list[Found] = []
    i = 0
    firsts = _by_first(tuple(lex["heads"]))
    while i < len(toks):
        n = _match_seq(toks, i, lex["heads"]) if toks[i].text in firsts else 0
        if not n and i > 0 and toks[i - 1].text.lower() in ("the", "foreign", "two", "deputy", "prime") and \
                i + 2 < len(toks) and (toks[i + 1].text == "," or _is_name_token(toks[i + 1])):
            n = _match_seq(toks, i, lex["lower_plural"], lower=True)  # 'the foreign ministers, X of A and Y of B'
        if not n:
            i += 1
            continue
        b = i
        while b > 0:
            prev = toks[b - 1]
            if prev.country is None and prev.text[:1].isupper() and prev.text not in _FUNCTION_CAPS:
                b -= 1
            elif prev.text in lex["lower_modifiers"] and prev.text not in ("the",):
                b -= 1
            elif prev.text == "of" and b >= 2 and toks[b - 2].text[:1].isupper() and toks[b - 2].country is None:
                b -= 1
            elif prev.text == "and" and b >= 2 and _match_seq([toks[b - 2]], 0, [(h[-1],) for h in lex["heads"]]):
                b -= 1  # 'Deputy Prime Minister and Foreign Minister'
            else:
                break
        country = None
        if b > 0 and toks[b - 1].text in ("’s", "'s") and b > 1 and toks[b - 2].country:
            country = toks[b - 2].country.iso3
        elif b > 0 and toks[b - 1].country and toks[b - 1].country.kind in ("demonym", "name"):
            country = toks[b - 1].country.iso3
        post = _match_seq(toks, i + n, lex["post_head"])  # 'Ambassador Extraordinary and Plenipotentiary'
        j, comp, of_country, to_country = _read_complement(toks, i + n + post)
        role_words = [lex["abbreviations"].get(t.text, t.text) for t in toks[b:i + n]] + comp
        # 'Foreign Minister Prince Faisal', 'Prime Minister Sheikh Hasina': the office is the role, the honorific
        # belongs to the name
        honorific = (toks[i].text in NAME_HONORIFICS and b < i
                     and any(_match_seq(toks, x, lex["heads"]) for x in range(b, i)))
        if honorific:
            role_words = [lex["abbreviations"].get(t.text, t.text) for t in toks[b:i]]
        role = _singular(" ".join(role_words)) if role_words else None
        last = toks[i + n - 1].text
        plural = last.endswith("s") and (last[:-1] in lex["head_words"] or last[:-1].lower() in {h[-1] for h in lex["lower_heads"]})
        k = j + 1 if j < len(toks) and toks[j].text == "," else j
        if k < len(toks) and toks[k].text in COURTESY:
            k += 2 if k + 1 < len(toks) and toks[k + 1].text == "." else 1  # 'Dr Naledi Pandor', 'Ms. Macamo'
        honorific_at = k if k != j and k < len(toks) and toks[k].text in NAME_HONORIFICS else None
        if honorific_at is not None:
            k += 1  # 'the Emir of Qatar, Sheikh Tamim ...': the honorific opens the name
        e = _read_name(toks, k)
        if e == k:
            i += n
            continue
        if e < len(toks) and toks[e].text in lex["not_names"] and toks[e].text[:1].isupper():
            i += n
            continue  # 'the President Biden Administration': a name used as a modifier
        of_country_next = e + 1 < len(toks) and toks[e].text == "of" and toks[e + 1].country is not None
        if k != j and not (e >= len(toks) or toks[e].text in (",", ".", "and", ";", ")") or of_country_next):
            i += n
            continue
        names = []
        pos_start, pos_end = k, e
        while True:
            c_end, _, of_c, _ = _read_complement(toks, pos_end)
            names.append((pos_start, pos_end, of_c))
            if plural and c_end < len(toks) and toks[c_end].text == "and":
                e2 = _read_name(toks, c_end + 1)
                if e2 > c_end + 1:
                    pos_start, pos_end = c_end + 1, e2
                    continue
            break
        if honorific:
            names[0] = (i, names[0][1], names[0][2])
        elif honorific_at is not None:
            names[0] = (honorific_at, names[0][1], names[0][2])
        for s, e_, of_c in names:
            c = of_c or country or of_country
            found.append(Found(s, e_, role, c, "explicit" if c else "none"))
        i = names[-1][1]
    return found


def _lower_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Brazil's foreign minister Mauro Vieira', 'Iran's deputy foreign minister for consular affairs, Ali Bigdeli',
    'the Kenyan trade minister X': a lower-case office after a possessive country or a demonym, then a name."""
    lex = _lex()
    found = []
    for i, tok in enumerate(toks):
        if tok.text in ("’s", "'s") and i > 0 and toks[i - 1].country is not None:
            country, j = toks[i - 1].country.iso3, i + 1
        elif tok.text.lower() in ("his", "her", "their", "its"):
            country, j = None, i + 1  # 'his spokesman Felix Kwakye Ofosu': the country comes from context
        elif tok.country is not None and tok.country.kind == "demonym" and tok.text[:1].isupper():
            country, j = tok.country.iso3, i + 1
        else:
            continue
        h = j
        while h < len(toks) and toks[h].text in lex["lower_modifiers"] and h - j < 3:
            h += 1
        n = _match_seq(toks, h, lex["lower_heads"], lower=True)
        if not n or not toks[h].text[:1].islower():
            continue
        end = h + n
        if end < len(toks) and toks[end].text in ("for", "of") and toks[end + 1:end + 2] and toks[end + 1].text.islower():
            k = end + 1
            while (k < len(toks) and toks[k].text.isalpha() and toks[k].text.islower() and k - end <= 4
                   and toks[k].text not in COMPLEMENT_STOP):
                k += 1
            end = k  # 'for consular affairs'
        if end + 1 < len(toks) and toks[end].text == "to" and toks[end + 1].country is not None:
            c = toks[end + 1].country
            end += 1
            while end < len(toks) and toks[end].country is c:
                end += 1  # 'its ambassador to Spain, Karima Benyaich'
            if country is None and tok.text.lower() in ("its", "their"):
                # 'Morocco recalled its ambassador to Spain': the country that owns 'its', not the one posted to
                owner = [t.country.iso3 for t in toks[:i] if t.country is not None and t.country.iso3 != c.iso3]
                country = owner[-1] if owner else None
        k = end + 1 if end < len(toks) and toks[end].text == "," else end
        start = k
        if k < len(toks) and toks[k].text in NAME_HONORIFICS:
            k += 1  # "Qatar's foreign minister, Sheikh Mohammed ..."
        e = _read_name(toks, k)
        if e - k < 2 or any(x in taken for x in range(start, e)):
            continue
        k = start
        role = " ".join(t.text for t in toks[j:end])
        found.append(Found(k, e, _singular(role), country, "explicit" if country else "none"))
    return found


def _as_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Donald Tusk, who returned as prime minister in December, ...', 'Anwar Ibrahim made his first trip as prime
    minister': a sentence-opening name and the office it holds 'as' within its clause."""
    lex = _lex()
    e = _read_name(toks, 0)
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
        if j + 1 < len(toks) and toks[j].country is not None and toks[j + 1].text in ("’s", "'s"):
            country, j = toks[j].country.iso3, j + 2
        elif j < len(toks) and toks[j].text in ("the", "a"):
            j += 1
        h = j
        while h < len(toks) and toks[h].text in lex["lower_modifiers"] and h - j < 3:
            h += 1
        n = _match_seq(toks, h, lex["lower_heads"], lower=True) or _match_seq(toks, h, lex["heads"])
        if n and not _read_name(toks, h + n) > h + n:
            return [Found(0, e, _singular(" ".join(t.text for t in toks[j:h + n])), country,
                          "explicit" if country else "none")]
        return []
    return []


_FUNCTION_CAPS = {"The", "A", "An", "On", "In", "At", "During", "His", "Her", "Their", "By", "With", "And", "For",
                  "From", "To", "As", "After", "Before", "Since", "While", "When", "Under", "According", "Both",
                  "Meanwhile", "Also", "Then", "Later", "Earlier", "Yesterday", "Today", "Last", "Next"}


def _appositions(toks: list[Tok], taken: set[int], known: list[Person]) -> list[Found]:
    """'Aidos Seitkali, First Deputy Minister of ...', 'Cahit Bağcı, Türkiye's ambassador to Azerbaijan'."""
    lex = _lex()
    found = []
    i = 0
    while i < len(toks):
        if i in taken or not _is_name_token(toks[i]) or (i > 0 and _is_name_token(toks[i - 1])):
            i += 1
            continue
        e = _read_name(toks, i)
        single_known = e - i == 1 and _known(toks[i].text, known) is not None
        if (e - i < 2 and not single_known) or e >= len(toks) or toks[e].text != ",":
            i = max(e, i + 1)
            continue
        j = e + 1
        if j < len(toks) and toks[j].text.lower() in ("the", "a", "an"):
            j += 1
        mods = []
        while j < len(toks) and toks[j].text.lower() in ("former", "acting", "then", "outgoing"):
            mods.append(toks[j].text)
            j += 1
        country = None
        if j + 1 < len(toks) and toks[j].country and toks[j + 1].text in ("’s", "'s"):
            country = toks[j].country.iso3
            j += 2
        elif j < len(toks) and toks[j].country and toks[j].country.kind == "demonym":
            country = toks[j].country.iso3
            j += 1
        h = j
        while h < len(toks) and (toks[h].text in lex["lower_modifiers"] or toks[h].text.lower() in lex["lower_modifiers"]
                                 or (toks[h].text[:1].isupper() and toks[h].country is None
                                     and not _match_seq(toks, h, lex["heads"]))):
            if h - j > 4:
                break
            h += 1
        n = _match_seq(toks, h, lex["heads"]) or _match_seq(toks, h, lex["lower_heads"], lower=True)
        if not n:
            i = e
            continue
        end, comp, of_country, to_country = _read_complement(toks, h + n)
        if end < len(toks) and _read_name(toks, end) > end:
            i = e
            continue  # 'Novi Sad, Hungarian Foreign Minister Péter Szijjártó': a title of the next name
        role = " ".join(mods + [t.text for t in toks[j:h + n]] + comp)
        c = country or of_country
        found.append(Found(i, e, _singular(role), c, "explicit" if c else "none"))
        i = end
    return found


# 'Ethiopia's Minister of Transport and Logistics, Alemu Sime, and ...', 'the cabinet secretary for trade, X,':
# an office with its complement, a comma, then the name (closed by a comma, 'and', 'said' or the full stop).
TITLE_COMMA_NAME = re.compile(
    r"(?P<role>(?:(?:[Cc]abinet|[Dd]eputy|[Aa]cting|[Ff]oreign|[Tt]rade|[Ff]inance|[Dd]efen[cs]e|[Ee]nergy)\s+)*"
    r"(?:[Mm]inister|[Ss]ecretary|[Aa]mbassador|[Gg]overnor|[Cc]hairman|[Ss]peaker|[Cc]ommissioner)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+and\s+[A-Za-z][\w-]*)?)?)"
    r",\s+(?P<name>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})(?=\s*,|\s+and\b|\s+said\b|\.\s*$)")
OWNER_BEFORE = re.compile(r"([A-ZÀ-Þ][\w’'-]+)(?:’s|'s)\s+(?:(?:[Cc]abinet|[Dd]eputy|[Aa]cting|[Ff]oreign|[Tt]rade|[Ff]inance|"
                          r"[Dd]efen[cs]e|[Ee]nergy)\s+)*$")
OFFICE_WORDS = ("minister", "secretary", "ambassador", "governor", "chairman", "speaker", "commissioner")
PLURAL_WORDS = ("presidents", "ministers", "leaders", "premiers", "ambassadors")
# 'The presidents of Peru and Bolivia, Dina Boluarte and Luis Arce,', 'our defence ministers, X and Y': one office each
PLURAL_APPOSITION = re.compile(
    r"\b(?P<role>(?:(?:foreign|defen[cs]e|trade|finance|economy|energy|interior|prime)\s+)?"
    r"(?:presidents|ministers|leaders|premiers|ambassadors))(?:\s+of\s+(?P<c1>[A-ZÀ-Þ][^,]*?)\s+and\s+(?P<c2>[A-ZÀ-Þ][^,]*?))?"
    r",\s+(?P<n1>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})\s+and\s+"
    r"(?P<n2>[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){1,3})(?=\s*[,.]|\s+(?:met|said|signed|held)\b)", re.I)


def _offices_before_comma(sentence: str, toks: list[Tok], taken: set[int],
                          countries: list[CountryMention]) -> list[Found]:
    """Offices named before a comma and the name ('X's Minister of Y, Name,'; 'the presidents of A and B, X and Y')."""
    by_start = {t.start: n for n, t in enumerate(toks)}
    by_end = {t.end: n + 1 for n, t in enumerate(toks)}

    def found(start: int, end: int, role: str, country: str | None) -> Found | None:
        a, b = by_start.get(start), by_end.get(end)
        if a is None or b is None or any(k in taken for k in range(a, b)) or any(toks[k].country for k in range(a, b)):
            return None
        if not all(_is_name_text(w) for w in sentence[start:end].split()):
            return None
        return Found(a, b, _singular(role), country, "explicit" if country else "none")

    def country_in(start: int, end: int) -> str | None:
        return next((c.iso3 for c in countries if start <= c.start < end), None)

    out = []
    low = sentence.lower()
    for m in TITLE_COMMA_NAME.finditer(sentence) if any(w in low for w in OFFICE_WORDS) else ():
        owner_m = OWNER_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
        owner = country_in(owner_m.start(1), owner_m.end(1)) if owner_m else None
        f = found(m.start("name"), m.end("name"), m.group("role"), owner)
        out += [f] if f else []
    for m in PLURAL_APPOSITION.finditer(sentence) if any(w in low for w in PLURAL_WORDS) else ():
        c1 = country_in(m.start("c1"), m.end("c1")) if m.group("c1") else None
        c2 = country_in(m.start("c2"), m.end("c2")) if m.group("c2") else None
        for g, c in (("n1", c1), ("n2", c2)):
            f = found(m.start(g), m.end(g), m.group("role"), c)
            out += [f] if f else []
    return out


def _known(token: str, people: list[Person]) -> Person | None:
    key = fold_name(token)
    for person in people:
        if fold_name(person.surname) == key:
            return person
    # family name first ('Xi Jinping' ... 'Xi', 'Yoon Suk Yeol' ... 'Yoon', 'Sheikh Mishal ...' ... 'Mishal'): the
    # first token of a known name, when only one known person has it
    firsts = [p for p in people if len(_bare(p.name)) >= 2 and fold_name(_bare(p.name)[0]) == key]
    return firsts[0] if len(firsts) == 1 and token[:1].isupper() else None


def _bare(name: str) -> list[str]:
    """A name's tokens without a leading honorific ('Sheikh Tamim bin Hamad' -> 'Tamim', ...)."""
    tokens = name.split()
    return tokens[1:] if len(tokens) > 1 and tokens[0] in NAME_HONORIFICS else tokens


def _merge(people: list[Person], name: str, role: str | None, country: str | None, cue: str,
           mention: Mention) -> Person:
    """Add a mention to the person it names, or a new person; keep the fullest name and the longest role."""
    target = None
    tokens = name.split()
    for person in people:
        if fold_name(person.surname) == fold_name(tokens[-1]):
            first_a, first_b = _bare(person.name)[0], _bare(name)[0]  # 'Sheikh Tamim' and 'Sheikh Mohammed' differ
            if len(tokens) == 1 or len(person.name.split()) == 1 or fold_name(first_a)[:2] == fold_name(first_b)[:2]:
                target = person
                break
    if target is None and len(tokens) == 1:
        target = _known(tokens[0], people)  # 'Xi' after 'Xi Jinping', 'Retno' after 'Retno Marsudi'
    if target is None:
        target = Person(name=name)
        people.append(target)
    elif len(tokens) > len(target.name.split()):
        target.name = name
    if role and (target.role is None or target.role in NAME_HONORIFICS
                 or (len(role) > len(target.role) and role not in NAME_HONORIFICS)):
        target.role = role  # the longest office; an honorific alone ('Sheikh') never replaces one
    if country and (target.country is None or (cue == "explicit" and target.country_cue != "explicit")):
        target.country, target.country_cue = country, cue
    target.mentions.append(mention)
    return target


ALIAS = re.compile(r"\(([^()]{3,60}?)\s+in\s+the\s+\w+\s+spelling\)|\((?:also\s+(?:spelled|written|known\s+as)|né|née)\s+([^()]{3,60})\)")
COUNTERPART = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?P<dem>[A-ZÀ-Þ][\w’'-]+)\s+)?counterparts?\s*,?\s*")


CAPWORD = re.compile(r"\b[A-ZÀ-Þ][^\W\d_]+(?:-[^\W\d_]+)*")


LOWER_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Every word of a title head, an abbreviation, or 'counterpart' (lower case): where a person can be introduced."""
    data = read_toml("titles.toml")
    words = {w.lower() for h in data["heads"] + data["lower_heads"] + list(data["abbreviations"]) for w in
             LOWER_WORD.findall(h.lower())}
    return frozenset(words | {w + "s" for w in words} | {"counterpart", "counterparts"})


def find_people(sentence: str, index: int, countries: list[CountryMention], people: list[Person],
                last_person: Person | None) -> list[tuple[Person, Mention]]:
    """People named in one sentence, merged into the document's list `people`; returns this sentence's mentions."""
    if _title_words().isdisjoint(LOWER_WORD.findall(sentence.lower())):
        # no title and no counterpart: only later mentions of known people can be here (a cheap test first, speed)
        known = {fold_name(p.surname) for p in people} | {fold_name(_bare(p.name)[0]) for p in people
                                                          if len(_bare(p.name)) >= 2}
        if not any(fold_name(w) in known for w in CAPWORD.findall(sentence)):
            return []
    toks = tokenize(sentence, countries)
    aliases = [m.span() for m in ALIAS.finditer(sentence)]
    out: list[tuple[Person, Mention]] = []

    def inside_alias(tok_start: int) -> bool:
        return any(a <= tok_start < b for a, b in aliases)

    founds = _titles_before_names(toks)
    for lf in _lower_titles(toks, set()):
        same = [f for f in founds if f.end_tok == lf.end_tok]
        if same and all(f.role in NAME_HONORIFICS for f in same):
            for f in same:  # "Qatar's foreign minister, Sheikh X": the office, not the honorific
                f.role, f.country, f.cue = lf.role, f.country or lf.country, "explicit" if (f.country or lf.country) else f.cue
                f.start_tok = min(f.start_tok, lf.start_tok)
        elif not any(f.start_tok <= x < f.end_tok for f in founds for x in range(lf.start_tok, lf.end_tok)):
            founds.append(lf)
    founds += _as_titles(toks, {k for f in founds for k in range(f.start_tok, f.end_tok)})
    # an honorific before the name gives way to the office in an apposition ('Sheikh X, the President of the UAE')
    for f in founds:
        if f.role in HONORIFICS and "," in sentence:
            for a in _appositions(toks, set(), people):
                if a.start_tok == f.start_tok and a.end_tok == f.end_tok and a.role:
                    f.role, f.country = a.role, f.country or a.country
                    f.cue = "explicit" if f.country else f.cue
    for f in list(founds):
        k = f.end_tok
        if (k + 3 < len(toks) and toks[k].text == "and" and toks[k + 1].country is not None
                and toks[k + 2].text in ("’s", "'s")):
            e = _read_name(toks, k + 3)
            if e - (k + 3) >= 2:  # 'Georgia's President X and Armenia's Y': Y holds the same office in Armenia
                founds.append(Found(k + 3, e, f.role, toks[k + 1].country.iso3, "explicit"))
    taken = {k for f in founds for k in range(f.start_tok, f.end_tok)}
    if "," in sentence:  # an apposition needs its comma ('X, the ambassador of ...'): skip the token scan (speed)
        founds += _offices_before_comma(sentence, toks, taken, countries)
        taken = {k for f in founds for k in range(f.start_tok, f.end_tok)}
        founds += _appositions(toks, taken, people)
    taken = {k for f in founds for k in range(f.start_tok, f.end_tok)}

    # 'his Uzbek counterpart Shavkat Mirziyoyev': same role as the other, country from the demonym.
    for m in COUNTERPART.finditer(sentence):
        k = next((n for n, t in enumerate(toks) if t.start >= m.end()), None)
        if k is None:
            continue
        e = _read_name(toks, k)
        dem = None
        if m.group("dem"):
            c = next((c for c in countries if c.start == m.start("dem")), None)
            dem = c.iso3 if c else None
        if e > k and k not in taken:
            founds.append(Found(k, e, None, dem, "explicit" if dem else "none"))
            founds[-1].counterpart_at = m.start()  # type: ignore[attr-defined]
            taken |= set(range(k, e))
        elif e > k:
            for f in founds:
                if f.start_tok == k and f.country is None and dem:
                    f.country, f.cue = dem, "explicit"
                if f.start_tok == k:
                    f.counterpart_at = m.start()  # type: ignore[attr-defined]

    # Later mentions of people already known: 'Rakhmatov', 'Kocharian', 'Ambassador Baravikou'.
    for n, tok in enumerate(toks):
        if n in taken or not _is_name_token(tok) or inside_alias(tok.start):
            continue
        if n + 1 < len(toks) and _is_name_token(toks[n + 1]):
            e = _read_name(toks, n)
            person = _known(toks[e - 1].text, people)
            if person:
                founds.append(Found(n, e, None, None, "none"))
                taken |= set(range(n, e))
            continue
        if n > 0 and _is_name_token(toks[n - 1]):
            continue
        if _known(tok.text, people):
            founds.append(Found(n, n + 1, None, None, "none"))
            taken.add(n)

    founds.sort(key=lambda f: f.start_tok)
    for f in founds:
        if inside_alias(toks[f.start_tok].start):
            continue
        start, end = toks[f.start_tok].start, toks[f.end_tok - 1].end
        name = sentence[start:end]
        mention = Mention(index, start, end, name)
        role, country, cue = f.role, f.country, f.cue
        if country is None:
            country = _side_phrase(sentence, end, countries)
            cue = "explicit" if country else cue
        counterpart_at = getattr(f, "counterpart_at", None)
        other = None
        if counterpart_at is not None:
            # 'X, who accompanied Y, said he had agreed with his counterpart Z': not the person in the aside
            asides = [m.span() for m in re.finditer(r",\s+(?:who|which)\s+[^,;]{3,80},", sentence)]
            before = [p for p, m in out if m.end <= counterpart_at and not any(a <= m.start < b for a, b in asides)]
            other = before[-1] if before else last_person
            if role is None and other is not None:
                role = other.role
        person = _merge(people, name, role, country, cue, mention)
        if person.country_cue != "explicit":
            # a well-known office holder with no country in the text ('President Putin') serves the country the
            # lexicon knows, before any guess from the nearest country named
            known = known_country(person.name)
            if known:
                person.country, person.country_cue = known, "lexicon"
        if other is not None and other is not person:
            person.counterpart_of = other
        out.append((person, mention))
    return out


def _side_phrase(sentence: str, end: int, countries: list[CountryMention]) -> str | None:
    """'X and Y on the Hungarian side': the first 'on the <demonym> side' after the name, before any ' by '."""
    rest = sentence[end:end + 120]
    cut = re.search(r"\bby\b|;", rest)
    rest = rest[: cut.start()] if cut else rest
    m = re.search(r"\bon\s+the\s+(\S+)\s+side\b", rest)
    if not m:
        return None
    pos = end + m.start(1)
    c = next((c for c in countries if c.start == pos), None)
    return c.iso3 if c else None


@lru_cache(maxsize=1)
def _leader_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in sorted(_lex()["leader_nouns"], key=len, reverse=True))
    return re.compile(r"\b[Tt]he\s+(\S+)\s+(?:" + nouns + r")\b")


@lru_cache(maxsize=1)
def _leaders() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """leaders.csv indexed by each folded name token: (all folded tokens, iso3)."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for row in read_table("leaders.csv"):
        tokens = tuple(fold_name(t) for t in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", row["name"]))
        for t in set(tokens):
            index.setdefault(t, []).append((tokens, row["iso3"]))
    return index


def known_country(name: str) -> str | None:
    """The country a well-known office holder serves (leaders.csv), when the name points to one country only."""
    tokens = [fold_name(t) for t in re.findall(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", name)]
    if not tokens:
        return None
    hits = set()
    for leader, iso3 in _leaders().get(tokens[-1], []):
        common = len(set(tokens) & set(leader))
        if len(tokens) == 1 or common >= 2 or (leader[-1] == tokens[-1] and leader[0][:1] == tokens[0][:1]):
            hits.add(iso3)
    return hits.pop() if len(hits) == 1 else None


def resolve_leader_anaphor(sentence: str, countries: list[CountryMention], people: list[Person]) -> list[tuple[Person, int, int]]:
    """'the Kazakh leader', 'The Iranian leader': the latest named leader of that country, or without a country yet."""
    out = []
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


def nearest_country(sentence: str, start: int, end: int, countries: list[CountryMention],
                    clause: tuple[int, int]) -> str | None:
    """The country named closest to a person within its clause, leaving out destinations ('to Japan', 'in Tokyo')."""
    best, best_d = None, None
    for c in countries:
        if not (clause[0] <= c.start < clause[1]) or c.kind == "historic":
            continue
        prev = re.search(r"(\w+)\s+(?:the\s+)?$", sentence[max(0, c.start - 20):c.start])
        if prev and prev.group(1).lower() in LOCATIVE:
            continue
        d = start - c.end if c.end <= start else c.start - end
        if best_d is None or d < best_d:
            best, best_d = c.iso3, d
    return best
