"""Product lists: 'wheat, flour and rolled steel' -> three products, each mapped to an HS chapter or heading."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.words import alternation
from flows.extract.product_chapters import back_owners, is_tariff_qualifier, join_back
from flows.extract.product_hs import hs_code_for, is_listed_product, names_hs_heading
from flows.extract.product_shape import all_vague, vague_words
from flows.extract.trade_lexicon import clause_bit
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _words() -> dict:
    data = read_toml("trade.toml")
    return {
        # ('{reporting_verb}': the one reporting-verb group of [clause_bits], read by trade_owner.goods_owner too)
        "end": re.compile("|".join(_run_start(row.replace("{reporting_verb}", data["clause_bits"]["reporting_verb"]))
                                   for row in data["list_end"]), re.I),
        "lead": re.compile(r"^(?:(?:" + "|".join(data["list_lead"]) + r")\s+)+", re.I),
        "generic": set(data["generic_heads"]),
        "not_goods": set(data["not_goods"]) | set(data["abstract_nouns"]) | set(data["activity_nouns"])
        | set(data["help_kinds"]),
        "joint_pairs": {tuple(p.split(" and ")) for p in data["joint_pairs"]},
        "fixed_pairs": {tuple(p.split(" and ")) for p in data["fixed_pairs"]},
        "class_words": set(data["class_words"]),
        # (a catch-all after a class word: 'other materials'; _joins reads the union, built once here)
        "class_or_vague": set(data["class_words"]) | set(data["vague_words"]),
        "tied_class_words": set(data["tied_class_words"]),
        "not_in_products": set(data["not_in_products"]),
        "end_not": set(data["product_end_not"]),
        "start_not": set(data["product_start_not"]),
        "dependent": set(data["dependent_items"]),
        "shared_modifiers": set(data["shared_modifiers"]),
        "qualifiers": _qualifier_run(data["heading_qualifiers"]),
        "value": re.compile(_run_start(data["item_value"])),
        "quantity": re.compile(r"^" + data["item_quantity"], re.I),
        "money_lead": re.compile(r"^" + data["item_money_lead"]),
        "unit": re.compile(r"^" + data["item_unit"], re.I),
        "particle": re.compile(r"^" + alternation(data["verb_particles"]) + r"(?:\s+|$)", re.I),
        "headings": re.compile(r"(?<![\w-])" + alternation(data["customs_headings"]) + r"(?![\w-])", re.I),
    }


def _run_start(row: str) -> str:
    """A row that opens with a run of spaces starts only where the run does: the leftmost match starts there anyway
    (the run takes any extra spaces), and the search no longer restarts from every space of a long run (quadratic:
    seconds on a few thousand spaces; as item_figure and QUALIFIER_CANDIDATE, mend36b). Rows that open with ',' or a
    lookbehind are left as they are; one that opens with an optional comma (', among' or ' among') takes the comma or
    the run's start."""
    if row.startswith(",?\\s"):
        return r"(?:,|(?<!\s))" + row[2:]
    return r"(?<!\s)" + row if row.startswith(("\\s+", "(?:\\s*\\(")) else row


def _qualifier_run(words: list[str]) -> re.Pattern[str]:
    """A comma and the run of heading qualifiers after it, up to the next item ('Natural gas, liquefied and ...',
    'Cocoa beans, whole or broken, raw or roasted, ...'); trade.toml heading_qualifiers."""
    one = r"(?:whether\s+or\s+not\s+|not\s+)?" + alternation(words)
    group = one + r"(?:\s+or\s+(?:not\s+)?" + one + r")*"
    return re.compile(r"(?<=\w),\s*" + group + r"(?:\s*,\s*" + group + r")*(?=\s*,|\s*$|\s+and\s|\s+valued\b)", re.I)


