"""The extractor's knowledge as data: tables in this folder, loaded once and cached."""
from __future__ import annotations

import csv
import tomllib
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
SOURCES_TABLES = LEXICON_DIR.parent.parent / "sources" / "tables"


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV table in flows/lexicon/ (or sources/tables/ for the bundled reference tables)."""
    path = LEXICON_DIR / name
    if not path.exists():
        path = SOURCES_TABLES / name
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@lru_cache(maxsize=None)
def read_toml(name: str) -> dict:
    """A TOML file in flows/lexicon/."""
    with (LEXICON_DIR / name).open("rb") as handle:
        return tomllib.load(handle)
