"""Which side a person serves, read from the sentence around them once the titles and names have said what they can:
the event the person takes part in (the visitor is the actor, 'with X' the other side, 'at the invitation of X' the
host), 'A and the Ruritanian minister B' (A the other side), 'the latter', and last of all the country named nearest
in the person's clause. Split from flows/extract/document.py, which calls these per sentence."""
from __future__ import annotations

import re

from flows.common.words import alternation
from flows.extract.countries import CountryMention, other_side
from flows.extract.events import EventRow, is_object, split_clauses
from flows.extract.leaders import INTERNATIONAL_ROLE, is_destination
from flows.extract.people import Person, nearest_country
from flows.extract.quotations import quoted_apart
from flows.lexicon import read_toml

# compiled once (speed: a pattern string in a hot function is a cache look-up a call)
COUNTERPART_AFTER = re.compile(r"\s+counterparts?\b")
IN_AT_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
LATTER = re.compile(r"\bthe\s+latter\b", re.I)
HOST_VERB = re.compile(r"(?i)host|receiv|welcom")
PASSIVE_BY = re.compile(r"\bby\b")
SUBORDINATE = re.compile(r"\b(?:when|whereas|while)\b")
# only the words of a title between a demonym and a name: the demonym is that person's ('Lao Deputy Prime Minister X')
TITLE_WORDS = re.compile(r"(?:\s+(?:[A-Z][\w-]*|and|of|for|the))*\s*$")
POSTED_TO = re.compile(r"\b(?:ambassador|envoy|consul|representative|high\s+commissioner)s?\s+(?:\w+\s+)?(?:to|in)\s+"
                       r"(?:the\s+)?$", re.I)
# a desk's field of regions after a demonym, up to its closing word ('American and Pacific Affairs'): the demonym
# names what the desk covers, not a country the person serves
REGION_DESK = re.compile(r"(?:\s*(?:,|and)?\s+[A-Z][\w-]*)*\s+(?:"
                         + alternation(read_toml("titles.toml")["region_portfolio_ends"]) + r")\b")
HEADING_REACH = 60  # characters from a heading's trigger to its colon ('Visits of the heads of state from A to B:')
# the heading is all that stands before its trigger (a few words: 'High-level visits from A to B:'), and the trigger
# a noun of visits: 'A's President X visited B on Monday: ...' is a clause, not a heading
HEADING_LEAD = re.compile(r"^\W*(?:[\w’'-]+\s+){0,3}$")
HEADING_NOUN = re.compile(r"(?:visits?|trips?)\b", re.I)
INVITATION = re.compile(r"\bat\s+the\s+invitation\s+of\s+(?:[\w’'-]+\s+){0,8}$", re.I)


TITLE_OF = re.compile(r"\b(?:[Pp]resident|[Mm]inister|King|Queen|Emir|[Aa]mbassador|Chancellor|Premier|Speaker|Secretary|"
                      r"Governor)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?)*of\s+(?:the\s+)?$")


Latter = tuple[str | None, int, Person | None]  # (country, position, person) that 'the latter' names


def latter_named(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]],
            previous: Latter | None) -> Latter | None:
    """What 'the latter' refers to: the last person or country named before it."""
    match = LATTER.search(sentence) if "latter" in sentence else None
    if not match:
        return previous
    named: list[tuple[int, str | None, Person | None]] = [(country.end, country.iso3, None) for country in countries
                                                          if country.end <= match.start()]
    named += [(end, person.country, person) for person, _, end in persons if end <= match.start()]
    if not named:
        return previous
    _, iso, person = max(named, key=lambda candidate: candidate[0])
    return iso, match.start(), person


def opposite_sides(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]],
                    pair: tuple[str, str]) -> None:
    """'Foreign Secretary X and Vietnamese Foreign Minister Y': X, with no country of his own, is the other side."""
    ordered = sorted(persons, key=lambda mention: mention[1])
    for (first, _, first_end), (second, second_start, _) in zip(ordered, ordered[1:]):
        if first.country is not None or second.country not in pair or first is second:
            continue
        match = AND_SIDE.match(sentence, first_end, second_start)
        if match and any(country.start == match.start("side") and country.iso3 == second.country for country in countries):
            first.country, first.country_cue = other_side(pair, second.country), "inferred"


AND_SIDE = re.compile(r"\s+and\s+(?:the\s+)?(?P<side>[A-ZÀ-Þ][\w’'-]+)")


GOES_REACH = 30  # characters between a person's name and the place the verb after it says they went to


