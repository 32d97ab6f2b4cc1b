"""Words between an office and the name that follows it: a military rank after a comma ('Minister of Defence,
Gen. Jon Roe'), and brackets: an epithet of the person's own language ('the then
President of B (Mwami) Dr. Jon Roe') or the office's portfolio ('Minister of State (Foreign Affairs) Jon Roe', an
Indian and South Asian way of writing a junior minister's charge)."""
from __future__ import annotations

from flows.extract.names import Tok, match_seq, title_lexicon

PORTFOLIO_REACH = 4  # words inside a portfolio bracket: '(Trade and Industry)', '(External Affairs)'


def skip_bracketed_epithet(toks: list[Tok], k: int) -> int:
    """Past a bracket at token k that is no name: one capitalised word, an epithet or a form of address, or the
    words of a portfolio ('(Foreign Affairs)', '(Trade and Industry)'); k itself when none."""
    if (k + 3 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")" and toks[k + 1].text.isalpha()
            and toks[k + 1].text[:1].isupper() and not toks[k + 1].text.isupper() and toks[k + 1].country is None):
        return k + 3
    return _past_portfolio(toks, k)


def _past_portfolio(toks: list[Tok], k: int) -> int:
    """Past '(External Affairs)' at k when every word inside is a portfolio word or 'and' and a word follows it."""
    if k >= len(toks) or toks[k].text != "(":
        return k
    portfolio = title_lexicon()["portfolio"]
    for n in range(k + 1, min(len(toks) - 1, k + 2 + PORTFOLIO_REACH)):
        if toks[n].text == ")":
            return n + 1 if n > k + 1 else k
        if toks[n].text not in portfolio and toks[n].text not in ("and", "&"):
            return k
    return k


def rank_width(toks: list[Tok], k: int, lex: dict) -> int:
    """Tokens of a military rank at k and its abbreviation's full stop ('Gen.', 'Lt. Gen.'), 0 when none."""
    width = match_seq(toks, k, lex["ranks"])
    return width + 1 if width and k + width < len(toks) and toks[k + width].text == "." else width
