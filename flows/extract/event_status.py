"""Whether an event told in a clause is done or still to come: the plan words of the lexicon before the trigger, a
schedule after it, an intention, and, on the spaCy backbone, the trigger's own verb in the dependency parse (a modal,
the infinitive of a plan: event_roles.planned)."""
from __future__ import annotations

import re

from flows.extract import event_roles
from flows.extract.event_asides import rank_restated
from flows.extract.event_clause import Clause
from flows.extract.event_dates import until_point
from flows.extract.event_times import length_not_jubilee
from flows.extract.event_grammar import Hit, rules
from flows.extract.event_scope import arrival_reception, being_prepared
from flows.common.dates.words import AHEAD_NOT_AFTER, AHEAD_WORDS, NOT_UNTIL_AFTER
from flows.common.words import alternation
from flows.lexicon import read_toml
from flows.lexicon.registry import event_type as registry_type, family

__all__ = ["background_only", "in_progress", "is_planned", "negated", "no_act"]

# 'the 47th meeting of the committee, scheduled to take place in January', '..., to be held in Lima': the plan told
# after the trigger
PLANNED_AFTER = re.compile("|".join(read_toml("events.toml")["planned_after"]), re.I)
# a quotation mark: a future inside a quote closed before the trigger is the speaker's, not the trigger's tense
QUOTE = re.compile(read_toml("events.toml")["quote_mark"])

# 'agreed to hold consultations', 'invited him to visit', 'invited her for a state visit': an intention, so a meeting
# or visit still to come
INTENT = re.compile(read_toml("events.toml")["intent"]["before"], re.I)
INTENT_REACH = int(read_toml("events.toml")["intent"]["reach"])  # 'invited the Prime Minister of B Jan Novak to pay'
OCCASION = re.compile(r"\s*(?:at|during|in\s+the\s+course\s+of)\b", re.I)
BE_BEFORE = re.compile(r"\bbe\s+$")  # 'to be signed': the participle is still a plan
# 'a step that paved the way for full ties': a later act the clause gives no date of its own
CONSEQUENCE_BEFORE = re.compile(read_toml("events.toml")["consequence_before"], re.I)


def _ahead_filled(key: str) -> str:
    """An events.toml pattern with its {ahead_words} slot filled by the one list of 'ahead of' words (dates.toml
    [ahead_of], which the date grammar's tense reads too)."""
    words = alternation(AHEAD_WORDS, longest_first=False) + f"(?!{AHEAD_NOT_AFTER})"  # not 'ahead of schedule'
    return read_toml("events.toml")[key].replace("{ahead_words}", words)


# 'the aide arrived on Monday ahead of the president's visit': the visit is only the other act's time
TIME_REFERENCE_BEFORE = re.compile(_ahead_filled("time_reference_before"), re.I)
# 'the aide arrived on Monday ahead of President Bell's visit': an advance party's arrival (case as written)
ADVANCE_ARRIVAL_AFTER = re.compile(_ahead_filled("advance_arrival_after"))
# only an arrival trigger can be that advance party's ('visited Lima ahead of X's visit' is a visit of its own)
ARRIVAL_TRIGGER = re.compile(read_toml("events.toml")["arrival_trigger"], re.I)
# 'a pact reached in order to ensure annual talks are held': the talks are the pact's purpose
PURPOSE_BEFORE = re.compile(read_toml("events.toml")["purpose_before"], re.I)
# 'Trips at the top level were the following:': a list's heading
LIST_INTRO = re.compile(read_toml("events.toml")["list_intro"], re.I)
# 'putting a previously signed memorandum in place': an act of the past named as an adjective
EARLIER_ATTRIBUTIVE = re.compile(read_toml("events.toml")["earlier_attributive"], re.I)
EARLIER_PARTICIPLE = re.compile(read_toml("events.toml")["earlier_participle"], re.I)
# 'were not restored until 1994': the negation tells when, not whether (dates.toml [not_until])
NOT_UNTIL_AFTER_RX = re.compile(NOT_UNTIL_AFTER, re.I)
NO_NOUN = re.compile(r"no\b", re.I)  # 'no agreement was signed until ...' stays a negation of the act
REPORTED = re.compile(r",\s+(?:[\w’'-]+\s+){0,6}?(?:said|told|announced|added|stated)\b")