def _keep_qualifiers(text: str, lex: dict) -> str:
    """'Natural gas, liquefied and tea': a customs heading's qualifiers stay with its goods, so their commas and 'or's
    are marked as no separators (same length)."""
    return lex["qualifiers"].sub(lambda m: mark_inner(m.group(0), ands=False, ors=True), text)


def _keep_headings(text: str, lex: dict) -> str:
    """'tea, mineral fuels, oils and distillation products': a customs class printed as one name (trade.toml
    customs_headings) keeps its commas, 'and's and 'or's as no separators (same length)."""
    return lex["headings"].sub(lambda m: mark_inner(m.group(0), ors=True), text)


# The marks continued_lists puts inside one item of a list told by semicolons ('X; polymers of A, B and C; Y'): a comma
# and the 'a' of 'and' that do not separate items (same length, so positions in the sentence stay)
INNER_COMMA, INNER_AND = "\x1e", "\x1dnd"
# an item's own figure in brackets ('coffee (62.5%)', 'steel (279 million dollars)'): no part of the product's name
BRACKET_FIGURE = re.compile(r"\s*\([^()]*\d[^()]*\)")


# what may stand between one item's bracketed figure and the next item: ', ', ' and ', ', and '
FIGURE_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


def _figured_items(text: str) -> str:
    """A list whose items each carry a figure in brackets, as a table turned into prose ('motor parts and tyres (USD 4
    million), pots, pans and kettles (USD 2 million) and salt (USD 1 million)'): the brackets end the items, so the
    commas and 'and's inside an item are marked as its own (INNER_COMMA, INNER_AND); any other text as it was."""
    figures = list(BRACKET_FIGURE.finditer(text))
    if len(figures) < 2:
        return text
    out, pos = [], 0
    for i, m in enumerate(figures):
        gap = FIGURE_GAP.match(text, pos) if i else None
        if i and (gap is None or gap.end() >= m.start()):
            return text  # two figures with no item between them: no such list
        start = gap.end() if gap else pos
        item = _after_covering_class(text[start:m.start()]) if not i else text[start:m.start()]
        out.append(text[pos:start] + _inner(item) + m.group(0))
        pos = m.end()
    return "".join(out) + text[pos:]


# 'farm and timber goods: cocoa (41%), logs (12%)': a covering class before the colon that opens its members
COVERING_COLON = re.compile(r"^[^,;:()]{1,60}:\s")


def _after_covering_class(item: str) -> str:
    """The first item of a figured list with the covering class before its colon blanked (same length): the members
    after the colon, each with its figure, are the goods ('farm and timber goods: cocoa (41%)' -> '...cocoa (41%)',
    the class blanked); any other item as it was."""
    m = COVERING_COLON.match(item)
    return " " * m.end() + item[m.end():] if m and len(item[:m.end()].split()) <= 6 else item


def _inner(item: str) -> str:
    """The item's commas and 'and's marked as part of its name (same length); the capital a table row opens with lowered
    when it opens a vague word ('Other machine parts (N2 billion)': no name)."""
    first = re.match(r"\s*([A-Z])([a-z]+)\b", item)
    if first and (first.group(1).lower() + first.group(2)) in vague_words():
        item = item[: first.start(1)] + first.group(1).lower() + item[first.end(1):]
    return mark_inner(item)


def mark_inner(text: str, *, ands: bool = True, commas: bool = True, ors: bool = False) -> str:
    """The separators of text marked as part of one item's name (same length, so positions stay): its commas (not a
    thousands comma) as INNER_COMMA, its 'and's as INNER_AND, its 'or's as \\x1f ('pots, pans and kettles (USD 2m)';
    'coffee, tea, maté and spices', a customs class). unmark reads the comma and 'and' back."""
    if commas:
        text = clause_bit("inner_comma").sub(INNER_COMMA, text)
    if ands:
        text = clause_bit("inner_and").sub(INNER_AND, text)
    return text.replace(" or ", " \x1f ") if ors else text


