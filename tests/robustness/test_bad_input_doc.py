"""docs/bad-input.md is generated from the corpus: the committed page is what the script writes now."""
from __future__ import annotations

from bad_input_doc import TARGET, render
from bad_corpus import DOCUMENT_CASES, TABLE_CASES


def test_the_committed_page_is_the_generated_one() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), (
        "docs/bad-input.md is out of date: run `python tests/robustness/bad_input_doc.py`")


def test_every_kind_says_what_dyad_does() -> None:
    kinds = [c.kind for c in DOCUMENT_CASES] + [c.kind for c in TABLE_CASES]
    assert len(set(kinds)) == len(kinds)
    assert all(c.what_dyad_does for c in [*DOCUMENT_CASES, *TABLE_CASES])
