"""'We also work together in the Rift Forum' on a page one side writes (an embassy's or a ministry's page): a first
person plural subject acting together with no one else named is the page's two sides. Read by org_subjects.py for a
membership verb whose clause names no country (rows: flows/lexicon/organizations.toml we_together)."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention

# the clause's subject: 'we', then lower-case words only up to the verb ('we have been partners on rights issues,
# working together in'): a capitalised word between ('We, the Andean states,') names who 'we' are. Searched from the
# clause's start: '^' holds only at the sentence's own start, and the mark before 'we' may stand before the clause
# ('Trade grew; we also work ...'), so it is looked behind for, not matched
WE_SUBJECT = re.compile(r"(?:^|(?<=[\s,;]))(?:[Ww]e|[Oo]ur\s+two\s+(?:countries|nations|states))\b(?P<rest>[^A-Z\"“”«»]*)$")
# how far before the verb the acting-together word may stand ('working together in regional forums such as')
TOGETHER_REACH = 40


def we_together(rules: dict, sentence: str, clause_start: int, verb: re.Match[str], countries: list[CountryMention],
                pair: tuple[str, str]) -> bool:
    """True when the verb's clause has 'we' as its subject, and the verb (or the words just before it) says the two
    act together, with no third party ('together with Japan', a country outside the pair anywhere in the sentence),
    no plan ('we will work together in') and no quotation (a speaker's 'we' may be any country's). rules:
    organizations.py's compiled lexicon ("we_together", "we_together_not", "we_together_plan")."""
    if any(mark in sentence for mark in "\"“”«»") or any(c.iso3 not in pair for c in countries):
        return False
    if WE_SUBJECT.search(sentence, clause_start, verb.start()) is None:
        return False
    window = sentence[max(clause_start, verb.start() - TOGETHER_REACH):verb.end()]
    # (a third party may be named after the body, 'alongside other partners'; a plan only in 'we' and its verb)
    return (rules["we_together"].search(window) is not None
            and rules["we_together_not"].search(sentence, clause_start) is None
            and rules["we_together_plan"].search(sentence, clause_start, verb.end()) is None)
