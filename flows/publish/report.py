"""The HTML report: a page per country pair (timeline, trade, composition, top products, claims beside the
statistics, organizations, people), a partners page per reporter of a multi-partner statistics file, and an
index of the pairs.

Charts are Vega-Lite specs built with Altair and rendered by the vega-embed bundle that vl-convert ships: a
single page inlines it (one file that opens with no network); `--all` writes it once beside the pages.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
import polars as pl

from flows.publish import report_page as page
from flows.publish.report_data import (Pair, ReportInputError, choose_pair, last_run, list_pairs,
                                       multi_partner_reporters, pair_frames, partner_frames)
from flows.publish.units import money
from flows.warehouse import connect

TEMPLATE = Path(__file__).with_name("report_template.html")
BUNDLE_FILE = "vega-embed.js"
FOOTER = ("Made by dyad from news articles and trade statistics. Statistics are each side's own; figures from "
          "articles and officials are claims. Charts: Vega-Lite, rendered in this page.")

__all__ = ["ReportInputError", "ReportResult", "build_all", "build_report", "render_pair"]


@dataclass
class ReportResult:
    """Where the report went and what it holds (for --all: the index, and every page written)."""

    path: str
    bytes: int
    charts: list[str]
    events: int
    pair: str | None = None
    sections: dict[str, int] = field(default_factory=dict)
    pages: list[str] = field(default_factory=list)


def _vega_bundle() -> tuple[str, str]:
    """(the vega-embed JavaScript bundle, its Vega-Lite version), from vl-convert: no network."""
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    version = vl_version_for_vl_convert()
    return vl_convert.javascript_bundle(vl_version=version), version


def _json_for_script(value: object) -> str:
    """JSON safe inside a <script> element: text such as '</script>' in evidence cannot close it."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


@dataclass
class Context:
    """What every page of one report shares: the database's name, its last run, the time, the chart bundle."""

    source: str
    run: dict | None
    generated: datetime
    bundle: Callable[[], tuple[str, str]] = _vega_bundle
    bundle_src: str | None = None   # a file beside the pages (--all) instead of an inline bundle
    _cached: tuple[str, str] | None = None

    def script(self) -> tuple[str, str]:
        if self._cached is None:
            self._cached = self.bundle()
        return self._cached

    def subtitle(self) -> str:
        run = (f"last run {self.run['run_id']} ({self.run['started_at']:%Y-%m-%d %H:%M})" if self.run
               else "no finished run")
        return f"{self.source} · {run} · generated {self.generated:%Y-%m-%d %H:%M}"


def _render(context: Context, *, title: str, sections: list[dict], specs: dict, facts: list | None = None,
            links: list[tuple[str, str]] | None = None, index: list[dict] | None = None) -> str:
    script, version = context.script()
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return environment.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        title=title, subtitle=context.subtitle(), facts=facts or [], links=links or [], index=index or [],
        sections=sections, specs_json=_json_for_script(specs),
        vega_bundle=None if context.bundle_src else script.replace("</script", "<\\/script"),
        vega_src=context.bundle_src, vegalite_version=version, footer=FOOTER)


def render_pair(frames: dict[str, pl.DataFrame], pair: Pair, context: Context,
                partners: dict[str, tuple[str, dict[str, pl.DataFrame]]] | None = None,
                links: list[tuple[str, str]] | None = None) -> tuple[str, dict[str, Any]]:
    """(the HTML of a pair's page, facts about it). `partners`: reporter -> (name, frames) shown inline."""
    specs: dict[str, dict] = {}
    names = dict(zip(frames["countries"]["iso3"], frames["countries"]["name"])) if "countries" in frames else {}
    sections = [page.timeline_section(frames, specs), page.trade_section(frames, specs, pair),
                page.composition_section(frames, specs), page.products_section(frames),
                page.claims_section(frames)]
    for i, (reporter, (name, reporter_frames)) in enumerate(sorted((partners or {}).items())):
        sections.extend(page.partners_sections(reporter, name, reporter_frames, specs, suffix=f"-{i}"))
    sections += [page.organizations_section(frames, pair), page.people_section(frames)]
    title = f"{names.get(pair.a, pair.a)} and {names.get(pair.b, pair.b)}"
    html = _render(context, title=f"dyad report: {title}", sections=sections, specs=specs, links=links,
                   facts=page.pair_facts(frames.get("summary", pl.DataFrame()), names))
    timeline = frames.get("timeline")
    return html, {"charts": list(specs), "events": 0 if timeline is None else timeline.height,
                  "sections": {s["id"]: sum(len(t["rows"]) for t in s["tables"]) + len(s["claim_groups"])
                               for s in sections}}


