"""Shared memberships: organizations that two or more of the document's countries belong to, per the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flows.extract.countries import CountryMention
from flows.extract.org_chairs import DAY_NAMES, chaired
from flows.extract.org_members import belonging, has_member_list, with_the_others
from flows.extract.org_cues import (HEAD_AND, listed_and_named, member_noun_at, past_bracket, rest_of, sides_told, spells,
                                   takes_part)
from flows.extract.org_blocs import bloc_sides
from flows.extract.org_named import named_memberships, names_pattern, wide_forms
from flows.extract.org_scope import clause_span, vetoed
from flows.extract.org_summits import attended
from flows.extract.org_subjects import gapped_subjects, verb_subjects
from flows.common.prefilter import gate, word_gate
from flows.common.words import alternation
from flows.lexicon import read_toml

# a name's words: capitalised, joined by an en dash too ('the Forum of Andes–Pacific Cooperation'), with a small
# number between two of them ('the Developing 8 Countries', 'the Friends 5 Group'), never a year after 'in'
CAP_PHRASE = re.compile(
    r"(?:[A-ZÀ-Þ][\w’'&–-]*\.?)(?:\s+(?:(?:of|for|and|the|in|on|de|la|du)\s+)*[A-ZÀ-Þ][\w’'&–-]*"
    r"|\s+\d{1,2}(?=\s+[A-ZÀ-Þ][a-z])|(?<=\bGroup)\s+of\s+\d{1,3}(?![\d,%]|\.\d))*"  # 'Group of 77'
    r"(?:\s*\(([A-Z][A-Za-z&-]{1,9})\))?"
)


DATE_WORD = re.compile(r"^" + DAY_NAMES + r"$")
RELATIVE_ASIDE = re.compile(r",\s+(?:which|that|whose)\s+[^,;.]*(?=,\s+and\s+(?:to\s+|of\s+|in\s+)?(?:the\s+)?[A-Z])")
# an adverb after the name ('we are in the Rift Union together') is no modifier (organizations.toml after_name_adverbs)
_AFTER_NAME_ADVERBS = "|".join(read_toml("organizations.toml")["after_name_adverbs"])
MODIFIER_USE = re.compile(r"[’']?s?\s+(?!(?:and|or|to|in|on|as|at|with|for|is|are|was|were|has|have|which|that|the|and|"
                          + _AFTER_NAME_ADVERBS + r")\b)[a-z]"
                          r"|[’']s\s+[A-Z][a-z]")  # 'the European Union's Investment Plan': a thing the body owns
# A name followed by two lower-case words of a noun phrase ('the EU macroregional strategies'), not by a function word
# (organizations.toml: named_function_words, list_modifier_not_nouns, after_name_adverbs; one row each, mend30a)
_ORG_ROWS = read_toml("organizations.toml")
_NOT_A_NOUN = r"(?!(?:" + "|".join(dict.fromkeys([*_ORG_ROWS["named_function_words"],
                                                  *_ORG_ROWS["list_modifier_not_nouns"],
                                                  *_ORG_ROWS["after_name_adverbs"]])) + r")\b)"
LIST_MODIFIER = re.compile(r"\s+" + _NOT_A_NOUN + r"[a-z]+\s+[a-z]")
# Session 18 (orgs29): a list item that ends in one of a few nouns after the name ('the ASEAN-E.U. framework', 'the
# UN system'): the name modifies the noun, no body is listed (past the rest of an abbreviation: 'E.U.' read as 'E.').
# Only these nouns (organizations.toml list_noun_tails): 'the UN, the WTO and APEC again' lists APEC (mend30a)
LIST_NOUN_TAIL = re.compile(r"(?:[A-Z]\.)*\s+(?:" + "|".join(_ORG_ROWS["list_noun_tails"]) + r")\s*\.?\s*$")


def _known_full_name(phrase: str, rules: dict) -> bool:
    """A known body's full name of two words or more ('the Mekong-Lancang Cooperation framework'): the tail noun is the
    body's own framework, and the body is listed; an acronym or a bare name before it ('the UN system', 'the ASEAN-E.U.
    framework') stays a modifier."""
    name = LEADING_THE.sub("", phrase.strip())
    return len(name.split()) > 1 and name in rules["acronym_of"]


