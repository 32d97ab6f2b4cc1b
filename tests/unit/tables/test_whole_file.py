"""The whole-file pass (DuckDB's reader over a plain CSV) against the block reader: same rows, same quarantine."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import flows.ingest.tables.whole_file as whole_file
from bench.generate_comtrade import generate
from flows.ingest.tables.whole_file import only_empty_quotes, plain_lines

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "tables"
V1_CSV = (FIXTURES / "comtrade" / "aze_blr_v1.csv").read_text(encoding="utf-8")
HEADER, ROWS = V1_CSV.splitlines()[0], V1_CSV.splitlines()[1:]
ROW = ROWS[0]  # AZE -> BLR exports 2022, TOTAL, 1000 USD


def write(tmp_path: Path, body: str | bytes, name: str = "tables/t.csv") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return path


@pytest.mark.parametrize("block, plain", [
    (b'1,2,3\n', True),
    (b'1,"",""\n"",2,""\n', True),  # empty quoted fields, side by side and at both ends of a line
    (b'1,"Cotton, raw",3\n', False),  # quoted text: DuckDB and the block reader split it alike, but not always
    (b'1,a""b,3\n', False),  # a pair of quotes inside a value: not RFC 4180
    (b'1, "",3\n', False),  # a space before the quotes: DuckDB trims it, docs/bad-input.md refuses the line
    (b'1,""" ",3\n', False),  # a run of three
    (b'1,"""",3\n', False),  # an escaped quote: valid, but not the simple case
])
def test_only_empty_quotes(block: bytes, plain: bool) -> None:
    assert only_empty_quotes(block) is plain


def test_plain_lines_counts_the_lines_after_the_header(tmp_path: Path) -> None:
    assert plain_lines(write(tmp_path, HEADER + "\n" + "\n".join(ROWS) + "\n")) == len(ROWS)
    assert plain_lines(write(tmp_path, HEADER + "\n" + "\n".join(ROWS))) == len(ROWS)  # no line break at the end


@pytest.mark.parametrize("body", [
    HEADER + "\n",  # a header and no rows
    HEADER + "\r\n" + ROW + "\r\n",  # Windows line ends
    "\ufeff" + HEADER + "\n" + ROW + "\n",  # a byte-order mark
    HEADER + "\n" + ROW.replace(",X,", ',"X",') + "\n",  # quoted text
])
def test_plain_lines_refuses_what_duckdb_reads_differently(tmp_path: Path, body: str) -> None:
    assert plain_lines(write(tmp_path, body)) is None


def test_plain_lines_refuses_latin1_and_gzip(tmp_path: Path) -> None:
    latin1 = (HEADER + "\n" + ROW.replace(",kg,", ",Genève,") + "\n").encode("latin-1")
    assert plain_lines(write(tmp_path, latin1)) is None
    utf8 = (HEADER + "\n" + ROW.replace(",kg,", ",Genève,") + "\n").encode("utf-8")
    assert plain_lines(write(tmp_path, utf8)) == 1
    assert plain_lines(write(tmp_path, gzip.compress(utf8), "tables/t.csv.gz")) is None


# a file with every kind of row: loads, duplicates (the later wins), audit failures (Pandera's wording), rows the
# SQL rejects (World partner, unknown country, not a number), empty quoted fields, a monthly row
MIXED = [
    ROW,
    ROW.replace(",1000,1000,0,True", ",1200,1200,0,True"),  # the same key again: this one holds
    ROW.replace("2022", "2021").replace(",1000,1000,0,True", ",-5,-5,0,True"),  # a negative value
    ROW.replace("2022", "2020").replace(",1000,1000,0,True", ",2e14,2e14,0,True"),  # over the ceiling
    ROW.replace("2022", "2019").replace(",112,", ",0,"),  # partner World
    ROW.replace("2022", "2018").replace(",31,", ",777,"),  # not in the code map
    ROW.replace("2022", "2017").replace(",1000,1000,0,True", ",n/a,n/a,0,True"),
    ROW.replace("2022", "2016").replace(",,,X,", ',"","",X,'),  # empty quoted fields
    *ROWS[1:],
]


