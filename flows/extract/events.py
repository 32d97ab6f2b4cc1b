"""Bilateral events: trigger rows per clause, negation and plans, actor and target by the registry's rule, dates by
clause. What each event type is (family, symmetry, actor rule, summary) is a row of flows/lexicon/event_types.csv."""
from __future__ import annotations

from dataclasses import replace

from flows.common.dates import DateMention, publication_mention
from flows.common.prefilter import gated_search
from flows.extract.countries import CountryMention, is_historic
from flows.extract.event_days import (after_publication, date_line, move_to_first_day, next_year_if_past, nth_visit_day,
                                     visit_start)
from flows.extract.event_dates import (ANCHOR_VERB, anchorable, count_only, listed_with, measured_from, next_anchor,
                                       offset_date, own_dates, pick_date, plan_free)
from flows.extract.event_hoped import without_hoped_subjects
from flows.extract.event_later import later_occasions
from flows.extract.event_grammar import Hit, choose_hits, find_triggers, rules, split_clauses
from flows.extract.event_clause import (LEAD_SENTENCES, Clause, named, part_before,
                                       point_dates as clause_point_dates)
from flows.extract.event_acts import instrument_sides
from flows.extract.event_frames import frame_hits
from flows.extract.event_gapped import gapped_sides
from flows.extract.event_non_state import firm_signed, non_state_visited
from flows.extract.event_history_acts import act_sides, history_acts
from flows.extract.event_missions import mission_told_before
from flows.extract.event_scope import (attributive_destination, ceremony_host, face_to_face_greetings,
                                      named_destination, named_visitor, owned_visit, passive_agent, signing_meetings,
                                      subordinate_visit, told_meeting_again, visiting_guest, without_part_steps,
                                      without_titled_bodies)
from flows.extract.event_repeats import told_before
from flows.extract.event_host_moves import host_at_venue
from flows.extract.event_returns import returned_home
from flows.extract.event_welcome import welcomed_guest
from flows.extract.event_title_lists import titled_instruments
from flows.extract.event_dating import event_date, undated_date
from flows.extract.event_since import earlier_firsts
from flows.extract.event_spans import (anniversary_period, joint_outing, relative_visitor, span_anchor, visit_span,
                                      without_anniversary_years)
from flows.extract.event_asides import dates_outside_asides, without_asides
from flows.extract.event_times import no_decade, undated_told
from flows.extract.event_coordination import coordinated_instruments, coordinated_visits, own_clause_parties
from flows.extract.event_unnamed import unnamed_visit_sides
from flows.extract.event_continued import keep_story_day
from flows.extract.event_output import drop_coarser_copies, same_sides, summary
from flows.extract.event_roles import discussions, pluperfect
from flows.extract.event_status import background_only, in_progress, is_planned, negated, no_act
from flows.extract.event_words import (BUSINESS_DEAL, COMPANY_SIGNER, DEAL_WITH, INTERNATIONAL_ROLE, MULTILATERAL, RECALLED,
                                       STATE_DEAL)
from flows.extract.event_parties import Parties, actor_target, is_object, read_parties, with_non_country, country_in
from flows.extract.event_rows import EventRow, EventState
from flows.extract.people import Person
from flows.lexicon.registry import event_type as registry_type, family, family_kind

__all__ = ["EventRow", "EventState", "drop_coarser_copies", "find_events", "is_object", "split_clauses", "summary",
           "family"]