@dataclass(frozen=True)
class Membership:
    organization: str  # the acronym when the text gives one, else the name
    name: str | None
    acronym: str | None
    countries: tuple[str, ...]


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = read_toml("organizations.toml")
    acronym_of = {**{v: k for k, v in data["known"].items()}, **{k: k for k in data["known"]},
                  **{other: k for k, v in data["known"].items() for other in _other_spellings(v, data)},
                  **{k: k.upper() for k in _title_case(data["known"])}, **data["aliases"]}
    return {
        # the fora row last: no other row starts where it does ('in ... fora like'), so the order changes no match
        "verbs": re.compile("|".join([*data["membership_verbs"], data["fora_examples"]]), re.I),
        "fora": re.compile(data["fora_examples"], re.I),
        "fora_cooperation": re.compile("|".join(data["fora_cooperation"]), re.I),
        "end": re.compile("|".join(data["list_end"])),
        "pair": re.compile("|".join(data["pair_subjects"]), re.I),
        "not_members": re.compile("|".join(data["not_members"]), re.I),
        "pair_org": re.compile(data["pair_org"]),
        "shared": re.compile("|".join(data["shared_cues"]), re.I),
        "not_shared": re.compile("|".join(data["not_shared"]), re.I),
        "member_said": re.compile("|".join(data["member_said"]), re.I),
        "counterpart": re.compile("|".join(data["counterpart_before"]), re.I),
        "member_of": re.compile(data["member_of_before"], re.I),
        "beside_meeting": re.compile("|".join(data["beside_meeting_before"]), re.I),
        "own_bloc": re.compile("|".join(data["own_bloc_before"]), re.I),
        "agreement_list": re.compile("|".join(data["agreement_list_before"]), re.I),
        "framework": re.compile("|".join(data["framework_cues"]), re.I),
        "body_heads": frozenset(data["body_heads"]),
        "between": re.compile(data["between_body_and"], re.I),
        "takes_part": re.compile("|".join(data["takes_part_before"]), re.I),
        "known": re.compile(r"\b(?P<org>" + "|".join(
            re.escape(n) for n in sorted(_forms(data), key=len, reverse=True))
            + r")\b(?!(?:[’']s)?(?:\s+[A-Z][\w-]*)*\s+(?:" + "|".join(data["body_words"]) + r")\b)"),
        # every name the "known" pattern can match, as written (it is case-sensitive): its gate
        "known_gate": word_gate(_forms(data), cased=True),
        "acronym_of": acronym_of,
        # every form of a known name, sorted once (the summit and bloc patterns are compiled for this tuple)
        "names": tuple(sorted(_forms(data))),
        # org_named.py's forms (known and [wide]) -> the body, and its pattern of them: built once, not a sentence
        "named_forms": {**acronym_of, **wide_forms()},
        "named_names": names_pattern(sorted(_forms(data))),
        "pair_pronoun": re.compile("|".join(data["pair_pronouns"])),
        # 'We also work together in the Rift Forum' and its vetoes (org_we.py)
        "we_together": re.compile(alternation(data["we_together"], escape=False), re.I),
        "we_together_not": re.compile(alternation(data["we_together_not"], escape=False), re.I),
        "we_together_plan": re.compile(alternation(data["we_together_plan"], escape=False), re.I),
        "body": re.compile(r"^\s+(?:" + "|".join(data["body_words"]) + r")\b"),
        # 'the first Asean founding member', 'the G-20 major economies': a kind of member before the noun
        "member_noun": re.compile(r"\s+(?:(?:" + "|".join(data["member_qualifiers"]) + r")\s+)?(?:"
                                  + "|".join(data["member_nouns"]) + r")\b"),
    }


def _forms(data: dict) -> set[str]:
    """Every way a known organization is written: acronym, name, title-cased acronym, other spellings ('G-20')."""
    return {*data["known"], *data["known"].values(), *_title_case(data["known"]), *data["aliases"],
            *(other for name in data["known"].values() for other in _other_spellings(name, data))}


def _other_spellings(name: str, data: dict) -> list[str]:
    """The name with each word of a spelling pair swapped for the other ('Organisation' <-> 'Organization')."""
    out = []
    for a, b in data["spelling_pairs"]:
        for x, y in ((a, b), (b, a)):
            if re.search(r"\b" + x + r"\b", name):
                out.append(re.sub(r"\b" + x + r"\b", y, name))
    return out


