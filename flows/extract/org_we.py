"""'We also work together in the Rift Forum' on a page one side writes (an embassy's or a ministry's page): a first
person plural subject acting together with no one else named is the page's two sides. Read by org_subjects.py for a
membership verb whose clause names no country (rows: flows/lexicon/organizations.toml we_together)."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.countries import CountryMention
from flows.lexicon import read_toml

# the clause's subject: 'we', then lower-case words only up to the verb ('we have been partners on rights issues,
# working together in'): a capitalised word between ('We, the Andean states,') names who 'we' are
WE_SUBJECT = re.compile(r"(?:^|[\s,;])(?:[Ww]e|[Oo]ur\s+two\s+(?:countries|nations|states))\b(?P<rest>[^A-Z\"“”«»]*)$")
# how far before the verb the acting-together word may stand ('working together in regional forums such as')
TOGETHER_REACH = 40


@lru_cache(maxsize=1)
def _together() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = read_toml("organizations.toml")
    return (re.compile(alternation(rows["we_together"], escape=False), re.I),
            re.compile(alternation(rows["we_together_not"], escape=False), re.I))


def we_together(sentence: str, clause_start: int, verb: re.Match[str], countries: list[CountryMention],
                pair: tuple[str, str]) -> bool:
    """True when the verb's clause has 'we' as its subject, and the verb (or the words just before it) says the two
    act together, with no third party ('together with Japan', a country outside the pair anywhere in the sentence),
    no plan ('we will work together in') and no quotation (a speaker's 'we' may be any country's)."""
    together, not_together = _together()
    if any(mark in sentence for mark in "\"“”«»") or any(c.iso3 not in pair for c in countries):
        return False
    if WE_SUBJECT.search(sentence, clause_start, verb.start()) is None:
        return False
    window = sentence[max(clause_start, verb.start() - TOGETHER_REACH):verb.end()]
    return together.search(window) is not None and not_together.search(sentence, clause_start) is None
