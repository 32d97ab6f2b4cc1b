"""Bilateral events: trigger words per clause, negation and plans, actor and target from grammar, dates by clause."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

from flows.extract.countries import CountryMention, country_name, is_historic
from flows.common.dates import DateMention, shift_date
from flows.extract.people import Person
from flows.lexicon import read_table, read_toml

CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:and|but|whereas|while)\s+|\s+whereas\s+|,\s+but\s+"
    r"|\s+and\s+(?=(?:that|those)\s+of\b)|\s+and\s+(?=(?:in|on)\s+[A-ZÀ-Þ][\w’'-]+\s+(?:in|on)\s)"
)
FAMILY = {"state_visit": "visit", "official_visit": "visit", "working_visit": "visit"}
DIRECTIONAL = {"state_visit", "official_visit", "working_visit", "embassy_opened", "letters_exchanged", "other"}
SYMMETRIC = {"diplomatic_relations_established", "meeting", "agreement_signed", "commission_meeting", "joint_project"}


def family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


@dataclass
class EventRow:
    event_type: str
    actor: str
    target: str
    start: int  # the clause within the sentence
    end: int
    trigger: str
    date: DateMention | None
    resolution: str | None
    status: str
    symmetric: bool
    participants: list[str] | None
    place: str | None = None
    trigger_start: int = 0
    inherited: bool = False  # the date comes from an earlier event of the text ('The ministers signed ...')

    @property
    def event_date(self) -> date | None:
        return self.date.value if self.date else None


@dataclass
class EventState:
    """What the event reader remembers across the sentences of one document."""

    pair: tuple[str, str] | None
    anchor: DateMention | None = None
    published: date | None = None
    events: list[EventRow] = field(default_factory=list)
    last_clause_type: str | None = None
    last_clause_parties: tuple[str, str] | None = None


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = read_toml("events.toml")
    # each trigger is tried only on a clause holding one of its keywords (lower-case substrings), for speed
    triggers = [(r["event_type"], re.compile(r["pattern"], re.I), tuple(r["keywords"].split("|")))
                for r in read_table("event_triggers.csv")]
    return {
        "triggers": triggers,
        "negation": re.compile("|".join(data["negation"]), re.I),
        "planned": re.compile("|".join(data["planned"]), re.I),
        "future_time": re.compile("|".join(data["future_time"]), re.I),
        "ellipsis": re.compile("|".join(data["ellipsis"])),
        "reference": re.compile("|".join(data["reference"]), re.I),
        "complement": re.compile(data["agreement_complement"], re.I),
        "perfect": re.compile(data["perfect"], re.I),
        "summary": data["summary"],
        # every trigger's keywords, as plain substrings: a clause holding none of them is not read (speed)
        "stems": tuple(sorted({k for _, _, ks in triggers for k in ks})),
        "domestic": re.compile("|".join(data["domestic"]), re.I),
    }


# a possessive country before a common noun that is not a side of a relation ("Iran's nuclear programme")
ATTRIBUTE = re.compile(r"[’']s?\s+(?!(?:side|delegation|government|president|leader|prime|foreign|minister|ministry|embassy|"
                       r"ambassador|parliament|authorities|officials|envoy|king|emir|capital|independence)\b)[a-z]")
MEDIATOR = re.compile(r"\b(?:brokered|mediated|facilitated|sponsored)\s+by\s+(?:the\s+)?$|\bmediation\s+of\s+(?:the\s+)?$",
                      re.I)
REFERENCE_NOUN = re.compile(r"(?:.{0,12}?)\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+)?(?:visit|talks|meeting|agreement|deal|treaty|trip)\b"
                            r"(?=\s*,|\s+(?:was|is|which|that|had|has|will|comes|came|follows|followed|marks|marked|began|"
                            r"begins|ended|ends|took|takes|lasted|coincides|coincided|included|includes)\b)")
# 'the three leaders met', 'a three-way summit': a meeting of more than two states is no bilateral event
MULTILATERAL = re.compile(r"\b(?:three|four|five|six|seven|eight|nine|ten|several)\s+(?:leaders|ministers|presidents|heads|"
                          r"countries|nations|states|governments|foreign\s+ministers|prime\s+ministers)\b|"
                          r"\b(?:three|four|five)-way\b|\btrilateral\b|\btripartite\b|\bquadrilateral\b", re.I)
# 'the 47th meeting of the committee, scheduled to take place in January': the plan told after the trigger
PLANNED_AFTER = re.compile(r"[^.;]{0,80}?,?\s+(?:scheduled|due|expected|set|slated|planned)\s+(?:to\s+(?:take\s+place|be\s+held|open|start)|for)\b",
                           re.I)
# a date right after a participle belongs to it: 'the anniversary of relations, established on 5 September 1962'
PARTICIPLE_DATE = re.compile(r"\b(?:established|signed|founded|concluded|opened|adopted|launched|created|born|elected)\s+"
                             r"(?:\w+\s+){0,2}?(?:(?:on|in)\s+(?:the\s+)?)?$", re.I)
# a relative clause set off by commas: its dates are its own ('Tusk, who returned as prime minister in December, travelled')
RELATIVE = re.compile(r",\s+(?:who|which)\s+[^,;]{3,80},")
INTERNATIONAL_ROLE = re.compile(r"\b(?:United\s+Nations|UN|NATO|EU|European\s+(?:Commission|Council|Union)|"
                                r"African\s+Union|World\s+Bank|IMF|OSCE|ASEAN|WHO|WTO|Arab\s+League|OPEC)\b")
OWN_DATE_AFTER = re.compile(r"[^,;]{0,40}?\b(?:on|in)\s+(?:(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December)\s+\d|\d)")
BACKGROUND = re.compile(r"\b(?:years?|months?|decades?|weeks?|days?)\s+(?:after|since)\s+(?:[\w’'-]+\s+){0,4}$", re.I)
# 'agreed to hold consultations', 'invited him to visit': an intention, so a meeting or visit still to come
INTENT = re.compile(r"\b(?:agreed|agree|agrees|decided|pledged|promised|undertook|vowed|invited\s+\w+|invitation)\s+to\s+"
                    r"(?:\w+\s+){0,3}$",
                    re.I)
MULTILATERAL_BODY = re.compile(r"\bHeads\s+of\s+(?:State|Government)\b|\b(?:Organi[sz]ation|Union|Community)\b"
                               r"[^.;]{0,40}\([A-Z]{2,8}\)")


@lru_cache(maxsize=64)  # the same sentence is split by events, people and figures: keep only the recent ones
def split_clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """Clause spans of a sentence: at semicolons, ', and', ', whereas', ', but', 'and that of', 'and in X on'."""
    spans, cur = [], 0
    for m in CLAUSE_SPLIT.finditer(sentence):
        if m.start() > cur:
            spans.append((cur, m.start()))
        cur = m.end()
    spans.append((cur, len(sentence)))
    return tuple(spans)


def _role_of(sentence: str, c: CountryMention) -> str:
    """How a country mention stands in its clause: 'dest' (to X), 'loc' (in X), 'with', 'of' or 'subj'."""
    before = sentence[max(0, c.start - 40):c.start]
    m = re.search(r"(\w+)\s+(?:the\s+)?(?:[\w-]+\s+)?$", before)
    word = m.group(1).lower() if m else ""
    near = re.search(r"(\w+)\s+(?:the\s+)?$", before)
    near_word = near.group(1).lower() if near else ""
    after = sentence[c.end:c.end + 20]
    if c.kind == "demonym" and re.match(r"\s+(?:capital|city|town|port|border)", after) and near_word in ("in", "at", "near"):
        return "loc"
    if near_word in ("to", "towards", "into") or (
            near_word in ("visit", "visited", "visiting", "visits", "toured", "reached") and c.kind != "demonym"):
        return "dest"
    if near_word in ("in", "at", "near", "inside"):
        return "loc" if c.kind in ("capital", "name") else "subj"
    if near_word == "with":
        return "with"
    if near_word == "of":
        return "of"
    if word in ("to",) and c.kind == "demonym":
        return "dest"
    return "subj"


OBJECT_MARK = re.compile(r"\b(?:with|to|met|received|receiving|welcomed|welcoming|hosted|hosting|greeted)\s+(?:(?:his|her|their)\s+)?"
                         r"(?:[\w’'-]+,?\s+){0,5}$")
PASSIVE_HOST = re.compile(r"\b(?:received|welcomed|greeted|hosted|met)\b[^.;]{0,50}\bby\s+(?:[\w’'-]+,?\s+){0,5}$")


def is_object(sentence: str, c_start: int, pos: int) -> bool:
    """A person or country after 'with' or 'to' (a few title words may come between) is the other side."""
    before = sentence[max(c_start, pos - 60):pos]
    return bool(OBJECT_MARK.search(before) or PASSIVE_HOST.search(sentence[max(c_start, pos - 100):pos]))


def _other(pair: tuple[str, str] | None, iso3: str | None) -> str | None:
    if pair and iso3 in pair:
        return pair[1] if pair[0] == iso3 else pair[0]
    return None


def _pick_date(dates: list[DateMention], pos: int) -> DateMention | None:
    """The date closest to the trigger; a more precise date inside its period wins ('later that month, on the 28th')."""
    usable = [d for d in dates if d.value is not None and d.kind != "until"]
    if not usable:
        return None
    best = min(usable, key=lambda d: abs((d.start if d.start >= pos else d.end) - pos))
    rank = {"day": 0, "month": 1, "year": 2}
    for d in usable:
        end = best.end_value or best.value
        if (d is not best and rank.get(d.precision or "year", 2) < rank.get(best.precision or "year", 2)
                and best.value <= d.value <= end):
            best = d
    return best


def find_events(sentence: str, countries: list[CountryMention], dates: list[DateMention],
                persons: list[tuple[Person, int, int]], pair_spans: list[tuple[int, int]],
                state: EventState, last_entity: tuple[str | None, int] | None) -> list[EventRow]:
    """Events in one sentence; `persons` are (person, start, end) mentions including resolved anaphors."""
    rules = _rules()
    out: list[EventRow] = []
    for c_start, c_end in split_clauses(sentence):
        clause = sentence[c_start:c_end]
        c_dates = [d for d in dates if c_start <= d.start < c_end]
        hits: list[tuple[str, int, int, str]] = []
        lowered = clause.lower()
        present = {k for k in rules["stems"] if k in lowered}
        if present:
            for event_type, pattern, keywords in rules["triggers"]:
                if present.isdisjoint(keywords):
                    continue
                for m in pattern.finditer(clause):
                    hits.append((event_type, c_start + m.start(), c_start + m.end(), m.group(0)))
        point_dates = [d for d in c_dates if d.value is not None and d.kind != "until"]
        if not hits:
            if state.last_clause_type and point_dates and rules["ellipsis"].search(clause):
                hits = [(state.last_clause_type, c_start, c_start, "(ellipsis)")]
            else:
                news_day = [d for d in point_dates if d.resolution == "relative" and d.precision == "day"]
                if _anchorable(point_dates) and state.anchor is None and (ANCHOR_VERB.search(clause) or news_day):
                    # 'agreed on Monday to revive talks', 'walked into the palace on Tuesday': the day the story is
                    # about (a verb of news, or a day told relative to publication), for the undated events after it
                    state.anchor = _pick_date(_anchorable(point_dates), (c_start + c_end) // 2)
                continue
        c_countries = [c for c in countries if c_start <= c.start < c_end and not is_historic(c.iso3)]
        c_persons = [(p, s, e) for p, s, e in persons if c_start <= s < c_end]
        if any(p.role and INTERNATIONAL_ROLE.search(p.role) for p, _, _ in c_persons) and len(
                {c.iso3 for c in c_countries} | {p.country for p, _, _ in c_persons if p.country}) < 2:
            continue  # 'the UN Secretary-General met Putin': not an event between two states
        if rules["negation"].search(clause) or rules["domestic"].search(clause) or MULTILATERAL.search(clause):
            state.last_clause_type = None
            continue
        types = {h[0] for h in hits}
        hits = _suppress(hits, types, clause, c_start)
        if not hits:
            continue
        future_m = rules["future_time"].search(clause)
        parties = _parties(sentence, c_start, c_end, c_countries, c_persons, pair_spans, state, last_entity)
        by_key: dict[tuple, EventRow] = {}
        for event_type, t_start, t_end, trigger in hits:
            future_time = future_m is not None and not _reported_between(sentence, c_start + future_m.end(), t_start)
            plan_m = list(rules["planned"].finditer(sentence, c_start, t_end))
            planned = future_time or bool(plan_m and not _reported_between(sentence, plan_m[-1].end(), t_start)) or bool(
                PLANNED_AFTER.match(sentence, t_end, c_end)) or (
                family(event_type) in ("visit", "meeting", "commission_meeting", "anniversary_event", "joint_project")
                and bool(INTENT.search(sentence, max(c_start, t_start - 40), t_start)))
            hit_dates = _own_dates(c_dates, hits, (event_type, t_start, t_end, trigger), sentence)
            row = _build(event_type, t_start, t_end, trigger, sentence, c_start, c_end, clause, hit_dates, parties,
                         c_persons, state, planned)
            if row is None:
                continue
            key = (family(row.event_type), row.event_date, row.actor, row.target)
            if key in by_key:
                if row.event_type in ("state_visit", "working_visit"):
                    by_key[key].event_type = row.event_type
                continue
            by_key[key] = row
        rows = _measured_from(list(by_key.values()), clause, c_start)
        # a dated clause whose trigger made no event ('its deal with Somaliland, signed on 1 January') does not date
        # the events told after it, unless it is the story's multilateral meeting
        story_clause = bool(rows) or len({c.iso3 for c in c_countries}) > 2
        if story_clause and _anchorable(point_dates) and not re.search(
                r"\b(?:who|which)\s+had\b|\bhad\s+(?:\w+\s+){0,2}(?:arrived|been)\b"
                r"|\b(?:recalling|recalled|remembering|recalls)\b", clause):
            state.anchor = _next_anchor(state.anchor, _pick_date(_anchorable(point_dates), (c_start + c_end) // 2))
        if rows:
            state.last_clause_type = rows[-1].event_type
            state.last_clause_parties = (rows[-1].actor, rows[-1].target)
        for r in rows:
            same = [o for o in out if family(o.event_type) == family(r.event_type) and o.event_date == r.event_date
                    and {o.actor, o.target} == {r.actor, r.target} and o.status == r.status]
            if r.actor != r.target and not same:
                out.append(r)
    state.events += out
    return out


REPORTED = re.compile(r",\s+(?:[\w’'-]+\s+){0,6}?(?:said|told|announced|added|stated)\b")


def _reported_between(sentence: str, start: int, end: int) -> bool:
    """', Foreign Minister X said on Monday after receiving ...': what follows the report is not the plan it reports."""
    return start < end and REPORTED.search(sentence, start, end) is not None


def _own_dates(dates: list[DateMention], hits: list[tuple[str, int, int, str]], hit: tuple[str, int, int, str],
               sentence: str) -> list[DateMention]:
    """A date after 'after/before/when' and another trigger belongs to that trigger ('spoke by phone ..., after
    their ministers held talks last month'), and a 'first ... in five years' is a span, not a date."""
    out = []
    for d in dates:
        if re.search(r"\b(?:for|until|till|through)\s+(?:the\s+(?:period|years?)\s+)?$", sentence[max(0, d.start - 25):d.start]) \
                or re.match(r"(?:for|until)\b", d.text):
            continue  # 'a programme for 2024-2026': the period of what was signed, not the day of signing
        if DECADE.search(d.text) and re.search(r"\b(?:of|from|since|in)\s+$", sentence[max(0, d.start - 6):d.start]):
            continue  # 'the wars of the 1990s': a decade that names an era, not the day of the event
        if DURATION.match(d.text) and re.search(r"\b(?:first|last|highest|lowest|biggest|largest|longest)\b",
                                                 sentence[max(0, d.start - 60):d.start], re.I):
            continue
        if d.start > hit[2]:
            between = sentence[hit[2]:d.start]
            sub = re.search(r"\b(?:after|before|since|following|when|while)\b", between)
            if sub and any(h is not hit and hit[2] + sub.start() < h[1] < d.start for h in hits):
                continue
        out.append(d)
    return out


DECADE = re.compile(r"\d0['’]?s\b")
SINCE = re.compile(r"(?:since|from)\b", re.I)


DURING_VISIT = re.compile(r"\b(?:[Dd]uring|[Ii]n\s+the\s+course\s+of)\s+(?:the|his|her|this|that)\s+(?:[\w-]+\s+)?"
                          r"(?:visit|trip|stay|tour)\b")


def _next_anchor(current: DateMention | None, new: DateMention | None) -> DateMention | None:
    """A span that holds the day already told ('visiting from 31 July to 2 August' after 'Today') keeps that day."""
    if (current is not None and new is not None and new.end_value is not None and current.value is not None
            and new.value is not None and current.precision == "day" and new.value <= current.value <= new.end_value):
        return current
    return new


def _anchorable(dates: list[DateMention]) -> list[DateMention]:
    """Dates an undated later event may take: not an era ('the 1990s') nor a start ('the first since 2021')."""
    return [d for d in dates if not DECADE.search(d.text) and not (SINCE.match(d.text) and d.kind == "since")]


ANCHOR_VERB = re.compile(r"\b(?:agreed|said|announced|pledged|discussed|decided|met|spoke|talked|held)\b")
DURATION = re.compile(r"^(?:in|for|over)\s+(?:the\s+(?:past|last)\s+)?\w+\s+(?:years|months|decades|weeks|days)(?:\s+on)?$", re.I)


NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
MEASURED = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<u>day|week|month|year)s?"
                      r"\s+(?P<dir>after|before)\b", re.I)


