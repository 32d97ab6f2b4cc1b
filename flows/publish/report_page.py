"""A report page's sections from the shaped frames: a pair's page, a reporter's partners page, the index.

A section is a dict the template renders: title, lead, charts (element ids whose Vega-Lite specs go in
`specs`), tables (each scrolls inside a bounded box, so a page's height does not grow with its rows),
claim groups, or an `empty` sentence saying what is missing and why.
"""
from __future__ import annotations

from typing import Any

import polars as pl

from flows.publish import report_charts as charts
from flows.publish import report_shape as shape
from flows.publish.report_data import Pair
from flows.publish.units import money

Section = dict[str, Any]


def table(frame: pl.DataFrame, columns: list[tuple[str, str, str]], *, title: str = "", badge: str | None = None,
          collapsed: bool = False) -> dict[str, Any]:
    """A template table: columns are (key, label, css class); rows as dicts."""
    present = [(k, label, css) for k, label, css in columns if k in frame.columns]
    rows = frame.select([k for k, _, _ in present]).to_dicts() if not frame.is_empty() else []
    return {"title": title, "collapsed": collapsed, "rows": rows,
            "columns": [{"key": k, "label": label, "css": css, "badge": k == badge} for k, label, css in present]}


def section(id_: str, title: str, lead: str = "", **parts: Any) -> Section:
    return {"id": id_, "title": title, "lead": lead, "charts": parts.get("charts", []),
            "tables": parts.get("tables", []), "claim_groups": parts.get("claim_groups", []),
            "empty": parts.get("empty"), "links": parts.get("links", [])}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def pair_facts(summary: pl.DataFrame, names: dict[str, str]) -> list[tuple[str, str]]:
    """The pair's key facts as label/value lines: counts that say what they count."""
    if summary.is_empty():
        return []
    row = summary.row(0, named=True)
    occurred, planned = int(row.get("n_events") or 0), int(row.get("n_planned") or 0)
    facts = [("countries", " and ".join(f"{names.get(c, c)} ({c})" for c in (row["country_a"], row["country_b"]))),
             ("relations since", str(row.get("relations_established") or "–")),
             ("events", f"{occurred} occurred, {planned} planned"),
             ("visits", f"{row.get('n_visits') or 0}" + (f", the last {row['last_visit']}" if row.get("last_visit") else "")),
             ("shared organizations", row.get("shared_organizations") or "–")]
    if row.get("statistics_latest_year"):
        facts.append((f"turnover {row['statistics_latest_year']} (statistics)",
                      f"{money(row.get('turnover_reported_by_a_usd'))} as {row['country_a']} reports, "
                      f"{money(row.get('turnover_reported_by_b_usd'))} as {row['country_b']} reports"))
    if row.get("latest_trade_value_usd") is not None:
        facts.append((f"latest published {row.get('latest_trade_measure') or 'figure'}",
                      f"{money(row['latest_trade_value_usd'])} ({row.get('latest_trade_period_start')} to "
                      f"{row.get('latest_trade_period_end')}, {row.get('latest_trade_reported_by') or 'source not named'})"))
    return facts


def timeline_section(frames: dict[str, pl.DataFrame], specs: dict) -> Section:
    timeline = frames.get("timeline")
    if timeline is None or timeline.is_empty():
        return section("timeline", "Relations timeline", empty="The documents name no event between the two.")
    events = shape.timeline_frame(timeline)
    dated = events.filter(pl.col("event_date").is_not_null())
    parts: dict[str, Any] = {"tables": [table(events, [
        ("when", "Date", "nowrap"), ("type_label", "Event", ""), ("direction", "Countries", "nowrap"),
        ("status", "Status", ""), ("participants", "People", ""), ("evidence_short", "Evidence", "evidence"),
        ("documents", "Reported in", "")], title=f"The {_plural(events.height, 'event')}", badge="status",
        collapsed=True)]}
    if not dated.is_empty():
        specs["chart-timeline"] = charts.timeline_chart(events).to_dict()
        parts["charts"] = ["chart-timeline"]
    stacked = int(dated["slot"].max() or 0) > 0 if not dated.is_empty() else False
    undated = events.height - dated.height
    lead = (f"{_plural(events.height, 'event')} merged from the documents, a row a type"
            + ("; events of a type close in time are stacked, so none hides another" if stacked else "")
            + ". Hover a point for its sentence; scroll on the chart to zoom in time, drag to pan, double-click to "
              "reset." + (f" {_plural(undated, 'event')} without a date {'is' if undated == 1 else 'are'} in the "
                          "table only." if undated else ""))
    return section("timeline", "Relations timeline", lead, **parts)


