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


def _first_fit(mentions: pl.DataFrame) -> dict[str, tuple]:
    """The merging rule as first written (every mention against every cluster of its pair, quadratic): the
    specification the indexed assign_events must match. Returns mention -> (group, cluster ordinal)."""
    from flows.transform.events import PRECISION_RANK

    ordered = mentions.with_columns(
        pl.when(pl.col("symmetric"))
        .then(pl.min_horizontal("actor_iso3", "target_iso3") + "-" + pl.max_horizontal("actor_iso3", "target_iso3"))
        .otherwise(pl.col("actor_iso3") + ">" + pl.col("target_iso3")).alias("_pair"),
        pl.col("date_precision").replace_strict(PRECISION_RANK, default=3).alias("_rank"),
    ).sort(["family", "_pair", "status", "_rank", "event_date", "document_name", "sentence_index", "char_start"],
           nulls_last=True)
    clusters: dict[tuple, list[tuple[dict, set]]] = {}
    out = {}
    for row in ordered.iter_rows(named=True):
        group = (row["family"], row["_pair"], row["status"])
        found = None
        for ordinal, (head, documents) in enumerate(clusters.setdefault(group, [])):
            if row["document_key"] not in documents and dates_agree(head["event_date"], head["date_precision"],
                                                                     row["event_date"], row["date_precision"]):
                found = ordinal
                break
        if found is None:
            clusters[group].append((row, set()))
            found = len(clusters[group]) - 1
        clusters[group][found][1].add(row["document_key"])
        out[row["mention_key"]] = (group, found)
    return out


@pytest.mark.parametrize("seed", range(20))
def test_indexed_merging_gives_the_clusters_of_the_first_fit_rule(seed: int) -> None:
    import random

    rng = random.Random(seed)
    types = ["meeting", "official_visit", "state_visit", "agreement_signed"]
    rows = []
    for n in range(rng.randint(1, 120)):
        precision = rng.choice(["day", "day", "month", "year", None])
        day = date(2020 + rng.randint(0, 1), rng.randint(1, 2), rng.choice([1, 1, 15]))
        stated = None if precision is None else (day if precision == "day" else day.replace(day=1) if precision == "month"
                                                 else day.replace(month=1, day=1))
        doc = rng.randint(0, 5)
        rows.append((f"m{n}", f"d{doc}", f"{doc}.txt", rng.choice(types), *rng.choice([("AZE", "BLR"), ("BLR", "AZE")]),
                     rng.random() < 0.5, stated, precision, rng.choice(["occurred", "planned"]), n, 0))
    mentions = _mentions(rows)
    got = dict(assign_events(mentions, FAMILIES).select("mention_key", "event_id").iter_rows())
    expected = _first_fit(mentions)
    # the same partition of mentions into events
    by_expected: dict[tuple, set] = {}
    for mention, cluster in expected.items():
        by_expected.setdefault(cluster, set()).add(got[mention])
    assert all(len(ids) == 1 for ids in by_expected.values())
    assert len({i for ids in by_expected.values() for i in ids}) == len(by_expected)
