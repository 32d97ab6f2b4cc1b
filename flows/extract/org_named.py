"""A known body named about a side that its member list holds: a membership of that side, though no membership word
is written. 'Ruritania stands with the Rift Union in rejecting the coup' (Ruritania on the Rift Union's list), 'the
two governments will work closely at the UN' (both on the UN's list), 'as host of the Rift Union summit, Ruritania'.

The member list (flows/lexicon/organization_members.csv) says who belongs; the sentence must only be about a side on
it and must not tell the body as something else than the side's own (words in flows/lexicon/organizations.toml,
`named_*`):
- a place or a building ('at the UN headquarters in Geneva', 'on the sidelines of the Rift Union summit');
- the other party of a relation ('Freedonia-EU relations', "Ruritania's agreement with the Rift Union");
- a third party: the body acting ('the Rift Union urged both sides', 'was funded by the EU'), a source ('according
  to the WTO'), an office of it ('the UN Secretary-General'), a thing it owns ('EU standards', "NATO's summit");
- a goal or a change of membership ('Freedonia's path to the EU', 'since Ruritania left the Union').
A side only on the list is not enough when the sentence names neither side: 'the pair' words ('both countries') put
both sides in it, and then both must be on the list (a pair of which one is outside is usually told as a relation);
a member word in a sentence that names no country ('since 2007 the state has been in the Rift Union as a member',
session 17)
puts in it the pair's sides on the list. A word of a membership sought ('accession', 'bid') told of a side on the
list is no veto: that side has got in."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from flows.extract.countries import CountryMention
from flows.extract.org_cues import member_noun_at, past_bracket
from flows.extract.org_members import belonging, has_member_list
from flows.extract.org_scope import vetoed
from flows.common.prefilter import word_gate
from flows.common.words import alternation
from flows.common.dates.words import SEASON_START_MONTH, WEEKDAYS, capitalised
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("organizations.toml")
    return {
        "before": re.compile(r"(?:" + "|".join(data["named_not_before"]) + r")$", re.I),
        "veto": re.compile("|".join(data["named_veto"]), re.I),
        "sought": re.compile("|".join(data["named_sought"]), re.I),
        "teller": re.compile(data["named_sought_teller"]),
        "member_word": re.compile(data["named_member_word"], re.I),
        "summit_time": re.compile("|".join(data["named_summit_time"]), re.I),
        "wide_gate": word_gate(set(wide_forms()), cased=True),  # the cheap test first (speed): most sentences name none
    }


@lru_cache(maxsize=1)
def wide_forms() -> dict[str, str]:
    """The [wide] bodies' forms -> acronym: 'United Nations', 'UN', 'World Trade Organisation', 'Organisation for
    Economic Co-operation and Development' (each word of organizations.toml's spelling_pairs either way, as
    organizations.py spells the known names). organizations.py keys a [wide] body a list names by it too, so 'members
    of the United Nations' and 'work closely at the UN' are one body of the document, not two."""
    data = read_toml("organizations.toml")
    forms = {k: k for k in data["wide"]}
    for acronym, name in data["wide"].items():
        spellings = {name}
        for a, b in data["spelling_pairs"]:
            for x, y in ((a, b), (b, a)):
                spellings |= {re.sub(r"\b" + x + r"\b", y, s) for s in spellings}
        forms.update({s: acronym for s in spellings})
    return forms


# words after the name that make it part of another name or a modifier: 'the UN Charter', 'EU standards'
CAPITAL_NEXT = re.compile(r"^\s+[A-Z][\w’'-]*")
LOWER_NEXT = re.compile(r"^(?:[’']s)?\s+[a-z]")
POSSESSIVE = re.compile(r"^[’']s\b")  # "NATO's"
PLURAL_POSSESSIVE = re.compile(r"^[’']\s+[a-z0-9]")  # "the United Nations' agenda" (not a closing quote)
SUMMIT = re.compile(r"^(?:\s+[A-Z][\w’'-]*){0,2}?\s+[Ss]ummit\b")  # 'the Rift Union (Lagos) Summit'
OPEN_PAREN = re.compile(r"\s*\(\s*$")
HYPHEN_GLUE = re.compile(r"^[-–]\w")
BEFORE_REACH = 60  # characters before the name that its cues may take: 'on the sidelines of the 12th'


