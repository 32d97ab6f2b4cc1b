"""A headline's trade claims. A headline is no sentence (document.py reads sentences only), except one that passes
verdicts on goods before a colon and tells the flow after it: 'Cocoa strong, timber weak: Ruritanian exports to
Freedonia hold up' names the goods of that flow as plainly as a sentence would."""
from __future__ import annotations

from flows.extract.countries import find_countries
from flows.extract.sentences import Sentence
from flows.extract.trade import TradeClaim, TradeState, find_trade_claims
from flows.extract.trade_lexicon import trade_lexicon


def headline_claims(heading: str, pair: tuple[str, str] | None) -> list[tuple[Sentence, list[TradeClaim]]]:
    """The heading's lines of that shape with their claims; each line stands as sentence 0 (it comes before it), read
    with a state of its own, so the body's reading does not start from it."""
    out, pos = [], 0
    for line in heading.splitlines(keepends=True):
        text = line.strip()
        colon = text.find(":")
        if colon > 0 and trade_lexicon()["headline"].match(text[:colon + 1]):
            claims = find_trade_claims(text, find_countries(text), TradeState(pair=pair))
            start = heading.index(text, pos)
            if claims:
                out.append((Sentence(index=0, start=start, end=start + len(text), text=text), claims))
        pos += len(line)
    return out
