"""Cheap gates before costly regexes: the plain words a pattern cannot match without, found in one pass.

Most rule patterns are alternations that sre tries at every position of every sentence (a 13-way case-insensitive
verb alternation costs 30 us a sentence and matches 1 sentence in 30). Each alternative holds a literal word that
any match must contain ('members', 'belong', 'joined'): `required_words(pattern)` reads them off the parsed
pattern (the way RE2 and Hyperscan build their prefilters), and a `Gate` looks for all of them at once in the
lower-cased sentence with one Aho-Corasick automaton (pyahocorasick, a C pass over the text). A sentence without
any of them cannot match, so the regex is skipped; a sentence with one runs the regex exactly as before, so the
gate changes no output, only how often the regex runs.

Exactness: every literal is looked for in `text.lower()`, which holds the lower-case form of whatever re.IGNORECASE
would match, except for the few characters sre folds by its own table (dotless i, long s, dotted capital I, ...);
a text holding one of those passes every gate.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

try:  # Python 3.11+
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

# characters whose case-insensitive match sre decides by a table of its own, not by str.lower (re/_casefix.py)
FOLD_RISK = re.compile("[\u0130\u0131\u017f\u212a\u212b\u1e9b\ufb05\ufb06\u0345\u1fbe]")
MIN_WORD = 3  # a shorter literal ('to', 'in') is in nearly every sentence: no gate


MAX_STRINGS = 64  # past this many spellings a fixed part stops being one (a run of classes)


def _exact(node: tuple) -> set[str] | None:
    """Every lower-case string a fixed node can match ('pa(?:y|id)' -> {'pay', 'paid'}), or None when it is not fixed."""
    op, value = node
    if op is C.LITERAL:
        return {chr(value).lower()}
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {""}  # zero width
    if op is C.IN:
        if not all(kind is C.LITERAL for kind, _ in value):
            return None
        chars = {chr(v).lower() for _, v in value}
        return chars if len(chars) <= 4 else None
    if op is C.SUBPATTERN:
        return _exact_seq(value[-1])
    if op is C.BRANCH:
        branches = [_exact_seq(branch) for branch in value[1]]
        return None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and value[1] == 1:
        inner = _exact_seq(value[2])
        return None if inner is None else inner | ({""} if value[0] == 0 else set())
    return None


def _cross(left: set[str], right: set[str]) -> set[str] | None:
    return {a + b for a in left for b in right} if len(left) * len(right) <= MAX_STRINGS else None


def _exact_seq(items: list) -> set[str] | None:
    strings: set[str] | None = {""}
    for node in items:
        part = _exact(node)
        strings = None if part is None or strings is None else _cross(strings, part)
        if strings is None:
            return None
    return strings


def _minimal(words: set[str]) -> frozenset[str]:
    """The words no shorter word of the set is part of (a text holding 'flows' holds 'flow')."""
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def _words(items: list) -> frozenset[str] | None:
    """Strings one of which every match of the sequence contains (lower-case), or None when there is none."""
    candidates: list[frozenset[str]] = []
    run: set[str] = {""}
    for node in list(items) + [(None, None)]:
        part = _exact(node) if node[0] is not None else None
        joined = _cross(run, part) if part is not None else None
        if joined is not None:
            run = joined
            continue
        if all(run):
            candidates.append(_minimal(run))
        run = part if part is not None else {""}  # a fixed part too wide to join starts the next run
        op, value = node
        inner: frozenset[str] | None = None
        if op is C.SUBPATTERN:
            inner = _words(value[-1])
        elif op is C.ATOMIC_GROUP:
            inner = _words(value)
        elif op is C.BRANCH:
            branches = [_words(branch) for branch in value[1]]
            inner = None if any(b is None for b in branches) else _minimal(set().union(*branches))  # type: ignore[arg-type]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and value[0] >= 1:
            inner = _words(value[2])
        if inner:
            candidates.append(inner)
    if not candidates:
        return None
    # the most selective: the longest shortest word, then the fewest words
    return max(candidates, key=lambda words: (min(map(len, words)), -len(words)))


def required_words(pattern: re.Pattern[str] | str) -> frozenset[str] | None:
    """Lower-case words one of which any match of pattern contains, or None when no such word of MIN_WORD letters."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    words = _words(list(P.parse(source, flags)))
    if not words or min(map(len, words)) < MIN_WORD or any(FOLD_RISK.search(word) for word in words):
        return None
    return words


def fold_risk(text: str) -> bool:
    """Whether text holds a character sre case-folds by its own table: then a word missing from text.lower() may
    still be matched case-insensitively, and no gate over lower-cased words may close."""
    return not text.isascii() and FOLD_RISK.search(text) is not None


# the last text lowered, with its lower case: a sentence passes several gates in a row (one tuple, swapped whole,
# so a thread never reads one text's lower case for another's)
_LAST: tuple[str, str] = ("", "")


