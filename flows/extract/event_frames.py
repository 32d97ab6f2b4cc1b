"""Event triggers read from the dependency parse as frames: a verb of one kind and a noun of one kind in a role.

The trigger rows (event_triggers.csv) match a wording on the surface, so a modifier a row did not foresee ('formed
full diplomatic relations', 'a permanent diplomatic representation') or another verb of the same meaning ('formed',
'started', 'resumed') defeats them. A frame (a row of flows/lexicon/event_frames.csv) names the verbs and the nouns of
one act in general and the noun's role: the verb's object ('conducted negotiations'), its subject, passive or
intransitive ('consultations were resumed', 'the consulate opened'; also a participle on the noun: 'the protocol
concluded in 1990'), or the verb's own event noun ('paid a visit'); a gerund told as a noun takes its object after
'of' ('the opening of a consulate'). The parse finds the noun's head whatever its modifiers; a row's blocked
modifiers (and a comparative: 'closer ties') mark a noun of another meaning ('trade relations', 'a peacekeeping
mission').

A frame adds a trigger only for a family the rows did not already find in the clause, only in a clause with a date
and a side named, and only when a date stands in the frame verb's own words (a plan, a habit or a verb of beginning
a change is no act: `_tells_act`). The parse is costly: document.py prefetches, in one batch, the dated sentences with
a frame noun whose family no row found. The rules-only backbone has no parse, so no frame hits: its output is
unchanged.

Measured on r1-r21 (session 16): a frame-shaped miss is rare; see docs/extraction.md, 'Session 16: event frames'.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from flows.common.dates import DateMention
from flows.common.words import whole_words
from flows.extract import syntax
from flows.extract.event_clause import Clause
from flows.extract.event_grammar import Hit, find_triggers
from flows.lexicon import read_table, read_toml
from flows.lexicon.registry import event_types, family

ROLES = frozenset({"object", "subject", "noun"})


# the pair told by its members: 'the two foreign ministries', 'both governments': the head nouns of countries.toml's
# pair phrases ('the two countries') and the other state and office nouns of flows/lexicon/event_frames.toml ('the
# two companies' names no side)
PAIR_MEMBER_NOUNS = frozenset({phrase.split()[-1] for phrase in read_toml("countries.toml")["pair_phrases"]}
                              | set(read_toml("event_frames.toml")["pair_member_nouns"]))
PAIR_MEMBERS = re.compile(r"\b(?:the\s+two|both(?:\s+the)?)\s+(?:[\w-]+\s+)?(?:" + "|".join(
    re.escape(noun) for noun in sorted(PAIR_MEMBER_NOUNS, key=len, reverse=True)) + r")\b", re.I)


class Frame(NamedTuple):
    """One row of event_frames.csv."""

    event_type: str
    verbs: tuple[tuple[str, ...], ...]  # each verb as its words: ('set', 'up'), ('take', 'place')
    nouns: frozenset[str]
    roles: frozenset[str]
    blocked: frozenset[str]  # modifiers that make the noun another thing ('trade relations')


@lru_cache(maxsize=1)
def frames() -> tuple[Frame, ...]:
    """The frame rows, checked against the registry and the known roles."""
    known = event_types()
    out = []
    for row in read_table("event_frames.csv"):
        roles = frozenset(row["roles"].split("|"))
        if row["event_type"] not in known or not roles <= ROLES:
            raise ValueError(f"event_frames.csv: unknown type or role in {row!r}")
        out.append(Frame(row["event_type"], tuple(tuple(verb.split()) for verb in row["verbs"].split("|")),
                         frozenset(row["nouns"].split("|")), roles,
                         frozenset(word for word in row["blocked_modifiers"].split("|") if word)))
    return tuple(out)


@lru_cache(maxsize=1)
def noun_gates() -> dict[str, re.Pattern[str]]:
    """Per family, any of its frame nouns as a whole word, singular or plural (a cheap test before the parse): not a
    word start, which let 'according' in for 'accord' and 'tourism' for 'tour'."""
    forms: dict[str, set[str]] = {}
    for frame in frames():
        forms.setdefault(family(frame.event_type), set()).update(
            form for noun in frame.nouns for form in (noun, noun + "s", noun + "es", noun[:-1] + "ies"))
    return {kind: re.compile(whole_words(words), re.I) for kind, words in forms.items()}


def wanted_families(sentence: str, start: int, end: int, found: set[str]) -> set[str]:
    """The families whose frame nouns the span holds and the trigger rows did not find (`found`): what a parse could
    add. Most sentences with a frame noun already have their family's row ('signed an agreement'): no parse."""
    return {kind for kind, gate in noun_gates().items() if kind not in found and gate.search(sentence, start, end)}


