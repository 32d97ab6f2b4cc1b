"""The dependency parse (spaCy's small English pipeline with its tagger, parser and lemmatizer): a sentence's roles.

Rows of trigger words and verb frames read what a sentence says only in the wordings they list; real articles keep
finding new ones ("Mongolia mostly bought fuel ... from Russia", "while imports from Thailand amounted to ...").
The parse gives the roles whatever the wording: the subject and object of a verb, the object of its "from"/"to",
the items of a coordinated noun phrase, the clause a date belongs to. It is the costliest step of extraction
(about 10,000 words a second on one core), so callers parse only the sentences a cheap gate has already chosen
(a trade word, an event trigger), in one batch per document (`prefetch`), and the rules-only backbone
(`DYAD_BACKBONE=rules`) never loads it: `parse` then returns None and callers keep their rules.
"""
from __future__ import annotations

from typing import Any

# one pipeline for the names and the parse (nlp.py loads it once); named entities stay on here, so a caller that
# parses a sentence gets its GPE/NORP/PERSON/DATE spans in the same pass
from flows.extract.nlp import backbone, pipeline

CACHE_SIZE = 4096

_DOCS: dict[str, Any] = {}


def available() -> bool:
    """Whether the parse is on (the spaCy backbone); with the rules alone, callers keep their rules."""
    return backbone() == "spacy"


def prefetch(texts: list[str]) -> None:
    """Parse every sentence a document will ask about in one nlp.pipe batch (a fraction of one call a text)."""
    if not available():
        return
    wanted = list(dict.fromkeys(t for t in texts if t not in _DOCS))
    if not wanted:
        return
    if len(_DOCS) + len(wanted) > CACHE_SIZE:
        _DOCS.clear()
    for text, doc in zip(wanted, pipeline().pipe(wanted, batch_size=64)):
        _DOCS[text] = doc


def parse(text: str) -> Any | None:
    """The spaCy Doc of a sentence (from the batch prefetch read, else parsed now); None on the rules-only backbone."""
    if not available():
        return None
    if text not in _DOCS:
        prefetch([text])
    return _DOCS[text]
