"""Countries named only in a relative clause that closes the sentence after the act ('Arland and Borvia signed the
treaty in 1983, which Cordia joined later that year'): the clause adds what came after, its countries are no sides of
the act, so they do not make the act look multilateral."""
from __future__ import annotations

import re
from dataclasses import replace

from flows.common.words import alternation
from flows.extract.event_parties import Parties
from flows.lexicon import read_toml

# ', which Cordia joined later', ', who had visited Cordia': a relative clause set off by a comma, to the sentence end
TRAILING_RELATIVE = re.compile(r",\s+" + alternation(read_toml("events.toml")["clause_words"]["relative_pronouns"])
                               + r"\b[^,;]*[.!?]?\s*$", re.I)


def without_trailing_asides(parties: Parties, sentence: str, trigger_end: int) -> Parties:
    """The parties with the countries named only in a closing relative clause after the trigger left out, when at
    least two sides stay or 'the two countries' names them; otherwise the parties as read."""
    aside = TRAILING_RELATIVE.search(sentence, trigger_end)
    if aside is None:
        return parties
    inside = {iso for iso, start in parties.places if start >= aside.start()}
    outside = {iso for iso, start in parties.places if start < aside.start()}
    dropped = inside - outside
    if not dropped or (len(set(parties.all) - dropped) < 2 and not parties.pair_phrase):
        return parties

    def keep(isos: list[str]) -> list[str]:
        return [iso for iso in isos if iso not in dropped]

    return replace(parties, subjects=keep(parties.subjects), dests=keep(parties.dests), withs=keep(parties.withs),
                   ofs=keep(parties.ofs), all=keep(parties.all), hosts=keep(parties.hosts),
                   locs=[(iso, text) for iso, text in parties.locs if iso not in dropped],
                   places=[(iso, start) for iso, start in parties.places if iso not in dropped])
