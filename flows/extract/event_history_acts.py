"""Acts between the two sides told as a history, read from the dependency parse: an `other` event with no trigger.

Ministry, embassy and encyclopedia pages tell a relation's history as a string of dated deeds of one side done to the
other, most with a verb no trigger row foresees (made up: 'Ruritania recognised Freedonia's independence in 1991',
'Freedonian troops invaded Ruritania in 1936', 'In 1989 Ruritania became one of Freedonia's first aid partners').
The rows cannot list every deed; the parse gives the shape they share: a clause with a date of its own whose main
verb, in the past (or a historic present), has one side of the document's pair as its subject and the other as its
object, the object of its preposition, or the owner of its object. Such a clause in which no trigger of any family
was found is an `other` act (event_types.csv's mixed family of recognitions, aid, disputes), actor the subject's
side. Verbs that tell no deed (saying, feeling, wanting, being and having, trading goods, a person's own life) are
rows of flows/lexicon/history_acts.toml, written from English in general.

The parse is costly, so the cheap gates come first (a dated clause naming both sides, no trigger found) and only
then is the sentence parsed. The rules-only backbone has no parse: no acts, its output unchanged. The hit goes
through events.py's reading like any trigger's (dates, plans, negation, the sender's actor rule).
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from flows.common.dates import DateMention
from flows.extract import syntax
from flows.extract.event_clause import Clause
from flows.extract.countries import CountryMention
from flows.extract.event_grammar import Hit, find_triggers, split_clauses
from flows.lexicon import read_toml

EVENT_TYPE = "other"
HYPHENS = frozenset("-‐‑–")
PRECISIONS = frozenset({"year", "month", "day"})  # a date of its own, a year or finer ('in the 1990s' is none)
PAST = frozenset({"VBD"})
PRESENT = frozenset({"VBZ", "VBP"})  # a historic present ('In 1991 Ruritania recognises Freedonia')
OBJECTS = frozenset({"dobj", "attr", "dative", "oprd"})
# words of the verb's subtree that are not its own: the subject ('X, who retired in 2019, wrote ...'), another verb
# joined to it ('backed the rebels but stopped in 1879') and the clauses it governs (a time, a reason, a report)
NOT_OWN = frozenset({"nsubj", "conj", "cc", "relcl", "advcl", "ccomp", "csubj", "parataxis"})
# a clause inside the verb's words, on its object or its preposition's: an aside or a description with dates of its
# own ('the port, seized in 1880', 'Freedonia, which became a candidate in 2022')
INNER_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
# 'Freedonia's independence', 'Freedonian positions'; not a compound: a side named inside a name ('the
# Freedonia-Asia Summit', 'the Ruritania-Freedonia Group') is no side the act is done to
OWNERS = frozenset({"poss", "amod", "nmod"})


class ActHit(Hit):
    """A hit this reader made, carrying the sides the parse gave it (subject, object) for `act_sides`: the sender rule
    reads roles from the words around a country and takes 'the government of Freedonia' for an 'of' phrase, not the
    subject. An attribute, not a field: the hit's tuple, equality and hash stay a Hit's."""

    sides: tuple[str, str]


@lru_cache(maxsize=1)
def no_act_verbs() -> frozenset[str]:
    """Every verb lemma of history_acts.toml's classes that tells no deed."""
    return frozenset(word for words in read_toml("history_acts.toml")["no_act_verbs"].values() for word in words)


@lru_cache(maxsize=1)
def state_nouns() -> frozenset[str]:
    """Head nouns that make a demonym or a possessive country a side acting as a state ('Freedonian troops')."""
    return frozenset(read_toml("history_acts.toml")["sides"]["state_nouns"])