def _apart(hits: list[tuple[str, int, int, str]], clause: str, c_start: int) -> bool:
    """Two triggers joined by 'after/before' ('spoke by phone ..., a week after they co-chaired the commission')."""
    starts = sorted(h[1] for h in hits)
    return any(re.search(r"\b(?:after|before)\b", clause[a - c_start:b - c_start]) for a, b in zip(starts, starts[1:]))


def _measured_from(rows: list[EventRow], clause: str, c_start: int) -> list[EventRow]:
    """'X on Tuesday, a week after Y': Y is dated a week before X, not on X's day."""
    if len(rows) < 2:
        return rows
    m = MEASURED.search(clause)
    if m is None:
        return rows
    pos = c_start + m.start()
    first = [r for r in rows if r.trigger_start < pos and r.date is not None and r.date.value is not None]
    if not first:
        return rows
    anchor = first[-1].date
    n = int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"].lower()]
    sign = -1 if m["dir"].lower() == "after" else 1
    value = shift_date(anchor.value, sign * n, m["u"].lower())
    for r in rows:
        if r.trigger_start > pos and (r.date is None or r.date == anchor):
            r.date = DateMention(pos - c_start, pos - c_start + len(m.group(0)), m.group(0), value, anchor.precision,
                                 "relative", f"{m.group(0)} '{anchor.text}'")
            r.resolution, r.inherited = "relative", False
    return rows


