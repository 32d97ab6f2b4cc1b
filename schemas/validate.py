"""Validate a frame against its Pandera model; failing rows become quarantine rows, never silent drops."""
from __future__ import annotations

import json

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from schemas.quarantine import quarantine_frame

ROW_INDEX = "__row__"


def _describe(case: dict) -> str:
    check, value = str(case.get("check")), case.get("failure_case")
    if case.get("schema_context") == "DataFrameSchema":
        return f"row fails check {check}"
    return f"column '{case.get('column')}': {value!r} fails {check}"


def validate_or_quarantine(
    model: type[pa.DataFrameModel],
    frame: pl.DataFrame,
    *,
    stage: str,
    source_column: str | None = None,
    source: str = "",
    row_ref_column: str | None = None,
    row_ref_label: str = "row",
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows that pass the model, quarantine rows for the ones that fail, with every reason joined).

    Errors about the frame as a whole (a missing column, a wrong dtype that coercion cannot fix) are not
    row problems: they are raised, because they mean the producing stage is wrong, not the data.
    """
    try:
        return model.validate(frame, lazy=True), quarantine_frame()
    except SchemaErrors as exc:
        cases = exc.failure_cases
        if cases.filter(pl.col("index").is_null()).height:
            raise
    row_cases = cases
    reasons = (
        row_cases.with_columns(pl.struct(pl.all()).map_elements(_describe, return_dtype=pl.Utf8).alias("reason"))
        .group_by("index")
        .agg(pl.col("reason").unique().sort().str.join("; "))
        .rename({"index": ROW_INDEX})
        .with_columns(pl.col(ROW_INDEX).cast(pl.UInt32))
    )
    indexed = frame.with_row_index(ROW_INDEX)
    bad = indexed.join(reasons, on=ROW_INDEX, how="inner").sort(ROW_INDEX)
    good = indexed.join(reasons, on=ROW_INDEX, how="anti").drop(ROW_INDEX)
    rows = []
    for rec in bad.to_dicts():
        reason = rec.pop("reason")
        index = rec.pop(ROW_INDEX)
        rows.append({
            "stage": stage,
            "source": str(rec.get(source_column)) if source_column else source,
            "row_ref": f"{row_ref_label} {rec.get(row_ref_column) if row_ref_column else index + 1}",
            "reason": reason,
            "raw": json.dumps(rec, default=str, ensure_ascii=False),
        })
    return model.validate(good, lazy=True), quarantine_frame(rows)
