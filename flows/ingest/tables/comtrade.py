"""UN Comtrade: API v1 "final data" (JSON response or the 47-column CSV) and the legacy 35-column CSV."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl

from flows.ingest.tables.detect import BadJsonLine, read_json
from flows.ingest.tables.sources import PARSE_ERROR, RAW_LINE, csv_batches, frame_batches, prefetched
from flows.ingest.tables.trade_load import FileOutcome, StageContext, load_batches
from flows.ingest.tables.whole_file import load_whole

SOURCE = "comtrade"
V1_COLUMNS = [
    "reporterCode", "partnerCode", "flowCode", "classificationCode", "cmdCode", "freqCode", "refYear",
    "refMonth", "primaryValue", "cifvalue", "fobvalue", "netWgt", "qty", "qtyUnitAbbr", "partner2Code",
    "motCode", "customsCode", "isQtyEstimated", "isNetWgtEstimated",
]
LEGACY_COLUMNS = [
    "Classification", "Period", "Trade Flow Code", "Reporter Code", "Partner Code", "2nd Partner Code",
    "Customs Proc. Code", "Mode of Transport Code", "Commodity Code", "Qty Unit", "Qty", "Netweight (kg)",
    "Trade Value (US$)", "CIF Trade Value (US$)", "FOB Trade Value (US$)", "Flag",
]


class ComtradeResponseError(ValueError):
    """A Comtrade response that carries an error instead of data (rate limit, bad query)."""


def read_v1_records(path: Path) -> pl.DataFrame:
    """The records of an API v1 JSON response ({"data": [...]}, or a bare list), one row each."""
    doc = read_json(path)
    records = doc.get("data") if isinstance(doc, dict) else doc
    error = doc.get("error") if isinstance(doc, dict) else None
    if error and not records:
        raise ComtradeResponseError(f"the response holds an error and no data: {error}")
    if not records:
        return pl.DataFrame(schema={c: pl.Utf8 for c in V1_COLUMNS})
    if not isinstance(records, list):
        raise ComtradeResponseError(f"'data' is {type(records).__name__}, not a list of records")
    # a record that is not an object (a number, a string, a list) is that record's problem: it stays in
    # its place with its reason, so the records after it keep their numbers
    rows = [_as_text(r) for r in records]
    return pl.DataFrame(rows, schema={name: pl.Utf8 for name in dict.fromkeys(k for r in rows for k in r)})


def _as_text(record: object) -> dict[str, str | None]:
    """A record's values as text, as the layout SQL would cast them ("0401" stays "0401", 2022 is "2022", true is
    "True"); a record that is no object, or holds a list or object where a value belongs, keeps its place with
    the reason, so one odd record never costs the file (Polars finds no one type for such a column)."""
    if isinstance(record, BadJsonLine):
        return {PARSE_ERROR: record.reason, RAW_LINE: str(record)}
    if not isinstance(record, dict):
        kind = "null" if record is None else type(record).__name__
        return {PARSE_ERROR: f"record is not a JSON object but {kind}: not a trade record",
                RAW_LINE: json.dumps(record)[:1000]}
    nested = sorted(str(k) for k, v in record.items() if isinstance(v, (list, dict)))
    if nested:
        return {PARSE_ERROR: f"{', '.join(nested[:3])} holds a list or an object, not a value: not a trade record",
                RAW_LINE: json.dumps(record, default=str)[:1000]}
    return {str(k): None if v is None else str(v) for k, v in record.items()}


def load_v1_json(con: duckdb.DuckDBPyConnection, path: Path, rel: str) -> FileOutcome:
    """Load an API v1 JSON response."""
    batches = frame_batches(read_v1_records(path), V1_COLUMNS)
    return load_batches(con, "comtrade_v1", batches, StageContext(SOURCE, rel, "record ", 1))


def load_v1_csv(con: duckdb.DuckDBPyConnection, path: Path, rel: str) -> FileOutcome:
    """Load an API v1 CSV (Comtrade+ download or a comtradeapicall DataFrame saved as CSV): a plain file in one pass
    of DuckDB's reader, any other streamed block by block."""
    context = StageContext(SOURCE, rel)
    whole = load_whole(con, path, V1_COLUMNS, "comtrade_v1", context)
    if whole is not None:
        return whole
    return load_batches(con, "comtrade_v1", prefetched(csv_batches(path, V1_COLUMNS)), context)


def load_legacy_csv(con: duckdb.DuckDBPyConnection, path: Path, rel: str) -> FileOutcome:
    """Load a legacy Comtrade CSV (Windows line endings and empty ISO columns are fine), streamed."""
    context = StageContext(SOURCE, rel)
    whole = load_whole(con, path, LEGACY_COLUMNS, "comtrade_legacy", context)
    if whole is not None:
        return whole
    return load_batches(con, "comtrade_legacy", prefetched(csv_batches(path, LEGACY_COLUMNS)), context)
