"""One self-contained HTML report of the database: timeline, trade, composition, claims, organizations, people.

Charts are Vega-Lite specs built with Altair and rendered by the vega-embed bundle that vl-convert ships, inlined
into the page, so the file opens with no network. Everything is read from the report views; a view the database
lacks (an older database, or no trade loaded) gives a section that says so instead of an error.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import altair as alt
import duckdb
import jinja2
import polars as pl

from flows.warehouse import connect

TEMPLATE = Path(__file__).with_name("report_template.html")
VIEWS = ("v_relations_timeline", "v_dyad_summary", "v_trade_annual", "v_trade_reported", "v_trade_composition",
         "v_trade_claims_vs_statistics", "v_trade_claims", "v_memberships", "v_person_mentions", "etl_run")
TOP_CHAPTERS = 8
EXPORT_FLOWS = ("export", "re-export")
IMPORT_FLOWS = ("import", "re-import")


@dataclass
class ReportResult:
    """Where the report went and what it holds."""

    path: str
    bytes: int
    charts: list[str]
    events: int
    sections: dict[str, int] = field(default_factory=dict)


# ---------------------------------------------------------------- reading

def read_views(con: duckdb.DuckDBPyConnection, names: tuple[str, ...] = VIEWS) -> dict[str, pl.DataFrame]:
    """The named views (or tables) that exist in the database, as Polars frames."""
    present = {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}
    return {name: con.sql(f'select * from "{name}"').pl() for name in names if name in present}


def _has(frames: dict[str, pl.DataFrame], name: str, *columns: str) -> bool:
    frame = frames.get(name)
    return frame is not None and not frame.is_empty() and all(c in frame.columns for c in columns)


def _records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: dates and times as ISO text, the way Vega-Lite parses them."""
    temporal = [c for c, t in frame.schema.items() if t.is_temporal()]
    return frame.with_columns(pl.col(temporal).cast(pl.String)).to_dicts()


# ---------------------------------------------------------------- shaping

def date_label(date: pl.Expr, precision: pl.Expr) -> pl.Expr:
    """A date written at its precision: '11 June 1993', 'November 2016', '2007'."""
    return (pl.when(precision == "year").then(date.dt.strftime("%Y"))
            .when(precision == "month").then(date.dt.strftime("%B %Y"))
            .otherwise(date.dt.strftime("%-d %B %Y")))


def pair_label(a: pl.Expr, b: pl.Expr) -> pl.Expr:
    """An undirected pair as 'AZE–BLR' (alphabetical), so both directions land in one lane."""
    return pl.concat_str(pl.min_horizontal(a, b), pl.lit("–"), pl.max_horizontal(a, b))


def timeline_frame(timeline: pl.DataFrame) -> pl.DataFrame:
    """One row per event with the labels the chart and the table show."""
    label = pl.coalesce(pl.col("event_label"), pl.col("event_type")) if "event_label" in timeline.columns \
        else pl.col("event_type")
    symmetric = next((pl.col(c) for c in ("is_symmetric", "symmetric") if c in timeline.columns), pl.lit(False))
    arrow = pl.when(symmetric).then(pl.lit(" ↔ ")).otherwise(pl.lit(" → "))
    return timeline.with_columns(
        label.alias("type_label"),
        pair_label(pl.col("actor_iso3"), pl.col("target_iso3")).alias("pair"),
        pl.concat_str(pl.col("actor_iso3"), arrow, pl.col("target_iso3")).alias("direction"),
        pl.coalesce(date_label(pl.col("event_date"), pl.col("date_precision")), pl.lit("no date")).alias("when"),
    ).sort("event_date", "event_type", "actor_iso3", nulls_last=True)


