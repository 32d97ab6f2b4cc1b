"""Who acted and whether an act happened: the scope of an event row beyond its trigger (session 9, the acts branch).

- A reception at an arrival is no meeting of its own ('Prime Minister X received him at the airport'): every batch's
  gold tells the visit there, and the talks only where the text tells talks.
- An act still being prepared is a plan ('the organization of an official visit ... is being discussed').
- The owner of a visit noun is the visitor ("Paetongtarn's visit underscores the ties between Malaysia and
  Thailand": Thailand visits).
- One visitor's visit to one host told on days a visit's length apart is one row (the first day stays); an act done
  once (relations established) told twice is merged with the signings told again (event_acts.merge_told_again).
The words are rows of flows/lexicon/events_scope.toml.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Callable

from flows.extract.countries import other_side
from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit
from flows.extract.event_parties import is_object
from flows.extract.event_rows import EventRow, EventState
from flows.lexicon import compile_patterns, read_toml
from flows.lexicon.registry import family

__all__ = ["arrival_reception", "being_prepared", "ceremony_host", "face_to_face_greetings", "told_meeting_again", "one_visit_a_stay", "owned_visit", "named_destination", "named_visitor", "attributive_destination",
           "passive_agent", "signers_met", "signing_meetings", "subordinate_visit", "visiting_guest", "without_part_steps",
           "without_titled_bodies"]

DAY = "day"
NEWS_DAYS = 14  # how far from the publication day a leaders' signing is the story's news (signing_meetings)


# events_scope.toml's patterns by the names this module reads them under (case-blind but the two marked)
_PATTERNS = {
    "reception": "reception_verb", "arrival": "arrival", "owner": "visit_owner", "noun": "visit_noun",
    "preparing": "preparation_before", "prepared": "preparation_after", "conjunct": "preparation_conjunct",
    "conjunct_head": "preparation_conjunct_head", "written": "written_word", "occasion": "meeting_occasion",
    "pair_subject": "pair_subject", "subordinate": "subordinate_visit", "agent": "passive_agent",
    "progressive": "progressive", "ceremony": "attended_ceremony", "ceremony_owner": "ceremony_owner",
    "signed_verb": "signed_verb", "signer_leader": "signer_leader", "titled_body": "titled_body",
    "owner_office": "owner_office", "visiting_guest": "visiting_guest", "guest_gap": "guest_gap",
    "not_attributive": "not_attributive_before",
}
_CASED = ("titled_body", "guest_gap")


@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("events_scope.toml")
    return {"span": int(data["visit_span_days"]), **compile_patterns(data, _PATTERNS, _CASED)}


def arrival_reception(hit: Hit, sentence: str, clause_start: int, clause_end: int) -> bool:
    """A meeting told by a reception verb in a clause about an arrival: 'At the airport, he was welcomed by the
    foreign minister' is protocol of the visit, no talks."""
    words = _words()
    return (family(hit.event_type) == "meeting" and words["reception"].match(hit.text) is not None
            and words["arrival"].search(sentence, clause_start, clause_end) is not None)


def being_prepared(hit: Hit, clause: Clause) -> bool:
    """The trigger is what is being prepared: 'preparations for the 50th anniversary', 'arranging a
    state visit by the Ruritanian President to Borvia is being discussed'."""
    words = _words()
    return words["preparing"].search(clause.sentence, max(clause.start, hit.start - 60), hit.start) is not None or \
        words["prepared"].match(clause.sentence, hit.end, clause.end) is not None or _prepared_conjunct(hit, clause)


def _prepared_conjunct(hit: Hit, clause: Clause) -> bool:
    """'discussed preparations for the envoy's visit to A, and the return visit to B': the second noun, split off
    as a clause of its own at ', and', is prepared too (the clause opens with the trigger's noun phrase)."""
    if not _words()["conjunct_head"].match(clause.sentence[clause.start:hit.start]):
        return False
    return _words()["conjunct"].search(clause.sentence, max(0, clause.start - 220), clause.start) is not None


def owned_visit(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The sides of a visit whose noun has an owner: the owner's country visits the other side ("President Widodo's
    visit": Indonesia visits). `sides` are the sides the registry's rule read; they stay when no owner is named."""
    actor, target = sides
    if actor_rule != "visitor" or not _words()["noun"].match(hit.text):
        return sides
    owner_mark = _words()["owner"].search(clause.sentence, max(clause.start, hit.start - 60), hit.start)
    if owner_mark is None:
        return sides
    end = owner_mark.start()
    owners = [person.country for person, _, person_end in clause.persons if person_end == end and person.country]
    owners += [country.iso3 for country in clause.countries if country.end == end and country.possessive]
    # 'the Uzbek president's visit': a demonym and an office with no name own the visit
    owners += [country.iso3 for country in clause.countries if country.kind == "demonym" and country.end < end
               and _words()["owner_office"].match(clause.sentence[country.end:end])]
    if not owners:
        return sides
    owner = owners[0]
    if owner == actor:
        return sides
    if owner == target:
        return owner, actor
    other = other_side(pair, owner)
    return (owner, other) if other is not None else sides


@lru_cache(maxsize=1)
def _destination() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["visit_destination"], re.I)