def load_both(tmp_path: Path, load, db, body: str | Path, monkeypatch) -> tuple[list, list, list, list]:
    """(fact rows, quarantine rows) through the whole-file pass and through the block reader (body: the file's
    text, or the file)."""
    path = body if isinstance(body, Path) else write(tmp_path, body)
    results = []
    for whole in (True, False):
        if not whole:
            monkeypatch.setattr(whole_file, "scan_plain", lambda _path: iter([None]))
        result = load([path], tmp_path)
        facts = db.execute("select * from fact_trade order by row_ref").fetchall()
        results += [facts, sorted(result.quarantine.rows())]
        db.execute("delete from fact_trade")
    return tuple(results)


def test_the_whole_file_pass_loads_what_the_block_reader_loads(tmp_path: Path, load, db, monkeypatch) -> None:
    body = HEADER + "\n" + "\n".join(MIXED) + "\n"
    assert plain_lines(write(tmp_path, body, "probe.csv")) == len(MIXED)  # the whole-file pass is taken
    facts, quarantine, block_facts, block_quarantine = load_both(tmp_path, load, db, body, monkeypatch)
    assert facts == block_facts
    assert quarantine == block_quarantine
    reasons = {ref: reason for _, _, ref, reason, _ in quarantine}
    assert reasons["line 2"].startswith("a later row of the same file")
    assert reasons["line 4"] == "failed the fact_trade audit: value_usd greater_than_or_equal_to(0) (value -5.0)"
    assert reasons["line 5"].startswith("failed the fact_trade audit: value_usd less_than_or_equal_to(")
    assert "is the total of the partner rows" in reasons["line 6"]
    assert reasons["line 7"] == "reporter code 777 is not in the country code map: not guessed"
    assert reasons["line 8"] == "trade value 'n/a' is not a number"
    assert ("line 3", 1200.0) in [(f[2], f[19]) for f in facts]
    assert "line 9" in [f[2] for f in facts]  # the row with empty quoted fields loads


def test_a_ragged_line_sends_the_file_to_the_block_reader(tmp_path: Path, load, db) -> None:
    # no quote anywhere, so the file looks plain; DuckDB's reader leaves the short line out, the row count
    # differs, and the block reader quarantines the line with its own reason
    body = HEADER + "\n" + ROW + "\n" + ROW.replace("2022", "2021").rsplit(",", 3)[0] + "\n"
    path = write(tmp_path, body)
    assert plain_lines(path) == 2
    result = load([path], tmp_path)
    assert result.rows_in == 2 and result.loaded == 1
    (row,) = result.quarantine.rows()
    assert row[2] == "line 3" and "fields where the header has" in row[3]
    assert db.execute("select count(*) from fact_trade").fetchall() == [(1,)]
    tables = db.execute("select table_name from duckdb_tables() where table_name = 'trade_whole_file'").fetchall()
    assert tables == []  # the staging table is gone


def test_an_empty_line_sends_the_file_to_the_block_reader(tmp_path: Path, load) -> None:
    # DuckDB's reader skips the empty line (2 rows for 3 lines); the block reader reads it as a row of nulls
    path = write(tmp_path, HEADER + "\n" + ROW + "\n\n" + ROW.replace("2022", "2021") + "\n")
    assert plain_lines(path) == 3
    result = load([path], tmp_path)
    assert (result.rows_in, result.loaded) == (3, 2)
    (row,) = result.quarantine.rows()
    assert row[2] == "line 3" and row[3].startswith("period '' is not a year")


def test_scan_plain_answers_block_by_block(tmp_path: Path, monkeypatch) -> None:
    # load_whole checks the first block before DuckDB reads the file and the rest beside DuckDB's statement
    monkeypatch.setattr(whole_file, "SCAN_BYTES", 2 * len(ROW))
    body = HEADER + "\n" + "\n".join(MIXED) + "\n"
    counts = list(whole_file.scan_plain(write(tmp_path, body)))
    assert counts[-1] == len(MIXED) and counts == sorted(counts) and len(counts) > 3
    late = HEADER + "\n" + "\n".join(MIXED) + "\n" + ROW.replace(",X,", ',"X",') + "\n"  # quoted text at the end
    counts = list(whole_file.scan_plain(write(tmp_path, late)))
    assert counts[0] is not None and counts[-1] is None


