"""Names listed after a plural office, as an embassy page lists its envoys:

    Ambassadors of Arland to Borvia: Ana Soto (1990-1994), Jon Roe (1994-1998) and Eva Dunn (2001-2005)
    Arland's honorary consuls in Borvia are Ana Soto in Cusco and Jon Roe in Lima.
    Former Arlandese envoys to Borvia:  - Ana Soto  - Jon Roe

Each listed name held the office (singular), for the sending side: the country after 'of', before "'s", or its
demonym; a country after 'to', 'in' or 'at' is the host, not the side. The words are rows of
flows/lexicon/lists.toml ([office_lists])."""
from __future__ import annotations

from functools import lru_cache

from flows.extract.names import Tok, read_name, skip_courtesy, token_lowers
from flows.extract.titles import Found
from flows.lexicon import read_toml


DEPTH = {"(": 1, "[": 1, ")": -1, "]": -1}  # brackets hold an item's own words: '(1990 - 1994)'


@lru_cache(maxsize=1)
def _rows() -> dict:
    data = read_toml("lists.toml")["office_lists"]
    offices = {tuple(office.lower().split()): office for office in data["offices"]}
    openers = sorted((tuple(opener.split()) for opener in data["openers"]), key=len, reverse=True)
    hosts = sorted((tuple(word.split()) for word in data["host_before"]), key=len, reverse=True)
    plurals = frozenset(word + "s" for words in offices for word in words)
    return {"offices": offices, "plurals": plurals, "longest": max(len(words) for words in offices), "openers": openers,
            "hosts": hosts, "links": frozenset(data["links"]), "separators": frozenset(data["separators"]),
            "ends": frozenset(data["ends"]), "stops": frozenset(data["separators"]) | frozenset(data["ends"]),
            "possessive": frozenset(data["possessive"]), "reach": int(data["reach"])}


def _plural_office(toks: list[Tok], end: int) -> tuple[int, str] | None:
    """(start, office) of a plural office ending at token `end` (exclusive): 'Honorary Consuls' -> 'Honorary Consul',
    'Consuls General' -> 'Consul General'; one of its words carries the plural 's'."""
    rows = _rows()
    for size in range(min(rows["longest"], end), 0, -1):
        words = [tok.text.lower() for tok in toks[end - size:end]]
        for k, word in enumerate(words):
            if not word.endswith("s"):
                continue
            office = rows["offices"].get(tuple(words[:k] + [word[:-1]] + words[k + 1:]))
            if office is not None:
                return end - size, office
    return None


def _opener_at(toks: list[Tok], k: int) -> int:
    """How many tokens of a list opener start at k (':', 'have included', 'are'), or 0."""
    texts = tuple(tok.text.lower() for tok in toks[k:k + 3])
    return next((len(words) for words in _rows()["openers"] if texts[:len(words)] == words), 0)


def _office_before(toks: list[Tok], opener: int) -> tuple[str, str | None] | None:
    """(office, sending country) of the phrase right before an opener: a plural office, then only link words and
    countries; the sender is a country not right after a host word ('to Borvia')."""
    rows = _rows()
    sender = office = None
    k = opener
    while k > max(0, opener - rows["reach"]):
        found = _plural_office(toks, k)
        if found is not None:
            office, k = found[1], found[0]
            break
        tok = toks[k - 1]
        if tok.country is not None:
            start = k - 1
            while start > 0 and toks[start - 1].country is tok.country:
                start -= 1
            if not any(tuple(t.text.lower() for t in toks[start - len(words):start]) == words
                       for words in rows["hosts"] if start >= len(words)):
                sender = sender or tok.country.iso3
            k = start
        elif tok.text.lower() in rows["links"]:
            k -= 1
        else:
            return None
    if office is None:
        return None
    # 'Arland's ambassadors', 'Arlandese envoys': the sender right before the office
    before = toks[k - 2] if k >= 2 and toks[k - 1].text in rows["possessive"] else toks[k - 1] if k >= 1 else None
    if before is not None and before.country is not None:
        sender = before.country.iso3
    return office, sender


def office_lists(toks: list[Tok], taken: set[int]) -> list[Found]:
    """The names of each list that follows a plural office and an opener, each with the office and the sender."""
    rows = _rows()
    found: list[Found] = []
    if rows["plurals"].isdisjoint(token_lowers(toks)):  # the same test as any(...) over the tokens (speed)
        return found  # no plural office: no list to read (speed; the scan below finds none)
    for opener in range(1, len(toks)):
        size = _opener_at(toks, opener)
        if not size:
            continue
        office = _office_before(toks, opener)
        if office is None:
            continue
        for start, end in _names_after(toks, opener + size):
            if not any(x in taken for x in range(start, end)):
                found.append(Found(start, end, office[0], office[1], "explicit" if office[1] else "none"))
    return found


def _names_after(toks: list[Tok], k: int) -> list[tuple[int, int]]:
    """The names of a list starting at k, one an item: what follows a name up to the next separator outside brackets
    ('(1990-1994)', 'in Cusco') is the item's own, a form of address before a name is not ('Mr. Jon Roe'); a sentence
    end or an item that is no name ends the list."""
    rows = _rows()
    names: list[tuple[int, int]] = []
    while k < len(toks):
        while k < len(toks) and toks[k].text in rows["separators"]:
            k += 1
        k = skip_courtesy(toks, k)  # 'Mr. Jon Roe': the form of address is no part of the name
        end = read_name(toks, k) if k < len(toks) else k
        if end - k < 2:
            break
        names.append((k, end))
        k, depth = end, 0
        while k < len(toks) and not (depth == 0 and toks[k].text in rows["stops"]):
            depth += DEPTH.get(toks[k].text, 0)
            k += 1
        if k < len(toks) and toks[k].text in rows["ends"]:
            break
    return names
