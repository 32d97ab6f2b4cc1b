"""Conform extracted facts to the dimensions: a country code the reference does not know is quarantined (a
document's pair with one is dropped: the document loads with no pair)."""
from __future__ import annotations

import json

import polars as pl

from schemas.quarantine import quarantine_frame

ISO3_COLUMNS = {
    "event_mentions": ["actor_iso3", "target_iso3"],
    "person_mentions": ["country_iso3"],
    "memberships": ["country_iso3"],
    "trade_claims": ["exporter_iso3", "importer_iso3"],
    "figures": ["exporter_iso3", "importer_iso3"],
}


def conform_countries(staged: dict[str, pl.DataFrame], known_iso3: pl.Series,
                      sources: dict[str, str]) -> tuple[dict[str, pl.DataFrame], pl.DataFrame]:
    """(frames keeping rows whose country codes are all in dim_country, quarantine rows for the others)."""
    known = known_iso3.unique().implode()
    kept, rejected = {}, []
    for kind, frame in staged.items():
        columns = [c for c in ISO3_COLUMNS.get(kind, []) if c in frame.columns]
        if not columns or frame.is_empty():
            kept[kind] = frame
            continue
        unknown = [pl.col(c).is_not_null() & ~pl.col(c).is_in(known) for c in columns]
        bad_mask = pl.any_horizontal(unknown)
        bad = frame.filter(bad_mask)
        kept[kind] = frame.filter(~bad_mask)
        for row in bad.to_dicts():
            wrong = [f"column '{c}': '{row[c]}' is not a known country code" for c in columns
                     if row[c] is not None and row[c] not in set(known_iso3.to_list())]
            rejected.append({"stage": "transform", "source": sources.get(row["document_key"], row["document_key"]),
                             "row_ref": f"{kind} in sentence {row['sentence_index']}", "reason": "; ".join(wrong),
                             "raw": json.dumps(row, default=str, ensure_ascii=False)})
    return kept, quarantine_frame(rejected)


def conform_pairs(documents: pl.DataFrame, known_iso3: pl.Series) -> pl.DataFrame:
    """The documents with their pair (pair_a, pair_b) cleared where a side is not in dim_country: the document's
    events then take the pair of most of their mentions (sql/views/v_event_scope.sql), as with no pair at all."""
    if "pair_a" not in documents.columns:
        return documents
    known = known_iso3.unique().implode()
    bad = ~(pl.col("pair_a").is_in(known) & pl.col("pair_b").is_in(known)).fill_null(True)
    return documents.with_columns(pl.when(bad).then(None).otherwise(pl.col(c)).alias(c) for c in ("pair_a", "pair_b"))
