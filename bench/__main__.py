"""`make bench`: every figure of the performance issue with its baseline from the same run.

Generates the inputs (bench/data, ignored by git), measures in child processes, writes bench/out/results.json
(results_quick.json for --quick) and prints a short table. `--quick` is a smoke run on small inputs (two to three minutes on
this shared machine; trade at 100k rows, 100 and 300 documents, no temporary-server run). A time budget keeps the
whole run under 15 minutes: when the large document build would not fit, it runs on fewer documents and the
results say so.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.extraction import extraction_figure
from bench.generate import generate_articles
from bench.measure import ROOT, run_child
from bench.report import print_table, targets
from bench.runs import (OUT, direct_runs, dyad_run, fresh_db, full_and_incremental, import_runs, local_server,
                        median, no_server_runs, temporary_server_runs, warm_runs)

TRADE_JSON = ROOT / "bench" / "data" / "trade.json"


class Budget:
    """Seconds left of the run's allowance."""

    def __init__(self, seconds: float) -> None:
        self.total, self.start = seconds, time.perf_counter()

    def left(self) -> float:
        return self.total - (time.perf_counter() - self.start)


def growth_exponent(n1: float, t1: float, n2: float, t2: float) -> float | None:
    """k in t ~ n^k between two sizes: 1 is linear, below 1 is better than linear."""
    if min(n1, t1, n2, t2) <= 0 or n1 == n2:
        return None
    return round(math.log(t2 / t1) / math.log(n2 / n1), 3)


def trade_figure(rows: list[int]) -> dict[str, Any]:
    """bench.trade (the trade engineer's) in a child process; its own JSON, or why it is missing."""
    if not (ROOT / "bench" / "trade.py").exists():
        return {"skipped": "bench/trade.py is not there"}
    TRADE_JSON.unlink(missing_ok=True)
    child = run_child([sys.executable, "-m", "bench.trade", *map(str, rows)])
    if child.returncode != 0 or not TRADE_JSON.exists():
        return {"error": (child.stderr or child.stdout)[-2000:], "wall_s": round(child.wall_s, 1)}
    sizes = json.loads(TRADE_JSON.read_text())
    result: dict[str, Any] = {"sizes": sizes, "wall_s": round(child.wall_s, 1)}
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        result["growth_exponent"] = growth_exponent(a["rows"], a["dyad_s"], b["rows"], b["dyad_s"])
        result["growth_exponent_duckdb"] = growth_exponent(a["rows"], a["duckdb_s"], b["rows"], b["duckdb_s"])
    return result


def orchestration_summary(auto: list[dict], temporary: list[dict], server: list[dict], direct: list[dict],
                          imports: list[dict]) -> dict:
    """Medians of the bundled-source runs, each against the same stages without Prefect from the same run."""
    s: dict[str, Any] = {
        "cold_s": auto[0]["wall_s"], "cold_cpu_s": auto[0]["cpu_s"],
        "cold_server_start_cpu_s": auto[0].get("server_start_cpu_s"),
        "warm_s": median(auto[1:], "wall_s"), "warm_cpu_s": median(auto[1:], "cpu_s"),
        "server_s": median(server, "wall_s"), "server_cpu_s": median(server, "cpu_s"),
        "direct_s": median(direct, "wall_s"), "direct_cpu_s": median(direct, "cpu_s"),
        "direct_stages_s": median(direct, "stages_s"), "warm_pipeline_s": median(auto[1:], "pipeline_s"),
        "import_s": median(imports, "wall_s"), "import_cpu_s": median(imports, "cpu_s"),
    }
    if temporary:
        s.update(temporary_s=median(temporary, "wall_s"), temporary_cpu_s=median(temporary, "cpu_s"))
    for key in ("cold", "warm", "server", "temporary"):
        if f"{key}_s" in s:
            s[f"{key}_ratio"] = round(s[f"{key}_s"] / s["direct_s"], 2)
            s[f"{key}_cpu_ratio"] = round(s[f"{key}_cpu_s"] / s["direct_cpu_s"], 2)
    return s