def _title_case(known: dict[str, str]) -> list[str]:
    """Acronyms some outlets write as words ('Asean', 'Nato', 'Saarc'): four letters or more, all capitals."""
    return [acronym.capitalize() for acronym in known if acronym.isalpha() and acronym.isupper() and len(acronym) >= 4]


# compiled once (speed): _parse_org runs for every organization of a list
LEADING_THE = re.compile(r"^(?:the|The)\s+")
TRAILING_PARENS = re.compile(r"\s*\([^)]*\)\s*$")
GLUED_REPEAT = re.compile(r"^(?P<name>[A-Z][\w-]*(?:\s+[\w-]+){0,6}?)\s+(?:The\s+|the\s+)?(?P=name)\b")


def _parse_org(phrase: str, acronym: str | None) -> tuple[str, str | None, str | None] | None:
    name = LEADING_THE.sub("", phrase).strip()
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]  # the sentence's full stop, not an abbreviation
    name = TRAILING_PARENS.sub("", name).strip()
    glued = GLUED_REPEAT.match(name)
    if glued:
        name = glued.group("name")  # a page's link text glued to its own lead: 'Rift Council The Rift Council'
    if not name:
        return None
    first = name.split()[0]
    known_acronym = _rules()["acronym_of"].get(name)
    if acronym is None and first.isupper() and known_acronym and known_acronym != first and len(name.split()) > 1:
        acronym = known_acronym  # 'ASEAN Regional Forum' is ARF (a known body), not ASEAN for its first word
    if acronym is None and first.isupper() and len(first) >= 2 and len(name.split()) > 1 \
            and not _rules()["body"].match(name[len(first):]):
        acronym = first  # 'GUAM Organization for Democracy and Economic Development' ('OSCE Minsk Group' is a body)
    if acronym is None and name.isupper() and 2 <= len(name) <= 10:
        return name, None, name
    if acronym and name != acronym and not spells(acronym, name) and acronym not in _rules()["acronym_of"]:
        # 'the Andean Trade Union (UNACO)': an acronym of another language, not a known one (MERCOSUR, UNASUR): the
        # name is the key (the warehouse keys an organization by its acronym when it has one)
        return name, name, None
    return (acronym or name), (name if name != acronym else None), acronym


COUNTERPART_REACH = 120  # characters before a name: 'negotiations with' and a list of parties before it

# find_memberships reads the list of organizations after the verb with these (compiled once: speed)
AS_ASIDE = re.compile(r",\s+as\s+[^,;]*(?=,)")
AND_MEMBERS = re.compile(r"\s+and\s+(?:also\s+)?(?:full\s+|associate\s+)?members?\s+of\b")
ENDS_WHOLE = re.compile(r"[.!?;:)\"'”’\]]\s*$")
# before a listed name: a common noun's article, or a preposition after a word ('to the AU' starts an item): the
# name is inside another noun phrase
INSIDE_A_NOUN = re.compile(r"^\s*an?\s|\w\s+(?:of|to|for|with|by|at|from|into|dedicated)\s", re.I)
# a list's items: split at commas, 'and the', 'and' after a bracket or an acronym ('BRICS and Andean Forum': a name's
# own words are no capitals-only word) or before one, and a doubled 'and' (a copy slip: 'Rift Council and and Andes
# Club' are two names)
LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+(?:of\s+)?the\s+|(?<=\))\s+and\s+|(?<=[A-Z]{2})\s+and\s+(?=[A-Z])"
                        r"|\s+and\s+(?=[A-Z]{2,}\b)|\s+and\s+and\s+|" + HEAD_AND)