def unmark(text: str) -> str:
    """The text with continued_lists' inner marks read back as the comma and 'and' they stand for."""
    return text.replace(INNER_COMMA, ",").replace(INNER_AND, "and")


POSSESSIVE_OR = re.compile(r"\b([a-z]+[’']s?)\s+or\s+([a-z]+[’']s?)\s*,?\s+(?=[a-z])", re.I)
SHARED_OR = re.compile(r"(?<![\w-])([a-z][a-z-]+)\s+or\s+(?=[a-z][\w-]*(?:\s+[a-z][\w-]*){1,2}\s*(?:,|$|\s+and\s))")
# A list item that holds a flow noun names no goods: 'primary exports', 'its partner's total exports in' ('motor vehicle
# re-exports' is goods re-sold)
# Two modifiers that share the head after them: 'semi- and fully-processed cocoa', 'heating and cooling equipment' (a
# cut-off prefix, or two -ing words of which only the second carries the head) are one item, told as written
SHARED_HEAD_AND = re.compile(r"(?<![\w-])(?:[a-z]+-|[a-z]{3,}ing)\s+(and)\s+(?=[a-z]{3,}ing\s+[a-z]|[a-z][\w-]*\s*[a-z])", re.I)
# 'chemicals and related products', 'dyes and allied goods': a class told with its kin is one item (a lone 'related
# products' names nothing)
KIN_AND = re.compile(r"(?<=\w)\s+and\s+(?=(?:related|allied)\s+(?:products|goods|items|articles|materials)\b)", re.I)
ACRONYM_AFTER = re.compile(r"\s*\([A-Z]{2,6}\)\s*$")
FLOW_HEADS = {"exports", "imports", "shipments", "sales", "purchases", "deliveries"}


