"""Relations dated by their anniversary: 'the two countries marked the 30th anniversary of diplomatic ties in 2019'
tells that relations were set up in 1989, and 'as Arland and Borvia celebrate 40 years of diplomatic relations' in
a story of 2020 that they were set up in 1980. The year of the anniversary is a date of the sentence (the nearest),
else the story's own year when the anniversary is told as now ('this year marks', 'are celebrating', 'coincides
with'); the relations get that year less the count, at year precision. The words are rows of
flows/lexicon/anniversaries.toml."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache

from flows.common.dates import NUMBER_WORDS, DateMention
from flows.common.prefilter import gate
from flows.common.words import alternation
from flows.extract.countries import CountryMention, is_historic
from flows.extract.event_rows import EventRow, EventState
from flows.lexicon import read_toml

RELATIONS = "diplomatic_relations_established"
ANNIVERSARY = "anniversary_event"


@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("anniversaries.toml")
    patterns = data["patterns"]
    ordinals = dict(data["ordinal_words"])
    tens = {word: value for word, value in NUMBER_WORDS.items() if value in range(20, 100, 10)}
    relations = f"(?:{patterns['relations']})"
    ordinal = (rf"(?:(?P<digits>\d{{1,3}})(?:st|nd|rd|th)|(?P<tens>{alternation(tens)[3:-1]})?[-\s]?"
               rf"(?P<ordinal>{alternation(ordinals)[3:-1]}))")
    counted = alternation([word for word, value in NUMBER_WORDS.items() if value > 1])[3:-1]
    anniversary = "|".join([
        # 'our 40th (founding) anniversary (in 2019) of the establishment of ties', 'the 70th year anniversary of ties'
        rf"\b{ordinal}\s+(?:founding\s+|year\s+)?anniversary\s+(?:in\s+\d{{4}}\s+)?of\s+{relations}",
        # 'the centenary of their de jure ties'
        rf"\b(?P<noun>{alternation(data['years_of_noun'])[3:-1]})\s+of\s+{relations}",
        # 'a golden jubilee (50 years) of formal ties'
        rf"\bjubilee\s*\(\s*(?P<jubilee>\d{{1,3}})\s+years\s*\)\s+of\s+{relations}",
        # 'to mark 60 years of diplomatic relations' (a marking verb before it: see years_of)
        rf"\b(?P<years>\d{{1,3}}|{counted})\s+years\s+of\s+(?:the\s+|their\s+)?(?P<years_of>{patterns['years_of']})",
    ])
    return {
        "anniversary": re.compile(anniversary, re.I),
        # 'and both sides mark their 20th anniversary now': a bare count, nothing named after it
        "bare": re.compile(rf"\b(?:their|our)\s+{ordinal}\s+anniversary\b(?!\s+of\b)", re.I),
        "nouns": {word.lower(): value for word, value in data["years_of_noun"].items()},
        "ordinals": ordinals,
        "tens": tens,
        **{name: re.compile(patterns[name], re.I) for name in
           ("marking_verb", "own_date_before", "this_year", "now", "next_year", "plan", "parties_celebrate", "since")},
    }


def _count(match: re.Match[str]) -> int | None:
    """How many years the anniversary counts: '30th' 30, 'twenty-fifth' 25, 'centenary' 100, '40 years' 40."""
    words = _words()
    if match["digits"]:
        return int(match["digits"])
    if match["ordinal"]:
        unit = words["ordinals"][match["ordinal"].lower()]
        return unit + (words["tens"][match["tens"].lower()] if match["tens"] else 0)
    if match["noun"]:
        return words["nouns"].get(match["noun"].lower())
    if match["jubilee"]:
        return int(match["jubilee"])
    told = match["years"].lower()
    return int(told) if told.isdigit() else NUMBER_WORDS.get(told)


def _story_year(state: EventState) -> int | None:
    """The year the story tells as now: its publication's, else the year of the day it is about."""
    if state.published is not None:
        return state.published.year
    return state.anchor.value.year if state.anchor is not None and state.anchor.value is not None else None


def _anniversary_year(sentence: str, match: re.Match[str], count: int, dates: list[DateMention],
                      state: EventState) -> tuple[int, DateMention | None] | None:
    """The year the anniversary falls in, and the sentence's date that tells it (None for the story's year)."""
    words = _words()
    told = [mention for mention in dates if mention.value is not None and mention.precision in ("year", "month", "day")
            and not (match.start() <= mention.start < match.end())]
    story = _story_year(state)
    if told:
        nearest = min(told, key=lambda mention: min(abs(mention.start - match.start()), abs(mention.end - match.start())))
        if nearest.end_value is not None and nearest.end_value.year - nearest.value.year == count:
            # 'the 40th anniversary of relations (1980-2020)': the range runs from the ties to the anniversary
            return nearest.end_value.year, nearest
        if nearest.start >= match.end() and story is not None and abs(nearest.value.year + count - story) <= 1:
            # 'the 50th anniversary of ties in 1974' told in 2024: the year of the ties, not of the anniversary
            return nearest.value.year + count, nearest
        return nearest.value.year, nearest
    if story is None:
        return None
    if words["next_year"].search(sentence):
        return story + 1, None  # 'Arland and Borvia mark their 40th anniversary next year'
    if words["this_year"].search(sentence) or (words["now"].search(sentence) and not words["plan"].search(sentence)):
        return story, None
    return None