def _shared_mentions(sentence: str, countries: list[CountryMention], pair: tuple[str, str],
                     pair_spans: list[tuple[int, int]]) -> list[Membership]:
    """'Both leaders stressed ASEAN's centrality', 'cooperation through the East Asia Summit and APEC': a known
    organization named in a sentence about the pair."""
    rules = _rules()
    about_pair = bool(pair_spans) or set(pair) <= {c.iso3 for c in countries} or rules["shared"].search(sentence)
    out: list[Membership] = []
    last_end = -1
    for m in rules["known"].finditer(sentence):
        if vetoed(rules["not_shared"], sentence, m.start(), m.end()):
            continue  # 'Freedonia is not in the Rift Union': a veto word in the name's own clause (org_scope.py)
        after = past_bracket(sentence, m)
        if not about_pair and not _member_of_named(rules, sentence, m, countries, pair) \
                and not (member_noun_at(rules, sentence, after)
                                   and has_member_list(rules["acronym_of"][m.group("org")])
                                   and sides_told(rules, sentence, m, countries, pair)) \
                and not rest_of(rules, sentence, m, pair):
            continue  # in a sentence not about the pair, only 'visas for Forum countries' when both are on the list
            # or 'her first visit to an EU country' of a side the sentence names
        if last_end >= 0 and OPEN_PAREN.fullmatch(sentence, last_end, m.start()):
            continue  # 'the European Union (EU)': the same mention, already read
        last_end = m.end()
        if HYPHEN_NAME.match(sentence, m.end()) or sentence[max(0, m.start() - 1):m.start()] == "-":
            continue  # 'the Andes-ASEAN Free Trade Area': part of another name
        if rules["agreement_list"].search(sentence, 0, m.start()):
            continue  # 'trade agreements, including the CPTPP and RCEP': an agreement, no body anyone belongs to
        if MODIFIER_USE.match(sentence, after) and not member_noun_at(rules, sentence, after) \
                and not takes_part(rules, sentence, m, pair) and not rest_of(rules, sentence, m, pair):
            continue  # 'European Union deforestation rules', 'the G20 summit in Rio': a modifier, no membership
            # ('among the G7 countries', 'shared SAARC membership': the noun says the members, so it counts)
        if rules["beside_meeting"].search(sentence, max(0, m.start() - 60), m.start()):
            continue  # 'the ministers met on the sidelines of the Rift Summit': beside the meeting, as guests are too
        if rules["counterpart"].search(sentence, max(0, m.start() - COUNTERPART_REACH), m.start()):
            continue  # "Norway's relationship with the European Union": the other party, no membership
        acronym = rules["acronym_of"][m.group("org")]
        sides = belonging(acronym, tuple(pair))  # 'our third market in ASEAN' (New Zealand of Vietnam)
        if not sides or (not has_member_list(acronym) and rules["member_said"].search(sentence)):
            # 'Serbia and Bosnia share the goal of EU membership': neither belongs; 'Kenya, a member of the
            # Commonwealth, backs Uganda': one side, and no member list says which
            continue
        if len(sides) < len(pair) and not (member_noun_at(rules, sentence, after)
                                           or IN_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
                                           or rules["member_of"].search(sentence, max(0, m.start() - MEMBER_OF_REACH),
                                                                        m.start())
                                           or rules["own_bloc"].search(sentence, max(0, m.start() - 90), m.start())):
            continue  # one side only: the text must say it is inside ('the first ASEAN founding member', 'in ASEAN'),
            # not only name the body ('the cable is a priority of the European Union', Italy's, not Tunisia's);
            # 'both nations and their regions (SADC and the EU)' puts each side in its own
        if acronym not in [x.organization for x in out]:
            out.append(Membership(acronym, None, acronym, sides))
    return out


def _member_of_named(rules: dict, sentence: str, m: re.Match, countries: list[CountryMention],
                     pair: tuple[str, str]) -> bool:
    """'Ruritania is one of the member states of ASEAN': a member noun and 'of' before a body with a member list,
    in a sentence naming the sides of the pair that the list holds."""
    if not rules["member_of"].search(sentence, max(0, m.start() - MEMBER_OF_REACH), m.start()):
        return False
    acronym = rules["acronym_of"][m.group("org")]
    return has_member_list(acronym) and listed_and_named(belonging(acronym, tuple(pair)), countries)


MEMBER_OF_REACH = 40  # characters before the body: 'one of the founding member states of the'


