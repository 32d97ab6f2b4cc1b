"""What a sentence's dependency parse says about one event trigger: whether the act is still to come, whether it is
a tally of many acts, whether it is told as a modifier of a noun (background), whether it is under way.

The rows of events.toml read these from the words next to the trigger, so each new wording ('is tentatively
scheduled to visit', 'is also anticipated to hold talks') needed a new row; the parse reads them from the roles
(the head of the trigger's infinitive, the modal of its verb, the noun it modifies) whatever stands between the
words. On the rules-only backbone the parse is off (`syntax.parse` gives None) and every function here answers
False or None: the rows decide, as before.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from flows.extract import syntax
from flows.extract.event_grammar import Hit, find_triggers, has_trigger_stem, split_clauses
from flows.lexicon import read_toml

VERBAL = ("VERB", "AUX")
WORD = r"[\w’'-]+"
BEFORE = 60
# a past perfect in a sentence with a date: only a dated clause can move the story's day (pluperfect below)
PAST_PERFECT_DATED = re.compile(r"\bhad\b(?=.*(?:\d|\b(?:January|February|March|April|May|June|July|August|September|"
                                r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                                r"yesterday|today)\b))", re.I)
ASKED = ("infinitive", "modal", "tally", "participle", "progressive")  # the cues tested before a trigger


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    """The gates before the parse. The parse is the costliest step (issue 11 wants >= 50 documents a second on one
    core), so each question is asked only of a trigger whose neighbourhood can hold the structure it looks for; the
    words that stand between are what the parse then reads, whatever they are. The modals and the discussion verbs
    are the lexicon's rows (events_parse.toml), so a new row moves its gate too."""
    lexicon = words()
    modals = "|".join(sorted(lexicon["modal_aux"]))
    verbs = "|".join(sorted(lexicon["discussion_verbs"]))
    return {
        # 'to visit', 'to pay a state visit', 'to hold bilateral talks': the trigger a few words after an infinitive's 'to'
        "infinitive": re.compile(rf"\bto(?:\s+{WORD}){{0,3}}\s*$", re.I),
        # lower case: 'on 4 May' is no modal
        "modal": re.compile(rf"\b(?:{modals})(?:\s+{WORD}){{0,4}}\s*$"),
        "tally": re.compile(rf"\bof(?:\s+{WORD}){{0,2}}\s*$", re.I),  # 'a number of (official) visits'
        # 'replaces the accord signed in 1999': a participle after an object's noun phrase (a word, a determiner,
        # lower-case words), not after a subject that opens the clause ('The ministers signed', 'During the talks,
        # the two sides signed') or a name ('Japan opened')
        "participle": re.compile(r"\b[a-z][\w’'-]*\s+(?:the|a|an|its|their|his|her|this|that|these|those)\s+"
                                 r"(?:[a-z][\w’'-]*\s+){0,3}"
                                 r"(?!(?:was|were|been|be|being|is|are|has|have|had)\b)[a-z][\w’'-]*\s*$"),
        # 'are (now) celebrating (the 50th anniversary)': an -ing verb after 'is/are', up to the trigger's own words
        "progressive": re.compile(rf"\b(?:is|are)\s+(?:{WORD}\s+)?\w+ing\b", re.I),
        "discussed": re.compile(rf"\b(?:{verbs})(?:ed|es)\b", re.I),  # 'discussed', 'discusses'
    }


