"""Who belongs to a well-known organization (flows/lexicon/organization_members.csv), for the memberships the text
only implies by naming a known organization in a sentence about the pair: the sides that belong to it.

'Georgia and Moldova share the goal of EU membership' (neither is on the list: no membership), 'Our exports make
Vietnam our third market in ASEAN' said by New Zealand (Vietnam is the member, not New Zealand). An organization
without a member list keeps the old reading: named about the pair, shared by both."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.extract.countries import CountryMention
from flows.lexicon import read_table, read_toml

OTHERS_OF_BODY = re.compile(read_toml("organizations.toml")["others_of_body"])


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


def with_the_others(sentence: str, countries: list[CountryMention], pair: tuple[str, str], known: re.Pattern,
                    acronym_of: dict[str, str]) -> list[tuple[str, str]]:
    """(organization, side) for 'Ruritania and all other members of the Andean Pact protested': the side named
    before 'and the other members of' belongs to the known body after it, when its member list allows."""
    out = []
    for c in countries:
        after = OTHERS_OF_BODY.match(sentence, c.end) if c.iso3 in pair and c.kind == "name" else None
        body = known.match(sentence, after.end()) if after else None
        if body and belonging(acronym_of[body.group("org")], (c.iso3,)):
            out.append((acronym_of[body.group("org")], c.iso3))
    return out
