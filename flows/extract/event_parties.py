"""Who acted and on whom: the countries and people of a clause, their roles, and the registry's actor rule."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.common.words import alternation
from flows.extract.countries import CountryMention, find_countries, other_side
from flows.extract.event_grammar import rules
from flows.extract.event_missions import city_countries, closes_mission, in_each_other
from flows.extract.event_shared_subject import relation_conjunct
from flows.extract.people import Person
from flows.lexicon import read_toml

_WORDS = read_toml("events.toml")["party_words"]


def _any(key: str) -> str:
    """The rows of one [party_words] list as a group, in their order ('(?:with|to|met)')."""
    return alternation(_WORDS[key], longest_first=False, escape=False)


# a possessive country before a common noun that is not a side of a relation ("Iran's nuclear programme")
ATTRIBUTE = re.compile(r"[’']s?\s+(?!" + _any("side_nouns") + r"\b)[a-z]")
MEDIATOR = re.compile(r"\b" + _any("mediator_verbs") + r"\s+by\s+(?:the\s+)?$|\bmediation\s+(?:of|by|from)\s+(?:the\s+)?$",
                      re.I)
# 'with X', 'met X', 'visited X' (the host, a person named after the visit verb): the other side
OBJECT_MARK = re.compile(r"\b" + _any("object_marks") + r"\s+"
                         r"(?:(?:his|her|their)\s+)?"
                         r"(?:[\w’'-]+,?\s+){0,5}$")
PASSIVE_HOST = re.compile(r"\b" + _any("host_verbs") + r"\b[^.;]{0,50}\bby\s+(?:[\w’'-]+,?\s+){0,5}$")
PAIR_WORDS = re.compile(r"\b(?:the|both)\s+(?:two\s+)?" + _any("pair_people") + r"\b"
                        r"|\bthe\s+two\s+(?:[\w-]+\s+)?" + _any("pair_states") + r"\b"
                        r"|\bbetween\s+the\s+" + _any("pair_states") + r"\b",  # 'a deal struck between the countries'
                        re.I)
PLACE_BEFORE = re.compile(r"\b" + _any("building_words") + r"\s*,\s*$")
HOST_TRIGGER = re.compile(r"(?i)host|receiv|welcom")
# 'visited neighbouring Latvia', 'visited the Iraqi capital Baghdad': the place visited, whatever words describe it
VISITED_PLACE = re.compile(r"\b(?:visit(?:ed|ing|s)?|toured|reached)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|fellow|"
                           r"[A-ZÀ-Þ][\w’'-]+)\s+)?(?:(?:capital|city|port|town)(?:\s+of)?\s+)?$")
# 'took place in Naypyidaw, Myanmar': the country of a place just named is where, not who
ADDRESS_COUNTRY = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,2},\s*$")
# 'for making Gambia his first visit abroad', 'chose Peru as her first trip': the country is what the visit was
VISIT_PREDICATE = re.compile(r"\s+(?:as\s+)?(?:his|her|its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|destination)\b")
PLACE_NOUN_AFTER = re.compile(r"\s+(?:capital|city|port|town)\b")
# 'he will talk with his counterpart about the Borvian situation': a third country as the topic, no side of the talks
TOPIC_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?" + _any("topic_nouns") + r"\b", re.I)
TOPIC_BEFORE = re.compile(r"\bthe\s+$", re.I)
MAKER_AFTER = re.compile(r"-" + _any("maker_participles") + r"\b", re.I)  # 'a Chinese-built railway': the builder
# 'the Borvia-EU trade deal', 'the EU-Borvia summit': a country in a compound with a bloc is no side (near28b)
BLOC_AFTER = re.compile(r"\s?[-–]\s?(?:" + _any("bloc_partners") + r")\b(?![-–])")
BLOC_BEFORE = re.compile(r"\b(?:" + _any("bloc_partners") + r")\s?[-–]\s?$")
_ROLES = read_toml("clause_sides.toml")["roles"]
FAR_WORD = re.compile(r"(\w+)\s+(?:the\s+)?(?:[\w-]+\s+)?$")  # the word before the country, one word may come between
NEAR_WORD = re.compile(r"(\w+)\s+(?:the\s+)?$")  # the word right before the country ('the' may come between)
DEMONYM_PLACE = re.compile(r"\s+" + alternation(_ROLES["demonym_place_nouns"], escape=False))  # 'the Borvian capital'
NEAR_LOC, LOC = frozenset(_ROLES["near_loc"]), frozenset(_ROLES["loc"])
DEST, DEST_AFTER_VISIT = frozenset(_ROLES["dest"]), frozenset(_ROLES["dest_after_visit"])
WITH_PHRASE = re.compile(r"\bwith\s+([^,.;]{1,50})")
WITH_SIDE_NOUN = re.compile(r"\b" + alternation(_ROLES["with_side_nouns"], escape=False) + r"\b", re.I)


def role_of(sentence: str, country: CountryMention) -> str:
    """How a country mention stands in its clause: 'dest' (to X), 'loc' (in X), 'with', 'of' or 'subj'."""
    before = sentence[max(0, country.start - 40):country.start]
    far = FAR_WORD.search(before)
    word = far.group(1).lower() if far else ""
    near = NEAR_WORD.search(before)
    near_word = near.group(1).lower() if near else ""
    after = sentence[country.end:country.end + 20]
    if country.kind == "demonym" and DEMONYM_PLACE.match(after) and near_word in NEAR_LOC:
        return "loc"
    if country.kind == "capital" and PLACE_BEFORE.search(before):
        return "loc"  # 'at Aguda House, Abuja': an address, where it happened
    if country.kind == "name" and ADDRESS_COUNTRY.search(before):
        return "loc"
    if country.kind != "demonym" and VISIT_PREDICATE.match(sentence, country.end):
        return "dest"
    if VISITED_PLACE.search(before) and (country.kind != "demonym" or PLACE_NOUN_AFTER.match(after)):
        return "dest"
    if near_word in DEST or (near_word in DEST_AFTER_VISIT and country.kind != "demonym"):
        return "dest"
    if near_word in LOC:
        return "loc" if country.kind in ("capital", "name") else "subj"
    if near_word == "with":
        return "with"
    if near_word == "of":
        return "of"
    if word == "to" and country.kind == "demonym":
        return "dest"
    return "subj"


def is_object(sentence: str, clause_start: int, pos: int) -> bool:
    """A person or country after 'with' or 'to' (a few title words may come between) is the other side."""
    before = sentence[max(clause_start, pos - 60):pos]
    return bool(OBJECT_MARK.search(before) or PASSIVE_HOST.search(sentence[max(clause_start, pos - 100):pos]))


@dataclass
class Parties:
    subjects: list[str]
    dests: list[str]
    locs: list[tuple[str, str]]  # (iso3, text)
    withs: list[str]
    ofs: list[str]
    all: list[str]
    pair_phrase: bool
    latter: str | None
    attributive: list[str]  # "Iran's nuclear programme": named, but not a party
    hosts: list[str] = field(default_factory=list)  # "at the invitation of the President of Borvia": the host
    places: list[tuple[str, int]] = field(default_factory=list)  # every country named, where (a sentence offset)


# a city alone before a colon or dash at the very start of a sentence is a dateline the splitter kept (title case)
DATELINE_PLACE = re.compile(r"^\s*$")
DATELINE_END = re.compile(r"\s*(?::|—|–|--)\s")
SOURCE_TAG = re.compile(_any("source_tag"))  # '(Radio Borvian) — ...': the outlet's tag, no side
COMPARISON_ASIDE = re.compile(r"\(\s*" + _any("aside_openers") + r"\b[^()]*$", re.I)  # '(before Paris, Rome'
RELATION_NOUN = re.compile(r"\b" + _any("relation_nouns") + r"\b", re.I)  # the relation itself: the pair's
# 'their ties were raised to ambassador level': the relation as the passive subject right before the trigger
RELATION_SUBJECT = re.compile(r"\b(?:" + _any("relation_nouns") + r")\s+(?:had\s+been|ha(?:ve|s)\s+been|were|was)\s+"
                              r"(?:\w+ly\s+)?$", re.I)
NAMED_GATHERING = re.compile(r"(?:\s+[A-ZÀ-Þ][\w’'-]+){0,4}\s+" + _any("gathering_words") + r"\b")


def _bloc_compound(sentence: str, country: CountryMention, countries: list[CountryMention]) -> bool:
    """The country is hyphenated to a bloc ('the Borvia-EU deal', 'the EU-Borvia summit'), and the bloc word is no
    tail of another country's name ('the South Africa-Ghana agreement' joins two states; mend30a)."""
    bloc = BLOC_AFTER.match(sentence, country.end) or BLOC_BEFORE.search(sentence, max(0, country.start - 30),
                                                                        country.start)
    if bloc is None:
        return False
    word = re.search(r"\w", sentence[bloc.start():bloc.end()])
    at = bloc.start() + (word.start() if word else 0)
    return not any(other is not country and other.start <= at < other.end for other in countries)


