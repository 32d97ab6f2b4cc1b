"""Two blocs as the parties of one relation, the pair split across them: each side belongs to its own bloc. "Talks
between the European Union and the Andean bloc" in an Italy-Peru story, "the EU-Mercosur deal" in a Spain-Brazil
one: Italy (Spain) is the EU's member, Peru (Brazil) the other bloc's. The member lists
(organization_members.csv) decide: one side on the first list only, the other on the second list only.

'Dialogue between Mercosur and the EU' in an Argentina-Uruguay story names no side's own bloc on the EU's part
(both are Mercosur's), and is left to the other readings."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.org_members import belonging, has_member_list


@lru_cache(maxsize=1)
def _blocs(names: tuple[str, ...]) -> re.Pattern[str]:
    """'between (the) A and (the) [up to four words] B', or 'A-B' joined by a hyphen or dash."""
    name = alternation(names)
    return re.compile(
        r"\bbetween\s+(?:the\s+)?(?P<a>" + name + r")\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
        r"(?P<b>" + name + r")\b"
        r"|(?<![\w-])(?P<c>" + name + r")\s*[-–]\s*(?P<d>" + name + r")(?![\w-])"
    )


def bloc_sides(sentence: str, pair: tuple[str, str], acronym_of: dict[str, str],
               names: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(acronym, (side,)) for each of two known blocs the sentence makes parties of one relation, when one side of
    the pair is on each bloc's member list only. `acronym_of` maps every form of a known name to its acronym;
    `names` are its keys, sorted once by the caller (the pattern is compiled for them)."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for m in _blocs(names).finditer(sentence):
        first, second = (acronym_of[m.group("a") or m.group("c")], acronym_of[m.group("b") or m.group("d")])
        if first == second or not (has_member_list(first) and has_member_list(second)):
            continue
        own_first = set(belonging(first, pair)) - set(belonging(second, pair))
        own_second = set(belonging(second, pair)) - set(belonging(first, pair))
        if len(own_first) == 1 and len(own_second) == 1:
            out += [(first, tuple(own_first)), (second, tuple(own_second))]
    return out
