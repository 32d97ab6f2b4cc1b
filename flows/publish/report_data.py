"""What a report page reads: the country pairs of the database and, for one pair or one reporter, the rows
of the report views that concern it (SQL with parameters, so a 500-document or 200-partner database is
filtered in DuckDB, never loaded whole into the page).

Only countries are pairs or partners: Comtrade's areas ("Other Asia, nes"), groups and totals are not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb
import polars as pl

from flows.warehouse import fetch_frame

# dim_country kinds that are countries (historical states included: the USSR traded).
COUNTRY_KINDS = ("country", "historical")
TRADE_FLOWS = ("export", "import")
PAIR_PATTERN = re.compile(r"^\s*([A-Za-z]{3})\s*[-–/_ ,]\s*([A-Za-z]{3})\s*$")


class ReportInputError(ValueError):
    """The report cannot be made as asked (an unknown pair, a database without the views)."""


@dataclass(frozen=True)
class Pair:
    """Two countries, alphabetical: AZE-BLR and BLR-AZE are one pair."""

    a: str
    b: str

    @classmethod
    def parse(cls, text: str) -> "Pair":
        """'AZE-BLR', 'blr-aze', 'AZE/BLR' -> Pair('AZE', 'BLR')."""
        match = PAIR_PATTERN.match(text or "")
        if not match:
            raise ReportInputError(f"a pair is two ISO3 codes such as AZE-BLR, not {text!r}")
        first, second = sorted(c.upper() for c in match.groups())
        if first == second:
            raise ReportInputError(f"a pair is two different countries, not {text!r}")
        return cls(first, second)

    @property
    def slug(self) -> str:
        """'AZE-BLR': the page's file name and the --pair value."""
        return f"{self.a}-{self.b}"

    @property
    def params(self) -> dict[str, str]:
        return {"a": self.a, "b": self.b}


def relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Tables and views of the main schema."""
    return {r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'main'").fetchall()}


def _countries_sql() -> str:
    kinds = ", ".join(f"'{k}'" for k in COUNTRY_KINDS)
    return f"(select iso3 from dim_country where kind in ({kinds}))"


PAIRS_SQL = """
    with documents as (
        select least(actor_iso3, target_iso3) as country_a, greatest(actor_iso3, target_iso3) as country_b,
               document_key
        from fact_event_mention where actor_iso3 <> target_iso3
        union
        select least(exporter_iso3, importer_iso3), greatest(exporter_iso3, importer_iso3), document_key
        from fact_trade_claim where exporter_iso3 <> importer_iso3
        union
        select least(exporter_iso3, importer_iso3), greatest(exporter_iso3, importer_iso3), document_key
        from fact_figure where exporter_iso3 <> importer_iso3
    ),
    counts as (
        select country_a, country_b, count(distinct document_key) as n_documents from documents group by all
    ),
    trade as (
        select country_a, country_b,
               max(coalesce(a_reported_turnover_usd, b_reported_turnover_usd)) as turnover_usd
        from v_trade_turnover group by all
    )
    select s.country_a, s.country_b, coalesce(c.n_documents, 0) as n_documents, s.n_events, s.n_planned,
           s.statistics_latest_year, t.turnover_usd,
           coalesce(s.turnover_reported_by_a_usd, s.turnover_reported_by_b_usd) as latest_turnover_usd,
           s.latest_trade_value_usd, s.latest_trade_measure, s.latest_trade_period_end
    from v_dyad_summary as s
    left join counts as c using (country_a, country_b)
    left join trade as t using (country_a, country_b)
    where s.country_a in {countries} and s.country_b in {countries}
    order by n_documents desc, coalesce(t.turnover_usd, 0) desc, s.n_events desc, s.country_a, s.country_b
"""


def list_pairs(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every pair of countries the database knows, the pair with most documents first (then most trade)."""
    if not {"v_dyad_summary", "v_trade_turnover", "dim_country"} <= relations(con):
        raise ReportInputError("the database has no report views: run `dyad run` first")
    return fetch_frame(con, PAIRS_SQL.format(countries=_countries_sql()))


def choose_pair(pairs: pl.DataFrame, wanted: str | None) -> Pair:
    """The pair asked for (it must exist), else the one with most documents."""
    known = {Pair(a, b) for a, b in pairs.select("country_a", "country_b").iter_rows()}
    if wanted:
        pair = Pair.parse(wanted)
        if pair not in known:
            sample = ", ".join(p.slug for p in sorted(known, key=lambda p: p.slug)[:12])
            raise ReportInputError(f"the database has nothing on {pair.slug}"
                                   + (f"; pairs it has: {sample}{' ...' if len(known) > 12 else ''}" if known else ""))
        return pair
    if pairs.is_empty():
        raise ReportInputError("the database holds no pair of countries yet: run `dyad run` on documents or "
                               "statistics first")
    return Pair(pairs["country_a"][0], pairs["country_b"][0])