def read_parties(sentence: str, clause_start: int, clause_end: int, countries: list[CountryMention],
                 persons: list[tuple[Person, int, int]], pair_spans: list[tuple[int, int]],
                 last_entity: tuple[str | None, int] | None) -> Parties:
    """The countries a clause names (and people's countries), sorted by their role."""
    subjects, dests, locs, withs, ofs, attributive = [], [], [], [], [], []
    invited: list[tuple[int, str]] = []
    inviter = rules()["inviter"]
    for country in countries:
        if inviter.search(sentence, max(clause_start, country.start - 80), country.start):
            invited.append((country.start, country.iso3))
        if country.possessive and ATTRIBUTE.match(sentence, country.end):
            attributive.append(country.iso3)
        if country.kind == "demonym" and TOPIC_BEFORE.search(sentence, max(0, country.start - 5), country.start) \
                and TOPIC_AFTER.match(sentence, country.end):
            continue  # 'talks about the Borvian crisis': what was talked about, not who talked
        if country.kind == "demonym" and MAKER_AFTER.match(sentence, country.end):
            continue  # 'a Chinese-built railway linking A and B was opened': who built it, no side
        if country.kind in ("name", "demonym") and _bloc_compound(sentence, country, countries):
            continue  # 'in the wake of the Borvia-EU trade deal': the country's relation with a bloc, no side
        if MEDIATOR.search(sentence, max(0, country.start - 30), country.start):
            continue  # 'a deal brokered by China': the mediator is not a side
        if country.kind == "capital" and DATELINE_PLACE.match(sentence[:country.start]) and DATELINE_END.match(
                sentence, country.end):
            continue  # 'Abu Dhabi: Egypt and Greece signed ...': the outlet's dateline, no side
        tag = SOURCE_TAG.match(sentence)
        if tag is not None and country.end <= tag.end():
            continue  # '(Radio Borvian) — Arland's president visited ...': the outlet's words, no side
        if country.kind == "capital" and NAMED_GATHERING.match(sentence, country.end):
            continue  # 'attending the Tokyo International Conference': a city in a gathering's name, no side
        if COMPARISON_ASIDE.search(sentence, max(0, country.start - 80), country.start):
            continue  # 'opened in 1964 (before Paris, Rome and Madrid)': the others it is compared with, no sides
        role = role_of(sentence, country)
        if role == "loc" and rules()["venue"].search(sentence, max(clause_start, country.start - 80), country.start):
            continue  # 'met on the sidelines of the summit in Riyadh': the summit's place, no side of the meeting
        {"subj": subjects, "dest": dests, "with": withs, "of": ofs}.get(role, []).append(country.iso3)
        if role == "loc":
            locs.append((country.iso3, country.text))
    clause = sentence[clause_start:clause_end]
    latter = last_entity[0] if last_entity and re.search(r"\bthe\s+latter\b", clause, re.I) else None
    for person, start, _ in persons:
        if person.country:
            (withs if is_object(sentence, clause_start, start) else subjects).append(person.country)
            if inviter.search(sentence, max(clause_start, start - 80), start):
                invited.append((start, person.country))
    hosts = _first_host(invited)
    every = []
    for iso in subjects + ofs + dests + withs + [iso3 for iso3, _ in locs] + ([latter] if latter else []):
        if iso and iso not in every:
            every.append(iso)
    pair_phrase = any(clause_start <= start < clause_end for start, _ in pair_spans) or bool(PAIR_WORDS.search(clause))
    places = [(country.iso3, country.start) for country in countries] + [
        (person.country, start) for person, start, _ in persons if person.country]
    return Parties(subjects, dests, locs, withs, ofs, every, pair_phrase, latter, attributive, hosts, places)


