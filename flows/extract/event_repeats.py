"""Acts told again: a visit or meeting already told, named again later in the story ('The visit, which began on
Monday', 'also visited the memorial'), is no new event."""
from __future__ import annotations

import re

from flows.common.dates import DateMention
from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit, rules
from flows.extract.event_rows import EventState
from flows.extract.event_words import REFERENCE_NOUN
from flows.lexicon import read_toml
from flows.lexicon.registry import event_type as registry_type, family


# acts a state does once to another, whatever their family (a recognition): told again undated, the same act
ONCE_ACT = re.compile(read_toml("events_acts.toml")["once_acts"], re.I)


def told_before(event_type: str, hit: Hit, clause: Clause, actor: str, target: str, inherited: bool,
                 state: EventState, date_m: DateMention | None = None) -> bool:
    """A visit or meeting already told, named again ('The visit, which began on Monday', 'also visited the memorial')."""
    directional = registry_type(event_type).symmetry == "directional"  # Scholz to Warsaw, then Tusk to Berlin: two
    same_pair = [known for known in state.events if family(known.event_type) == family(event_type)
                 and ((known.actor, known.target) == (actor, target) if directional
                      else {known.actor, known.target} == {actor, target})]
    if inherited and family(event_type) == "visit" and same_pair:
        return True
    if rules()["tally"].search(clause.text) and any(known.event_date == getattr(date_m, "value", None) for known in same_pair):
        return True  # 'In total, three agreements were signed' after the signings were told: their sum, no new act
    if inherited and hit.text.lower().startswith("discuss"):
        # 'The pair also discussed ...' is the meeting of a visit told that day; after the day's meeting it is that
        # meeting's content, and after any other act ('relations were established in 1993') no meeting at all
        same_day = {family(known.event_type) for known in state.events if date_m is not None
                    and known.event_date == date_m.value and {known.actor, known.target} == {actor, target}}
        return "visit" not in same_day or bool(same_day & {"meeting", "commission"})
    if inherited and registry_type(event_type).once_a_day and date_m is not None and any(
            known.event_date == date_m.value and known.status == "occurred" for known in same_pair):
        return True  # 'Diplomatic relations were set up after the envoys exchanged letters' after the dated sentence: told again
    if inherited and ONCE_ACT.search(hit.text) and any(ONCE_ACT.search(known.trigger) for known in same_pair):
        return True  # "Borvia's recognition of Arland became the basis of ..." after the recognition was told
    return not inherited and bool(same_pair) and REFERENCE_NOUN.match(
        clause.sentence, max(clause.start, hit.start - 12)) is not None
