"""People named in one enumeration share a side: 'Minister of Foreign Affairs A, Minister of Energy B, Minister of
Trade C and Minister of Transport D also attended' is one delegation. A member whose country the text or the leaders
list gives (A) gives it to the members with none, before any guess from the nearest country named (which, in a
report from the host's capital, is the host)."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention, other_side
from flows.extract.persons import Person

# what may stand between two names of one enumeration: a comma (or 'and'), then only the next person's title
# (capitalised words and the small words of an office: 'Minister of Agriculture and Forestry')
TITLE_WORD = r"(?:[A-ZÀ-Þ][\w’'-]*|of|for|and|the|&)"
LIST_GAP = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:{TITLE_WORD}\s+)*$")
MIN_MEMBERS = 3  # 'President A and President B' names the two sides; three or more in a row is a delegation
KNOWN_CUES = ("explicit", "lexicon")
# 'X, along with First Lady Y', 'X is accompanied by a delegation including Y': Y travels on X's side
ACCOMPANY = re.compile(r"\b(?:along\s+with|together\s+with|accompanied\s+by|joined\s+by|delegation\s+(?:including|comprising|that\s+"
                       r"includes?|made\s+up\s+of))\b", re.I)
# 'X, who accompanied President Y to the talks': the companion named first
ACCOMPANYING = re.compile(r",?\s+(?:who\s+(?:had\s+|has\s+)?(?:accompanied|(?:is|was)\s+accompanying)|accompanying)\s+",
                          re.I)
DESTINATION_BEFORE = re.compile(r"\b(?:to|in|into|at|from|for)\s+(?:the\s+)?$", re.I)
ACCOMPANY_REACH = 120  # characters from the accompanied party to the companion


def share_list_country(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]]) -> None:
    """Give each enumeration's members with no country the one country its known members agree on."""
    for chain in _enumerations(sentence, countries, persons):
        known = {person.country for person in chain if person.country and person.country_cue in KNOWN_CUES}
        if len(known) != 1:
            continue
        country = known.pop()
        for person in chain:
            if person.country is None:
                person.country, person.country_cue = country, "inferred"


def share_companion_country(sentence: str, countries: list[CountryMention],
                            persons: list[tuple[Person, int, int]]) -> None:
    """A companion with no country of its own ('X, along with his wife Y'; 'X is accompanied by a delegation
    including Y') takes the country of the party it accompanies: the person named just before the cue, else the
    country word right before it ('the Maldivian President along with Y')."""
    ordered = sorted(persons, key=lambda mention: mention[1])
    companion: tuple[int, str] | None = None  # (end, country) of the last companion given the party's country
    for person, start, end in ordered:
        follows = companion is not None and _next_in_list(sentence, countries, companion[0], start)
        if person.country is None and follows:
            person.country, person.country_cue = companion[1], "inferred"  # 'accompanied by A, B, ... and D'
        if follows and person.country == companion[1]:
            companion = (end, companion[1])
            continue
        if person.country is not None:
            continue
        if _accompanies(sentence, person, persons):
            continue
        cue = None
        for match in ACCOMPANY.finditer(sentence, max(0, start - ACCOMPANY_REACH), start):
            cue = match
        if cue is None or any(cue.end() <= country.start < start for country in countries):
            continue  # no cue, or a country named after it that the companion's own title may carry
        before = [(other, other_end) for other, other_start, other_end in ordered
                  if other_end <= cue.start() and other is not person]
        if before and before[-1][0].country and cue.start() - before[-1][1] < ACCOMPANY_REACH:
            person.country, person.country_cue = before[-1][0].country, "inferred"
            companion = (end, person.country)
            continue
        # 'the Maldivian President along with Y' (not a destination: 'travelled to Colombia, joined by Y')
        near = [country for country in countries if country.end <= cue.start() and cue.start() - country.end < 40
                and not DESTINATION_BEFORE.search(sentence, max(0, country.start - 12), country.start)]
        if not before and near:
            person.country, person.country_cue = near[-1].iso3, "inferred"


# 'trade with Indonesia has grown, says Trade Minister X'; 'exports to Ecuador fell, Trade Minister X said'; '... to
# supply the Chinese market, said X': the country a sentence names only as the trade partner is the speaker's partner,
# not the speaker's own
TRADE_PARTNER = re.compile(r"\b(?:trade|exports?|imports?|shipments|sales|purchases)\s+(?:\w+\s+){0,2}?(?:with|to|from)\s+"
                           r"(?:the\s+)?$", re.I)


MARKET = re.compile(r"\s+(?:consumer\s+)?markets?\b", re.I)  # 'to supply the Chinese market': a buyer, not a side
CURRENCY = re.compile(r"\.?\s+(?:dollars?|cents?)\b", re.I)


