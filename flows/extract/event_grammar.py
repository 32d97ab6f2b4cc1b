"""The event grammar read from the lexicon: clauses, trigger rows, plan and negation words, and which trigger of
a clause tells what happened."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import ahocorasick

from flows.common.list_items import item_seam
from flows.common.prefilter import Gate, word_gate
from flows.extract.event_shared_subject import fill_relation_words, shared_subject
from flows.extract.event_trigger_gates import TriggerGates, open_rows, trigger_gates
from flows.lexicon import compile_patterns, read_table, read_toml
from flows.lexicon.registry import event_types, family

CLAUSE_SPLIT = re.compile(
    r";\s+|,\s+(?:and|but|whereas|while)\s+|\s+whereas\s+|,\s+but\s+"
    r"|\s+and\s+(?=(?:that|those)\s+of\b)|\s+and\s+(?=(?:in|on)\s+[A-ZÀ-Þ][\w’'-]+\s+(?:in|on)\s)"
    r"|\s+and\s+(?=(?:in|on)\s+(?:[A-Z][a-z]+\s+)?\d{4},\s)"  # '... and in 2004, the king came': a clause of its own
)

# ', X, and Y' with capitalised items: the last item of a list (names or a title's words), not a new clause
LIST_ITEM_BEFORE = re.compile(r",\s+[A-ZÀ-Þ][\w’'-]*(?:\s+(?:of|the|[A-ZÀ-Þ][\w’'-]*))*$")
LIST_ITEM_AFTER = re.compile(r"[A-ZÀ-Þ]")
# 'the talks between the Minister of Trade, Mr. A, and the Chair of the Committee, Mr. B': the ', and' that completes
# a 'between' is no clause boundary
BETWEEN_OPEN = re.compile(r"\bbetween\s+[^;:,]+,[^;:,]+$", re.I)  # 'between <title>, <name>' then ', and'



@lru_cache(maxsize=1)
def _dated_instrument() -> dict[str, re.Pattern[str]]:
    """clause_sides.toml coordinated_instrument (the words between one dated instrument and the next date), its
    instrument nouns and clause verbs, a year closing the words before a seam, and the next year after it."""
    rows = read_toml("clause_sides.toml")
    return {"items": re.compile(rows["coordinated_instrument"], re.I), "noun": re.compile(rows["instrument_noun"], re.I),
            "verb": re.compile(rows["clause_verb"], re.I), "before": re.compile(rows["year_before_seam"]),
            "after": re.compile(rows["year_after_seam"])}


def dated_instrument_seam(sentence: str, start: int, end: int) -> bool:
    """Whether ', and' at start..end joins two dated instruments of one signing ('a pact on ports in 1999, and an
    accord on rail in 2003'): a year right before, closing an item that names an instrument, and only an instrument
    and its preposition up to the next year, no verb of its own ('..., and an accord was signed in 2003')."""
    rx = _dated_instrument()
    if rx["before"].search(sentence, max(0, start - 8), start) is None:
        return False
    item = sentence[max(0, start - 160):start].rsplit(",", 1)[-1]
    year = rx["after"].search(sentence, end, end + 160)
    if year is None or rx["noun"].search(item) is None or rx["verb"].search(sentence, end, year.start()):
        return False
    return rx["items"].search(sentence[start:year.start()]) is not None


@lru_cache(maxsize=1)
def DATE_TAIL() -> re.Pattern:  # noqa: N802 - read like the module's other patterns
    """events.toml date_tail: what may follow ', and' without opening a clause."""
    return re.compile(read_toml("events.toml")["date_tail"])


class Hit(NamedTuple):
    """A trigger found in a sentence: its event type, its span in the sentence and its text."""

    event_type: str
    start: int
    end: int
    text: str


class Trigger(NamedTuple):
    event_type: str
    pattern: re.Pattern
    keywords: tuple[str, ...]  # lower-case substrings, one of which every match holds (a cheap gate)


# The grammar's patterns in events.toml, by the name rules() gives them (a string is one pattern, a list its
# alternatives): case-blind unless in _CASED; a new pattern is a row here and its key in events.toml.
_PATTERNS = (
    "negation", "planned", "future_time", "ellipsis", "reference", "complement", "perfect", "perfect_begun",
    "partnership_step", "company_side", "gapped_clause", "gapped_subject_clause", "anniversary_state",
    "demonstrative_visit", "reported_that", "domestic", "embassy_building", "mutual_plural", "private_visit",
    "technical_visit", "habitual",
    "background_opener", "tally", "inviter", "wished", "needed", "venue", "said_together", "shared_date_join",
    "relative_past", "perfect_tally", "subordinate_after", "appraised_before", "appraised_after",
)
# capitals tell ('and in Minsk': a place name; 'while President Roe': a person)
_CASED = frozenset({"ellipsis", "background_opener", "tally", "gapped_subject_clause"})
_TOML_KEY = {"complement": "agreement_complement"}  # where events.toml names a pattern otherwise


@lru_cache(maxsize=1)
def rules() -> dict:
    """Trigger rows (event_triggers.csv) and grammar words (events.toml), compiled once."""
    data = dict(read_toml("events.toml"))
    # the firms' nouns are one row, shared by the deal's other side and the signer (flows/extract/event_non_state.py)
    data["company_side"] = data["company_side"].replace("{firm_nouns}", "(?:" + "|".join(data["firm_nouns"]) + ")")
    known = event_types()
    triggers = []
    for row in read_table("event_triggers.csv"):
        if row["event_type"] not in known:
            raise ValueError(f"event_triggers.csv: {row['event_type']!r} is not in the registry (event_types.csv)")
        pattern = fill_relation_words(row["pattern"])  # '{relation_passive}': history_shapes.toml's words
        triggers.append(Trigger(row["event_type"], re.compile(pattern, re.I), tuple(row["keywords"].split("|"))))
    return {
        "triggers": triggers,
        # every trigger's keywords, as plain substrings: a clause holding none of them is not read (speed)
        "stems": tuple(sorted({word for trigger in triggers for word in trigger.keywords})),
        "partnership_host": tuple(data["partnership_host"]),
        **compile_patterns(data, {name: _TOML_KEY.get(name, name) for name in _PATTERNS}, _CASED),
    }


@lru_cache(maxsize=64)  # the same sentence is split by events, people and figures: keep only the recent ones
def split_clauses(sentence: str) -> tuple[tuple[int, int], ...]:
    """Clause spans of a sentence: at semicolons, ', and', ', whereas', ', but', 'and that of', 'and in X on'."""
    spans, cursor = [], 0
    for match in CLAUSE_SPLIT.finditer(sentence):
        if LIST_ITEM_BEFORE.search(sentence, 0, match.start()) and LIST_ITEM_AFTER.match(sentence, match.end()):
            continue  # 'the Treaty of Friendship, Good-neighbourliness, and Cooperation': a list, not a clause
        if match.group(0).startswith(";") and item_seam(sentence, match.start(), match.end()):
            continue  # 'a Customs Treaty (1990); Accord on Fisheries (1999)': two items of one list
        if match.group(0).lstrip(",; \t").startswith("and") and match.group(0).startswith(",") \
                and BETWEEN_OPEN.search(sentence, max(0, match.start() - 150), match.start()):
            continue
        if match.group(0).startswith(",") and match.group(0).lstrip(", \t").startswith("and") \
                and DATE_TAIL().match(sentence, match.end()):  # match(): anchored at the join
            continue  # 'visited Borvia on 3 May 2011, and on 9 July 2015.': one more date of the same act
        if match.group(0).startswith(",") and dated_instrument_seam(sentence, match.start(), match.end()):
            continue  # 'a pact on ports in 1999, and an accord on rail in 2003': one more instrument of the signing
        if match.group(0).startswith(",") and shared_subject(sentence, match.start(), match.end()):
            continue  # 'ties were raised in 1950, but severed in 1962': a second participle of the same subject
        if match.start() > cursor:
            spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(sentence)))
    return tuple(_split_at_second_visit(sentence, spans))


@lru_cache(maxsize=1)
def _second_visit() -> tuple[re.Pattern[str], Gate]:
    """events.toml second_visit, compiled once, and its gate: every match looks ahead to a 'visit' (speed: the
    pattern ran on every clause of every sentence)."""
    return re.compile(read_toml("events.toml")["second_visit"], re.I), word_gate({"visit"})


def _split_at_second_visit(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'The visit of the Borvian king in 1990 to Ruritania and the visit of the Ruritanian premier in 1992 to Borvia':
    a second visit noun joined by 'and' opens a clause of its own (each visit its own sides and year); events.toml
    second_visit."""
    pattern, visit = _second_visit()
    if not visit.open(sentence):
        return list(spans)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        cut = start
        for match in pattern.finditer(sentence, start, end):
            out.append((cut, match.start()))
            cut = match.end()
        out.append((cut, end))
    return out


@lru_cache(maxsize=1)
def _stem_index() -> tuple[ahocorasick.Automaton, dict[str, tuple[int, ...]]]:
    """Every trigger stem in one Aho-Corasick automaton, and the triggers (by position) each stem keys (speed)."""
    grammar = rules()
    automaton = ahocorasick.Automaton()
    for stem in grammar["stems"]:
        automaton.add_word(stem, stem)
    automaton.make_automaton()
    return automaton, {stem: tuple(i for i, trigger in enumerate(grammar["triggers"]) if stem in trigger.keywords)
                       for stem in grammar["stems"]}


@lru_cache(maxsize=1)
def _row_gates() -> TriggerGates:
    """Each trigger row's own required words (event_trigger_gates.py): the rows a stem chose that cannot match are
    not run (speed, same hits)."""
    return trigger_gates([trigger.pattern for trigger in rules()["triggers"]])


def has_trigger_stem(text: str) -> bool:
    """Whether a text holds any trigger's keyword (the gate before the costly parse)."""
    automaton, _ = _stem_index()
    return next(automaton.iter(text.lower()), None) is not None


def find_triggers(clause: str, clause_start: int) -> list[Hit]:
    """Every trigger row matching the clause, with spans in the sentence (the parse's gate asks first: one pass)."""
    return list(_triggers(clause, clause_start))


@lru_cache(maxsize=1024)
def _triggers(clause: str, clause_start: int) -> tuple[Hit, ...]:
    grammar = rules()
    automaton, index = _stem_index()
    # the stems in the clause in one pass, and only their triggers tried, in the lexicon's order
    lowered = clause.lower()
    wanted = {i for _, stem in automaton.iter(lowered) for i in index[stem]}
    hits: list[Hit] = []
    rows = open_rows(_row_gates(), wanted, clause, lowered) if wanted else []  # the rows that may match at all
    for trigger in map(grammar["triggers"].__getitem__, rows):
        for match in trigger.pattern.finditer(clause):
            # a row may name the act's own words (?P<act>...) inside the context it needs ('relations were cut off
            # in 1975 and [restored] in 1980'): the hit is those words, so it neither covers nor dates the first act
            start, end = match.span("act") if "act" in trigger.pattern.groupindex else match.span()
            hits.append(Hit(trigger.event_type, clause_start + start, clause_start + end, clause[start:end]))
    return tuple(hits)


MULTILATERAL_BODY = re.compile(r"\bHeads\s+of\s+(?:State|Government)\b|\b(?:Organi[sz]ation|Union|Community)\b"
                               r"[^.;]{0,40}\([A-Z]{2,8}\)")
BACKGROUND = re.compile(r"\b(?:years?|months?|decades?|weeks?|days?)\s+(?:after|since)\s+(?:[\w’'-]+\s+){0,8}$", re.I)
OWN_DATE_AFTER = re.compile(r"[^,;]{0,40}?\b(?:on|in)\s+(?:(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December)\s+\d|\d)")


def apart(hits: list[Hit], clause: str, clause_start: int) -> bool:
    """Two triggers joined by 'after/before' ('spoke by phone ..., a week after they co-chaired the commission')."""
    starts = sorted(hit.start for hit in hits)
    return any(re.search(r"\b(?:after|before)\b", clause[first - clause_start:second - clause_start])
               for first, second in zip(starts, starts[1:]))


# 'Signed in May 2020 during the summit, the treaty was ratified on ...': a signing with its own date is an act of its
# own beside the ratification (session 7, r815)
SIGNED_ON_ITS_DAY = re.compile(r"\b[Ss]igned\s+(?:on|in)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}\b")


def _yielding(hits: list[Hit], clause: str, clause_start: int) -> set[str]:
    """Types that give way to a better trigger of the same act in the clause (the registry's yields_to)."""
    types = {hit.event_type for hit in hits}
    drop = {code for code in types if not types.isdisjoint(event_types()[code].yields_to)}
    if drop and apart(hits, clause, clause_start):
        drop = set()  # 'spoke by phone, a week after they co-chaired the commission': two acts, both kept
    if "other" in types and re.search(r"\bratif", clause, re.I) and not SIGNED_ON_ITS_DAY.search(clause):
        drop.add("agreement_signed")  # 'signed and ratified': the ratification is the act told
    return drop


def _kept(hit: Hit, clause: str, clause_start: int) -> bool:
    """Whether a trigger tells an event of its own, not a mark, content or background of one."""
    before = clause[: hit.start - clause_start]
    if hit.event_type == "diplomatic_relations_established" and not re.search(
            r",?\s+established\s+(?:on|in)$", hit.text) and re.search(
            r"\b(?:anniversary|years|decades)\s+of\s+(?:the\s+)?$|\bcongratulat\w*\s+on\s+(?:the\s+)?$", before, re.I):
        return False  # 'the 30th anniversary of the establishment of relations' marks it, it does not establish them
    if hit.event_type == "diplomatic_relations_established" and re.search(
            r"\banniversary\s+of\s+[^.;]{0,80}$", before, re.I) and re.search(
            r"\bestablishing\b", before[-20:] + hit.text[:20], re.I):
        return False  # 'marked the 50th anniversary of Arland and Borvia establishing ties': the gerund is marked
    if hit.event_type == "embassy_opened" and rules()["embassy_building"].search(clause):
        return False  # 'the new building of the embassy was inaugurated': the embassy was open already
    if rules()["wished"].search(before):
        return False  # 'voiced their wish for an early establishment of relations': a wish, not the act
    if rules()["needed"].search(before):
        return False  # 'stressed the need for steps to curb smuggling and to give aid': what is needed, not done
    if hit.event_type in ("joint_project", "embassy_opened") or re.match(r"normali[sz]ation\b", hit.text, re.I):
        complements = list(rules()["complement"].finditer(before))
        if complements and not re.search(r"[.;]|\b(?:and|but)\b", before[complements[-1].end():]):
            return False  # 'an agreement on opening consulates general', 'on normalisation of relations': its content
    if hit.event_type == "official_visit" and re.search(r"\bfor\s+talks\b", hit.text, re.I):
        return False
    if family(hit.event_type) == "visit" and rules()["private_visit"].search(clause):
        return False  # 'deputies who went to Peru privately': no visit between the states
    if family(hit.event_type) == "visit" and rules()["technical_visit"].search(before):
        return False  # 'after an audit visit by inspectors': experts' trip, no visit between the states
    if hit.event_type == "commission_meeting" and MULTILATERAL_BODY.search(clause):
        return False  # 'the meeting of the Council of Heads of State of the SCO' is a summit of an organization
    if BACKGROUND.search(before) and not OWN_DATE_AFTER.match(clause, hit.end - clause_start):
        return False  # 'seven years after Saudi Arabia cut ties': a past event told as a measure of time, undated
        # (but 'two months after Yoon travelled to Tokyo on March 16' tells that event with its own date)
    if hit.event_type == "other" and re.search(r"\b(?:hiatus|years?|decades?|period|history|months?)\s+of\s+$", before,
                                                re.I):
        return False  # 'after twelve years of severed ties': the break told as background, no act of its own
    if hit.event_type == "anniversary_event" and re.search(r"\bits\s+(?:\w+\s+)?anniversary\b", hit.text, re.I):
        return False  # 'ECOWAS, which marks its 50th anniversary': an organization's anniversary, not the pair's
    return True


def choose_hits(hits: list[Hit], clause: str, clause_start: int) -> list[Hit]:
    """Keep the triggers that tell what happened: relations over the signed protocol, letters over the anniversary,
    'a state visit' over the bare 'visit' inside it."""
    kept = [hit for hit in hits if _kept(hit, clause, clause_start)]
    kept = _main_clause(kept, clause, clause_start)  # background first: it makes no main-clause act yield
    drop = _yielding(kept, clause, clause_start)  # a trigger that tells no act of its own takes no other's place
    kept = [hit for hit in kept if hit.event_type not in drop and not _named_elsewhere(hit, kept)]
    kinds = event_types()
    marked = [hit for hit in kept if kinds[hit.event_type].marker is not None]
    return [hit for hit in kept if not any(_said_by(other, hit) for other in marked)]


CATCH_ALL = "other"  # the registry's type for a bilateral act no other type names


def _named_elsewhere(hit: Hit, hits: list[Hit]) -> bool:
    """A catch-all trigger on the same words as a named type's trigger gives way to it: a type added as rows
    ('sanctions_imposed' for 'imposed sanctions on X') takes the act the catch-all row read before."""
    return hit.event_type == CATCH_ALL and any(
        other.event_type != CATCH_ALL and other.start < hit.end and hit.start < other.end for other in hits)


def _main_clause(hits: list[Hit], clause: str, clause_start: int) -> list[Hit]:
    """'During that visit, several agreements were also signed': the main clause's act is told, the leading phrase's
    act is its background (the visit was told before; 'Following the establishment of relations, the first trade
    agreement was signed in 1950' is a signing). Without an act in the main clause the phrase's act stays."""
    opener = rules()["background_opener"].match(clause)
    if opener is None:
        return hits
    comma = clause_start + opener.end()
    main = [hit for hit in hits if hit.start >= comma]
    if not main:
        return hits
    families = {family(hit.event_type) for hit in main}
    return [hit for hit in hits if hit.start >= comma or family(hit.event_type) in families]


# how far apart (characters) a marked trigger and a bare one of its family can be and still tell one visit ('a
# two-day state visit, her first bilateral visit' is 30 apart)
SAID_BY_REACH = 80


def _said_by(marked: Hit, hit: Hit) -> bool:
    """A bare trigger of a family's default kind that names the marked kind's head ('a two-day state visit, her first
    bilateral visit'): the marked kind tells it."""
    if event_types()[hit.event_type].marker is not None or family(hit.event_type) != family(marked.event_type):
        return False
    if abs(marked.start - hit.start) > SAID_BY_REACH:
        return False  # 'During his visit to X in November, he invited Y to make a State Visit': two visits
    head = marked.text.split()[-1].lower()
    return re.search(rf"\b{re.escape(head)}\b", hit.text, re.I) is not None
