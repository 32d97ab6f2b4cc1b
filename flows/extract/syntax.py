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

# one pipeline for the names and the parse (nlp.py loads it once)
from flows.extract.nlp import backbone, pipeline

CACHE_SIZE = 4096
# The entity recogniser is left out of the batch: it costs about as much as all the other pipes together (its own
# word embedding and a transition model), and only three questions read a parsed sentence's entity types, on a few
# tokens. `entity_type` runs it on a sentence the first time one of them asks. It reads only the words (not the tags
# or the parse), so the sentence ends with the same Doc as a run of the whole pipeline.
NOT_IN_BATCH = ["ner"]
_RECOGNISED = "dyad_entities"  # Doc.user_data flag: the recogniser has run on this parsed sentence

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
    for text, doc in zip(wanted, pipeline().pipe(wanted, batch_size=64, disable=NOT_IN_BATCH)):
        _DOCS[text] = doc


def parse(text: str) -> Any | None:
    """The spaCy Doc of a sentence (from the batch prefetch read, else parsed now); None on the rules-only backbone."""
    if not available():
        return None
    if text not in _DOCS:
        prefetch([text])
    return _DOCS[text]


def entity_type(token: Any) -> str:
    """A parsed token's entity type (PERSON, GPE, NORP, ...; '' for none), the recogniser run on its sentence now if
    no question has asked before."""
    doc = token.doc
    if not doc.user_data.get(_RECOGNISED):
        pipeline().get_pipe("ner")(doc)
        doc.user_data[_RECOGNISED] = True
    return token.ent_type_


def conj_head(token: Any) -> Any:
    """The first of a run of joined words: 'signed a treaty and a protocol' gives 'treaty' for 'protocol', 'hopes to
    finish talks and ink a pact' gives 'finish' for 'ink' (the joined word's role and auxiliaries are the first's)."""
    while token.dep_ == "conj":
        token = token.head
    return token


def auxiliaries(verb: Any, head: Any) -> list[Any]:
    """The auxiliaries of a verb and of the verb it is joined to (its `conj_head`), each once: 'had sent and
    recognised' gives 'recognised' the 'had' of 'sent'."""
    words = [verb] if head == verb else [verb, head]
    return [child for word in words for child in word.children if child.dep_ in ("aux", "auxpass")]


def edges(token: Any) -> tuple[int, int]:
    """(start, end) character offsets of the token's whole subtree in its sentence."""
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