def with_non_country(sentence: str, trigger_end: int, clause_end: int, persons: list[tuple[Person, int, int]],
                     parties: Parties) -> bool:
    """After the trigger, 'with X' where X names no country, no person and no counterpart."""
    match = WITH_PHRASE.search(sentence[trigger_end:clause_end])
    if not match:
        return False
    start, end = trigger_end + match.start(1), trigger_end + match.end(1)
    if any(start <= person_start < end for _, person_start, _ in persons) or parties.pair_phrase:
        return False
    named = match.group(1)
    if WITH_SIDE_NOUN.search(named):
        return False
    return not country_in(named)


def _first_host(invited: list[tuple[int, str]]) -> list[str]:
    """The host is the side named first after 'invitation of': in 'At the invitation of President Tom Bell, the
    Prime Minister of Arland is on a visit', the phrase reaches past the comma to Arland, the guest; 'the President of
    Borvia, Tom Bell' names one host twice."""
    if not invited:
        return []
    first = min(invited)[1]
    return [iso for _, iso in invited if iso == first]


def country_in(text: str) -> bool:
    return bool(find_countries(text))


def _visitor(parties: Parties, trigger: str, passive: bool) -> tuple[str | None, str | None]:
    """The visitor acts on the host: 'Biden hosted Xi' -> Xi's country visits; 'X was received by Y' -> X visits."""
    if HOST_TRIGGER.match(trigger) and not passive:
        actor = parties.withs[0] if parties.withs else None
        return actor, next((iso for iso in parties.subjects if iso != actor), None)
    target = (parties.dests or [iso for iso, _ in parties.locs] or parties.hosts or [None])[0]
    # 'he was received by X, the Peruvian minister': the host's demonym in the by-phrase is not the guest's side
    hosts = set(parties.withs) if passive and re.search(r"\bby\b", trigger) else set()
    hosts |= set(parties.hosts)  # 'came on the invitation of the Borvian leader': Borvia hosts, whatever the order
    actor = next((iso for iso in [parties.latter] + parties.subjects + parties.ofs
                  if iso and iso != target and iso not in hosts), None)
    if actor is None and parties.withs and target is None:
        target = parties.withs[0]
    return actor, target


