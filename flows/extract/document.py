"""The per-document driver: sentences -> countries, dates, people -> events, memberships, trade claims, figures."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from flows.common.prefilter import word_gate
from flows.extract.countries import CountryMention, find_countries, find_pair_phrases, other_side, successor_in_pair
from flows.common.dates import (DateContext, could_have_date, document_days, document_year, lead_day, dates_by_sentence,
                                newest_day, written_dates)
from flows.extract.event_clause import LEAD_SENTENCES
from flows.extract.document_pair import document_pair
from flows.extract.event_lists import ListedVisit, find_listed_visits, named_year_visits, visit_lists
from flows.extract.event_list_heads import carried_lists
from flows.extract.event_factbox import BoxedAct, boxed_relations, dated_milestones
from flows.extract.event_labelled_visit import labelled_visits
from flows.extract.list_repeats import told_before
from flows.extract.list_people import drop_heading_visits, listed_line_sides, share_visitor_side
from flows.extract.event_missions import mission_sides
from flows.extract.event_state_titles import state_title_mentions
from flows.extract.event_frames import prefetch as prefetch_frames
from flows.extract.event_history_acts import prefetch as prefetch_acts
from flows.extract.event_roles import prefetch as prefetch_event_parses
from flows.extract.event_acts import merge_told_again
from flows.extract.event_scope import one_visit_a_stay
from flows.extract.event_days import after_publication, date_line_month, first_days, news_day
from flows.extract.event_repeated_lines import one_row_a_repeated_line
from flows.extract.event_visit_first_day import visit_first_placed_day
from flows.extract.event_relative_visitor import relative_clause_visitors
from flows.extract.event_envoy_of import envoys_of
from flows.extract.event_anniversary_subjects import without_other_anniversaries
from flows.extract.event_anniversaries import anniversary_relations, drop_worked_out_copies, undated_anniversaries
from flows.extract.event_days import settled_past
from flows.extract.event_questions import without_asked_about
from flows.extract.event_company import other_company
from flows.extract.event_headlines import headline_visit
from flows.extract.event_union_side import union_as_one_side
from flows.extract.events import EventRow, EventState, drop_coarser_copies, family, find_events, summary
from flows.extract.figures import find_figures
from flows.extract.hosts import host_and_guest
from flows.extract.organizations import find_memberships
from flows.extract.org_written import as_written, one_key_per_body
from flows.extract.page_links import in_spans, link_spans
from flows.extract.people import Person, fill_from_document, find_people, prefetch_names, resolve_leader_anaphor
from flows.extract.envoy_owner import envoy_owners
from flows.extract.envoy_sides import envoy_counterparts
from flows.extract.goer_sides import goers_side
from flows.extract.person_sides import Latter, fill_from_context, fill_from_events, latter_named, opposite_sides
from flows.extract.person_lists import (facing_unnamed_official, home_side_officials, host_of_visitor,
                                        share_companion_country, share_list_country, share_object_pair,
                                        speaker_of_partner_trade, split_title_partners)
from flows.extract.event_day_retold import day_retold
from flows.extract.sentences import Sentence, split_sentences
from flows.extract.trade import TradeClaim, TradeState, find_trade_claims, trade_gate
from flows.extract.trade_headline import headline_claims
from flows.extract.trade_glued_names import page_words
from flows.extract.trade_roles import prefetch_trade
from schemas.staging import DOCUMENT_PAIRS

# compiled once (speed: a pattern string in a hot function is a cache look-up a call)
NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                         "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
                         "thousand million billion trillion dozen".split())
NUMBER_GATE = word_gate(NUMBER_WORDS)
LOWER_WORD = re.compile(r"[a-z]+")
DIGIT = re.compile(r"\d")
PRONOUN_START = re.compile(r"^(?:[^,]{0,40},\s+)?(?:he|she)\b", re.I)
PRONOUN_ACT = re.compile(r"\b(?:he|she)\s+(?:\w+\s+)?(?:held|met|paid|visited|signed|said)\b")


def _has_number(sentence: str) -> bool:
    """A digit or a number word: where an amount can be (a cheap gate before the amount grammar)."""
    if DIGIT.search(sentence) is not None:
        return True
    # the word test only where a number word is in the text at all (one automaton pass, speed)
    return NUMBER_GATE.open(sentence) and not NUMBER_WORDS.isdisjoint(LOWER_WORD.findall(sentence.lower()))


# 'held a separate meeting', 'later held expanded talks', 'also called on the president': another meeting the same
# day, not the one already told
DISTINCT_MEETING = re.compile(r"\b(?:separate(?:ly)?|later|subsequently|earlier|expanded|another|second|one-on-one|restricted|"
                              r"delegation-level|called\s+on|courtesy\s+call)\b", re.I)
ITS_OFFICE = re.compile(r"(?:Its|Their)\s+(?:[\w-]+\s+){0,3}?(?:president|prime\s+minister|premier|leader|king|emir|"
                        r"foreign\s+minister|minister|ambassador|head\s+of\s+state)\b")


@dataclass
class Reading:
    """The document read sentence by sentence: what the readers of the next sentence need from the earlier ones."""

    key: str
    pair: tuple[str, str] | None
    events: EventState
    trade: TradeState
    people: list[Person] = field(default_factory=list)
    last_person: Person | None = None
    last_entity: Latter | None = None
    previous_subject: str | None = None  # the country the last sentence named first ('Its president, ...')
    out: dict[str, list[dict]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    text: str = ""  # the document's text: a fact's evidence is its sentence as the document has it

    def base(self, sentence: Sentence) -> dict:
        # the document's own characters, not the sentence as the readers read it: a list read as one unit
        # ('exports include: - wool - lamb' read as 'exports include  wool,  lamb') is evidence as it stands in the
        # text, so that every fact's span is its evidence (the load's audit checks it)
        return {"document_key": self.key, "sentence_index": sentence.index, "char_start": sentence.start,
                "char_end": sentence.end, "evidence": self.text[sentence.start:sentence.end]}


KINDS = ("event_mentions", "person_mentions", "memberships", "trade_claims", "figures")


def date_context(text: str, texts: list[str], published: date | None) -> DateContext:
    """What a document's relative dates are read against; `texts` are its sentences.

    News style (AP): a weekday within the past week, the publication day's own included ('said on Wednesday' in
    Wednesday's paper); 'last Wednesday' is the week before. A page with no publication date reads a year-less 'on 14
    October' in the year it writes that day in full, in a sentence or in a line that is none ('Remarks by the
    Minister, Lisbon, 14 October 2019')."""
    lines = [line for line in text.splitlines() if could_have_date(line)] if published is None else []
    written = written_dates(lines)  # one scan of the lines for the three below (speed)
    newest = document_year(lines, written)
    lead = lead_day(texts[:LEAD_SENTENCES], newest) if published is None else None
    return DateContext(published, known_days=document_days(lines, written), reference_year=newest, story_day=lead,
                       newest_day=newest_day(lines, newest, written) if published is None else None)


