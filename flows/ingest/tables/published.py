"""Published trade figures (period_start, period_end as YYYY-MM, measure, exporter, importer, value_usd, ...)."""
from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

import duckdb
import pandera.errors
import polars as pl

from flows.ingest.tables.detect import open_table
from flows.ingest.tables.sources import split_records
from flows.ingest.tables.trade_load import FileOutcome
from schemas.quarantine import QUARANTINE_SCHEMA
from schemas.trade import TradeReported

OPTIONAL = ["qualifier", "reported_by", "speaker", "source_url", "note"]
# a comma in a figure separates thousands ('1,234.5', '424,400,000') or it is not read: '4244,5' may be a decimal
# comma (4244.5) or a slip (42445), and guessing either would load a wrong figure without a word
THOUSANDS = r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$"
# the years a statistics figure may fall in, as for Comtrade's periods (stage_trade.sql): '0000-01' or '9999-12'
# is a typo or a placeholder, not a period
YEARS = (1950, 2100)
COLUMNS = list(TradeReported.to_schema().columns)


def month_start(text: pl.Expr) -> pl.Expr:
    """First day of a YYYY-MM (or YYYY-MM-DD) period bound."""
    return (text.str.slice(0, 7) + "-01").str.to_date("%Y-%m-%d", strict=False)


def salvage_csv(data: bytes) -> pl.DataFrame:
    """A CSV that Polars cannot parse, record by record: the records that parse, and each other line with its reason.

    Published-figure files are a few hundred lines, so a Python pass over them is cheap; it only runs when the
    fast reader has failed (an unclosed quote or a line with too many fields), so one bad line costs one row. A
    quoted note that holds a line break stays one record, numbered by the line it starts on.
    """
    data = data.removeprefix(codecs.BOM_UTF8)
    head = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    header = next(csv.reader([head]), [])
    found = split_records(data.split(b"\n", 1)[1] if b"\n" in data else b"", len(header))
    rows = sorted([(number, record, None) for number, record in found.good]
                  + [(number, line, why) for number, (why, line) in found.bad.items()])
    records, numbers, errors, texts = [], [], [], []
    for number, record, error in rows:
        text = record.decode("utf-8", errors="replace").rstrip("\r")
        if not text.strip():
            continue
        fields = [None] * len(header)
        if error is None:
            try:
                fields = next(csv.reader(io.StringIO(text, newline=""), strict=True))
            except csv.Error as err:
                error = f"not valid CSV ({err}): an unclosed or stray quote"
        if error is None and len(fields) != len(header):
            error, fields = f"{len(fields)} fields where the header has {len(header)}", [None] * len(header)
        records.append(fields)
        numbers.append(number + 2)
        errors.append(error)
        texts.append(text if error else None)
    frame = pl.DataFrame(records, schema={c: pl.Utf8 for c in header}, orient="row")
    return frame.with_columns(pl.Series("line", numbers, pl.UInt32), pl.Series("parse_error", errors, pl.Utf8),
                              pl.Series("raw_line", texts, pl.Utf8))


def read_published(path: Path, rel: str) -> pl.DataFrame:
    """The file as text, then typed into fact_trade_reported's columns (unparseable values become null)."""
    if path.suffix.lower() == ".parquet":
        raw = pl.read_parquet(path).cast(pl.Utf8).with_row_index("line", offset=2)
    else:
        with open_table(path) as handle:  # gunzipped as a stream, stopped if it is a decompression bomb
            data = handle.read()
        raw = None
        if not any(line.count(b'"') % 2 for line in data.split(b"\n")):
            # every quote closes on its line: Polars reads record n from line n + 1 (else salvage_csv numbers them)
            try:
                raw = pl.read_csv(data, infer_schema_length=0, encoding="utf8-lossy").with_row_index("line", offset=2)
            except pl.exceptions.PolarsError:
                pass
        if raw is None:
            raw = salvage_csv(data)
    for name in ("parse_error", "raw_line"):
        if name not in raw.columns:
            raw = raw.with_columns(pl.lit(None, pl.Utf8).alias(name))
    raw = raw.rename({c: c.strip().lstrip("\ufeff").lower() for c in raw.columns})
    raw = raw.with_columns(pl.lit(None, pl.Utf8).alias(c) for c in OPTIONAL if c not in raw.columns)
    written = [c for c in raw.columns if c not in ("line", "parse_error", "raw_line")]
    text = {c: pl.col(c).str.strip_chars().replace("", None) for c in raw.columns}
    return raw.select(
        month_start(text["period_start"]).alias("period_start"),
        month_start(text["period_end"]).dt.month_end().alias("period_end"),
        text["measure"].str.to_lowercase().alias("measure"),
        text["exporter_iso3"].str.to_uppercase().alias("exporter_iso3"),
        text["importer_iso3"].str.to_uppercase().alias("importer_iso3"),
        pl.when(text["value_usd"].str.contains(",") & ~text["value_usd"].str.contains(THOUSANDS)).then(None)
        .otherwise(text["value_usd"].str.replace_all(r"[,_\s]", "")).cast(pl.Float64, strict=False).alias("value_usd"),
        text["value_usd"].alias("value_text"),
        text["qualifier"].str.to_lowercase().alias("qualifier"),
        text["reported_by"].str.to_uppercase().alias("reported_by"),
        text["speaker"].alias("speaker"),
        text["source_url"].alias("source_url"),
        text["note"].alias("note"),
        pl.lit(rel).alias("source"),
        pl.format("line {}", pl.col("line")).alias("row_ref"),
        pl.coalesce("raw_line", pl.struct(written).struct.json_encode()).alias("raw"),
        "parse_error",
    )


