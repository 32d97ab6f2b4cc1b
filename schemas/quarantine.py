"""The quarantine: every row a stage rejects, with a reason a person understands and its raw content."""
from __future__ import annotations

import json
from typing import Any, Mapping

import polars as pl
import pandera.polars as pa

STAGES = ["ingest", "extract", "transform", "load"]


class QuarantineRow(pa.DataFrameModel):
    stage: str = pa.Field(isin=STAGES)
    source: str  # the file (path relative to the sources folder) the row came from
    row_ref: str  # where in that file: "line 12", "record 3", "sentence 4", "file"
    reason: str = pa.Field(str_length={"min_value": 1})
    raw: str = pa.Field(nullable=True)  # the rejected content as read, JSON for structured rows

    class Config:
        strict = True
        coerce = True


QUARANTINE_SCHEMA = {"stage": pl.Utf8, "source": pl.Utf8, "row_ref": pl.Utf8, "reason": pl.Utf8, "raw": pl.Utf8}


def quarantine_frame(rows: list[Mapping[str, Any]] | None = None) -> pl.DataFrame:
    """Quarantine rows as a frame with the quarantine schema (raw values that are not text become JSON)."""
    clean = []
    for row in rows or []:
        raw = row.get("raw")
        if raw is not None and not isinstance(raw, str):
            raw = json.dumps(raw, default=str, ensure_ascii=False)
        clean.append({**{k: row.get(k) for k in QUARANTINE_SCHEMA}, "raw": raw})
    return pl.DataFrame(clean, schema=QUARANTINE_SCHEMA)
