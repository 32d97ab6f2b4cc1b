"""The house rule as a test: import-linter's contracts in pyproject.toml (rooms depend downwards, stages
never import each other, stages reach the database only through the warehouse API)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_import_contract_is_kept() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_flows_has_no_loose_modules_but_settings() -> None:
    loose = sorted(p.name for p in (ROOT / "flows").glob("*.py") if p.name not in {"__init__.py", "settings.py"})
    assert loose == []
