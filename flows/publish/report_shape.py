"""Shaping a pair's (or a reporter's) rows into what the page shows: one function a section, on Polars frames.

Rules that hold everywhere: each side's statistics stay its own (exporter's exports and importer's imports are
two series, never added); figures stated in articles or published by officials are drawn as claims beside the
statistics, never mixed into them; only countries are partners (areas such as "Other Asia, nes" are reported
as a share, never ranked as a country).
"""
from __future__ import annotations

import polars as pl

from flows.publish.units import money, percent, shorten

TOP_PRODUCTS = 10
TOP_PARTNERS = 15
TREND_PARTNERS = 6
TIMELINE_BUCKETS = 120   # the time axis in this many slices: events of one lane in one slice are stacked
MAX_STACK = 8            # deeper stacks share the last row (the count is in the table and the tooltip)
MONEY_UNITS = {"USD", "US$", "usd", "dollars", "US dollars", "$"}
STATISTICS = "statistics"
PUBLISHED = "published figure (claim)"
ARTICLE = "stated in an article (claim)"


def date_label(date_col: pl.Expr, precision: pl.Expr) -> pl.Expr:
    """A date written at its precision: '11 June 1993', 'November 2016', '2007'."""
    return (pl.when(precision == "year").then(date_col.dt.strftime("%Y"))
            .when(precision == "month").then(date_col.dt.strftime("%B %Y"))
            .otherwise(date_col.dt.strftime("%-d %B %Y")))


