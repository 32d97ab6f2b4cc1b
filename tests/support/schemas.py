"""Database schemas for tests, from data rather than copied SQL.

`v0_ddl()`: the frozen schema of a dyad database from before the dyad_schema marker (version 0), written out
from its compact form in tests/fixtures/warehouse/dyad_v0_schema.yml, so the migration test starts from the
old tables while no second copy of the DDL sits beside sql/ddl.
"""
from __future__ import annotations

from pathlib import Path

import yaml

V0_SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "warehouse" / "dyad_v0_schema.yml"


def v0_ddl(path: Path = V0_SCHEMA) -> str:
    """`create table` statements for every table of the frozen schema, in file order.

    A line `etl_run_stage: 'run_id varchar not null; ...; primary key (run_id, stage)'` becomes
    `create table if not exists etl_run_stage (run_id varchar not null, ..., primary key (run_id, stage));`.
    """
    tables: dict[str, str] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return "\n".join(f"create table if not exists {name} ({', '.join(part.strip() for part in body.split(';'))});"
                     for name, body in tables.items())
