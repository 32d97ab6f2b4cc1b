"""Money, percentages and counts in a sentence, in base units ("$4.3 billion" -> 4.3e9 USD).

Decisions (each has a test):
- Durations are not figures: "30 years", "three decades", "a four-day visit" give nothing.
- Numbers inside dates ("11 June 1993", "in 2022", "1977–1980"), ordinals ("21st") and codes ("G20", "Su-30")
  give nothing. A bare four-digit number with no preposition is a year to the date grammar but still an amount
  when a currency, percent sign or counted noun follows it ("2000 students").
- A count needs a plural noun within three words ("50 cooperation agreements" -> 'agreements'); a capitalised
  plural ("Armenians") counts 'people'; "types of goods" keeps its "of" phrase; "cubic metres" keeps "cubic".
  A count after a determiner ("the two sides", "both", "its three plants") is a reference, not a figure.
- A scale letter without a currency ("45m") is a length, not an amount: ignored.
- The span is the amount as written (currency, number, scale, unit noun); the qualifier before it is not in it.
- A range ("10–15%", "$1.2-1.5 billion") gives its lower bound as value and the upper one as `high`.
- Measures written as symbols get a unit name and their factor: "10 bcm" is 1e10 'cubic metres'.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from flows.common.dates import DateContext

# compiled once (speed: a pattern string in a hot function is a cache look-up a call)
WORD_SPLIT = re.compile(r"[\s-]+")
DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
SPACE = re.compile(r"\s")
OF_WORD = re.compile(r"\s+of\s+([\w'’]+)")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")


@dataclass(frozen=True)
class Amount:
    """A number a sentence states, with its unit and how exact the sentence says it is."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    high: float | None = None  # the upper bound of a range ("10–15%": value 10, high 15)


UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
         "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
SCALES = {"hundred": Decimal(100), "thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6,
          "billion": Decimal(10) ** 9, "trillion": Decimal(10) ** 12}
SCALE_ABBREVIATIONS = {"k": "thousand", "m": "million", "mn": "million", "mln": "million", "b": "billion",
                       "bn": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion", "trln": "trillion"}
# dollars and others written with a country prefix ("C$9.1 billion", "N$4,2 billion", "R42 billion")
PREFIXED_SYMBOLS = {"c$": "CAD", "ca$": "CAD", "a$": "AUD", "au$": "AUD", "nz$": "NZD", "n$": "NAD", "hk$": "HKD",
                    "s$": "SGD", "r$": "BRL", "nt$": "TWD", "j$": "JMD", "tt$": "TTD", "mx$": "MXN", "r": "ZAR",
                    "ksh": "KES", "kshs": "KES", "ush": "UGX", "ushs": "UGX", "tsh": "TZS", "tshs": "TZS", "gh₵": "GHS",
                    # 'GH¢14 million' (the cent sign for the cedi), 'N54.2 billion' (a Nigerian paper's naira, read only
                    # before a scale word: 'N95 masks' is none), 'FCFA 40 billion' (the West African CFA franc)
                    "gh¢": "GHS", "n": "NGN", "fcfa": "XOF", "cfa": "XOF",
                    "₦": "NGN", "₩": "KRW", "₫": "VND", "฿": "THB", "₱": "PHP", "rm": "MYR", "rp": "IDR"}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
                    "₸": "KZT", "₺": "TRY", "₴": "UAH", "₹": "INR", "₾": "GEL", "₼": "AZN", **PREFIXED_SYMBOLS}
CURRENCY_CODES = ("USD EUR GBP JPY CNY RUB KZT UZS KGS TJS TMT AZN GEL AMD TRY UAH BYN MDL RON HUF RSD MNT IRR INR "
                  "CHF PLN CZK SEK NOK DKK CAD AUD KRW BGN XOF XAF NGN GHS KES UGX TZS ZAR NPR PKR LKR BDT THB VND IDR "
                  "MYR PHP SGD NZD HKD BRL MXN AED SAR EGP").split()