def named_destination(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                      pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The sides of a visit noun followed by its own destination: 'King X's visit to Chile' is a visit to Chile by the
    pair's other side, whatever another visit of the same sentence reads ('The President's visit to Peru in 2019,
    following King X's visit to Chile in 2014': two visits, two directions). `sides` stay when no side of the pair
    is named right after the noun, or when the sides read already have that host."""
    if actor_rule != "visitor" or pair is None or not _words()["noun"].match(hit.text):
        return sides
    gap = _destination().match(clause.sentence, hit.end)
    if gap is None:
        return sides
    host = next((country.iso3 for country in clause.countries if country.start == gap.end()), None)
    other = other_side(pair, host) if host is not None else None
    if other is None or sides[1] == host:
        return sides
    return other, host


def attributive_destination(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                            pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The sides of a visit noun right after a country's or a capital's name used as a modifier ('the whirlwind
    Chile visit', 'his Lima trip'): the place is the host, the pair's other side the visitor. A demonym ('the
    Chilean visit') or a possessive ("Chile's visit", owned_visit) names the visitor, not the host: both are left."""
    if actor_rule != "visitor" or pair is None or not _words()["noun"].match(hit.text):
        return sides
    start = hit.start + len(hit.text) - len(hit.text.lstrip())
    place = next((country for country in clause.countries if country.kind in ("name", "capital")
                  and not country.possessive and country.end <= start
                  and not clause.sentence[country.end:start].strip()), None)
    if place is None or _words()["not_attributive"].search(clause.sentence, 0, place.start):
        return sides  # 'officials from Peru visit Santiago': a verb after the visitors' place, not a modifier
    if any(country.start >= hit.end and not clause.sentence[hit.end:country.start].strip()
           for country in clause.countries):
        return sides  # 'Peru visit Chile': the trigger is a verb with its own destination
    host = place.iso3
    other = other_side(pair, host) if host is not None else None
    if other is None or sides[1] == host:
        return sides
    return other, host


@lru_cache(maxsize=1)
def _agent() -> re.Pattern[str]:
    return re.compile(read_toml("events_scope.toml")["visit_agent"], re.I)


def named_visitor(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                  pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The sides of a visit noun followed by its visitor in a by-phrase: 'an earlier visit by the Peruvian President'
    is Peru's visit to the pair's other side, as "the Peruvian President's visit" is (owned_visit). `sides` stay when
    no demonym or person of a side of the pair stands right after 'by'."""
    if actor_rule != "visitor" or pair is None or not _words()["noun"].match(hit.text):
        return sides
    gap = _agent().match(clause.sentence, hit.end)
    if gap is None:
        return sides
    at = gap.end()
    visitors = [country.iso3 for country in clause.countries if country.start == at and country.kind == "demonym"]
    visitors += [person.country for person, start, _ in clause.persons if start == at and person.country]
    other = other_side(pair, visitors[0]) if visitors else None
    if other is None or sides[0] == visitors[0]:
        return sides
    return visitors[0], other


def visiting_guest(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                   pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The sides of 'visiting President X' ('President A and visiting President B of Borvia held talks'): the guest
    after the participle visits the other side. `sides` stay when no guest follows."""
    words = _words()
    if actor_rule != "visitor" or not words["visiting_guest"].match(hit.text):
        return sides
    sentence = clause.sentence
    guests = sorted([(start, person.country) for person, start, _ in clause.persons if person.country]
                    + [(country.start, country.iso3) for country in clause.countries if country.kind == "demonym"])
    guest = next((iso for start, iso in guests if start >= hit.end
                  and words["guest_gap"].match(sentence[hit.end:start])), None)
    if guest is None or guest == sides[0]:
        return sides
    host = sides[0] if sides[0] not in (None, guest) else (sides[1] if sides[1] != guest else other_side(pair, guest))
    return (guest, host) if host is not None else sides


def subordinate_visit(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None]
                      ) -> tuple[str | None, str | None]:
    """The sides of a visit told in a time clause ("Ruiz visited Peru in May after her Peruvian counterpart came to
    Chile in March": Peru visits Chile): the visitor is the subject between the subordinator and the trigger (a
    demonym or a person's country), the host the first other country after the trigger. Both must be found; else
    the sides the registry's rule read stay."""
    if actor_rule != "visitor":
        return sides
    mark = _words()["subordinate"].search(clause.sentence, clause.start, hit.start)
    if mark is None:
        return sides
    first, last = mark.start(1), hit.start
    visitors = [(country.start, country.iso3) for country in clause.countries if first <= country.start < last]
    visitors += [(start, person.country) for person, start, _ in clause.persons
                 if first <= start < last and person.country]
    if not visitors:
        return sides
    visitor = min(visitors)[1]
    host = next((country.iso3 for country in sorted(clause.countries, key=lambda item: item.start)
                 if hit.end <= country.start < clause.end and country.iso3 != visitor), None)
    return (visitor, host) if host is not None else sides


