"""Nothing stuck: each input kind that once blocked or ran away while holding the run lock, run in a child process
with a hard timeout, must finish inside its budget (and, for the bombs, inside a memory bound) and be quarantined.

Budgets are wall time on a loaded 2-core machine, far above what the case takes alone and far below "forever":
a FIFO blocks until a writer comes (never, here), a gzip bomb unpacks to gigabytes, `<!-->` once let 100,000
nested elements reach the recursive parser.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

PRELUDE = f"""
import json, os, sys, time
sys.path[:0] = [{str(ROOT)!r}, {str(HERE)!r}]
from pathlib import Path
root = Path(sys.argv[1])
started = time.monotonic()
"""
# VmHWM, not ru_maxrss: the latter survives exec, so a child of a large pytest process reports the parent's size
REPORT = """
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": time.monotonic() - started, "quarantine": rows, "peak_mb": int(hwm.split()[1]) / 1024}))
"""
READ_DOCUMENTS = """
from flows.ingest.discover import discover_sources
from flows.ingest.documents import read_documents
inventory, found = discover_sources(root)
documents, read = read_documents([Path(p) for p in inventory["path"]], root)
rows = found.select("source", "reason").rows() + read.select("source", "reason").rows()
"""
INGEST_TABLES = """
import duckdb
from tests.support.databases import new_warehouse
from flows.ingest.tables import ingest_tables
con = new_warehouse()
con.execute("begin")
result = ingest_tables(con, sorted((root / "tables").iterdir()), root)
con.execute("commit")
rows = result.quarantine.select("source", "reason").rows()
"""


def bounded(root: Path, code: str, budget: float) -> dict:
    """Run the code in a child process; fail (killing it) when it is not done within twice the budget."""
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", PRELUDE + code + REPORT, str(root)], capture_output=True,
                              text=True, timeout=2 * budget, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still running after {2 * budget:.0f} s: the input held the run (its budget is {budget:.0f} s)")
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["seconds"] < budget, f"took {report['seconds']:.1f} s, over its budget of {budget:.0f} s"
    assert time.monotonic() - started < 2 * budget
    return report


def baseline_mb(tmp_path: Path, code: str, folder: str) -> float:
    """The peak memory of the same child reading an empty folder: imports alone are hundreds of MB, and more when
    the machine is busy, so a bomb is judged by what it adds."""
    empty = tmp_path / "baseline"
    (empty / folder).mkdir(parents=True)
    return bounded(empty, code, 60)["peak_mb"]


def _write(root: Path, rel: str, data: bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_a_symlink_to_a_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "documents").mkdir()
    os.symlink(tmp_path / "pipe", tmp_path / "documents" / "news.txt")
    report = bounded(tmp_path, READ_DOCUMENTS, 30)
    assert ["documents/news.txt", "a FIFO (named pipe), not a file: not read"] in report["quarantine"]


def test_a_fifo_swapped_in_for_a_table_after_discovery_is_never_opened(tmp_path: Path) -> None:
    (tmp_path / "tables").mkdir()
    os.mkfifo(tmp_path / "tables" / "figures.csv")  # discovery saw a file; by the table stage it is a FIFO
    report = bounded(tmp_path, INGEST_TABLES, 30)
    assert ["tables/figures.csv", "a FIFO (named pipe)"] in report["quarantine"]


def test_html_opening_with_an_abrupt_comment_before_deep_nesting(tmp_path: Path) -> None:
    _write(tmp_path, "documents/deep.html", b"<!--><html><body>" + b"<div>" * 100_000 + b"<p>Baku talks.</p>"
           + b"</div>" * 100_000 + b"</body></html>")
    report = bounded(tmp_path, READ_DOCUMENTS, 30)
    [(source, reason)] = report["quarantine"]
    assert source == "documents/deep.html" and "elements deep (more than 1000)" in reason


def test_a_gzip_bomb_of_published_figures_is_stopped_while_streaming(tmp_path: Path) -> None:
    from bad_corpus import _bomb

    root = tmp_path / "sources"
    _write(root, "tables/bomb.csv.gz", _bomb(2_000_000))  # ~200 MB unpacked from ~0.2 MB
    report = bounded(root, INGEST_TABLES, 60)
    [(source, reason)] = report["quarantine"]
    assert source == "tables/bomb.csv.gz" and reason.startswith("a decompression bomb")
    added = report["peak_mb"] - baseline_mb(tmp_path, INGEST_TABLES, "tables")
    assert added < 400, f"the bomb added {added:.0f} MB"  # the 16 MB ratio-free start, a 48 MB block and copies


def test_a_gzip_bomb_as_a_document_is_stopped_at_the_document_limit(tmp_path: Path) -> None:
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (1 << 20)
    bomb = b"".join(packer.compress(block) for _ in range(256)) + packer.flush()  # 256 MB unpacked
    root = tmp_path / "sources"
    _write(root, "documents/bomb.txt.gz", bomb)
    report = bounded(root, READ_DOCUMENTS, 30)
    [(source, reason)] = report["quarantine"]
    assert source == "documents/bomb.txt.gz" and reason.startswith("too large once unpacked")
    added = report["peak_mb"] - baseline_mb(tmp_path, READ_DOCUMENTS, "documents")
    assert added < 100, f"the bomb added {added:.0f} MB"  # 10 MB unpacked at most, never the 256 MB


def test_a_9_5_mb_article_is_bounded_by_the_extraction_budget(tmp_path: Path) -> None:
    """Under the 10 MB document limit, over the 2,000,000-character extraction budget: loaded, not extracted."""
    from bad_corpus import SENTENCE

    line = (SENTENCE + "\n").encode()
    _write(tmp_path, "documents/long.txt", line * (int(9.5 * 2**20) // len(line)))
    code = READ_DOCUMENTS + """
from flows.extract import extract_batch
frames, not_extracted = extract_batch(documents)
rows += not_extracted.select("source", "reason").rows()
"""
    report = bounded(tmp_path, code, 120)
    [(source, reason)] = report["quarantine"]
    assert source == "documents/long.txt" and "over the extraction budget of 2,000,000" in reason
