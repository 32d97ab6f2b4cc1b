"""Data audits on the star, like `dbt test`: each is a query returning the rows that violate it.

Two kinds: the hand-written checks of sql/checks/ (one a file), and the grain, uniqueness and foreign-key
audits generated from sql/star.yml. `dyad run` runs them all before it publishes; `dyad check` runs them on
any existing database. An incremental run runs each audit's scoped form where it has one (a hand-written
check's is sql/checks/scoped/<name>.sql; the generated ones make their own): the same audit over the rows the
run wrote and the kept rows pointing at keys it deleted (flows/warehouse/audit_scope.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from flows.common.yamlfile import read_yaml
from flows.warehouse.objects import quote_ident, star_columns, table_names

STAR_YAML = "star.yml"


class AuditError(RuntimeError):
    """A data check on the star found violating rows: the run is rolled back."""


@dataclass(frozen=True)
class Audit:
    """One audit: its name, what it checks in words, and the query returning violating rows."""

    name: str
    description: str
    sql: str
    # the same audit over the rows an incremental run wrote (flows.warehouse.audit_scope's `_w_`/`_g_` tables)
    scoped: str | None = None


@dataclass
class AuditResult:
    """One audit's outcome: how many rows violate it (0 passes) and a few of them."""

    name: str
    description: str
    violations: int
    examples: list[tuple] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        """True when no row violates the audit and the query ran."""
        return self.violations == 0 and self.error is None


def _written(table: str, columns: list[str]) -> str:
    """Rows of `table` (alias x) that share their `columns` with a row the run wrote (nulls included)."""
    match = " and ".join(f"w.{quote_ident(c)} is not distinct from x.{quote_ident(c)}" for c in columns)
    return f"exists (select 1 from {quote_ident('_w_' + table)} as w where {match})"


def generated_audits(star: dict) -> list[Audit]:
    """Grain (not null, unique), unique and foreign-key audits for every table of star.yml, each with its form
    scoped to an incremental run's rows: a duplicate or a null key needs a written row among the rows sharing
    the key; a dangling reference needs a written row or a kept row pointing at a key the run deleted."""
    audits = []
    for table, spec in star.items():
        quoted = quote_ident(table)
        grain = star_columns(spec.get("grain", []))
        if grain:
            cols = ", ".join(quote_ident(c) for c in grain)
            nulls = " or ".join(f"{quote_ident(c)} is null" for c in grain)
            tail = f"group by all having count(*) > 1 or bool_or({nulls})"
            audits.append(Audit(f"grain_{table}", f"one row per {', '.join(grain)} in {table}, none null",
                                f"select {cols}, count(*) as n from {quoted} {tail}",
                                f"select {cols}, count(*) as n from {quoted} as x where {_written(table, grain)} {tail}"))
        for unique in spec.get("unique", []):
            columns = star_columns(unique)
            cols = ", ".join(quote_ident(c) for c in columns)
            not_null = " and ".join(f"{quote_ident(c)} is not null" for c in columns)
            audits.append(Audit(f"unique_{table}_{'_'.join(columns)}", f"{', '.join(columns)} unique in {table}",
                                f"select {cols}, count(*) as n from {quoted} where {not_null} group by all having count(*) > 1",
                                f"select {cols}, count(*) as n from {quoted} as x where {not_null} and "
                                f"{_written(table, columns)} group by all having count(*) > 1"))
        for column, target in (spec.get("references") or {}).items():
            other, other_column = target.split(".")
            col = quote_ident(column)
            missing = (f"not exists (select 1 from {quote_ident(other)} as y "
                       f"where y.{quote_ident(other_column)} = x.{col})")
            candidates = (f"x.{col} in (select {col} from {quote_ident('_w_' + table)} "
                          f"union all select key from {quote_ident('_g_' + other)})")
            audits.append(Audit(f"fk_{table}_{column}", f"every {table}.{column} is in {target}",
                                f"select {col}, count(*) as n from {quoted} as x "
                                f"where {col} is not null and {missing} group by all",
                                f"select {col}, count(*) as n from {quoted} as x "
                                f"where {col} is not null and {candidates} and {missing} group by all"))
    return audits


