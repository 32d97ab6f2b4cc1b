"""Validate a frame against its Pandera model; failing rows become quarantine rows, never silent drops."""
from __future__ import annotations

import json
import re

import pandera.polars as pa
import polars as pl
from pandera.errors import SchemaErrors

from schemas.quarantine import quarantine_frame

ROW_INDEX = "__row__"


_CHECK_RX = re.compile(r"^(?P<name>\w+)(?:\((?P<args>.*)\))?$", re.DOTALL)
_LIST_PREVIEW = 8


def _value(value: object) -> str:
    """A failing value as a person reads it: -5 rather than -5.0, text quoted."""
    if value is None:
        return "a missing value"
    text = str(value)
    try:
        number = float(text)
    except ValueError:
        return repr(text) if len(text) <= 80 else repr(text[:77] + "...")
    return f"{number:g}" if number == number and abs(number) < 1e16 else text


def _options(args: str) -> str:
    """An isin list, shortened when long."""
    items = [item.strip() for item in args.strip("[]").split(",") if item.strip()]
    shown = ", ".join(items[:_LIST_PREVIEW])
    return shown + (f" and {len(items) - _LIST_PREVIEW} more" if len(items) > _LIST_PREVIEW else "")


# What each Pandera check means, as the end of a sentence about the failing value ({v}); {args} are the
# check's arguments, {lo}/{hi} its two bounds, {options} an isin list shortened when long.
_SENTENCES = {
    "not_nullable": "value is missing",
    "field_uniqueness": "{v} appears more than once",
    "unique": "{v} appears more than once",
    "multiple_fields_uniqueness": "{v} appears more than once",
    "greater_than_or_equal_to": "{v} is below {args}",
    "greater_than": "{v} is not above {args}",
    "less_than_or_equal_to": "{v} is above {args}",
    "less_than": "{v} is not below {args}",
    "in_range": "{v} is not between {lo} and {hi}",
    "isin": "{v} is not one of {options}",
    "notin": "{v} is not allowed",
    "str_length": "{v} is not {lo} to {hi} characters long",
    "str_matches": "{v} does not have the expected form {args}",
    "not_in_the_future": "{v} is in the future",
}
_TWO_BOUNDS = {"in_range", "str_length"}


def describe_failure(column: str | None, check: str, value: object) -> str:
    """One Pandera failure as a sentence a person understands: "column 'value_usd': -5 is below 0"."""
    where = f"column '{column}'" if column else "row"
    match = _CHECK_RX.match(str(check))
    name, args = (match["name"], match["args"] or "") if match else (str(check), "")
    bounds = [part.strip() for part in args.split(",")] if args else []
    sentence = _SENTENCES.get(name)
    if sentence is None or (name in _TWO_BOUNDS and len(bounds) != 2):
        return f"{where}: {_value(value)} fails {check}"
    lo, hi = bounds if len(bounds) == 2 else ("", "")
    return f"{where}: " + sentence.format(v=_value(value), args=args, lo=lo, hi=hi,
                                          options=_options(args) if name == "isin" else "")


def _describe(case: dict) -> str:
    if case.get("schema_context") == "DataFrameSchema":
        return describe_failure(None, str(case.get("check")), case.get("failure_case"))
    return describe_failure(case.get("column"), str(case.get("check")), case.get("failure_case"))


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
