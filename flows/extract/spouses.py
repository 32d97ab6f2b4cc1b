"""Spouses: 'President Jon Roe and his wife, Ana Roe, arrived' - the spouse is the person's wife (or husband) and
shares their country, whatever country is named nearer the spouse ('received by the Elbonian President ... and his
wife, Y': Y is not Elbonian when the husband is a guest from Ruritania)."""
from __future__ import annotations

import re

from flows.common.words import alternation
from flows.extract.persons import Mention, Person
from flows.lexicon import read_toml

# 'his wife, ', 'her husband ', 'his wife, Mrs ': right before the spouse's name
SPOUSE_BEFORE = re.compile(r"\b(?P<own>his|her|[\w’'-]+(?:’s|'s))\s+(?P<tie>wife|husband|spouse)\s*,?\s*"
                           r"(?:(?:Mrs\.?|Madam|Mr\.?|Dr\.?)\s+)?$")
# 'Ana Roe, the wife of President Jon Roe,': the tie after the name
# 'President Jon Roe and First Lady Ana Roe': a spouse's office right after 'and' and the holder's name
COUPLE_GAP = re.compile(r"\s*,?\s+and\s+(?:the\s+)?" + alternation(read_toml("titles.toml")["spouse_heads"]) + r"\s+")
SPOUSE_AFTER = re.compile(r"^\s*,\s*(?:the\s+)?(?P<tie>wife|husband|spouse)\s+of\b")


def spouses(sentence: str, out: list[tuple[Person, Mention]]) -> None:
    """A person named as someone's spouse takes 'wife'/'husband' as role when the text gives none, and the other's
    country unless their own was stated (a demonym or an office of their own)."""
    for person, mention in out:
        before = SPOUSE_BEFORE.search(sentence, max(0, mention.start - 40), mention.start)
        after = SPOUSE_AFTER.match(sentence[mention.end:mention.end + 30])
        if before is not None:
            others = [(p, m) for p, m in out if m.end <= before.start() + len(before.group("own")) and p is not person]
            tie = before.group("tie")
            partner = max(others, key=lambda pm: pm[1].end)[0] if others else None
        elif after is not None:
            others = [(p, m) for p, m in out if m.start >= mention.end and p is not person]
            tie = after.group("tie")
            partner = min(others, key=lambda pm: pm[1].start)[0] if others else None
        else:
            continue
        if partner is None:
            continue
        if person.role is None:
            person.role = tie
        if person.country_cue != "explicit" and partner.country is not None:
            person.country, person.country_cue = partner.country, partner.country_cue or "inferred"


def couples(sentence: str, persons: list[tuple[Person, int, int]]) -> None:
    """'... greeted President Jon Roe and First Lady Ana Roe': the spouse named right after the holder and 'and'
    serves the holder's side, whatever country is named nearer (run after the hosts and guests have their sides)."""
    if "First" not in sentence:
        return  # every spouse head opens with it (speed)
    ordered = sorted(persons, key=lambda mention: mention[1])
    for (first, _, first_end), (second, second_start, _) in zip(ordered, ordered[1:]):
        if first is second or first.country is None or second.country_cue == "explicit":
            continue
        if COUPLE_GAP.fullmatch(sentence, first_end, second_start):
            second.country, second.country_cue = first.country, first.country_cue or "inferred"
