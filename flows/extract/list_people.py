"""The people and rows of lists of visitors: each person named right before their own years, or on an item line of a
visits section, takes the visiting side; a section's heading is no visit of its own."""
from __future__ import annotations

from flows.extract.event_lists import ListedVisit, VisitList
from flows.extract.event_rows import EventRow
from flows.extract.person_lists import KNOWN_CUES
from flows.extract.persons import Person
from flows.lexicon.registry import family



def share_visitor_side(sentence: str, lists: list[VisitList], persons: list[tuple[Person, int, int]]) -> None:
    """Each person named right before the years of a visit list is a visitor, of the list's visiting side ('Borvia
    was visited by Premier Ida Moss (1980), President Tom Bell (1996)': both are the pair's other side, not Borvia's,
    the country named nearest), unless their own title or the leaders list gives their country."""
    for found in lists:
        for item in found.items:
            for person, _, end in persons:
                if end <= item.start() and not sentence[end:item.start()].strip() \
                        and person.country_cue not in KNOWN_CUES:
                    person.country, person.country_cue = found.sides[0], "inferred"


def listed_line_sides(sentence_start: int, persons: list[tuple[Person, int, int]], visits: list[ListedVisit]) -> None:
    """A person named on an item line of a visits section ('From Arland to Borvia:' ... '- Premier Ida Moss (1996)')
    is that line's visitor, unless their own title or the leaders list gives their country; the words before the name
    on the line are the title, when no reader gave one ('- Vice-chancellor Ida Moss (1996)': 'Vice-chancellor')."""
    for person, start, _ in persons:
        at = sentence_start + start
        for visit in visits:
            if not visit.line_start <= at < visit.line_end:
                continue
            if person.country_cue not in KNOWN_CUES:
                person.country, person.country_cue = visit.actor, "inferred"
            title = visit.name[:-len(person.name)].strip() if visit.name.endswith(" " + person.name) else ""
            if person.role is None and title and all(word[0].isupper() for word in title.split()):
                person.role = title
            break


def drop_heading_visits(sentence_start: int, events: list[EventRow], visits: list[ListedVisit]) -> list[EventRow]:
    """A visit read from a section's heading with no date written there ('Visits from Arland to Borvia:', dated by
    the publication or not at all) is no visit of its own: the items under it are."""
    headings = {visit.heading for visit in visits}
    return [event for event in events if not (
        family(event.event_type) == "visit" and not (event.date and event.date.text)
        and any(first <= sentence_start + event.trigger_start < last for first, last in headings))]