def _suppress(hits: list[tuple[str, int, int, str]], types: set[str], clause: str, c_start: int) -> list:
    """Keep the trigger that tells what happened: relations over the signed protocol, letters over the anniversary."""
    rules = _rules()
    drop: set[str] = set()
    if "diplomatic_relations_established" in types:
        drop |= {"agreement_signed"}
    if "letters_exchanged" in types:
        drop |= {"anniversary_event"}
    if "commission_meeting" in types and not _apart(hits, clause, c_start):
        drop |= {"meeting"}
    if "other" in types:
        drop |= {"agreement_signed"} if re.search(r"\bratif", clause, re.I) else set()
    kept = []
    for h in hits:
        if h[0] in drop:
            continue
        if h[0] == "diplomatic_relations_established" and not re.search(r",?\s+established\s+(?:on|in)$", h[3]) and re.search(
                r"\b(?:anniversary|years|decades)\s+of\s+(?:the\s+)?$", clause[: h[1] - c_start], re.I):
            continue  # 'the 30th anniversary of the establishment of relations' marks it, it does not establish them
        if h[0] in ("joint_project", "embassy_opened"):
            before = clause[: h[1] - c_start]
            comp = list(_rules()["complement"].finditer(before))
            if comp and not re.search(r"[.;]|\b(?:and|but)\b", before[comp[-1].end():]):
                continue  # 'an agreement on opening consulates general': the content of the agreement
        if h[0] in ("official_visit",) and re.search(r"\bfor\s+talks\b", h[3], re.I):
            continue
        if h[0] == "commission_meeting" and MULTILATERAL_BODY.search(clause):
            continue  # 'the meeting of the Council of Heads of State of the SCO' is a summit of an organization
        if BACKGROUND.search(clause[: h[1] - c_start]) and not OWN_DATE_AFTER.match(clause, h[2] - c_start):
            continue  # 'seven years after Saudi Arabia cut ties': a past event told as a measure of time, undated
            # (but 'two months after Yoon travelled to Tokyo on March 16' tells that event with its own date)
        if h[0] == "anniversary_event" and re.search(r"\bits\s+(?:\w+\s+)?anniversary\b", h[3], re.I):
            continue  # 'ECOWAS, which marks its 50th anniversary': an organization's anniversary, not the pair's
        kept.append(h)
    if any(h[0] in ("state_visit", "working_visit") for h in kept):
        kept = [h for h in kept if h[0] != "official_visit" or not re.search(r"visit\b", h[3], re.I)] + \
            [h for h in kept if h[0] == "official_visit" and not re.search(r"visit\b", h[3], re.I)]
    return kept