def render_partners(reporter: str, frames: dict[str, pl.DataFrame], context: Context,
                    links: list[tuple[str, str]] | None = None) -> tuple[str, dict[str, Any]]:
    """(the HTML of a reporter's partners page, facts about it)."""
    specs: dict[str, dict] = {}
    name = frames["reporter"]["name"][0] if not frames["reporter"].is_empty() else reporter
    sections = page.partners_sections(reporter, name, frames, specs)
    html = _render(context, title=f"dyad report: {name}'s trade partners", sections=sections, specs=specs,
                   links=links)
    return html, {"charts": list(specs), "events": 0, "sections": {s["id"]: len(s["tables"]) for s in sections}}


def _write(path: Path, text: str) -> None:
    """Write through a hidden partial file, so a reader never opens half a page."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _open(db: Path, wait_seconds: float):
    if not Path(db).exists():
        raise FileNotFoundError(f"database {db} does not exist: run `dyad run` first")
    return connect(Path(db), wait_seconds=wait_seconds, read_only=True)


def build_report(db: Path, out: Path, *, pair: str | None = None, wait_seconds: float = 0.0,
                 generated: datetime | None = None) -> ReportResult:
    """One self-contained page for a pair (default: the pair with most documents) written to out."""
    with _open(db, wait_seconds) as con:
        chosen = choose_pair(list_pairs(con), pair)
        frames = pair_frames(con, chosen)
        reporters = set(multi_partner_reporters(con)["reporter_iso3"]) & {chosen.a, chosen.b}
        partners = {r: (r, partner_frames(con, r)) for r in reporters}
        partners = {r: (f["reporter"]["name"][0] if not f["reporter"].is_empty() else r, f)
                    for r, (_, f) in partners.items()}
        context = Context(source=Path(db).name, run=last_run(con), generated=generated or datetime.now())
    html, facts = render_pair(frames, chosen, context, partners=partners)
    out = Path(out)
    _write(out, html)
    return ReportResult(path=str(out), bytes=out.stat().st_size, charts=facts["charts"], events=facts["events"],
                        pair=chosen.slug, sections=facts["sections"], pages=[str(out)])


def build_all(db: Path, out_dir: Path, *, wait_seconds: float = 0.0, generated: datetime | None = None) -> ReportResult:
    """index.html, a page per pair and a partners page per multi-partner reporter, into out_dir."""
    out_dir = Path(out_dir)
    pages: list[str] = []
    total = 0
    with _open(db, wait_seconds) as con:
        pairs = list_pairs(con)
        reporters = multi_partner_reporters(con)
        context = Context(source=Path(db).name, run=last_run(con), generated=generated or datetime.now(),
                          bundle_src=BUNDLE_FILE)
        script, _ = context.script()
        _write(out_dir / BUNDLE_FILE, script)
        partner_pages = {r: f"partners-{r}.html" for r in reporters["reporter_iso3"]}
        for reporter, file in partner_pages.items():
            html, _ = render_partners(reporter, partner_frames(con, reporter), context,
                                      links=[("All pairs", "index.html")])
            _write(out_dir / file, html)
            pages.append(file)
        for a, b in pairs.select("country_a", "country_b").iter_rows():
            pair = Pair(a, b)
            links = [("All pairs", "index.html")] + [(f"{r}'s partners", partner_pages[r]) for r in (a, b)
                                                     if r in partner_pages]
            html, facts = render_pair(pair_frames(con, pair), pair, context, links=links)
            total += facts["events"]
            _write(out_dir / f"{pair.slug}.html", html)
            pages.append(f"{pair.slug}.html")
    index = [{"pair": f"{r['country_a']}–{r['country_b']}", "href": f"{r['country_a']}-{r['country_b']}.html",
              "documents": r["n_documents"], "events": f"{r['n_events']} occurred, {r['n_planned']} planned",
              "trade": money(r["latest_turnover_usd"]) if r["latest_turnover_usd"] is not None else "–",
              "year": r["statistics_latest_year"] or ""} for r in pairs.iter_rows(named=True)]
    links = [(f"{r}'s partners", file) for r, file in partner_pages.items()]
    html = _render(context, title=f"dyad report: {pairs.height} country pairs", sections=[], specs={},
                   index=index, links=links)
    _write(out_dir / "index.html", html)
    index_path = out_dir / "index.html"
    return ReportResult(path=str(index_path), bytes=sum((out_dir / p).stat().st_size for p in pages)
                        + index_path.stat().st_size, charts=[], events=total, pages=["index.html", *pages],
                        sections={"pairs": pairs.height, "partner_pages": len(partner_pages)})