def _opener(parties: Parties, previous: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """Who opens (the subject) in the country where it opens ('Belarus opened its embassy in Baku')."""
    target = ([iso for iso, _ in parties.locs] or parties.dests or [None])[0]
    actor = next((iso for iso in parties.subjects + parties.ofs if iso != target), None)
    if actor is None and target is None and previous:
        return previous  # 'and that of Azerbaijan in Minsk' after an opening: the same two
    return actor, target


def _sender(parties: Parties) -> tuple[str | None, str | None]:
    """The subject acts on the other country named ('A recognised B': B may be named as a subject too)."""
    actor = next((iso for iso in parties.subjects if iso), None)
    target = next((iso for iso in parties.withs + parties.dests + parties.ofs + [iso3 for iso3, _ in parties.locs]
                   + parties.subjects if iso and iso != actor), None)
    if actor is None and target is None and parties.all:
        actor = parties.all[0]
    return actor, target


def _dyad_sender(parties: Parties, pair: tuple[str, str], trigger_start: int) -> tuple[str | None, str | None]:
    """'Latvia, together with Lithuania, recognised Estonia' in a story about Estonia and Latvia: one act of each
    sender, and the story's own is Latvia's on Estonia (Lithuania's is another pair's); the first sender of the
    document's pair acts on the other side of the pair; a sender outside the pair ('Germany invaded Estonia and
    Latvia' in that story) tells no act of the pair."""
    senders = [iso for iso in parties.subjects if iso]
    actor = senders[0] if senders and senders[0] in pair else None
    target = other_side(pair, actor)  # named after the trigger: its object, not a co-sender
    if actor is None or not any(iso == target and start > trigger_start for iso, start in parties.places):
        return None, None  # 'Latvia and Lithuania recognised Estonia' in a story about the first two: not their act
    return actor, target


def _pair_rule(parties: Parties, pair: tuple[str, str] | None) -> tuple[str | None, str | None]:
    """The two sides named, in order; 'the two presidents' is the document's pair, not the host city."""
    named = [iso for iso in parties.subjects + parties.ofs + parties.withs + parties.dests
             + ([parties.latter] if parties.latter else []) if iso]
    names = parties.all
    if parties.pair_phrase and pair and all(iso in pair for iso in named):
        names = list(pair)
    elif pair and named and set(named) <= set(pair):
        # 'met X took place in Naypyidaw, Myanmar': a venue outside the story's pair is where, not the other side
        names = [iso for iso in names if iso in pair or iso not in {loc for loc, _ in parties.locs}]
    actor = names[0] if names else None
    target = names[1] if len(names) > 1 else None
    if actor is None and pair:
        actor, target = pair
    return actor, target


def actor_target(actor_rule: str, trigger_start: int, sentence: str, parties: Parties, pair: tuple[str, str] | None,
                 previous: tuple[str, str] | None, trigger: str = "") -> tuple[str | None, str | None]:
    """Actor and target by the registry's actor rule; `previous` is the last clause's pair for an opening."""
    if actor_rule == "pair" and pair and PAIR_WORDS.search(trigger):
        return pair  # 'relations between the two countries began in 1971 with India's recognition of ...'
    named = set(parties.subjects + parties.ofs + parties.withs + parties.dests) - set(parties.attributive)
    if len(parties.all) > 2 and len(named) > 2:
        if actor_rule == "sender" and pair and set(pair) <= named:
            return _dyad_sender(parties, pair, trigger_start)
        return None, None  # a multilateral meeting is not a bilateral event
    if parties.pair_phrase and pair and set(parties.withs) - set(pair):
        return None, None  # 'The two countries signed the treaty with Paraguay and Uruguay': more than two parties
    # 'X was received by Y', 'the first leader hosted by the Prime Minister': the subject is the guest
    passive = re.search(r"\b(?:was|were|been|being)\s+$", sentence[max(0, trigger_start - 12):trigger_start]) is not None \
        or re.search(r"\bby\b", trigger) is not None
    if actor_rule == "visitor":
        actor, target = _visitor(parties, trigger, passive)
    elif actor_rule == "opener":
        actor, target = _opener(parties, previous)
        hosts = city_countries(sentence) if actor is None and target is None and pair else set()
        if len(hosts) == 1 and hosts <= set(pair or ()):
            target = hosts.pop()  # 'Honorary consulates were opened in Pune and Kochi': in India, by the pair's other
    elif actor_rule == "sender":
        actor, target = _sender(parties)
        if actor is None and target is None and previous and not parties.all and not parties.pair_phrase \
                and closes_mission(trigger):
            actor, target = previous  # 'the embassy was closed in 1988': the opening's sides, told just before
    else:
        actor, target = _pair_rule(parties, pair)
    if actor is None and target is None and pair and (parties.pair_phrase or RELATION_NOUN.search(trigger)
                                                       or RELATION_SUBJECT.search(sentence, 0, trigger_start)
                                                       or relation_conjunct(sentence, trigger_start)
                                                       or in_each_other(sentence, trigger_start, trigger)):
        actor, target = pair  # 'a treaty between the two countries was ratified', 'relations were cut in 1941'
    if actor is None and target is not None:
        actor = other_side(pair, target)
    if target is None and actor is not None:
        target = other_side(pair, actor)
    return actor, target