def workers_figure(folder: Path, n: int, one: dict, home: Path, api_url: str) -> dict:
    """`dyad run --workers 2` on the folder, against the single-process full build `one` of the same folder."""
    two = dyad_run(folder, fresh_db("workers2"), home, api_url, extra=("--workers", "2"))
    return {"n": n, "workers_1": one, "workers_2": two, "speedup": round(one["wall_s"] / two["wall_s"], 2),
            "pipeline_speedup": round(one["pipeline_s"] / two["pipeline_s"], 2),
            "cpu_ratio": round(two["cpu_s"] / one["cpu_s"], 2), "docs_per_s_2_workers": round(n / two["wall_s"], 1),
            "same_counts": all(one[k] == two[k] for k in ("documents", "events", "event_mentions"))}


def large_build(results: dict, small: int, large: int, budget: Budget, home: Path, api_url: str,
                step: Callable[[str], None]) -> None:
    """The large full build, the +1 document run and the --workers 2 build, on fewer documents when `large`
    would not fit the budget."""
    documents = results["documents"]
    small_wall = documents["small"]["full"]["wall_s"]
    per_doc = small_wall / small
    # the full build, the incremental run (about a tenth of it) and the --workers 2 build (at worst as long);
    # growth was below linear (k = 0.84-0.99), so a linear prediction errs on the safe side
    n_large = min(large, int(budget.left() / (per_doc * 2.2) // small * small))
    if n_large < 2 * small:
        documents["reduced"] = f"no larger build fits the time budget ({budget.left():.0f} s left)"
        return
    if n_large < large:
        documents["reduced"] = (f"{large} documents would not fit the time budget "
                                f"({per_doc * large * 2.2:.0f} s predicted, {budget.left():.0f} s left)")
    step(f"full build of {n_large} documents, then one document added (incremental)")
    folder = generate_articles(n_large)
    documents["large"] = {"n": n_large, **full_and_incremental(folder, home, api_url, incremental=True)}
    full = documents["large"]["full"]
    documents["growth_exponent"] = growth_exponent(small, small_wall, n_large, full["wall_s"])
    documents["growth_exponent_cpu"] = growth_exponent(small, documents["small"]["full"]["cpu_s"], n_large,
                                                       full["cpu_s"])
    step(f"workers: {n_large} documents with --workers 2 (1 worker is the full build above)")
    results["workers"] = workers_figure(folder, n_large, full, home, api_url)


def large_only(path: Path, small: int, large: int, budget: Budget, step: Callable[[str], None]) -> int:
    """The large build, +1 document and --workers 2 into an existing results file (its small build is the
    per-document estimate), against a server of their own; the file records the load of this part too."""
    results = json.loads(path.read_text())
    if "small" not in results.get("documents", {}):
        raise SystemExit(f"{path} has no small build: run the whole bench first")
    results["documents"].pop("reduced", None)
    results["machine"]["load_before_large"] = [round(x, 2) for x in os.getloadavg()]
    home = OUT / "prefect-warm"
    shutil.rmtree(home, ignore_errors=True)
    with local_server(home) as server:
        large_build(results, small, large, budget, home, server["api_url"], step)
    results["machine"]["load_after_large"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = targets(results)
    path.write_text(json.dumps(results, indent=2, default=str))
    print_table(results)
    return 0


def startup_only(repeats: int) -> int:
    """The start-up rows alone, into results_startup.json: every kind of run with the warm runner and without it
    (DYAD_WARM_RUNNER=0), interleaved kind by kind so that both see the same load."""
    results: dict[str, Any] = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "quick": False,
                               "machine": {"cpus": os.cpu_count(), "load_before": [round(x, 2) for x in os.getloadavg()],
                                           "python": sys.version.split()[0]}}
    print("[startup] no server configured: cold then warm, with and without the warm runner", file=sys.stderr)
    auto = no_server_runs(repeats + 1)
    auto_alone = no_server_runs(repeats + 1, warm_runner=False)
    direct = direct_runs(repeats)
    imports = import_runs(repeats)
    home = OUT / "prefect-warm"
    shutil.rmtree(home, ignore_errors=True)
    print("[startup] against a running server, with and without the warm runner", file=sys.stderr)
    with local_server(home) as server:
        warm = warm_runs(server, home, repeats)
        warm_alone = warm_runs(server, home, repeats, warm_runner=False)
    results["orchestration"] = {
        "no_server": auto, "no_server_in_process": auto_alone, "server": warm, "server_in_process": warm_alone,
        "direct": direct, "import_only": imports,
        "summary": orchestration_summary(auto, [], warm, direct, imports),
        "in_process": orchestration_summary(auto_alone, [], warm_alone, direct, imports)}
    results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    results["trade"] = {"skipped": "not measured by --startup"}
    results["targets"] = [row for row in targets(results) if not row["figure"].startswith("trade")]
    (OUT / "results_startup.json").write_text(json.dumps(results, indent=2, default=str))
    print_table(results)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Measure every figure in order (cheap and fixed-size first), saving results.json after each."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, a smoke run of a minute or two")
    parser.add_argument("--budget", type=float, help="seconds the whole run may take (default 1500, quick 300)")
    parser.add_argument("--no-trade", action="store_true", help="leave out the trade figure (bench/trade.py)")
    parser.add_argument("--large-only", action="store_true",
                        help="only the large build, +1 document and --workers 2, beside the small build of the "
                             "last results file (when the whole run does not fit the budget on a loaded machine)")
    parser.add_argument("--startup", action="store_true",
                        help="only the start-up rows (cold, warm, against a running server), each with the warm "
                             "runner and in its own process (DYAD_WARM_RUNNER=0), the stages alone, the import floor")
    parser.add_argument("--repeats", type=int, default=3, help="warm runs of each kind with --startup (median)")
    args = parser.parse_args(argv)
    if args.startup:
        return startup_only(args.repeats)
    budget = Budget(args.budget or (300 if args.quick else 1500))
    small, large = (100, 300) if args.quick else (1000, 10000)
    trade_rows = [100_000] if args.quick else [1_000_000, 10_000_000]
    OUT.mkdir(parents=True, exist_ok=True)
    results_name = "results_quick.json" if args.quick else "results.json"  # a smoke run keeps the full results
    results: dict[str, Any] = {
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"), "quick": args.quick,
        "machine": {"cpus": os.cpu_count(), "load_before": [round(x, 2) for x in os.getloadavg()],
                    "python": sys.version.split()[0]},
    }

    def save() -> None:
        results["elapsed_s"] = round(budget.total - budget.left(), 1)
        (OUT / results_name).write_text(json.dumps(results, indent=2, default=str))

    def step(message: str) -> None:
        print(f"[{budget.total - budget.left():6.0f} s] {message}", file=sys.stderr, flush=True)

    if args.large_only:
        return large_only(OUT / results_name, small, large, budget, step)

    step(f"generating {small} and {large} articles")
    clock = time.perf_counter()
    small_folder = generate_articles(small)
    generate_articles(large)
    results["generate_s"] = round(time.perf_counter() - clock, 1)

    step("orchestration: no server configured (cold, then warm), " +
         ("" if args.quick else "a temporary server per run, ") + "the stages without Prefect, the import floor")
    auto = no_server_runs(2 if args.quick else 4)
    temporary = [] if args.quick else temporary_server_runs(1)
    direct = direct_runs(1 if args.quick else 3)
    imports = import_runs(1 if args.quick else 3)
    results["orchestration"] = {"no_server": auto, "temporary": temporary, "direct": direct, "import_only": imports}
    save()

    home = OUT / "prefect-warm"
    shutil.rmtree(home, ignore_errors=True)
    step("starting a local Prefect server (dyad server start) for the runs against a running server")
    with local_server(home) as server:
        api_url = server["api_url"]
        step("orchestration: runs against the running server")
        warm = warm_runs(server, home, 1 if args.quick else 3)
        results["orchestration"].update(server_startup_s=server["startup_s"], server=warm,
                                        summary=orchestration_summary(auto, temporary, warm, direct, imports))
        save()

        step(f"extraction: {small} documents in-process on one core")
        results["extraction"] = extraction_figure(small_folder)
        save()

        step(f"full build of {small} documents (warm server)")
        results["documents"] = {"small": {"n": small, **full_and_incremental(small_folder, home, api_url,
                                                                             incremental=False)}}
        save()

        if not args.no_trade:
            step(f"trade: bench.trade at {trade_rows} rows")
            results["trade"] = trade_figure(trade_rows)
            save()

        large_build(results, small, large, budget, home, api_url, step)
    results["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    results["targets"] = targets(results)
    save()
    print_table(results)
    print(f"results: {OUT / results_name} ({results['elapsed_s']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