def split_products(text: str) -> list[str]:
    """'wheat, flour, rolled steel and petroleum products' -> four products; 'wood and wood materials' stays one."""
    lex = _words()
    text = BRACKET_FIGURE.sub("", _figured_items(text))
    text = clause_bit("ranked_with").sub(r", \1", text)
    text = lex["lead"].sub("", text.strip())
    # 'plastics etc. US$ 169 million worth of ...': an 'etc.' the sentence splitter kept closes the list
    text = clause_bit("etc_close").sub("", text)
    # 'goods such as wheat and oil', 'commodities including cotton': the examples are products; a named class is one
    # too ('farm products such as sugar': the class and each example), a bare 'goods' is vague and drops below
    text = clause_bit("class_examples").sub(r"\1, ", text)
    # 'half of all its purchases, which include coal, tyres and ...': the list starts after the relative verb
    text = clause_bit("relative_list_verb").sub("", text)
    # 'foodstuff such as cereals and fruit': a named class and its examples are each a product
    text = clause_bit("such_as").sub(", ", text)
    # 'traditional or primary exports': a lone word before 'or' that names no goods of its own shares the head of the
    # two words after it ('coal or crude oil' stays two)
    text = _keep_qualifiers(_keep_headings(text, lex), lex)
    text = SHARED_HEAD_AND.sub(_shared_head, text)
    text = KIN_AND.sub(lambda m: mark_inner(m.group(0)), text)
    # "women's or girls', coats", "men's or boys' shirts": two possessives share the head after them (a stray comma
    # after the second one is no separator)
    text = POSSESSIVE_OR.sub(lambda m: f"{m.group(1)} \x1f {m.group(2)} ", text)
    text = SHARED_OR.sub(lambda m: m.group(0) if names_hs_heading(m.group(1)) or is_listed_product(m.group(1))
                         else m.group(1) + " \x1f ", text)
    # (a lead word is no part of the item it opens: 'as well as articles of pulp and paper' joins as five words)
    merged: list[str] = []
    # ('iron and steel and their products': an item that points back joins the goods it points at, one customs class)
    for part, separator in join_back(_items(text, lex), mark_inner):
        # (a list's last item after ', and' stands apart: 'trucks, and spare parts' are two where 'pumps and spare
        # parts' may be one; so do the halves of a fixed pair told with a comma: 'machinery, equipment, textiles')
        apart = clause_bit("serial_and").match(separator) is not None or (
            "," in separator and _fixed_pair(merged[-1] if merged else "", part, lex))
        if merged and not apart and _joins(merged[-1], part, lex) and len(f"{merged[-1]} and {part}".split()) <= 5:
            # (a join too long to be one name is two items: 'brake pads, other parts for lorries')
            merged[-1] = f"{merged[-1]} and {part}"
            continue
        merged.append(part)
    out = []
    for part in merged:
        part = lex["lead"].sub("", part)
        part = lex["quantity"].sub("", part)  # '12,000 tonnes of salt': the goods are salt
        part = lex["money_lead"].sub("", part)  # '$6 million herrings': the goods are herrings
        part = lex["unit"].sub("", part)  # 'tons of goods' whose figure went to the amount: the goods (vague here)
        part = lex["particle"].sub("", part)  # 'shipped out cement': cement
        part = clause_bit("item_article").sub("", part).strip(" .,:;\"'")
        # (a customs class may run past five words: 'manufactured goods classified chiefly by material')
        marked = INNER_COMMA in part or INNER_AND in part or lex["headings"].fullmatch(unmark(part)) is not None
        part = unmark(part)
        # (a possessive is one word with its owner, and an acronym in brackets after the name no extra word:
        # 'brewer's spent grains (BSG)' is four)
        words = re.findall(r"[A-Za-zÀ-ÿ-]+(?:[’']s\b)?", ACRONYM_AFTER.sub("", part).lower())
        # ('clothes and other materials': 'other' before a generic head alone is a catch-all, no goods named)
        catch_all = class_of_only(words, lex["generic"], lex)
        if not words or catch_all or all_vague(words) or re.search(r"\d", part) or len(words) > (12 if marked else 5):
            continue  # (one item of a semicolon list may be a long customs class: 'machinery, tools and other parts')
        if words[-1] in lex["not_goods"] or not FLOW_HEADS.isdisjoint(words) or (len(words) == 1 and re.search(r"[^e]ed$", words[0])) \
                or not lex["not_in_products"].isdisjoint(words) or _cut_in_clause(words, lex):
            continue  # 'expected', 'has also increased', 'besides providing transit': no product ('rapeseed' is one)
        out.append(part)
    return out


def _cut_in_clause(words: list[str], lex: dict) -> bool:
    """'X accounted for', 'being handled through', 'her holdings': an item ending in a function word (a preposition,
    a conjunction, an article) was cut inside a clause, and one opening with a possessive pronoun points at someone's
    belongings; neither names goods. (A hyphened word is one word: 'ready-to-wear' ends in no 'wear'-less 'to'.)"""
    return bool(words) and (words[-1] in lex["end_not"] or words[0] in lex["start_not"])


def _items(text: str, lex: dict) -> list[tuple[str, str]]:
    """(item, the separator before it) of a list, lead words off ('as well as articles of pulp and paper')."""
    out: list[tuple[str, str]] = []
    pos, separator = 0, ""
    for m in [*clause_bit("item_separator").finditer(text), None]:
        part = lex["lead"].sub("", text[pos:m.start() if m else len(text)].strip()).replace("\x1f", "or")
        if part.strip():
            out.append((part, separator))
        if m is not None:
            pos, separator = m.end(), m.group(0)
    return out


def _fixed_pair(before: str, part: str, lex: dict) -> bool:
    """'machinery' + 'equipment': the halves of one trade category (trade.toml fixed_pairs)."""
    return (" ".join(before.lower().split()), " ".join(part.lower().split())) in lex["fixed_pairs"]