def prefetch(sentences: list[str], dates: list[list[DateMention]]) -> None:
    """Parse, in the document's batch, the dated sentences a frame could add an event to (those frame_hits asks)."""
    if syntax.available():
        # the noun gate first (cheap): the rows' triggers only for a sentence holding a frame noun
        syntax.prefetch([text for text, found in zip(sentences, dates) if found and _wanted_whole(text)])


def _wanted_whole(text: str) -> bool:
    """A whole sentence holds a frame noun whose family its trigger rows did not find: the noun gate first (cheap),
    the rows only for a sentence that passes it."""
    families = wanted_families(text, 0, len(text), set())
    return bool(families) and not families <= {family(hit.event_type) for hit in find_triggers(text, 0)}


def frame_hits(clause: Clause, hits: list[Hit], pair_spans: list[tuple[int, int]]) -> list[Hit]:
    """Frame triggers of the clause of families the rows' `hits` did not find; none without the parse, nor in a clause
    with no date or naming no side (a country, or a phrase for the pair: 'the two countries', 'the two ministries'),
    whose act the rest of the reading could not place or attribute."""
    sentence, start, end = clause.sentence, clause.start, clause.end
    if not clause.dates or not syntax.available() or not (
            clause.countries or any(start <= first < end for first, _ in pair_spans)
            or PAIR_MEMBERS.search(sentence, start, end)):
        return []
    found = {family(hit.event_type) for hit in hits}
    families = wanted_families(sentence, start, end, found)
    wanted = [frame for frame in frames() if family(frame.event_type) in families]
    if not wanted:
        return []
    doc = syntax.parse(sentence)
    out: list[Hit] = []
    for noun in doc:
        if not start <= noun.idx < end or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for frame in wanted:
            if family(frame.event_type) in found or not _is_frame_noun(noun, frame):
                continue
            verb = _frame_verb(noun, frame)
            if verb is not None and start <= verb.idx < end and _tells_act(verb) and _dated_by(verb, clause.dates):
                first, last = min(verb.idx, noun.idx), max(verb.idx + len(verb), noun.idx + len(noun))
                out.append(Hit(frame.event_type, first, last, sentence[first:last]))
                found.add(family(frame.event_type))
    return out


def _dated_by(verb: Any, dates: list[DateMention]) -> bool:
    """A date of the clause stands in the verb's own words (its subtree less the verbs joined to it): 'established
    relations in 1902 and legations were later opened' dates the establishing, not the opening, which the text leaves
    undated; 'opened a mission long ago and formed ties in 1994' dates the forming only (the joined verb and its
    words hang on the first verb in the parse)."""
    own = [child for child in verb.children if child.dep_ not in ("conj", "cc", "punct")]  # the full stop hangs on
    # the first verb too, after the joined verb's words
    spans = [syntax.edges(child) for child in own]
    first = min([verb.idx] + [left for left, _ in spans])
    last = max([verb.idx + len(verb)] + [right for _, right in spans])
    return any(first <= mention.start < last for mention in dates)


