"""The benchmark's closing table: each figure, its baseline from the same run, the ratio and the issue's target."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _row(figure: str, value: str, baseline: str, ratio: float | None, target: str, met: bool | None) -> dict[str, Any]:
    return {"figure": figure, "value": value, "baseline": baseline, "ratio": ratio, "target": target, "met": met}


def _trade_rows(trade: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for size in trade.get("sizes", []):
        label = f"trade {size['rows'] / 1e6:g}M rows: CSV -> fact_trade"
        rows.append(_row(label, f"{size['dyad_s']} s (CPU {size['dyad_cpu_s']} s)",
                         f"duckdb read_csv {size['duckdb_s']} s (CPU {size['duckdb_cpu_s']} s)", size["ratio"],
                         "<= 1.3x", size["ratio"] <= 1.3))
        rows.append(_row(f"trade {size['rows'] / 1e6:g}M rows: peak RSS", f"{size['dyad_rss_mb']} MB",
                         f"duckdb {size['duckdb_rss_mb']} MB", round(size["dyad_rss_mb"] / size["duckdb_rss_mb"], 2),
                         "<= 2048 MB", size["dyad_rss_mb"] <= 2048))
    if trade.get("growth_exponent") is not None:
        a, b = trade["sizes"][0]["rows"], trade["sizes"][-1]["rows"]
        rows.append(_row(f"trade growth {a / 1e6:g}M -> {b / 1e6:g}M (t ~ n^k)", f"k = {trade['growth_exponent']}",
                         f"duckdb k = {trade['growth_exponent_duckdb']}", None, "k <= 1", trade["growth_exponent"] <= 1.05))
    if "error" in trade or "skipped" in trade:
        rows.append(_row("trade", trade.get("skipped") or "failed (see results.json)", "", None, "<= 1.3x", None))
    return rows


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per figure of the issue, with the baseline it is read against."""
    rows: list[dict[str, Any]] = []
    rows += _trade_rows(results.get("trade", {"skipped": "not run"}))
    ex = results.get("extraction")
    if ex:
        rate, cpu_rate = ex["docs_per_s"]["extract"], ex["docs_per_cpu_s"]["extract"]
        rows.append(_row(f"extraction, {ex['documents']} docs of {ex['mean_kb']} KB, one core",
                         f"{rate} docs/s ({cpu_rate} per CPU s)",
                         f"sentence split {ex['docs_per_s']['split']} docs/s; trigger regex {ex['docs_per_s']['regex']} docs/s",
                         ex["ratio_to_split"], ">= 300 docs/s", cpu_rate >= 300))
        if "extract_rules" in ex["docs_per_cpu_s"]:  # issue 11: the chosen backbone beside the rules alone
            rules_rate = ex["docs_per_cpu_s"]["extract_rules"]
            rows.append(_row(f"extraction with the {ex.get('backbone', 'spacy')} backbone, one core",
                             f"{cpu_rate} docs per CPU s", f"rules alone {rules_rate} docs per CPU s",
                             round(rules_rate / cpu_rate, 1) if cpu_rate else None, ">= 50 docs/s", cpu_rate >= 50))
    orch = results.get("orchestration", {}).get("summary")
    if orch:
        rows.append(_row("dyad run, bundled sources, warm server", f"{orch['warm_s']} s (CPU {orch['warm_cpu_s']} s)",
                         f"no Prefect {orch['direct_s']} s (CPU {orch['direct_cpu_s']} s)",
                         round(orch["warm_s"] / orch["direct_s"], 2), "<= 3 s", orch["warm_s"] <= 3))
        if orch.get("cold_first_s"):
            rows.append(_row("dyad run, bundled sources, cold (temporary server)", f"{orch['cold_first_s']} s",
                             f"no Prefect {orch['direct_s']} s", round(orch["cold_first_s"] / orch["direct_s"], 2), "-", None))
        rows.append(_row("Prefect overhead (warm / cold)", f"{orch['prefect_overhead_warm_s']} s / "
                         f"{orch['prefect_overhead_cold_s']} s", f"stages alone {orch['direct_stages_s']} s, "
                         f"warm flow body {orch['warm_pipeline_s']} s", None, "-", None))
        rows.append(_row("import floor: python -c 'import flows.cli, flows.orchestrate.pipeline'",
                         f"{orch['import_s']} s (CPU {orch['import_cpu_s']} s)", "", None, "-", None))
    docs = results.get("documents", {})
    large = docs.get("large")
    if large and "plus_one" in large:
        rows.append(_row(f"incremental: +1 document to {large['n']}", f"{large['plus_one']['wall_s']} s",
                         f"full build {large['full']['wall_s']} s", large["ratio"], "<= 0.05", large["ratio"] <= 0.05))
    if docs.get("growth_exponent") is not None:
        rows.append(_row(f"document growth {docs['small']['n']} -> {large['n']} (t ~ n^k)",
                         f"k = {docs['growth_exponent']} (CPU k = {docs['growth_exponent_cpu']})",
                         f"{docs['small']['full']['wall_s']} s -> {large['full']['wall_s']} s", None, "k <= 1",
                         docs["growth_exponent"] <= 1.05))
    workers = results.get("workers", {})
    if "speedup" in workers:
        rows.append(_row(f"dyad run --workers 2 (Dask), {workers['n']} docs", f"{workers['workers_2']['wall_s']} s "
                         f"(CPU {workers['workers_2']['cpu_s']} s)", f"1 worker {workers['workers_1']['wall_s']} s "
                         f"(CPU {workers['workers_1']['cpu_s']} s)", workers["speedup"], "same rows; faster",
                         workers["same_counts"] and workers["speedup"] > 1))
    return rows


def print_table(results: dict[str, Any]) -> None:
    """The targets as a table on stdout."""
    table = Table(title=f"dyad bench ({'quick' if results.get('quick') else 'full'}, load "
                        f"{results['machine']['load_before'][0]} -> {results['machine'].get('load_after', ['?'])[0]} "
                        f"on {results['machine']['cpus']} cores)", title_justify="left")
    for column in ("figure", "value", "baseline (same run)", "ratio", "target", "met"):
        table.add_column(column)
    for row in results.get("targets", []):
        met = {True: "yes", False: "NO", None: ""}[row["met"]]
        table.add_row(row["figure"], row["value"], row["baseline"], "" if row["ratio"] is None else f"{row['ratio']}",
                      row["target"], met)
    Console(width=180).print(table)
    if results.get("documents", {}).get("reduced"):
        print(f"note: {results['documents']['reduced']}")
