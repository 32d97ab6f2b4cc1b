"""A country-less sentence that opens with a flow noun, gives the flow's figure and then its goods ('Exports of goods
and services came to $2bn in 2022, consisting mostly of X and Y'; trade37). The flow is the one the text is on (the
page's side, trade_lists.country_less_list); this module only finds the head and its kind.

Not read: a flow to or from a place ('Exports to the EU reached $3bn, mainly X'), a world or a sector's total
('World exports of tin ...' does not open with the flow noun), a figure still to come ('are expected to reach').
The rows live in trade.toml [clause_bits] (ownerless_figure_head, ownerless_figure_unreal)."""
from __future__ import annotations

from flows.extract.trade_lexicon import clause_bit


def ownerless_figure(sentence: str) -> tuple[str, int] | None:
    """('export' | 'import', where the figure's stretch starts) when the sentence opens with an ownerless flow noun
    followed by its verb and a figure; None otherwise."""
    m = clause_bit("ownerless_figure_head").match(sentence)
    if m is None or clause_bit("ownerless_figure_unreal").search(m.group(0)):
        return None
    return ("export" if m.group("flow").lower().startswith("export") else "import"), m.start("verb")
