"""Which date of a clause belongs to an event: the nearest own date, not a period, an era or a relative clause's."""
from __future__ import annotations

import re
from datetime import date

from flows.common.dates import DateMention, shift_date
from flows.common.dates.words import AHEAD_WORDS
from flows.common.dates.resolved import read_number
from flows.common.prefilter import gate
from flows.common.words import alternation, whole_words
from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit, rules
from flows.extract.event_subclause import in_other_clause
from flows.extract.event_times import BARE_YEAR, DECADE, closes_since_phrase
from flows.lexicon import read_toml

_WORDS = read_toml("events.toml")["date_words"]


def _any(*keys: str) -> str:
    """The rows of [date_words] lists as one group, in their order ('(?:visit|trip|stay|tour)')."""
    return alternation([row for key in keys for row in _WORDS[key]], longest_first=False, escape=False)


SINCE = re.compile(r"(?:since|from)\b", re.I)
DURATION = re.compile(r"^(?:in|for|over)\s+(?:the\s+(?:past|last)\s+)?\w+\s+(?:years|months|decades|weeks|days)(?:\s+on)?$",
                      re.I)
# 'agreed on Monday to revive talks': a verb of news dates the story
ANCHOR_VERB = re.compile(r"\b" + _any("anchor_verbs") + r"\b")
DURING_VISIT = re.compile(r"\b(?:[Dd]uring|[Ii]n\s+the\s+course\s+of)\s+(?:the|his|her|this|that)\s+(?:[\w-]+\s+)?"
                          + _any("visit_nouns") + r"\b")
# a count of acts over a stretch of time: 'the two sides have concluded over 30 treaties'
TALLY_COUNT = re.compile(r"\b" + _any("counts") + r"\s+(?:[\w-]+\s+){0,2}?" + _any("tallied_acts") + r"\b", re.I)
# many meetings or visits counted over a stretch ('eleven sessions of the joint committee were held'): no one day; a count of
# documents signed is one signing (the agreements of a visit are one occasion)
COUNTED_OCCASIONS = re.compile(r"\b" + _any("counts", "vague_counts") + r"\s+(?:[\w-]+\s+){0,2}?"
                               + _any("counted_occasions") + r"\s+(?:of\s+[\w\s-]{0,60}?)?(?:were|have\s+been|had\s+been)\s+"
                               + _any("occasion_verbs") + r"\b", re.I)
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10}
MEASURED = re.compile(r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<u>day|week|month|year)s?"
                      r"\s+(?P<dir>after|before)\b", re.I)
# 'the agreement signed on 16 May 2012': a participle after a noun (a reduced relative) with its date right after it;
# the gap between the participle and the date, and the nouns such a participle follows ('the two sides signed' is no
# reduced relative)
PARTICIPLE_GAP = re.compile(r"\s*,?\s*(?:[\w’'-]+\s+){0,2}?(?:(?:on|in)\s+(?:the\s+)?)?$")
# a trigger that ends in its own verb of taking place, then a place and the date: '..., which took place in Lima, on'
HAPPENED_END = re.compile(r"\b(?:took\s+place|(?:was|were)\s+held)$", re.I)
PLACE_GAP = re.compile(r"(?:\s*,?\s*(?:in|at)\s+(?:the\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,2})?\s*,?\s*(?:on|in)?\s*")
ACT_NOUN_BEFORE = re.compile(r"\b" + _any("act_nouns") + r"(?:\s+\([^()]{1,20}\))?\s*,?\s+$", re.I)
ANNIVERSARY_OF = re.compile(r"\b" + _any("anniversary_nouns") + r"\s+of\b", re.I)
POSSESSED_REACH = 20  # characters from "Friday's" to the trigger it may date ("Friday's talks", "Monday's state visit")
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# 'ahead of the March 26-27 summit': a date that names another occasion, set at another time than the clause's act
OTHER_OCCASION = re.compile(
    whole_words([*AHEAD_WORDS, *read_toml("dates.toml")["attributive_dates"]["other_time_before"]]) + r"\s+the\s+$",
    re.I)