def extract_document(doc: dict[str, Any]) -> dict[str, list[dict]]:
    """Every fact of one document as plain row dicts, keyed like the staging frames, and under `document_pairs` its
    one row of the document's pair (schemas.staging.DocumentPair), which the warehouse keeps in dim_document."""
    published: date | None = doc.get("published_date")
    sentences = split_sentences(doc["text"])
    texts = [sentence.text for sentence in sentences]
    context = date_context(doc["text"], texts, published)
    countries = [find_countries(sentence.text) for sentence in sentences]
    # a sentence without a core date word cannot change the date context: skip it (speed)
    dates = dates_by_sentence(context, doc["text"], sentences)  # a year heading's line dates the days under it
    pairs = [find_pair_phrases(sentence.text) for sentence in sentences]
    heading = doc["text"][:sentences[0].start] if sentences else doc["text"]  # a headline is no sentence
    pair = document_pair(countries, texts, heading)  # what 'the two countries' are
    countries = [state_title_mentions(text, pair, found) for text, found in zip(texts, countries)]  # 'the Kingdom'
    trade_state = TradeState(pair=pair, page_words=page_words(doc["text"]))  # the page's words: a splice's source
    reading = Reading(doc["document_key"], pair, EventState(pair=pair, published=published), trade_state,
                      text=doc["text"])
    # the statistical backbone's batch (flows/extract/nlp.py): one pipe over the candidate names
    prefetch_names(texts, countries)
    prefetch_trade(texts, trade_gate)  # the trade sentences' parse, one batch
    prefetch_event_parses(texts)  # the dependency parse of trigger sentences
    prefetch_frames(texts, dates)  # and of dated sentences with a frame noun (event_frames.py)
    prefetch_acts(texts, countries, dates, pair)  # and of dated clauses naming both sides with no trigger
    listed = find_listed_visits(doc["text"], pair)  # visits a fact sheet lists under headings
    carried = carried_lists(sentences, countries, doc["text"], pair)  # items whose list head is a sentence before
    links = link_spans(doc["text"])  # 'Read also: ...', other stories' headlines: their acts are not this story's
    for sentence, sentence_countries, sentence_dates, pair_spans in zip(sentences, countries, dates, pairs):
        persons, sentence_countries = _sentence_persons(sentence, sentence_countries, reading)
        reading.last_entity = latter_named(sentence.text, sentence_countries, persons, reading.last_entity)
        # a link line is not read for acts at all, so its dates anchor no later sentence ('Read also: ... met on 3 May')
        linked = bool(links) and in_spans(sentence.start, links)
        events = [] if linked else find_events(sentence.text, union_as_one_side(sentence.text, sentence_countries, pair),
                                               sentence_dates, persons, pair_spans, reading.events, reading.last_entity)
        events = settled_past(anniversary_relations(sentence.text, sentence_countries, sentence_dates, reading.events,
                                                    events), published)
        events = without_other_anniversaries(sentence.text, events)  # '60 years of A-ian immigration to B': no tie
        events = relative_clause_visitors(sentence.text, persons, events, reading.pair)  # 'B's X, who is visiting'
        events = envoys_of(sentence.text, events, reading.pair)  # 'appointed Ambassador of A to B': A's envoy to B
        fill_from_events(events, persons, sentence.text, reading.last_entity)
        events = without_asked_about(sentence.text, events)  # 'Deputy A asked the Minister to set out ... his visit'
        goers_side(sentence.text, sentence_countries, persons, reading.pair)  # 'X led a delegation to B': A's
        fill_from_context(sentence.text, sentence_countries, persons)
        visit_list = visit_lists(sentence.text, sentence_countries, reading.pair) + carried.get(sentence.index, [])
        events = named_year_visits(sentence.text, sentence_countries, reading.pair, events, visit_list)
        share_visitor_side(sentence.text, visit_list, persons)
        if listed:  # a visits section's items and heading
            listed_line_sides(sentence.start, persons, listed)
            events = drop_heading_visits(sentence.start, events, listed)
        events = mission_sides(sentence.text, sentence_countries, reading.pair, events)  # a consulate in a city of one side: the other's
        _add_events([] if linked else events, sentence, reading)
        _add_memberships_trade_figures(sentence, sentence_countries, sentence_dates, pair_spans, reading)
        if persons:
            reading.last_person = max(persons, key=lambda mention: mention[2])[0]
    for line, claims in headline_claims(heading, pair):  # 'Cocoa strong, timber weak: A's exports to B ...'
        _add_trade(claims, line, reading)
    _add_people(sentences, texts, countries, reading)
    boxed = boxed_relations(doc["text"]) if pair else []  # 'Diplomatic Relations:' over 'Established May 1921'
    boxed += dated_milestones(doc["text"], pair)  # '12 May 1990' over 'Opening of the Embassy of A in B'
    boxed += labelled_visits(doc["text"], pair)  # 'Date(s) of Visit: April 1960' under 'A's Visit to B'
    _add_boxed(doc["text"], boxed, len(sentences), pair, reading)
    for told, row in undated_anniversaries(reading.out["event_mentions"], reading.events):  # 'This year ... 60 years'
        _add_events([row], next(sentence for sentence in sentences if sentence.text == told), reading)
    out = reading.out
    rows = news_day(out["event_mentions"], published)  # a lead's undated act on the day the body tells it
    rows = first_days(rows, reading.events.visit_spans)  # a visit told before its length: its first day
    out["event_mentions"] = one_visit_a_stay(merge_told_again(drop_worked_out_copies(drop_coarser_copies(rows))))
    out["event_mentions"] = date_line_month(out["event_mentions"], published, doc["text"])  # a finished act with no date word
    out["event_mentions"] = day_retold(out["event_mentions"], published, doc["text"])  # 'the deal signed on Thursday'
    out["event_mentions"] = visit_first_placed_day(out["event_mentions"])  # met the host on Tuesday: the visit had begun
    out["event_mentions"] = one_row_a_repeated_line(out["event_mentions"])  # a caption printed under each photo: one act
    _add_listed_visits(doc["text"], listed, len(sentences) + len(boxed), reading)  # after: a listed year is its own visit, not a copy
    if (headline := headline_visit(heading, pair, published, out["event_mentions"])) is not None:  # ev27b: 'A Pays Visit to B'
        row, start, end = headline
        _add_events([row], Sentence(len(sentences) + len(boxed) + len(listed), start, end, doc["text"][start:end]), reading)
    out["memberships"] = _unique(one_key_per_body(out["memberships"]), ("country_iso3", "organization"))  # 'NAM' once
    out["trade_claims"] = _unique(out["trade_claims"], ("exporter_iso3", "importer_iso3", "product"))
    out[DOCUMENT_PAIRS] = [{"document_key": doc["document_key"], "pair_a": min(pair) if pair else None,
                            "pair_b": max(pair) if pair else None}]  # ordered: an event's pair in either order
    return out