# currency noun -> ISO code, and adjective + noun where the adjective changes the currency
CURRENCY_NOUNS = {"dollar": "USD", "euro": "EUR", "yen": "JPY", "rouble": "RUB", "ruble": "RUB", "tenge": "KZT",
                  "yuan": "CNY", "renminbi": "CNY", "pound": "GBP", "lira": "TRY", "lari": "GEL", "dram": "AMD",
                  "manat": "AZN", "som": "KGS", "sum": "UZS", "soum": "UZS", "lei": "RON", "leu": "RON",
                  "forint": "HUF", "dinar": "RSD", "tugrik": "MNT", "tögrög": "MNT", "rial": "IRR",
                  "hryvnia": "UAH", "rupee": "INR", "franc": "CHF", "zloty": "PLN", "won": "KRW", "lev": "BGN", "leva": "BGN",
                  # '24 billion CFA francs', '147 billion FCFA': the West African CFA franc
                  "cfa": "XOF", "fcfa": "XOF"}
CURRENCY_ADJECTIVES = {("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD", ("hong kong", "dollar"): "HKD",
                       ("singapore", "dollar"): "SGD", ("new zealand", "dollar"): "NZD",
                       ("belarusian", "rouble"): "BYN", ("belarusian", "ruble"): "BYN",
                       ("moldovan", "lei"): "MDL", ("moldovan", "leu"): "MDL", ("turkmen", "manat"): "TMT",
                       ("uzbek", "sum"): "UZS", ("kyrgyz", "som"): "KGS", ("iraqi", "dinar"): "IQD",
                       ("kuwaiti", "dinar"): "KWD", ("jordanian", "dinar"): "JOD", ("iranian", "rial"): "IRR",
                       ("swiss", "franc"): "CHF", ("egyptian", "pound"): "EGP", ("south korean", "won"): "KRW"}
QUALIFIERS = {"about": "about", "around": "about", "some": "about", "approximately": "about", "roughly": "about",
              "nearly": "about", "almost": "about", "close to": "about", "an estimated": "about",
              "estimated": "about", "over": "more_than", "more than": "more_than", "exceeds": "more_than",
              "exceeded": "more_than", "exceeding": "more_than", "exceed": "more_than", "above": "more_than",
              "in excess of": "more_than", "upwards of": "more_than", "at least": "more_than",
              "just over": "more_than", "well over": "more_than", "under": "less_than", "less than": "less_than",
              "fewer than": "less_than", "below": "less_than", "just under": "less_than", "up to": "up_to",
              "as many as": "up_to", "as much as": "up_to"}
TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years decade "
                       "decades century centuries times fold".split())
STOP_WORDS = frozenset("the a an of and or but to in on at by for with from as is was are were be been has have had it "
                       "its per than that which who whom this these those more less most least over under up down "
                       "into onto out off his her their our your my we they he she you i not no so such percent "
                       "cent".split())
DETERMINERS = frozenset("the these those both its their his her our your my all each every first last next "
                        "other".split())
IRREGULAR_PLURALS = frozenset("people children men women staff personnel cattle sheep police".split())
TYPE_HEADS = frozenset("types kinds sorts categories varieties classes".split())
MEASURE_MODIFIERS = frozenset("cubic square metric".split())
# measures written as symbols: symbol -> (unit, factor to base units); "10 bcm of gas" is 10e9 cubic metres
MEASURE_ABBREVIATIONS = {"km": ("kilometres", 1), "kg": ("kilograms", 1), "ha": ("hectares", 1),
                         "MW": ("megawatts", 1), "GW": ("gigawatts", 1), "kWh": ("kWh", 1), "MWh": ("MWh", 1),
                         "GWh": ("GWh", 1), "TWh": ("TWh", 1), "bcm": ("cubic metres", 10**9),
                         "mcm": ("cubic metres", 10**6), "bbl": ("barrels", 1), "TEU": ("TEU", 1)}