def find_events(sentence: str, countries: list[CountryMention], dates: list[DateMention],
                persons: list[tuple[Person, int, int]], pair_spans: list[tuple[int, int]],
                state: EventState, last_entity: tuple[str | None, int] | None) -> list[EventRow]:
    """Events in one sentence; `persons` are (person, start, end) mentions including resolved anaphors."""
    out: list[EventRow] = []
    state.previous_rows, state.sentence_rows = state.sentence_rows, out
    state.sentence_dates = dates
    for clause_start, clause_end in split_clauses(sentence):
        clause = Clause(sentence, clause_start, clause_end,
                        [mention for mention in dates if clause_start <= mention.start < clause_end],
                        [country for country in countries if clause_start <= country.start < clause_end
                         and not is_historic(country.iso3)],
                        [(person, start, end) for person, start, end in persons if clause_start <= start < clause_end
                         and not is_historic(person.country or "")])  # a Soviet official, like 'the USSR', is no side
        rows = _clause_events(clause, pair_spans, state, last_entity)
        if not rows:
            continue  # most clauses tell no event: the two filters below would build their sets of every earlier row
        earlier = state.events + out
        rows = face_to_face_greetings(rows, earlier)
        for row in told_meeting_again(rows, earlier, sentence):
            same = [other for other in out if family(other.event_type) == family(row.event_type)
                    and other.event_date == row.event_date and same_sides(other, row) and other.status == row.status]
            if row.actor != row.target and not same:
                out.append(row)
    if not out:  # 'Treaty of Friendship (1961), Agreement on Air Services (1994).': a fact sheet's list, no verb
        out += titled_instruments(sentence, state.pair)
    out = without_hoped_subjects(sentence, out, state.events)  # 'sure that the visit will help': no new visit
    state.events += out
    state.sentences_read += 1
    state.headings_read += not sentence.rstrip().endswith((".", "!", "?", '"', "”", "’", ")"))
    return out


def _clause_events(clause: Clause, pair_spans: list[tuple[int, int]], state: EventState,
                   last_entity: tuple[str | None, int] | None) -> list[EventRow]:
    """The events of one clause; updates the document's date anchor and the last clause's event."""
    grammar = rules()
    text = clause.text
    hits = find_triggers(text, clause.start)
    visits = [(hit.start, hit.end) for hit in hits if family(hit.event_type) == "visit"]
    hits += [hit for hit in discussions(clause.sentence, clause.start, clause.end, visits)  # the parse's 'discussed'
             if not any(family(other.event_type) == "meeting" for other in hits)]
    hits += frame_hits(clause, hits, pair_spans)  # 'formed full diplomatic ties'
    hits += history_acts(clause, hits, state.pair, state.published)  # 'A recognised B in 1991': no trigger, an act
    point_dates = clause_point_dates(clause)
    if not hits:
        hits = _untriggered(clause, point_dates, state, grammar)  # an ellipsis, or no event: maybe a date anchor
    if not hits or _no_state_event(clause, state, grammar, hits):
        return []
    found = hits
    hits = without_titled_bodies(hits, clause.sentence)  # 'Chairman of the Committee X met Y': a meeting
    hits = without_part_steps([hit for hit in choose_hits(hits, text, clause.start) if not no_act(hit, clause)],
                               state, grammar)
    offsets = _offset_hits(found, hits, clause, state)
    if not hits and not offsets:
        return []
    # the words before a measured event are the main event's ('The visit comes six weeks after X visited Y')
    main = part_before(clause, min(dates[0].start for _, dates, _ in offsets)) if offsets else None
    parties = read_parties(clause.sentence, clause.start, (main or clause).end, (main or clause).countries,
                           (main or clause).persons, pair_spans, last_entity)
    by_key: dict[tuple, EventRow] = {}
    for hit, dates, part in [(hit, without_anniversary_years(hit, own_dates(dates_outside_asides(
            clause.dates, clause.sentence, hit.start), hits, hit, clause.sentence), clause.sentence), None)
            for hit in hits] + offsets:
        if part is not None:  # the measured event's own words: 'X visited Y' after 'six weeks after'
            row = _measured_row(hit, part, dates, clause, pair_spans, last_entity, state)
        else:
            row = _build(hit, main if main is not None and hit.start < main.end else clause, dates, parties, state,
                         is_planned(hit, clause))
        if row is not None:
            _keep_once(by_key, row, clause)
    rows = earlier_firsts(signing_meetings(measured_from(_both_ways(coordinated_instruments(coordinated_visits(  # acts19
        list(by_key.values()), clause), clause), grammar), text,
                                          clause.start), clause, state.published), clause, state)  # 'the first since 2011'
    _remember_clause(rows, clause, point_dates, state)
    return rows


