"""The sources folder as a file system gives it: a folder dyad may not list, and an edit that keeps a file's
size and modification time (git's "racy clean" case)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import datetime
import sys
from pathlib import Path

import polars as pl
import pytest

from bad_corpus import SENTENCE
from flows.ingest.discover import discover_sources
from flows.warehouse.state import SOURCE_COLUMNS, Previous

ROOT = Path(__file__).resolve().parents[2]
SETPRIV = shutil.which("setpriv")
# root lists any folder; without these two capabilities it meets permissions as any user does
WITHOUT_DAC = [SETPRIV or "setpriv", "--bounding-set=-dac_override,-dac_read_search",
               "--inh-caps=-dac_override,-dac_read_search"]
LIST = """
import json, sys
from pathlib import Path
from flows.ingest.discover import discover_sources
inventory, quarantine = discover_sources(Path(sys.argv[1]))
print(json.dumps({"files": inventory["relpath"].to_list(), "quarantine": quarantine.select("source", "row_ref", "reason").rows()}))
"""


def _list(root: Path) -> dict:
    command = [*WITHOUT_DAC, sys.executable, "-c", LIST, str(root)] if os.getuid() == 0 else [
        sys.executable, "-c", LIST, str(root)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.skipif(os.getuid() == 0 and SETPRIV is None, reason="root without setpriv reads every file and folder")
@pytest.mark.parametrize(
    ("locked", "expected"),
    [
        # a sub-folder: its files are not silently missing, the folder is named
        ("documents/locked/", ["documents/locked/", "folder",
                               "cannot read the folder: Permission denied: nothing under it was read"]),
        ("documents/secret.txt", ["documents/secret.txt", "file", "cannot read file: Permission denied"]),
    ],
    ids=["folder", "file"],
)
def test_what_dyad_may_not_read_is_quarantined_not_skipped(locked: str, expected: list[str], tmp_path: Path) -> None:
    """A folder or file without read permission beside a readable one (documents/open.txt)."""
    root = tmp_path / "sources"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "open.txt").write_text(SENTENCE, encoding="utf-8")
    target = root / locked
    if locked.endswith("/"):
        target.mkdir()
        (target / "hidden.txt").write_text(SENTENCE, encoding="utf-8")
    else:
        target.write_text(SENTENCE, encoding="utf-8")
    mode = target.stat().st_mode & 0o777
    os.chmod(target, 0o000)
    try:
        result = _list(root)
    finally:
        os.chmod(target, mode)
    assert result["files"] == ["documents/open.txt"]
    assert result["quarantine"] == [expected]


def _previous(inventory: pl.DataFrame, recorded_at: datetime) -> Previous:
    return Previous(sources=inventory.select(SOURCE_COLUMNS[:1] + ["kind", "sha256"]).with_columns(
        pl.lit("v").alias("extractor_version"), inventory["size_bytes"], inventory["mtime_ns"]),
        usable=True, recorded_at=recorded_at)


def test_an_edit_that_keeps_size_and_mtime_is_not_missed(tmp_path: Path) -> None:
    """Modified while the last run went (the same clock tick), a file's size and mtime cannot vouch for it."""
    path = tmp_path / "documents" / "a.txt"
    path.parent.mkdir()
    run_started = datetime.now()
    path.write_text("Talks in Baku on Monday.", encoding="utf-8")
    first, _ = discover_sources(tmp_path)
    stat = path.stat()
    path.write_text("Talks in Rome on Monday.", encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime, as a fast second save leaves it
    second, _ = discover_sources(tmp_path, _previous(first, run_started).known_files())
    assert second["sha256"].item() != first["sha256"].item()


def test_an_old_unchanged_file_keeps_its_hash_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "documents" / "a.txt"
    path.parent.mkdir()
    path.write_text("Talks in Baku on Monday.", encoding="utf-8")
    os.utime(path, ns=(10**18, 10**18))  # 2001: long before the run that hashed it
    first, _ = discover_sources(tmp_path)
    previous = _previous(first.with_columns(pl.lit("f" * 64).alias("sha256")), datetime.now())
    second, _ = discover_sources(tmp_path, previous.known_files())
    assert second["sha256"].item() == "f" * 64  # trusted, not read again


def _deep_tree(base: Path, depth: int) -> Path:
    """base/d/d/.../d (depth folders), made one level at a time (pathlib's mkdir(parents=True) recurses too)."""
    current = base
    current.mkdir(parents=True)
    for _ in range(depth):
        current = current / "d"
        os.mkdir(current)
    return current


def test_a_folder_nested_1100_deep_is_walked(tmp_path: Path) -> None:
    """Python 3.11's os.walk recursed: a folder 1,100 levels deep raised RecursionError and failed the whole run."""
    root = tmp_path / "sources"
    deepest = _deep_tree(root / "documents" / "deep", 1100)
    (deepest / "deep.txt").write_text(SENTENCE, encoding="utf-8")
    (root / "documents" / "top.txt").write_text(SENTENCE, encoding="utf-8")
    try:
        inventory, quarantine = discover_sources(root)
    finally:
        # pytest's own clean-up (shutil.rmtree) recurses and would fail on this tree in a later session: undo it
        (deepest / "deep.txt").unlink()
        for _ in range(1100):
            os.rmdir(deepest)
            deepest = deepest.parent
    paths = sorted(inventory["relpath"].to_list())
    assert len(paths) == 2 and paths[1] == "documents/top.txt"
    assert paths[0].startswith("documents/deep/d/") and paths[0].endswith("/d/deep.txt")
    assert paths[0].count("/") == 1100 + 2 and quarantine.is_empty()


def test_a_file_renamed_between_discovery_and_reading_is_quarantined(tmp_path: Path) -> None:
    """Renamed (or deleted) while the run goes: the name discovery saw is quarantined, the others load."""
    from flows.ingest.documents import read_documents

    root = tmp_path / "sources"
    (root / "documents").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (root / "documents" / name).write_text(SENTENCE, encoding="utf-8")
    inventory, _ = discover_sources(root)
    (root / "documents" / "a.txt").rename(root / "documents" / "renamed.txt")
    documents, quarantine = read_documents([Path(p) for p in inventory["path"]], root)
    assert documents["path"].to_list() == ["documents/b.txt"]
    assert quarantine.select("source", "row_ref", "reason").rows() == [
        ("documents/a.txt", "file", "unreadable file: No such file or directory")]


def test_a_table_renamed_between_discovery_and_loading_is_quarantined(warehouse, tmp_path: Path) -> None:
    from bad_corpus import GOOD_TABLE, GOOD_TABLE_BYTES
    from flows.ingest.tables import ingest_tables

    root = tmp_path / "sources"
    (root / "tables").mkdir(parents=True)
    (root / "tables" / "a.csv").write_bytes(GOOD_TABLE_BYTES)
    (root / GOOD_TABLE).write_bytes(GOOD_TABLE_BYTES.replace(b"2019", b"2018"))
    inventory, _ = discover_sources(root)
    (root / "tables" / "a.csv").rename(root / "tables" / "renamed.csv")
    warehouse.execute("begin")
    result = ingest_tables(warehouse, [Path(p) for p in inventory["path"]], root)
    warehouse.execute("commit")
    assert result.quarantine.select("source", "row_ref", "reason").rows() == [
        ("tables/a.csv", "file", "cannot read file: No such file or directory")]
    assert warehouse.execute("select source from fact_trade_reported").fetchall() == [(GOOD_TABLE,)]
