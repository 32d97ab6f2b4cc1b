"""Which date an event found in a clause takes: the trigger's own date in the clause (not a relative clause's,
nor another participle's); for an undated act that happened, the visit it was part of, the story's day or the
publication day. events.find_events reads both."""
from __future__ import annotations

import re

from flows.common.dates import DateMention, publication_mention
from flows.extract.event_asides import participle_asides
from flows.extract.event_clause import LEAD_SENTENCES, Clause, perfect_lead
from flows.extract.event_continued import continued_day
from flows.extract.event_dates import COUNTED_OCCASIONS, DURING_VISIT, NARROWING_GAP, pick_date, shared_date
from flows.extract.event_days import holds_publication_day, lead_position, visit_phase_perfect
from flows.extract.event_grammar import Hit, rules
from flows.extract.event_rows import EventState
from flows.extract.event_subclause import in_other_clause
from flows.extract.event_times import own_times
from flows.extract.event_words import AUXILIARY, PARTICIPLE_BY, PARTICIPLE_DATE, RELATIVE
from flows.extract.event_year_anchor import old_year_told, year_told_before
from flows.lexicon.registry import family

# a count or anaphor of years the date reader could not resolve ('ten years later', 'the same year' after a decade)
_YEARS = re.compile(r"\byears?\b", re.I)


def event_date(hit: Hit, clause: Clause, dates: list[DateMention]) -> DateMention | None:
    """The trigger's own date: not one after 'since ...ing', nor a relative clause's, nor another participle's."""
    sentence = clause.sentence
    own = own_times([mention for mention in dates if (mention.start < hit.start or not re.search(  # 'due in 2025'
        r"\b(?:since|after|before|when|while)\s+\w+ing\b", sentence[hit.end:mention.start]))
        and not in_other_clause(sentence, mention, hit.start, hit.end)], hit.start, hit.end, sentence)  # 'after being elected on 17 May'
    others = [match for match in RELATIVE.finditer(sentence, clause.start, clause.end)
              if not match.start() <= hit.start < match.end()]
    # 'Jon Bell, elected in 2021, is the first president to visit Peru': a participle aside about a person before
    # the trigger tells that person's act, as a 'who' aside does
    participles = [span for span in participle_asides(sentence, clause.start, clause.end) if span[1] <= hit.start]
    asides = [match.span() for match in others] + participles
    kept = [mention for mention in own if not any(first <= mention.start < last for first, last in asides)
            and not (PARTICIPLE_DATE.search(sentence, max(clause.start, mention.start - 40), mention.start)
                     and not hit.start <= mention.start - 1 <= hit.end + 15)]
    # with no other date, a 'which' aside may still date the act ('the visit, which began on Tuesday, ...' tells the
    # act noun's day); a 'who' or participle aside tells a person's story ('Soto, who took office after Vega stepped
    # down in 2019, is paying a visit'): its date is never the act's, which is left to the story's day
    people = [match.span() for match in others if match["pronoun"].lower() == "who"] + participles
    fallback = [mention for mention in own if not any(first <= mention.start < last for first, last in people)]
    return pick_date(kept if kept or not fallback else fallback, hit.start, NARROWING_GAP, hit.end)


def undated_date(hit: Hit, event_type: str, clause: Clause, state: EventState) -> tuple[DateMention | None, str | None]:
    """An undated event that happened takes the visit it was part of, the story's day, or the publication day;
    (None, None) when it is a state or an event already told."""
    grammar = rules()
    sentence = clause.sentence
    before = sentence[clause.start:hit.start]
    if family(event_type) == "agreement" and PARTICIPLE_BY.match(sentence, hit.end) and not AUXILIARY.search(before) \
            and any(family(known.event_type) == "agreement" for known in state.events):
        return None, None  # 'the list of memoranda signed by the two sides:' describes the documents already told
    if grammar["reference"].search(hit.text) or grammar["reference"].search(sentence[max(clause.start, hit.start - 25):hit.end]):
        if any(family(known.event_type) == family(event_type) for known in state.events):
            return None, None
    read = lead_position(state.sentences_read, state.headings_read, bool(state.events))  # headings are no lead
    news_lead = perfect_lead(before, clause, read) or (
        family(event_type) == "visit" and not grammar["tally"].search(clause.text)
        and (grammar["perfect_begun"].search(before) is not None  # 'has begun a state visit', wherever told
             or (read < LEAD_SENTENCES and visit_phase_perfect(before))))  # 'has wrapped up a visit', in the lead
    if not news_lead and (grammar["perfect"].search(before) or re.search(r"\b(?:documents|agreements|treaties)\s+$",
                                                                         before, re.I)):
        return None, None
    if not news_lead and re.search(r"\b(?:has|have)\b", before, re.I) and not hit.text.lower().startswith("visit"):
        return None, None
    visit = next((known for known in reversed(state.events) if family(known.event_type) == "visit"
                  and known.date is not None and known.status == "occurred"), None) \
        if DURING_VISIT.search(clause.text) else None
    if visit is not None:
        return visit.date, "anaphora"  # 'During the visit, the two sides signed ...'
    if (also := continued_day(clause.text, state)) is not None:
        return also, "anaphora"  # 'The foreign ministers also met' after the day's signings: their day
    if COUNTED_OCCASIONS.search(clause.text):
        return None, None  # 'In those years, eleven sessions of the joint committee were held': many acts, no one day
    shared = shared_date(clause, state.sentence_dates)
    if shared is not None:
        return shared, "anaphora"
    if old_year_told(clause.text):
        return None, None  # 'the first envoys reached the court in 1518': its own time, older than any date read
    if any(m.value is None and m.resolution == "anaphora" and _YEARS.search(m.text) for m in clause.dates):
        return None, None  # 'in the 1950s. The same year, ...': its own year, which no year told names (review34a)
    if state.anchor is not None and year_told_before(state.anchor, state.anchor_read, state.sentences_read, clause.text):
        return None, None  # 'opened an embassy in 1975. A naval mission later hosted cadets.': no year for the hosting
    if state.anchor is not None and not holds_publication_day(state.anchor, state.published):
        return state.anchor, "anaphora"
    if state.published is not None:
        # an undated event told before any date: the news of the day (publication date as the fallback)
        return publication_mention(state.published), "publication"
    return None, None