_NUMBER_WORD = r"(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + r")"
_WORDS = rf"(?i:{_NUMBER_WORD}(?:(?:[- ]|\s+and\s+)(?:{_NUMBER_WORD}|hundred|thousand))*)(?![\w-])"
# a decimal comma before a scale word ("N$4,2 billion") is a decimal point, not a thousands separator
_DECIMAL_COMMA = r"\d{1,3},\d{1,2}(?=\s?(?:[Tt]rillion|[Bb]illion|[Mm]illion|bn|mn|mln|bln)\b)"
_DIGITS = _DECIMAL_COMMA + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d+(?:\.\d+)?(?!\d)"
_SCALE = r"(?i:trillion|billion|million|thousand)s?"
_ABBREVIATION = r"(?:bn|mn|mln|bln|trln|trn|tn|m|b|k)(?![\w])"
_CODES = "|".join(CURRENCY_CODES)
_PREFIXED = (r"(?:CA|AU|NZ|HK|NT|MX|TT|C|A|N|S|J)\$|R\$|R(?=\d)|K[Ss]hs?(?=\s?\d)|U[Ss]hs?(?=\s?\d)|T[Ss]hs?(?=\s?\d)|GH[₵¢]|RM(?=\s?\d)|Rp(?=\s?\d)|F?CFA(?=\s?\d)|"
             r"N(?=\d[\d,.]*\s?(?:[Tt]rillion|[Bb]illion|[Mm]illion|bn|mn)\b)|[₦₩₫฿₱]")
_SYMBOLS = r"US\s?\$|U\.S\.\s?\$|" + _PREFIXED + r"|[$€£¥₽₸₺₴₹₾₼]"
_ADJECTIVE = (r"(?:US|U\.S\.|American|Canadian|Australian|Hong\s+Kong|Singapore|New\s+Zealand|Belarusian|Russian|"
              r"Moldovan|Romanian|Turkish|Turkmen|Uzbek|Kyrgyz|Kazakh|Kazakhstani|Azerbaijani|Georgian|Armenian|"
              r"Mongolian|Japanese|Chinese|Iranian|Iraqi|Kuwaiti|Jordanian|Serbian|Hungarian|Ukrainian|Swiss|"
              r"Egyptian|South\s+Korean|Indian|Polish)")
_NOUN = (r"(?i:dollars?|euros?|yen|roubles?|rubles?|tenge|yuan|renminbi|pounds?(?:\s+sterling)?|liras?|lari|drams?|"
         r"manats?|soms?|sums?|soums?|lei|leu|forints?|dinars?|tugriks?|tögrögs?|rials?|hryvnias?|rupees?|francs?|"
         r"zloty|zlotys|won|leva|lev|f?cfa(?:\s+francs?)?)")

AMOUNT_RX = re.compile(
    r"(?<![\w.,\-–/])"
    rf"(?:(?P<sym>{_SYMBOLS})\s?|(?P<code>{_CODES})\s?(?=\d))?"
    rf"(?P<num>{_DIGITS}|{_WORDS})(?:\s?[–-]\s?(?P<num2>{_DIGITS}))?"
    rf"(?:\s?(?P<scale>{_SCALE})(?![\w-])|(?:\s?)(?P<abbr>{_ABBREVIATION}))?"
    r"(?:\s*(?P<pct>%|(?i:percent|per\s+cent|percentage\s+points?)(?![\w]))"
    rf"|\s+(?P<suf>(?:(?P<adj>{_ADJECTIVE})\s+)?{_NOUN}(?![\w])|(?P<sufcode>{_CODES})(?![\w])))?"
)
_QUALIFIER_RX = re.compile(
    r"(?:^|(?<=\W))(?P<q>" + "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS),
                                             key=len, reverse=True)) + r")\s+$", re.IGNORECASE)
