"""Reading dyad's own YAML files (sql/star.yml, sql/columns.yml) with libyaml's parser when PyYAML has it.

Every run reads them four times; PyYAML's pure-Python parser took ~20 ms of CPU for that, libyaml's ~2 ms,
with the same result (both are the safe loader: plain data, no Python objects).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML built without libyaml has only the Python one


def load_yaml_text(text: str) -> Any:
    """The data of a YAML document, read safely (no Python objects)."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def read_yaml(path: Path) -> Any:
    """The data of a YAML file (UTF-8), read safely."""
    return load_yaml_text(path.read_text(encoding="utf-8"))