NAMED_YEAR_BEFORE = re.compile(read_toml("dates.toml")["attributive_dates"]["named_year_before"], re.I)
NAMED_YEAR_AFTER = re.compile(read_toml("dates.toml")["attributive_dates"]["named_year_after"])
OCCASION_WORD = re.compile(r"\s+(?![Oo]f\b|[Ii]n\b|[Aa]nd\b|[Tt]o\b|[Aa]t\b)[A-Za-zÀ-ÿ][\w-]*")
BACKGROUND_FRAME = re.compile(read_toml("dates.toml")["background_frames"]["opening"], re.I)
# a year written in full in a date's own words ('in May 2003'), not one it took from the text before
WRITTEN_YEAR = re.compile(read_toml("dates.toml")["topic_lists"]["written_year"])
OPENING_PREPOSITION = re.compile(read_toml("dates.toml")["topic_lists"]["own_preposition"], re.I)
_OWN = read_toml("dates.toml")["own_dates"]
# 'a programme for 2024-2026': a period's preposition (and 'the period', 'the years') right before the date
PERIOD_BEFORE = re.compile(r"\b" + alternation(_OWN["period_before"]) + r"\s+(?:the\s+"
                           + alternation(_OWN["period_nouns"]) + r"\s+)?$")
PERIOD_OPENING = re.compile(alternation(_OWN["period_opening"]) + r"\b")
UNTIL_OPENING = re.compile(r"(?:until|till)\b", re.I)
ERA_BEFORE = re.compile(r"\b" + alternation(_OWN["era_before"]) + r"\s+$")
SPAN_SUPERLATIVE = re.compile(whole_words(_OWN["span_superlatives"]), re.I)
INSTRUMENT_NAME_BEFORE = re.compile(r"\b" + alternation(_OWN["instrument_heads"]) + r"\s*,?\s+$")
SUBORDINATOR = re.compile(whole_words(_OWN["subordinators"]))
IDENTIFYING = re.compile(r"\b" + alternation(_OWN["identifying_copulas"]) + r"\s+$", re.I)
# 'toured Cestia and in 2004, the Cestian king came': a joiner, then the date that opens the next clause (in/on and a
# comma or a capital after it)
COORDINATED_BEFORE = re.compile(r"(?:,?\s+" + alternation(_OWN["coordinators"]) + r"|;)\s*,?\s*$")
DESCRIBED = re.compile(r"\b" + alternation(_OWN["describing_verbs"]) + r"\s+(?:the|its|their|this|that)\s+$", re.I)
FRONTED_DATE = re.compile(r"(?:in|on)\s", re.I)
FRONTED_AFTER = re.compile(r"\s*,|\s+(?:the\s+)?[A-ZÀ-Þ]")
POSSESSIVE_AFTER = re.compile(r"[’']s\s")
ATTRIBUTIVE_REACH = 45  # characters from the date to a trigger that is the noun it dates ('the 2014 visit')
_COUNT_ADVERBS: dict[str, int] = _WORDS["count_adverbs"]
COUNT = re.compile(whole_words([*_COUNT_ADVERBS, _WORDS["count_times"]], longest_first=False, escape=False), re.I)
# between a count and the first of its dates: 'twice, in 1975 and 1999', 'twice on official visits in 1998 and 2003'
COUNT_TO_DATES = re.compile(_WORDS["count_to_dates"], re.I)
# 'six weeks after the Peruvian leader visited Chile': the event after the measure happened that long before the story's
OFFSET_BEFORE = re.compile(r"\b(?P<measure>(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                           r"(?P<u>day|week|month|year)s?\s+(?:after|since))\s+(?:[\w’'-]+\s+){0,8}$", re.I)
# the precision an offset leaves: 'two days after' and 'a week after' name a day, 'six weeks after' a month at best
OFFSET_PRECISION = {"day": "day", "week": "month", "month": "month", "year": "year"}
DAY_PRECISE_WEEKS = 2


def count_only(sentence: str, start: int, end: int, dates: list[DateMention]) -> bool:
    """Whether the clause (sentence[start:end]) tells how many times, not when: 'the ministers had met twice'. A count
    told right away by as many dates listed together ('the king visited the country twice, in 1975 and 1999') is no
    count only: each date is its own occasion (the list is read by listed_with)."""
    # the gate first (speed: the count alternation ran on every event's clause; a sentence holding none of 'twice',
    # 'thrice', 'times' cannot match it)
    match = COUNT.search(sentence, start, end) if gate(COUNT).open(sentence) else None
    if match is None:
        return False
    word = match.group(0).lower()
    written = (match.groupdict().get("n") or "").lower()
    count = _COUNT_ADVERBS.get(word) or (int(written) if written.isdigit() else NUMBERS.get(written))
    after = sorted((mention for mention in dates if mention.start >= match.end() and mention.end <= end
                    and mention.value is not None), key=lambda mention: mention.start)
    if count is None or len(after) < 2 or COUNT_TO_DATES.fullmatch(sentence, match.end(), after[0].start) is None:
        return True
    return 1 + len(listed_with(after, after[0])) != count


def pick_date(dates: list[DateMention], pos: int, narrowing_gap: int | None = None,
              end: int | None = None) -> DateMention | None:
    """The date closest to the trigger; a more precise date inside its period wins ('later that month, on the 28th'),
    for an event's own date only when it stands within `narrowing_gap` characters of that period. `end`: where the
    trigger ends, when it is a span: a date after it is measured from its end, not its start (near28a: in 'The
    following year, the two governments completed the establishment of formal diplomatic relations on 4 March
    1991' the day is the relations', not the year phrase that only looks nearer to the long trigger's first word)."""
    usable = [mention for mention in dates if mention.value is not None and mention.kind != "until"]
    if not usable:
        return None
    last = pos if end is None else max(pos, end)

    def distance(mention: DateMention) -> int:
        if mention.start >= last:
            return mention.start - last
        if mention.end > last:
            return 0  # the trigger's last word is the date's preposition ('relations, established on' + 'on 3 March')
        # a date inside the trigger's words counts from its first word, as before ('upgraded their offices opened
        # in May 1995 to embassies' is no nearer the upgrade than a date told before it)
        return mention.start - pos if mention.start >= pos else abs(mention.end - pos)

    best = min(usable, key=distance)
    for mention in usable:
        period_end = best.end_value or best.value
        if (mention is not best
                and PRECISION_RANK.get(mention.precision or "year", 2) < PRECISION_RANK.get(best.precision or "year", 2)
                and best.value <= mention.value <= period_end and (narrowing_gap is None or _beside(mention, best))):
            best = mention
    return best


# how far apart a period and the more precise date that narrows it stand ('later that month, on the 28th'); a day
# told further on is another clause's ('will meet later this year, the minister said on Monday': Monday is the saying)
NARROWING_GAP = 25


def _beside(mention: DateMention, period: DateMention, gap: int = NARROWING_GAP) -> bool:
    return min(abs(mention.start - period.end), abs(period.start - mention.end)) <= gap


def _names_a_thing(mention: DateMention, hit: Hit, sentence: str) -> bool:
    """A bare year between a determiner and a noun other than the trigger ('the 1990 flood'), which it names."""
    after = NAMED_YEAR_AFTER.match(sentence, mention.end)
    return bool(BARE_YEAR.fullmatch(mention.text) and after and not (mention.end <= hit.start <= after.end())
                and not hit.start <= mention.start < hit.end  # 'signed the 2015 accord': the trigger's own words
                and NAMED_YEAR_BEFORE.search(sentence, max(0, mention.start - 8), mention.start))


def until_point(mention: DateMention) -> bool:
    """'were not restored until 1994': an 'until' the date grammar read as the act's point (dates.toml [not_until])."""
    return mention.kind == "point" and UNTIL_OPENING.match(mention.text) is not None


def own_dates(dates: list[DateMention], hits: list[Hit], hit: Hit, sentence: str) -> list[DateMention]:
    """A date after 'after/before/when' and another trigger belongs to that trigger ('spoke by phone ..., after
    their ministers held talks last month'), and a 'first ... in five years' is a span, not a date."""
    out = []
    for mention in dates:
        before = sentence[max(0, mention.start - 25):mention.start]
        if (PERIOD_BEFORE.search(before) or PERIOD_OPENING.match(mention.text)) and not until_point(mention):
            continue  # 'a programme for 2024-2026': the period of what was signed, not the day of signing
        if mention.kind == "since" and TALLY_COUNT.search(sentence):
            continue  # 'From 1995 to this day, the two sides have concluded over 30 treaties': a tally's start
        if DECADE.search(mention.text) and ERA_BEFORE.search(before[-6:]):
            continue  # 'the wars of the 1990s': a decade that names an era, not the day of the event
        if _names_a_thing(mention, hit, sentence):
            continue  # 'plans to visit Lima to honour the victims of the 1990 flood': the flood's year
        if DURATION.match(mention.text) and \
                SPAN_SUPERLATIVE.search(sentence[max(0, mention.start - 60):mention.start]):
            continue
        if POSSESSIVE_AFTER.match(sentence[mention.end:mention.end + 3]) and not (
                hit.start <= mention.end + 3 + POSSESSED_REACH and mention.end <= hit.end):
            continue  # "Tuesday's talks built on the session held on 16 May": Tuesday is the talks' day
        if _names_other_occasion(mention, hit, sentence):
            continue  # 'concluded his visit ahead of the March 26-27 security summit': the summit's days
        if hit.event_type == "anniversary_event" and mention.precision == "year" \
                and ANNIVERSARY_OF.search(sentence, hit.start, mention.start):
            continue  # 'marking the 100th anniversary of the recognition in 1921': 1921 is the act remembered
        if mention.end <= hit.start and DESCRIBED.search(sentence, mention.end, hit.start):
            continue  # 'at a forum in May 2001, hailed the signing of the pact': the forum's date, not the signing's
        if mention.start > hit.end:
            between = sentence[hit.end:mention.start]
            sub = SUBORDINATOR.search(between)
            if sub and any(other is not hit and hit.end + sub.start() < other.start < mention.start for other in hits) \
                    and not IDENTIFYING.search(between, 0, sub.start()):  # 'the last visit was when X flew to Y in May'
                continue
            if _opens_next_clause(mention, between, hits, hit, sentence):
                continue  # 'toured Cestia and in 2004, the king came to Borvia': 2004 is the king's visit
            if rules()["reported_that"].search(between):
                continue  # 'after talks with X, Y recalled that 60 years ago ...': the date is the report's
            if any(_participle_owns(other, mention, hit, sentence) for other in hits):
                continue  # 'the visit aims to revive the agreement signed on 16 May 2012': the signing's date
        out.append(mention)
    if not any(0 <= mention.start - hit.end <= 30 for mention in out):
        return out
    return [mention for mention in out if not _belongs_to_earlier(mention, hits, hit)]


def _opens_next_clause(mention: DateMention, between: str, hits: list[Hit], hit: Hit, sentence: str) -> bool:
    """The date stands right after 'and/but/while' (or a semicolon) at the head of a clause of its own ('..., and in
    2004, the Cestian king came to Borvia'), and a later trigger follows it: that trigger's date, not this one's."""
    if COORDINATED_BEFORE.search(between) is None or FRONTED_DATE.match(mention.text) is None:
        return False
    if FRONTED_AFTER.match(sentence, mention.end) is None:
        return False
    return any(other is not hit and other.start >= mention.end for other in hits)


def _names_other_occasion(mention: DateMention, hit: Hit, sentence: str) -> bool:
    """The date stands between 'the' and a noun after 'ahead of/after/before ...' ('ahead of the May 5-6 summit') and
    that noun is not the trigger ('after the May 5 visit' still dates a visit told there): another occasion's date.
    Only a day: a year or a month usually holds both acts ('visited Seoul after the 2014 elections')."""
    if mention.precision != "day" or OTHER_OCCASION.search(sentence, max(0, mention.start - 40), mention.start) is None:
        return False
    if OCCASION_WORD.match(sentence, mention.end) is None:
        return False
    return not mention.end <= hit.start <= mention.end + ATTRIBUTIVE_REACH


def _participle_owns(other: Hit, mention: DateMention, hit: Hit, sentence: str) -> bool:
    """Another trigger between this one and the date is a past participle after a noun with the date right after it
    ('the treaty signed in 1991'), or ends in 'took place' with only a place before the date: the date is that
    act's, not the main event's."""
    if (other is not hit and other.event_type != hit.event_type and hit.end <= other.start <= other.end <= mention.start
            and HAPPENED_END.search(other.text) and PLACE_GAP.fullmatch(sentence[other.end:mention.start])):
        return True  # '..., and to review the previous meetings, which took place in Lima on 3 March': the meetings'
    word = other.text.strip().split()[-1].lower() if other.text.strip() else ""
    return (other is not hit and other.event_type != hit.event_type and hit.end <= other.start
            and other.end <= mention.start and word.endswith(("ed", "up", "concluded"))
            and PARTICIPLE_GAP.fullmatch(sentence[other.end:mention.start]) is not None
            and (ACT_NOUN_BEFORE.search(sentence[max(0, other.start - 40):other.start]) is not None
                 or INSTRUMENT_NAME_BEFORE.search(sentence[max(0, other.start - 40):other.start]) is not None))


def _belongs_to_earlier(mention: DateMention, hits: list[Hit], hit: Hit) -> bool:
    """'was ratified in May and entered into force on 1 September': a date after an earlier trigger is that
    trigger's, when the later one has a date of its own right after it."""
    return mention.end <= hit.start and any(other is not hit and other.end <= mention.start for other in hits)


def listed_with(dates: list[DateMention], chosen: DateMention, closing: int | None = None) -> list[DateMention]:
    """The other items of the list the chosen date is in ('visited in 1972 and 1991': 1991 for 1972), each its own
    occasion; [] when it stands alone. The date grammar marks an item joined to the one before by 'and' or a comma.

    A span of days is an item too when the list closes the clause (`closing`: where its words end): 'came to Borvia
    on 3-4 May 2011, and on 9 July 2015.' is two visits, while in 'stayed from 3-4 May and on 9 May signed ...' the
    second day is the next verb's."""
    ordered = sorted(dates, key=lambda mention: mention.start)
    if chosen not in ordered:
        return []
    at = ordered.index(chosen)
    first = at
    while first > 0 and ordered[first].listed_after_previous:
        first -= 1
    last = at
    while last + 1 < len(ordered) and ordered[last + 1].listed_after_previous:
        last += 1
    # only dates written out alike ('in 1972 and 1991'), not a month and its day ('later that month, on the 28th')
    # nor a span ('in five years')
    closes = closing is not None and ordered[last].end >= closing
    kinds = {"point", "range"} if closes else {"point"}
    return [mention for mention in ordered[first:last + 1] if mention is not chosen and mention.value is not None
            and mention.kind in kinds and chosen.kind in kinds and (mention.kind == chosen.kind or closes)
            and mention.resolution == chosen.resolution == "explicit"
            and (mention.precision == chosen.precision or _own_years(mention, chosen)) and mention.value != chosen.value]


def _own_years(one: DateMention, other: DateMention) -> bool:
    """Two dates that each write their year and open with their own preposition are two occasions whatever their
    precision ('in 1996 on fisheries, in May 2003 on air links'); a month and a day under it ('in May, on the 28th')
    are not, nor a bare year after a month ('in March 2019 and 2022' may be March again)."""
    return all(WRITTEN_YEAR.search(mention.text) and OPENING_PREPOSITION.match(mention.text) for mention in (one, other))


def offset_date(sentence: str, clause_start: int, hit_start: int, base: DateMention | None) -> DateMention | None:
    """The date of an event told as a measure of time from the story's day ('The visit comes six weeks after X visited
    Y'): the base moved back by the measure, at the precision the unit allows; None with no measure or no base."""
    match = OFFSET_BEFORE.search(sentence, clause_start, hit_start)
    if match is None or base is None or base.value is None or (base.precision or "year") != "day":
        return None
    count = int(match["n"]) if match["n"].isdigit() else NUMBERS[match["n"].lower()]
    unit = match["u"].lower()
    value = shift_date(base.value, -count, unit)
    precision = "day" if unit == "week" and count <= DAY_PRECISE_WEEKS else OFFSET_PRECISION[unit]
    if precision == "month":
        value = value.replace(day=1)
    elif precision == "year":
        value = value.replace(month=1, day=1)
    phrase = match["measure"]
    return DateMention(match.start("measure"), match.end("measure"), phrase, value, precision, "relative",
                       f"{phrase} '{base.text or base.anchor}'")


VISIT_LENGTH = re.compile(read_toml("dates.toml")["visit_length"]["days"], re.I)
LONGEST_VISIT = 14


def next_anchor(current: DateMention | None, new: DateMention | None, clause: str = "") -> DateMention | None:
    """A span that holds the day already told ('visiting from 31 July to 2 August' after 'Today') keeps that day, and
    so does the first day of a visit told with its length that the day falls in ('The premier hosts a lunch on Monday.
    The guest, who arrived on Sunday for a two-day visit, ...': the story's day stays Monday)."""
    if current is None or new is None or current.value is None or new.value is None or current.precision != "day":
        return new
    if new.end_value is not None and new.value <= current.value <= new.end_value:
        return current
    length = VISIT_LENGTH.search(clause)
    days = read_number(length["n"]) if length is not None else None
    if new.precision == "day" and days is not None and 1 < days <= LONGEST_VISIT \
            and new.value < current.value <= shift_date(new.value, days - 1, "day"):
        return current
    return new


def anchorable(dates: list[DateMention], sentence: str | None = None) -> list[DateMention]:
    """Dates an undated later event may take: not an era ('the 1990s') nor a start ('the first since 2021'), nor,
    given the sentence, a day of an 'after/since/before' clause ('after being elected on 17 November, the President
    met ...': the story is not on the 17th) nor a date of what the news follows ('This follows an accord signed in
    November 2018') or of an act a 'since the' phrase recalls ('ties grown since the king's visit in May 2015')."""
    if not dates:
        return []  # nothing to keep: skip the frame search over the sentence (speed; the search has no side effect)
    frame = BACKGROUND_FRAME.search(sentence) if sentence is not None else None
    return [mention for mention in dates if not DECADE.search(mention.text)
            and not (SINCE.match(mention.text) and mention.kind == "since")
            and not (frame is not None and mention.start >= frame.end())
            and not (sentence is not None and (in_other_clause(sentence, mention, -1, -1)
                                               or closes_since_phrase(mention, sentence)))]


def plan_free(anchors: list[DateMention], rows: list, published: date | None) -> list[DateMention]:
    """The anchors of a clause that tells only plans (rows are EventRow): only a day not before publication. A plan's
    year or month is its target ('agreed to designate 2025 as the Year of ...'), and a year-less day the grammar put
    before publication is a plan the row moved on a year ('decided to hold the first round on May 23-24' told on 10
    May); neither dates an act told after it ('The ministers witnessed the signing of six accords')."""
    if published is None or not rows or any(row.status != "planned" for row in rows):
        return anchors
    return [mention for mention in anchors if mention.precision == "day" and mention.value is not None
            and mention.value >= published]


def measured_from(rows: list, clause: str, clause_start: int) -> list:
    """'X on Tuesday, a week after Y': Y is dated a week before X, not on X's day (rows are EventRow)."""
    if len(rows) < 2:
        return rows
    match = MEASURED.search(clause)
    if match is None:
        return rows
    pos = clause_start + match.start()
    first = [row for row in rows if row.trigger_start < pos and row.date is not None and row.date.value is not None]
    if not first:
        return rows
    anchor = first[-1].date
    count = int(match["n"]) if match["n"].isdigit() else NUMBERS[match["n"].lower()]
    sign = -1 if match["dir"].lower() == "after" else 1
    value = shift_date(anchor.value, sign * count, match["u"].lower())
    for row in rows:
        if row.trigger_start > pos and (row.date is None or row.date == anchor):
            row.date = DateMention(pos - clause_start, pos - clause_start + len(match.group(0)), match.group(0), value,
                                   anchor.precision, "relative", f"{match.group(0)} '{anchor.text}'")
            row.resolution, row.inherited = "relative", False
    return rows


def shared_date(clause: Clause, dates: list[DateMention]) -> DateMention | None:
    """The written date that closes the clause before a ', and' ('A shipping board came into being in 2001, and a
    pact was signed.'): the second clause, with no date of its own, tells an act of the same date; None otherwise."""
    before = [mention for mention in dates if mention.end <= clause.start]
    if not before:
        return None
    last = max(before, key=lambda mention: mention.end)
    if last.value is None or last.kind != "point" or last.resolution != "explicit" \
            or not rules()["shared_date_join"].fullmatch(clause.sentence, last.end, clause.start):
        return None
    return last
