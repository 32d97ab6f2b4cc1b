"""'X was appointed Ambassador of A to B': the envoy's state is the name after 'of', the receiving state the place
after 'to' or 'in' (history_shapes.toml [envoy_of], helper mend34a after review34a). The trigger row that reads this
shape (event_triggers.csv, hist33) names no sides; the clause's parties reader gave 'Consul General of Chile in
Lima' to Peru as the sender, and read 'Ambassador of A to the United Nations' or 'Ambassador of Goodwill to B' as an
envoy between the pair. Here such a row is kept only when A is a side of the pair and the place is the other side
(or one of its cities), with A as the actor."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from flows.extract.countries import find_countries
from flows.extract.event_rows import EventRow
from flows.lexicon import read_toml


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = read_toml("history_shapes.toml")["envoy_of"]
    return re.compile(data["pattern"]), re.compile(data["place_lead"])


def _sides(match: re.Match[str]) -> tuple[str | None, str | None]:
    """The sending state named after 'of' and the first state the place names right at its start (a capital names
    its state), each None when there is none."""
    senders = {country.iso3 for country in find_countries(match.group("sender"))}
    place = match.group("place")
    lead = _patterns()[1]
    hosts = [country for country in find_countries(place) if country.kind in ("name", "capital", "historic")
             and lead.match(place[:country.start]) is not None]
    return (senders.pop() if len(senders) == 1 else None), (hosts[0].iso3 if hosts else None)


def envoys_of(sentence: str, rows: list[EventRow], pair: tuple[str, str] | None) -> list[EventRow]:
    """The sentence's rows with each 'appointed Ambassador of A to B' row given A as actor and B as target when they
    are the pair's two sides, and dropped when they are not; other rows unchanged."""
    if "ppointed" not in sentence:
        return rows
    pattern = _patterns()[0]
    out = []
    for row in rows:
        match = pattern.search(sentence, max(0, row.trigger_start - 20)) if row.event_type == "other" else None
        if match is not None and match.start() <= row.trigger_start + len(row.trigger):
            sender, host = _sides(match)
            if pair is None or sender not in pair or host is None or host == sender or host not in pair:
                continue  # 'Ambassador of A to the United Nations', 'of UNICEF in B': no envoy between the two
            row = replace(row, actor=sender, target=host)
        out.append(row)
    return out