def _framework_bodies(rules: dict, sentence: str, countries: list[CountryMention], pair: tuple[str, str],
                      pair_spans: list[tuple[int, int]]) -> list[Membership]:
    """'The ministers reviewed regional issues within the framework of the Union of Andean Nations and the United
    Nations': bodies both sides act in, in a sentence about the pair. Only a known name or a name ending in one of
    `body_heads` counts ('within the framework of the 30th anniversary' or 'of the Strategic Partnership' is none)."""
    about_pair = bool(pair_spans) or set(pair) <= {c.iso3 for c in countries} or rules["shared"].search(sentence)
    if not about_pair:
        return []
    out: list[Membership] = []
    for cue in rules["framework"].finditer(sentence):
        if vetoed(rules["not_shared"], sentence, cue.start(), cue.end()):
            continue  # a veto word in the cue's own clause (org_scope.py)
        rest = sentence[cue.end():]
        end = rules["end"].search(rest)
        for piece in LIST_SPLIT.split(rest[: end.start()] if end else rest):
            piece = LEADING_THE.sub("", piece.strip())
            m = CAP_PHRASE.match(piece)
            if not m or any(c.text in m.group(0) and not _names_a_body(m.group(0), c.text) for c in countries):
                continue  # 'within the framework of the Chile-Peru Commission': a bilateral body
            parsed = _parse_org(m.group(0).rstrip("."), m.group(1))
            if parsed is None:
                continue
            acronym = rules["acronym_of"].get(parsed[0])
            if acronym is None and (parsed[1] or parsed[0]).split()[-1] not in rules["body_heads"]:
                continue
            sides = belonging(acronym, pair) if acronym else pair
            if sides and (acronym or parsed[0]) not in [x.organization for x in out]:
                out.append(Membership(acronym or parsed[0], None if acronym else parsed[1], acronym or parsed[2], sides))
    return out


def _between_body(rules: dict, sentence: str, countries: list[CountryMention], pair: tuple[str, str]
                  ) -> list[Membership]:
    """'An agreement between the Southern bloc and Peru' in a Brazil-Peru text: the body is one side's other party,
    so the other side belongs to it when the body's member list holds it (and only then)."""
    out: list[Membership] = []
    for m in rules["known"].finditer(sentence):
        acronym = rules["acronym_of"][m.group("org")]
        if not has_member_list(acronym):
            continue
        after = AND_THE.match(sentence, m.end())
        other = None
        if after and rules["between"].search(sentence, max(0, m.start() - 20), m.start()):
            other = next((c.iso3 for c in countries if c.start == after.end() and c.iso3 in pair), None)
        else:
            before = next((c for c in countries if c.iso3 in pair and AND_THE.fullmatch(sentence, c.end, m.start())
                           and rules["between"].search(sentence, max(0, c.start - 20), c.start)), None)
            other = before.iso3 if before else None
        if other is None:
            continue
        sides = tuple(side for side in belonging(acronym, pair) if side != other)
        if sides and acronym not in [x.organization for x in out]:
            out.append(Membership(acronym, None, acronym, sides))
    return out


AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")  # 'between the bloc and Peru', 'between Peru and the bloc'


OPEN_PAREN = re.compile(r"\s*\(\s*")
HYPHEN_NAME = re.compile(r"-[A-Z]")
IN_BEFORE = re.compile(r"\b(?:in|within|inside)\s+(?:the\s+)?$", re.I)
def _names_known(rules: dict, sentence: str) -> bool:
    """Whether rules["known"].search(sentence) finds a name: the pattern tried only where one of its names starts.

    Why: the pattern is '\\b(?P<org>NAME|NAME|...)\\b(?!...)' over every known name, as written (case-sensitive);
    sre gives an alternation that opens with \\b no fast scan and tried all of it at every position of every
    sentence the names' gate passes (~100 us a sentence, 1 in 6 of real news). A match starts where one of the
    names starts, so the gate's automaton (the same names, as written) gives every place a match can start, and
    pattern.match at those places finds one exactly when search does (match at a position sees the characters
    before it, so the leading \\b reads as in search)."""
    known, automaton = rules["known"], rules["known_gate"].automaton
    starts = {end - len(name) + 1 for end, name in automaton.iter(sentence)}
    return any(known.match(sentence, start) is not None for start in starts)


