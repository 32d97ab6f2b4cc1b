"""Mutated copies of the dev-set articles (cut, bit-flipped, spliced with junk): every one is read and extracted
without an exception, and each file is either a document or one quarantine row."""
from __future__ import annotations

import random
from pathlib import Path

from flows.extract import extract_documents
from flows.ingest.documents import read_documents
from schemas.staging import STAGING_MODELS
from schemas.validate import validate_or_quarantine

ROOT = Path(__file__).resolve().parents[2]
ORIGINALS = sorted((ROOT / "tests" / "fixtures" / "devset" / "documents").iterdir())
JUNK = [b"\x00", b"\xff\xfe", b"\xc3", b"\xe2\x80", b"<div>" * 50, b"</article>", b"---\n", b"\r", b"\x1b[31m",
        b"<script>", b"&#0;&#xD800;", "\u202e\u200b\ufeff".encode(), b"[[[[", b"'); drop table x; --"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: cut at a random point, flip random bytes, or splice junk in at random points."""
    how = rng.choice(["cut", "flip", "splice"])
    if how == "cut":
        return data[: rng.randrange(len(data))]
    buffer = bytearray(data)
    if how == "flip":
        for _ in range(rng.randint(1, 40)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(buffer))
        buffer[at:at] = rng.choice(JUNK)
    return bytes(buffer)


def test_mutated_articles_never_break_reading_or_extraction(tmp_path: Path) -> None:
    rng = random.Random(20261128)
    paths = []
    for n in range(200):
        original = ORIGINALS[n % len(ORIGINALS)]
        path = tmp_path / f"{n:03d}_{original.name}"
        path.write_bytes(mutate(original.read_bytes(), rng))
        paths.append(path)

    documents, quarantine = read_documents(paths, tmp_path)

    assert documents.height + quarantine.height == len(paths)
    assert set(documents["path"]).isdisjoint(quarantine["source"])
    assert documents.height >= 150  # most mutations still leave an article to read
    facts = extract_documents(documents)
    assert facts["event_mentions"].height > 100
    for kind, model in STAGING_MODELS.items():
        frame = facts[kind]
        assert set(frame["document_key"]) <= set(documents["document_key"])
        good, bad = validate_or_quarantine(model, frame, stage="extract", source_column="document_key",
                                           row_ref_column="sentence_index", row_ref_label=f"{kind} in sentence")
        assert good.height + bad.height == frame.height