def _shared_head(m: re.Match[str]) -> str:
    """The 'and' of a shared-head pair marked as no separator; a whole -ing word before it must be followed by another
    ('heating and cooling equipment'), a prefix ('semi-') by anything."""
    first = m.group(0).split()[0]
    rest = m.string[m.end():]
    if not first.endswith("-") and not clause_bit("ing_then_word").match(rest):
        return m.group(0)
    return m.group(0)[:m.start(1) - m.start()] + INNER_AND + m.group(0)[m.end(1) - m.start():]


def without_unit(product: str) -> str:
    """'tonnes of cement' -> 'cement'; 'tons of goods' -> '' (a unit before vague goods names none), whichever frame
    read the item."""
    lex = _words()
    rest = lex["unit"].sub("", product, count=1)
    if rest == product:
        return product
    words = re.findall(r"[A-Za-zÀ-ÿ-]+", rest.lower())
    return "" if not words or all_vague(words) else rest


def is_joint_pair(text: str) -> bool:
    """'fruit and vegetable', 'iron and steel': a pair that modifies one head together (trade.toml joint_pairs)."""
    return tuple(clause_bit("and_split").split(text.lower().strip())) in _words()["joint_pairs"]


def _joins(before: str, part: str, lex: dict) -> bool:
    """Whether 'before and part' names one product: 'wood and wood materials', 'iron and steel pipes',
    'tractors and other agricultural machinery'."""
    words, previous = part.lower().split(), before.lower().split()
    if len(words) == 2 and words[-1] in lex["generic"] and before.lower() in (words[0], words[0] + "s"):
        return True  # ('chemicals and chemical products': the plural noun and its own word before a generic head)
    if len(words) == 2 and words[0] in lex["tied_class_words"] and words[1] in lex["generic"]:
        return True  # 'chemicals and related products': the class of the item before
    if " ".join(words) in lex["dependent"] or (len(words) >= 2 and words[0] in back_owners()
                                                and " ".join(words[1:]) in lex["dependent"]):
        # 'camera frames and parts', 'pumps and their spare parts': the parts of the item before (an owner and one
        # head, 'their parts', 'articles thereof', joined_back already: product_chapters)
        return True
    if (" ".join(previous), " ".join(words)) in lex["fixed_pairs"]:
        return True  # 'fruits and vegetables': one trade category with no head after it
    if len(previous) == 2 and previous[0] in lex["shared_modifiers"] and (previous[1], " ".join(words)) in lex["fixed_pairs"]:
        return True  # 'electrical machinery and equipment': the category with its modifier
    if len(previous) == 1 and len(words) >= 2 and (previous[0], words[0]) in lex["joint_pairs"]:
        return True  # 'iron and steel pipes': the pair shares the head
    if len(previous) == 2 and len(words) >= 2 and (previous[1], words[0]) in lex["joint_pairs"] \
            and words[-1] in lex["generic"]:
        # 'manufactured iron and steel products': one modifier before the pair, a generic head after it; a head of
        # its own makes two goods ('dried fruit and vegetable oil', 'palm oil and gas cylinders'; review34b)
        return True
    if len(previous) >= 3 and previous[-2] == "of" and (previous[-1], " ".join(words)) in lex["joint_pairs"]:
        return True  # 'articles of iron and steel': the pair is what the goods are made of, one class
    if len(previous) == 1 and len(words) >= 2 and previous[0] in lex["shared_modifiers"]:
        return True  # 'black and ferrous metals': an adjective alone names no goods
    if (len(previous) == 1 and not previous[0].endswith("s") and len(words) == 3 and words[-1] in lex["generic"]
            and words[0] not in lex["class_words"]):
        return True  # 'defence and aviation industry products': a bare modifier shares the long head after it
    # 'other chemical products' is a catch-all item of its own (a generic head); 'other agricultural machinery' is
    # the class of the example before it
    return (len(words) >= 2 and words[0] in lex["class_words"] and words[-1] not in lex["generic"]
            and not class_of_only(words, lex["class_or_vague"], lex))


