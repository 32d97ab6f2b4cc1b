"""A group's office shared by the names it lists: 'American leaders such as Jon Roe and Ana Lima', 'Peruvian
ministers including Jon Roe, Ana Lima and Pablo Soto' (split from titles.py: a list shape, not a title's own)."""
from __future__ import annotations

from flows.extract.names import Tok, match_seq, read_name, title_lexicon
from flows.extract.titles import Found

GROUP_CUES = (("such", "as"), ("including",), ("among", "them"))
MODIFIER_REACH = 2  # lower-case modifiers before the plural head ('senior government officials such as')


def _cue_at(toks: list[Tok], i: int) -> int:
    """Width of the list cue at token i ('such as', 'including'), 0 if none."""
    for cue in GROUP_CUES:
        if tuple(t.text.lower() for t in toks[i:i + len(cue)]) == cue:
            return len(cue)
    return 0


def _group_office(toks: list[Tok], i: int) -> tuple[int, str | None] | None:
    """(start, country) of the plural office that ends right before token i ('American leaders'); None if none."""
    lex = title_lexicon()
    for width in (2, 1):
        h = i - width
        if h >= 0 and match_seq(toks, h, lex["lower_plural"], lower=True) == width:
            break
    else:
        return None
    start = h
    while start > 0 and h - start < MODIFIER_REACH and toks[start - 1].text in lex["lower_modifiers"]:
        start -= 1
    if start > 0 and toks[start - 1].country is not None and toks[start - 1].country.kind == "demonym":
        return start - 1, toks[start - 1].country.iso3
    return start, None


def group_members(toks: list[Tok], taken: set[int]) -> list[Found]:
    """The names a plural office lists with 'such as' or 'including', each with the office made singular and the
    demonym's country ('American leaders such as Jon Roe and Ana Lima': two American leaders)."""
    found: list[Found] = []
    for i in range(1, len(toks) - 2):
        width = _cue_at(toks, i)
        office = _group_office(toks, i) if width else None
        if office is None:
            continue
        start, country = office
        role = " ".join(t.text for t in toks[start:i])[:-1]  # the plural head is a lower head and an 's'

        k = i + width
        while True:
            e = read_name(toks, k)
            if e - k < 2 or taken & set(range(k, e)):
                break
            found.append(Found(k, e, role, country, "explicit" if country else "none"))
            if e + 1 < len(toks) and toks[e].text == "," and toks[e + 1].text == "and":
                k = e + 2
            elif e < len(toks) and toks[e].text in (",", "and"):
                k = e + 1
            else:
                break
    return found
