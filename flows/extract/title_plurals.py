"""Plural offices after two names: 'Mr. Jon Roe and Mr. Paul Kerr, Vice-Chairmen of the Congress' gives both the
office 'Vice-Chairman of the Congress'. A delegation list on an embassy page names two holders of one office this way.

The plural forms are made from the title heads (titles.toml `heads`): the last word takes its plural ('Chairman' ->
'Chairmen', 'Secretary' -> 'Secretaries', 'Councilor' -> 'Councilors'), or in an 'X of Y' head the word before 'of'
('Ministers of State', 'Chiefs of Staff'), and a '-General' office pluralises either part ('Secretaries-General',
'Secretary-Generals')."""
from __future__ import annotations

from functools import lru_cache

from flows.extract.names import Tok, match_seq, read_name, skip_courtesy
from flows.lexicon import read_toml


def _plural(word: str) -> list[str]:
    """The plural spellings of a head's last word ('Chairman' -> ['Chairmen'], 'Secretary-General' -> two)."""
    if "-" in word and word.endswith("-General"):
        first = word[: -len("-General")]
        return [p + "-General" for p in _plural(first)] + [word + "s"]
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "s"]


@lru_cache(maxsize=1)
def plural_heads() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each plural head (as tokens) and the singular head it stands for; heads already plural are left out."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for head in read_toml("titles.toml")["heads"]:
        words = head.split()
        at = words.index("of") - 1 if "of" in words[1:] else len(words) - 1  # 'Minister of State': 'Minister'
        if not words[at][:1].isupper() or words[at].endswith("s"):
            continue  # 'member', 'lawmaker' are lower-case heads read elsewhere; 'Ministers' is already a head
        for plural in _plural(words[at]):
            out.setdefault(tuple(words[:at] + [plural] + words[at + 1:]), tuple(words))
    return out


def plural_head_at(toks: list[Tok], i: int) -> tuple[int, tuple[str, ...]] | None:
    """(width, singular head) of a plural head at token i, or None."""
    heads = plural_heads()
    width = match_seq(toks, i, _sorted_plurals())
    if not width:
        return None
    return width, heads[tuple(t.text for t in toks[i:i + width])]


@lru_cache(maxsize=1)
def _sorted_plurals() -> list[tuple[str, ...]]:
    """The plural heads, longest first: one list object a process (names.match_seq indexes a list by its identity)."""
    return sorted(plural_heads(), key=len, reverse=True)


def _after_courtesy(toks: list[Tok], i: int) -> bool:
    """A one-word name is a name when a form of address stands right before it ('Hon. Roe')."""
    return any(skip_courtesy(toks, k) == i for k in range(max(0, i - 4), i))


def second_of_pair(toks: list[Tok], name_end: int) -> tuple[int, int] | None:
    """(start, end) of the name after 'and' at name_end, past forms of address ('A and Hon. B'), or None."""
    if name_end >= len(toks) or toks[name_end].text != "and":
        return None
    start = skip_courtesy(toks, name_end + 1)
    end = read_name(toks, start)
    if end == start or (end - start < 2 and start == name_end + 1):
        return None  # 'A and Ruritania': one word with no form of address names no one here
    return start, end


def plural_office_after(toks: list[Tok], name_end: int) -> bool:
    """'A and B, Vice-Chairmen of X' after the name A ending at name_end: the office after B is A's as well."""
    second = second_of_pair(toks, name_end)
    if second is None:
        return False
    end = second[1]
    return end + 1 < len(toks) and toks[end].text == "," and plural_head_at(toks, end + 1) is not None


def is_courtesy_name(toks: list[Tok], i: int, e: int) -> bool:
    """A name of one word after a form of address ('Hon. Roe'), which the apposition reader may take."""
    return e - i == 1 and i > 0 and _after_courtesy(toks, i) and toks[i].text[:1].isupper()