def _tells_act(verb: Any) -> bool:
    """The verb tells an act of its own: not an infinitive or a modal's ('agreed to set up legations', 'will be
    convened': a plan or a purpose), not a participle describing or adding to another act ('..., initialling a
    charter'), not a present tense ('a forum takes place every spring': a habit), not a verb of beginning with its
    own infinitive ('ties began to warm': the start of a change, no founding)."""
    first = syntax.conj_head(verb)  # 'hopes to finish talks and ink a pact': the 'to' of the first verb
    auxiliaries = syntax.auxiliaries(verb, first)
    if any(child.tag_ in ("TO", "MD") for child in auxiliaries) or first.dep_ == "xcomp":
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "pcomp", "acl", "xcomp") and not _nominal(verb):
        return False
    if verb.tag_ in ("VBZ", "VBP") and not auxiliaries:
        return False  # 'the talks take place every year': a habit or a state, no act of a day
    return not any(child.dep_ == "xcomp" for child in verb.children)


def _is_frame_noun(noun: Any, frame: Frame) -> bool:
    """The noun is one of the frame's (by its word or lemma) and no modifier makes it another thing."""
    if noun.lower_ not in frame.nouns and noun.lemma_.lower() not in frame.nouns:
        return False
    return not any(child.dep_ in ("amod", "compound", "nmod") and (
        child.lemma_.lower() in frame.blocked or child.lower_ in frame.blocked or child.tag_ == "JJR")
        for child in noun.children)


def _frame_verb(noun: Any, frame: Frame) -> Any | None:
    """The verb of the frame that holds the noun in one of the frame's roles, else None."""
    head = syntax.conj_head(noun)  # 'signed a treaty and a protocol': the protocol's role is the treaty's
    verb = head.head
    if head.dep_ == "dobj" and frame.roles & {"object", "noun"} and _verb_of(verb, frame, via=None):
        return verb
    if head.dep_ == "pobj" and verb.dep_ in ("prep", "prt") and frame.roles & {"object", "noun"}:
        if verb.lower_ == "of" and _nominal(verb.head) and _verb_of(verb.head, frame, via=None):
            return verb.head  # 'the opening of a consulate': the act told as a noun
        if _verb_of(verb.head, frame, via=verb.lower_):
            return verb.head  # 'entered into a pact'
    if "subject" not in frame.roles:
        return None
    if (head.dep_ == "nsubjpass" or head.dep_ == "nsubj" and not _has_object(verb, frame)) \
            and _verb_of(verb, frame, via=None):
        return verb  # 'relations were formed', 'the consulate opened'
    # 'the protocol concluded in 1990'; not a relative clause ('ties, which were renewed later'): an aside,
    # whose dates events.py does not give its trigger, and whose noun is often another trigger's of the main clause
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and _verb_of(child, frame, via=None):
            return child
    return None


def _nominal(verb: Any) -> bool:
    """A gerund told as a noun, with its article ('the opening of', 'the signing of')."""
    return verb.tag_ == "VBG" and any(child.dep_ == "det" for child in verb.children)


def _has_object(verb: Any, frame: Frame) -> bool:
    """A direct object that is not part of the frame's verb ('take place' keeps 'place'): a transitive use."""
    words = {word for verb_words in frame.verbs for word in verb_words[1:]}
    return any(child.dep_ == "dobj" and child.lower_ not in words for child in verb.children)


def _verb_of(verb: Any, frame: Frame, via: str | None) -> bool:
    """The token is one of the frame's verbs: its lemma the first word, the others its particle, preposition or
    object ('set up', 'take place'); `via` is the preposition the noun hangs on, which must be the verb's last
    word ('enter into')."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ in ("aux", "auxpass"):
        return False
    lemma = verb.lemma_.lower()
    children = {child.lower_ for child in verb.children if child.dep_ in ("prt", "prep", "dobj")}
    for words in frame.verbs:
        if words[0] != lemma:
            continue
        if via is not None and (len(words) < 2 or words[-1] != via):
            continue
        if all(word in children for word in words[1:]):
            return True
    return False
