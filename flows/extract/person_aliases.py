"""Other names of a person already named: '(also spelled X)', 'née X', 'X, posthumously known as Emperor Y'.

Such a name is no person of its own; a later mention of it is the person named before it."""
from __future__ import annotations

import re

from flows.extract.names import fold_name
from flows.extract.persons import Mention, Person

__all__ = ["alias_spans", "note_aliases"]

ALIAS = re.compile(r"\(([^()]{3,60}?)\s+in\s+the\s+\w+\s+spelling\)|\((?:also\s+(?:spelled|written|known\s+as)|né|née)\s+([^()]{3,60})\)")
# 'X, posthumously known as Emperor Y': another name of the person just named, no person of its own
KNOWN_AS = re.compile(r"\b(?:posthumously|also|better|commonly|popularly|widely|formerly|later|affectionately)\s+"
                      r"(?:known|called|referred\s+to)\s+as\s+(?:the\s+)?(?:[A-ZÀ-Þ][\w’'-]*\s+){0,3}[A-ZÀ-Þ][\w’'-]*")


def alias_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of other names in `sentence` ('(also known as X)', 'better known as Y'): no person starts there."""
    spans = [m.span() for m in ALIAS.finditer(sentence)]
    spans += [m.span() for m in KNOWN_AS.finditer(sentence)] if "known as" in sentence or " as " in sentence else []
    return spans


def note_aliases(sentence: str, out: list[tuple[Person, Mention]]) -> None:
    """'X, posthumously known as Emperor Y, ...': Y's last word is another name of the person named right before, so
    a later 'Emperor Y' is X."""
    for m in KNOWN_AS.finditer(sentence) if " as " in sentence else ():
        before = [(person, mention) for person, mention in out if mention.end <= m.start()]
        if before:
            person = max(before, key=lambda pm: pm[1].end)[0]
            person.aliases.append(fold_name(m.group(0).split()[-1]))
