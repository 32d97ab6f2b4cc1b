"""dyad's tables as the statements that create them: one file a table in sql/ddl, and the staged tables
(`stg_<kind>`) written from their one owner, the staging models of schemas/staging.py.

A staged table holds a staging frame as the extractor handed it on (an incremental run reads it back into the
model's frame for the documents it does not read again), so its columns are the model's, in the model's order;
writing them a second time in SQL meant two lists to keep equal. Every other table keeps its hand-written DDL.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from flows.warehouse.objects import quote_ident

if TYPE_CHECKING:  # polars only for the annotation: read-only commands never import it here
    import polars as pl

# The staging models (pandera, polars) are imported only where a table is created or described: the commands
# that only read the database (`dyad sql`, `docs`, `check`, `export`) may import this module through the
# warehouse and never pay for them (tests/integration/test_lazy_imports.py).

# polars dtype name of a staging column -> its DuckDB type. Counts and character offsets are `integer` as in the
# rest of the star (a sentence index or an offset into one document fits 32 bits).
_DUCKDB_TYPES = {"String": "varchar", "Int64": "integer", "Float64": "double", "Date": "date", "Boolean": "boolean"}


def duckdb_type(dtype: pl.DataType) -> str:
    """`String` -> `varchar`, `List(String)` -> `varchar[]`."""
    inner = getattr(dtype, "inner", None)
    if inner is not None:
        return duckdb_type(inner) + "[]"
    try:
        return _DUCKDB_TYPES[dtype.base_type().__name__]
    except KeyError:
        raise TypeError(f"no DuckDB type for the staging dtype {dtype}: add it to {__name__}._DUCKDB_TYPES") from None


def staging_ddl(kind: str) -> str:
    """The DDL of `stg_<kind>`, from its staging model: a header comment (the table's description), then
    `create table if not exists` with the model's columns, in order, `not null` where the model allows none."""
    from schemas.staging import STAGING_MODELS

    model = STAGING_MODELS[kind]
    columns = [f"    {quote_ident(name)} {duckdb_type(column.dtype.type)}{'' if column.nullable else ' not null'}"
               for name, column in model.to_schema().columns.items()]
    return (f"-- Staged {kind.replace('_', ' ')} per document as the extractor found them (schemas/staging.py "
            f"{model.__name__}), reused by incremental runs.\n"
            f"create table if not exists stg_{kind} (\n" + ",\n".join(columns) + "\n);\n")


def table_ddl(sql_dir: Path) -> dict[str, str]:
    """Table name -> the statement that creates it if it does not exist, every table of dyad's, in name order."""
    from schemas.staging import STAGING_MODELS

    found = {path.stem: path.read_text(encoding="utf-8") for path in (sql_dir / "ddl").glob("*.sql")}
    found.update({f"stg_{kind}": staging_ddl(kind) for kind in STAGING_MODELS})
    return dict(sorted(found.items()))