def trade_section(frames: dict[str, pl.DataFrame], specs: dict, pair: Pair) -> Section:
    series = shape.trade_series(frames)
    mirror = shape.mirror_table(frames.get("mirror", pl.DataFrame()))
    if series.is_empty():
        return section("trade", "Trade by year", empty=f"No trade statistics or published figures for {pair.a} and "
                                                       f"{pair.b} are loaded (add a Comtrade or BACI file to tables/).")
    specs["chart-trade"] = charts.trade_chart(series).to_dict()
    kinds = set(series["kind"])
    has_statistics = shape.STATISTICS in kinds
    lead = ("Each direction as each side reports it: the exporter's exports and the importer's imports differ "
            "(CIF/FOB, timing, coverage) and are never added." if has_statistics else
            "No trade statistics are loaded for the pair: ")
    if kinds - {shape.STATISTICS}:
        lead += (" Hollow marks are figures published by officials or stated in articles: claims, drawn beside "
                 "the statistics, not part of them." if has_statistics else
                 "the marks are figures published by officials or stated in articles (claims), whole years only.")
    tables = []
    if not mirror.is_empty():
        tables.append(table(mirror, [("year", "Year", "num"), ("direction", "Direction", "nowrap"),
                                     ("source", "Source", ""), ("exporter_says", "Exporter reports", "num"),
                                     ("importer_says", "Importer reports", "num"), ("gap", "Mirror gap", "num"),
                                     ("gap_share", "Gap", "num"), ("products", "Products", "")],
                            title="Mirror gap: what each side reports for the same flow"))
    tables.append(table(series, [("year", "Year", "num"), ("direction", "Direction", "nowrap"),
                                 ("series", "Reported by", ""), ("kind", "Kind", ""), ("value", "Value", "num")],
                        title=f"The {_plural(series.height, 'value')} drawn", collapsed=True))
    return section("trade", "Trade by year", lead, charts=["chart-trade"], tables=tables)


def composition_section(frames: dict[str, pl.DataFrame], specs: dict) -> Section:
    sections = shape.sections_frame(frames.get("sections", pl.DataFrame()))
    title = "Composition by HS section"
    if not sections.is_empty():
        specs["chart-sections"] = charts.sections_chart(sections).to_dict()
        shown = sections.with_columns(pl.col("value_usd").map_elements(money, return_dtype=pl.String).alias("value"),
                                      (pl.col("share") * 100).round(1).cast(pl.String) + "%")
        return section("composition", title, "What each direction trades, by the 21 sections of the Harmonized "
                       "System, as the exporter reports it (the importer where the exporter reported nothing). "
                       "Shares are of the products loaded.", charts=["chart-sections"],
                       tables=[table(shown, [("year", "Year", "num"), ("direction", "Direction", "nowrap"),
                                             ("as_reported", "As reported in", ""), ("section_label", "Section", ""),
                                             ("value", "Value", "num"), ("share", "Share", "num")],
                                     title=f"The {_plural(shown.height, 'row')}", collapsed=True)])
    claimed = shape.claimed_sections(frames.get("claims", pl.DataFrame()))
    if not claimed.is_empty():
        specs["chart-claimed-sections"] = charts.claimed_sections_chart(claimed).to_dict()
        return section("composition", title, "No statistics by product are loaded for the pair. What the "
                       "articles claim is traded, by HS section (claims, not statistics):",
                       charts=["chart-claimed-sections"],
                       tables=[table(claimed, [("direction", "Direction", "nowrap"), ("section_label", "Section", ""),
                                               ("claims", "Claims", "num"), ("products", "Products named", "")],
                                     collapsed=True, title="The claims by section")])
    return section("composition", title, empty="No statistics by product and no product claims for the pair.")


def products_section(frames: dict[str, pl.DataFrame]) -> Section:
    top = shape.top_products(frames.get("products", pl.DataFrame()))
    if top.is_empty():
        return section("products", "Top products", empty="No statistics by product are loaded for the pair.")
    tables = []
    for (direction,), rows in top.group_by("direction", maintain_order=True):
        first = rows.row(0, named=True)
        tables.append(table(rows, [("rank", "#", "num"), ("hs_code", "HS", "nowrap"), ("product", "Product", ""),
                                   ("value", "Value", "num")],
                            title=f"{direction}, {first['year']} ({first['as_reported']})"))
    return section("products", "Top products both ways", f"The {shape.TOP_PRODUCTS} largest products of each "
                   "direction in its latest year, at the most detailed level loaded.", tables=tables)