@lru_cache(maxsize=1)
def trade_roles() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns of a rank in trade ('supplier', 'market') and the modifiers that make 'partner' one ('trading')."""
    rows = read_toml("history_acts.toml")["objects"]
    return frozenset(rows["trade_roles"]), frozenset(rows["trade_partner_modifiers"])


def prefetch(sentences: list[str], countries: list[list[CountryMention]], dates: list[list[DateMention]],
             pair: tuple[str, str] | None) -> None:
    """Parse, in the document's batch, the sentences with a clause `history_acts` will ask about: a usable date and
    both sides named in a clause no trigger row reads (people's countries are not known yet: those few are parsed
    when asked). One batch costs a fraction of one parse a sentence."""
    if pair is None or not syntax.available():
        return
    wanted = []
    for text, found, told in zip(sentences, countries, dates):
        usable = [mention for mention in told if _usable(mention)]
        if not usable or not set(pair) <= {country.iso3 for country in found}:
            continue
        if any(set(pair) <= {country.iso3 for country in found if start <= country.start < end}
               and any(start <= mention.start < end for mention in usable)
               and not find_triggers(text[start:end], start) for start, end in split_clauses(text)):
            wanted.append(text)
    syntax.prefetch(wanted)


def _usable(mention: DateMention) -> bool:
    """A date of its own, a year or finer, a point or a period ('since 1990', 'until 1990' bound a state)."""
    return mention.value is not None and mention.precision in PRECISIONS and mention.kind in ("point", "period")


def history_acts(clause: Clause, hits: list[Hit], pair: tuple[str, str] | None,
                 published: date | None) -> list[Hit]:
    """An `other` hit for a dated clause, with no trigger found, whose main past-tense verb has one side of the pair
    as its subject and the other as its object (or its preposition's object, or its object's owner)."""
    if hits or pair is None or pair[0] == pair[1] or not syntax.available():
        return []
    dates = [mention for mention in clause.dates if _usable(mention)]
    if not dates:
        return []
    sides = _side_spans(clause, pair)
    if {iso for _, _, iso, _ in sides} != set(pair):
        return []  # both sides must be named in the clause before the parse is asked
    doc = syntax.parse(clause.sentence)
    if doc is None:
        return []
    for verb in doc:
        voice = _main_deed(verb, dates, published) if clause.start <= verb.idx < clause.end else None
        if voice is None:
            continue
        actor = _subject_side(verb, sides, "agent" if voice == "passive" else "nsubj")
        if actor is None:
            continue
        other = pair[1] if actor == pair[0] else pair[0]
        end = _passive_end(verb, sides, other) if voice == "passive" else _object_end(verb, sides, other)
        if end is not None:
            hit = ActHit(EVENT_TYPE, verb.idx, end, clause.sentence[verb.idx:end])
            hit.sides = (actor, other)
            return [hit]
    return []


def act_sides(hit: Hit, sides: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The subject's side acts on the other for a hit this reader made; any other hit keeps `sides`."""
    return hit.sides if isinstance(hit, ActHit) else sides


def _side_spans(clause: Clause, pair: tuple[str, str]) -> list[tuple[int, int, str, str]]:
    """(start, end, iso3, kind) of each mention of a pair side in the clause: countries, demonyms, institutions, and
    people with a country and an office (a leader the document ties to a side: kind 'person')."""
    spans = [(country.start, country.end, country.iso3, country.kind) for country in clause.countries
             if country.iso3 in pair and not _in_word(clause.sentence, country.start, country.end)]
    spans += [(start, end, person.country, "person") for person, start, end in clause.persons
              if person.country in pair and person.role]
    return spans


def _in_word(sentence: str, start: int, end: int) -> bool:
    """A name glued to a hyphen is part of a word ('anti-Freedonia', 'Freedonia-based', 'the Ruritania-Freedonia
    Group'): a description or a name, no side."""
    return sentence[start - 1:start] in HYPHENS or sentence[end:end + 1] in HYPHENS


def _side_of(token: Any, sides: list[tuple[int, int, str, str]]) -> tuple[str, str] | None:
    """The (iso3, kind) of the side mention the token stands in, if any."""
    return next(((iso, kind) for start, end, iso, kind in sides if start <= token.idx < end), None)


