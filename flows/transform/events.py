"""Merge event mentions across documents into real-world events.

Two mentions are one event when they have the same pair (ordered for directional types, unordered for
symmetric ones), the same type family and status, come from different documents, and their dates agree at
the coarser of their two precisions. Mentions from one document stay apart: a text that reports two
agreements signed on the same day by the same pair means two agreements (the failure the design notes of
Phoenix, which merges distinct same-day events). The most precise date wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import polars as pl

from flows.lexicon import registry
from flows.transform.keys import stable_key

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def event_types() -> pl.DataFrame:
    """dim_event_type rows from the event-type registry (flows/lexicon/event_types.csv); a 'mixed' type (the
    mention decides) is not symmetric as a type."""
    kinds = list(registry.event_types().values())
    return pl.DataFrame(
        {
            "event_type_key": list(range(1, len(kinds) + 1)),
            "code": [kind.code for kind in kinds],
            "label": [kind.label for kind in kinds],
            "family": [kind.family for kind in kinds],
            "cameo_code": [kind.cameo_code for kind in kinds],
            "goldstein": [kind.goldstein for kind in kinds],
            "is_symmetric": [kind.symmetry == "symmetric" for kind in kinds],
        },
        schema_overrides={"event_type_key": pl.Int32},
    )


def _truncate(value: date, precision: str) -> tuple[int, ...]:
    return (value.year,) if precision == "year" else (value.year, value.month) if precision == "month" else (
        value.year, value.month, value.day)


def dates_agree(a: date | None, pa: str | None, b: date | None, pb: str | None) -> bool:
    """Whether two dates name the same time at the coarser of their precisions (undated never agrees)."""
    if a is None or b is None or pa is None or pb is None:
        return False
    coarser = pa if PRECISION_RANK[pa] >= PRECISION_RANK[pb] else pb
    return _truncate(a, coarser) == _truncate(b, coarser)


@dataclass
class _Cluster:
    head: dict
    documents: set[str] = field(default_factory=set)
    members: list[dict] = field(default_factory=list)


def assign_events(mentions: pl.DataFrame, families: dict[str, str]) -> pl.DataFrame:
    """`mentions` with an `event_id` column: mentions of one real-world event share it.

    The loop runs over event mentions (a handful a document), never over trade rows.
    """
    if mentions.is_empty():
        return mentions.with_columns(pl.lit(None, pl.Utf8).alias("event_id"))
    ordered = mentions.with_columns(
        pl.col("event_type").replace_strict(families, default="other").alias("_family"),
        pl.when(pl.col("symmetric"))
        .then(pl.min_horizontal("actor_iso3", "target_iso3") + "-" + pl.max_horizontal("actor_iso3", "target_iso3"))
        .otherwise(pl.col("actor_iso3") + ">" + pl.col("target_iso3"))
        .alias("_pair"),
        pl.col("date_precision").replace_strict(PRECISION_RANK, default=3).alias("_rank"),
    ).sort(["_family", "_pair", "status", "_rank", "event_date", "document_name", "sentence_index", "char_start"],
           nulls_last=True)
    clusters: dict[tuple, list[_Cluster]] = {}
    event_ids: dict[str, str] = {}
    for row in ordered.iter_rows(named=True):
        group = (row["_family"], row["_pair"], row["status"])
        found = None
        for cluster in clusters.setdefault(group, []):
            if row["document_key"] not in cluster.documents and dates_agree(
                    cluster.head["event_date"], cluster.head["date_precision"], row["event_date"], row["date_precision"]):
                found = cluster
                break
        if found is None:
            found = _Cluster(head=row)
            clusters[group].append(found)
            ordinal = len(clusters[group]) - 1
            found.head = {**row, "event_id": stable_key(*group, row["event_date"], row["date_precision"], ordinal)}
        found.documents.add(row["document_key"])
        event_ids[row["mention_key"]] = found.head["event_id"]
    return mentions.with_columns(pl.col("mention_key").replace_strict(event_ids).alias("event_id"))


def build_events(mentions: pl.DataFrame) -> pl.DataFrame:
    """fact_event rows from mentions that carry event_id: the most precise (then earliest) mention leads."""
    ranked = mentions.with_columns(
        pl.col("date_precision").replace_strict(PRECISION_RANK, default=3).alias("_rank")
    ).sort(["event_id", "_rank", "published_date", "document_name", "sentence_index"], nulls_last=True)
    return ranked.group_by("event_id", maintain_order=True).agg(
        pl.col("event_type").first(),
        pl.col("family").first(),
        pl.col("event_date").first(),
        pl.col("date_key").first(),
        pl.col("date_precision").first(),
        pl.col("actor_iso3").first(),
        pl.col("target_iso3").first(),
        pl.col("symmetric").first().alias("is_symmetric"),
        pl.col("status").first(),
        pl.col("summary").first(),
        pl.col("participants").list.explode(keep_nulls=False, empty_as_null=False).drop_nulls().unique(maintain_order=True).alias("participants"),
        pl.col("document_key").n_unique().cast(pl.Int32).alias("n_documents"),
        pl.len().cast(pl.Int32).alias("n_mentions"),
        pl.col("published_date").min().alias("first_reported"),
        pl.col("published_date").max().alias("last_reported"),
        pl.col("evidence").first(),
    )
