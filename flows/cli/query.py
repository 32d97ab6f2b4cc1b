"""`dyad sql` (ad-hoc SQL) and `dyad quarantine` (what the last run rejected)."""
from __future__ import annotations

import json
from typing import Annotated, Optional

import typer

from flows.cli.common import DbOption, DebugOption, fail, out
from flows.settings import Settings


def sql(
    query: Annotated[Optional[str], typer.Argument(help="SQL to run; without it, an interactive session.")] = None,
    db: DbOption = None,
    write: Annotated[bool, typer.Option("--write", help="Open the database for writing (default: read-only).")] = False,
    unsafe: Annotated[bool, typer.Option(
        "--unsafe", help="Lift the sandbox: by default SQL reaches only the database file (no read_csv of other "
                         "files, no COPY TO or EXPORT DATABASE, no INSTALL/LOAD, settings locked); --unsafe allows "
                         "all of it and opens harlequin when installed.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as a JSON list of objects.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print every row as CSV with a header (for spreadsheets).")] = False,
    debug: DebugOption = False,
) -> None:
    """Run SQL and print a table, or open an SQL session without a query; sandboxed to the database unless --unsafe.

    Piped statements (`dyad sql < script.sql`) run one after another; the exit status is 1 if any failed.
    """
    import sys

    from flows.cli.shell import print_query, query_rows, repl, write_csv

    settings = Settings().with_overrides(db=db)
    if not settings.db.exists():
        fail(f"database {settings.db} does not exist: run `dyad run` first", debug)
    try:
        if query is None:
            failed = repl(settings.db, read_only=not write, unsafe=unsafe, console=out)
            if failed:
                raise typer.Exit(1)
        elif as_csv:
            write_csv(settings.db, query, sys.stdout, read_only=not write, unsafe=unsafe)
        elif as_json:
            out.print_json(json.dumps(query_rows(settings.db, query, read_only=not write, unsafe=unsafe), default=str))
        else:
            print_query(settings.db, query, read_only=not write, unsafe=unsafe, console=out)
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001
        fail(f"{type(exc).__name__}: {exc}", debug, exc)


def quarantine(
    db: DbOption = None,
    all_runs: Annotated[bool, typer.Option("--all", help="Every run, not only the last one.")] = False,
) -> None:
    """List the rows the last run rejected, with the reason and where they came from."""
    from flows.cli.shell import print_query, query_rows

    settings = Settings().with_overrides(db=db)
    if not settings.db.exists():
        fail(f"database {settings.db} does not exist: run `dyad run` first", False)
    last_run = "(select run_id from etl_run order by started_at desc, run_id desc limit 1)"
    try:
        runs = query_rows(settings.db, f"""
            select r.run_id, r.status, r.error, count(q.run_id) as rejected,
                (select sum(skipped) from etl_run_stage as s where s.run_id = r.run_id and s.stage = 'discover')
                    as unchanged
            from etl_run as r left join quarantine as q on q.run_id = r.run_id
            where r.run_id = {last_run} group by all
        """)
    except Exception as exc:  # noqa: BLE001
        fail(f"{settings.db} is not a dyad database ({type(exc).__name__}: {exc})", False, exc)
        return
    if not runs:
        out.print("no run recorded yet: run `dyad run` first")
        return
    run_row = runs[0]
    out.print(f"last run {run_row['run_id']} ({run_row['status']}): {run_row['rejected']} rows quarantined")
    if run_row["status"] == "failed":
        # its quarantine rows were written in the transaction that rolled back
        out.print(f"it failed and changed nothing: {run_row['error']}", soft_wrap=True)
    if run_row["unchanged"] and not all_runs:
        out.print(f"{run_row['unchanged']} unchanged files were not read again; rows they had rejected are listed "
                  "under the run that read them (dyad quarantine --all)", soft_wrap=True)
    where = "" if all_runs else f"where run_id = {last_run}"
    print_query(settings.db, f"select run_id, stage, source, row_ref, reason, left(raw, 80) as raw "
                             f"from quarantine {where} order by run_id, stage, source, row_ref",
                read_only=True, console=out)