def _sentence_persons(sentence: Sentence, countries: list[CountryMention],
                      reading: Reading) -> tuple[list[tuple[Person, int, int]], list[CountryMention]]:
    """The people a sentence names or refers to ('he', 'the president'), and its countries that are not in a name."""
    text = sentence.text
    found = find_people(text, sentence.index, countries, reading.people, reading.last_person)
    persons = [(person, mention.start, mention.end) for person, mention in found]
    if reading.previous_subject and ITS_OFFICE.match(text):
        # 'Tanzania, which ... . Its president, Samia Suluhu Hassan, ...': 'its' is the country the story just named
        for person, start, _ in persons:
            if person.country is None and start < 60:
                person.country, person.country_cue = reading.previous_subject, "inferred"
    named = [country for country in countries if country.kind in ("name", "capital") and not country.possessive]
    reading.previous_subject = named[0].iso3 if named else None
    if reading.pair:
        opposite_sides(text, countries, persons, reading.pair)
        facing_unnamed_official(text, countries, persons, reading.pair)  # 'X met the Chilean Foreign Minister'
        host_of_visitor(text, persons, reading.pair)  # 'X was welcomed by his host, President Y'
        envoy_owners(text, countries, persons)  # '... as the first Ambassador of A', 'The A-ian Ambassador ... was X'
        envoy_counterparts(text, countries, persons, reading.pair)  # 'X received A's Ambassador to B, Y': X serves B
    share_list_country(text, countries, persons)  # 'Minister A, Minister B, ... and Minister D': one delegation
    share_companion_country(text, countries, persons)  # 'X, along with First Lady Y': Y on X's side
    share_object_pair(text, countries, persons)  # 'meet President A and Chairman B': one side met
    speaker_of_partner_trade(text, countries, persons, reading.pair)  # 'trade with B grew, says Minister X': X is A's
    # 'Ana Lima' is a name here, not the capital of Peru
    countries = [country for country in countries if not any(start <= country.start < end for _, start, end in persons)]
    persons += resolve_leader_anaphor(text, countries, reading.people)
    pronoun = PRONOUN_START.match(text) or PRONOUN_ACT.search(text) if "he" in text.lower() else None
    if pronoun and reading.last_person is not None and not any(start <= pronoun.start() < end for _, start, end in persons):
        persons.append((reading.last_person, pronoun.start(), pronoun.end()))
    host_and_guest(text, persons, reading.pair)  # 'President A received B', 'B was welcomed by A': two sides
    return persons, countries


