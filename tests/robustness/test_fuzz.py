"""The fuzz run: over 10,000 seeded cases (documents under hostile names, manifest entries of any type, table
rows and whole table files), each must obey the rule: loaded, or quarantined with its file, line and reason;
the stage counts reconcile; nothing stops the batch. Cases run in batches through the stage functions (one
discovery, one read, one extraction, one table load a batch), never one Prefect flow a case.

A failure names the seed and the batch; `FUZZ_SEED=n pytest tests/robustness/test_fuzz.py` runs another seed.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import zlib
from pathlib import Path

import duckdb
import polars as pl
import pytest

import fuzz
from flows.extract import extract_batch
from flows.ingest.discover import MANIFEST_NAME
from flows.ingest.tables import ingest_tables
from schemas.staging import STAGING_MODELS
from schemas.validate import validate_or_quarantine
from tests.support.ingest import ingest_folder

SEED = int(os.environ.get("FUZZ_SEED", "20261204"))
DOCUMENT_BATCHES, DOCUMENTS_PER_BATCH, MANIFEST_ENTRIES = 27, 200, 24
TABLE_FILES, ROWS_PER_FILE, MUTATED_FILES = 40, 100, 40
FIXTURES = fuzz.ROOT / "tests" / "fixtures" / "tables"
ROW_LAYOUTS = {  # fixture file, its data lines: rows of each layout to mutate
    "comtrade_v1.csv": "comtrade/aze_blr_v1.csv",
    "legacy.csv": "legacy/aze_geo_legacy.csv",
    "BACI_HS17_Y2021_V202401.csv": "baci/BACI_HS17_Y2021_V202401.csv",
    "published.csv": "published/reported.csv",
}
WHOLE_FILES = ["comtrade/aze_blr_v1.csv", "comtrade/aze_blr_v1.json", "legacy/aze_geo_legacy.csv",
               "baci/BACI_HS17_Y2021_V202401.csv", "published/reported.csv", "comtrade/soy_br_2022_01.json",
               "comtrade_gz/aze_blr_v1.csv.gz", "published/reported.csv.gz"]
cases_run: dict[str, int] = {}


def _readable(name: bytes) -> str:
    return name.decode("utf-8", errors="backslashreplace")


def document_batch(root: Path, rng: random.Random, batch: int) -> tuple[dict[str, bytes], int]:
    """Write one batch of documents under fuzzed names and a fuzzed manifest; (expected sources, entries)."""
    folder = root / "documents"
    folder.mkdir(parents=True)
    expected: dict[str, bytes] = {}
    for number in range(DOCUMENTS_PER_BATCH):
        name = fuzz.file_name(rng, batch * DOCUMENTS_PER_BATCH + number)
        path = os.fsencode(folder) + b"/" + name
        with open(path, "wb") as handle:
            handle.write(fuzz.document_bytes(rng))
        if not name.startswith(b"."):
            expected["documents/" + _readable(name)] = name
    utf8 = [rel for rel, name in expected.items() if b"\\x" not in name and "\\x" not in rel]
    manifest, entries = fuzz.manifest(rng, utf8, MANIFEST_ENTRIES)
    (root / MANIFEST_NAME).write_bytes(manifest)
    return expected, entries


@pytest.mark.parametrize("batch", range(DOCUMENT_BATCHES))
def test_fuzzed_documents_names_and_manifests(batch: int, tmp_path: Path) -> None:
    rng = random.Random(SEED * 1000 + batch)
    root = tmp_path / "sources"
    expected, entries = document_batch(root, rng, batch)

    inventory, documents, quarantine = ingest_folder(root)
    assert quarantine.filter((pl.col("reason").str.len_chars() == 0) | (pl.col("row_ref").str.len_chars() == 0)
                             | pl.col("source").is_null()).is_empty()
    whole = set(quarantine.filter(pl.col("row_ref") == "file")["source"])
    loaded = set(documents["path"])
    tables = set(inventory.filter(pl.col("kind") != "document")["relpath"])  # a manifest may call a file a table
    for relpath in expected:  # every file: a document, a table of the manifest's, or quarantined whole
        assert (relpath in loaded) + (relpath in whole) + (relpath in tables) == 1, relpath
    manifest_rows = quarantine.filter(pl.col("source") == MANIFEST_NAME)
    in_manifest = inventory.filter(pl.col("in_manifest")).height
    assert in_manifest + manifest_rows["row_ref"].n_unique() >= min(entries, 1)

    facts, not_extracted = extract_batch(documents)
    assert set(not_extracted["source"]) <= loaded
    for kind, model in STAGING_MODELS.items():
        frame = facts[kind]
        assert set(frame["document_key"]) <= set(documents["document_key"])
        good, bad = validate_or_quarantine(model, frame, stage="extract", source_column="document_key",
                                           row_ref_column="sentence_index", row_ref_label=f"{kind} in sentence")
        assert good.height + bad.height == frame.height
    cases_run[f"documents {batch}"] = len(expected) + entries


def _has_data_lines(data: bytes) -> bool:
    """Whether a (possibly gzipped, possibly broken) file has a non-blank line after its first: a cut that
    leaves only a header, or part of one, is a table with no rows."""
    try:
        data = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    except (OSError, EOFError, ValueError, zlib.error):
        return True
    return any(line.strip() for line in data.split(b"\n")[1:])


def table_files(root: Path, rng: random.Random) -> dict[str, tuple[int, int] | None]:
    """Write the fuzzed table files; {relpath: (rows with data, rows)} (None for whole-file mutations: any count).

    A blank line holds no data: a reader may count it as a row (quarantined like any) or pass over it.
    """
    (root / "tables").mkdir(parents=True)
    expected: dict[str, int | None] = {}
    layouts = list(ROW_LAYOUTS.items())
    for number in range(TABLE_FILES):
        name, fixture = layouts[number % len(layouts)]
        lines = (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
        rows = [fuzz.mutate_row(rng.choice(lines[1:]), rng) for _ in range(ROWS_PER_FILE)]
        data = ("\n".join([lines[0], *rows]) + "\n").encode("utf-8")
        rel = f"tables/{number:03d}_{name}"
        if rng.random() < 0.25:
            data, rel = gzip.compress(data, mtime=0), rel + ".gz"
        (root / rel).write_bytes(data)
        # a mutated row may hold a line break of its own: every physical line is a row
        lines = (gzip.decompress(data) if rel.endswith(".gz") else data).split(b"\n")[1:-1]
        expected[rel] = (sum(1 for line in lines if line.strip()), len(lines))
    for number in range(MUTATED_FILES):
        original = FIXTURES / WHOLE_FILES[number % len(WHOLE_FILES)]
        rel = f"tables/m{number:03d}_{original.name}"
        data = fuzz.mutate(original.read_bytes(), rng)
        (root / rel).write_bytes(data)
        expected[rel] = None if _has_data_lines(data) else (0, 0)
    records = json.loads((FIXTURES / "comtrade" / "aze_blr_v1.json").read_text(encoding="utf-8"))["data"]
    for number in range(MUTATED_FILES // 4):  # JSON records of any type, with fields of any type
        data = []
        for _ in range(ROWS_PER_FILE // 4):
            record = dict(rng.choice(records))
            for key in rng.sample(list(record), rng.randint(0, 3)):
                record[key] = rng.choice([None, "", 2022.0, -1, 1e308, [1], {"a": 1}, "n/a", True, "٣٤"])
            data.append(record if rng.random() < 0.9 else rng.choice([5, "x", None, [record]]))
        rel = f"tables/j{number:03d}_comtrade.json"
        (root / rel).write_text(json.dumps({"data": data}), encoding="utf-8")
        expected[rel] = (len(data), len(data))
    return expected


def assert_every_line_read(con: duckdb.DuckDBPyConnection, root: Path, rel: str, quarantined: dict[int, str]) -> None:
    """Every line of a CSV with data starts a loaded or a quarantined row, or lies inside a record (loaded, or
    quarantined for its values, not its CSV) that Python's csv module also reads as one record over those lines
    (a quoted field holding a line break)."""
    loaded = {int(ref.split()[1]) for (ref,) in con.execute(
        "select row_ref from fact_trade where source_file = $f union all "
        "select row_ref from fact_trade_reported where source = $f", {"f": rel}).fetchall()}
    loaded |= {n for n, reason in quarantined.items()
               if not reason.startswith("not valid CSV") and "fields where" not in reason}
    data = (root / rel).read_bytes()
    text = (gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data).decode("utf-8", errors="replace")
    lines = text.split("\n")
    covered_to = 1
    for number in range(2, len(lines)):  # line numbers from 1; line 1 is the header
        if number in loaded:
            reader = csv.reader(io.StringIO("\n".join(lines[number - 1:]), newline=""))
            next(reader)
            covered_to = number + reader.line_num - 1
        elif number not in quarantined:
            assert not lines[number - 1].strip() or number <= covered_to, (rel, number, lines[number - 1])


def test_fuzzed_tables(warehouse: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    rng = random.Random(SEED)
    root = tmp_path / "sources"
    expected = table_files(root, rng)
    warehouse.execute("begin")
    result = ingest_tables(warehouse, [root / rel for rel in expected], root)
    warehouse.execute("commit")

    per_source = {r["source"]: r for r in result.per_source.iter_rows(named=True)}
    assert set(per_source) == set(expected)
    quarantine = result.quarantine
    assert quarantine.filter((pl.col("reason").str.len_chars() == 0) | (pl.col("row_ref").str.len_chars() == 0)
                             ).is_empty()
    stored = dict(warehouse.execute("select source_file, count(*) from fact_trade group by 1").fetchall())
    stored.update(warehouse.execute("select source, count(*) from fact_trade_reported group by 1").fetchall())
    rows_checked = 0
    for rel, rows in expected.items():
        mine, counts = quarantine.filter(pl.col("source") == rel), per_source[rel]
        assert counts["rows_in"] == counts["loaded"] + counts["quarantined"], rel
        assert stored.get(rel, 0) == counts["loaded"], rel
        row_level = mine.filter(pl.col("row_ref") != "file")
        assert row_level.height == counts["quarantined"] and row_level["row_ref"].is_unique().all(), rel
        if rows is None:  # a whole file cut or garbled: read as rows, or quarantined whole with its reason
            assert counts["rows_in"] > 0 or mine.filter(pl.col("row_ref") == "file").height == 1, rel
            continue
        # a row-fuzzed file: every row in, each loaded or quarantined with its own line (or record)
        with_data, lines = rows
        numbers = row_level["row_ref"].str.extract(r"^(?:line|record) (\d+)$").cast(pl.Int64)
        low, high = (1, lines) if rel.endswith(".json") else (2, lines + 1)
        assert numbers.is_not_null().all() and numbers.is_between(low, high).all(), rel
        if rel.endswith(".json"):
            assert with_data <= counts["rows_in"] <= lines, rel
        else:
            assert counts["rows_in"] <= lines, rel
            assert_every_line_read(warehouse, root, rel, dict(zip(numbers.to_list(), row_level["reason"])))
        rows_checked += with_data
    cases_run["tables"] = rows_checked + sum(1 for rows in expected.values() if rows is None)


SHAPED_FILES = 24


def test_fuzzed_tables_read_alike_in_every_shape(warehouse: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    """The same fuzzed rows saved as CRLF, CR-only, UTF-16 (with and without a BOM), UTF-32 or with a BOM read as
    the plain file does: the same counts and the same quarantine rows (line, reason), one database each."""
    from tests.support.databases import new_warehouse

    rng = random.Random(SEED + 1)
    layouts = [(name, fixture) for name, fixture in ROW_LAYOUTS.items()]
    plain_root, shaped_root = tmp_path / "plain", tmp_path / "shaped"
    pairs = []
    for number in range(SHAPED_FILES):
        name, fixture = layouts[number % len(layouts)]
        lines = (FIXTURES / fixture).read_text(encoding="utf-8").splitlines()
        rows = [fuzz.mutate_row(rng.choice(lines[1:]), rng) for _ in range(ROWS_PER_FILE // 4)]
        data = ("\n".join([lines[0], *rows]) + "\n").encode("utf-8")
        shape, reshape = fuzz.SHAPES[number % len(fuzz.SHAPES)]
        rel = f"tables/{number:03d}_{shape}_{name}"
        for root, content in ((plain_root, data), (shaped_root, reshape(data))):
            (root / "tables").mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(content)
        pairs.append(rel)
    results = []
    for root, con in ((plain_root, warehouse), (shaped_root, new_warehouse())):
        con.execute("begin")
        results.append(ingest_tables(con, [root / rel for rel in pairs], root))
        con.execute("commit")
    columns = ["source", "rows_in", "loaded", "quarantined"]
    plain, shaped = (r.per_source.select(columns).sort("source") for r in results)
    assert plain.rows() == shaped.rows()
    # a quoted field keeps its line break as written (CRLF in a CRLF file): the reasons quote it
    rejects = [r.quarantine.select("source", "row_ref", pl.col("reason").str.replace_all("\r\n", "\n", literal=True))
               .sort(pl.all()).rows() for r in results]
    assert rejects[0] == rejects[1]
    cases_run["shapes"] = int(plain["rows_in"].sum())


def test_the_fuzz_run_is_over_ten_thousand_cases() -> None:
    """Runs after the batches above (pytest keeps file order): the total the issue asks for was reached."""
    if len(cases_run) < DOCUMENT_BATCHES + 1:
        pytest.skip("only part of the fuzz run was selected")
    total = sum(cases_run.values())
    print(f"fuzz run (seed {SEED}): {total:,} cases", {k: v for k, v in cases_run.items() if not k[-1].isdigit()})
    assert total >= 10_000, cases_run