def test_quoted_text_after_the_first_block_sends_the_file_to_the_block_reader(
    tmp_path: Path, load, db, monkeypatch,
) -> None:
    # the first block is plain, so DuckDB stages the file while the thread finds the quoted text further on: the
    # staged rows are dropped unpublished and the block reader loads the file, with the same rows and reasons
    monkeypatch.setattr(whole_file, "SCAN_BYTES", 2 * len(ROW))
    quoted = ROW.replace("2022", "2015").replace(",X,", ',"X",')
    body = HEADER + "\n" + "\n".join(MIXED) + "\n" + quoted + "\n"
    staged = []
    stage_whole = whole_file.stage_whole
    monkeypatch.setattr(whole_file, "stage_whole", lambda *args: staged.append(1) or stage_whole(*args))
    facts, quarantine, block_facts, block_quarantine = load_both(tmp_path, load, db, body, monkeypatch)
    assert staged == [1]  # DuckDB did read the file once
    assert facts == block_facts and quarantine == block_quarantine
    assert f"line {len(MIXED) + 2}" in [f[2] for f in facts]  # the quoted row loads, as the block reader reads it
    tables = db.execute("select table_name from duckdb_tables() where table_name = 'trade_whole_file'").fetchall()
    assert tables == []


def test_only_empty_quotes_at_the_edges_of_a_block() -> None:
    assert only_empty_quotes(b'"",1\n1,""\n')  # a pair opening the block, a pair closing a line
    assert not only_empty_quotes(b'1,""')  # a pair that ends the block without its line end
    assert only_empty_quotes(b'1,""\n2,x"', end=5)  # only the whole lines up to end count
    assert not only_empty_quotes(b'1,"",""""\n')  # two pairs side by side are one escaped quote



@pytest.mark.slow  # 100,000 rows through both readers: ~3 s of CPU, in `make test` only
def test_the_parallel_pass_numbers_lines_as_the_block_reader(tmp_path: Path, load, db, monkeypatch) -> None:
    # the bench's generated Comtrade file (World partners and transport breakdowns among 100,000 rows): the
    # whole-file pass, with two threads writing the staged table in file order, gives every fact and quarantine
    # row the line the block reader gives it (the line is the staged row's place: whole_file.numbered)
    path = generate(100_000, tmp_path / "tables" / "comtrade_100000.csv")
    db.execute("set threads = 2")
    facts, quarantine, block_facts, block_quarantine = load_both(tmp_path, load, db, path, monkeypatch)
    assert facts == block_facts and quarantine == block_quarantine
    assert (len(facts), len(quarantine)) == (94_647, 5_353)
    lines = sorted(int(ref[5:]) for ref in [f[2] for f in facts] + [q[2] for q in quarantine])
    assert lines == list(range(2, 100_002))  # every line once, loaded or quarantined


@pytest.mark.parametrize("keep_order", [True, False])
def test_the_quarantine_comes_in_line_order_batch_by_batch(tmp_path: Path, load, db, monkeypatch, keep_order) -> None:
    # whole_file.rejected_rows converts the rejected rows a batch at a time, without an `order by` (the staged
    # table is in line order), and sorts them only when the scan did not keep that order
    monkeypatch.setattr(whole_file, "QUARANTINE_BATCH_ROWS", 2)
    db.execute(f"set preserve_insertion_order = {keep_order}")
    body = HEADER + "\n" + "\n".join(MIXED + [row.replace("2022", "2015") for row in MIXED[4:8]]) + "\n"
    result = load([write(tmp_path, body)], tmp_path)
    lines = [int(ref[5:]) for ref in result.quarantine.get_column("row_ref")]
    assert len(lines) > 4 and lines == sorted(lines)  # several batches, in line order
