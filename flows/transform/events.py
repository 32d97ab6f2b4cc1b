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


LEVELS = ("day", "month", "year")


@dataclass
class _Cluster:
    event_id: str
    documents: set[str] = field(default_factory=set)


def _first_without(bucket: list[_Cluster], pointers: dict[tuple, int], bucket_key: tuple,
                   document_key: str) -> _Cluster | None:
    """The first cluster of the bucket (in the order they were opened) that holds no mention of the document.

    A cluster never loses a document, so for one document that first cluster only moves forward: a pointer
    per (bucket, document) makes the scans add up to the number of mentions (linear), where a scan from the
    start each time was quadratic when one long text repeats the same event (a 9.5 MB article took minutes).
    """
    key = (bucket_key, document_key)
    at = pointers.get(key, 0)
    while at < len(bucket) and document_key in bucket[at].documents:
        at += 1
    pointers[key] = at
    return bucket[at] if at < len(bucket) else None


def group_columns(families: dict[str, str]) -> tuple[pl.Expr, pl.Expr]:
    """(_family, _pair) of event mentions: with status, the group a mention can merge within. Events never cross
    groups, so an incremental run re-merges only the groups its documents reach (the same SQL in
    flows/warehouse/scope.py finds them in the database)."""
    return (
        pl.col("event_type").replace_strict(families, default="other").alias("_family"),
        pl.when(pl.col("symmetric"))
        .then(pl.min_horizontal("actor_iso3", "target_iso3") + "-" + pl.max_horizontal("actor_iso3", "target_iso3"))
        .otherwise(pl.col("actor_iso3") + ">" + pl.col("target_iso3"))
        .alias("_pair"),
    )


def assign_events(mentions: pl.DataFrame, families: dict[str, str]) -> pl.DataFrame:
    """`mentions` with an `event_id` column: mentions of one real-world event share it.

    Mentions are taken most precise date first, so a cluster's head (its first mention) is always at least as
    precise as a later mention, and the two agree when the head's date cut to the later one's precision is the
    later one's date: clusters are indexed by that cut date at each precision, and a mention looks up one
    bucket instead of comparing with every cluster of its pair (time linear in the mentions, after the sort).
    """
    if mentions.is_empty():
        return mentions.with_columns(pl.lit(None, pl.Utf8).alias("event_id"))
    ordered = mentions.with_columns(
        *group_columns(families),
        pl.col("date_precision").replace_strict(PRECISION_RANK, default=3).alias("_rank"),
    ).sort(["_family", "_pair", "status", "_rank", "event_date", "document_name", "sentence_index", "char_start"],
           nulls_last=True)
    opened: dict[tuple, int] = {}  # clusters opened per group: the ordinal in the event id
    buckets: dict[tuple, list[_Cluster]] = {}  # (group, precision, date cut to it) -> clusters, in opening order
    pointers: dict[tuple, int] = {}
    event_ids: dict[str, str] = {}
    rows = ordered.select("_family", "_pair", "status", "event_date", "date_precision", "document_key", "mention_key")
    for family, pair, status, event_date, precision, document_key, mention_key in rows.iter_rows():
        group = (family, pair, status)
        dated = event_date is not None and precision in PRECISION_RANK
        found = None
        if dated:
            bucket_key = (group, precision, _truncate(event_date, precision))
            found = _first_without(buckets.get(bucket_key, []), pointers, bucket_key, document_key)
        if found is None:
            ordinal = opened.get(group, 0)
            opened[group] = ordinal + 1
            found = _Cluster(event_id=stable_key(*group, event_date, precision, ordinal))
            if dated:  # later mentions are as or less precise: index the head at its precision and coarser ones
                for level in LEVELS[LEVELS.index(precision):]:
                    buckets.setdefault((group, level, _truncate(event_date, level)), []).append(found)
        found.documents.add(document_key)
        event_ids[mention_key] = found.event_id
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
