"""Whether two meetings of one day between the same sides are two: the people each clause names. 'The President
met King A on Monday' and 'The Minister also met Crown Prince B on Monday' are two meetings (each names someone the
other does not), while 'The two leaders also discussed trade' (no one named) or 'President X and King A held talks'
(no one new) tell the first meeting again (document._add_events)."""
from __future__ import annotations

from typing import Sequence


def other_company(people: Sequence[str] | None, told: Sequence[str] | None) -> bool:
    """Two sets of at least two named people (both sides named) of which neither holds the other: 'X and A' against
    'X and B'. A third person told beside the first two ('X, A and the interpreter C') holds them, so is the same
    meeting; 'Kenyatta' is 'Uhuru Kenyatta'; one name alone ('he met the students') may be one side's only."""
    mine, theirs = _names(people), _names(told)
    if len(mine) < 2 or len(theirs) < 2:
        return False
    return not _holds(theirs, mine) and not _holds(mine, theirs)


def _names(people: Sequence[str] | None) -> set[tuple[str, ...]]:
    return {tuple(name.casefold().split()) for name in people or () if name.split()}


def _holds(names: set[tuple[str, ...]], others: set[tuple[str, ...]]) -> bool:
    """Every name of `others` is one of `names`, or the end of one ('Kenyatta' in 'Uhuru Kenyatta'), or ends so."""
    def same(one: tuple[str, ...], two: tuple[str, ...]) -> bool:
        short, long = sorted((one, two), key=len)
        return long[len(long) - len(short):] == short
    return all(any(same(other, name) for name in names) for other in others)