_DETERMINER_RX = re.compile(r"(?:^|(?<=\W))(?P<d>\w+)\s+$")
_START_RX = re.compile(rf"(?<![\w.,\-–/])(?:[\d$€£¥₽₸₺₴₹₾₼]|U\.?S|(?:{_CODES})(?=\s?\d)|{_PREFIXED})")
_WORD_START_RX = re.compile(rf"(?<![\w.,\-–/]){_NUMBER_WORD}(?![\w])", re.IGNORECASE)
_LOWER_WORD_RX = re.compile(r"[a-z]+")
_UNIT_WORDS = frozenset(UNITS)


def _scan(sentence: str) -> list[re.Match[str]]:
    """The matches AMOUNT_RX.finditer would give, tried only where one can start: a digit, a currency symbol or
    code, a number word (found by C-speed scans, so sentences without numbers cost almost nothing)."""
    starts = [m.start() for m in _START_RX.finditer(sentence)]
    if not _UNIT_WORDS.isdisjoint(_LOWER_WORD_RX.findall(sentence.lower())):
        starts = sorted(set(starts).union(m.start() for m in _WORD_START_RX.finditer(sentence)))
    matches: list[re.Match[str]] = []
    done = 0
    for start in starts:
        if start < done:
            continue
        match = AMOUNT_RX.match(sentence, start)
        if match is not None:
            matches.append(match)
            done = match.end()
    return matches


_BARE_YEAR_RX = re.compile(r"\d{4}")
_FOLLOWING_WORDS_RX = re.compile(r"[ \t]+([\w'’]+)")


def word_number(text: str) -> Decimal | None:
    """'twenty-one' -> 21, 'three hundred' -> 300, 'eleven' -> 11; None when a word is not a number word."""
    total, current = Decimal(0), Decimal(0)
    for word in WORD_SPLIT.split(text.lower()):
        if word == "and" or not word:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = Decimal(0)
        else:
            return None
    return total + current


def _number(text: str) -> Decimal | None:
    if text[0].isdigit():
        try:
            if DECIMAL_COMMA.fullmatch(text):
                return Decimal(text.replace(",", "."))  # 'N$4,2 billion': a decimal comma
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            return None
    return word_number(text)


def _currency(match: re.Match[str]) -> str | None:
    if match["sym"]:
        return CURRENCY_SYMBOLS.get(SPACE.sub("", match["sym"]).lower())
    if match["code"]:
        return match["code"]
    if match["sufcode"]:
        return match["sufcode"]
    if match["suf"]:
        noun = match["suf"][len(match["adj"] or ""):].strip().split()[0].lower()
        singular = noun if noun in CURRENCY_NOUNS else noun.rstrip("s")
        adjective = " ".join((match["adj"] or "").lower().split())
        return CURRENCY_ADJECTIVES.get((adjective, singular)) or CURRENCY_NOUNS.get(singular)
    return None


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous"))


def _counted_noun(sentence: str, position: int) -> tuple[str, int, int] | None:
    """(unit, end, factor) of the plural noun phrase or measure counted by the number ending at position."""
    modifiers: list[str] = []
    cursor = position
    for _ in range(3):
        match = _FOLLOWING_WORDS_RX.match(sentence, cursor)
        if match is None:
            return None
        word = match.group(1)
        if not modifiers and word in MEASURE_ABBREVIATIONS:
            unit, factor = MEASURE_ABBREVIATIONS[word]
            return unit, match.end(), factor
        lower = word.lower()
        if lower in TIME_UNITS or lower in STOP_WORDS or lower[0].isdigit():
            return None
        cursor = match.end()
        if _is_plural(word):
            if word[0].isupper() and lower not in IRREGULAR_PLURALS:
                return "people", cursor, 1  # "120,000 Armenians": a demonym plural counts people
            if lower in TYPE_HEADS:
                tail = OF_WORD.match(sentence[cursor:])
                if tail:
                    return f"{lower} of {tail.group(1).lower()}", cursor + tail.end(), 1
            measure = [m for m in modifiers if m in MEASURE_MODIFIERS]
            return " ".join([*measure, lower]), cursor, 1
        modifiers.append(lower)
    return None


