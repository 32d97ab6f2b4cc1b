"""The sides of a mission from the city it is in: 'Arland opened honorary consulates in Pune and Kochi' in a story
about Arland and India names India only by its cities, so the clause reader may take the sides in the wrong order;
a mission in a city of one side of the pair was opened by the other side. The cities are rows of
flows/lexicon/mission_cities.csv (main cities that are no capital; capitals are countries' names already)."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from flows.common.dates import explicit_mention
from flows.common.words import alternation
from flows.extract.countries import CountryMention, other_side
from flows.extract.event_rows import EventRow
from flows.lexicon import read_table, read_toml

# the event types whose target is the country a mission is in
MISSION_TYPES = frozenset({"embassy_opened"})


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, str], re.Pattern[str]]:
    """city (lower case) -> iso3, and the pattern of 'in <city>( and <city>)*' (the cities a mission is in)."""
    by_name = {row["city"].lower(): row["iso3"] for row in read_table("mission_cities.csv")}
    city = alternation(sorted({row["city"] for row in read_table("mission_cities.csv")}))
    pattern = re.compile(r"\bin\s+(?:the\s+cit(?:y|ies)\s+of\s+)?(?P<cities>" + city + r"(?:\s*(?:,|and|&)\s*(?:"
                         + city + r"))*)(?![\w-])")
    return by_name, pattern


def city_countries(text: str) -> set[str]:
    """The countries of the cities a mission is said to be 'in' ('consulates in Pune and Kochi' -> {'IND'})."""
    by_name, pattern = _cities()
    found: set[str] = set()
    for match in pattern.finditer(text):
        for name in re.split(r"\s*(?:,|\band\b|&)\s*", match.group("cities")):
            key = re.sub(r"\s+", " ", name.strip()).lower()
            if key in by_name:
                found.add(by_name[key])
    return found


def mission_sides(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                  rows: list[EventRow]) -> list[EventRow]:
    """Each mission opening of the pair whose clause puts it in cities of one side only: opened by the other side;
    then the openings the sentence lists after its first (each side's with its year, a conjunct with no verb)."""
    if pair is None:
        return rows
    out = []
    for row in rows:
        hosts = city_countries(sentence[row.start:row.end]) if row.event_type in MISSION_TYPES else set()
        if len(hosts) == 1 and {row.actor, row.target} == set(pair) and row.target not in hosts:
            host = hosts.pop()
            row = replace(row, actor=pair[1] if pair[0] == host else pair[0], target=host)
        out.append(_placed(sentence, countries, pair, row))
    out = _state_offices(sentence, out)
    return _reciprocal(sentence, _elided(sentence, pair, _each_side(sentence, countries, pair, out)))


def _placed(sentence: str, countries: list[CountryMention], pair: tuple[str, str], row: EventRow) -> EventRow:
    """A mission whose trigger is followed by the place it is in ('... and the opening of Ruritania's embassy in
    Freedonia's capital ...', 'the founding of the Ruritanian embassy in Zenda in 1990') is in that side, and the other
    side opened it, whatever country the clause names first (a sentence telling two openings gives the second the
    first one's sides otherwise). Not a list of places ('their embassies in Zenda and Strelsau': one each way)."""
    if row.event_type not in MISSION_TYPES:
        return row
    end = row.trigger_start + len(row.trigger)
    gap, more = _mission_words()["placed_gap"], _mission_words()["placed_more"]
    host = next((found.iso3 for found in sorted(countries, key=lambda found: found.start)
                 if found.start >= end and found.kind in ("name", "capital")
                 and gap.fullmatch(sentence, end, found.start) and not more.match(sentence, found.end)), None)
    if host is None or host not in pair or host == row.target:
        return row
    return replace(row, actor=other_side(pair, host), target=host)


@lru_cache(maxsize=1)
def _mission_words() -> dict:
    data = read_toml("events_acts.toml")["missions"]
    return {"reciprocal": re.compile(data["reciprocal"], re.I), "reach": int(data["reciprocal_reach"]),
            "office": re.compile(data["office_opening"], re.I), "firm": re.compile(data["office_firm"], re.I),
            "firm_reach": int(data["office_firm_reach"]), "closing": re.compile(data["closing"], re.I),
            "placed_gap": re.compile(data["placed_gap"], re.I), "placed_more": re.compile(data["placed_more"], re.I)}


def in_each_other(sentence: str, trigger_start: int, trigger: str, end: int | None = None) -> bool:
    """'Legations of chargé rank were set up in each other's capital cities in 1975': the place of the missions
    names both sides of the pair, with no subject naming either (one opening each way, made by _reciprocal)."""
    words = _mission_words()
    stop = trigger_start + len(trigger) + words["reach"]
    return words["reciprocal"].search(sentence[trigger_start:stop if end is None else min(end, stop)]) is not None


def closes_mission(trigger: str) -> bool:
    """A trigger that shuts an embassy or consulate ('the consulate was closed', 'closed its embassy')."""
    return _mission_words()["closing"].search(trigger) is not None


def mission_told_before(event_type: str, trigger: str, last_type: str | None, last_trigger: str) -> bool:
    """A mission's closing told right after its opening ('The embassy was closed in 1988' after 'In 1970 Arland
    opened an embassy in Borvia'), or its reopening right after that closing ('Five years later the embassy was
    reopened'): the same mission, whose sides the clause before holds."""
    closing = _mission_words()["closing"]
    if event_type == "other" and closes_mission(trigger):
        return last_type in MISSION_TYPES
    return event_type in MISSION_TYPES and last_type == "other" and closing.search(last_trigger) is not None


def _state_offices(sentence: str, rows: list[EventRow]) -> list[EventRow]:
    """Without the office openings ('other') done by a firm: a firm word before the trigger in its clause."""
    words = _mission_words()
    return [row for row in rows if not (
        row.event_type not in MISSION_TYPES and words["office"].search(row.trigger)
        and words["firm"].search(sentence, max(row.start, row.trigger_start - words["firm_reach"]), row.trigger_start))]


def _reciprocal(sentence: str, rows: list[EventRow]) -> list[EventRow]:
    """'Arland and Borvia set up resident embassies in each other's capital cities in 1990': an opening each way, the one the clause reader made
    and the same act with the sides swapped (unless the sentence tells an opening that way already)."""
    words = _mission_words()
    out = list(rows)
    for row in rows:
        if row.event_type not in MISSION_TYPES or not in_each_other(sentence, row.trigger_start, row.trigger, row.end):
            continue
        if not any(other.event_type in MISSION_TYPES and (other.actor, other.target) == (row.target, row.actor)
                   for other in out):  # each side's own year told ('beginning with A's in 1981 and B's in 1988')
            out.append(replace(row, actor=row.target, target=row.actor, place=None))
    return out


def _template(rows: list[EventRow]) -> EventRow | None:
    """The opening a verbless conjunct repeats: a mission's, else an office's ('opened a trade office in 1958, and its
    embassy in 1963': the embassy is the same side's, an embassy_opened)."""
    template = next((row for row in rows if row.event_type in MISSION_TYPES), None)
    if template is not None:
        return template
    office = next((row for row in rows if _mission_words()["office"].search(row.trigger)), None)
    return replace(office, event_type=next(iter(MISSION_TYPES))) if office is not None else None


@lru_cache(maxsize=1)
def _list_words() -> dict[str, re.Pattern[str]]:
    data = read_toml("events.toml")["mission_lists"]
    return {"elided": re.compile(data["elided"] + data["years"] + data["elided_end"], re.I),
            "each_side": re.compile(data["each_side"], re.I), "each_item": re.compile(data["each_item"]),
            "year": re.compile(r"(?:1[89]|20)\d\d"), "join": re.compile(r"\s*(?:,\s*)?(?:and\s+|,\s*)")}


def _year_row(template: EventRow, sentence: str, at: int, actor: str, target: str) -> EventRow:
    """The template's opening, by actor in target, in the year written at `at`."""
    text = sentence[at:at + 4]
    mention = explicit_mention(at, at + 4, text, int(text))
    return replace(template, actor=actor, target=target, date=mention, resolution="explicit", inherited=False,
                   place=None)


def _each_side(sentence: str, countries: list[CountryMention], pair: tuple[str, str],
               rows: list[EventRow]) -> list[EventRow]:
    """'missions in each other's capitals, beginning with Arland's in 1981 and Borvia's in 1988': each side's own
    opening in its year, in place of the openings the clause reader dated with them."""
    words = _list_words()
    template = next((row for row in rows if row.event_type in MISSION_TYPES), None)
    if template is None:
        return rows  # the loop below skips every country without a template: the rows as they are (speed)
    ordered = sorted(countries, key=lambda found: found.start)
    for k, first in enumerate(ordered):
        if template is None or not words["each_side"].search(sentence, max(0, first.start - 30), first.start):
            continue
        items, at = [], k
        while at < len(ordered):
            item = words["each_item"].match(sentence, ordered[at].end)
            if item is None or ordered[at].iso3 not in pair:
                break
            items.append((ordered[at].iso3, item.start("year")))
            join = words["join"].match(sentence, item.end())
            if join is None or at + 1 >= len(ordered) or ordered[at + 1].start != join.end():
                break
            at += 1
        if len(items) < 2 or len({iso for iso, _ in items}) < 2:
            continue
        years = {int(sentence[year_at:year_at + 4]) for _, year_at in items}
        rows = [row for row in rows if not (row.event_type in MISSION_TYPES and row.date is not None
                                            and row.date.value is not None and row.date.value.year in years)]
        rows += [_year_row(template, sentence, year_at, iso, other_side(pair, iso))
                 for iso, year_at in items]
    return rows


def _elided(sentence: str, pair: tuple[str, str], rows: list[EventRow]) -> list[EventRow]:
    """'The embassy opened in 1964, and honorary consulates in Pune and Kochi in 1976 and 2000 respectively': a
    conjunct with no verb after an opening tells more openings, one a year (by the other side of a city's country)."""
    words = _list_words()
    template = _template(rows)
    if template is None:
        return rows
    added: list[EventRow] = []
    for match in words["elided"].finditer(sentence, template.trigger_start):
        hosts = city_countries(match.group())
        actor, target = template.actor, template.target
        if len(hosts) == 1 and hosts <= set(pair):
            target = hosts.pop()
            actor = other_side(pair, target)
        for year in words["year"].finditer(match.group("years")):
            at = match.start("years") + year.start()
            if not any(row.event_type in MISSION_TYPES and row.date is not None and row.date.start == at
                       for row in rows + added):
                added.append(_year_row(template, sentence, at, actor, target))
    return rows + added
