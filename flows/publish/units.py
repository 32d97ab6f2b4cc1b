"""Numbers and text as people write them in a report: "US$ 1.2 bn", a sentence cut at a word."""
from __future__ import annotations

import math

# (size, suffix) largest first: what analysts write in briefs and the press (bn, m), never SI's "G".
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))

# The same rule for Vega-Lite axis labels (labelExpr), so charts and tables agree.
VEGA_MONEY = ("abs(datum.value) >= 1e12 ? 'US$ ' + format(datum.value / 1e12, '.3~r') + ' tn' : "
              "abs(datum.value) >= 1e9 ? 'US$ ' + format(datum.value / 1e9, '.3~r') + ' bn' : "
              "abs(datum.value) >= 1e6 ? 'US$ ' + format(datum.value / 1e6, '.3~r') + ' m' : "
              "abs(datum.value) >= 1e3 ? 'US$ ' + format(datum.value / 1e3, '.3~r') + ' k' : "
              "'US$ ' + format(datum.value, ',.0f')")


def money(value: float | None, *, digits: int = 3) -> str:
    """US dollars at a readable scale with `digits` significant digits: 'US$ 1.23 bn', 'US$ 450 m', '–' for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "-" if value < 0 else ""
    size = abs(value)
    for scale, suffix in SCALES:
        if size >= scale:
            return f"{sign}US$ {_significant(size / scale, digits)} {suffix}"
    return f"{sign}US$ {size:,.0f}"


def _significant(value: float, digits: int) -> str:
    """value with `digits` significant digits, no trailing zeros: 1.2, 45.3, 999."""
    decimals = max(0, digits - 1 - int(math.floor(math.log10(value)))) if value > 0 else 0
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(share: float | None) -> str:
    """A share (0..1) as '12.3%'; '–' for none."""
    return "–" if share is None else f"{share * 100:.1f}%"


def shorten(text: str | None, limit: int = 180) -> str:
    """Text cut at a word boundary within `limit` characters, ending in '…' when cut; whitespace collapsed."""
    words = " ".join((text or "").split())
    if len(words) <= limit:
        return words
    cut = words[:limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