def _cue(kind: str, sentence: str, start: int, end: int) -> bool:
    """Whether the words before the trigger can hold the structure `kind` (the gate before the parse)."""
    text = sentence[start:end]
    if kind == "tally" and not text.rstrip().endswith("s"):
        return False
    if kind == "participle" and not re.match(r"\s*\w+ed\b", text):
        return False
    if kind == "progressive":  # the -ing verb may be the trigger's first word ('celebrating the anniversary')
        return cues()[kind].search(sentence, max(0, start - BEFORE), end) is not None
    if kind == "infinitive" and re.match(r"to\s", text, re.I):
        return True  # the trigger holds its own 'to' ('was due to meet': the row reads 'to meet X')
    return cues()[kind].search(sentence[max(0, start - BEFORE):start]) is not None


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The lemma sets of flows/lexicon/events_parse.toml."""
    return {key: frozenset(value) for key, value in read_toml("events_parse.toml").items()}


def trigger_token(sentence: str, start: int, end: int) -> Any | None:
    """The token that heads the trigger's span ('held talks' -> held, 'a state visit' -> visit); None without the
    parse or when the span and the tokens disagree."""
    doc = syntax.parse(sentence)
    if doc is None:
        return None
    inside = [token for token in doc if start <= token.idx < end and not token.is_punct]
    if not inside:
        return None
    verbs = [token for token in inside if token.pos_ in VERBAL]
    tops = [token for token in inside if not start <= token.head.idx < end or token.head is token]
    return (verbs or tops or inside)[0]


def _clause_verb(token: Any) -> Any:
    """The verb whose act a trigger is: itself, or the verb of which a trigger noun is the object ('to hold talks',
    'talks could be held'); a conjoined verb answers for the first ('hope to meet and sign': sign is as planned as
    meet). A noun in a prepositional phrase or a subject ('the establishment of the council will boost ties') is no
    act of the verb above it."""
    if token.pos_ not in VERBAL and token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ in VERBAL:
        token = token.head
    while token.dep_ == "conj" and token.head is not token and token.head.pos_ in VERBAL:
        token = token.head
    return token


def _infinitive_head(verb: Any) -> tuple[Any, Any] | None:
    """(head, word before 'to') of an infinitive verb ('scheduled to visit', 'his pleasure to visit'), else None."""
    marker = next((child for child in verb.children if child.dep_ == "aux" and child.tag_ == "TO"), None)
    if marker is None or verb.head is verb:
        return None
    doc = verb.doc
    before = doc[marker.i - 1] if marker.i > 0 else marker
    return verb.head, before


def planned(sentence: str, start: int, end: int, intent_plans: bool) -> bool:
    """The act is still to come: its verb has a modal ('may sign'), or is the infinitive of a plan or an expectation
    ('is tentatively scheduled to visit'), or of an intention or invitation for the kinds that read those as plans."""
    if not (_cue("infinitive", sentence, start, end) or _cue("modal", sentence, start, end)):
        return False
    token = trigger_token(sentence, start, end)
    if token is None:
        return False
    lexicon = words()
    verb = _clause_verb(token)
    if any(child.dep_ in ("aux", "auxpass") and child.tag_ == "MD" and child.lemma_.lower() in lexicon["modal_aux"]
           for child in verb.children):
        return True
    found = _infinitive_head(verb)
    if found is None:
        return False
    lemmas = {found[0].lemma_.lower(), found[1].lemma_.lower()}
    heads = lexicon["plan_heads"] | (lexicon["intent_heads"] if intent_plans else frozenset())
    return not lemmas.isdisjoint(heads)


def felt(sentence: str, start: int, end: int) -> bool:
    """'expressed his pleasure to visit Singapore', 'was honoured to host': a feeling about the act the story tells,
    no new act."""
    token = trigger_token(sentence, start, end) if _cue("infinitive", sentence, start, end) else None
    if token is None:
        return False
    found = _infinitive_head(_clause_verb(token))
    return found is not None and not {found[0].lemma_.lower(), found[1].lemma_.lower()}.isdisjoint(
        words()["feeling_heads"])


def tally(sentence: str, start: int, end: int) -> bool:
    """A plural event noun counted or measured ('paid a number of official visits', 'the frequency of visits'):
    many acts, none of them one dated event."""
    token = trigger_token(sentence, start, end) if _cue("tally", sentence, start, end) else None
    if token is None or token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() in ("talk", "negotiation"):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head is not head:
        return head.head.lemma_.lower() in words()["tally_heads"]
    return False


def progressive(sentence: str, start: int, end: int) -> bool:
    """The trigger's verb is in the present progressive ('are celebrating', 'is marking')."""
    token = trigger_token(sentence, start, end) if _cue("progressive", sentence, start, end) else None
    if token is None:
        return False
    verb = _clause_verb(token)
    return verb.tag_ == "VBG" and any(child.dep_ == "aux" and child.lemma_ == "be" and child.tag_ in ("VBP", "VBZ")
                                      for child in verb.children)


def noun_modifier(sentence: str, start: int, end: int) -> bool:
    """A participle that describes a noun ('replaces the accord signed in 1999'): the act is the
    noun's history, told as background; its date dates that act, not the story the next sentences tell."""
    token = trigger_token(sentence, start, end) if _cue("participle", sentence, start, end) else None
    # the noun an object ('replaces the accord signed ...'), not the subject the sentence is about ('The deal
    # signed on Thursday is designed to ...': the story's own act)
    return token is not None and token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ in ("dobj", "pobj")


