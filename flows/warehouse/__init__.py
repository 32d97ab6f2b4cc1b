"""The DuckDB warehouse: connection, the one-transaction load, run state, the run lock, stage counts.

Other rooms open and read the database through `connect` and `fetch_frame` only."""
from flows.warehouse.connection import connect, fetch_frame

__all__ = ["connect", "fetch_frame"]