@dataclass
class Parties:
    subjects: list[str]
    dests: list[str]
    locs: list[tuple[str, str]]  # (iso3, text)
    withs: list[str]
    ofs: list[str]
    all: list[str]
    pair_phrase: bool
    latter: str | None
    attributive: list[str]  # "Iran's nuclear programme": named, but not a party


def _parties(sentence: str, c_start: int, c_end: int, countries: list[CountryMention],
             persons: list[tuple[Person, int, int]], pair_spans: list[tuple[int, int]], state: EventState,
             last_entity: tuple[str | None, int] | None) -> Parties:
    subjects, dests, locs, withs, ofs, attributive = [], [], [], [], [], []
    for c in countries:
        if c.possessive and ATTRIBUTE.match(sentence, c.end):
            attributive.append(c.iso3)
        if MEDIATOR.search(sentence, max(0, c.start - 30), c.start):
            continue  # 'a deal brokered by China': the mediator is not a side
        role = _role_of(sentence, c)
        {"subj": subjects, "dest": dests, "with": withs, "of": ofs}.get(role, []).append(c.iso3)
        if role == "loc":
            locs.append((c.iso3, c.text))
    clause = sentence[c_start:c_end]
    latter = None
    m = re.search(r"\bthe\s+latter\b", clause, re.I)
    if m and last_entity:
        latter = last_entity[0]
    for p, s, e in persons:
        if p.country:
            (withs if is_object(sentence, c_start, s) else subjects).append(p.country)
    every = []
    for iso in subjects + ofs + dests + withs + [l[0] for l in locs] + ([latter] if latter else []):
        if iso and iso not in every:
            every.append(iso)
    pair_phrase = any(c_start <= s < c_end for s, _ in pair_spans) or bool(
        re.search(r"\b(?:the|both)\s+(?:two\s+)?(?:ministers|leaders|presidents|sides|delegations|governments|cabinets)\b"
                  r"|\bthe\s+two\s+(?:[\w-]+\s+)?(?:countries|nations|states|neighbou?rs|rivals|allies|partners|powers)\b",
                  clause, re.I))
    return Parties(subjects, dests, locs, withs, ofs, every, pair_phrase, latter, attributive)


