"""The extractor's knowledge as data: tables in this folder, loaded once and cached.

`DYAD_LEXICON_EXTRA` (a folder) adds rows without editing this one: a CSV there with the name of a table here is
read after it (same columns), so a new event type is a row in `event_types.csv` and rows in `event_triggers.csv`
in that folder. Read once per process, like the tables themselves.
"""
from __future__ import annotations

import csv
import os
import re
import tomllib
from collections.abc import Collection, Mapping
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent
SOURCES_TABLES = LEXICON_DIR.parent.parent / "sources" / "tables"
EXTRA_ENV = "DYAD_LEXICON_EXTRA"


def extra_dir() -> Path | None:
    """The folder of added lexicon rows named by DYAD_LEXICON_EXTRA, if any."""
    value = os.environ.get(EXTRA_ENV)
    return Path(value) if value else None


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of one table; a row with more fields than the header is refused with its line, not cut: an unquoted
    comma in a note ('opened in 1961, the first one') would otherwise drop the note's tail without a word."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            if None in row:
                raise ValueError(f"{path}:{reader.line_num}: more fields than the header "
                                 f"({', '.join(reader.fieldnames or [])}); quote a field that holds a comma")
            rows.append(row)
        return rows


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV table in flows/lexicon/ (or sources/tables/ for the bundled reference tables), plus added rows."""
    path = LEXICON_DIR / name
    if not path.exists():
        path = SOURCES_TABLES / name
    rows = _rows(path)
    extra = extra_dir()
    if extra is not None and (extra / name).exists():
        rows += _rows(extra / name)
    return tuple(rows)


@lru_cache(maxsize=None)
def read_toml(name: str) -> dict:
    """A TOML file in flows/lexicon/."""
    with (LEXICON_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def compile_patterns(data: Mapping, keys: Mapping[str, str], cased: Collection[str] = ()) -> dict[str, re.Pattern[str]]:
    """A lexicon table's patterns under the reader's names (keys: name -> the table's key), compiled: a string is
    one pattern, a list its alternatives; case-blind unless the name is in cased. A new pattern is a key here."""
    return {name: re.compile(data[key] if isinstance(data[key], str) else "|".join(data[key]),
                             0 if name in cased else re.I) for name, key in keys.items()}
