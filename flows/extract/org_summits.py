"""A side at a body's own meeting belongs to the body: "the two leaders talked during the G20 summit in Osaka", "the
prince headed the kingdom's delegation to the ASEAN Leaders' Summit", "the ministers met during the
ASEAN Regional Forum". Words in flows/lexicon/organizations.toml (summit_cues, summit_between, summit_qualifiers,
summit_nouns, summit_names).

Who attended is seldom a country name ("Lee and Ito met at the G7 summit"), so the body's member list
(organization_members.csv) says which sides: both must be on it. A body with no member list counts only in a
sentence that names both sides. "Discussed the upcoming SCO summit" (no place in the meeting), "following the BRICS
summit" and "signed during the ASEAN Summit" in a text on Korea and the Philippines (one side off the list) are no
membership."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.org_members import belonging, has_member_list
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _summit(names: tuple[str, ...]) -> re.Pattern[str]:
    """The cue, then the body's name (`names`: every form of a known name, as written), then its meeting noun."""
    data = read_toml("organizations.toml")
    cue = (r"(?:" + alternation(data["summit_cues"], "i", longest_first=False, escape=False) + r"|(?P<agent>"
           + alternation(data["summit_agent_cues"], "i", longest_first=False, escape=False) + r"))")
    between = alternation(data["summit_between"], longest_first=False, escape=False)
    qualifier = alternation(data["summit_qualifiers"], longest_first=False, escape=False)
    noun = alternation(data["summit_nouns"], longest_first=False, escape=False)
    name = alternation(names)
    return re.compile(
        cue + r"\s+(?:" + between + r"\s+)*(?:(?P<org>" + name + r")(?![\w-])"
        r"(?P<noun>(?:[’']s)?\s+(?:" + qualifier + r"\s+)?" + noun + r"\b)?"
        # 'on the sidelines of the summit of the Shanghai Cooperation Organisation': the noun first
        r"|(?P<of>" + noun + r")\s+of\s+(?:the\s+)?(?P<org_after>" + name + r")(?![\w-]))"
    )


def attended(sentence: str, countries: list[CountryMention], pair: tuple[str, str], acronym_of: dict[str, str],
             names: tuple[str, ...]) -> list[tuple[str, tuple[str, ...]]]:
    """(acronym, sides) for each known body whose own meeting the sentence puts a side at. `acronym_of` maps every
    form of a known name to its acronym; `names` are its keys, sorted once by the caller."""
    out: list[tuple[str, tuple[str, ...]]] = []
    named = {c.iso3 for c in countries}
    for m in _summit(names).finditer(sentence):
        org = m.group("org") or m.group("org_after")
        if m.group("noun") is None and m.group("of") is None and org.split()[-1] not in _meeting_names():
            continue  # 'at the EU' is no meeting; 'during the ASEAN Regional Forum' is one by its name
        acronym = acronym_of[org]
        sides: tuple[str, ...] = tuple(pair)
        if has_member_list(acronym):
            if belonging(acronym, pair) != tuple(pair):
                # one side off the list: only a side named as the one who hosted or went ('Ghana hosted the
                # ECOWAS summit' in a Ghana-Spain story); 'signed during the ASEAN summit' tells nothing of who
                sides = _agent(countries, m, acronym, pair)
                if not sides:
                    continue
        elif not set(pair) <= named:
            continue  # no member list: only a sentence naming both sides says both were there
        if acronym not in [a for a, _ in out]:
            out.append((acronym, sides))
    return out


def _agent(countries: list[CountryMention], m: re.Match, acronym: str, pair: tuple[str, str]) -> tuple[str, ...]:
    """The side on the body's list that the sentence names before an agent cue ('Ghana's president attended'), in
    the same clause (no full stop or semicolon between), or nothing."""
    if m.group("agent") is None:
        return ()
    before = [c.iso3 for c in countries if c.end <= m.start() and c.iso3 in belonging(acronym, pair)
              and not CLAUSE_BREAK.search(m.string, c.end, m.start())]
    return (before[-1],) if before else ()


CLAUSE_BREAK = re.compile(r"[.;]\s")


@lru_cache(maxsize=1)
def _meeting_names() -> frozenset[str]:
    return frozenset(read_toml("organizations.toml")["summit_names"])
