"""A visit told only in the headline over the story (helper ev27b, session 17).

A headline is no sentence (flows/extract/sentences.py reads lines that close with a stop), so a story whose body
tells only the greeting and the talks ("Guards of honour greeted the guest at the palace this morning. The
leaders then talked for an hour.") under the line "Ruritanian President Pays State Visit to Borvia" lost its visit. The
headline's present tense is the news of the publication day: the visit takes that day, as a visit told under way
does (tests/realnews/README.md). Read only when the body tells no visit between the two sides, so that a body
telling the visit with its own days keeps them. The words are `[headlines]` of flows/lexicon/events.toml."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from flows.common.dates import DateMention, publication_mention
from flows.extract.countries import find_countries, other_side
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml
from flows.lexicon.registry import family

STOPS = (".", "!", "?", ";")


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = read_toml("events.toml")["headlines"]
    compiled = {key: re.compile(data[key], re.I) for key in ("visit", "visit_object", "target_after", "plan")}
    compiled["kinds"] = {kind: re.compile(rx, re.I) for kind, rx in data["kinds"].items()}
    compiled["lines_back"], compiled["max_words"] = int(data["lines_back"]), int(data["max_words"])
    compiled["together"], compiled["days_back"] = set(data["together"]), int(data["days_back"])
    compiled["verbs_alone"] = set(data["verbs_alone"])
    return compiled


def _lines(heading: str, count: int) -> list[tuple[int, int]]:
    """The last `count` lines of the heading with words in them (the headline sits right over the story)."""
    spans, pos = [], 0
    for line in heading.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            spans.append((pos + lead, pos + len(body.rstrip())))
        pos += len(line)
    return spans[-count:]


def headline_visit(heading: str, pair: tuple[str, str] | None, published: date | None,
                   told: list[dict]) -> tuple[EventRow, int, int] | None:
    """The visit a headline tells ('Premier Visits Borvia'), with its line's span in the text, or None: no pair, no
    publication day, a plan ('Premier to Visit Borvia'), no side of the pair named as the host, or a body that
    already tells a visit between the two."""
    if pair is None or published is None:
        return None
    if any(family(row["event_type"]) == "visit" and {row["actor_iso3"], row["target_iso3"]} == set(pair)
           for row in told):
        return None
    rules = _rules()
    for start, end in _lines(heading, rules["lines_back"]):
        line = heading[start:end]
        words = len(line.split())
        if line.endswith(STOPS) or not 3 <= words <= rules["max_words"] or rules["plan"].search(line):
            continue
        verb = rules["visit"].search(line)
        if verb is None or (verb.group(0).split()[0].lower() not in rules["verbs_alone"]
                            and rules["visit_object"].search(line) is None):
            continue  # 'Minister Pays Tribute to ...': no visit noun after the verb
        if any(country.iso3 not in pair for country in find_countries(line) if country.start < verb.start()):
            continue  # 'Ruritanian President Visits Borvia' over a Borvia–Arland story: the visitor is not the pair's
        hosts = [country.iso3 for country in find_countries(line) if country.start >= verb.start()
                 and country.iso3 in pair and rules["target_after"].search(line[:country.start])]
        if not hosts:
            continue
        target = hosts[0]
        actor = other_side(pair, target)
        kind = next((name for name, rx in rules["kinds"].items() if rx.search(line)), "official_visit")
        mention, resolution = _story_day(told, pair, published)
        row = EventRow(kind, actor, target, 0, len(line), verb.group(0), mention, resolution, "occurred", False, None)
        return row, start, end
    return None


def _story_day(told: list[dict], pair: tuple[str, str], published: date) -> tuple[DateMention, str]:
    """The visit's day: the earliest day the body places both sides together in the days before publication (made
    up: 'Ruritanian President Visits Borvia' over 'the presidents held talks on Saturday', published on Monday: the
    visitor was there on Saturday, tests/realnews/README.md), else the publication day."""
    days = [row["event_date"] for row in told
            if family(row["event_type"]) in _rules()["together"] and row["status"] == "occurred"
            and row["date_precision"] == "day" and row["event_date"] is not None
            and {row["actor_iso3"], row["target_iso3"]} == set(pair)
            and 0 <= (published - row["event_date"]).days <= _rules()["days_back"]]
    if not days:
        return publication_mention(published), "publication"
    day = min(days)
    return DateMention(0, 0, "", day, "day", "anaphora", f"the body's day of talks ({day})"), "anaphora"