def discussions(sentence: str, start: int, end: int, visits: list[tuple[int, int]]) -> list[Hit]:
    """Meetings told by the verb 'discussed' (the rows know only 'the two ministers discussed', 'the pair discussed'):
    a 'discussed' with a side after 'with', or whose subject is the two sides (coordinated, or a plural of the
    sides' words), or coordinated with the verb of a visit trigger of the clause (`visits`: their spans; 'made a
    visit to Peru and discussed ways').
    A 'to discuss' (a purpose or a plan) and a 'discussed' inside a noun's clause tell no meeting of their own."""
    if not cues()["discussed"].search(sentence, start, end):
        return []
    doc = syntax.parse(sentence)
    if doc is None:
        return []
    lexicon = words()
    found = []
    for token in doc:
        if not start <= token.idx < end or token.lemma_.lower() not in lexicon["discussion_verbs"] \
                or token.pos_ != "VERB" or token.dep_ in ("xcomp", "advcl", "acl", "relcl", "pcomp", "amod"):
            continue
        if any(child.dep_ in ("aux", "auxpass") and child.tag_ in ("TO", "MD") for child in token.children):
            continue
        if _with_a_side(token, lexicon) or _sides_as_subject(token, lexicon) or (
                token.dep_ == "conj" and _tells_visit(token.head, visits)):
            found.append(Hit("meeting", token.idx, token.idx + len(token.text), token.text))
    return found


def _tells_visit(verb: Any, visits: list[tuple[int, int]]) -> bool:
    """The verb is a visit trigger's, or its object is ('visited Peru', 'made a two-day official visit')."""
    words_of = [verb] + [child for child in verb.children if child.dep_ in ("dobj", "attr")]
    return any(first <= word.idx < last for word in words_of for first, last in visits)


def _with_a_side(verb: Any, lexicon: dict[str, frozenset[str]]) -> bool:
    """'discussed with the Prime Minister', 'discussed with Ruiz': the other side after 'with'."""
    for prep in (child for child in verb.children if child.dep_ == "prep" and child.lower_ == "with"):
        for noun in (child for child in prep.children if child.dep_ == "pobj"):
            # the lemma first: the entity type runs the recogniser on the sentence (syntax.entity_type)
            if noun.lemma_.lower() in lexicon["counterpart_nouns"] or syntax.entity_type(noun) in (
                    "PERSON", "GPE", "NORP"):
                return True
    return False


def _sides_as_subject(verb: Any, lexicon: dict[str, frozenset[str]]) -> bool:
    """'Ruiz and Soto discussed', 'the presidents discussed': two sides as the subject."""
    for subject in (child for child in verb.children if child.dep_ == "nsubj"):
        if any(child.dep_ == "conj" for child in subject.children) and syntax.entity_type(subject) in (
                "PERSON", "GPE", "NORP"):
            return True
        if subject.tag_ == "NNS" and subject.lemma_.lower() in lexicon["pair_nouns"]:
            return True
    return False


def pluperfect(sentence: str, start: int, end: int) -> bool:
    """The clause's main verb is in the past perfect ('had invited him following his visit in October 2010', 'had
    signed'): an act before the story's, whose dates are no day of the story."""
    if not re.search(r"\bhad\b", sentence[start:end]):
        return False
    doc = syntax.parse(sentence)
    if doc is None:
        return False
    return any(start <= token.idx < end and token.tag_ == "VBN" and token.dep_ in ("ROOT", "conj") and any(
        child.dep_ == "aux" and child.lower_ == "had" for child in token.children) for token in doc)


def prefetch(sentences: list[str]) -> None:
    """Parse, in one batch, the sentences of a document with a trigger whose neighbourhood one of the questions above
    would ask the parse about (the cues); no other sentence is parsed for events."""
    if not syntax.available():
        return
    syntax.prefetch([sentence for sentence in sentences if cues()["discussed"].search(sentence)
                     or has_trigger_stem(sentence) and (_asks(sentence) or PAST_PERFECT_DATED.search(sentence))])


def _asks(sentence: str) -> bool:
    for start, end in split_clauses(sentence):
        for hit in find_triggers(sentence[start:end], start):
            if any(_cue(kind, sentence, hit.start, hit.end) for kind in ASKED):
                return True
    return False
