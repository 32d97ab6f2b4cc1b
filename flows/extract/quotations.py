"""Quotations in a sentence: a country named inside a quotation is what the speaker talks about, not the speaker's
side ('“We want to sell more wheat to Ruritania,” said Jon Roe, head of the chamber')."""
from __future__ import annotations

import re

# a quotation's span, in curly or straight double quotes
QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")


def quoted_apart(sentence: str, at: int, person_start: int) -> bool:
    """Whether the character at `at` is inside a quotation that the person named at `person_start` stands outside
    of."""
    if "“" not in sentence and '"' not in sentence:
        return False
    return any(start <= at < end and not start <= person_start < end
               for start, end in (match.span() for match in QUOTATION.finditer(sentence)))
