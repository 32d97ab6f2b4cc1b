"""The extractor on the development set: ingest + extract, scored with the scorer's own matching rules."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.evaluate import score_frames
from flows.extract import extract_documents
from schemas.staging import STAGING_MODELS

DEVSET = Path(__file__).resolve().parents[1] / "fixtures" / "devset"
SEED = "000_71d1eb8421b35ad3.txt"
KINDS = ["events", "organizations", "people", "person_countries", "person_roles", "trade"]
# the dev set measured 1.00 on every kind when this was written: 0.97 guards against any regression (the
# brief's floors, 0.85-0.95, lie below it and need no test of their own)
GUARD = 0.97


@pytest.fixture(scope="module")
def scored():
    read_documents = pytest.importorskip("flows.ingest.documents").read_documents
    docs, quarantine = read_documents(sorted((DEVSET / "documents").iterdir()), DEVSET / "documents")
    assert quarantine.height == 0
    frames = extract_documents(docs)
    return docs, frames, score_frames(frames, docs, DEVSET / "gold")


def test_seed_scores_one(scored):
    seed = scored[2]["documents"][SEED]
    assert {k: v["f1"] for k, v in seed.items()} == {k: 1.0 for k in seed}


def test_frames_validate_and_evidence_is_the_text(scored):
    docs, frames, _ = scored
    texts = dict(docs.select("document_key", "text").iter_rows())
    for kind, frame in frames.items():
        STAGING_MODELS[kind].validate(frame, lazy=True)
        for row in frame.select("document_key", "char_start", "char_end", "evidence").iter_rows():
            assert texts[row[0]][row[1]:row[2]] == row[3]


def test_domestic_story_yields_nothing(scored):
    empty = scored[2]["documents"]["10_kaz_domestic-economy.txt"]
    assert all(v["predicted"] == 0 for v in empty.values())


@pytest.mark.parametrize("kind", KINDS)
def test_no_regression_below_the_measured_level(scored, kind):
    f1 = scored[2]["overall"][kind]["f1"]
    assert f1 >= GUARD, f"{kind} F1 {f1} below {GUARD}"