def _main_deed(verb: Any, dates: list[DateMention], published: date | None) -> str | None:
    """'active' or 'passive' for the clause's main verb (or a conjunct of it) in a past tense (a simple past, a
    perfect, a passive of either, or a historic present of a past date), not negated, not a verb of no deed, with a
    date of its own in its words; else None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in no_act_verbs():
        return None
    head = syntax.conj_head(verb)
    if head.dep_ != "ROOT":
        return None  # a relative, adverbial or reported clause: an aside, a time or someone's words
    auxiliaries = syntax.auxiliaries(verb, head)
    if any(child.dep_ == "neg" for child in verb.children) or any(child.tag_ == "MD" for child in auxiliaries):
        return None
    own = _own_dates(verb, dates)
    if not own:
        return None
    passive = any(child.dep_ == "auxpass" for child in verb.children)
    if verb.tag_ == "VBN":  # 'had sent', 'has supported', 'was recognised by', 'had been ceded by'
        tensed = [child for child in auxiliaries if child.tag_ in PAST or child.lemma_ == "have"]
        return ("passive" if passive else "active") if tensed and (passive or any(
            child.lemma_ == "have" for child in auxiliaries)) else None
    if passive:
        return None
    if verb.tag_ in PRESENT:
        # a present tense of today is a state or a habit; of a past year, a history told now
        past = published is not None and all(mention.value.year < published.year for mention in own)
        return "active" if past and not auxiliaries else None
    return "active" if verb.tag_ in PAST else None


def _own_dates(verb: Any, dates: list[DateMention]) -> list[DateMention]:
    """The dates in the verb's own words: its subtree less its subject, its conjuncts, the clauses it governs and any
    clause inside its words ('backs Freedonia, which became a candidate in 2022': the relative clause's date)."""
    spans = [syntax.edges(verb)]
    others = [syntax.edges(child) for child in verb.children if child.dep_ in NOT_OWN]
    others += [syntax.edges(word) for word in verb.subtree if word is not verb and word.dep_ in INNER_CLAUSES]
    return [mention for mention in dates if any(first <= mention.start < last for first, last in spans)
            and not any(first <= mention.start < last for first, last in others)]


def _subject_side(verb: Any, sides: list[tuple[int, int, str, str]], role: str) -> str | None:
    """The side the verb's doer is (its subject, or the agent of a passive: 'by Ruritania'): a country, an office
    holder, or a state's noun owned or modified by a side ('Freedonian troops', 'the government of Ruritania');
    one side only."""
    def doers(word: Any) -> list[Any]:
        if role == "nsubj":
            return [child for child in word.children if child.dep_ == "nsubj"]
        return [grand for child in word.children if child.dep_ == "agent" for grand in child.children
                if grand.dep_ == "pobj"]
    subjects = doers(verb)
    if not subjects and verb.dep_ == "conj" and role == "nsubj":
        subjects = doers(verb.head)
    found = {side for subject in subjects for side in _phrase_sides(subject, sides, subject=True)}
    return found.pop() if len(found) == 1 else None


def _passive_end(verb: Any, sides: list[tuple[int, int, str, str]], other: str) -> int | None:
    """Where a passive act's words end when its subject or its preposition's object names the other side
    ('Freedonia was recognised by Ruritania', 'the port was ceded by Ruritania to Freedonia'): the end of the
    agent's phrase or of the other side's, whichever is last."""
    told = [child for child in verb.children if child.dep_ == "nsubjpass"]
    agents = [child for child in verb.children if child.dep_ == "agent"]
    if not agents:
        return None
    end = syntax.edges(agents[0])[1]
    if any(other in _object_sides(subject, sides) for subject in told):
        return end
    after = _object_end(verb, sides, other)
    return max(end, after) if after is not None else None


def _phrase_sides(head: Any, sides: list[tuple[int, int, str, str]], subject: bool) -> set[str]:
    """The sides a noun phrase names: itself, its owner, its demonym, its 'of' phrase. A demonym tells a side only
    before a state's noun ('Freedonian troops'; 'Freedonian students' are no side), and so does a subject's owner
    ('Ruritania's government'; its companies are no side acting); an object's owner is the side the act is done to
    ('recognised Freedonia's independence')."""
    out: set[str] = set()
    for word in [head] + [child for child in head.children if child.dep_ == "conj"]:
        own = _side_of(word, sides)
        if own is not None and own[1] != "demonym":
            out.add(own[0])  # 'Ruritania', 'President X'
            continue
        state = word.lower_ in state_nouns() or word.lemma_.lower() in state_nouns()
        for child in word.children:
            side = _side_of(child, sides) if child.dep_ in OWNERS else None
            if side is not None and (state or not subject and side[1] != "demonym"):
                out.add(side[0])
            elif child.dep_ == "prep" and child.lower_ == "of" and (state or not subject):
                out |= {side[0] for grand in child.children if grand.dep_ == "pobj"
                        for side in [_side_of(grand, sides)] if side is not None and side[1] != "demonym"}
    return out


def _object_end(verb: Any, sides: list[tuple[int, int, str, str]], other: str) -> int | None:
    """Where the words naming the other side as the verb's object end (its object, its preposition's object, the
    object's owner or 'of' phrase: 'recognised Freedonia's independence', 'became one of Freedonia's partners')."""
    for child in verb.children:
        if child.idx < verb.idx:
            continue  # a phrase before the verb is its setting ('Shortly after Freedonia's founding, ...')
        if child.dep_ in OBJECTS:
            targets = [child]
        elif child.dep_ in ("prep", "agent") and child.lower_ != "by":
            targets = [grand for grand in child.children if grand.dep_ == "pobj"]
        else:
            continue
        for target in targets:
            if other in _object_sides(target, sides):
                return syntax.edges(target)[1]
    return None


def _object_sides(head: Any, sides: list[tuple[int, int, str, str]], depth: int = 0) -> set[str]:
    """The sides an object names: the noun, its owner, its modifier, and down its 'of' phrases ('one of Freedonia's
    first partners', 'the independence of Freedonia')."""
    if _trade_rank(head):
        return set()  # 'became Freedonia's third supplier': a rank in trade
    out = _phrase_sides(head, sides, subject=False)
    if depth < 2:
        for word in [head] + [child for child in head.children if child.dep_ == "conj"]:
            for child in word.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            out |= _object_sides(grand, sides, depth + 1)
    return out


def _trade_rank(noun: Any) -> bool:
    """A noun of a rank in trade: 'supplier', 'export market', 'trading partner' (not 'aid partner')."""
    nouns, modifiers = trade_roles()
    lemma = noun.lemma_.lower()
    return lemma in nouns or lemma == "partner" and any(
        child.dep_ in ("amod", "compound") and child.lemma_.lower() in modifiers for child in noun.children)