def _date_spans(sentence: str) -> list[tuple[int, int]]:
    """Spans of dates in the sentence, except a bare four-digit number (an amount may own it)."""
    return [(m.start, m.end) for m in DateContext(None).find(sentence) if not _BARE_YEAR_RX.fullmatch(m.text)]


def find_amounts(sentence: str, date_spans: Sequence[tuple[int, int]] | None = None) -> list[Amount]:
    """Money amounts (ISO currency), percentages ('percent') and counts (the counted noun) in text order.

    date_spans: (start, end) of the sentence's dates when the caller has them already (saves a second date scan);
    a bare four-digit number among them does not block an amount ("2000 students").
    """
    dates = None
    if date_spans is not None:
        dates = [(a, b) for a, b in date_spans if not _BARE_YEAR_RX.fullmatch(sentence, a, b)]
    amounts = []
    for match in _scan(sentence):
        number = _value(sentence, match)
        if number is None:
            continue
        value, high, currency = number
        measured = _unit(sentence, match, value, currency)
        if measured is None:
            continue
        unit, end, value = measured
        if dates is None:
            dates = _date_spans(sentence)
        start = match.start()
        if any(s < end and start < e for s, e in dates):
            continue
        qualifier_match = _QUALIFIER_RX.search(sentence, max(0, start - 24), start)
        qualifier = QUALIFIERS[" ".join(qualifier_match["q"].lower().split())] if qualifier_match else None
        amounts.append(Amount(start, end, sentence[start:end], float(value), unit, qualifier,
                              float(high) if high is not None else None))
    return amounts


def _value(sentence: str, match: re.Match[str]) -> tuple[Decimal, Decimal | None, str | None] | None:
    """The scaled number of a match, the top of its range and its currency; None when the number is no amount
    (an ordinal, a length such as '45m', a span of years such as '2022-23')."""
    if ORDINAL_SUFFIX.match(sentence[match.end("num"):match.end("num") + 3]) and not match["scale"]:
        return None  # ordinal
    value = _number(match["num"])
    if value is None:
        return None
    scale = match["scale"] or SCALE_ABBREVIATIONS.get((match["abbr"] or "").lower())
    currency = _currency(match)
    if match["abbr"] and currency is None:
        return None  # "45m" alone is a length
    high = _number(match["num2"]) if match["num2"] else None
    if scale:
        value *= SCALES[scale.lower().rstrip("s")]
        high = high * SCALES[scale.lower().rstrip("s")] if high is not None else None
    if high is not None and high <= value:
        return None  # "2022-23" is a span of years, not a range of amounts
    return value, high, currency


def _unit(sentence: str, match: re.Match[str], value: Decimal,
          currency: str | None) -> tuple[str, int, Decimal] | None:
    """(unit, end, value) of an amount: a percentage, a currency, or the noun it counts (which may scale the
    value: '5 bcm' is 5e9 cubic metres); None when it has none ('one', 'the 300', a currency noun we cannot
    map)."""
    if match["pct"]:
        return ("percentage points" if "point" in match["pct"].lower() else "percent"), match.end(), value
    if currency is not None:
        return currency, match.end(), value
    if match["suf"]:
        return None  # a currency noun we cannot map
    counted = _counted_noun(sentence, match.end())
    if counted is None or value == 1:
        return None
    before = _DETERMINER_RX.search(sentence, max(0, match.start() - 20), match.start())
    if before and before["d"].lower() in DETERMINERS:
        return None
    unit, end, factor = counted
    return unit, end, value * factor