def trade_by_year_frame(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Trade per year, direction and reporting side, from the statistics and from published figures.

    A reporter's exports and its partner's imports of the same flow are two series of one direction (mirror
    statistics differ by CIF/FOB and coverage), never added together. Re-exports and re-imports are left out:
    Comtrade counts them inside exports and imports already.
    """
    parts = []
    if _has(frames, "v_trade_annual", "year", "reporter_iso3", "partner_iso3", "flow", "value_usd"):
        annual = frames["v_trade_annual"].filter(pl.col("flow").is_in(["export", "import"]))
        exports = pl.col("flow") == "export"
        parts.append(annual.select(
            pl.col("year").cast(pl.Int32),
            pl.when(exports).then(pl.col("reporter_iso3")).otherwise(pl.col("partner_iso3")).alias("exporter"),
            pl.when(exports).then(pl.col("partner_iso3")).otherwise(pl.col("reporter_iso3")).alias("importer"),
            pl.concat_str(pl.col("reporter_iso3"), pl.lit(" "), pl.col("flow"), pl.lit("s"),
                          *([pl.lit(" ("), pl.col("source"), pl.lit(")")] if "source" in annual.columns else []))
            .alias("reported_by"),
            pl.lit("statistics").alias("kind"),
            pl.col("value_usd").cast(pl.Float64),
        ))
    if _has(frames, "v_trade_reported", "period_start", "period_end", "measure", "value_usd"):
        reported = frames["v_trade_reported"]
        whole_year = ((pl.col("period_start").dt.year() == pl.col("period_end").dt.year())
                      & (pl.col("period_start").dt.ordinal_day() == 1)
                      & (pl.col("period_end").dt.month() == 12) & (pl.col("period_end").dt.day() == 31))
        by = pl.col("reported_by") if "reported_by" in reported.columns else pl.lit(None, pl.String)
        parts.append(reported.filter(whole_year & pl.col("measure").is_in(["exports", "imports", "turnover"])).select(
            pl.col("period_start").dt.year().cast(pl.Int32).alias("year"),
            pl.col("exporter_iso3").alias("exporter"),
            pl.col("importer_iso3").alias("importer"),
            pl.concat_str(pl.lit("published ("), pl.coalesce(by, pl.lit("source not named")), pl.lit(")"))
            .alias("reported_by"),
            pl.when(pl.col("measure") == "turnover").then(pl.lit("turnover")).otherwise(pl.lit("published"))
            .alias("kind"),
            pl.col("value_usd").cast(pl.Float64),
        ))
    if not parts:
        return pl.DataFrame()
    frame = pl.concat(parts, how="vertical_relaxed")
    arrow = pl.when(pl.col("kind") == "turnover").then(pl.lit(" ↔ ")).otherwise(pl.lit(" → "))
    return (frame.with_columns(pl.concat_str("exporter", arrow, "importer").alias("direction"),
                               pair_label(pl.col("exporter"), pl.col("importer")).alias("pair"))
            .group_by("pair", "year", "direction", "reported_by", "kind")
            .agg(pl.col("value_usd").sum())
            .sort("pair", "direction", "reported_by", "year"))


def composition_frame(composition: pl.DataFrame) -> pl.DataFrame:
    """Value per year, direction and HS chapter: the top chapters of each direction, the rest as 'other'."""
    columns = composition.columns
    chapter = next((c for c in ("hs_chapter", "chapter") if c in columns), None)
    if chapter is None or "value_usd" not in columns or "year" not in columns:
        return pl.DataFrame()
    if {"exporter_iso3", "importer_iso3"} <= set(columns):
        direction = pl.concat_str("exporter_iso3", pl.lit(" → "), "importer_iso3")
    elif {"reporter_iso3", "partner_iso3", "flow"} <= set(columns):
        # A series is one direction as one side reports it in one source: mirrors are never summed.
        exports = pl.col("flow").is_in(EXPORT_FLOWS)
        direction = pl.concat_str(pl.when(exports).then(pl.col("reporter_iso3")).otherwise(pl.col("partner_iso3")),
                                  pl.lit(" → "),
                                  pl.when(exports).then(pl.col("partner_iso3")).otherwise(pl.col("reporter_iso3")),
                                  pl.lit(", as "), pl.col("reporter_iso3"), pl.lit(" reports its "), pl.col("flow"),
                                  pl.lit("s"),
                                  *([pl.lit(" ("), pl.col("source"), pl.lit(")")] if "source" in columns else []))
    else:
        return pl.DataFrame()
    description = next((c for c in ("chapter_description", "description", "chapter_name") if c in columns), None)
    name = pl.concat_str(pl.col(chapter).cast(pl.String), pl.lit(" "), pl.col(description)) if description \
        else pl.concat_str(pl.lit("HS "), pl.col(chapter).cast(pl.String))
    frame = composition.select(pl.col("year").cast(pl.Int32), direction.alias("direction"), name.alias("chapter"),
                               pl.col("value_usd").cast(pl.Float64))
    totals = frame.group_by("direction", "chapter").agg(pl.col("value_usd").sum().alias("total"))
    top = (totals.with_columns(pl.col("total").rank("ordinal", descending=True).over("direction").alias("rank"))
           .filter(pl.col("rank") <= TOP_CHAPTERS).select("direction", "chapter"))
    kept = frame.join(top.with_columns(pl.lit(True).alias("top")), on=["direction", "chapter"], how="left")
    return (kept.with_columns(pl.when(pl.col("top")).then(pl.col("chapter")).otherwise(pl.lit("other chapters"))
                              .alias("chapter"))
            .group_by("year", "direction", "chapter").agg(pl.col("value_usd").sum())
            .with_columns((pl.col("value_usd") / pl.col("value_usd").sum().over("year", "direction")).alias("share"))
            .sort("direction", "year", "chapter"))


def organizations_frame(memberships: pl.DataFrame) -> pl.DataFrame:
    """Each organization with the countries the documents say belong to it and where they say so."""
    return (memberships.group_by("organization")
            .agg(pl.col("organization_name").first().alias("name"),
                 pl.col("country_iso3").unique().sort().str.join(", ").alias("countries"),
                 pl.col("document_name").unique().sort().str.join("; ").alias("documents"),
                 pl.col("evidence").sort().first().alias("evidence"))
            .sort("organization"))


def people_frame(people: pl.DataFrame, timeline: pl.DataFrame | None) -> pl.DataFrame:
    """Each person once, with roles, country, documents and how many events name them."""
    frame = (people.group_by("name")
             .agg(pl.col("role").drop_nulls().unique().sort().str.join("; ").alias("roles"),
                  pl.col("country_iso3").drop_nulls().mode().sort().first().alias("country"),
                  pl.col("document_name").n_unique().alias("documents"),
                  pl.len().alias("mentions")))
    if timeline is not None and "participants" in timeline.columns:
        named = (timeline.select(pl.col("participants").str.split("; ").alias("name")).explode("name")
                 .group_by("name").agg(pl.len().alias("events")))
        frame = frame.join(named, on="name", how="left").with_columns(pl.col("events").fill_null(0))
    else:
        frame = frame.with_columns(pl.lit(0).alias("events"))
    return frame.sort(["country", "events", "name"], descending=[False, True, False], nulls_last=True)


# ---------------------------------------------------------------- charts

def timeline_chart(events: pl.DataFrame) -> alt.TopLevelMixin:
    """Events on a time axis, one lane a type, coloured by type; hover shows the evidence."""
    dated = events.filter(pl.col("event_date").is_not_null())
    data = alt.Data(values=_records(dated.select(
        "event_date", "when", "date_precision", "type_label", "pair", "direction", "status", "summary",
        "participants", "evidence", "documents", "n_documents")))
    pairs = sorted(dated["pair"].unique().to_list())
    base = alt.Chart(data).encode(
        x=alt.X("event_date:T", title=None, scale=alt.Scale(padding=24),
                axis=alt.Axis(format="%Y", labelOverlap=True, grid=True)),
        y=alt.Y("type_label:N", title=None, sort=alt.EncodingSortField("event_date", op="min"),
                axis=alt.Axis(labelLimit=280)),
        # twelve event types: a 20-colour scheme keeps every type its own colour
        color=alt.Color("type_label:N", title="Event type", scale=alt.Scale(scheme="tableau20"),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=320)),
        tooltip=[alt.Tooltip("when:N", title="Date"), alt.Tooltip("type_label:N", title="Event"),
                 alt.Tooltip("direction:N", title="Countries"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("participants:N", title="People"), alt.Tooltip("evidence:N", title="Evidence"),
                 alt.Tooltip("documents:N", title="Reported in")],
    )
    points = base.mark_point(size=160, filled=True, opacity=0.9).encode(
        shape=alt.Shape("status:N", title="Status", scale=alt.Scale(domain=["occurred", "planned"],
                                                                     range=["circle", "triangle-up"])),
    )
    chart = points.properties(width="container", height=max(160, 34 * dated["type_label"].n_unique()))
    if len(pairs) > 1:
        pick = alt.param(name="pair", value=None,
                         bind=alt.binding_select(options=[None, *pairs], labels=["all pairs", *pairs], name="Pair: "))
        chart = chart.add_params(pick).transform_filter("pair == null || datum.pair == pair")
    return chart.interactive(bind_y=False)


def trade_chart(trade: pl.DataFrame) -> alt.TopLevelMixin:
    """Trade value by year, one panel a country pair (own scale): a line per direction and reporting side."""
    data = alt.Data(values=_records(trade))
    # A quantitative year axis keeps the gaps between reported years honest (2003, 2008, 2021 are not neighbours).
    base = alt.Chart(data).encode(
        x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False)),
        y=alt.Y("value_usd:Q", title="US dollars", axis=alt.Axis(format="~s")),
        color=alt.Color("direction:N", title="Direction"),
        tooltip=[alt.Tooltip("year:Q", title="Year", format="d"), alt.Tooltip("direction:N", title="Direction"),
                 alt.Tooltip("reported_by:N", title="Reported by"),
                 alt.Tooltip("value_usd:Q", title="US dollars", format=",.0f")],
    )
    lines = base.mark_line().encode(detail="reported_by:N",
                                    strokeDash=alt.StrokeDash("reported_by:N", title="Reported by", legend=None))
    points = base.mark_point(filled=True, size=80).encode(
        shape=alt.Shape("reported_by:N", title="Reported by", legend=alt.Legend(labelLimit=300)))
    return (alt.layer(lines, points, data=data).properties(width=720, height=220)
            .facet(row=alt.Row("pair:N", title=None, header=_panel_header()))
            .resolve_scale(y="independent"))


def _panel_header() -> alt.Header:
    return alt.Header(labelAngle=0, labelOrient="top", labelAlign="left", labelFontWeight="bold", labelFontSize=12,
                      labelLimit=700)


def composition_chart(composition: pl.DataFrame) -> alt.TopLevelMixin:
    """HS chapters per year stacked, one panel (own scale) a direction as one side reports it."""
    data = alt.Data(values=_records(composition))
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("year:O", title="Year"),
        y=alt.Y("value_usd:Q", title="US dollars", axis=alt.Axis(format="~s")),
        color=alt.Color("chapter:N", title="HS chapter", legend=alt.Legend(orient="bottom", columns=2, labelLimit=360)),
        row=alt.Row("direction:N", title=None, header=_panel_header()),
        tooltip=[alt.Tooltip("year:O"), alt.Tooltip("direction:N"), alt.Tooltip("chapter:N", title="Chapter"),
                 alt.Tooltip("value_usd:Q", title="US dollars", format=",.0f"),
                 alt.Tooltip("share:Q", title="Share", format=".1%")],
    ).properties(width=720, height=180).resolve_scale(y="independent")


# ---------------------------------------------------------------- page

def _table(frame: pl.DataFrame, columns: list[tuple[str, str, str]], badge: str | None = None) -> dict[str, Any]:
    """A template table: columns are (key, label, css class)."""
    present = [(k, label, css) for k, label, css in columns if k in frame.columns]
    return {"columns": [{"key": k, "label": label, "css": css, "badge": k == badge} for k, label, css in present],
            "rows": frame.select([k for k, _, _ in present]).to_dicts() if not frame.is_empty() else []}


def _money(value: float | None) -> str:
    if value is None:
        return "–"
    for size, suffix in ((1e9, " billion"), (1e6, " million"), (1e3, " thousand")):
        if abs(value) >= size:
            return f"US$ {value / size:,.2f}{suffix}"
    return f"US$ {value:,.0f}"


def pair_cards(summary: pl.DataFrame) -> list[dict[str, Any]]:
    """The country-pair summary as cards of label/value facts."""
    cards = []
    for row in summary.iter_rows(named=True):
        facts = [("relations since", row.get("relations_established") or "–"),
                 ("events", f"{row.get('n_events', 0)} ({row.get('n_planned', 0)} planned)"),
                 ("visits", f"{row.get('n_visits', 0)}, last {row.get('last_visit') or '–'}"),
                 ("shared organizations", row.get("shared_organizations") or "–")]
        if row.get("latest_trade_value_usd") is not None:
            period = f"{row.get('latest_trade_period_start')} – {row.get('latest_trade_period_end')}"
            facts.append((f"latest {row.get('latest_trade_measure') or 'trade'}",
                          f"{_money(row['latest_trade_value_usd'])} ({period}, "
                          f"reported by {row.get('latest_trade_reported_by') or 'unnamed source'})"))
        cards.append({"title": f"{row['country_a']} – {row['country_b']}", "facts": facts})
    return cards


def _section(id_: str, title: str, lead: str, *, chart: str | None = None, table: dict | None = None,
             empty: str | None = None) -> dict[str, Any]:
    return {"id": id_, "title": title, "lead": lead, "chart_id": chart, "table": table, "empty": empty}


def build_sections(frames: dict[str, pl.DataFrame]) -> tuple[list[dict[str, Any]], dict[str, dict], dict[str, int]]:
    """(page sections, chart specs by element id, rows per section) from the report views."""
    sections, specs, counts = [], {}, {}
    missing = "This database has no {what} (view {view} is empty or absent)."

    if _has(frames, "v_relations_timeline", "event_date", "event_type"):
        events = timeline_frame(frames["v_relations_timeline"])
        specs["chart-timeline"] = timeline_chart(events).to_dict()
        table = _table(events, [("when", "Date", ""), ("type_label", "Event", ""), ("direction", "Countries", ""),
                                ("status", "Status", ""), ("participants", "People", ""),
                                ("evidence", "Evidence", "evidence"), ("documents", "Reported in", "")],
                       badge="status")
        undated = events.filter(pl.col("event_date").is_null()).height
        several = events["pair"].n_unique() > 1
        lead = (f"{events.height} events merged from the documents; hover a point for its evidence"
                + ("; the menu under the chart picks one pair." if several else ".")
                + (f" {undated} planned {'event' if undated == 1 else 'events'} without a date "
                   f"{'is' if undated == 1 else 'are'} in the table only." if undated else ""))
        sections.append(_section("timeline", "Relations timeline", lead, chart="chart-timeline", table=table))
        counts["timeline"] = events.height
    else:
        sections.append(_section("timeline", "Relations timeline", "",
                                 empty=missing.format(what="events", view="v_relations_timeline")))
        counts["timeline"] = 0

    trade = trade_by_year_frame(frames)
    if not trade.is_empty():
        specs["chart-trade"] = trade_chart(trade).to_dict()
        table = _table(trade.with_columns(pl.col("value_usd").map_elements(_money, return_dtype=pl.String)),
                       [("year", "Year", "num"), ("direction", "Direction", ""), ("reported_by", "Reported by", ""),
                        ("value_usd", "Value", "num")])
        sections.append(_section("trade", "Trade by year",
                                 "Each direction as each side reports it: exporter's and importer's statistics differ "
                                 "(CIF/FOB, timing, coverage) and are never added together.",
                                 chart="chart-trade", table=table))
    else:
        sections.append(_section("trade", "Trade by year", "",
                                 empty=missing.format(what="annual trade", view="v_trade_annual / v_trade_reported")))
    counts["trade"] = trade.height

    composition = composition_frame(frames["v_trade_composition"]) if _has(frames, "v_trade_composition") \
        else pl.DataFrame()
    if not composition.is_empty():
        specs["chart-composition"] = composition_chart(composition).to_dict()
        table = _table(composition.with_columns(pl.col("value_usd").map_elements(_money, return_dtype=pl.String),
                                                (pl.col("share") * 100).round(1).cast(pl.String) + "%"),
                       [("year", "Year", "num"), ("direction", "Direction", ""), ("chapter", "HS chapter", ""),
                        ("value_usd", "Value", "num"), ("share", "Share", "num")])
        sections.append(_section("composition", "Trade composition by HS chapter",
                                 f"The {TOP_CHAPTERS} largest chapters of each direction; the rest as 'other'.",
                                 chart="chart-composition", table=table))
    else:
        sections.append(_section("composition", "Trade composition by HS chapter", "",
                                 empty=missing.format(what="trade by product", view="v_trade_composition")))
    counts["composition"] = composition.height

    claims_view = "v_trade_claims_vs_statistics" if _has(frames, "v_trade_claims_vs_statistics") else "v_trade_claims"
    if _has(frames, claims_view):
        claims = frames[claims_view]
        verdict = next((c for c in ("status", "verdict") if c in claims.columns), None)
        money = [c for c in ("chapter_usd_article_year", "chapter_usd_year_before") if c in claims.columns]
        claims = claims.with_columns(pl.col(money).map_elements(_money, return_dtype=pl.String))
        if "chapter" not in claims.columns and "hs_chapter" in claims.columns:
            claims = claims.rename({"hs_chapter": "chapter"})
        table = _table(claims, [("exporter_iso3", "Exporter", ""), ("importer_iso3", "Importer", ""),
                                ("product", "Product", ""), ("chapter", "HS chapter", ""),
                                ("status", "Statistics say", ""), ("basis", "Why", ""),
                                ("chapter_usd_article_year", "Chapter, article's year", "num"),
                                ("chapter_usd_year_before", "Chapter, year before", "num"),
                                ("evidence", "Claim", "evidence"), ("document_name", "Document", "")],
                       badge=verdict)
        if verdict:
            tally = claims.group_by(verdict).len()
            by_verdict = dict(zip(tally[verdict].to_list(), tally["len"].to_list()))
            verdicts = ", ".join(f"{by_verdict.get(v, 0)} {v}" for v in ("supported", "contradicted", "unknown"))
            lead = (f"Each sentence saying one country sells a product to the other, beside what the statistics "
                    f"record: {claims.height} claims, {verdicts}.")
        else:
            lead = ("Each sentence saying one country sells a product to the other (no statistics loaded to check "
                    "them against).")
        sections.append(_section("claims", "Claims vs statistics", lead, table=table))
        counts["claims"] = claims.height
    else:
        sections.append(_section("claims", "Claims vs statistics", "",
                                 empty=missing.format(what="trade claims", view="v_trade_claims")))
        counts["claims"] = 0

    if _has(frames, "v_memberships", "organization", "country_iso3"):
        organizations = organizations_frame(frames["v_memberships"])
        sections.append(_section("organizations", "Shared organizations",
                                 "Organizations the documents say the countries belong to together.",
                                 table=_table(organizations, [("organization", "Organization", ""), ("name", "Name", ""),
                                                              ("countries", "Members named", ""),
                                                              ("evidence", "Evidence", "evidence"),
                                                              ("documents", "Documents", "")])))
        counts["organizations"] = organizations.height
    else:
        sections.append(_section("organizations", "Shared organizations", "",
                                 empty=missing.format(what="memberships", view="v_memberships")))
        counts["organizations"] = 0

    if _has(frames, "v_person_mentions", "name"):
        people = people_frame(frames["v_person_mentions"], frames.get("v_relations_timeline"))
        sections.append(_section("people", "People involved", "Everyone the documents name, with the roles they give.",
                                 table=_table(people, [("name", "Name", ""), ("roles", "Role", ""),
                                                       ("country", "Country", ""), ("events", "Events", "num"),
                                                       ("documents", "Documents", "num")])))
        counts["people"] = people.height
    else:
        sections.append(_section("people", "People involved", "",
                                 empty=missing.format(what="people", view="v_person_mentions")))
        counts["people"] = 0
    return sections, specs, counts


def _vega_bundle() -> tuple[str, str]:
    """(the vega-embed JavaScript bundle, its Vega-Lite version), from vl-convert: no network."""
    import vl_convert
    from altair.utils._importers import vl_version_for_vl_convert

    version = vl_version_for_vl_convert()
    return vl_convert.javascript_bundle(vl_version=version), version


def _json_for_script(value: object) -> str:
    """JSON safe inside a <script> element: text such as '</script>' in evidence cannot close it."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_report(frames: dict[str, pl.DataFrame], *, source: str, generated: datetime | None = None,
                  bundle: Callable[[], tuple[str, str]] = _vega_bundle) -> tuple[str, dict[str, Any]]:
    """(the HTML page, facts about it) for frames read from the report views."""
    sections, specs, counts = build_sections(frames)
    summary = frames.get("v_dyad_summary")
    cards = pair_cards(summary) if summary is not None and not summary.is_empty() else []
    pairs = ", ".join(card["title"] for card in cards) if len(cards) <= 3 else f"{len(cards)} country pairs"
    runs = frames.get("etl_run")
    last = (runs.filter(pl.col("status") == "succeeded").sort("started_at").tail(1).to_dicts()
            if runs is not None and "status" in runs.columns else [])
    run_text = f"last run {last[0]['run_id']} ({last[0]['started_at']:%Y-%m-%d %H:%M})" if last else "no finished run"
    stamp = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    script, version = bundle()
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    html = environment.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        title=f"dyad report{': ' + pairs if pairs else ''}",
        subtitle=f"{source} · {run_text} · generated {stamp}",
        pairs=cards, sections=sections, specs_json=_json_for_script(specs),
        vega_bundle=script.replace("</script", "<\\/script"), vegalite_version=version,
        footer="Made by dyad from news articles and trade statistics. Charts: Vega-Lite, rendered in this page.",
    )
    return html, {"charts": list(specs), "sections": counts}


def build_report(db: Path, out: Path, *, wait_seconds: float = 0.0) -> ReportResult:
    """Write the report of db to out as one self-contained HTML file."""
    if not Path(db).exists():
        raise FileNotFoundError(f"database {db} does not exist: run `dyad run` first")
    con = connect(Path(db), wait_seconds=wait_seconds, read_only=True)
    try:
        frames = read_views(con)
    finally:
        con.close()
    html, facts = render_report(frames, source=Path(db).name)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_text(html, encoding="utf-8")
    partial.replace(out)
    return ReportResult(path=str(out), bytes=out.stat().st_size, charts=facts["charts"],
                        events=facts["sections"].get("timeline", 0), sections=facts["sections"])