def passive_agent(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None]
                  ) -> tuple[str | None, str | None]:
    """The sides of a sender's act told in the passive with its agent right after the trigger ("the ban on Borvian
    fruit was introduced by Arland in 2016 in response to ..."): the agent acts on the first other country the
    clause names, whatever else the clause goes on to name. An agent already among the sides only leads them."""
    if _words()["progressive"].match(hit.text):
        return sides  # 'Arland was providing aid to Borvia': the progressive is active, Borvia is no agent
    if actor_rule != "sender" or not re.search(r"\b(?:was|were|been)\s+(?:\w+ly\s+|first\s+)?\w+(?:\s+by)?$", hit.text,
                                               re.I) and not re.search(r"\b(?:was|were|been)\s+$",
                                                                       clause.sentence[max(0, hit.start - 12):hit.start]):
        return sides
    after = [country for country in clause.countries if hit.end <= country.start < clause.end
             and _words()["agent"].match(clause.sentence[hit.end:country.start])]
    if not after or after[0].possessive:
        return sides
    agent = after[0].iso3
    if agent in sides:  # 'the treaty between B and C was ratified by the Chilean Senate': the sides were right
        return (agent, sides[1] if sides[0] == agent else sides[0])
    other = next((country.iso3 for country in sorted(clause.countries, key=lambda item: item.start)
                  if country.iso3 != agent), None)
    return (agent, other) if other is not None else sides