def timeline_frame(timeline: pl.DataFrame) -> pl.DataFrame:
    """One row per event with its labels and `slot`: events of one type close in time get their own row."""
    label = pl.coalesce(pl.col("event_label"), pl.col("event_type")) if "event_label" in timeline.columns \
        else pl.col("event_type")
    symmetric = pl.col("is_symmetric") if "is_symmetric" in timeline.columns else pl.lit(False)
    arrow = pl.when(symmetric).then(pl.lit(" ↔ ")).otherwise(pl.lit(" → "))
    events = timeline.with_columns(
        label.alias("type_label"),
        pl.concat_str(pl.col("actor_iso3"), arrow, pl.col("target_iso3")).alias("direction"),
        pl.coalesce(date_label(pl.col("event_date"), pl.col("date_precision")), pl.lit("no date")).alias("when"),
        pl.col("evidence").map_elements(lambda t: shorten(t, 220), return_dtype=pl.String).alias("evidence_short"),
    ).sort("event_date", "event_type", "actor_iso3", nulls_last=True)
    dated = events.filter(pl.col("event_date").is_not_null())
    if dated.is_empty():
        return events.with_columns(pl.lit(0).alias("slot"), pl.lit(0).alias("bucket"))
    first, last = dated["event_date"].min(), dated["event_date"].max()
    span = max((last - first).days, 1)
    bucket = ((pl.col("event_date") - pl.lit(first)).dt.total_days() * TIMELINE_BUCKETS // span).fill_null(-1)
    return events.with_columns(bucket.cast(pl.Int64).alias("bucket")).with_columns(
        pl.int_range(pl.len()).over("type_label", "bucket").clip(0, MAX_STACK - 1).alias("slot"))


def _whole_year(start: str, end: str) -> pl.Expr:
    return ((pl.col(start).dt.year() == pl.col(end).dt.year()) & (pl.col(start).dt.ordinal_day() == 1)
            & (pl.col(end).dt.month() == 12) & (pl.col(end).dt.day() == 31))


def _direction(exporter: pl.Expr, importer: pl.Expr, measure: pl.Expr | None = None) -> pl.Expr:
    arrow = pl.lit(" → ") if measure is None else pl.when(measure == "turnover").then(pl.lit(" ↔ ")).otherwise(pl.lit(" → "))
    return pl.concat_str(exporter, arrow, importer)


def _reported_direction() -> pl.Expr:
    """Which way a statistics row's goods went, from its reporter's side: AZE's exports to BLR and BLR's
    imports from AZE are both `AZE → BLR`."""
    exports = pl.col("flow") == "export"
    return _direction(pl.when(exports).then(pl.col("reporter_iso3")).otherwise(pl.col("partner_iso3")),
                      pl.when(exports).then(pl.col("partner_iso3")).otherwise(pl.col("reporter_iso3"))
                      ).alias("direction")


def trade_series(frames: dict[str, pl.DataFrame]) -> pl.DataFrame:
    """Trade by year: each side's statistics as reported, and whole-year figures published or stated in
    articles (kind says which), one row per year, direction and series."""
    parts = []
    annual = frames.get("annual")
    if annual is not None and not annual.is_empty():
        parts.append(annual.select(
            pl.col("year").cast(pl.Int32),
            _reported_direction(),
            pl.concat_str(pl.col("reporter_iso3"), pl.lit(" reports its "), pl.col("flow"), pl.lit("s ("),
                          pl.col("source"), pl.lit(")")).alias("series"),
            pl.lit(STATISTICS).alias("kind"),
            pl.col("value_usd").cast(pl.Float64),
            pl.col("products").alias("note"),
        ))
    published = frames.get("published")
    if published is not None and not published.is_empty():
        parts.append(published.filter(_whole_year("period_start", "period_end")
                                      & pl.col("measure").is_in(["exports", "imports", "turnover"])).select(
            pl.col("period_start").dt.year().cast(pl.Int32).alias("year"),
            _direction(pl.col("exporter_iso3"), pl.col("importer_iso3"), pl.col("measure")).alias("direction"),
            pl.concat_str(pl.lit("published, "), pl.coalesce(pl.col("reported_by") + pl.lit("'s figure"),
                                                          pl.lit("source not named"))).alias("series"),
            pl.lit(PUBLISHED).alias("kind"),
            pl.col("value_usd").cast(pl.Float64),
            pl.col("measure").alias("note"),
        ))
    figures = frames.get("figures")
    if figures is not None and not figures.is_empty():
        parts.append(figures.filter(pl.col("unit").is_in(list(MONEY_UNITS)) & pl.col("period_start").is_not_null()
                                    & pl.col("period_end").is_not_null() & _whole_year("period_start", "period_end")
                                    & pl.col("measure").is_in(["exports", "imports", "turnover"])).select(
            pl.col("period_start").dt.year().cast(pl.Int32).alias("year"),
            _direction(pl.col("exporter_iso3"), pl.col("importer_iso3"), pl.col("measure")).alias("direction"),
            pl.concat_str(pl.lit("article: "), pl.col("document_name")).alias("series"),
            pl.lit(ARTICLE).alias("kind"),
            pl.col("value").cast(pl.Float64).alias("value_usd"),
            pl.col("measure").alias("note"),
        ))
    if not parts:
        return pl.DataFrame(schema={"year": pl.Int32, "direction": pl.String, "series": pl.String, "kind": pl.String,
                                    "value_usd": pl.Float64, "note": pl.String})
    return (pl.concat(parts, how="vertical_relaxed")
            .group_by("year", "direction", "series", "kind").agg(pl.col("value_usd").max(), pl.col("note").first())
            .with_columns(pl.col("value_usd").map_elements(money, return_dtype=pl.String).alias("value"))
            .sort("direction", "kind", "series", "year"))


def mirror_table(mirror: pl.DataFrame) -> pl.DataFrame:
    """Per year and direction: what the exporter and the importer report, and the gap between them."""
    if mirror.is_empty():
        return pl.DataFrame()
    gap = pl.col("imports_reported_usd") - pl.col("exports_reported_usd")
    return mirror.select(
        "year", _direction(pl.col("exporter_iso3"), pl.col("importer_iso3")).alias("direction"), "source",
        pl.col("exports_reported_usd").map_elements(money, return_dtype=pl.String).fill_null("not reported")
        .alias("exporter_says"),
        pl.col("imports_reported_usd").map_elements(money, return_dtype=pl.String).fill_null("not reported")
        .alias("importer_says"),
        gap.map_elements(money, return_dtype=pl.String).fill_null("–").alias("gap"),
        (gap / pl.col("exports_reported_usd")).map_elements(percent, return_dtype=pl.String).fill_null("–")
        .alias("gap_share"),
        pl.when(pl.col("same_products")).then(pl.lit("same")).otherwise(pl.lit("differ")).alias("products"),
    ).sort("year", "direction", "source")


def sections_frame(sections: pl.DataFrame) -> pl.DataFrame:
    """Value by year, direction and HS section, each direction as its exporter reports it (the importer's
    report where the exporter reported none): one series a direction, never two sides summed."""
    if sections.is_empty():
        return pl.DataFrame()
    exports = pl.col("flow") == "export"
    frame = sections.with_columns(
        _reported_direction(),
        pl.concat_str(pl.col("section"), pl.lit(" "), pl.col("section_name")).alias("section_label"),
        pl.concat_str(pl.col("reporter_iso3"), pl.lit("'s "), pl.col("flow"), pl.lit("s")).alias("as_reported"),
    )
    preferred = frame.with_columns(exports.alias("_exporter_said")).with_columns(
        pl.col("_exporter_said").any().over("year", "direction").alias("_has_exporter"))
    chosen = preferred.filter(pl.col("_exporter_said") | ~pl.col("_has_exporter"))
    return (chosen.group_by("year", "direction", "as_reported", "section", "section_label")
            .agg(pl.col("value_usd").sum())
            .with_columns((pl.col("value_usd") / pl.col("value_usd").sum().over("year", "direction")).alias("share"))
            .sort("direction", "year", "section"))


def top_products(products: pl.DataFrame, limit: int = TOP_PRODUCTS) -> pl.DataFrame:
    """The latest year's largest products each way, as the exporter reports them (else the importer)."""
    if products.is_empty():
        return pl.DataFrame()
    exports = pl.col("flow") == "export"
    frame = products.with_columns(
        _reported_direction(),
        exports.alias("_exporter_said"),
    )
    latest = frame.filter(pl.col("year") == pl.col("year").max().over("direction"))
    latest = latest.filter(pl.col("_exporter_said") | ~pl.col("_exporter_said").any().over("direction"))
    ranked = latest.sort("value_usd", descending=True).with_columns(
        pl.int_range(1, pl.len() + 1).over("direction").alias("rank")).filter(pl.col("rank") <= limit)
    return ranked.select(
        "direction", "year", "rank", "hs_code",
        pl.coalesce(pl.col("description"), pl.lit("")).map_elements(lambda t: shorten(t, 90), return_dtype=pl.String)
        .alias("product"),
        pl.col("value_usd").map_elements(money, return_dtype=pl.String).alias("value"),
        pl.concat_str(pl.col("reporter_iso3"), pl.lit("'s "), pl.col("flow"), pl.lit("s")).alias("as_reported"),
    ).sort("direction", "rank")


def claim_groups(claims: pl.DataFrame) -> list[dict]:
    """Claims grouped by their sentence: the sentence once (shortened, whole on hover), then one row a claim."""
    if claims.is_empty():
        return []
    groups = []
    ordered = claims.sort("published_date", "document_name", "sentence_index", "exporter_iso3", "product",
                          nulls_last=True)
    for (document, sentence), rows in ordered.group_by("document_name", "sentence_index", maintain_order=True):
        first = rows.row(0, named=True)
        groups.append({
            "document": document, "published": str(first.get("published_date") or ""),
            "sentence": shorten(first["evidence"], 200), "sentence_full": " ".join(first["evidence"].split()),
            "claims": [{"direction": f"{r['exporter_iso3']} → {r['importer_iso3']}", "product": r["product"],
                        "chapter": r.get("chapter") or "–", "status": r.get("status") or "unknown",
                        "basis": r.get("basis") or "",
                        "article_year": money(r.get("chapter_usd_article_year")) if r.get("chapter_usd_article_year") is not None else "",
                        "year_before": money(r.get("chapter_usd_year_before")) if r.get("chapter_usd_year_before") is not None else ""}
                       for r in rows.iter_rows(named=True)],
        })
    return groups


def claimed_sections(claims: pl.DataFrame) -> pl.DataFrame:
    """Products the articles say are traded, by HS section and direction (when no statistics are loaded)."""
    if claims.is_empty() or "section" not in claims.columns:
        return pl.DataFrame()
    return (claims.filter(pl.col("section").is_not_null())
            .with_columns(_direction(pl.col("exporter_iso3"), pl.col("importer_iso3")).alias("direction"),
                          pl.concat_str(pl.col("section"), pl.lit(" "), pl.col("section_name")).alias("section_label"))
            .group_by("direction", "section", "section_label")
            .agg(pl.len().alias("claims"), pl.col("product").unique().sort().str.join(", ").alias("products"))
            .sort("direction", "section"))


def partners_summary(partners: pl.DataFrame, limit: int = TOP_PARTNERS) -> tuple[pl.DataFrame, pl.DataFrame, dict]:
    """(top partner countries of the latest year per flow with share and change, their trend by year, facts):
    areas that are not countries count in the total but are never ranked."""
    if partners.is_empty():
        return pl.DataFrame(), pl.DataFrame(), {}
    frame = partners.with_columns(pl.col("partner_kind").is_in(["country", "historical"]).fill_null(False)
                                  .alias("is_country"))
    # The latest year that names most partners: a later file of one partner must not hide the other 50.
    per_year = frame.filter(pl.col("is_country")).group_by("flow", "year").agg(pl.col("partner_iso3").n_unique().alias("n"))
    latest_year = (per_year.filter(pl.col("n") >= 0.5 * pl.col("n").max().over("flow"))
                   .group_by("flow").agg(pl.col("year").max().alias("latest")))
    frame = frame.join(latest_year, on="flow")
    latest = frame.filter(pl.col("year") == pl.col("latest"))
    totals = latest.group_by("flow").agg(pl.col("value_usd").sum().alias("total"),
                                         pl.col("value_usd").filter(~pl.col("is_country")).sum().alias("areas"),
                                         pl.col("partner_name").filter(~pl.col("is_country")).unique().sort()
                                         .str.join("; ").alias("area_names"))
    before = frame.filter(pl.col("year") == pl.col("latest") - 1).select("flow", "partner_iso3",
                                                                         pl.col("value_usd").alias("before"))
    ranked = (latest.filter(pl.col("is_country")).group_by("flow", "year", "partner_iso3", "partner_name")
              .agg(pl.col("value_usd").sum())
              .join(totals, on="flow").join(before, on=["flow", "partner_iso3"], how="left")
              .sort("value_usd", descending=True)
              .with_columns(pl.int_range(1, pl.len() + 1).over("flow").alias("rank"))
              .filter(pl.col("rank") <= limit))
    top = ranked.select(
        "flow", "year", "rank", "partner_iso3", "partner_name", "value_usd",
        pl.col("value_usd").map_elements(money, return_dtype=pl.String).alias("value"),
        (pl.col("value_usd") / pl.col("total")).alias("share"),
        (pl.col("value_usd") / pl.col("total")).map_elements(percent, return_dtype=pl.String).alias("share_text"),
        ((pl.col("value_usd") / pl.col("before")) - 1).map_elements(percent, return_dtype=pl.String)
        .alias("change"),
    ).sort("flow", "rank")
    trend_keys = top.filter(pl.col("rank") <= TREND_PARTNERS).select("flow", "partner_iso3")
    trend = (frame.filter(pl.col("is_country")).join(trend_keys, on=["flow", "partner_iso3"])
             .group_by("flow", "year", "partner_iso3", "partner_name").agg(pl.col("value_usd").sum())
             .sort("flow", "partner_iso3", "year"))
    facts = {row["flow"]: {"total": money(row["total"]), "areas": money(row["areas"]) if row["areas"] else None,
                           "areas_share": percent(row["areas"] / row["total"]) if row["areas"] and row["total"] else None,
                           "area_names": row["area_names"] or ""}
             for row in totals.iter_rows(named=True)}
    return top, trend, facts
