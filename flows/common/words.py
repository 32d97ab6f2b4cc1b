"""Regex alternations built from word rows, the one way every finder turns a lexicon list into a pattern.

Why one helper: the finders built '\\b(?:' + '|'.join(words) + ')\\b' by hand in a dozen places, some sorting the
words longest first, some escaping them, some not. The options say which of those a list needs:
- `escape=True` (plain words): each row is text, its spaces match any whitespace ('prime ministers' also finds
  'prime\\nministers'); `escape=False`: each row is already a regex piece ('consist(?:s|ed)?').
- `longest_first=True`: where the first alternative that matches decides the span ('exported goods' before
  'exported'); `False` keeps the rows' order, for lists bounded on both sides, where the order changes nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], flags: str = "", *, longest_first: bool = True, escape: bool = True) -> str:
    """A regex group matching any of the words, e.g. '(?:May|June)'; flags 'i' gives '(?i:May|June)'."""
    ordered = [str(word) for word in words]
    if longest_first:
        ordered.sort(key=len, reverse=True)  # stable: rows of one length keep their order
    if escape:
        ordered = [re.escape(word).replace(r"\ ", r"\s+") for word in ordered]
    body = "|".join(ordered)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def whole_words(words: Iterable[str], *, longest_first: bool = True, escape: bool = True) -> str:
    """The alternation between word boundaries: r'\\b(?:three|four|several)\\b' matches no 'fourteen'."""
    return r"\b" + alternation(words, longest_first=longest_first, escape=escape) + r"\b"
