"""Per-stage row counts: rows in = loaded + quarantined + skipped, for every stage of every run."""
from __future__ import annotations

import polars as pl

STAGE_COUNT_SCHEMA = {"stage": pl.Utf8, "rows_in": pl.Int64, "loaded": pl.Int64, "quarantined": pl.Int64,
                      "skipped": pl.Int64}


def stage_counts(stage: str, *, rows_in: int, loaded: int, quarantined: int, skipped: int = 0) -> pl.DataFrame:
    """One etl_run_stage row; raises when the numbers do not reconcile, since that means a row was lost."""
    if rows_in != loaded + quarantined + skipped:
        raise AssertionError(
            f"stage {stage}: {rows_in} rows in but {loaded} loaded + {quarantined} quarantined + {skipped} skipped"
        )
    return pl.DataFrame([{"stage": stage, "rows_in": rows_in, "loaded": loaded, "quarantined": quarantined,
                          "skipped": skipped}], schema=STAGE_COUNT_SCHEMA)
