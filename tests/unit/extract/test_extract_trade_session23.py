"""Trade claims of the `trade23` branch: a subordinate clause's own subject ('Trade favours A because B imports X from
A'); goods written in title case as a trade term ('Liquefied Natural Gas (LNG)'); what names no goods: a pronoun, a bare unit,
a lone adverb, a frequency after the goods; an item's own value before it with no 'of' ('imported $6 million cement');
'the country' after a time phrase as the subject of the clause after 'while'; a list continued after a ';' and closed
by the whole list's partner ('X; Y, Z and W to B'); an absolute clause naming a flow's goods after its figure ('..., the
main products being X and Y'); a serial comma keeps a list's last item apart ('pumps, and spare parts'), a comma the
halves of a fixed pair ('machinery, equipment'); a word of quality before goods already claimed ('high-quality machinery'); the share of a flow's figure after a dash
('reached $1bn — 95 percent was X'). Sentences of our own (Ghana-Togo),
none an article's wording."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import trade_of

GT = "Accra, 3 April 2024\n\nGhana and Togo held talks on trade and investment on Tuesday.\n\n"
G, T = "GHA", "TGO"


CASES = {
    # the clause a subordinator opens has the country after it as its subject, not the one the main clause named
    "because": ("The balance is in favour of Ghana because Togo buys cement and roofing sheets from Ghana.",
                {(G, T, "cement"), (G, T, "roofing sheets")}),
    "comma as": ("The balance tilts towards Togo, as Ghana imports phosphates from Togo.", {(T, G, "phosphates")}),
    # 'such as' opens no clause: the first country stays the subject
    "such as": ("Ghana, like neighbours such as Togo, exports cocoa to Togo.", {(G, T, "cocoa")}),
    # a trade term the product table knows, capitalised word by word, with its acronym
    "title case": ("Togo buys Liquefied Natural Gas (LNG), salt and cement from Ghana.",
                   {(G, T, "liquefied natural gas (LNG)"), (G, T, "salt"), (G, T, "cement")}),
    # a title-case name the table does not know stays a name
    "title name": ("Togo buys Golden Star Brand and salt from Ghana.", {(G, T, "salt")}),
    # a pronoun, a bare unit, a sentence adverb, a frequency: no goods
    "pronoun": ("Togo imports cement from Ghana. It imports all of it.", {(G, T, "cement")}),
    "bare unit": ("For cement alone, Ghana exported over 9,000 tons to Togo in 2023.", set()),
    "adverb": ("Ghana sold cement to Togo in 2020. Subsequently sales to Togo grew steadily.", {(G, T, "cement")}),
    "annually": ("Ghana exported barely 9,000 bags of cement annually to Togo.", {(G, T, "cement")}),
    # each item with its own value before it and no 'of': the goods after the figure
    "money lead": ("Togo imported $6 million cement and $2.5 million roofing sheets from Ghana.",
                   {(G, T, "cement"), (G, T, "roofing sheets")}),
    "money alone": ("Togo imported $6 million and cement from Ghana.", {(G, T, "cement")}),
    # 'the country' after a time phrase, in the clause after 'while': the anaphor of the subject before
    "the country": ("In May, Togo imported salt from Ghana, while in June the country imported $2 million cement.",
                    {(G, T, "salt"), (G, T, "cement")}),
    # a list continued after a ';' and closed by the partner of the whole list
    "semicolon then partner": ("Ghana in turn is shipping cement; soap, cosmetics and furniture to Togo.",
                               {(G, T, "cement"), (G, T, "soap"), (G, T, "cosmetics"), (G, T, "furniture")}),
    "semicolon, two flows": ("Ghana sells cement to Togo; Togo sells phosphates to Ghana.",
                             {(G, T, "cement"), (T, G, "phosphates")}),
    # an absolute clause after the flow's figure names its goods
    "products being": ("Ghana had shipped to Togo goods worth $58 million, many products being cement, soap and "
                       "roofing sheets.", {(G, T, "cement"), (G, T, "soap"), (G, T, "roofing sheets")}),
    "the main products being": ("Ghana sold goods worth $9 million to Togo, the main products being salt and cement.",
                                {(G, T, "salt"), (G, T, "cement")}),
    # a list's last item after the serial comma is its own, not the parts of the item before
    "serial and": ("Togo buys cement, roofing sheets, pumps, and spare parts from Ghana.",
                   {(G, T, "cement"), (G, T, "roofing sheets"), (G, T, "pumps"), (G, T, "spare parts")}),
    "pumps and parts": ("Togo buys cement and pumps and spare parts from Ghana.",
                        {(G, T, "cement"), (G, T, "pumps and spare parts")}),
    # the halves of a fixed pair told with a comma are two items of the list
    "fixed pair, comma": ("Togo buys machinery, equipment, soap and salt from Ghana.",
                          {(G, T, "machinery"), (G, T, "equipment"), (G, T, "soap"), (G, T, "salt")}),
    # a word of quality before goods already claimed is the same claim
    "quality": ("Togo buys machinery from Ghana. Ghana supplies Togo with high-quality machinery and soap.",
                {(G, T, "machinery"), (G, T, "soap")}),
    # the share of a flow's figure after a dash names its goods; a share paid in cash names none
    "dash share": ("Ghana's exports to Togo reached $1.1 billion in 2013 — 95 percent was roofing sheets.",
                   {(G, T, "roofing sheets")}),
    "dash share, no goods": ("Ghana's exports to Togo reached $1.1 billion in 2013 — 95 percent was paid in cash.",
                             set()),
}


def test_lone_adverb_and_vague_items() -> None:
    from flows.extract.product_shape import names_no_goods
    assert names_no_goods("subsequently") and names_no_goods("it") and names_no_goods("tons")
    assert not names_no_goods("jelly") and not names_no_goods("cement")


@pytest.mark.parametrize("case", list(CASES))
def test_trade23_shapes(extract, case: str) -> None:
    text, claims = CASES[case]
    assert trade_of(extract(GT + text)) == claims