def _build(event_type: str, t_start: int, t_end: int, trigger: str, sentence: str, c_start: int, c_end: int,
           clause: str, dates: list[DateMention], parties: Parties, persons: list[tuple[Person, int, int]],
           state: EventState, planned: bool) -> EventRow | None:
    rules = _rules()
    if family(event_type) == "visit":
        if re.search(r"\bstate\s+visit\b", clause, re.I):
            event_type = "state_visit"
        elif re.search(r"\bworking\s+visit\b", clause, re.I):
            event_type = "working_visit"
        else:
            event_type = "official_visit"
    if re.search(r"\b(?:\w+|several|many)\s+times\b", clause, re.I):
        return None  # 'has visited the UAE seven times since 2015': a count, not an event
    own = [d for d in dates if d.start < t_start or not re.search(r"\b(?:since|after|before|when|while)\s+\w+ing\b",
                                                                  sentence[t_end:d.start])]
    asides = [m.span() for m in RELATIVE.finditer(sentence, c_start, c_end) if not m.start() <= t_start < m.end()]
    kept = [d for d in own if not any(a <= d.start < b for a, b in asides)
            and not (PARTICIPLE_DATE.search(sentence, max(c_start, d.start - 40), d.start) and not t_start <= d.start - 1
                     <= t_end + 15)]
    own = kept if kept or not own else own
    date_m = _pick_date(own, t_start)
    resolution = date_m.resolution if date_m else None
    before = sentence[c_start:t_start]
    if date_m is None and not planned:
        if rules["reference"].search(trigger) or rules["reference"].search(sentence[max(c_start, t_start - 25):t_end]):
            if any(family(e.event_type) == family(event_type) for e in state.events):
                return None
        if rules["perfect"].search(before) or re.search(r"\b(?:documents|agreements|treaties)\s+$", before, re.I):
            return None
        if re.search(r"\b(?:has|have)\b", clause[: t_start - c_start], re.I) and not trigger.lower().startswith("visit"):
            return None
        visit = next((e for e in reversed(state.events) if family(e.event_type) == "visit" and e.date is not None
                      and e.status == "occurred"), None) if DURING_VISIT.search(clause) else None
        if visit is not None:
            date_m, resolution = visit.date, "anaphora"  # 'During the visit, the two sides signed ...'
        elif state.anchor is not None:
            date_m, resolution = state.anchor, "anaphora"
        elif state.published is not None:
            # an undated event told before any date: the news of the day (publication date as the fallback)
            date_m = DateMention(0, 0, "", state.published, "day", "publication", f"published {state.published}")
            resolution = "publication"
        else:
            return None
    if planned and date_m is not None and date_m.value and state.published and date_m.value < state.published \
            and date_m.resolution != "explicit" and date_m.precision in ("day", "month"):
        # 'will visit in June' told in May 2024 is June 2024, not the June already past
        try:
            date_m = replace(date_m, value=date_m.value.replace(year=date_m.value.year + 1))
        except ValueError:
            pass  # 29 February
    if event_type in SYMMETRIC and len(set(parties.all)) < 2 and _with_non_country(sentence, t_start, c_end, persons,
                                                                                   parties):
        return None  # 'signed a contract with Boeing', 'met with business leaders': the other side is not a state
    if event_type == "agreement_signed" and BUSINESS_DEAL.search(clause) and not STATE_DEAL.search(clause):
        return None  # '20 commercial contracts were signed': companies' deals, not an agreement between the states
    deal_with = DEAL_WITH.search(sentence, c_start, c_end) if event_type == "agreement_signed" else None
    if deal_with and not _country_in(deal_with.group(1)):
        return None  # 'Ethiopia's memorandum with Somaliland': a deal with a party that is not a state of the pair
    actor, target = _actor_target(event_type, t_start, t_end, sentence, c_start, parties, state, trigger)
    if actor is None or target is None:
        return None
    inherited = date_m is not None and date_m not in dates
    if inherited and family(event_type) == "visit" and any(
            family(e.event_type) == "visit" and {e.actor, e.target} == {actor, target} for e in state.events):
        return None  # 'Erdogan also visited the memorial' during the visit already told: the same visit
    if not inherited and REFERENCE_NOUN.match(sentence, max(c_start, t_start - 12)) is not None and any(
            family(e.event_type) == family(event_type) and {e.actor, e.target} == {actor, target} for e in state.events):
        return None  # 'The visit, which began on Monday, ...': the visit already told, not a second one
    participants = [p.name for p, _, _ in persons] or None
    symmetric = event_type in SYMMETRIC or (
        event_type in ("letters_exchanged",) and bool(re.search(r"\bexchanged\b", trigger, re.I))) or (
        event_type == "anniversary_event" and not re.search(r"\bmessage\b", clause, re.I))
    place = next((text for iso, text in parties.locs if iso == target), None)
    return EventRow(event_type, actor, target, c_start, c_end, trigger, date_m, resolution,
                    "planned" if planned else "occurred", symmetric, participants, place, t_start, inherited)