def speaker_of_partner_trade(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]],
                             pair: tuple[str, str] | None) -> None:
    """A person with no country in a sentence whose only country is named as a trade partner serves the pair's
    other side."""
    # 'U.S. dollars' is a currency, no party
    countries = [country for country in countries if not CURRENCY.match(sentence, country.end)]
    named = {country.iso3 for country in countries}
    if pair is None or len(named) != 1 or not named <= set(pair):
        return
    if not all(TRADE_PARTNER.search(sentence, max(0, country.start - 40), country.start)
               or MARKET.match(sentence, country.end) for country in countries):
        return
    side = other_side(pair, next(iter(named)))
    for person, _, _ in persons:
        if person.country is None and side:
            person.country, person.country_cue = side, "inferred"


OWNED_TITLE = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,5}$")  # 'Somaliland's president X': an owner the text names


def home_side_officials(people: list[Person], texts: list[str], home: str | None,
                        pair: tuple[str, str] | None) -> None:
    """An official with a title and no country anywhere ('Trade Undersecretary X said the deal will help the banana
    industry') in a text that tells trade from one side ('Philippine banana exports ...', the trade reader's home)
    serves that side, before the guess from the pair's country named last; not a title another owner holds."""
    if not home or not pair or home not in pair:
        return
    for person in people:
        first = person.mentions[0] if person.mentions else None
        if first is None or OWNED_TITLE.search(texts[first.sentence], max(0, first.start - 60), first.start):
            continue  # a title some other owner holds (a place that is no country of ours)
        if person.country is None and person.role:
            person.country, person.country_cue = home, "inferred"


COMPANION_GAP = 60  # characters between two listed companions: a comma, 'and', the next one's office
LIST_OPENERS = (",", "and ")  # how the gap to the next companion opens
LIST_BREAKS = ";:.()"  # marks that end a list of companions or set an aside in it


def _next_in_list(sentence: str, countries: list[CountryMention], end: int, start: int) -> bool:
    """Whether the person at `start` is the next item of the list the companion ending at `end` stands in: 'accompanied
    by his wife A, trade minister B, and health minister C' - a comma or 'and', then only an office, no country."""
    gap = sentence[end:start]
    return (0 < len(gap) <= COMPANION_GAP and gap.lstrip().startswith(LIST_OPENERS)
            and not any(mark in gap for mark in LIST_BREAKS)
            and not any(end <= country.start < start for country in countries))


def _accompanies(sentence: str, person: Person, persons: list[tuple[Person, int, int]]) -> bool:
    """'X, who accompanied President Y, ...': X takes the country of the person named right after the cue."""
    for mention, _, end in persons:
        if mention is not person:
            continue
        cue = ACCOMPANYING.match(sentence, end)
        led = next((other for other, other_start, _ in sorted(persons, key=lambda m: m[1])
                    if cue and other_start >= cue.end() and other_start - cue.end() < 40 and other is not person), None)
        if led is not None and led.country:
            person.country, person.country_cue = led.country, "inferred"
            return True
    return False


def _enumerations(sentence: str, countries: list[CountryMention],
                  persons: list[tuple[Person, int, int]]) -> list[list[Person]]:
    """Runs of at least MIN_MEMBERS people whose gaps are list gaps with no country named in them."""
    ordered = sorted(persons, key=lambda mention: mention[1])
    runs: list[list[Person]] = []
    current: list[Person] = []
    previous_end = None
    for person, start, end in ordered:
        # a country in the gap breaks the list, unless it is the next member's own title's ('..., Oil Minister B and
        # Central Bank of Iran Governor C': C's own country)
        joined = previous_end is not None and LIST_GAP.fullmatch(sentence, previous_end, start) is not None and not any(
            previous_end <= country.start < start and country.iso3 != person.country for country in countries)
        if not joined:
            if len(current) >= MIN_MEMBERS:
                runs.append(current)
            current = []
        if person not in current:
            current.append(person)
        previous_end = end
    if len(current) >= MIN_MEMBERS:
        runs.append(current)
    return runs


CUE_STRENGTH = {"explicit": 3, "lexicon": 2, "inferred": 1}


def split_title_partners(people: list[Person], pair: tuple[str, str] | None) -> None:
    """'Prime Ministers A and B held talks': two holders of a one-holder office serve two countries. Once every
    sentence is read, the one whose country is surer (explicit, then leaders.csv) keeps it, and the other, when it
    has no country, the same one, or only a guess outside the pair, serves the pair's other side."""
    if pair is None:
        return
    for person in people:
        other = person.title_partner
        if other is None:
            continue
        sure, unsure = sorted((person, other), key=lambda p: -CUE_STRENGTH.get(p.country_cue or "", 0))
        if sure.country not in pair or CUE_STRENGTH.get(sure.country_cue or "", 0) <= CUE_STRENGTH.get(
                unsure.country_cue or "", 0):
            continue
        if unsure.country_cue == "lexicon" and unsure.country != sure.country:
            continue  # a well-known holder's own country (leaders.csv) stands, even outside a pair read wrongly
        if unsure.country is None or unsure.country == sure.country or unsure.country not in pair:
            unsure.country = other_side(pair, sure.country)
            unsure.country_cue = "inferred"


