"""The benchmark's article generator: valid documents of about 3 KB, deterministic, in which the extractor finds events."""
from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from bench.generate import article, generate_articles, render
from flows.extract import extract_documents
from flows.ingest.documents import read_documents

N = 20


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_articles(N, tmp_path_factory.mktemp("bench") / "articles")


@pytest.fixture(scope="module")
def documents(generated: Path) -> pl.DataFrame:
    frame, quarantine = read_documents(sorted((generated / "documents").iterdir()), generated)
    assert quarantine.height == 0, quarantine["reason"].to_list()
    return frame


def test_every_article_is_a_valid_document_of_about_3_kb(generated: Path, documents: pl.DataFrame) -> None:
    files = sorted((generated / "documents").iterdir())
    assert len(files) == N == documents.height
    assert {p.suffix for p in files} == {".txt", ".md", ".html"}
    sizes = [p.stat().st_size for p in files]
    assert 2700 <= min(sizes) and max(sizes) <= 4000


def test_publication_date_comes_from_the_dateline_front_matter_or_meta(documents: pl.DataFrame) -> None:
    assert documents["published_date"].null_count() == 0
    assert set(documents["published_source"]) == {"dateline", "front_matter", "html_meta"}
    first = article(0, 7)
    row = documents.filter(pl.col("name") == "a000000.txt").row(0, named=True)
    assert row["published_date"] == first["published"]


def test_the_extractor_finds_dated_bilateral_events_trade_and_figures(documents: pl.DataFrame) -> None:
    frames = extract_documents(documents)
    events = frames["event_mentions"]
    per_document = events.group_by("document_key").len()
    assert per_document.height == N  # every article yields events
    assert per_document["len"].min() >= 3
    assert {"diplomatic_relations_established", "agreement_signed"} <= set(events["event_type"])
    # the first article's events are between its own pair (as the generator drew it)
    first = documents.filter(pl.col("name") == "a000000.txt")["document_key"][0]
    pairs = events.filter(pl.col("document_key") == first).select(
        pl.concat_list("actor_iso3", "target_iso3").list.sort().list.join("-").alias("pair"))["pair"]
    assert set(pairs) == {"-".join(sorted(article(0, 7)["pair"]))}
    assert frames["trade_claims"].height >= 2 * N
    assert frames["figures"].height >= N


def test_generation_is_deterministic_and_reused(tmp_path: Path) -> None:
    a = generate_articles(3, tmp_path / "a")
    b = generate_articles(3, tmp_path / "b")
    texts = [sorted(p.read_text() for p in (d / "documents").iterdir()) for d in (a, b)]
    assert texts[0] == texts[1]
    marker = a / "documents" / "a000000.txt"
    mtime = marker.stat().st_mtime_ns
    assert generate_articles(3, tmp_path / "a") == a and marker.stat().st_mtime_ns == mtime
    assert render(article(1, 8)) != render(article(1, 7))