def _reported_between(sentence: str, start: int, end: int) -> bool:
    """', Foreign Minister X said on Monday after receiving ...': what follows the report is not the plan it reports."""
    return start < end and REPORTED.search(sentence, start, end) is not None


def _quoted_before(sentence: str, start: int, position: int, trigger: int) -> bool:
    """'"Ties will grow," the premier said on the occasion of his visit': the plan word is inside a quotation that
    closes before the trigger (an odd number of quotation marks before it, one more between it and the trigger)."""
    return len(QUOTE.findall(sentence, start, position)) % 2 == 1 and QUOTE.search(sentence, position, trigger) is not None


RANK_BEFORE = re.compile(read_toml("dates.toml")["plans"]["rank_before"], re.I)


def _done_participle(hit: Hit, sentence: str) -> bool:
    """'Farmers will gain from an accord signed between A and B today': a past participle describing a noun tells an
    act already done; the future before it is the main clause's ('to be signed' is still a plan)."""
    return not BE_BEFORE.search(sentence[max(0, hit.start - 4):hit.start]) \
        and event_roles.noun_modifier(sentence, hit.start, hit.end)


def is_planned(hit: Hit, clause: Clause) -> bool:
    """A plan or a future told before the trigger, a schedule after it, an intention ('agreed to hold talks'), or the
    trigger's verb read from the parse as a modal's or a plan's ('is tentatively scheduled to visit')."""
    grammar = rules()
    sentence = clause.sentence
    future = grammar["future_time"].search(clause.text)
    if future is not None and not _reported_between(sentence, clause.start + future.end(), hit.start):
        return True
    plans = [plan for plan in grammar["planned"].finditer(sentence, clause.start, hit.end)
             if not RANK_BEFORE.search(sentence, max(0, plan.start() - 40), plan.start())
             and not _quoted_before(sentence, clause.start, plan.start(), hit.start)]
    if plans and not _reported_between(sentence, plans[-1].end(), hit.start) and not _done_participle(hit, sentence) \
            and not grammar["relative_past"].search(sentence, plans[-1].end(), hit.end):
        return True
    if PLANNED_AFTER.match(sentence, hit.end, clause.end) or being_prepared(hit, clause):
        return True
    intent_plans = registry_type(hit.event_type).intent_plans
    # 'agreed to deepen ties at a meeting in Oslo': a trigger told as the occasion (a preposition) is where the
    # intention was voiced, not what was intended
    if intent_plans and not OCCASION.match(hit.text) \
            and INTENT.search(sentence, max(clause.start, hit.start - INTENT_REACH), hit.start):
        return True
    return not OCCASION.match(hit.text) and event_roles.planned(sentence, hit.start, hit.end, intent_plans)


def no_act(hit: Hit, clause: Clause) -> bool:
    """A trigger that tells no act of its own, read from the parse: a feeling about the act told ('expressed his
    pleasure to visit'), or a tally of many ('paid a number of official visits'); or a reception at an arrival
    ('received him at the airport': the visit's protocol, no meeting); or a judgment's object ('hailed the visit as'), or a
    perfect's count ('has held nine sessions'); or a rank that restates the act (', becoming the third to recognise');
    or a length of years celebrated ('are celebrating 27 years of cooperation': no round count, no jubilee)."""
    sentence = clause.sentence
    return event_roles.felt(sentence, hit.start, hit.end) or event_roles.tally(sentence, hit.start, hit.end) \
        or arrival_reception(hit, sentence, clause.start, clause.end) or _appraised(hit, clause) \
        or rank_restated(sentence, hit.start) or _later_consequence(hit, clause) or _time_reference(hit, clause) \
        or PURPOSE_BEFORE.search(sentence, max(clause.start, hit.start - 60), hit.start) is not None \
        or _list_heading(hit, sentence) \
        or (EARLIER_PARTICIPLE.match(hit.text) is not None
            and EARLIER_ATTRIBUTIVE.search(sentence, max(clause.start, hit.start - 30), hit.start) is not None) \
        or (family(hit.event_type) == "anniversary" and length_not_jubilee(hit.text)) \
        or any(count.start() <= hit.end and count.end() >= hit.start  # 'has held nine sessions': a count
               for count in rules()["perfect_tally"].finditer(sentence, clause.start, clause.end))


