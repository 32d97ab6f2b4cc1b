from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from flows.transform.events import assign_events, build_events, dates_agree, event_types

FAMILIES = dict(zip(event_types()["code"], event_types()["family"]))


def _mentions(rows: list[tuple]) -> pl.DataFrame:
    cols = ["mention_key", "document_key", "document_name", "event_type", "actor_iso3", "target_iso3", "symmetric",
            "event_date", "date_precision", "status", "sentence_index", "char_start"]
    df = pl.DataFrame(rows, schema=cols, orient="row")
    return df.with_columns(
        pl.col("event_type").replace_strict(FAMILIES).alias("family"),
        pl.lit(None, pl.Int32).alias("date_key"),
        pl.col("document_name").alias("summary"),
        pl.lit(None, pl.List(pl.Utf8)).alias("participants"),
        pl.lit(date(2024, 1, 1)).alias("published_date"),
        (pl.col("mention_key") + " evidence").alias("evidence"),
    )


@pytest.mark.parametrize(
    ("a", "pa", "b", "pb", "agree"),
    [
        (date(2006, 8, 1), "month", date(2006, 8, 15), "day", True),
        (date(2006, 8, 1), "month", date(2006, 9, 1), "month", False),
        (date(2018, 1, 1), "year", date(2018, 11, 3), "day", True),
        (date(2018, 11, 3), "day", date(2018, 11, 4), "day", False),
        (None, None, date(2018, 11, 4), "day", False),
    ],
)
def test_dates_agree_at_the_coarser_precision(a, pa, b, pb, agree) -> None:
    assert dates_agree(a, pa, b, pb) is agree


def test_mentions_of_one_event_across_documents_merge_and_the_precise_date_wins() -> None:
    mentions = _mentions([
        ("m1", "d1", "a.txt", "official_visit", "BLR", "AZE", False, date(2016, 11, 1), "month", "occurred", 3, 0),
        ("m2", "d2", "b.txt", "state_visit", "BLR", "AZE", False, date(2016, 11, 28), "day", "occurred", 1, 0),
        # the reverse visit is another event
        ("m3", "d2", "b.txt", "official_visit", "AZE", "BLR", False, date(2016, 11, 28), "day", "occurred", 2, 0),
        # symmetric types merge whatever the order of the pair
        ("m4", "d1", "a.txt", "agreement_signed", "AZE", "BLR", True, date(1993, 6, 11), "day", "occurred", 5, 0),
        ("m5", "d2", "b.txt", "agreement_signed", "BLR", "AZE", True, date(1993, 1, 1), "year", "occurred", 6, 0),
    ])
    with_ids = assign_events(mentions, FAMILIES)
    ids = dict(zip(with_ids["mention_key"], with_ids["event_id"]))
    assert ids["m1"] == ids["m2"] != ids["m3"]
    assert ids["m4"] == ids["m5"]
    events = build_events(with_ids).sort("event_date")
    assert events.height == 3
    visit = events.filter(pl.col("event_id") == ids["m1"]).row(0, named=True)
    assert (visit["event_date"], visit["date_precision"], visit["event_type"]) == (date(2016, 11, 28), "day", "state_visit")
    assert (visit["n_documents"], visit["n_mentions"]) == (2, 2)
    agreement = events.filter(pl.col("event_id") == ids["m4"]).row(0, named=True)
    assert (agreement["event_date"], agreement["date_precision"]) == (date(1993, 6, 11), "day")


def test_two_same_day_agreements_in_one_document_stay_two_events() -> None:
    mentions = _mentions([
        ("m1", "d1", "a.txt", "agreement_signed", "HUN", "SRB", True, date(2023, 6, 20), "day", "occurred", 0, 0),
        ("m2", "d1", "a.txt", "agreement_signed", "HUN", "SRB", True, date(2023, 6, 20), "day", "occurred", 2, 0),
        ("m3", "d2", "b.txt", "agreement_signed", "SRB", "HUN", True, date(2023, 6, 20), "day", "occurred", 0, 0),
    ])
    with_ids = assign_events(mentions, FAMILIES)
    ids = dict(zip(with_ids["mention_key"], with_ids["event_id"]))
    assert ids["m1"] != ids["m2"]
    assert ids["m3"] == ids["m1"]


def test_event_ids_are_stable_across_runs_and_input_order() -> None:
    rows = [
        ("m1", "d1", "a.txt", "meeting", "GEO", "TUR", True, date(2024, 9, 16), "day", "occurred", 0, 0),
        ("m2", "d2", "b.txt", "meeting", "TUR", "GEO", True, date(2024, 9, 1), "month", "occurred", 0, 0),
        ("m3", "d3", "c.txt", "joint_project", "KAZ", "GEO", True, None, None, "planned", 0, 0),
    ]
    first = assign_events(_mentions(rows), FAMILIES).sort("mention_key")["event_id"].to_list()
    second = assign_events(_mentions(list(reversed(rows))), FAMILIES).sort("mention_key")["event_id"].to_list()
    assert first == second
    assert first[0] == first[1] != first[2]


def test_planned_and_occurred_do_not_merge() -> None:
    mentions = _mentions([
        ("m1", "d1", "a.txt", "state_visit", "UZB", "KAZ", False, date(2024, 1, 1), "year", "planned", 0, 0),
        ("m2", "d2", "b.txt", "state_visit", "UZB", "KAZ", False, date(2024, 5, 2), "day", "occurred", 0, 0),
    ])
    assert assign_events(mentions, FAMILIES)["event_id"].n_unique() == 2


def test_event_vocabulary_has_cameo_codes_and_goldstein_scores() -> None:
    types = {r["code"]: r for r in event_types().iter_rows(named=True)}
    assert len(types) == 12
    assert (types["agreement_signed"]["cameo_code"], types["agreement_signed"]["goldstein"]) == ("057", 8.0)
    assert types["official_visit"]["family"] == types["state_visit"]["family"] == "visit"
    assert types["embassy_opened"]["cameo_code"] == types["diplomatic_relations_established"]["cameo_code"] == "054"