def _untriggered(clause: Clause, point_dates: list[DateMention], state: EventState, grammar: dict) -> list[Hit]:
    """A clause with no trigger: an ellipsis repeats the last clause's event, else its day may anchor later ones."""
    text = clause.text
    if state.last_clause_type and point_dates and grammar["ellipsis"].search(text):
        return [Hit(state.last_clause_type, clause.start, clause.start, "(ellipsis)")]
    news_day = [mention for mention in point_dates if mention.resolution == "relative" and mention.precision == "day"]
    anchors = anchorable(point_dates, clause.sentence)
    if anchors and state.anchor is None and (ANCHOR_VERB.search(text) or news_day
                                             or date_line(text, point_dates, clause.start)
                                             or _lead_caption(point_dates, state)):
        # 'agreed on Monday to revive talks', 'walked into the palace on Tuesday': the day the story is
        # about (a verb of news, or a day told relative to publication), for the undated events after it
        state.anchor = pick_date(anchors, (clause.start + clause.end) // 2)
        state.anchor_read = state.sentences_read
    return []


def _no_state_event(clause: Clause, state: EventState, grammar: dict, hits: list[Hit]) -> bool:
    """A clause that tells no event between two states: an international official's, a denial, a domestic one, a
    habit ('numerous and regular visits')."""
    text = clause.text
    if any(person.role and INTERNATIONAL_ROLE.search(person.role) for person, _, _ in clause.persons) and len(
            {country.iso3 for country in clause.countries}
            | {person.country for person, _, _ in clause.persons if person.country}) < 2:
        return True  # 'the UN Secretary-General met Putin': not an event between two states
    # each pattern only where its required words are (prefilter.gated_search: one C pass, the same answers; speed)
    if any(gated_search(grammar[kind], text) for kind in ("domestic", "habitual")) \
            or gated_search(MULTILATERAL, text) or negated(clause, hits):
        state.last_clause_type = None
        return True
    return False


def _measured_row(hit: Hit, part: Clause, dates: list[DateMention], clause: Clause, pair_spans: list[tuple[int, int]],
                  last_entity: tuple[str | None, int] | None, state: EventState) -> EventRow | None:
    """The event measured from the main one ('six weeks after X visited Y'), between the sides its words name."""
    row = _build(hit, part, dates, read_parties(part.sentence, part.start, part.end, part.countries,
                                                part.persons, pair_spans, last_entity), state, False)
    if not named(part) - {None}:
        # 'a week after their prime ministers co-chaired ...': 'their' are the sides of the sentence
        whole = read_parties(clause.sentence, clause.start, clause.end, clause.countries, clause.persons,
                             pair_spans, last_entity)
        row = _build(hit, clause, dates, whole, state, False)
    if row is not None and not {row.actor, row.target} <= named(part if named(part) - {None} else clause):
        row = None  # sides its words do not name are not guessed from the rest of the story
    return row


def _keep_once(by_key: dict[tuple, EventRow], row: EventRow, clause: Clause) -> None:
    """One row per (family, date, sides, status) of the clause, so two triggers of one meeting give one event; a visit
    told as done and one told as a plan in the same clause ('during his visit in March, he invited her to a State
    Visit') stay two."""
    for item in [row] + _list_items(row, clause) + later_occasions(row, clause):  # 'and the second one in 2004'
        key = (family(item.event_type), item.event_date, item.actor, item.target, item.status)
        if key in by_key:
            if registry_type(item.event_type).marker is not None:
                by_key[key].event_type = item.event_type  # 'a state visit' names the kind of the visit told
            continue
        by_key[key] = item


def _remember_clause(rows: list[EventRow], clause: Clause, point_dates: list[DateMention], state: EventState) -> None:
    """Carry the clause's date and event to the clauses after it ('... signed on 4 May. The ministers also met')."""
    # a dated clause whose trigger made no event ('its deal with Somaliland, signed on 1 January') does not date
    # the events told after it, unless it is the story's multilateral meeting
    # 'replaces the accord signed in 1999': the accord's history dates no later event
    story_clause = bool(rows) and not background_only(rows, clause.sentence) or len(
        {country.iso3 for country in clause.countries}) > 2
    anchors = plan_free(anchorable(point_dates, clause.sentence), rows, state.published) if story_clause else []
    if anchors and not RECALLED.search(clause.text) \
            and not pluperfect(clause.sentence, clause.start, clause.end):  # 'had invited him following his visit in 2010'
        anchor = keep_story_day(state, next_anchor(state.anchor, pick_date(anchors, (clause.start + clause.end) // 2),
                                                   clause.text))
        anchor = span_anchor(rows, anchor, state.anchor)  # 'departed on Friday, ending his visit from 2 to 4 June': the visit's days
        if anchor is not state.anchor:
            state.anchor, state.anchor_read = anchor, state.sentences_read
    if rows:
        state.last_clause_type = rows[-1].event_type
        state.last_clause_parties = (rows[-1].actor, rows[-1].target)


def _offset_hits(found: list[Hit], chosen: list[Hit], clause: Clause,
                 state: EventState) -> list[tuple[Hit, list[DateMention], Clause]]:
    """Triggers told as a measure of time back from the story's day ('The visit comes six weeks after X visited Y'),
    with the date the measure gives: the clause's own date, else the story's day, else the publication day."""
    out = []
    for hit in found:
        if hit in chosen or registry_type(hit.event_type).family not in (
                "visit", "meeting", "commission", "agreement", "relations"):
            continue
        own = pick_date(anchorable(clause_point_dates(clause)), hit.start)
        base = own or state.anchor or (publication_mention(state.published) if state.published else None)
        dated = offset_date(clause.sentence, clause.start, hit.start, base)
        if dated is not None and not any(other.start == hit.start for other, _, _ in out):
            start = dated.end
            part = Clause(clause.sentence, start, clause.end, [dated],
                          [country for country in clause.countries if country.start >= start],
                          [person for person in clause.persons if person[1] >= start])
            out.append((hit, [dated], part))
    return out


def _lead_caption(dates: list[DateMention], state: EventState) -> bool:
    """A page with no publication date whose lead writes a full day ('The President inspects a guard of honour at
    the palace on Friday, 3 June 2022.', a photo caption): the day of the story, for its undated events."""
    return state.published is None and state.sentences_read < LEAD_SENTENCES and any(
        mention.precision == "day" and mention.resolution == "explicit" for mention in dates)


def _list_items(row: EventRow, clause: Clause) -> list[EventRow]:
    """'The presidents met in 2010 and 2012': one meeting for each date of the list, not only the nearest."""
    if row.date is None or row.inherited or row.date not in clause.dates:
        return []
    closing = len(clause.sentence[:clause.end].rstrip(" \t.;:)"))  # where the clause's words end
    return [replace(row, date=mention, resolution=mention.resolution)
            for mention in listed_with(clause.dates, row.date, closing)]


def _both_ways(rows: list[EventRow], grammar: dict) -> list[EventRow]:
    """'The two sides established their respective embassies in 1950': each side's embassy in the other country."""
    out = []
    for row in rows:
        out.append(row)
        if registry_type(row.event_type).symmetry == "directional" and grammar["mutual_plural"].search(row.trigger):
            out.append(replace(row, actor=row.target, target=row.actor, place=None))
    return out


def _not_between_states(event_type: str, hit: Hit, clause: Clause, parties: Parties) -> bool:
    """'signed a contract with Boeing', '20 commercial contracts were signed', 'a memorandum with Somaliland'."""
    text = clause.text
    if family(event_type) == "commission" and INTERNATIONAL_ROLE.search(clause.sentence, max(0, hit.start - 30), hit.end):
        return True  # 'the UN Security Council was convened': a body of many states, no two-state commission
    if registry_type(event_type).symmetry == "symmetric" and len(set(parties.all)) < 2 and with_non_country(
            clause.sentence, hit.start, clause.end, clause.persons, parties):
        return True  # the other side is not a state
    if family(event_type) == "visit" and non_state_visited(hit, clause):
        return True  # 'the national party landed in Arland', 'the explorer X arrived': no state's visit (near28b)
    if event_type != "agreement_signed":
        return False
    if BUSINESS_DEAL.search(text) and not STATE_DEAL.search(text):
        return True  # companies' deals, not an agreement between the states
    if COMPANY_SIGNER.search(clause.sentence, max(clause.start, hit.start - 60), hit.end):
        return True  # 'United Bank of Ruritania signed banking agreements with banks of Borvia': a bank's deal
    if firm_signed(hit, clause):
        return True  # 'the two companies signed an agreement': firms head the subject, not the states (near28b)
    if rules()["company_side"].search(clause.sentence, hit.start, clause.end):
        return True  # 'signed investment agreements worth $3 billion with Borvian companies': the other side is firms
    deal_with = DEAL_WITH.search(clause.sentence, clause.start, clause.end)
    return bool(deal_with and not country_in(deal_with.group(1)))


def _build(hit: Hit, clause: Clause, dates: list[DateMention], parties: Parties, state: EventState,
           planned: bool) -> EventRow | None:
    event_type = family_kind(hit.event_type, clause.text)
    kind = registry_type(event_type)
    if count_only(clause.sentence, clause.start, clause.end, dates):
        return None  # 'has visited the UAE seven times since 2015', 'had met him twice': a count, not an event
    if family(event_type) == "visit" and any(family(known.event_type) == "visit" for known in state.events) \
            and rules()["demonstrative_visit"].search(clause.sentence, max(clause.start, hit.start - 30), hit.start):
        return None  # 'we mean to make this visit a turning point': the visit told before
    if family(event_type) == "anniversary" and rules()["anniversary_state"].search(clause.sentence, clause.start, hit.end):
        return None  # 'this year marks the 30th anniversary': a year's state; 'the summit, which marked ...': its occasion
    # 'visit to B from 3 to 5 May': its first day; 'the 40th anniversary of ties (1984-2024)': 2024
    date_m = no_decade(visit_span(hit, dates, clause.sentence) or anniversary_period(hit, clause.dates, clause.sentence)
                       or event_date(hit, clause, dates))  # 'throughout the 1990s': a decade is no date
    resolution = date_m.resolution if date_m else None
    if date_m is None and not planned:
        date_m, resolution = (None, None) if undated_told(clause.text, clause.dates, clause.sentence, hit.start, clause.start) \
            else undated_date(hit, event_type, clause, state)  # 'Over the following decades, they signed ...': no day
        if date_m is None:
            return None
    inherited = date_m is not None and date_m not in dates  # before the year shift below makes a new mention
    if inherited and date_m is state.anchor and state.sentences_read - state.anchor_read > 1 \
            and rules()["said_together"].search(hit.text):
        return None  # 'The two leaders stressed ...' dated only by a day told two sentences or more before: unsure
    told = date_m
    date_m = visit_start(date_m, clause.sentence, hit.end) if family(event_type) == "visit" and not planned else date_m
    if inherited and not planned and in_progress(event_type, hit, clause.sentence):
        return None  # 'both nations are marking the 30th anniversary': a year's state, no act of a day
    if not planned and after_publication(date_m, state.published):
        planned = True  # 'agreed to designate 2022 as the Year ... to celebrate' told in 2021: not done yet
    if planned and date_m is not None:
        date_m = next_year_if_past(date_m, state.published, clause.text)
    if _not_between_states(event_type, hit, clause, parties) or joint_outing(hit, clause):
        return None  # 'the host and her guest toured the fortress': out together
    last_told = (state.events + state.sentence_rows)[-1:]  # acts19: a mission's closing after its opening, and back
    previous = state.last_clause_parties if state.last_clause_type == event_type or last_told and mission_told_before(
        event_type, hit.text, state.last_clause_type, last_told[0].trigger) else None
    # a partnership is raised by both sides together ('They raised their ties to a strategic partnership in 2009'):
    # the pair's rule, not a sender's, and no direction
    step = event_type == "other" and rules()["partnership_step"].search(hit.text) is not None
    actor_rule = "pair" if step else kind.actor_rule
    # ', which Cordia joined later', '(independent from Cordia since 1821)': no sides of the act
    parties = without_asides(own_clause_parties(parties, clause, hit.start, hit.end), clause.sentence, hit.start, hit.end)
    actor, target = actor_target(actor_rule, hit.start, clause.sentence, parties, state.pair, previous, hit.text)
    actor, target = instrument_sides(event_type, hit.text, parties.all, [
        (known.actor, known.target) for known in state.events + state.sentence_rows
        if family(known.event_type) == "agreement"], actor, target)
    actor, target = owned_visit(kind.actor_rule, hit, clause, (actor, target), state.pair)  # "X's visit": X visits
    actor, target = named_destination(kind.actor_rule, hit, clause, (actor, target), state.pair)  # 'visit to B'
    actor, target = named_visitor(kind.actor_rule, hit, clause, (actor, target), state.pair)  # 'visit by A's office'
    actor, target = attributive_destination(kind.actor_rule, hit, clause, (actor, target), state.pair)  # 'the B visit'
    actor, target = visiting_guest(actor_rule, hit, clause, (actor, target), state.pair)  # 'visiting President X'
    actor, target = subordinate_visit(kind.actor_rule, hit, clause, (actor, target))  # 'after X came to Y'
    actor, target = passive_agent(kind.actor_rule, hit, clause, (actor, target))  # 'was introduced by X'
    actor, target = ceremony_host(kind.actor_rule, hit, clause, (actor, target), state.pair)  # 'attended X's funeral'
    actor, target = unnamed_visit_sides(event_type, parties, (actor, target), state.events + state.sentence_rows)
    actor, target = relative_visitor(kind.actor_rule, hit, clause, (actor, target))  # 'for X, who is on a visit'
    actor, target = returned_home(kind.actor_rule, hit, clause, (actor, target))  # 'returned to X after a visit to Y'
    actor, target = welcomed_guest(kind.actor_rule, hit, clause, (actor, target))  # 'X was welcomed at the airport by Y'
    actor, target = act_sides(hit, (actor, target))  # 'the government of A aided B': A acts
    actor, target = gapped_sides(event_type, clause, state, (actor, target))  # ', and in June 2016 on a state visit'
    if actor is None or target is None:
        return None
    if host_at_venue(hit, clause, (actor, target), (  # a generator: host_at_venue reads it past its cheap tests only
            (known.event_type, known.actor, known.target, known.date.precision if known.date else None,
             known.event_date)
            for known in state.events + state.sentence_rows if known.status == "occurred"),
            date_m.value if date_m is not None and not planned else None):
        return None  # 'the host's premier arrived at the palace' during the guest's visit: no visit of the host
    if date_m is not told and told is not None and told.value is not None:  # 'who ended his two-day visit'
        move_to_first_day(state.visit_spans, (actor, target), date_m, told.value)
    elif (first_day := nth_visit_day(date_m, clause.sentence, state.published)) is not None:  # 'the third day of his stay'
        move_to_first_day(state.visit_spans, frozenset((actor, target)), *first_day)
    if told_before(event_type, hit, clause, actor, target, inherited, state, date_m):
        return None
    participants = [person.name for person, _, _ in clause.persons] or None
    place = next((text for iso, text in parties.locs if iso == target), None)
    return EventRow(event_type, actor, target, clause.start, clause.end, hit.text, date_m, resolution,
                    "planned" if planned else "occurred", step or kind.is_symmetric(clause.text), participants, place,
                    hit.start, inherited)