def _lower(text: str) -> str:
    global _LAST
    last = _LAST
    if last[0] is text:
        return last[1]
    _LAST = (text, text.lower())
    return _LAST[1]


class Gate:
    """Whether a text may match a pattern: False only when it holds none of the pattern's required words."""

    def __init__(self, pattern: re.Pattern[str] | str) -> None:
        self.words = required_words(pattern)
        self.automaton: ahocorasick.Automaton | None = None
        if self.words:
            self.automaton = ahocorasick.Automaton()
            for word in self.words:
                self.automaton.add_word(word, word)
            self.automaton.make_automaton()

    def open(self, text: str, lowered: str | None = None) -> bool:
        """True when the pattern may match text (lowered: text.lower(), when the caller has it already)."""
        if self.automaton is None:
            return True
        for _ in self.automaton.iter(lowered if lowered is not None else _lower(text)):
            return True
        return fold_risk(text)


class CasedGate(Gate):
    """A gate over words looked for as written (for a case-sensitive pattern: 'EU', 'NATO' are no words in lower
    case, and two letters are selective when capitals)."""

    def open(self, text: str, lowered: str | None = None) -> bool:
        if self.automaton is None:
            return True
        for _ in self.automaton.iter(text):
            return True
        return False


def word_gate(words: frozenset[str] | set[str], cased: bool = False) -> Gate:
    """A gate over given words (for a grammar whose words are known without parsing its pattern): lower-case words
    looked for in the lower-cased text, or with cased, words looked for as written."""
    built = CasedGate("") if cased else Gate("")
    built.words = frozenset(words)
    built.automaton = ahocorasick.Automaton()
    for word in built.words:
        built.automaton.add_word(word, word)
    built.automaton.make_automaton()
    return built


@lru_cache(maxsize=None)
def _gate_of(pattern: re.Pattern[str]) -> Gate:
    return Gate(pattern)


# gate() by the pattern's identity: a compiled Pattern's hash reads its whole compiled code on every call (~8 us for
# the 2 KB anniversary alternation, more than the gate's own pass), and readers ask gate(P) once a sentence or more.
# The pattern is kept in the entry, so its id cannot be reused by another while the entry lives.
# No bound: _gate_of keeps every pattern it has seen anyway, so clearing this map would free nothing.
_BY_ID: dict[int, tuple[re.Pattern[str], Gate]] = {}


def gate(pattern: re.Pattern[str]) -> Gate:
    """The gate of a compiled pattern, built once a process (equal patterns share one)."""
    entry = _BY_ID.get(id(pattern))
    if entry is not None and entry[0] is pattern:
        return entry[1]
    built = _BY_ID[id(pattern)] = (pattern, _gate_of(pattern))
    return built[1]


def gated_search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """pattern.search(text), skipped (None) when the pattern's gate shows text cannot match: the same answer."""
    return pattern.search(text) if gate(pattern).open(text) else None


WORD_CHAR = re.compile(r"\w")


def _first_chars(items: list) -> set[str] | None:
    """The characters a match of the sequence can start with, or None when that is not a plain set of literals."""
    if not items:
        return None
    op, value = items[0]
    if op is C.LITERAL:
        return {chr(value)}
    if op is C.SUBPATTERN:
        return _first_chars(value[-1])
    if op is C.BRANCH:
        branches = [_first_chars(branch) for branch in value[1]]
        return None if any(b is None for b in branches) else set().union(*branches)  # type: ignore[arg-type]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and value[0] >= 1:
        return _first_chars(value[2])
    return None


@lru_cache(maxsize=None)
def word_start(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern with its leading \\b written (?<!\\w), when every match starts with a word character (then the
    two are the same test: a boundary before a word character is a non-word character or the text's start).

    Why: sre gives a pattern that opens with \\b no fast scan, and tries the whole alternation at every position;
    one that opens with the look-behind fails at once inside a word. About 2x on the trade hint alternation over
    bench sentences. A pattern this cannot prove the same for comes back unchanged."""
    source = pattern.pattern
    if not source.startswith(r"\b"):
        return pattern
    parsed = list(P.parse(source, pattern.flags))
    first = _first_chars(parsed[1:])
    if parsed[0] != (C.AT, C.AT_BOUNDARY) or not first or not all(WORD_CHAR.match(ch) for ch in first):
        return pattern
    return re.compile(r"(?<!\w)" + source[2:], pattern.flags)


def word_trie(words: set[str] | frozenset[str] | list[str]) -> str:
    """An alternation of literal words as a prefix tree ('buy|buys|buying' -> 'buy(?:ing|s|)'): the same strings.

    Why: sre tries the alternatives of a flat alternation one by one at every position (66 trade words: 66 tries a
    word start); the tree shares their first letters, so a position fails after a letter or two. A search for any
    match finds one with either form (the engine backtracks through every branch), so a yes/no test may use the
    tree; where the first match's span counts, keep the flat alternation (its order picks the longest)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return emit(root)