def _undated_now(sentence: str, match: re.Match[str], dates: list[DateMention], state: EventState) -> bool:
    """An anniversary the parties are told celebrating now ('This year, Arland celebrated 60 years of ... relations')
    in a story whose year is unknown (no publication, no day read yet) and whose sentence dates nothing."""
    words = _words()
    if _story_year(state) is not None or any(mention.value is not None for mention in dates):
        return False
    if words["plan"].search(sentence) or words["next_year"].search(sentence):
        return False
    return bool(words["this_year"].search(sentence)) and bool(words["marking_verb"].search(sentence, 0, match.start()))


def undated_anniversaries(rows: list[dict], state: EventState) -> list[tuple[str, EventRow]]:
    """The anniversaries told as now in an undated story, each dated by the one year the text gives the relations of
    its sides ('This year, Arland celebrated 60 years of ... relations.' ... 'relations were established on 7 May
    1964': 2024): the year must be the text's own (a written date, not one worked out from an anniversary) and the
    only one for those sides. Each is (its sentence, the anniversary row)."""
    out = []
    for count, sides, told, start, read in state.undated_anniversaries:
        years = {row["event_date"].year for row in rows if row["event_type"] == RELATIONS and row["event_date"]
                 and {row["actor_iso3"], row["target_iso3"]} == set(sides) and row["status"] == "occurred"
                 and not str(row.get("date_anchor") or "").startswith("anniversary ")}
        if len(years) != 1:
            continue
        value = date(years.pop() + count, 1, 1)
        mention = DateMention(start, start + len(told), told, value, "year", "relative",
                              "anniversary counted from the relations' year")
        out.append((read, EventRow(ANNIVERSARY, sides[0], sides[1], start, start + len(told), told, mention,
                                   "relative", "occurred", True, None, trigger_start=start)))
    return out


def _sides(countries: list[CountryMention], pair: tuple[str, str] | None) -> tuple[str, str] | None:
    """The two states the sentence names, else the story's pair (with the one state it names, if in the pair)."""
    named = list(dict.fromkeys(country.iso3 for country in countries if not is_historic(country.iso3)))
    if len(named) >= 2:
        return named[0], named[1]
    if pair is not None and (not named or named[0] in pair):
        return pair
    return None


def _year_mention(match: re.Match[str], value: date, told: DateMention | None) -> DateMention:
    anchor = f"anniversary dated '{told.text}'" if told is not None else "anniversary in the story's year"
    return DateMention(match.start(), match.end(), match.group(0), value, "year", "relative", anchor)


def anniversary_relations(sentence: str, countries: list[CountryMention], dates: list[DateMention],
                          state: EventState, rows: list[EventRow]) -> list[EventRow]:
    """The sentence's event rows with relations dated by an anniversary of them (and the anniversary itself when
    the parties are told celebrating it now); a relations row the anniversary's own words made is replaced."""
    words = _words()
    rows = _without_backdrop(sentence, dates, rows)
    rows = _counted_from_relations(sentence, rows)
    # the anniversary alternation costs ~30 us a sentence tried at every position; a sentence holding none of its
    # required words ('anniversary', 'jubilee', 'diplomatic' ...) cannot match it (the gate changes no output)
    if not gate(words["anniversary"]).open(sentence):
        return rows
    for match in words["anniversary"].finditer(sentence):
        if match["years_of"] and not words["marking_verb"].search(sentence, 0, match.start()):
            continue  # 'reviewed 150 years of bilateral relations': a look back, no anniversary
        after = next((mention for mention in dates if match.end() <= mention.start <= match.end() + 40), None)
        if after is not None and words["own_date_before"].search(sentence, match.end(), after.start):
            # 'the 40th anniversary of relations, established on 12 May 1980': the sentence dates them itself
            rows = [replace(row, date=after, resolution=after.resolution, inherited=False)
                    if row.event_type == RELATIONS and row.trigger_start >= match.start() else row for row in rows]
            continue
        count, sides = _count(match), _sides(countries, state.pair)
        year = _anniversary_year(sentence, match, count, dates, state) if count is not None else None
        if year is None and count is not None and sides is not None and _undated_now(sentence, match, dates, state):
            state.undated_anniversaries.append((count, sides, match.group(0), match.start(), sentence))
        if count is None or sides is None or year is None or count >= year[0]:
            continue
        rows = [row for row in rows if not (row.event_type == RELATIONS and match.start() <= row.trigger_start < match.end())]
        rows.append(EventRow(RELATIONS, sides[0], sides[1], 0, len(sentence), match.group(0),
                             _year_mention(match, date(year[0] - count, 1, 1), year[1]), "relative", "occurred", True,
                             None, trigger_start=match.start()))
        rows = _celebrated(sentence, match, year, sides, state, _redated(rows, year))
    return rows


