"""The extractor on our own held-out articles (tests/fixtures/heldout): floors a little below the measured scores.

The texts were written and annotated before the extractor was run on them; they cover pairs, outlets and page
layouts the development set does not. docs/extraction.md gives the per-document numbers and what still fails.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.evaluate import score_folder
from schemas.staging import STAGING_MODELS

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "heldout"
# measured overall F1 on the 32 documents when the floors were set (events 0.933, people 0.988, roles 0.981,
# countries 0.950, trade 0.994, organizations 0.957), minus a margin of about 0.03 (see docs/extraction.md); events
# raised to the 0.95 when branch events14 measured 0.967 (159 matched / 169 gold / 160 predicted); every
# kind's floor is at least the 0.95 since session 12 (measured then: people 0.994, roles 0.988, countries
# 0.963, trade 0.997, organizations 0.966)
FLOORS = {"events": 0.95, "people": 0.96, "person_roles": 0.95, "person_countries": 0.95, "trade": 0.96,
          "organizations": 0.95}


@pytest.fixture(scope="module")
def scored() -> dict:
    pytest.importorskip("flows.ingest.documents")
    return score_folder(HELDOUT)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_heldout_floor(scored: dict, kind: str) -> None:
    f1 = scored["overall"][kind]["f1"]
    assert f1 >= FLOORS[kind], f"held-out {kind} F1 {f1} below {FLOORS[kind]}"


def test_every_heldout_document_is_read_and_scored(scored: dict) -> None:
    assert len(scored["documents"]) == len(list((HELDOUT / "gold").glob("*.json"))) >= 15


def test_heldout_frames_validate() -> None:
    from flows.extract import extract_documents
    from flows.ingest.documents import read_documents

    docs, quarantine = read_documents(sorted((HELDOUT / "documents").iterdir()), HELDOUT / "documents")
    assert quarantine.height == 0 and docs["published_date"].null_count() == 0
    for kind, frame in extract_documents(docs).items():
        STAGING_MODELS[kind].validate(frame, lazy=True)


# the first 22 documents (h01-h22) keep the floors they had before the fourth blind batch was added
FIRST_BATCHES = {"events": 0.90, "people": 0.95, "person_roles": 0.95, "person_countries": 0.94, "trade": 0.96,
                 "organizations": 0.92}


@pytest.mark.parametrize("kind", sorted(FIRST_BATCHES))
def test_first_heldout_batches_keep_their_floors(scored: dict, kind: str) -> None:
    docs = [res[kind] for name, res in scored["documents"].items() if name[:3] <= "h22"]
    hits, gold, pred = (sum(d[k] for d in docs) for k in ("matched", "gold", "predicted"))
    f1 = 2 * hits / (gold + pred) if gold + pred else 1.0
    assert len(docs) == 22 and f1 >= FIRST_BATCHES[kind], f"h01-h22 {kind} F1 {f1:.3f} below {FIRST_BATCHES[kind]}"
