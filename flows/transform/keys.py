"""Deterministic surrogate keys: the same natural key gives the same key in every run."""
from __future__ import annotations

import hashlib

import polars as pl


def stable_key(*parts: object) -> str:
    """16 hex chars of sha1 over the parts (None as empty), joined by a unit separator."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def key_expr(*columns: str) -> pl.Expr:
    """The same key as stable_key, computed over frame columns (vectorised via a struct)."""
    return pl.struct(columns).map_elements(
        lambda row: stable_key(*(row[c] for c in columns)), return_dtype=pl.Utf8
    )


def date_key_expr(column: str) -> pl.Expr:
    """yyyymmdd integer key of a date column (null stays null)."""
    return pl.col(column).dt.strftime("%Y%m%d").cast(pl.Int32)
