"""The document's own pair in the warehouse (session 18): the extractor's pair of a document
(flows/extract/document_pair.py, what 'the two countries' of the story are) travels from the extract stage
(schemas.staging.DocumentPair) into dim_document.pair_a/pair_b, and v_event_scope takes it as the document's own
pair; the pair of most event mentions (a tie to the pair told first) is only the fallback where there is none.

tests/fixtures/texts/scope_aside_first.md is a Chile-Peru story whose first sentence recalls a Bolivia-Paraguay rift
and which then tells one Chile-Peru visit: one mention each, so the mention rule took the rift, told first, as the
story's pair and hid the visit from v_event_mentions."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from flows.extract import extract_batch
from flows.ingest.documents import read_documents
from flows.ingest.tables import bundled_reference
from flows.transform.conform import conform_pairs
from flows.transform.warehouse import build_warehouse
from flows.warehouse.load import apply_ddl
from flows.warehouse.marker import prepare_database, schema_version
from flows.warehouse.state import plan_run, read_previous
from schemas.staging import DOCUMENT_PAIRS, DocumentPair
from schemas.validate import validate_or_quarantine
from schemas.warehouse import DimDocument
from tests.support.databases import new_warehouse

TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "texts"
SQL = Path(__file__).resolve().parents[2] / "sql"
STORY = "scope_aside_first.md"
SCOPE_VIEWS = ("v_event_scope", "v_event_mentions")


def _documents(*names: str) -> tuple[pl.DataFrame, dict[str, pl.DataFrame]]:
    """(the documents with the extractor's pair joined on, as the pipeline hands them to the transform; the facts)."""
    documents, quarantine = read_documents([TEXTS / name for name in names], TEXTS)
    assert quarantine.is_empty()
    frames, not_extracted = extract_batch(documents)
    assert not_extracted.is_empty()
    pairs = frames.pop(DOCUMENT_PAIRS)
    return documents.join(pairs, on="document_key", how="left"), frames


def _star(documents: pl.DataFrame, facts: dict[str, pl.DataFrame]) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse holding the documents' star rows, with the scope views on top."""
    con = new_warehouse(views=SCOPE_VIEWS)
    frames = build_warehouse(documents, facts, datetime(2024, 3, 14))
    for table in ("dim_document", "fact_event_mention"):
        con.register("_frame", frames[table])
        con.execute(f"insert into {table} by name select * from _frame")
        con.unregister("_frame")
    return con


def _scopes(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("select m.actor_iso3, m.target_iso3, s.scope, s.dyad_a, s.dyad_b, s.dyad_source "
                       "from v_event_scope s join fact_event_mention m using (mention_key) "
                       "order by m.sentence_index").fetchall()


def test_the_extractor_hands_on_each_documents_pair_in_order() -> None:
    documents, _ = _documents(STORY)
    assert documents.select("pair_a", "pair_b").rows() == [("CHL", "PER")]  # 'Peru ... Chile': ordered, not as named
    one_state, _ = read_documents([TEXTS / STORY], TEXTS)
    one_state = one_state.with_columns(pl.lit("Peru's exports rose last year, officials in Lima said.").alias("text"))
    pairs = extract_batch(one_state)[0][DOCUMENT_PAIRS]
    assert pairs.rows(named=True) == [{"pair_a": None, "pair_b": None, "document_key": one_state["document_key"][0]}]


def test_the_stories_own_event_after_an_aside_told_first_is_shown() -> None:
    con = _star(*_documents(STORY))
    assert _scopes(con) == [("BOL", "PRY", "context", "CHL", "PER", "extractor"),
                            ("CHL", "PER", "dyad", "CHL", "PER", "extractor")]
    shown = con.execute("select event_type, actor_iso3, target_iso3, scope from v_event_mentions").fetchall()
    assert shown == [("official_visit", "CHL", "PER", "dyad")]


def test_with_no_pair_from_the_extractor_the_pair_of_most_mentions_is_the_fallback() -> None:
    documents, facts = _documents(STORY)
    con = _star(documents.with_columns(pl.lit(None, pl.Utf8).alias("pair_a"), pl.lit(None, pl.Utf8).alias("pair_b")),
                facts)
    # one mention each: the pair told first leads, as before the extractor's pair was kept
    assert _scopes(con) == [("BOL", "PRY", "dyad", "BOL", "PRY", "mentions"),
                            ("CHL", "PER", "context", "BOL", "PRY", "mentions")]


def _told(con, pair: tuple[str, str], sides: list[tuple[str, str]]) -> list[tuple]:
    """One document whose extractor pair is `pair` and whose event mentions have `sides`, in that order."""
    con.execute("insert into dim_document (document_key, name, path, format, sha256, size_bytes, text, ingested_at, "
                "pair_a, pair_b) values ('d', 'd.txt', 'documents/d.txt', 'txt', 'x', 1, 'text', now(), ?, ?)", list(pair))
    for number, (actor, target) in enumerate(sides):
        con.execute("insert into fact_event_mention (mention_key, event_id, document_key, event_type, actor_iso3, "
                    "target_iso3, status, is_symmetric, sentence_index, char_start, char_end, evidence, "
                    "extractor_version) values (?, ?, 'd', 'meeting', ?, ?, 'occurred', true, ?, 0, 4, 'text', 't')",
                    [f"m{number}", f"e{number}", actor, target, number])
    return [(a, b, scope, source) for a, b, scope, _, _, source in _scopes(con)]


def test_another_pair_told_twice_stays_in_the_documents_scope() -> None:
    """The extractor's pair decides what is the document's own; a second pair told in two events is still a subject
    of the article (a three-way tour keeps both legs), one told once is context."""
    con = new_warehouse(views=SCOPE_VIEWS)
    sides = [("ARG", "BRA"), ("CHL", "PER"), ("BRA", "ARG"), ("PER", "CHL"), ("BOL", "PRY")]
    assert _told(con, ("CHL", "PER"), sides) == [
        ("ARG", "BRA", "dyad", "extractor"), ("CHL", "PER", "dyad", "extractor"), ("BRA", "ARG", "dyad", "extractor"),
        ("PER", "CHL", "dyad", "extractor"), ("BOL", "PRY", "context", "extractor")]


def test_a_pair_told_three_times_and_over_twice_as_often_as_the_extractors_overrules_it() -> None:
    """The extractor can misread a pair from a name; three acts of one pair against one of its pair say more."""
    con = new_warehouse(views=SCOPE_VIEWS)
    sides = [("NZL", "USA"), ("NZL", "AUS"), ("AUS", "NZL"), ("NZL", "AUS")]
    assert _told(con, ("NZL", "USA"), sides) == [("NZL", "USA", "context", "mentions"),
                                                   ("NZL", "AUS", "dyad", "mentions"),
                                                   ("AUS", "NZL", "dyad", "mentions"),
                                                   ("NZL", "AUS", "dyad", "mentions")]


def test_an_aside_told_twice_against_the_storys_act_told_once_keeps_both_shown() -> None:
    """Two mentions of an aside against one of the story's own act: the extractor's pair stays, both are 'dyad'."""
    con = new_warehouse(views=SCOPE_VIEWS)
    assert _told(con, ("CHL", "PER"), [("BOL", "PRY"), ("PRY", "BOL"), ("CHL", "PER")]) == [
        ("BOL", "PRY", "dyad", "extractor"), ("PRY", "BOL", "dyad", "extractor"), ("CHL", "PER", "dyad", "extractor")]


def test_an_aside_told_once_never_overrules_the_extractors_pair() -> None:
    """One mention of another pair against none of the extractor's: the aside stays context."""
    con = new_warehouse(views=SCOPE_VIEWS)
    assert _told(con, ("CHL", "PER"), [("BOL", "PRY")]) == [("BOL", "PRY", "context", "extractor")]


def test_a_pair_the_reference_does_not_know_is_dropped_and_a_broken_one_refused() -> None:
    documents = pl.DataFrame({"document_key": ["a", "b", "c"], "pair_a": ["CHL", "CHL", None],
                              "pair_b": ["PER", "XXA", None]})
    known = bundled_reference()["dim_country"]["iso3"]
    assert conform_pairs(documents, known).select("pair_a", "pair_b").rows() == [
        ("CHL", "PER"), (None, None), (None, None)]
    broken = pl.DataFrame({"document_key": ["a", "b", "c"], "pair_a": ["PER", "CHL", "CHL"],
                           "pair_b": ["CHL", None, "PER"]})
    good, bad = validate_or_quarantine(DocumentPair, broken, stage="extract", source_column="document_key")
    assert good["document_key"].to_list() == ["c"]
    assert set(bad["source"]) == {"a", "b"}
    assert "pair_is_ordered" in bad.filter(pl.col("source") == "a")["reason"][0]
    assert "pair_both_or_neither" in bad.filter(pl.col("source") == "b")["reason"][0]
    # the star's model holds dim_document to the same
    with pytest.raises(Exception, match="pair_is_ordered"):
        DimDocument.validate(pl.DataFrame({"document_key": ["0" * 16], "name": ["a"], "path": ["a"], "sha256": ["0" * 64],
                                           "published_date": [None], "text": ["t"], "pair_a": ["PER"],
                                           "pair_b": ["CHL"]}, schema_overrides={"published_date": pl.Date}))


def test_a_version_3_database_keeps_its_rows_and_reads_its_documents_again(tmp_path: Path) -> None:
    """Migration 004 adds dim_document's pair in place (rows kept, no pair) and marks the documents' source rows
    as read by an extractor that kept no pair: the next run reads the documents again, not the tables."""
    db = tmp_path / "v3.duckdb"
    with duckdb.connect(str(db)) as con:
        apply_ddl(con, SQL)
        con.execute("alter table dim_document drop column pair_a")  # dim_document as schema version 3 made it
        con.execute("alter table dim_document drop column pair_b")
        con.execute("insert into dyad_schema values (3, now(), 'created')")
        con.execute("insert into etl_run values ('r1', now() - interval 1 hour, now(), 'succeeded', 's', 2, null)")
        con.execute("insert into dim_document (document_key, name, path, format, sha256, size_bytes, text, "
                    "ingested_at) values ('d', 'a.txt', 'documents/a.txt', 'txt', 'ab', 1, 'text', now())")
        con.execute("insert into source_file values ('documents/a.txt', 'document', 'txt', 'ab', 1, 1, null, null, "
                    "false, '0.1.0'), ('tables/t.csv', 'table', 'csv', 'cd', 1, 1, null, null, false, '0.1.0')")
    with duckdb.connect(str(db)) as con:
        assert prepare_database(con, SQL) == 3
        apply_ddl(con, SQL)
        assert con.execute("select max(version) from dyad_schema").fetchone() == (schema_version(SQL),)
        assert con.execute("select document_key, name, text, pair_a, pair_b from dim_document").fetchall() == [
            ("d", "a.txt", "text", None, None)]
        versions = dict(con.execute("select relpath, extractor_version from source_file").fetchall())
    assert versions == {"documents/a.txt": "0.1.0 (no document pair)", "tables/t.csv": "0.1.0"}
    inventory = pl.DataFrame({"relpath": ["documents/a.txt", "tables/t.csv"], "kind": ["document", "table"],
                              "sha256": ["ab", "cd"]})
    plan = plan_run(inventory, read_previous(db), "0.1.0")
    assert (plan.full, plan.process["relpath"].to_list(), plan.replaced) == (
        False, ["documents/a.txt"], ["documents/a.txt"])