def ceremony_host(actor_rule: str, hit: Hit, clause: Clause, sides: tuple[str | None, str | None],
                  pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The sides of a visit told through a ceremony attended abroad ("X attended the Borvian independence celebrations
    in 1963", "she paid a visit to attend the investiture of President Y"): the ceremony's country hosts (a country
    word inside the ceremony's words, else the country of the person or country right after its 'of'), the other
    side visits. No owner found: the sides the registry's rule read stay."""
    if actor_rule != "visitor":
        return sides
    words = _words()
    attend = words["ceremony"].search(clause.sentence, hit.start, min(clause.end, hit.end + 60))
    if attend is None:
        return sides
    owners = [country.iso3 for country in clause.countries if attend.start() <= country.start < attend.end()]
    if not owners:
        after = [(country.start, country.iso3) for country in clause.countries if country.start >= attend.end()]
        after += [(start, person.country) for person, start, _ in clause.persons
                  if start >= attend.end() and person.country]
        owners = [iso for start, iso in sorted(after)
                  if words["ceremony_owner"].match(clause.sentence[attend.end():start])][:1]
    if not owners:
        return sides
    host = owners[0]
    visitor = next((iso for iso in sides if iso is not None and iso != host), None) or other_side(pair, host)
    return (visitor, host) if visitor is not None else sides


def one_visit_a_stay(rows: list[dict]) -> list[dict]:
    """'the minister flew to B on Monday night' and 'the president received the minister on Tuesday':
    one visit, of Tuesday. Rows of a visit dated to the day, same visitor, host and status, within the span of the
    earliest one are dropped, whichever sentence tells them first. The same day counts too: a lead's undated arrival
    moved to the body's day by event_days.news_day ('As the president arrived, ...' then 'He arrived on Monday in
    Lima') is that visit told again."""
    span = _words()["span"]
    visits = [row for row in rows if family(row["event_type"]) == "visit" and row["date_precision"] == DAY
              and row["event_date"] is not None]
    dropped: set[int] = set()
    for row in sorted(visits, key=lambda item: item["event_date"]):
        if id(row) in dropped:
            continue
        for other in visits:
            if other is not row and id(other) not in dropped and other["status"] == row["status"] and (
                    other["actor_iso3"], other["target_iso3"]) == (row["actor_iso3"], row["target_iso3"]) and (
                    0 <= (other["event_date"] - row["event_date"]).days <= span):
                dropped.add(id(other))
    return [row for row in rows if id(row) not in dropped]


def signers_met(trigger: str, trigger_start: int, clause: Clause, sides: tuple[str, str],
                objects: Callable[[int], bool]) -> bool:
    """The signing was done by named leaders of both sides together ('Prime Minister A and Chancellor B signed five
    agreements on Friday'): they met, a meeting of the signing's day. `objects(pos)` tells whether a person at `pos`
    is the object of a verb ('with X', 'met X'): no signer."""
    if not _words()["signed_verb"].match(trigger):
        return False
    leader = _words()["signer_leader"]
    signers = {person.country for person, start, _ in clause.persons
               if start < trigger_start and person.country and not objects(start) and leader.search(person.role or "")}
    return set(sides) <= signers


def signing_meetings(rows: list[EventRow], clause: Clause, published: date | None) -> list[EventRow]:
    """A signing done by leaders of both sides together, in the story's news (a day at most NEWS_DAYS from the
    publication), also tells their meeting ('Chancellor A and Prime Minister B signed agreements in the capital on
    Friday'), unless the clause tells a meeting already. A signing of history ('on 30 November 1985, Presidents A
    and B signed the treaty', 'a year ago today') tells only the signing: the gold of the development and held-out
    sets has no meeting there."""
    if published is None or any(family(row.event_type) == "meeting" for row in rows):
        return rows
    met = [replace(row, event_type="meeting", symmetric=True) for row in rows
           if row.event_type == "agreement_signed" and row.status == "occurred" and row.event_date is not None
           and row.date is not None and row.date.precision == DAY
           and abs((published - row.event_date).days) <= NEWS_DAYS
           and signers_met(row.trigger, row.trigger_start, clause, (row.actor, row.target),
                           lambda pos: is_object(clause.sentence, clause.start, pos))]
    return rows + met[:1]


def without_part_steps(hits: list[Hit], state: EventState, grammar: dict) -> list[Hit]:
    """Drop a partnership step ('elevated ties to a strategic partnership') when its sentence also tells the visit
    or signing it was part of ('... during the state visit of the Borvian president', 'signed a joint statement to
    establish a partnership'): one act, told by its host event."""
    hosts = {family(hit.event_type) for hit in hits} | {family(row.event_type) for row in state.sentence_rows}
    if not hosts & set(grammar["partnership_host"]):
        return hits
    return [hit for hit in hits if not (hit.event_type == "other" and grammar["partnership_step"].search(hit.text))]


def without_titled_bodies(hits: list[Hit], sentence: str) -> list[Hit]:
    """Drop a commission session read from a body named in a person's title ('Chairman of the Standing Committee Li
    met the Speaker': the body's word starts inside the title), so the meeting of the two people stays."""
    titles = [(match.start(), match.end()) for match in _words()["titled_body"].finditer(sentence)]
    if not titles:
        return hits
    return [hit for hit in hits if not (family(hit.event_type) == "commission"
                                        and any(start <= hit.start < end for start, end in titles))]


def face_to_face_greetings(rows: list[EventRow], earlier: list[EventRow]) -> list[EventRow]:
    """Drop greetings with no written word ('the two premiers congratulated each other on taking office') when a
    meeting or visit of the same sides on the same day was told before: said at that meeting, not sent."""
    if not any(family(row.event_type) == "letters" for row in rows):
        return list(rows)  # no greeting to drop: no set of every earlier row (built a clause, it grew with the story)
    met = {(frozenset((row.actor, row.target)), row.event_date) for row in earlier
           if family(row.event_type) in ("meeting", "visit")}
    return [row for row in rows if not (family(row.event_type) == "letters" and not _words()["written"].search(row.trigger)
                                        and (frozenset((row.actor, row.target)), row.event_date) in met)]


def told_meeting_again(rows: list[EventRow], earlier: list[EventRow], sentence: str) -> list[EventRow]:
    """Drop a meeting told again on a day a meeting of the same sides was told: as the occasion of a statement ('the
    president said during the summit') or with the pair as its subject ('Later the two presidents held talks in a
    small group'): the same meeting. A meeting with someone new ('also met with the Speaker') stays."""
    if not any(family(row.event_type) == "meeting" for row in rows):
        return list(rows)  # no meeting to drop: no set of every earlier row
    met = {(frozenset((row.actor, row.target)), row.event_date) for row in earlier
           if family(row.event_type) == "meeting" and row.status == "occurred"}
    words = _words()
    return [row for row in rows if not (
        family(row.event_type) == "meeting" and (frozenset((row.actor, row.target)), row.event_date) in met
        and (words["occasion"].match(row.trigger)
             or words["pair_subject"].search(sentence, max(row.start, row.trigger_start - 60), row.trigger_start)))]