# One query a frame; :a and :b are the pair (alphabetical). Each keeps the view's own columns.
PAIR_QUERIES: dict[str, str] = {
    "summary": "select * from v_dyad_summary where country_a = $a and country_b = $b",
    "timeline": """select * from v_relations_timeline
                   where least(actor_iso3, target_iso3) = $a and greatest(actor_iso3, target_iso3) = $b""",
    "annual": f"""select * from v_trade_annual
                  where ((reporter_iso3 = $a and partner_iso3 = $b) or (reporter_iso3 = $b and partner_iso3 = $a))
                  and flow in {TRADE_FLOWS}""",
    "mirror": """select * from v_trade_mirror
                 where least(exporter_iso3, importer_iso3) = $a and greatest(exporter_iso3, importer_iso3) = $b
                 order by year, exporter_iso3, source""",
    "published": """select * from v_trade_reported
                    where least(exporter_iso3, importer_iso3) = $a and greatest(exporter_iso3, importer_iso3) = $b""",
    "figures": """select * from v_figures
                  where least(exporter_iso3, importer_iso3) = $a and greatest(exporter_iso3, importer_iso3) = $b""",
    "sections": f"""select * from v_trade_sections
                    where ((reporter_iso3 = $a and partner_iso3 = $b) or (reporter_iso3 = $b and partner_iso3 = $a))
                    and flow in {TRADE_FLOWS}""",
    "products": f"""select p.*, d.description
                    from v_trade_annual_products as p
                    left join dim_product as d on d.hs_code = p.hs_code
                    where ((p.reporter_iso3 = $a and p.partner_iso3 = $b) or (p.reporter_iso3 = $b and p.partner_iso3 = $a))
                    and p.flow in {TRADE_FLOWS} and p.is_top_product""",
    "claims": """select c.*, p.section, p.section_name
                 from v_trade_claims_vs_statistics as c
                 left join dim_product as p on p.hs_code = c.chapter and p.level = 2
                 where least(c.exporter_iso3, c.importer_iso3) = $a and greatest(c.exporter_iso3, c.importer_iso3) = $b""",
    "memberships": "select * from v_memberships where country_iso3 in ($a, $b)",
    "people": "select * from v_person_mentions where country_iso3 in ($a, $b)",
    "countries": "select iso3, name from dim_country where iso3 in ($a, $b)",
}


def pair_frames(con: duckdb.DuckDBPyConnection, pair: Pair) -> dict[str, pl.DataFrame]:
    """Every frame of a pair's page, by name (views the database lacks give no frame)."""
    present = relations(con)
    frames = {}
    for name, sql in PAIR_QUERIES.items():
        needed = set(re.findall(r"\b((?:v|dim)_\w+)", sql))
        if needed <= present:
            frames[name] = fetch_frame(con, sql, {"a": pair.a, "b": pair.b})
    return frames


MULTI_PARTNER_SQL = f"""
    select reporter_iso3, count(distinct partner_iso3) as n_partners
    from v_trade_annual
    where flow in {TRADE_FLOWS} and partner_iso3 in {{countries}}
    group by reporter_iso3
    having count(distinct partner_iso3) >= $least
    order by n_partners desc, reporter_iso3
"""


def multi_partner_reporters(con: duckdb.DuckDBPyConnection, least: int = 3) -> pl.DataFrame:
    """Reporters whose statistics name at least `least` partner countries (a partners page each)."""
    if "v_trade_annual" not in relations(con):
        return pl.DataFrame({"reporter_iso3": [], "n_partners": []})
    return fetch_frame(con, MULTI_PARTNER_SQL.format(countries=_countries_sql()), {"least": least})


PARTNERS_SQL = f"""
    select a.year, a.flow, a.source, a.partner_iso3, c.name as partner_name, c.kind as partner_kind,
           a.value_usd, a.products
    from v_trade_annual as a
    left join dim_country as c on c.iso3 = a.partner_iso3
    where a.reporter_iso3 = $reporter and a.flow in {TRADE_FLOWS}
"""


def partner_frames(con: duckdb.DuckDBPyConnection, reporter: str) -> dict[str, pl.DataFrame]:
    """One reporter's statistics by partner (areas kept, marked by kind, for the share they take)."""
    return {"partners": fetch_frame(con, PARTNERS_SQL, {"reporter": reporter}),
            "reporter": fetch_frame(con, "select iso3, name from dim_country where iso3 = $r", {"r": reporter})}


def last_run(con: duckdb.DuckDBPyConnection) -> dict | None:
    """The last run that succeeded (id and start), for the page's subtitle."""
    if "etl_run" not in relations(con):
        return None
    rows = fetch_frame(con, "select run_id, started_at from etl_run where status = 'succeeded' "
                            "order by started_at desc limit 1").to_dicts()
    return rows[0] if rows else None
