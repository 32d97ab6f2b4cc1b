"""Extraction identity: a fingerprint of every staged frame, per document, row for row, to hold speed work to "same output".

`fingerprint(root)` runs `extract_batch` over a sources folder and returns, for each kind of fact (and the
quarantine), each document's row count and a SHA-256 over its rows in the order the extractor produced them
(every column, values as JSON). Two runs of the same code give the same fingerprint; any changed, added, dropped
or reordered row changes it. The committed snapshot (tests/fixtures/extract_identity.json) holds the fingerprints
of the development set, the held-out fixtures and a sample of the bench articles, under both backbones.

When an extraction RULE changes on purpose, rewrite the snapshot after checking the change is the intended one:
    python -m tests.support.extract_identity --write
and say so in the commit. A speed change must leave it untouched. `--diff` prints which (set, kind, document)
differ, to find what a change moved; `--local DIR ...` fingerprints more folders (e.g. real-news texts, which are
never committed) into a JSON file outside the repository, for a before/after check on a wider corpus.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOT = ROOT / "tests" / "fixtures" / "extract_identity.json"
BENCH_SAMPLE = 150  # bench articles fingerprinted (the generator is seeded: the same bytes everywhere)
SPACY_BENCH_SAMPLE = 40  # fewer under spaCy: the model costs a few seconds a hundred articles


def devset_root() -> Path:
    """The development set: a copy in the fixtures when present, else the shared data folder beside the checkout."""
    local = ROOT / "tests" / "fixtures" / "devset"
    return local if (local / "documents").is_dir() else ROOT.parent / "shared" / "data"


def _default(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return repr(value)


def _hash_rows(rows: list[dict]) -> str:
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row, sort_keys=True, default=_default, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()[:24]


def fingerprint(root: Path, limit: int | None = None) -> dict[str, dict[str, list]]:
    """{kind: {document_key: [row count, hash of its rows in order]}} for every document under root/documents."""
    from flows.extract import extract_batch
    from flows.ingest.documents import read_documents

    paths = sorted(p for p in (root / "documents").iterdir() if p.is_file())[:limit]
    documents, _ = read_documents(paths, root)
    frames, rejected = extract_batch(documents)
    out: dict[str, dict[str, list]] = {}
    for kind, frame in [*frames.items(), ("quarantine", rejected)]:
        key = "document_key" if "document_key" in frame.columns else "source"
        grouped: dict[str, list[dict]] = {}
        for row in frame.iter_rows(named=True):
            grouped.setdefault(str(row[key]), []).append(row)
        out[kind] = {doc: [len(rows), _hash_rows(rows)] for doc, rows in sorted(grouped.items())}
    return out


@contextmanager
def backbone(name: str) -> Iterator[None]:
    """DYAD_BACKBONE set to name for the block (the extractor reads it per document)."""
    before = os.environ.get("DYAD_BACKBONE")
    os.environ["DYAD_BACKBONE"] = name
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DYAD_BACKBONE", None)
        else:
            os.environ["DYAD_BACKBONE"] = before


def sets() -> dict[str, tuple[Path, int | None, int | None]]:
    """{name: (sources folder, documents under rules, documents under spaCy)}."""
    from bench.generate import generate_articles

    return {"devset": (devset_root(), None, None),
            "heldout": (ROOT / "tests" / "fixtures" / "heldout", None, None),
            "bench": (generate_articles(BENCH_SAMPLE), BENCH_SAMPLE, SPACY_BENCH_SAMPLE)}


def snapshot(backbones: tuple[str, ...] = ("rules", "spacy")) -> dict[str, Any]:
    """The fingerprints of every set under every backbone: {backbone: {set: fingerprint}}."""
    result: dict[str, Any] = {}
    for name in backbones:
        with backbone(name):
            result[name] = {label: fingerprint(root, rules if name == "rules" else spacy)
                            for label, (root, rules, spacy) in sets().items()}
    return result


def differences(expected: dict, actual: dict) -> list[str]:
    """'backbone/set/kind/document: expected -> actual' for every fingerprint that differs."""
    found = []
    for name, by_set in expected.items():
        for label, by_kind in by_set.items():
            for kind, by_doc in by_kind.items():
                got = actual.get(name, {}).get(label, {}).get(kind, {})
                for doc in sorted(set(by_doc) | set(got)):
                    if by_doc.get(doc) != got.get(doc):
                        found.append(f"{name}/{label}/{kind}/{doc}: {by_doc.get(doc)} -> {got.get(doc)}")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the committed snapshot")
    parser.add_argument("--diff", action="store_true", help="list what differs from the committed snapshot")
    parser.add_argument("--local", nargs="*", type=Path, help="fingerprint these sources folders (rules) ...")
    parser.add_argument("--out", type=Path, help="... into this JSON file, or compare with it when it exists")
    args = parser.parse_args(argv)
    if args.local:
        with backbone("rules"):
            current = {"rules": {str(root): fingerprint(root) for root in args.local}}
        if args.out.exists():
            diff = differences(json.loads(args.out.read_text()), current)
            print("\n".join(diff) or "identical")
            return 1 if diff else 0
        args.out.write_text(json.dumps(current, indent=1, sort_keys=True))
        return 0
    current = snapshot()
    if args.write:
        SNAPSHOT.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n")
        return 0
    diff = differences(json.loads(SNAPSHOT.read_text()), current)
    print("\n".join(diff) or "identical")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