def _add_events(events: list[EventRow], sentence: Sentence, reading: Reading) -> None:
    """Event rows of a sentence; a meeting already told is not told again ('The two presidents also discussed ...')."""
    told = reading.out["event_mentions"]
    for event in events:
        # a meeting told again on its own day ('A meeting of the governments took place on 3 April' ... 'The joint
        # meeting, which took place on Monday, 3 April'), or undated within days of it, is the same meeting
        if event.event_type == "meeting" and not DISTINCT_MEETING.search(sentence.text, event.start, event.end) and any(
                row["event_type"] == "meeting" and row["status"] == event.status and row["event_date"]
                and event.event_date and abs((row["event_date"] - event.event_date).days) <= (3 if event.inherited else 0)
                and {row["actor_iso3"], row["target_iso3"]} == {event.actor, event.target}
                and not other_company(event.participants, row["participants"]) for row in told):  # 'also met B'
            continue
        if family(event.event_type) == "visit" and event.date is not None and event.date.precision == "day" and any(
                family(row["event_type"]) == "visit" and row["status"] == event.status
                and row["event_date"] == event.event_date and (row["actor_iso3"], row["target_iso3"]) == (
                    event.actor, event.target) for row in told):
            continue  # 'arrived at the airport on Sunday' ... 'He arrived at ... on Sunday': one visit, told twice
        mention = event.date
        told.append({
            **reading.base(sentence), "event_type": event.event_type, "actor_iso3": event.actor,
            "target_iso3": event.target, "event_date": event.event_date,
            "date_precision": mention.precision if mention else None,
            "date_text": mention.text or None if mention else None,
            "date_resolution": event.resolution,
            "date_anchor": (f"earlier event dated '{mention.text}'" if event.inherited and event.resolution == "anaphora"
                            else mention.anchor) if mention else None,
            "status": event.status, "symmetric": event.symmetric, "trigger": event.trigger, "summary": summary(event),
            "participants": event.participants,
        })