def load_audits(sql_dir: Path) -> list[Audit]:
    """The hand-written checks (sql/checks/*.sql) and the audits generated from sql/star.yml."""
    audits = []
    for path in sorted((sql_dir / "checks").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        header = " ".join(line.lstrip("- ").strip() for line in text.splitlines() if line.startswith("--"))
        scoped = path.parent / "scoped" / path.name  # its form over an incremental run's rows, if it has one
        audits.append(Audit(path.stem, header, text.strip().rstrip(";"),
                            scoped.read_text(encoding="utf-8").strip().rstrip(";") if scoped.exists() else None))
    star_file = sql_dir / STAR_YAML
    if star_file.exists():
        audits.extend(generated_audits(read_yaml(star_file) or {}))
    return audits


def run_audits(con: duckdb.DuckDBPyConnection, sql_dir: Path, *, examples: int = 5,
               audits: list[Audit] | None = None) -> list[AuditResult]:
    """Every audit's result (or the given audits'); an audit whose table is absent fails with the database's
    error."""
    results = []
    for audit in load_audits(sql_dir) if audits is None else audits:
        try:
            # fetchall on bounded queries: duckdb 2 refuses new work while a result is only partly fetched
            count = con.execute(f"select count(*) from ({audit.sql})").fetchone()[0]
            rows = con.execute(f"select * from ({audit.sql}) limit {examples}").fetchall() if count else []
            results.append(AuditResult(audit.name, audit.description, int(count), rows))
        except duckdb.Error as exc:
            results.append(AuditResult(audit.name, audit.description, 0, [], f"{type(exc).__name__}: {exc}"))
    return results


# A FROM or JOIN and what follows it up to the next clause: one table, or a comma list of them.
_READS = re.compile(r"\b(?:from|join)\s+(.*?)(?=\b(?:where|group|order|having|limit|qualify|on|using|union|"
                    r"except|intersect|anti|semi|inner|left|right|full|cross|natural|positional|asof|join|select)\b|[()]|$)",
                    re.IGNORECASE | re.DOTALL)


def audit_tables(audit: Audit, tables: Iterable[str]) -> set[str]:
    """The tables (of `tables`) an audit's query reads: those named in its FROMs and JOINs (a name elsewhere
    may be a column's: fact_trade.source_file is not the table source_file)."""
    sql = re.sub(r"--[^\n]*", "", audit.sql)  # a comment's "from" is not a table's
    named = {part.strip().split()[0].strip('"') for clause in _READS.findall(sql)
             for part in clause.split(",") if part.strip()}
    return named & set(tables)


_SCOPE_VIEWS = re.compile(r"\b_[wg]_\w+")


def scoped_form(audit: Audit, scope: Iterable[str]) -> Audit:
    """The audit over an incremental run's rows when every `_w_`/`_g_` table its scoped form reads exists, else as
    it is."""
    if audit.scoped is None or not scope or not set(_SCOPE_VIEWS.findall(audit.scoped)) <= set(scope):
        return audit
    return Audit(audit.name, audit.description, audit.scoped)


def run_checks(con: duckdb.DuckDBPyConnection, sql_dir: Path, unchanged: frozenset[str] = frozenset(),
               scope: frozenset[str] = frozenset()) -> None:
    """Audit the star before publishing; raises AuditError naming every audit that fails.

    `unchanged`: tables the run has left exactly as the last commit had them. An audit that reads only those
    passed before that commit (every run audits before it commits) and gives the same answer now, so it is
    not run again: an incremental run that reads no table file skips the audits of the trade tables (a
    grain and four key checks over every trade row, ~10M in a large database).

    `scope`: the `_w_`/`_g_` tables of an incremental run's rows (flows.warehouse.audit_scope). An audit whose
    scoped form reads only those runs over the rows the run wrote and the kept rows pointing at keys it
    deleted, the only rows that can violate it now; the others run whole."""
    audits = load_audits(sql_dir)
    if unchanged:
        names = table_names(con)
        audits = [a for a in audits if not (read := audit_tables(a, names)) or not read <= unchanged]
    audits = [scoped_form(a, scope) for a in audits]
    failed = [r for r in run_audits(con, sql_dir, examples=1, audits=audits) if not r.passed]
    if failed:
        raise AuditError("data checks failed: " + "; ".join(
            f"{r.name}: {r.error}" if r.error else f"{r.name}: {r.violations} violating rows, e.g. {r.examples[0]}"
            for r in failed))