def find_memberships(sentence: str, countries: list[CountryMention], pair: tuple[str, str] | None,
                     pair_spans: list[tuple[int, int]]) -> list[Membership]:
    """Organizations the sentence says two or more countries share ('Both countries are members of ...')."""
    rules = _rules()
    out: list[Membership] = []
    # the cheap gates first (flows/common/prefilter.py): the verb alternation runs on the 1 sentence in 30 that
    # holds one of its words ('member', 'belong', 'joined', ...)
    lowered = sentence.lower()
    # each gate and the verb search once a sentence: four readings below ask whether a known name or a verb is in it
    has_verb = gate(rules["verbs"]).open(sentence, lowered) and rules["verbs"].search(sentence) is not None
    known_open = rules["known_gate"].open(sentence)
    # an explicit membership sentence is read by its grammar alone ('while Peru alone belongs to ...')
    known = (_shared_mentions(sentence, countries, pair, pair_spans)
             if pair and known_open and _names_known(rules, sentence) and not has_verb
             else [])
    for m in rules["pair_org"].finditer(sentence) if pair and gate(rules["pair_org"]).open(sentence, lowered) else ():
        # 'the two NATO allies': the pair's shared organization, named as what they are to each other
        if m.group(1) not in {c.text for c in countries} and belonging(m.group(1), pair) == tuple(pair):
            out.append(Membership(m.group(1), None, m.group(1), tuple(pair)))  # type: ignore[arg-type]
    for verb in rules["verbs"].finditer(sentence) if has_verb else ():
        members = verb_subjects(rules, sentence, verb, countries, pair, pair_spans)
        members += gapped_subjects(sentence, verb, countries, members)
        if len(members) >= 2:
            listed = _listed_organizations(rules, sentence, verb.end(), countries, tuple(members), out)
            if rules["fora"].fullmatch(verb.group(0)):
                listed = _fora_examples_kept(rules, sentence, verb, countries, tuple(members), listed)
            out += listed
    out += [k for k in known if k.organization not in {o.organization for o in out}
            and k.organization not in {o.acronym for o in out}]
    if pair and known_open:
        # 'the two leaders met on the sidelines of the G20 summit': both sides at the body's own meeting
        out += _not_yet_in(out, [Membership(acronym, None, acronym, sides)
                                 for acronym, sides in attended(sentence, countries, pair, rules["acronym_of"],
                                                                rules["names"])])
        # 'the EU-Mercosur deal' in a Spain-Brazil story: each side in its own bloc
        out += _not_yet_in(out, [Membership(acronym, None, acronym, sides)
                                 for acronym, sides in bloc_sides(sentence, pair, rules["acronym_of"], rules["names"])])
    if pair and "framework" in lowered:
        out += _not_yet_in(out, _framework_bodies(rules, sentence, countries, pair, pair_spans))
    if pair and "between" in lowered and known_open:
        out += _not_yet_in(out, _between_body(rules, sentence, countries, pair))
    for organization, iso3 in with_the_others(sentence, countries, pair, rules["known"], rules["acronym_of"]) if pair else ():
        out += _not_yet_in(out, [Membership(organization, None, organization, (iso3,))])  # 'A and the other members of X'
    for iso3, organization, acronym in chaired(sentence, countries, pair, rules["acronym_of"]):
        if organization not in {o.organization for o in out}:  # "Laos's chairmanship of ASEAN": a member
            out.append(Membership(organization, None if organization == acronym else organization, acronym, (iso3,)))
    if pair:  # 'Ruritania stands with the Rift Union': a body named about a side on its list (last: no second row)
        out += _not_yet_in(out, [Membership(org, None, org, sides)
                                 for org, sides in named_memberships(rules, sentence, countries, pair, pair_spans,
                                                                     {o.organization for o in out}, has_verb,
                                                                     known_open)])
    return out


PAIR_JOIN = re.compile(r"\s*(?:,\s*)?and\s+(?:the\s+)?$")  # 'Arland and Borvia' before the verb: a pair subject
BOTH_WORD = re.compile(r"\bboth\b", re.I)


def _fora_examples_kept(rules: dict, sentence: str, verb: re.Match, countries: list[CountryMention],
                        members: tuple[str, ...], listed: list[Membership]) -> list[Membership]:
    """The bodies given as examples of the fora ('in international organizations like the OECD') that the members
    share: none when a veto word stands in the row's own clause ('supported Borvia's bid for a seat in ...'); after a
    verb of no cooperation, all when the subject is the pair, else those whose member list holds each side
    (organizations.toml `fora_examples`; mend30a)."""
    if vetoed(rules["not_shared"], sentence, verb.start(), verb.end()):
        return []
    lo, _ = clause_span(sentence, verb.start(), verb.end())
    before = sentence[max(lo, verb.start() - 80):verb.start()]
    if rules["fora_cooperation"].search(before):
        return listed
    named = [c for c in countries if lo <= c.start < verb.start() and c.iso3 in members]
    if rules["pair"].search(before) or BOTH_WORD.search(before) or any(
            a.iso3 != b.iso3 and PAIR_JOIN.fullmatch(sentence, a.end, b.start) for a in named for b in named):
        return listed
    kept = []
    for row in listed:
        acronym = row.acronym or rules["acronym_of"].get(row.organization)
        if acronym and has_member_list(acronym) and belonging(acronym, members) == members:
            kept.append(row)
    return kept


