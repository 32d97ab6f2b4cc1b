"""A person's side from the form of their name: in a story of Viet Nam and Egypt, 'Tran Dai Quang' (a Vietnamese family
name first) is Viet Nam's, whatever country was named nearest to him. Read only for a person whose country the text
does not state (no title's demonym, no 'of B', no leaders.csv row), and only when one side of the pair alone shares
the name's tradition (family_names.csv: a story of China and Singapore decides nothing by a Chinese family name)."""
from __future__ import annotations

from functools import lru_cache

from flows.extract.person_lists import KNOWN_CUES
from flows.extract.persons import Person, bare_name
from flows.lexicon import read_table


@lru_cache(maxsize=1)
def _traditions() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """(countries, family names) of each naming tradition whose names put the family name first."""
    return tuple((frozenset(row["countries"].split("|")), frozenset(row["family_names"].split("|")))
                 for row in read_table("family_names.csv") if row["family_names"])  # the Khmer row lists none yet


def side_by_name(name: str, pair: tuple[str, str]) -> str | None:
    """The one side of the pair whose naming tradition opens with the name's first word; None otherwise."""
    words = bare_name(name)
    if len(words) < 2:
        return None  # 'Tran' alone may be a later mention of anyone: a full name only
    sides = {c for countries, names in _traditions() if words[0] in names for c in countries if c in pair}
    return sides.pop() if len(sides) == 1 else None


def sides_by_name(people: list[Person], pair: tuple[str, str]) -> None:
    """Each person with no stated country whose name's form belongs to one side of the pair serves that side."""
    for person in people:
        if person.country_cue in KNOWN_CUES:
            continue
        side = side_by_name(person.name, pair)
        if side is not None:
            person.country, person.country_cue = side, "inferred"