def fill_from_context(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]]) -> None:
    """Last resort: the country named nearest in the person's clause (not a destination, not a counterpart's)."""
    # a counterpart's demonym, and the country a title is 'of' ('the President of the UAE'), belong to someone else
    own = [country for country in countries if not COUNTERPART_AFTER.match(sentence[country.end:country.end + 14])
           and not TITLE_OF.search(sentence, max(0, country.start - 40), country.start)
           and not POSTED_TO.search(sentence, max(0, country.start - 40), country.start)  # 'ambassador to Spain'
           and not (country.kind == "demonym" and REGION_DESK.match(sentence, country.end))]
    for clause_start, clause_end in split_clauses(sentence):
        for person, start, end in persons:
            if person.role and INTERNATIONAL_ROLE.search(person.role):
                continue  # 'United Nations Secretary-General X' serves no country
            if person.country is None and clause_start <= start < clause_end:
                # a demonym that is already another person's title ('Ethiopian Prime Minister Abiy Ahmed') is theirs
                free = [country for country in own if not any(
                    other is not person and other.country == country.iso3 and 0 <= other_start - country.end < 100
                    and TITLE_WORDS.match(sentence, country.end, other_start) for other, other_start, _ in persons)
                    and not quoted_apart(sentence, country.start, start)]
                iso = nearest_country(sentence, start, end, free, (clause_start, clause_end))
                if iso is None:
                    # 'King Mohammed VI welcomed him in Rabat': where a person acts is their country, last of all
                    here = [country for country in free if clause_start <= country.start < clause_end
                            and country.kind in ("capital", "name")
                            and IN_AT_BEFORE.search(sentence[max(0, country.start - 8):country.start])
                            and not (0 <= country.start - end < GOES_REACH and is_destination(sentence, country))]
                    # 'X stopped over in B': B is where X went ('A arrived in B and was received by X': X's)
                    iso = here[0].iso3 if len({country.iso3 for country in here}) == 1 else None
                if iso:
                    person.country, person.country_cue = iso, "inferred"


def fill_from_events(events: list[EventRow], persons: list[tuple[Person, int, int]], sentence: str,
                      latter: Latter | None) -> None:
    """A person with no country yet takes the side the event gives them: the visitor is the actor, 'with X' the other."""
    for event in events:
        if latter and len(latter) > 2 and latter[2] is not None and latter[2].country is None and not event.symmetric:
            if LATTER.search(sentence, event.start, event.end):
                latter[2].country, latter[2].country_cue = event.actor, "inferred"
        inside = [(person, start) for person, start, _ in persons if event.start <= start < event.end]
        if not event.symmetric:
            # 'X arrived in Cairo ..., and was received by President Y': the host named later in the sentence
            inside += [(person, start) for person, start, _ in persons
                       if start >= event.end and is_object(sentence, event.end, start)]
        if not event.symmetric:
            inside += [(person, start) for person, start, _ in persons
                       if start >= event.end and INVITATION.search(sentence, event.start, start)]
        for person, start in inside:
            if person.country:
                continue
            if not event.symmetric and INVITATION.search(sentence, event.start, start):
                person.country, person.country_cue = event.target, "inferred"  # 'at the invitation of X': the host
                continue
            if event.event_type == "embassy_opened" and start > event.trigger_start:
                continue  # 'the agency was opened in May, with X as its first agent': a mission's head, no other side
            if start < event.trigger_start and SUBORDINATE.search(sentence, start, event.trigger_start):
                continue  # 'Akande quoted the leaders ... when Akufo-Addo visited Osinbajo': the teller is no side
            obj = is_object(sentence, event.start, start)
            if not obj and start > event.trigger_start and not event.symmetric \
                    and _listed_under(sentence, event.trigger_start, start):
                person.country, person.country_cue = event.actor, "inferred"  # 'Visits from A to B: Minister X (2010)'
                continue
            if not obj and start > event.trigger_start:
                continue  # after the trigger and not its object ('at the invitation of X'): no side to give
            if HOST_VERB.match(event.trigger) and not PASSIVE_BY.search(event.trigger):
                obj = not obj  # 'Biden hosted Xi': the subject is the host ('X was hosted by King Y': Y is the host)
            if not event.symmetric:
                person.country = event.target if obj else event.actor
            else:
                # a meeting: the side not taken by the people on the other end of 'with'
                known = {other.country for other, other_start in inside
                         if other.country and is_object(sentence, event.start, other_start) != obj}
                rest = [side for side in (event.actor, event.target) if side not in known]
                if len(known) == 1 and len(rest) == 1:
                    person.country = rest[0]
            if person.country:
                person.country_cue = "inferred"



def _listed_under(sentence: str, trigger_start: int, start: int) -> bool:
    """Whether the person stands in a list that a heading of visits opens with a colon ('Visits from A to B: Minister
    X visited B in 1990; President Y (2004)'): the heading's visitor side is each listed person's. The heading is the
    trigger's own phrase, with no verb of its own before the colon (a short run of words)."""
    if not HEADING_LEAD.match(sentence[:trigger_start]) or not HEADING_NOUN.match(sentence, trigger_start):
        return False
    colon = sentence.find(":", trigger_start, start)
    return 0 <= colon - trigger_start <= HEADING_REACH and sentence.find(":", colon + 1, start) < 0