def _not_yet_in(out: list[Membership], found: list[Membership]) -> list[Membership]:
    """The rows of `found` whose organization no earlier reading of the sentence gave."""
    seen = {o.organization for o in out}
    return [row for row in found if row.organization not in seen]


GLUED_ARTICLE = re.compile(r"\b(the|of)(?=[A-ZÀ-Þ][a-z])")
INITIAL_STOP = frozenset({"of", "for", "and", "the", "in", "on"})


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word.casefold() not in INITIAL_STOP).upper()


def _names_a_body(phrase: str, place: str) -> bool:
    """'the Lisbon Six', 'the Andes Nine': a place that opens a longer name, with no 'and' joining other places."""
    return " and " not in phrase and re.search(r"(?:^|\s)" + re.escape(place) + r"\s+[A-Z]", phrase) is not None


def _listed_organizations(rules: dict, sentence: str, after: int, countries: list[CountryMention],
                          members: tuple[str, ...], taken: list[Membership]) -> list[Membership]:
    """The organizations listed after a membership verb (from `after`), each once and none already `taken`."""
    rest = AS_ASIDE.sub("", sentence[after:])  # ', as the Turkic Council was called,'
    # 'belong to the IGAD, which has its seat in Djibouti, and to the African Union': the aside ends no list
    rest = RELATIVE_ASIDE.sub("", rest)
    end = rules["end"].search(rest)
    listing = rest[: end.start()] if end else rest
    # a second membership verb in the same list ('... and take part in the ASEM') continues it
    listing = rules["verbs"].sub(",", listing)
    listing = AND_MEMBERS.sub(",", listing)  # '... and members of X'
    # a page's link text glued to the article before it ('the Rift Union and theSea Council'): the words apart
    listing = GLUED_ARTICLE.sub(r"\1 ", listing)
    found: list[Membership] = []
    pieces = LIST_SPLIT.split(listing)
    if end is None and pieces and not ENDS_WHOLE.search(sentence):
        # 'are members of SAARC, IORA and the Commonwealt': an excerpt cut mid-word; its last name is kept only
        # if it is whole by itself (an acronym or a known name)
        last = CAP_PHRASE.search(pieces[-1])
        if last and not (last.group(0).isupper() or rules["known"].fullmatch(last.group(0))):
            pieces = pieces[:-1]
    for piece, m in ((piece, m) for piece in pieces for m in [CAP_PHRASE.search(piece)] if m):
        phrase = m.group(0)
        if INSIDE_A_NOUN.search(piece, 0, m.start()):
            continue  # 'take part in a ceremony for the centenary of the Pacific War': not a body joined
        if (LIST_MODIFIER.match(piece, m.end())
                or (LIST_NOUN_TAIL.match(piece, m.end()) and not _known_full_name(phrase, rules))) \
                and not rules["member_noun"].match(piece, m.end()):
            continue  # 'the EU macroregional strategies', 'the ASEAN-E.U. framework': the name modifies a noun (phrase)
        if DATE_WORD.match(phrase) or any(c.text == phrase for c in countries):
            continue  # 'since Sweden joined in March 2024': a date, not an organization
        if any(c.text in phrase and not _names_a_body(phrase, c.text) for c in countries
               if c.kind in ("name", "capital", "historic")):
            continue  # 'the United States and Australia' are countries, not an organization
        parsed = _parse_org(phrase, m.group(1))
        known = parsed and parsed[2] is None and rules["acronym_of"].get(parsed[0])
        if known and known == _initials(parsed[0]):
            # 'members of the European Union' is the EU the document names elsewhere (the warehouse keys by the
            # acronym); the Bolivarian Alliance (ALBA) has no initials for an acronym: its name
            parsed = (parsed[0], parsed[1], known)
        elif parsed and parsed[2] is None and wide_forms().get(parsed[0]) == _initials(parsed[0]):
            # 'members of the United Nations' keyed as the UN that org_named.py reads ('work closely at the UN'):
            # one body of the document, not two ('Commonwealth of Nations' has no initials for its key: its name)
            parsed = (parsed[0], parsed[1], wide_forms()[parsed[0]])
        if parsed and parsed[0] not in [f.organization for f in found + taken]:
            found.append(Membership(parsed[0], parsed[1], parsed[2], members))
    return found
