"""Who a membership verb is said of: the countries of its clause's subject, the pair when the subject is 'the two
countries', 'both' or 'they ... both', the names after a leading 'As members of ...', and a second country with the
verb left out ('Ruritania joined the Rift Council in 1990 and Andesia in 1995'). Read by
flows/extract/organizations.py; `rules` is its compiled lexicon (flows/lexicon/organizations.toml)."""
from __future__ import annotations

import re

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.extract.org_we import we_together
from flows.lexicon import read_toml

# 'Both, however, are members of': an aside between the subject and its verb
ASIDE = re.compile(r",\s*(?:however|too|also|though|meanwhile|in\s+turn|moreover|for\s+their\s+part)\s*,\s*(?=[^,]*$)", re.I)
# where a membership verb's subject clause starts: 'Trade dates back to 1900, when many Ruritanians joined the
# Imperial Service' (the Ruritanians joined, not the pair named before 'when')
CLAUSE_START = re.compile(r";\s*|\.\s+|,\s+" + alternation(read_toml("organizations.toml")["clause_openers"]) + r"\s+")
# the subject before the verb (compiled once: speed)
LETTER = re.compile(r"[A-Za-z]")
ONLY_ALONE = re.compile(r"\b(?:only|alone)\b", re.I)
BOTH_ALL = re.compile(r"(?:both|all)\b", re.I)
BOTH_IN = re.compile(r"\bboth\b", re.I)


def verb_subjects(rules: dict, sentence: str, verb: re.Match, countries: list[CountryMention],
                  pair: tuple[str, str] | None, pair_spans: list[tuple[int, int]]) -> list[str]:
    """The countries a membership verb is said of (ISO3, in text order): the subject of its clause, the pair
    when the subject is 'the two countries' or 'both', or the names after a leading 'As members of ...'."""
    subject = sentence[:verb.start()]
    bounds = [m.end() for m in CLAUSE_START.finditer(subject)]
    while bounds and not LETTER.search(subject, bounds[-1]):
        bounds.pop()  # '..., and are founding members of': the verb shares the previous clause's subject
    clause_start = bounds[-1] if bounds else 0
    # 'Both, however, are members of': an aside between the subject and its verb
    subject = ASIDE.sub("", subject)
    clause_start = min(clause_start, len(subject))
    if ONLY_ALONE.search(subject[clause_start:]):
        return []  # 'only Tanzania is a member of ...': one side
    # the verb opens the sentence ('As members of ...'); 'Ecuador joined the Andean Federation of States, however,
    # a province later joined Peru' is no leading verb, and Peru after it is no member
    leading = not sentence[:verb.start()].strip()
    members = []
    for c in countries:
        if clause_start <= c.start < verb.start() and c.iso3 not in members and c.kind != "historic" \
                and not rules["not_members"].search(sentence, max(0, c.start - 20), c.start):
            members.append(c.iso3)
    if len(members) < 2 and pair and (rules["pair"].search(subject[clause_start:])
                                      or BOTH_ALL.match(verb.group(0))  # 'Both belong to'
                                      # 'They are both members of': a pronoun, and 'both' said of it
                                      or (BOTH_IN.search(verb.group(0)) and rules["pair_pronoun"].search(subject[clause_start:]))
                                      or any(clause_start <= s < verb.start() for s, _ in pair_spans)
                                      or (leading and rules["pair"].search(sentence, verb.end()))):
        # 'As members of the EU and NATO, the two countries ...': the subject follows the list
        members = list(pair)
    if not members and pair and we_together(rules, sentence, clause_start, verb, countries, pair):
        members = list(pair)  # 'We also work together in the Rift Forum' on one side's page (org_we.py)
    if len(members) < 2 and leading:
        # 'As members of SACU and SADC, Namibia and Botswana cooperate': the named subject follows the list
        members = list(dict.fromkeys(c.iso3 for c in countries if c.start > verb.end() and c.kind == "name"))
    return members


# 'Estonia joined NATO in 2004 and Finland in 2023': the verb and its object left out before the second country
GAP_BEFORE = re.compile(r"(?:,\s*|\s+)and\s+(?:then\s+|later\s+)?(?:the\s+)?$")
GAP_AFTER = re.compile(r"\s+(?:in|on|by)\s+(?:\d|(?:early|late|mid-?)\s*\d|[A-Z][a-z]+\s+\d)")


def gapped_subjects(sentence: str, verb: re.Match, countries: list[CountryMention], members: list[str]) -> list[str]:
    """The countries a dated membership verb is said of again with the verb left out ('A joined X in 1997 and B in
    1999'), when its own subject is one country."""
    if len(members) != 1 or "join" not in verb.group(0).lower():
        return []
    return list(dict.fromkeys(c.iso3 for c in countries if c.start > verb.end() and c.iso3 not in members
                              and c.kind == "name" and GAP_BEFORE.search(sentence, verb.end(), c.start)
                              and GAP_AFTER.match(sentence, c.end)))