def class_of_only(words: list[str], heads: set[str] | frozenset[str], lex: dict) -> bool:
    """'other materials', 'other chemical products': a class word ('other', 'related') and after it only the given
    heads (generic or vague words): a catch-all that names no goods of its own, for split_products and _joins alike."""
    return len(words) >= 2 and words[0] in lex["class_words"] and all(w in heads for w in words[1:])


# 'dominated by tea, followed by cement and tyres': the list goes on after 'followed by' (which a bare 'by' would end)
FOLLOWED_BY = re.compile(r"(?<=,)\s+followed\s+by(?=\s)", re.I)


# a short prepositional phrase before a comma: a candidate tariff qualifier (product_chapters.is_tariff_qualifier)
QUALIFIER_CANDIDATE = re.compile(r"(?<!\s)\s+((?:in|for|of|with)\s+[a-z]+(?:\s+[a-z]+){0,3})(?=,)")


def cut_list(text: str) -> str:
    """The list at the start of text, up to the first word that ends it (trade.toml list_end); same positions."""
    text = FOLLOWED_BY.sub(lambda m: " " * len(m.group(0)), text)
    text = _words()["value"].sub(lambda m: " " * len(m.group(0)), text)  # 'tea valued at N2 billion, followed by'
    # ('manufactured goods classified chiefly by material': a 'by' inside a customs class ends no list)
    inside = [h.span() for h in _words()["headings"].finditer(text)]
    # ('vinyl chloride in primary forms, glass': a phrase the HS table writes, the list going on after it, ends no list)
    inside += [m.span() for m in QUALIFIER_CANDIDATE.finditer(text) if is_tariff_qualifier(m.group(1))]
    if _figured_items(text) != text:
        # ('rifles with barrels (N5 billion), cycles imported by makers (N4 billion)': items that each end in their own
        # figure run to the last figure, whatever words stand inside them)
        inside.append((0, list(BRACKET_FIGURE.finditer(text))[-1].end()))
    m = next((end for end in _words()["end"].finditer(text) if not any(a <= end.start() < b for a, b in inside)), None)
    text = text[: m.start()] if m else text
    return clause_bit("trailing_stop").sub("", text)


# every word capitalised, an acronym in brackets after it allowed: 'Liquefied Natural Gas (LNG)'
TITLE_CASE = re.compile(r"([A-ZÀ-Þ][a-zà-ÿ]+(?:\s+[A-ZÀ-Þ][a-zà-ÿ]+)+)(?:\s*\([A-Z]{2,6}\))?")


def known_capitalised(product: str) -> str:
    """'milk, maize, Poultry and plywood': a capitalised item the product table knows is a product, in lower case;
    any other capitalised item stays as it is (and is dropped as a name or title)."""
    if re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)*", product) and (is_listed_product(product) or any(
            names_hs_heading(re.sub(r"(?<=[^s])s$", "", word)) for word in product.lower().split() if word != "and")):
        return product.lower()  # 'Mineral oil', 'Rubber and articles': a list item capitalised as a customs heading
    titled = TITLE_CASE.fullmatch(product)
    if titled and is_listed_product(titled.group(1).lower()):
        # 'Liquefied Natural Gas (LNG), palm oil': goods the table knows, written in title case as a trade term often is
        return titled.group(1).lower() + product[titled.end(1):]
    head, comma, qualifiers = product.partition(",")
    if comma and known_capitalised(head) != head:
        return known_capitalised(head) + comma + qualifiers  # 'Natural gas, liquefied': a customs heading's goods
    variety = re.fullmatch(r"([A-ZÀ-Þ][a-zà-ÿ]+)\s+([a-zà-ÿ]{3,})", product)
    code = (hs_code_for(variety.group(2)) or "") if variety else ""
    if variety and len(code) >= 4 and code[:4].isdigit():
        return variety.group(1).lower() + " " + variety.group(2)  # 'Cavendish bananas', 'Arabica coffee': a variety
    return product