def _counted_from_relations(sentence: str, rows: list[EventRow]) -> list[EventRow]:
    """'Ties between A and B, set up on 1 May 1989, were a bold step, and both sides mark their 20th anniversary
    now' in a story with no year: the anniversary row took the relations' own date (the only one in the
    sentence), which no anniversary can fall on; it falls that year plus the count. The count is a bare one of the
    parties ('their 20th anniversary', nothing named after it), marked or celebrated after the relations are told;
    the relations row is the sentence's, dated."""
    if not any(row.event_type == ANNIVERSARY for row in rows):
        return rows
    relations = [row for row in rows if row.event_type == RELATIONS and row.event_date is not None]
    if len({row.event_date.year for row in relations}) != 1:
        return rows
    first = relations[0]
    bare = next((match for match in _words()["bare"].finditer(sentence) if match.start() > first.trigger_start), None)
    count = _count(bare) if bare is not None else None
    if not count or not _words()["marking_verb"].search(sentence, first.trigger_start, bare.start()):
        return rows
    year = first.event_date.year
    value = date(year + count, 1, 1)
    mention = DateMention(bare.start(), bare.end(), bare.group(0), value, "year", "relative",
                          "anniversary counted from the relations' year")
    return [replace(row, date=mention, resolution="relative", inherited=False)
            if row.event_type == ANNIVERSARY and row.event_date is not None and row.event_date.year == year
            and {row.actor, row.target} == {first.actor, first.target} else row for row in rows]


def _redated(rows: list[EventRow], year: tuple[int, DateMention | None]) -> list[EventRow]:
    """An anniversary row of the sentence dated in another year than the one the sentence gives its anniversary
    ('marked the 30th anniversary of ties in 2019' read with the story's day): that year's."""
    told = year[1]
    if told is None or told.value is None or told.value.year != year[0]:
        return rows
    return [replace(row, date=told, resolution=told.resolution, inherited=False)
            if row.event_type == ANNIVERSARY and (row.date is None or row.date.value is None
                                                  or row.date.value.year != year[0]) else row for row in rows]


def _celebrated(sentence: str, match: re.Match[str], year: tuple[int, DateMention | None], sides: tuple[str, str],
                state: EventState, rows: list[EventRow]) -> list[EventRow]:
    """'as Arland and Borvia commemorate the 20th anniversary of relations': the anniversary is an event of its
    year; an anniversary row of the sentence with no date of its own (none, or an earlier sentence's day) takes
    that year."""
    if not _words()["parties_celebrate"].search(sentence, 0, match.start()):
        return rows
    value = date(year[0], 1, 1)
    planned = state.published is not None and year[0] > state.published.year
    dated = [row for row in rows if row.event_type == ANNIVERSARY and row.date is not None and row.date.value is not None
             and not row.inherited]
    if dated:
        return rows  # 'as they celebrate the 20th anniversary on 5 May': its own day
    rows = [row for row in rows if row.event_type != ANNIVERSARY]
    return rows + [EventRow(ANNIVERSARY, sides[0], sides[1], 0, len(sentence), match.group(0),
                            _year_mention(match, value, None), "relative", "planned" if planned else "occurred",
                            True, None, trigger_start=match.start())]


def _without_backdrop(sentence: str, dates: list[DateMention], rows: list[EventRow]) -> list[EventRow]:
    """Relations named as a starting point ('the fourth visit since the establishment of relations') with no date
    of their own are no act; dated, they are done even in a sentence of plans ('will be the first visit since they
    established relations on 1 May 1990')."""
    kept = []
    for row in rows:
        if row.event_type == RELATIONS and _words()["since"].search(sentence, 0, row.trigger_start):
            if row.date is None or row.date not in dates:
                continue
            row = replace(row, status="occurred")  # a starting point is behind the story, whatever its tense
        kept.append(row)
    return kept


def drop_worked_out_copies(rows: list[dict]) -> list[dict]:
    """A document's event rows without an anniversary's worked-out year that a row told with a date of its own
    repeats ('relations established on 12 May 1980' ... 'the 40th anniversary of relations' in 2020): one act."""
    def sides(row: dict) -> frozenset[str]:
        return frozenset((row["actor_iso3"], row["target_iso3"]))
    told = {(row["event_type"], sides(row), row["status"], row["event_date"].year) for row in rows
            if row["event_date"] is not None and not str(row.get("date_anchor") or "").startswith("anniversary ")}
    return [row for row in rows if not (str(row.get("date_anchor") or "").startswith("anniversary ")
                                        and (row["event_type"], sides(row), row["status"], row["event_date"].year) in told)]
