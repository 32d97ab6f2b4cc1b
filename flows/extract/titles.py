"""Titles before names: 'Deputy Foreign Minister X', 'Brazil's foreign minister X', 'X made his first trip as prime minister'."""
from __future__ import annotations

import re
from dataclasses import dataclass

from flows.extract.names import (BODIES, COMPLEMENT_STOP, NAME_HONORIFICS, FUNCTION_CAPS, Tok, by_first,
                                 is_name_token, match_seq, read_name, skip_courtesy, title_lexicon)


def read_complement(toks: list[Tok], j: int) -> tuple[int, list[str], str | None, str | None]:
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
            portfolio = title_lexicon()["portfolio"]
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
            if len(part) == 1 and nxt.text[:1].isupper() and not nxt.country and read_name(toks, j + 2) - (j + 2) >= 2:
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


def singular(role: str) -> str:
    return re.sub(r"\b([Mm]inister|[Pp]resident|[Aa]mbassador|[Pp]remier|[Ll]eader)s\b", r"\1", role)


@dataclass
class Found:
    start_tok: int
    end_tok: int
    role: str | None
    country: str | None
    cue: str
    counterpart_at: int | None = None  # where 'his counterpart' stands, for a name it introduces


def titles_before_names(toks: list[Tok]) -> list[Found]:
    """'Azerbaijan's Deputy Foreign Minister Khalaf Khalafov', 'Foreign Ministers X of Armenia and Y of Iran'."""
    lex = title_lexicon()
    found: list[Found] = []
    i = 0
    firsts = by_first(tuple(lex["heads"]))
    while i < len(toks):
        n = match_seq(toks, i, lex["heads"]) if toks[i].text in firsts else 0
        if not n and i > 0 and toks[i - 1].text.lower() in ("the", "foreign", "two", "deputy", "prime") and \
                i + 2 < len(toks) and (toks[i + 1].text == "," or is_name_token(toks[i + 1])):
            n = match_seq(toks, i, lex["lower_plural"], lower=True)  # 'the foreign ministers, X of A and Y of B'
        if not n:
            i += 1
            continue
        b = i
        while b > 0:
            prev = toks[b - 1]
            if prev.country is None and prev.text[:1].isupper() and prev.text not in FUNCTION_CAPS:
                b -= 1
            elif prev.text in lex["lower_modifiers"] and prev.text not in ("the",):
                b -= 1
            elif prev.text == "of" and b >= 2 and toks[b - 2].text[:1].isupper() and toks[b - 2].country is None:
                b -= 1
            elif prev.text == "and" and b >= 2 and match_seq([toks[b - 2]], 0, [(h[-1],) for h in lex["heads"]]):
                b -= 1  # 'Deputy Prime Minister and Foreign Minister'
            else:
                break
        country = None
        if b > 0 and toks[b - 1].text in ("’s", "'s") and b > 1 and toks[b - 2].country:
            country = toks[b - 2].country.iso3
        elif b > 0 and toks[b - 1].country and toks[b - 1].country.kind in ("demonym", "name"):
            country = toks[b - 1].country.iso3
        post = match_seq(toks, i + n, lex["post_head"])  # 'Ambassador Extraordinary and Plenipotentiary'
        j, comp, of_country, to_country = read_complement(toks, i + n + post)
        role_words = [lex["abbreviations"].get(t.text, t.text) for t in toks[b:i + n]] + comp
        # 'Foreign Minister Prince Faisal', 'Prime Minister Sheikh Hasina': the office is the role, the honorific
        # belongs to the name
        honorific = (toks[i].text in NAME_HONORIFICS and b < i
                     and any(match_seq(toks, x, lex["heads"]) for x in range(b, i)))
        if honorific:
            role_words = [lex["abbreviations"].get(t.text, t.text) for t in toks[b:i]]
        role = singular(" ".join(role_words)) if role_words else None
        last = toks[i + n - 1].text
        plural = last.endswith("s") and (last[:-1] in lex["head_words"] or last[:-1].lower() in {h[-1] for h in lex["lower_heads"]})
        k = j + 1 if j < len(toks) and toks[j].text == "," else j
        k = skip_courtesy(toks, k)  # 'Dr Naledi Pandor', 'Ms. Macamo', ', His Excellency Dato’ Sri X'
        honorific_at = k if k != j and k < len(toks) and toks[k].text in NAME_HONORIFICS else None
        if honorific_at is not None:
            k += 1  # 'the Emir of Qatar, Sheikh Tamim ...': the honorific opens the name
        e = read_name(toks, k)
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
            c_end, _, of_c, _ = read_complement(toks, pos_end)
            names.append((pos_start, pos_end, of_c))
            if plural and c_end < len(toks) and toks[c_end].text == "and":
                e2 = read_name(toks, c_end + 1)
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


def lower_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Brazil's foreign minister Mauro Vieira', 'Iran's deputy foreign minister for consular affairs, Ali Bigdeli',
    'the Kenyan trade minister X': a lower-case office after a possessive country or a demonym, then a name;
    'central bank governor X', 'economist X': with no owner, the country comes from context."""
    lex = title_lexicon()
    found = []
    names_ending: set[int] = set()
    for i, tok in enumerate(toks):
        if tok.text in ("’s", "'s") and i > 0 and toks[i - 1].country is not None:
            country, j = toks[i - 1].country.iso3, i + 1
        elif tok.text.lower() in ("his", "her", "their", "its"):
            country, j = None, i + 1  # 'his spokesman Felix Kwakye Ofosu': the country comes from context
        elif tok.country is not None and tok.country.kind == "demonym" and tok.text[:1].isupper():
            country, j = tok.country.iso3, i + 1
        elif tok.text in lex["lower_openers"] and (i == 0 or toks[i - 1].text.lower() not in lex["lower_openers"]):
            country, j = None, i  # 'central bank governor Elvira Nabiullina', 'her predecessor, Michelle Bachelet'
        else:
            continue
        h = j
        while h < len(toks) and toks[h].text in lex["lower_modifiers"] and h - j < 3:
            h += 1
        n = match_seq(toks, h, lex["lower_heads"], lower=True)
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
        e = read_name(toks, k)
        if e - k < 2 or any(x in taken for x in range(start, e)):
            continue
        if e in names_ending:
            continue  # 'his trade minister X': the owner's reading came first
        names_ending.add(e)
        role = " ".join(t.text for t in toks[j:end])
        found.append(Found(start, e, singular(role), country, "explicit" if country else "none"))
    return found


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
        if j + 1 < len(toks) and toks[j].country is not None and toks[j + 1].text in ("’s", "'s"):
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