# 'the Egyptian Foreign Minister', 'the Chilean Minister of Trade': a demonym opening an office nobody is named to
UNNAMED_OFFICIAL = re.compile(r"\s+(?:(?:[A-ZÀ-Þ][\w’'-]*|and|of|for|the)\s+){0,6}?(?:Minister|President|Premier|Speaker|"
                              r"Chancellor|Secretary|Chairman|Chairwoman|Chairperson|King|Emir|Governor|Commissioner|"
                              r"Director|Deputy)s?\b(?!\s+(?:of\s+|for\s+)?[A-ZÀ-Þ])")
# 'X met the <office>', 'X held talks with the <office>', 'the <office> received X', 'X and the <office> chaired'
FACING = re.compile(r"\b(?:met|meets|meeting|talks\s+with|talked\s+with|spoke\s+with|spoke\s+to|called\s+on|received|"
                    r"receives|hosted|hosts|welcomed|welcomes|with|and)\b", re.I)
ALONGSIDE = re.compile(r"\b(?:accompan\w+|along\s+with|together\s+with|joined\s+by|his|her|their|its|own)\b", re.I)
COUNTERPART = re.compile(r"\s+counterparts?\b(?!\s+(?:of\s+|,\s*)?[A-ZÀ-Þ])")  # unnamed: no name follows
FACING_REACH = 80  # characters between the person and the official across a meeting verb


def facing_unnamed_official(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]],
                            pair: tuple[str, str] | None) -> None:
    """'Foreign Minister X met the Freedonian Foreign Minister': a person with no country who meets, or acts
    beside, an official of one side the sentence names only by a demonym and an office serves the other side,
    when that demonym is the only country of the pair the sentence names."""
    if pair is None:
        return
    own = [c for c in countries if c.iso3 in pair]
    officials = [c for c in own if c.kind == "demonym" and (
        (sentence[max(0, c.start - 4):c.start].lower() == "the " and UNNAMED_OFFICIAL.match(sentence, c.end))
        # 'X is to meet his Freedonian counterpart': the counterpart is an official of that side, unnamed
        or (sentence[max(0, c.start - 4):c.start].lower() in ("his ", "her ") and COUNTERPART.match(sentence, c.end)))]
    if len(officials) != 1 or len({c.iso3 for c in own}) != 1 or any(
            c is not officials[0] and c.kind == "demonym" for c in own):
        return
    official = officials[0]
    side = other_side(pair, official.iso3)
    for person, start, end in persons:
        if person.country is not None:
            continue
        if end <= official.start:
            between = sentence[end:official.start - 4]
        elif start >= official.end:
            after = UNNAMED_OFFICIAL.match(sentence, official.end) or COUNTERPART.match(sentence, official.end)
            between = sentence[after.end():start]
        else:
            continue
        if len(between) <= FACING_REACH and FACING.search(between) and not ALONGSIDE.search(between):
            person.country, person.country_cue = side, "inferred"


# 'meet President A and Chairman B', 'talks with A and B', 'a courtesy call on A and B': two objects of one verb
OBJECT_CUE = re.compile(r"\b(?:meet|met|meets|meeting|with|on|received\s+by|welcomed\s+by|hosted\s+by)\s+"
                        rf"(?:{TITLE_WORD}\s+){{0,6}}$")
AND_GAP = re.compile(rf"\s+and\s+(?:{TITLE_WORD}\s+){{0,6}}$")


def share_object_pair(sentence: str, countries: list[CountryMention], persons: list[tuple[Person, int, int]]) -> None:
    """Two people joined by 'and' after one meeting verb ('PM A will meet President B and Chairman C') are met on
    one side: the one with no country takes the other's known one (two subjects, 'A and B held talks', are two
    sides, and are left alone)."""
    ordered = sorted(persons, key=lambda mention: mention[1])
    for (first, first_start, first_end), (second, second_start, _) in zip(ordered, ordered[1:]):
        if first is second or (first.country is None) == (second.country is None):
            continue
        if not AND_GAP.fullmatch(sentence, first_end, second_start) or any(
                first_end <= country.start < second_start for country in countries):
            continue
        if not OBJECT_CUE.search(sentence, max(0, first_start - 60), first_start):
            continue
        known = first if first.country else second
        if known.country_cue in KNOWN_CUES:
            other = second if known is first else first
            other.country, other.country_cue = known.country, "inferred"


HOST_BEFORE = re.compile(r"\b(?:his|her|their)\s+(?:\w+\s+)?hosts?\s*,?\s*(?:(?:[A-ZÀ-Þ][\w’'-]*|of|the)\s+){0,4}$")


def host_of_visitor(sentence: str, persons: list[tuple[Person, int, int]], pair: tuple[str, str] | None) -> None:
    """'X was welcomed by his host, President Y': the host serves the side the guest (the person named before
    'his host') does not."""
    if pair is None or "host" not in sentence:
        return
    ordered = sorted(persons, key=lambda mention: mention[1])
    for n, (person, start, _) in enumerate(ordered):
        if person.country is not None and person.country_cue in KNOWN_CUES:
            continue
        if not HOST_BEFORE.search(sentence, max(0, start - 60), start):
            continue
        guests = [other for other, _, other_end in ordered[:n] if other is not person and other_end <= start]
        side = other_side(pair, guests[-1].country) if guests else None
        if side:
            person.country, person.country_cue = side, "inferred"