def claims_section(frames: dict[str, pl.DataFrame]) -> Section:
    claims = frames.get("claims")
    if claims is None or claims.is_empty():
        return section("claims", "Claims beside the statistics", empty="The documents make no trade claim about "
                                                                       "the pair.")
    groups = shape.claim_groups(claims)
    tally = claims.group_by("status").len()
    counts = dict(zip(tally["status"].to_list(), tally["len"].to_list()))
    verdicts = ", ".join(f"{counts[v]} {v}" for v in ("supported", "contradicted", "unknown") if counts.get(v))
    annual = frames.get("annual")
    no_statistics = annual is None or annual.is_empty()
    lead = (f"{_plural(claims.height, 'claim')} in {_plural(len(groups), 'sentence')} that one country sells a "
            f"product to the other: {verdicts}."
            + (" No statistics are loaded for these directions and years, so none can be checked yet."
               if no_statistics else " Supported: the HS chapter has trade recorded that year or the year before."))
    return section("claims", "Claims beside the statistics", lead, claim_groups=groups)


def organizations_section(frames: dict[str, pl.DataFrame], pair: Pair) -> Section:
    memberships = frames.get("memberships")
    if memberships is None or memberships.is_empty():
        return section("organizations", "Shared organizations", empty="The documents name no membership.")
    both = (memberships.group_by("organization")
            .agg(pl.col("organization_name").first().alias("name"),
                 pl.col("country_iso3").unique().sort().str.join(", ").alias("members"),
                 pl.col("document_name").unique().sort().str.join("; ").alias("documents"),
                 pl.col("evidence").sort().first().map_elements(shape.shorten, return_dtype=pl.String).alias("evidence"))
            .sort(pl.col("members").str.len_chars(), "organization", descending=[True, False]))
    return section("organizations", "Organizations", f"Organizations the documents say {pair.a} or {pair.b} "
                   "belongs to; both where both are named.",
                   tables=[table(both, [("organization", "Organization", ""), ("name", "Name", ""),
                                        ("members", "Members named", ""), ("evidence", "Evidence", "evidence"),
                                        ("documents", "Documents", "")])])


def people_section(frames: dict[str, pl.DataFrame]) -> Section:
    people = frames.get("people")
    if people is None or people.is_empty():
        return section("people", "People", empty="The documents name no one from either country.")
    frame = (people.group_by("name").agg(
        pl.col("role").drop_nulls().unique().sort().str.join("; ").alias("roles"),
        pl.col("country_iso3").drop_nulls().mode().sort().first().alias("country"),
        pl.col("document_name").n_unique().alias("documents"))
        .sort(["country", "documents", "name"], descending=[False, True, False], nulls_last=True))
    return section("people", "People", "Everyone the documents name from either country, with the roles they give.",
                   tables=[table(frame, [("name", "Name", ""), ("roles", "Role", ""), ("country", "Country", ""),
                                         ("documents", "Documents", "num")])])


def partners_sections(reporter: str, name: str, frames: dict[str, pl.DataFrame], specs: dict,
                      suffix: str = "") -> list[Section]:
    """A reporter's partners: the top partner countries of the latest year with share and change, and the
    largest partners' trend."""
    top, trend, facts = shape.partners_summary(frames["partners"])
    if top.is_empty():
        return [section(f"partners{suffix}", f"{name}'s partners", empty="No statistics by partner.")]
    chart_id, trend_id = f"chart-partners{suffix}", f"chart-partner-trend{suffix}"
    specs[chart_id] = charts.partners_chart(top).to_dict()
    notes = []
    for flow, fact in sorted(facts.items()):
        note = f"{flow}s {fact['total']} in all"
        if fact["areas"]:
            note += (f", of which {fact['areas']} ({fact['areas_share']}) to areas that are not countries "
                     f"({fact['area_names']}): counted in the total, not ranked")
        notes.append(note)
    section_charts = [chart_id]
    if trend["year"].n_unique() > 1:
        specs[trend_id] = charts.partner_trend_chart(trend).to_dict()
        section_charts.append(trend_id)
    lead = (f"The {shape.TOP_PARTNERS} largest partner countries of {name} ({reporter}) in the latest year, as "
            f"{reporter} reports: " + "; ".join(notes) + ".")
    return [section(f"partners{suffix}", f"{name}'s partners", lead, charts=section_charts,
                    tables=[table(top, [("flow", "Flow", ""), ("rank", "#", "num"), ("partner_name", "Partner", ""),
                                        ("value", "Value", "num"), ("share_text", "Share", "num"),
                                        ("change", "Change on the year before", "num")],
                                  title="The partners ranked", collapsed=True)])]