def judge(frame: pl.DataFrame, known_iso3: set[str]) -> pl.DataFrame:
    """frame with a reason column: null when the row loads, else why it does not."""
    unknown = ~pl.col("exporter_iso3").is_in(list(known_iso3)) | ~pl.col("importer_iso3").is_in(list(known_iso3))
    reporter_unknown = pl.col("reported_by").is_not_null() & ~pl.col("reported_by").is_in(list(known_iso3))
    # a figure repeated line for line (a pasted block, a re-export) counts once, like Comtrade's duplicates
    later_copy = pl.col("row_ref").last().over([c for c in COLUMNS if c != "row_ref"])
    reason = (
        pl.when(pl.col("parse_error").is_not_null())
        .then(pl.col("parse_error"))
        .when(pl.col("period_start").is_null() | pl.col("period_end").is_null())
        .then(pl.lit("period is not YYYY-MM"))
        .when(~pl.col("period_start").dt.year().is_between(*YEARS) | ~pl.col("period_end").dt.year().is_between(*YEARS))
        .then(pl.format("period {} to {} is outside the years {}-{}", "period_start", "period_end",
                        pl.lit(YEARS[0]), pl.lit(YEARS[1])))
        .when(pl.col("value_usd").is_null() & pl.col("value_text").str.contains(","))
        .then(pl.format("value_usd '{}' has a comma that does not separate thousands (a decimal comma?): not guessed",
                        "value_text"))
        .when(pl.col("value_usd").is_null())
        .then(pl.lit("value_usd is not a number"))
        .when(pl.any_horizontal(pl.col("measure", "exporter_iso3", "importer_iso3").is_null()))
        .then(pl.lit("measure, exporter_iso3 or importer_iso3 is empty"))
        .when(unknown)
        .then(pl.format("country {} or {} is not in dim_country", "exporter_iso3", "importer_iso3"))
        .when(reporter_unknown)
        .then(pl.format("reported_by {} is not in dim_country", "reported_by"))
        .when(pl.col("row_ref") != later_copy)
        .then(pl.format("the same figure as {} of the same file: counted once, from the later line", later_copy))
    )
    frame = frame.with_columns(reason.alias("reason"))
    ok = frame.filter(pl.col("reason").is_null())
    try:
        TradeReported.validate(ok.select(COLUMNS), lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.filter(pl.col("index").is_not_null())
        failed = cases.group_by("index").agg(
            pl.format("failed {} {} (value {})", pl.col("column").fill_null("row"), pl.col("check"),
                      pl.col("failure_case").cast(pl.Utf8)).first().alias("audit")
        ).with_columns(pl.col("index").cast(pl.UInt32))
        ok = ok.with_row_index("index").join(failed, on="index", how="left").with_columns(
            pl.col("audit").alias("reason")
        ).drop("index", "audit")
    return pl.concat([ok, frame.filter(pl.col("reason").is_not_null())], how="vertical_relaxed")


def load_published(con: duckdb.DuckDBPyConnection, path: Path, rel: str, known_iso3: set[str]) -> FileOutcome:
    """Validate the published figures and insert them into fact_trade_reported."""
    judged = judge(read_published(path, rel), known_iso3)
    good = judged.filter(pl.col("reason").is_null()).select(COLUMNS)
    # loading the same file again replaces its rows rather than adding them twice
    con.execute("delete from fact_trade_reported where source = $source", {"source": rel})
    if good.height:
        con.register("trade_reported_new", good)
        try:
            columns = ", ".join(COLUMNS)
            con.execute(f"insert into fact_trade_reported ({columns}) select {columns} from trade_reported_new")
        finally:
            con.unregister("trade_reported_new")
    quarantine = judged.filter(pl.col("reason").is_not_null()).select(
        pl.lit("ingest").alias("stage"), "source", "row_ref", "reason", "raw"
    ).cast(QUARANTINE_SCHEMA)
    return FileOutcome(rows_in=judged.height, loaded=good.height, quarantine=quarantine)