def _appraised(hit: Hit, clause: Clause) -> bool:
    """The trigger is what a judgment is about ('she praised the signing of the pact as a first success'): the
    act is only appraised there, on a later day than it happened."""
    grammar = rules()
    return grammar["appraised_before"].search(clause.sentence, max(clause.start, hit.start - 40), hit.start) is not None \
        and grammar["appraised_after"].match(clause.sentence[hit.end:clause.end]) is not None


def _named_before(pattern: re.Pattern[str], reach: int, hit: Hit, clause: Clause, *, unbroken: bool = False) -> bool:
    """The pattern's words stand in the `reach` characters before the trigger (within the clause) and no date of the
    clause is written at or after them: the trigger is named as another act's consequence or time, on no day the
    clause gives (a date after the words is its own). `unbroken`: only a date with no comma or semicolon between the
    words and it is the trigger's ('Ahead of the visit, the minister in May led ...': May is the minister's act's)."""
    before = pattern.search(clause.sentence, max(clause.start, hit.start - reach), hit.start)
    return before is not None and not any(
        mention.start >= before.start()
        and not (unbroken and re.search(r"[,;]", clause.sentence[before.start():mention.start]))
        for mention in clause.dates)


def _later_consequence(hit: Hit, clause: Clause) -> bool:
    """The trigger is what an earlier act led to ('a consulate set up in 1950, a step that paved the way for
    establishing ties') and no date follows in the clause: it came later, on a day the clause does not give
    (a date after it, 'which led to the signing of the accord in 1952', is its own)."""
    return _named_before(CONSEQUENCE_BEFORE, 60, hit, clause)


def _time_reference(hit: Hit, clause: Clause) -> bool:
    """The trigger names the time of another act ('the aide arrived in the capital on Monday ahead of the
    president's visit') and no date follows in the clause: the visit is told elsewhere or not at all; the clause's
    date is the aide's arrival, not the visit's (news35, r28's near misses). The aide's arrival itself is the named
    visit's advance party, no visit of its own."""
    if _named_before(TIME_REFERENCE_BEFORE, 70, hit, clause, unbroken=True):
        return True
    # the arrival of an advance party before a named person's visit is no visit of its own
    return family(hit.event_type) == "visit" and ARRIVAL_TRIGGER.match(hit.text) is not None \
        and ADVANCE_ARRIVAL_AFTER.match(clause.sentence[hit.end:clause.end]) is not None


def _list_heading(hit: Hit, sentence: str) -> bool:
    """The sentence opens a list of the acts its trigger names ('Trips at the top level were the following:'): the
    items after the colon are the acts; the heading is none."""
    return sentence.rstrip().endswith(":") and (LIST_INTRO.search(sentence, 0, hit.start) is not None
                                                or LIST_INTRO.search(sentence, hit.end) is not None)


def background_only(rows: list, sentence: str) -> bool:
    """Every event of the clause is told as a participle describing an object ('replaces the accord signed in
    1999'): the object's history, whose date is no day of the story."""
    return all(event_roles.noun_modifier(sentence, row.trigger_start, row.trigger_start + len(row.trigger))
               for row in rows)


def in_progress(event_type: str, hit: Hit, sentence: str) -> bool:
    """An anniversary told in the present progressive ('both nations are marking the 30th anniversary of
    relations'): the anniversary year under way, not a celebration on a day (which a date of its own would tell)."""
    return family(event_type) == "anniversary" and event_roles.progressive(sentence, hit.start, hit.end)


def negated(clause: Clause, hits: list[Hit]) -> bool:
    """A negation in the clause ('did not sign', 'the visit was cancelled'), unless it is told only in a subordinate
    clause after the acts ('Chile banned the imports in 2009 after the traders had failed to pay'): the reason's
    negation, not the act's."""
    grammar = rules()
    last_act = max(hit.end for hit in hits) if hits else clause.start
    for negation in grammar["negation"].finditer(clause.sentence, clause.start, clause.end):
        if NOT_UNTIL_AFTER_RX.match(clause.sentence[negation.end():clause.end]) \
                and not NO_NOUN.match(negation.group(0)) and any(until_point(mention) for mention in clause.dates):
            continue  # 'did not open an embassy until 2001': opened in 2001 ('until further notice' names no day)
        cause = grammar["subordinate_after"].search(clause.sentence, last_act, negation.start())
        if negation.start() < last_act or cause is None:
            return True
    return False
