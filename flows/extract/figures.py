"""Figures about the relation: trade values, growth, counts, with period and direction."""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from flows.extract.amounts import find_amounts
from flows.extract.countries import CountryMention
from flows.common.dates import DateMention
from flows.extract.events import split_clauses
from flows.lexicon import read_toml

# compiled once (speed: a pattern string in a hot function is a cache look-up a call)
PERCENT = re.compile(r"%|percent")
GREW = re.compile(r"\b(?:up|rose|grew|increase|growth|higher|more)\b", re.I)

FLOW = re.compile(r"\b(exports?|sales|shipments|supplies|deliveries|imports?)\s+(to|from)\b", re.I)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = read_toml("figures.toml")
    return {
        "relation": re.compile("|".join(data["relation_cues"]), re.I),
        "not_figure": re.compile("|".join(data["not_figure"]), re.I),
        "measures": {k: re.compile("|".join(v), re.I) for k, v in data["measures"].items()},
    }


def _period(dates: list[DateMention], sentence: str, pos: int) -> tuple[date | None, date | None]:
    """The period of the figure at `pos`: the nearest date that is not a comparison base ('up 14% on 2022')."""
    usable = []
    for d in dates:
        if d.value is None or d.kind == "until":
            continue
        if d.text.lower().startswith(("on ", "from ")) and PERCENT.search(sentence[max(0, d.start - 25):d.start]):
            continue
        usable.append(d)
    if not usable:
        return None, None
    d = min(usable, key=lambda d: abs((d.start if d.start >= pos else d.end) - pos))
    start, end = d.value, d.end_value
    if end is None:
        end = {"year": date(start.year, 12, 31),
               "month": (date(start.year + (start.month == 12), start.month % 12 + 1, 1) - timedelta(days=1)),
               }.get(d.precision or "day", start)
    return start, end


def _measure(sentence: str, pos: int, unit: str) -> str:
    """What a figure measures: the nearest measure word before it, else after it."""
    best, best_key = None, None
    for name, pattern in _rules()["measures"].items():
        for m in pattern.finditer(sentence, max(0, pos - 80), min(len(sentence), pos + 40)):
            key = (0, pos - m.start()) if m.start() < pos else (1, m.start() - pos)
            if best_key is None or key < best_key:
                best, best_key = name, key
    window = sentence[max(0, pos - 30):pos + 30]
    if unit == "percent":
        grew = GREW.search(window)
        return f"{best or 'trade'} growth" if grew else "share"
    if unit not in ("USD", "EUR", "JPY", "GBP", "RUB", "CNY") and len(unit) != 3:
        return "count"
    return best or "value"


def find_figures(sentence: str, countries: list[CountryMention], dates: list[DateMention],
                 pair_spans: list[tuple[int, int]], pair: tuple[str, str] | None) -> list[dict]:
    """Figures a sentence states about the pair's relation, as staging rows without the evidence columns."""
    if pair is None:
        return []
    rules = _rules()
    flows = list(FLOW.finditer(sentence))
    rows = []
    for a in find_amounts(sentence, [(d.start, d.end) for d in dates]):
        if rules["not_figure"].search(sentence[max(0, a.start - 40):a.start]):
            continue
        if not _about_relation(sentence, a.start, countries, pair):
            continue
        measure = _measure(sentence, a.start, a.unit)
        start, end = _period(dates, sentence, a.start)
        exporter = importer = None
        flow = max((f for f in flows if f.start() < a.start), key=lambda f: f.start(), default=None)
        if flow is not None and measure.startswith(("exports", "imports")):
            exporter, importer = _direction(flow, countries, pair)
        rows.append({"measure": measure, "value": float(a.value), "unit": a.unit, "qualifier": a.qualifier,
                     "period_start": start, "period_end": end, "exporter_iso3": exporter, "importer_iso3": importer})
    return rows


def _about_relation(sentence: str, pos: int, countries: list[CountryMention], pair: tuple[str, str]) -> bool:
    """The clause of the figure says it is about the pair: a cue, both countries, or 'X exports to Y'."""
    start, end = next(((s, e) for s, e in split_clauses(sentence) if s <= pos < e), (0, len(sentence)))
    clause = sentence[start:end]
    inside = [c for c in countries if start <= c.start < end]
    if _rules()["relation"].search(clause) or len({c.iso3 for c in inside} & set(pair)) == 2:
        return True
    for flow in FLOW.finditer(clause):
        if any(c.start - start - flow.end() in range(0, 6) for c in inside):
            return True
    return False


def _direction(flow: re.Match[str], countries: list[CountryMention], pair: tuple[str, str]) -> tuple[str | None, str | None]:
    """'Uzbek exports to Kazakhstan' -> (UZB, KAZ); 'imports from Romania' -> (ROU, the other of the pair)."""
    before = [c for c in countries if c.end <= flow.start() and flow.start() - c.end <= 12]
    after = [c for c in countries if flow.end() <= c.start <= flow.end() + 6]
    if not after:
        return None, None
    if flow.group(2).lower() == "to":
        return (before[-1].iso3 if before else None), after[0].iso3
    exporter = after[0].iso3
    return exporter, (pair[1] if pair[0] == exporter else pair[0]) if exporter in pair else None
