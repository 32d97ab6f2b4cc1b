"""Every kind of bad document and sources folder: no crash, every file accounted for, a reason that names it."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from bad_corpus import DOCUMENT_CASES, GOOD_DOCUMENT, SENTENCE, DocumentCase, write_sources
from flows.warehouse.counts import stage_counts
from flows.ingest.discover import ManifestError, discover_sources
from flows.ingest.documents import read_documents
from tests.support.ingest import ingest_folder


@pytest.mark.parametrize("case", DOCUMENT_CASES, ids=[c.kind for c in DOCUMENT_CASES])
def test_bad_document(case: DocumentCase, tmp_path: Path) -> None:
    root = write_sources(tmp_path / "sources", case.files)
    inventory, documents, quarantine = ingest_folder(root)

    assert GOOD_DOCUMENT in documents["path"].to_list(), "the good document beside the bad one did not load"
    assert quarantine.filter(pl.col("source").is_null() | (pl.col("reason").str.len_chars() == 0)
                             | (pl.col("row_ref").str.len_chars() == 0)).is_empty()
    mine = quarantine.filter(pl.col("source") == case.relpath)
    reasons = " | ".join(quarantine["reason"].to_list())
    if case.outcome == "quarantined":
        assert case.relpath not in documents["path"].to_list()
        assert mine.height >= 1, f"{case.relpath} is neither loaded nor quarantined; quarantine: {reasons}"
        assert any(case.reason.lower() in r.lower() for r in mine["reason"]), mine["reason"].to_list()
    elif case.outcome == "loaded":
        assert mine.filter(pl.col("row_ref") == "file").is_empty(), mine["reason"].to_list()
        parts = mine.filter(pl.col("row_ref") != "file")
        if case.part:
            matching = parts.filter(pl.col("reason").str.contains(case.part, literal=True))
            assert case.part_ref in matching["row_ref"].to_list(), parts.select("row_ref", "reason").rows()
        else:
            assert parts.is_empty(), parts["reason"].to_list()
        row = documents.filter(pl.col("path") == case.relpath).to_dicts()
        assert len(row) == 1, f"{case.relpath} did not load; quarantine: {reasons}"
        text = row[0]["text"]
        for wanted in case.text_has:
            assert wanted in text
        for unwanted in case.text_lacks:
            assert unwanted not in text
        for column, expected in case.check.items():
            expected = date.fromisoformat(expected) if column == "published_date" and expected else expected
            assert row[0][column] == expected, column
        if case.reason:
            assert any(case.reason.lower() in r.lower() for r in quarantine["reason"]), reasons
    else:
        assert case.relpath not in inventory["relpath"].to_list() and mine.is_empty()


def test_corpus_has_at_least_forty_kinds() -> None:
    from bad_corpus import TABLE_CASES

    kinds = [c.kind for c in DOCUMENT_CASES] + [c.kind for c in TABLE_CASES]
    assert len(set(kinds)) == len(kinds) and len(kinds) >= 40


@pytest.mark.parametrize("manifest, message", [
    (b"[[source]]\npath = \"documents/a.txt\"\nkind = ", "sources.toml: not valid TOML"),
    (b"\xff\xfe\x00garbage", "sources.toml: not valid TOML"),
    (b"source = \"documents/a.txt\"\n", "'source' must be an array of tables"),
])
def test_unreadable_manifest_is_one_clear_error(tmp_path: Path, manifest: bytes, message: str) -> None:
    """Nothing can be trusted from a manifest that does not parse: the run stops with one line naming it."""
    root = write_sources(tmp_path / "sources", {"sources.toml": manifest})
    with pytest.raises(ManifestError) as error:
        discover_sources(root)
    assert message in str(error.value) and "\n" not in str(error.value).split(": ", 1)[0]


def test_a_batch_of_every_bad_document_at_once(tmp_path: Path) -> None:
    """All the document kinds in one folder: each file once, loaded or quarantined, none lost."""
    root = tmp_path / "sources"
    files: dict = {}
    manifests = []
    for case in DOCUMENT_CASES:
        for rel, content in case.files.items():
            if rel == "sources.toml":
                manifests.append(content)
            elif rel not in ("documents/enormous.txt", "documents/long.txt"):  # covered alone: large once is enough
                files[rel] = content
    files["sources.toml"] = b"\n".join(manifests)
    write_sources(root, files)
    inventory, documents, quarantine = ingest_folder(root)
    on_disk = {os.fsencode(p.relative_to(root).as_posix()).decode("utf-8", "backslashreplace")
               for p in (root / "documents").rglob("*")
               if not p.name.startswith(".") and (p.is_file() or p.is_symlink() or p.is_fifo())}
    accounted = set(documents["path"]) | set(quarantine["source"])
    assert on_disk <= accounted, on_disk - accounted
    whole = quarantine.filter((pl.col("source") != "sources.toml") & (pl.col("row_ref") == "file"))
    assert set(documents["path"]).isdisjoint(whole["source"])


def test_an_unexpected_error_on_one_file_quarantines_only_that_file(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug that bad input triggers in a reader costs that file, not the batch, and says what happened."""
    import flows.ingest.documents.read as documents_module

    def broken(text: str) -> dict:
        raise RuntimeError("parser state corrupted")

    monkeypatch.setattr(documents_module, "read_html", broken)
    root = write_sources(tmp_path / "sources", {"documents/page.html": b"<html><body><p>Hi.</p></body></html>"})
    _, documents, quarantine = ingest_folder(root)
    assert documents["path"].to_list() == [GOOD_DOCUMENT]
    assert quarantine.select("source", "row_ref", "reason").rows() == [
        ("documents/page.html", "file", "could not be read (RuntimeError: parser state corrupted)")]


@pytest.mark.parametrize("rel, content, starts", [
    ("documents/picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "b'\\x89PNG\\r\\n\\x1a\\n"),
    ("documents/control.txt", bytes(range(1, 9)) * 40, "b'\\x01\\x02"),
    ("documents/blank.md", b"  \n\n", "  \n\n"),
])
def test_quarantine_keeps_what_the_rejected_file_began_with(tmp_path: Path, rel: str, content: bytes,
                                                           starts: str) -> None:
    root = write_sources(tmp_path / "sources", {rel: content})
    _, _, quarantine = ingest_folder(root)
    raw = quarantine.filter(pl.col("source") == rel)["raw"].item()
    assert raw.startswith(starts) and len(raw) < 600


def test_a_file_that_vanishes_between_discovery_and_reading(tmp_path: Path) -> None:
    """Another process deletes a file mid-run: that file is quarantined, the counts still reconcile."""
    root = write_sources(tmp_path / "sources", {"documents/going.txt": SENTENCE.encode()})
    inventory, _ = discover_sources(root)
    (root / "documents" / "going.txt").unlink()
    listed = inventory.filter(pl.col("kind") == "document")
    documents, quarantine = read_documents([Path(p) for p in listed["path"]], root)
    stage_counts("ingest_documents", rows_in=listed.height, loaded=documents.height, quarantined=quarantine.height)
    assert documents["path"].to_list() == [GOOD_DOCUMENT]
    assert quarantine.select("source", "reason").rows() == [
        ("documents/going.txt", "unreadable file: No such file or directory")]
