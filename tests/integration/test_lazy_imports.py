"""Commands that do not run a flow never import Prefect (1.2-1.6 s of every start): `--help` of every command,
and real `sql`, `quarantine`, `check`, `docs`, `export` and `report` calls on a built database, each in a fresh
interpreter; those that only read the database through DuckDB import no Polars (~0.3 s) or spaCy either."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from flows.cli.app import app

pytestmark = pytest.mark.slow

# Run the CLI in a fresh interpreter, then say whether any prefect module was imported on the way.
PROBE = """
import sys
from flows.cli.app import app
try:
    app(sys.argv[1:], prog_name="dyad")
    code = 0
except SystemExit as exc:
    code = exc.code or 0
for package in ("prefect", "polars", "spacy"):
    print(f"{package} imported:", any(m == package or m.startswith(package + ".") for m in sys.modules))
sys.exit(code)
"""
FLOW_COMMANDS = {"run", "serve"}  # these start a flow: Prefect is what they are for


def _probe(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def _commands() -> list[list[str]]:
    group = typer.main.get_command(app)
    found = [[]]
    for name, command in group.commands.items():
        found.append([name])
        found += [[name, sub] for sub in getattr(command, "commands", {})]
    return found


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "dyad")
def test_help_does_not_import_prefect(command: list[str], tmp_path: Path) -> None:
    done = _probe([*command, "--help"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "prefect imported: False" in done.stdout, done.stdout[-500:]
    assert "polars imported: False" in done.stdout, done.stdout[-500:]


@pytest.mark.parametrize("args", [
    ["sql", "select count(*) as n from v_relations_timeline"],
    ["quarantine"],
    ["check"],
    ["docs", "v_relations_timeline"],
    ["export", "--to", "{tmp}/exports"],
    ["report", "--out", "{tmp}/report.html", "--quiet"],
], ids=lambda a: a[0])
def test_commands_without_a_flow_do_not_import_prefect(args: list[str], bundled_db: Path, tmp_path: Path) -> None:
    done = _probe([a.format(tmp=tmp_path) for a in args] + ["--db", str(bundled_db)], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "prefect imported: False" in done.stdout, done.stdout[-500:]
    assert "spacy imported: False" in done.stdout, done.stdout[-500:]
    if args[0] != "report":  # the report shapes its tables in Polars; the others only read through DuckDB
        assert "polars imported: False" in done.stdout, done.stdout[-500:]
    if args[0] == "sql":
        assert "8" in done.stdout  # the bundled timeline's events
    if args[0] == "report":
        assert (tmp_path / "report.html").stat().st_size > 10_000