BUSINESS_DEAL = re.compile(r"\b(?:commercial|business|export|import|supply|purchase|sales?)\s+(?:contracts?|deals?)\b", re.I)
STATE_DEAL = re.compile(r"\b(?:intergovernmental|agreements?|memorand\w*|treat(?:y|ies)|protocols?|declarations?)\b", re.I)
DEAL_WITH = re.compile(r"\b(?:agreement|memorandum(?:\s+of\s+understanding)?|deal|accord|treaty|pact|contract)s?\s+"
                       r"with\s+((?:the\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,3})")


def _with_non_country(sentence: str, t_end: int, c_end: int, persons: list[tuple[Person, int, int]],
                      parties: Parties) -> bool:
    """After the trigger, 'with X' where X names no country, no person and no counterpart."""
    m = re.search(r"\bwith\s+([^,.;]{1,50})", sentence[t_end:c_end])
    if not m:
        return False
    start, end = t_end + m.start(1), t_end + m.end(1)
    if any(start <= s < end for _, s, _ in persons) or parties.pair_phrase:
        return False
    obj = m.group(1)
    if re.search(r"\bcounterparts?\b|\bdelegations?\b|\bsides?\b|\bgovernments?\b", obj, re.I):
        return False
    return not _country_in(obj)


def _country_in(text: str) -> bool:
    from flows.extract.countries import find_countries
    return bool(find_countries(text))