def _add_boxed(text: str, boxed: list[BoxedAct], sentence_count: int, pair: tuple[str, str] | None,
               reading: Reading) -> None:
    """Acts a fact box gives under its label (flows/extract/event_factbox.py), between the document's two countries;
    each label and value is its own evidence, numbered after the document's sentences."""
    for k, act in enumerate(boxed):
        line = Sentence(sentence_count + k, act.start, act.end, text[act.start:act.end])
        actor, target = act.sides or pair
        # 'Date of Visit: 3-5 May 2026' on a page of April 2025: a box may tell an act still to come (review34a)
        status = "planned" if after_publication(act.date, reading.events.published) else "occurred"
        _add_events([EventRow(act.event_type, actor, target, 0, len(line.text), line.text, act.date, "explicit",
                              status, act.symmetric, None)], line, reading)


def _add_listed_visits(text: str, listed: list[ListedVisit], sentence_count: int, reading: Reading) -> None:
    """Visits a fact sheet lists as years under a 'From A to B:' heading (flows/extract/event_lists.py); each line
    is its own evidence, numbered after the document's sentences."""
    lines: dict[int, Sentence] = {}
    told, used = list(reading.out["event_mentions"]), set()
    for visit in listed:
        if told_before(visit, told, used):  # '- President Ana Soto (1990)' after 'In July 1990, Ana Soto visited ...'
            continue
        line = lines.get(visit.line_start)
        if line is None:
            line = lines[visit.line_start] = Sentence(sentence_count + len(lines), visit.line_start, visit.line_end,
                                                      text[visit.line_start:visit.line_end])
        row = EventRow("official_visit", visit.actor, visit.target, 0, len(line.text), line.text, visit.date,
                       "explicit", "occurred", False, None)
        _add_events([row], line, reading)


def _add_memberships_trade_figures(sentence: Sentence, countries: list[CountryMention], dates: list,
                                   pair_spans: list[tuple[int, int]], reading: Reading) -> None:
    out, base = reading.out, reading.base(sentence)
    # 'NAM' where the sentence writes 'NAM': a body keyed by its full name keeps the acronym written (org_written)
    for membership in as_written(find_memberships(sentence.text, countries, reading.pair, pair_spans), sentence.text):
        for iso in membership.countries:
            out["memberships"].append({**base, "country_iso3": iso, "organization": membership.organization,
                                       "organization_name": membership.name, "acronym": membership.acronym})
    _add_trade(find_trade_claims(sentence.text, countries, reading.trade), sentence, reading)
    if _has_number(sentence.text):
        for figure in find_figures(sentence.text, countries, dates, pair_spans, reading.pair):
            out["figures"].append({**base, **figure})


def _add_trade(claims: list[TradeClaim], sentence: Sentence, reading: Reading) -> None:
    base = reading.base(sentence)
    for claim in claims:
        reading.out["trade_claims"].append({**base, "exporter_iso3": claim.exporter, "importer_iso3": claim.importer,
                                            "product": claim.product, "hs_code": claim.hs_code})


def _add_people(sentences: list[Sentence], texts: list[str], countries: list[list[CountryMention]],
                reading: Reading) -> None:
    """One row per person, at their first mention; 'X and his Turkish counterpart Y': X serves the pair's other side."""
    pair = reading.pair
    for person in reading.people:
        other = person.counterpart_of
        if other is not None and person.country and pair and person.country in pair and (
                other.country is None or (other.country == person.country and other.country_cue != "explicit")):
            # a guess from the venue ('met in Ulaanbaatar') gives way: a counterpart serves the other side
            other.country = other_side(pair, person.country)
    split_title_partners(reading.people, pair)  # 'Prime Ministers A and B': A's known country, B the other side
    # an official with no country in a text told from one side (trade reader) serves that side
    home_side_officials(reading.people, texts, reading.trade.home, pair)
    fill_from_document(reading.people, countries, pair, texts)  # last of all
    for person in reading.people:
        sentence = sentences[person.mentions[0].sentence]
        reading.out["person_mentions"].append({
            **reading.base(sentence), "name": person.name, "normalized_name": _normalize(person.name),
            "role": person.role, "country_iso3": successor_in_pair(person.country, pair),  # a Soviet envoy: Russia's
        })


def _normalize(name: str) -> str:
    """Case- and accent-free name, for matching people across documents."""
    return "".join(char for char in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(char))


def _unique(rows: list[dict], keys: tuple[str, ...]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        natural = tuple(row[column] for column in keys)
        if natural not in seen:
            seen.add(natural)
            out.append(row)
    return out
