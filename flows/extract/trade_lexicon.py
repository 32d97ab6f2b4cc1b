"""The trade lexicon (trade.toml) compiled once, and the small helpers every trade frame shares: the country at a
position, a clause's opening capital lowered, the pieces of clause shape (trade.toml [clause_bits])."""
from __future__ import annotations

import re
from functools import lru_cache

from flows.common.prefilter import word_trie
from flows.common.words import alternation, whole_words
from flows.extract.countries import CountryMention
from flows.lexicon import read_toml

# the lexicon's word sets by the name the frames use: name -> trade.toml row
WORD_SETS = {"subject_nouns": "subject_nouns", "weak": "weak_verbs", "noun_like": "noun_like_verbs", "adverbs": "adverbs",
             "not_products": "flow_modifiers_not_products", "passive": "passive_supply_verbs",
             "passive_import": "passive_import_verbs", "buyer_agents": "buyer_agents",
             "clause_list_not_goods": "clause_list_not_goods",
             "headline_not_goods": "headline_not_goods"}


@lru_cache(maxsize=1)
def trade_lexicon() -> dict:
    data = read_toml("trade.toml")
    words = lambda key: whole_words(data[key], escape=False)  # noqa: E731  (longest first: 'exported goods')
    in_order = lambda key: whole_words(data[key], longest_first=False, escape=False)  # noqa: E731
    # the trade hint: the lexicon's verbs and nouns, then its other words in their rows' order
    hint_words = sorted(_hint_words(data), key=len, reverse=True)
    gap = whole_words(data["owner_gap_words"])
    hint_more = [*data["hint_more"], *(re.escape(form) for form in taste_forms())]
    return {
        "export": re.compile(words("export_verbs"), re.I),
        "import": re.compile(words("import_verbs"), re.I),
        "flow": re.compile(words("flow_nouns") + r"\s+to\b", re.I),
        # 'Ruritania's merchandise imports from': words between an owner and its flow noun that leave it the owner
        # (two gap words joined by 'and' are one: "Freedonian farm and agri-food exports"; a lone 'and' is none)
        "owner_gap": re.compile(r"(?:[’']s?)?\s+(?:" + gap + r"(?:\s+and\s+" + gap + r")?\s+)+",
                                re.I),
        "ranked_flow": re.compile(words("ranked_flow_nouns") + r"\s+to\b", re.I),
        # ('goods imported by Freedonia from Ruritania': the importer as the participle's agent, group 'agent')
        "import_flow": re.compile(words("import_nouns") + r"(?:\s+by\s+(?:the\s+)?(?P<agent>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}))?"
                                  r"\s+from\b", re.I),
        "intro": re.compile("|".join(data["list_introducers"]), re.I),
        "carry": re.compile(words("carry_verbs"), re.I),
        "arrival": re.compile(in_order("arrival_verbs"), re.I),
        "aid_items": re.compile(whole_words(data["aid_items"]), re.I),
        "stopped": re.compile(whole_words(data["stopping_verbs"]) + r"\s+(?:(?:[\w’'-]+\s+){0,4}?from\s+|(?:(?:the|all|its|their)\s+)?)$",
                              re.I),
        # 'banned the export of X to B', 'halted imports from A', 'a ban on exports of X': a flow stopped, no claim
        "stopped_flow": re.compile(r"(?:" + whole_words(data["stopping_verbs"]) + r"|\bbans?\s+on)\s+(?:(?:the|all|its|their)\s+)?"
                                   r"(?:[\w-]+\s+)?(?:exports?|imports?|shipments|sales|supplies|deliveries|purchases)\b", re.I),
        "verb_time": re.compile(r",?\s+" + whole_words(data["verb_time_phrases"]) + ",?", re.I),
        **{name: set(data[row]) for name, row in WORD_SETS.items()},
        # 'Ghana spent $2m to import cattle': an infinitive trade verb after a verb of paying is a purchase
        "spend": re.compile(in_order("spend_verbs") + r"(?:\s+by\s+[^,;]{1,40}?|\s+[^,;]{1,60}?)?\s+to\s+$", re.I),
        # 'In turn, Kenya bought X': a connective opening the clause that turns the last flow round
        # ('In turn, Kenya bought X', 'Kenya, in turn, bought X': at the clause's start or set off by commas)
        "reverse": re.compile(r"(?:^\W*|,\s*)" + whole_words(data["reverse_connectives"]) + r"\s*,", re.I),
        # ('Meanwhile, Kenya bought X.': only opening the sentence, and only when the list closes it; trade_verbs)
        "reverse_weak": re.compile(r"\W*" + whole_words(data["weak_reverse_connectives"]) + r"\s*,", re.I),
        "fields": re.compile("|".join(data["field_list_heads"]), re.I),
        # 'to B, mainly X and Y', 'from A, including X': examples of the goods after a flow's partner (not 'mainly due to')
        "examples": re.compile(r",?\s+" + whole_words(data["example_leads"]) + r"\s+(?!" + whole_words(data["example_not_goods"])
                               + r")", re.I),
        # 'to B, in addition to X and Y': more goods on the flow after its partner (trade_verbs._examples_after only)
        "more_goods": re.compile(r",?\s+" + whole_words(data["more_goods_leads"]) + r"\s+(?!" + whole_words(data["example_not_goods"])
                                 + r"|(?:its|their|his|her|our|[\w-]+ing)\b)", re.I),
        # 'to Europe', 'from the Gulf', 'abroad': a place that is no country (trade.toml elsewhere)
        "elsewhere": re.compile(r"\s*,?\s*(?:(?:to|into|from|in)\s+(?:the\s+)?" + alternation(data["elsewhere"], escape=False)
                                + r"|worldwide|abroad|overseas|elsewhere)\b"
                                # 'from the Gulf state', 'to the European country': an epithet of a country
                                r"(?!(?:\s+[\w-]+){0,2}\s+(?:state|country|nation|kingdom|emirate|republic)\b)", re.I),
        # 'a source of X for the world', 'a supplier of X for the region': goods meant for a place that is no country
        "for_elsewhere": re.compile(r"\s*,?\s*for\s+(?:(?:the\s+)?(?:whole|entire)\s+world|(?:the\s+)?" + alternation(data["elsewhere"], escape=False) + ")"
                                    + r"\b", re.I),
        # 'Cocoa strong, timber weak: Ruritanian exports to Freedonia ...': a headline's goods with their verdicts
        "headline": re.compile(r"^\W*(?P<list>(?:[\w-]+\s+){1,2}?" + words("headline_verdicts") + r"(?:\s*(?:,|;|\band\b)\s*"
                               r"(?:[\w-]+\s+){1,2}?" + words("headline_verdicts") + r")*)\s*:\s*$", re.I),
        "headline_item": re.compile(r"(?P<goods>[\w-]+(?:\s+[\w-]+)?)\s+" + words("headline_verdicts"), re.I),
        "hint": re.compile(whole_words([*hint_words, *hint_more], longest_first=False, escape=False), re.I),
        # the same yes/no test, faster (prefilter.word_start, word_trie): trade_gate asks only whether it matches
        "hint_test": re.compile(r"(?<!\w)" + alternation([word_trie(_hint_words(data)), *hint_more],
                                                           longest_first=False, escape=False) + r"\b", re.I),
    }


def taste_forms() -> list[str]:
    """The surface forms of a buyer's taste words ('loves', 'preferred', 'popular'; trade_roles.toml [taste_verbs],
    taste_adjectives): the one source of the trade hint's taste pieces and of trade_roles' stem test."""
    roles = read_toml("trade_roles.toml")
    return [form for forms in roles["taste_verbs"].values() for form in forms] + list(roles["taste_adjectives"])


def _hint_words(data: dict) -> set[str]:
    return set(data["export_verbs"] + data["import_verbs"] + data["flow_nouns"] + data["import_nouns"] + data["carry_verbs"])


def country_at(countries: list[CountryMention], pos: int, window: int = 0) -> CountryMention | None:
    return next((c for c in countries if pos <= c.start <= pos + window), None)


@lru_cache(maxsize=None)
def clause_bit(name: str) -> re.Pattern[str]:
    """A piece of clause shape from trade.toml [clause_bits], compiled once ('to_partner': ' to the ')."""
    return re.compile(read_toml("trade.toml")["clause_bits"][name])


def lower_first(text: str) -> str:
    """'Rice and tea were ...': the capital that only opens the clause lowered, so the item reads as a product."""
    return clause_bit("capital_opening").sub(lambda x: x.group(1).lower(), text)
