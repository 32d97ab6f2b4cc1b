"""Instruments listed by title and bracketed year: a fact sheet's line "Treaty of Friendship (1961), Agreement on Air
Services (1994), Memorandum on Tourism (2005)." tells one signing a year between the story's two countries, though
no verb says 'signed' (flows/lexicon/events.toml [title_lists])."""
from __future__ import annotations

import re
from flows.common.dates import explicit_mention
from flows.common.words import whole_words
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml
from flows.lexicon.registry import event_type as registry_type

_WORDS = read_toml("events.toml")["title_lists"]
_YEAR = read_toml("dates.toml")["named_lists"]["year"]  # a year of a list item: 1800-2099


def _item(named: bool) -> str:
    """One item: a title and its bracketed year, as groups 'title' and 'year' when named (the list's pattern repeats
    the item, so it takes it unnamed)."""
    title, year = _WORDS["title"], _YEAR
    if named:
        title, year = f"(?P<title>{title})", f"(?P<year>{year})"
    return title + r"\s*\(" + year + r"\)"


# the whole sentence is the list: two items or more, joined by commas or semicolons (an 'and' may join the last)
TITLE_LIST = re.compile(r"^\s*(?:[-•*]\s*)?" + _item(False) + r"(?:\s*[,;]\s*(?:and\s+)?" + _item(False)
                        + r")+\s*[.;]?\s*$")
ITEM = re.compile(_item(True))
NOUN = re.compile(whole_words(_WORDS["instrument_nouns"]))
SIGNED = "agreement_signed"


def titled_instruments(sentence: str, pair: tuple[str, str] | None) -> list[EventRow]:
    """One signing by the pair for each year of an instrument list (a title with no instrument noun is skipped)."""
    if pair is None or "(" not in sentence or not TITLE_LIST.match(sentence):
        return []
    items = [item for item in ITEM.finditer(sentence) if NOUN.search(item.group("title"))]
    if len(items) < 2:
        return []
    rows: dict[str, EventRow] = {}
    symmetric = registry_type(SIGNED).is_symmetric(sentence)
    for item in items:
        year = item.group("year")
        if year in rows:
            continue  # two instruments of one year: one signing of that year, as the scorer counts a day's signings
        mention = explicit_mention(item.start("year"), item.end("year"), year, int(year))
        rows[year] = EventRow(SIGNED, pair[0], pair[1], 0, len(sentence), item.group("title").strip(), mention,
                              "explicit", "occurred", symmetric, None, trigger_start=item.start("title"))
    return list(rows.values())