def named_memberships(rules: dict, sentence: str, countries: list[CountryMention], pair: tuple[str, str],
                      pair_spans: list[tuple[int, int]], taken: set[str], has_verb: bool, known_open: bool
                      ) -> list[tuple[str, tuple[str, ...]]]:
    """(organization, sides) for each known or [wide] body with a member list named in the sentence about a side on
    that list, none of whose forms is `taken` (read already by another reading: 'United Nations' from a list after
    'both are members of'). `rules` is organizations._rules() (its `named_forms`, `named_names`, `pair`,
    `member_said`, `counterpart`, `member_noun`); `has_verb`: the sentence holds a membership verb; `known_open`: the
    known names' gate let it through (both found once a sentence by find_memberships, not again here)."""
    if has_verb:
        return []  # 'Ruritania alone belongs to NATO': a membership verb's sentence is read by its grammar alone
        # (organizations.py, which keeps to what the sides share, as the gold of the first batches does)
    words = _words()
    if not (known_open or words["wide_gate"].open(sentence)):
        return []
    seekers = _seekers(words, sentence, countries, pair)
    if seekers is None:
        return []  # "Freedonia's path to the EU" told of no side, or of a third country: no side is told inside
    named = {c.iso3 for c in countries if c.iso3 in pair}
    both = bool(pair_spans) or rules["pair"].search(sentence) is not None
    said = rules["member_said"].search(sentence)
    if said:  # 'Ruritania, a member of the Rift Union, backs Freedonia': the text says it of Ruritania alone (the
        # side named last before 'member'), though the list may hold both (organizations.toml member_said)
        before = [c.iso3 for c in countries if c.iso3 in pair and c.end <= said.start()]
        named, both = set(before[-1:]), False
    # 'As a member of the Rift Union, we ...', 'the state has been a Rift Union member': no country named, a
    # member word: a side the text is about, the pair's sides on the list
    speaker = not countries and not both and words["member_word"].search(sentence) is not None
    out: list[tuple[str, tuple[str, ...]]] = []
    forms = rules["named_forms"]
    taken = {forms.get(name, name) for name in taken}  # 'Community of Rift States' read by a list is the CRS
    for m in rules["named_names"].finditer(sentence):
        organization = forms[m.group("org")]
        if not has_member_list(organization) or organization in taken | {o for o, _ in out}:
            continue
        if vetoed(words["veto"], sentence, m.start(), m.end()):
            continue  # 'Ruritania is not in NATO', 'since Freedonia left the Union': no side is told inside (a veto
            # word in the name's own clause, org_scope.py: 'in the Union together, which was not easy' keeps it)
        if seekers and set(belonging(organization, tuple(seekers))) != seekers:
            continue  # "Freedonia's accession to the Rift Union" with Freedonia off its list: sought, not had
        sides = belonging(organization, tuple(pair)) if speaker else _sides(organization, pair, named | seekers, both)
        if sides and _the_sides_own(rules, words, sentence, m):
            out.append((organization, sides))
    return out


def _seekers(words: dict, sentence: str, countries: list[CountryMention], pair: tuple[str, str]) -> set[str] | None:
    """The sides each word of a membership sought is told of ("Ruritania's accession to the Rift Union": Ruritania),
    or None when one is told of no side of the pair (a third country, or nobody named just before it)."""
    out: set[str] = set()
    for m in words["sought"].finditer(sentence):
        tellers = [c.iso3 for c in countries if c.end <= m.start() and words["teller"].match(sentence[c.end:m.start()])]
        if not tellers or tellers[-1] not in pair:
            return None
        out.add(tellers[-1])
    return out


def names_pattern(known: Iterable[str]) -> re.Pattern[str]:
    """Every known and [wide] name as a whole word, longest first, with no look at the words after it (the known
    pattern of organizations.py leaves out 'the Rift Union Summit'; here a summit is told as the body's own, read
    below). `known`: the known names' forms; organizations._rules() builds it once as its `named_names`."""
    names = (*known, *wide_forms())
    return re.compile(r"(?<![\w-])(?P<org>" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                      + r")(?!\w)")


def _sides(organization: str, pair: tuple[str, str], named: set[str], both: bool) -> tuple[str, ...]:
    """The sides the sentence is about that the body's list holds: the named ones, or both when it speaks of the
    pair ('both countries') and the list holds both."""
    if both and belonging(organization, pair) == tuple(pair):
        return tuple(pair)
    return belonging(organization, tuple(side for side in pair if side in named))


