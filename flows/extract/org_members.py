"""Who belongs to a well-known organization (flows/lexicon/organization_members.csv), for the memberships the text
only implies by naming a known organization in a sentence about the pair: the sides that belong to it.

'Georgia and Moldova share the goal of EU membership' (neither is on the list: no membership), 'Our exports make
Vietnam our third market in ASEAN' said by New Zealand (Vietnam is the member, not New Zealand). An organization
without a member list keeps the old reading: named about the pair, shared by both."""
from __future__ import annotations

from functools import lru_cache

from flows.lexicon import read_table


@lru_cache(maxsize=1)
def _members() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for row in read_table("organization_members.csv"):
        table.setdefault(row["organization"], set()).add(row["iso3"])
    return {org: frozenset(isos) for org, isos in table.items()}


def has_member_list(organization: str) -> bool:
    return organization in _members()


def belonging(organization: str, countries: tuple[str, ...]) -> tuple[str, ...]:
    """The countries that belong to the organization: all of them when its member list is not known."""
    members = _members().get(organization)
    return countries if members is None else tuple(c for c in countries if c in members)