def _actor_target(event_type: str, t_start: int, t_end: int, sentence: str, c_start: int, parties: Parties,
                  state: EventState, trigger: str = "") -> tuple[str | None, str | None]:
    pair = state.pair
    named = set(parties.subjects + parties.ofs + parties.withs + parties.dests) - set(parties.attributive)
    if len(parties.all) > 2 and len(named) > 2:
        return None, None  # a multilateral meeting is not a bilateral event
    if parties.pair_phrase and pair and set(parties.withs) - set(pair):
        return None, None  # 'The two countries signed the treaty with Paraguay and Uruguay': more than two parties
    passive = re.search(r"\b(?:was|were|been|being)\s+$", sentence[max(0, t_start - 12):t_start]) is not None
    if event_type in ("state_visit", "official_visit", "working_visit") and re.match(r"(?i)host|receiv|welcom", trigger) \
            and not passive:  # 'X was received by King Y': X is still the visitor
        actor = parties.withs[0] if parties.withs else None  # 'Biden hosted Xi': the guest visits the host
        target = next((c for c in parties.subjects if c != actor), None)
    elif event_type in ("state_visit", "official_visit", "working_visit"):
        target = (parties.dests or [l[0] for l in parties.locs] or [None])[0]
        actor = next((c for c in [parties.latter] + parties.subjects + parties.ofs if c and c != target), None)
        if actor is None and parties.withs and target is None:
            target = parties.withs[0]
    elif event_type == "embassy_opened":
        target = (([l[0] for l in parties.locs]) or parties.dests or [None])[0]
        actor = next((c for c in parties.subjects + parties.ofs if c != target), None)
        if actor is None and target is None and state.last_clause_parties and state.last_clause_type == "embassy_opened":
            actor, target = state.last_clause_parties
    elif event_type in ("letters_exchanged", "other"):
        actor = next((c for c in parties.subjects if c), None)
        target = next((c for c in parties.withs + parties.dests + parties.ofs + [l[0] for l in parties.locs]
                       + parties.subjects if c and c != actor), None)  # 'A recognised B': B is named as a subject
        if actor is None and target is None and parties.all:
            actor = parties.all[0]
    else:
        named = [c for c in parties.subjects + parties.ofs + parties.withs + parties.dests
                 + ([parties.latter] if parties.latter else []) if c]
        names = parties.all
        if parties.pair_phrase and pair and all(c in pair for c in named):
            names = list(pair)  # 'The two presidents last met in Astana': the pair, not the host city
        actor = names[0] if names else None
        target = names[1] if len(names) > 1 else None
        if actor is None and pair:
            actor, target = pair
    if actor is None and target is not None:
        actor = _other(pair, target)
    if target is None and actor is not None:
        target = _other(pair, actor)
    return actor, target


def summary(row: EventRow) -> str:
    """A short readable line, e.g. 'Belarus opened an embassy in Azerbaijan (Baku)'."""
    kind = "letters_exchanged_mutual" if row.event_type == "letters_exchanged" and row.symmetric else row.event_type
    template = _rules()["summary"].get(kind, "{actor} and {target}")
    place = f" ({row.place})" if row.place and row.place != country_name(row.target) else ""
    return template.format(actor=country_name(row.actor), target=country_name(row.target), place=place,
                           trigger=row.trigger)