def _the_sides_own(rules: dict, words: dict, sentence: str, m: re.Match) -> bool:
    """Whether the sentence tells the body as one the side is in, not as a place, a party, an actor or an owner."""
    end = past_bracket(sentence, m)
    rest = sentence[end:]
    # a hyphen before the name is ruled out by names_pattern's own look-behind; an en dash is not
    if HYPHEN_GLUE.match(rest) or sentence[max(0, m.start() - 1):m.start()] == "–":
        return False  # 'Freedonia-EU relations', 'the EU-Rift trade deal'
    if words["before"].search(sentence, max(0, m.start() - BEFORE_REACH), m.start()) \
            or rules["counterpart"].search(sentence, max(0, m.start() - 120), m.start()):
        return False  # 'relations with the EU', 'on the sidelines of the', 'according to the', 'funded by the'
    if OPEN_PAREN.search(sentence, max(0, m.start() - 3), m.start()):
        return False  # 'the Organization of Rift States (ORS)': the name before it was read
    summit = SUMMIT.match(rest)
    if summit and _modifier(rest[summit.end():]):
        return False  # 'the Rift Union summit agenda': a thing of the summit
    if summit:
        # 'the order set out in the Rift Union Lagos Summit': the body's own meeting, its members' (r17 gold kept a
        # body named as a summit's host); 'signed during the 9th Rift Summit' is only a time
        return not words["summit_time"].search(sentence, max(0, m.start() - 30), m.start())
    if member_noun_at(rules, sentence, end):
        return True  # 'fellow EU members', 'a NATO country'
    if CLAUSE_OPENER.search(sentence, max(0, m.start() - 12), m.start()):
        return False  # 'The Rift Union, in a statement, urged Ruritania': a name opening the sentence is its subject
    aside = COMMA_ASIDE.match(rest)
    if aside and _modifier(rest[aside.end():]):
        return False  # 'officials said the Union, in a statement, condemned Ruritania': an aside, then its verb
    # "NATO's strategy", 'the UN Secretary-General', 'EU standards': a thing of the body; 'the EU urged both', 'the
    # UN on Monday urged Ruritania', 'said the Union last year ruled': the body acts, a third party (a time word or
    # an adverb between the name and its verb is passed over). A function word after it ('at the UN to fight',
    # 'within the EU and', 'at the UN this week') leaves the body the place the sides work in.
    if POSSESSIVE.match(rest) or m.group("org").endswith("s") and PLURAL_POSSESSIVE.match(rest) \
            or CAPITAL_NEXT.match(rest) or _modifier(rest):
        return False
    joined = JOINED_MODIFIER.match(rest)  # 'UN and US sanctions': two owners of one thing
    return joined is None or FUNCTION_WORD.match(rest[joined.end():]) is not None


JOINED_MODIFIER = re.compile(r"^\s+(?:and|or)\s+(?:the\s+)?[A-Z]{2,}(?=\s+[a-z])")
_ROWS = read_toml("organizations.toml")
# a word after the name that leaves it a place or a party, not a modifier: 'at the UN to fight', 'within the EU and'
FUNCTION_WORD = re.compile(r"^\s+" + alternation([*_ROWS["named_function_words"], *_ROWS["after_name_adverbs"]],
                                                 longest_first=False) + r"\b")
# adverbs and time phrases a verb may stand after: 'the UN also urged', 'the Union last year ruled', 'the UN on
# Monday urged'; passed over before the modifier test ('at the UN this week to fight' stays the sides' place)
TIME_NOUN = "(?:" + "|".join([*capitalised(WEEKDAYS), "week", "weekend", "month", "year", "day", "morning", "afternoon",
                               "evening", "night", *SEASON_START_MONTH, "time"]) + ")s?"
ADVERBIAL = re.compile(r"^(?:\s+(?:" + alternation(_ROWS["named_adverbs"], longest_first=False) + "|"
                       r"(?:on|last|this|next|that|every|each)\s+" + TIME_NOUN + r"|in\s+(?:19|20)\d\d)\b)*")
# the name opens the sentence or a clause after ; or : ('The Rift Union also urged'); not after a comma, where a list
# goes on ('at the Rift Council (RC), Arab League and other fora')
CLAUSE_OPENER = re.compile(r"(?:^|[;:])\s*[\"“‘']?\s*(?:[Tt]he\s+)?$")
COMMA_ASIDE = re.compile(r"^\s*,[^,;]{1,40},")  # ', in a statement,'


def _modifier(rest: str) -> bool:
    """Whether the words after a name make it a modifier or the subject of a verb: a lower-case word that is no function
    word, after any adverb or time phrase ('the Union last year ruled', 'the Rift Summit this month' stays a place)."""
    rest = rest[ADVERBIAL.match(rest).end():]
    return LOWER_NEXT.match(rest) is not None and FUNCTION_WORD.match(rest) is None
