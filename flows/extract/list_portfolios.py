"""Portfolios shared out by 'respectively': 'Joining her were the Ministers of Trade and Industry, Health, and Energy:
Ana Soto, Jon Roe and Eva Dunn, respectively' -> Ana Soto the Minister of Trade and Industry, Jon Roe the Minister of
Health, Eva Dunn the Minister of Energy. The portfolios are cut at their commas (a portfolio may hold an 'and':
'Trade and Industry'), or at 'and' when no comma cuts them; the list is read only when as many portfolios as names
are found, so the count settles which comma opens the names. The words are rows of flows/lexicon/lists.toml
([portfolio_lists])."""
from __future__ import annotations

from functools import lru_cache

from flows.extract.names import Tok, read_name, skip_courtesy, title_lexicon
from flows.extract.titles import Found
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _rows() -> dict:
    data = read_toml("lists.toml")["portfolio_lists"]
    cuts, joins = frozenset(data["portfolio_cuts"]), frozenset(data["portfolio_joins"])
    offices = sorted(((tuple(p.lower().split()), s) for p, s in data["offices"]), key=lambda o: len(o[0]), reverse=True)
    return {"offices": offices, "respectively": data["respectively"], "openers": frozenset(data["openers"]),
            "separators": cuts | joins, "links": frozenset(data["office_links"]), "cuts": cuts, "joins": joins}


def _office_at(toks: list[Tok], k: int) -> tuple[int, str] | None:
    """(width, singular office) of a plural office followed by 'of' at token k ('Ministers of', 'Secretaries of
    State for'), or None."""
    for words, single in _rows()["offices"]:
        n = len(words)
        if tuple(t.text.lower() for t in toks[k:k + n]) == words and k + n < len(toks) and \
                toks[k + n].text.lower() in _rows()["links"]:
            return n, f"{single} {toks[k + n].text.lower()}"
    return None


def _names(toks: list[Tok], k: int, stop: int) -> list[tuple[int, int]] | None:
    """The names from k up to `stop` (the 'respectively'), one between two separators; None unless the names fill it."""
    seps = _rows()["separators"]
    names: list[tuple[int, int]] = []
    while k < stop:
        while k < stop and toks[k].text in seps:
            k += 1
        if k >= stop:
            break
        first = skip_courtesy(toks, k)
        end = min(read_name(toks, first), stop)
        if end - first < 2 or (end < stop and toks[end].text not in seps):
            return None
        names.append((first, end))
        k = end
    return names


def _portfolios(toks: list[Tok], start: int, end: int) -> list[str]:
    """The portfolios from start to end: cut at commas (a leading 'and' dropped), or at 'and' when no comma cuts."""
    rows = _rows()
    parts: list[list[str]] = [[]]
    for t in toks[start:end]:
        if t.text in rows["cuts"]:
            parts.append([])
        elif not (t.text in rows["joins"] and not parts[-1]):
            parts[-1].append(t.text)
    if len(parts) == 1:
        parts = [[]]
        for t in toks[start:end]:
            if t.text in rows["joins"]:
                parts.append([])
            else:
                parts[-1].append(t.text)
    return [" ".join(p) for p in parts if p]


def _is_portfolio(part: str) -> bool:
    """Whether a portfolio ends on a portfolio word ('Regional Integration'); a name ('Jon Roe') does not."""
    return part.split()[-1] in title_lexicon()["portfolio"]


def may_hold(sentence: str) -> bool:
    """Whether the sentence may hold a 'respectively' list: the word after a space, as written (the cheap test before
    the sentence is read token by token; most sentences hold none)."""
    return " " + _rows()["respectively"] in sentence


def portfolio_lists(toks: list[Tok]) -> list[Found]:
    """Each name of a 'respectively' list with the office of its portfolio (no country: the side is read later)."""
    rows = _rows()
    found: list[Found] = []
    for r, tok in enumerate(toks):
        if tok.text.lower() != rows["respectively"]:
            continue
        stop = r - 1 if r and toks[r - 1].text == "," else r
        opening = next(((k, hit) for k in range(r - 1, -1, -1) if (hit := _office_at(toks, k))), None)
        if opening is None or any(t.text in (".", rows["respectively"]) for t in toks[opening[0]:r]):
            continue
        k, (width, office) = opening
        first = k + width + 1
        for c in range(first + 1, stop):
            if toks[c].text not in rows["openers"]:
                continue
            names = _names(toks, c + 1, stop)
            parts = _portfolios(toks, first, c)
            if names and len(names) >= 2 and len(names) == len(parts) and all(map(_is_portfolio, parts)):
                found += [Found(a, b, f"{office} {part}", None, "none") for (a, b), part in zip(names, parts)]
                break
    return found
