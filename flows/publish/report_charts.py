"""The report's charts as Vega-Lite specs (Altair), each sized by what it shows so a page stays bounded.

Money axes read 'US$ 1.2 bn' (units.VEGA_MONEY); legends never cut entries (symbolLimit 0) and none is
needed where an axis already names the values (the timeline's lanes).
"""
from __future__ import annotations

from typing import Any

import altair as alt
import polars as pl

from flows.publish.report_shape import ARTICLE, PUBLISHED, STATISTICS
from flows.publish.units import VEGA_MONEY

LANE_HEIGHT = 30
SLOT_HEIGHT = 11


def records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows: dates and times as ISO text, the way Vega-Lite parses them."""
    temporal = [c for c, t in frame.schema.items() if t.is_temporal()]
    return frame.with_columns(pl.col(temporal).cast(pl.String)).to_dicts()


def _money_axis(title: str = "US$") -> alt.Axis:
    return alt.Axis(title=title, labelExpr=VEGA_MONEY, tickCount=5)


def year_axis(years: pl.Series) -> alt.Axis:
    """Whole years only (a 2-year span must not read '2022, 2023, 2023'), every year or every 5th."""
    present = sorted(int(y) for y in years.drop_nulls().unique())
    if not present:
        return alt.Axis(format="d")
    step = 1 if present[-1] - present[0] <= 15 else 5
    return alt.Axis(format="d", values=list(range(present[0] - present[0] % step, present[-1] + 1, step)))


def timeline_chart(events: pl.DataFrame) -> alt.TopLevelMixin:
    """Events on a time axis, a lane a type; events of a lane close in time stacked in rows (slot), so no
    point hides another. Scroll zooms the time axis, drag pans, double-click resets."""
    dated = events.filter(pl.col("event_date").is_not_null())
    lanes = dated["type_label"].n_unique()
    depth = int(dated["slot"].max() or 0) + 1
    lane = max(LANE_HEIGHT, SLOT_HEIGHT * depth)
    data = alt.Data(values=records(dated.select(
        "event_date", "when", "type_label", "direction", "status", "participants", "evidence_short", "documents",
        "slot")))
    return alt.Chart(data).mark_point(size=90 if depth <= 3 else 45, filled=True, opacity=0.85).encode(
        x=alt.X("event_date:T", title=None, scale=alt.Scale(padding=16),
                axis=alt.Axis(format="%Y", labelOverlap=True, grid=True)),
        y=alt.Y("type_label:N", title=None, sort=alt.EncodingSortField("event_date", op="min"),
                axis=alt.Axis(labelLimit=260)),
        yOffset=alt.YOffset("slot:O", scale=alt.Scale(paddingInner=0.1)),
        color=alt.Color("type_label:N", legend=None, scale=alt.Scale(scheme="tableau20")),
        shape=alt.Shape("status:N", title="Status", scale=alt.Scale(domain=["occurred", "planned"],
                                                                     range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("when:N", title="Date"), alt.Tooltip("type_label:N", title="Event"),
                 alt.Tooltip("direction:N", title="Countries"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("participants:N", title="People"), alt.Tooltip("evidence_short:N", title="Evidence"),
                 alt.Tooltip("documents:N", title="Reported in")],
    ).properties(width="container", height=lanes * lane).interactive(bind_y=False)


def trade_chart(series: pl.DataFrame) -> alt.TopLevelMixin:
    """Trade by year: a line per direction and reporting side (statistics); published and article figures
    as hollow marks beside them, labelled claims. A quantitative year axis keeps gaps between years honest."""
    data = alt.Data(values=records(series))
    base = alt.Chart(data).encode(
        x=alt.X("year:Q", title=None, axis=year_axis(series["year"]), scale=alt.Scale(zero=False, nice=False,
                                                                                     padding=12)),
        y=alt.Y("value_usd:Q", axis=_money_axis(), scale=alt.Scale(zero=True)),
        color=alt.Color("direction:N", title="Direction", legend=alt.Legend(orient="top", symbolLimit=0)),
        tooltip=[alt.Tooltip("year:Q", title="Year", format="d"), alt.Tooltip("direction:N", title="Direction"),
                 alt.Tooltip("series:N", title="Reported by"), alt.Tooltip("kind:N", title="Kind"),
                 alt.Tooltip("value:N", title="Value")],
    )
    statistics = base.transform_filter(alt.datum.kind == STATISTICS)
    lines = statistics.mark_line(strokeWidth=2).encode(
        detail="series:N", strokeDash=alt.StrokeDash("series:N", title="Statistics", legend=alt.Legend(
            orient="bottom", symbolLimit=0, labelLimit=360, direction="vertical")))
    points = statistics.mark_point(filled=True, size=50).encode(detail="series:N")
    claims = base.transform_filter(alt.datum.kind != STATISTICS).mark_point(size=110, strokeWidth=2, filled=False).encode(
        shape=alt.Shape("kind:N", title="Claims", scale=alt.Scale(domain=[PUBLISHED, ARTICLE],
                                                                   range=["diamond", "triangle-up"]),
                        legend=alt.Legend(orient="bottom", symbolLimit=0, labelLimit=360, direction="vertical")))
    layers = ([lines, points] if (series["kind"] == STATISTICS).any() else []) + \
        ([claims] if (series["kind"] != STATISTICS).any() else [])
    return alt.layer(*layers).properties(width="container", height=260)


def sections_chart(sections: pl.DataFrame) -> alt.TopLevelMixin:
    """HS sections stacked per year, a panel a direction (its own scale)."""
    data = alt.Data(values=records(sections))
    return alt.Chart(data).mark_bar().encode(
        x=alt.X("year:O", title=None),
        y=alt.Y("value_usd:Q", axis=_money_axis(), stack="zero"),
        color=alt.Color("section_label:N", title="HS section", scale=alt.Scale(scheme="tableau20"),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=340, symbolLimit=0)),
        order=alt.Order("section:N"),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("direction:N", title="Direction"),
                 alt.Tooltip("as_reported:N", title="As reported in"),
                 alt.Tooltip("section_label:N", title="Section"),
                 alt.Tooltip("value_usd:Q", title="US$", format=",.0f"),
                 alt.Tooltip("share:Q", title="Share", format=".1%")],
    ).properties(width=520, height=150).facet(
        row=alt.Row("direction:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top",
                                                                  labelFontWeight="bold"))
    ).resolve_scale(y="independent")


def claimed_sections_chart(claimed: pl.DataFrame) -> alt.TopLevelMixin:
    """How many article claims name a product of each HS section, each direction (no statistics loaded)."""
    data = alt.Data(values=records(claimed))
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("section_label:N", title=None, axis=alt.Axis(labelLimit=320), sort="x"),
        x=alt.X("claims:Q", title="claims in articles", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("direction:N", title="Direction", legend=alt.Legend(orient="top")),
        yOffset="direction:N",
        tooltip=["direction:N", alt.Tooltip("section_label:N", title="Section"), "claims:Q",
                 alt.Tooltip("products:N", title="Products named")],
    ).properties(width="container", height=max(80, 26 * claimed["section_label"].n_unique()))


def partners_chart(top: pl.DataFrame) -> alt.TopLevelMixin:
    """The latest year's top partner countries as bars, a panel a flow."""
    data = alt.Data(values=records(top))
    return alt.Chart(data).mark_bar().encode(
        y=alt.Y("partner_name:N", title=None, sort=alt.EncodingSortField("value_usd", order="descending"),
                axis=alt.Axis(labelLimit=220)),
        x=alt.X("value_usd:Q", axis=_money_axis()),
        tooltip=[alt.Tooltip("partner_name:N", title="Partner"), alt.Tooltip("value:N", title="Value"),
                 alt.Tooltip("share_text:N", title="Share of the year"), alt.Tooltip("change:N", title="Change")],
    ).properties(width=520, height=alt.Step(18)).facet(
        row=alt.Row("flow:N", title=None, header=alt.Header(labelAngle=0, labelOrient="top", labelAlign="left",
                                                             labelFontWeight="bold"))
    ).resolve_scale(y="independent")


def partner_trend_chart(trend: pl.DataFrame) -> alt.TopLevelMixin:
    """The largest partners' value by year: one line a partner, a panel a flow."""
    data = alt.Data(values=records(trend))
    return alt.Chart(data).mark_line(point=True).encode(
        x=alt.X("year:Q", title=None, axis=year_axis(trend["year"]), scale=alt.Scale(zero=False)),
        y=alt.Y("value_usd:Q", axis=_money_axis()),
        color=alt.Color("partner_name:N", title="Partner", legend=alt.Legend(orient="right", symbolLimit=0)),
        tooltip=["partner_name:N", alt.Tooltip("year:Q", format="d"),
                 alt.Tooltip("value_usd:Q", title="US$", format=",.0f")],
    ).properties(width=520, height=180).facet(
        row=alt.Row("flow:N", title=None, header=alt.Header(labelAngle=0, labelOrient="top", labelAlign="left",
                                                             labelFontWeight="bold"))
    ).resolve_scale(y="independent")
