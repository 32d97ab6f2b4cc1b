"""Lower-case offices before names: 'Brazil's foreign minister X', 'the Kenyan trade minister X', 'central bank
governor X', 'his predecessor, X' (split from titles.py, which reads capitalised titles before names)."""
from __future__ import annotations

from functools import lru_cache

from flows.extract.names import (BODIES, COMPLEMENT_STOP, FUNCTION_CAPS, NAME_HONORIFICS, POSSESSIVE, Tok, _index_of,
                                 match_seq, read_name, title_lexicon, token_lowers)
from flows.extract.title_complements import of_the_body
from flows.extract.titles import TIME_MODIFIERS, TIME_PREFIX_LOWER, Found, singular, untimed
from flows.lexicon import read_toml

SUCCESSION = frozenset(read_toml("titles.toml")["succession_nouns"])
OFFICE_SEATS = {tuple(seat.split()): iso3 for seat, iso3 in read_toml("titles.toml")["office_seats"].items()}
SEAT_FORMS = sorted(OFFICE_SEATS, key=len, reverse=True)


def lower_titles(toks: list[Tok], taken: set[int]) -> list[Found]:
    """'Brazil's foreign minister Mauro Vieira', 'Iran's deputy foreign minister for consular affairs, Ali Bigdeli',
    'the Kenyan trade minister X': a lower-case office after a possessive country or a demonym, then a name;
    'central bank governor X', 'economist X': with no owner, the country comes from context."""
    lex = title_lexicon()
    # every office read here has a lower-case head, found by match_seq(..., lower=True) from a token whose lower
    # case is a head's first word: a sentence with no such token reads none (skip the per-token owner scan, speed)
    # (_untimed changes only a word with a hyphen: the others are tested as they are, without a call each, speed)
    words = token_lowers(toks)
    firsts = _index_of(lex["lower_heads"]).keys()
    if firsts.isdisjoint([w for w in words if "-" not in w]) and \
            firsts.isdisjoint([_untimed(w) for w in words if "-" in w]):
        return []
    found = []
    names_ending: set[int] = set()
    may_own, may_own_lower = _owner_words()
    for i, tok in enumerate(toks):
        # _office_owner answers None for a word outside every country, with no hyphen, that is none of its words
        # (the test a token, not a call: most tokens are such words, speed)
        if tok.country is None and tok.text not in may_own and words[i] not in may_own_lower and "-" not in tok.text:
            continue
        owner = _office_owner(toks, i, lex)
        if owner is None:
            continue
        country, j = owner
        lead = i if j > i and tuple(t.text for t in toks[i:j]) in OFFICE_SEATS else j  # 'White House press secretary'
        h = j
        while h < len(toks) and _untimed(_opening_lower(toks, h)) in lex["lower_modifiers"] and h - j < 3:
            h += 1  # 'then-foreign minister X': a time word glued to the modifier
        n = match_seq(toks, h, lex["lower_heads"], lower=True) or _timed_head(toks, h, lex)
        if match_seq(toks, j, lex["lower_heads"], lower=True) > max(1, h - j):
            h, n = j, match_seq(toks, j, lex["lower_heads"], lower=True)  # 'the first lady, X': a head of two words
        if not n and h > j and match_seq(toks, h - 1, lex["lower_heads"], lower=True) == 1:
            h, n = h - 1, 1  # 'deputy chief of the Office X': the last modifier word is the head
        if not n or not _opening_lower(toks, h)[:1].islower():
            continue
        end = _complement_end(toks, h + n)
        end, country = _posting(toks, i, end, country)
        k = end + 1 if end < len(toks) and toks[end].text == "," else end
        start = k
        if k < len(toks) and toks[k].text in NAME_HONORIFICS:
            k += 1  # "Qatar's foreign minister, Sheikh Mohammed ..."
        e = read_name(toks, k)
        # one name word is enough after 'his successor' ('followed by visits by his successor Roe'): the office is
        # the one of the person 'his' refers to (person_succession.py)
        one_word = e - k == 1 and n == 1 and toks[h].text.lower() in SUCCESSION and toks[i].text.lower() in ("his", "her")
        if (e - k < 2 and not one_word) or any(x in taken for x in range(start, e)):
            continue
        if e in names_ending:
            continue  # 'his trade minister X': the owner's reading came first
        names_ending.add(e)
        if country is None and lead == i:
            lead = _portfolio_chain(toks, lead)  # 'investment, trade and industry minister X': the whole portfolio
            lead = named_body_before(toks, lead)  # 'Foreign Affairs Ministry spokesperson X', 'ABC spokesperson Y'
        role = " ".join(t.text for t in toks[lead:end])
        if country and i > 0 and toks[i].country is not None and toks[i - 1].text.lower() in TIME_MODIFIERS:
            role = f"{toks[i - 1].text.lower()} {role}"  # 'Former Peruvian president X': a former president
        found.append(Found(start, e, singular(role), country, "explicit" if country else "none"))
    return found


CHAIN_LINKS = frozenset(read_toml("titles.toml")["portfolio_chain_links"])


def _portfolio_chain(toks: list[Tok], lead: int) -> int:
    """Back from a lower-case office over the portfolio words before it, joined by commas and 'and' ('higher education
    minister X', 'mining, trade and industry minister Y'): the first word of the chain; a link must stand between two
    portfolio words (', trade minister X' after a name keeps its comma out)."""
    lower_portfolio = title_lexicon()["lower_portfolio"]

    def portfolio(k: int) -> bool:
        return k >= 0 and toks[k].text.islower() and toks[k].text in lower_portfolio and toks[k].country is None
    while lead > 0:
        if portfolio(lead - 1):
            lead -= 1
        elif toks[lead - 1].text in CHAIN_LINKS and portfolio(lead - 2) and portfolio(lead):
            lead -= 1
        else:
            break
    return lead


BODY_NAME_WORDS = 5  # capitalised words at most in a body's name before a lower-case office


def named_body_before(toks: list[Tok], lead: int) -> int:
    """Back from a lower-case office with no owner over the body it serves, named right before it (people29): a
    capitalised name closed by a body noun ('Trade Promotion Commission secretary X', 'Foreign Affairs Ministry
    spokesperson Y'), or an acronym ('ABC spokesperson Z'). The body is part of the office; no country word is."""
    k = lead - 1
    if k < 0 or toks[k].country is not None:
        return lead
    word = toks[k].text
    if word.isupper() and word.isalpha() and 2 <= len(word) <= 6:
        return k
    if word not in BODIES:
        return lead
    while (k > 0 and lead - k < BODY_NAME_WORDS and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha()
           and toks[k - 1].country is None and toks[k - 1].text not in FUNCTION_CAPS):
        k -= 1
    return k if k < lead - 1 else lead  # a body noun alone ('Ministry spokesperson') names no body


OWNER_PRONOUNS = ("his", "her", "their", "its")


@lru_cache(maxsize=1)
def _owner_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words _office_owner may read an owner at, as written and in lower case: a possessive, an office seat's
    first word, an opener of a lower-case office ('central', 'his predecessor'), and in lower case a pronoun or an
    opener (a sentence's first word is lower-cased before the opener test). A hyphenated word or one in a country
    mention is tried whatever it is."""
    lex = title_lexicon()
    openers = frozenset(lex["lower_openers"])
    return (POSSESSIVE | {seat[0] for seat in SEAT_FORMS} | openers,
            frozenset(OWNER_PRONOUNS) | openers)


def _office_owner(toks: list[Tok], i: int, lex: dict) -> tuple[str | None, int] | None:
    """Who owns the office that may start after token i, and where the office words start: (ISO3 or None when
    the country comes from context, index); None when token i opens no lower-case office.
    lower_titles calls this only for a token in a country, with a hyphen, or among _owner_words (its gate, speed):
    a branch that reads an owner at another word must add that word to _owner_words, or it is never reached."""
    tok = toks[i]
    if tok.text in POSSESSIVE and i > 0 and toks[i - 1].country is not None:
        return toks[i - 1].country.iso3, i + 1
    if tok.text.lower() in OWNER_PRONOUNS:
        return None, i + 1  # 'his spokesman Felix Kwakye Ofosu': the country comes from context
    if tok.text in POSSESSIVE and i > 0 and toks[i - 1].text.isupper() and len(toks[i - 1].text) >= 2:
        return None, i + 1  # "the ABX's head of the Africa office X": a body's office, the country from context
    if tok.country is not None and tok.country.kind == "demonym" and tok.text[:1].isupper():
        return tok.country.iso3, i + 1
    seat = match_seq(toks, i, SEAT_FORMS) if tok.text[:1].isupper() else 0
    if seat:
        return OFFICE_SEATS[tuple(t.text for t in toks[i:i + seat])], i + seat  # 'Kremlin spokesman X': Russia's
    if _untimed(_opening_lower(toks, i)) in lex["lower_openers"] and (i == 0 or toks[i - 1].text.lower() not in lex["lower_openers"]):
        if i > 0 and match_seq(toks, i - 1, lex["lower_heads"], lower=True) >= 2:
            return None  # 'the secretary general X': the last word of a longer office, not a rank of its own
        return None, i  # 'central bank governor Elvira Nabiullina', 'her predecessor, Michelle Bachelet'
    return None


def _untimed(text: str) -> str:
    """A modifier without a time word glued to it ('then-foreign' -> 'foreign', 'ex-trade' -> 'trade')."""
    return untimed(text, TIME_PREFIX_LOWER)


def _timed_head(toks: list[Tok], h: int, lex: dict) -> int:
    """A head with a time word glued to its first word ('the death of then-president X', 'ex-ambassador Y'): its
    length read on the word without the time word, else 0."""
    text = toks[h].text if h < len(toks) else ""
    bare = _untimed(text)
    if bare == text:
        return 0  # no time word glued to it
    return match_seq([toks[h]._replace(text=bare)] + toks[h + 1:h + 4], 0, lex["lower_heads"], lower=True)


def _opening_lower(toks: list[Tok], i: int) -> str:
    """A token's text, in lower case when it opens the sentence: 'Foreign minister Yun Byung-se and ...' opens with
    the lower-case office 'foreign minister' (the capital is the sentence's), while 'Foreign Minister' is a title."""
    text = toks[i].text
    if i == 0 and len(toks) > 1 and toks[1].text[:1].islower():
        return text.lower()
    return text


def _complement_end(toks: list[Tok], end: int) -> int:
    """The end of the office once its lower-case complement is read: 'for consular affairs', 'of trade', or a body
    ('of the Prime Minister's Office')."""
    if end + 2 < len(toks) and toks[end].text in ("of", "for") and toks[end + 1].text == "the" \
            and toks[end + 2].country is None:
        body = of_the_body(toks, end)
        if body is not None:
            return body[0]
    if (end < len(toks) and toks[end].text in ("for", "of") and toks[end + 1:end + 2]
            and toks[end + 1].text.islower()):
        k = end + 1
        while (k < len(toks) and toks[k].text.isalpha() and toks[k].text.islower() and k - end <= 4
               and toks[k].text not in COMPLEMENT_STOP):
            k += 1
        end = k  # 'for consular affairs'
    return end


ENVOY_HEADS = frozenset({"ambassador", "envoy", "consul", "commissioner", "representative", "attaché"})
POSTED_TO = frozenset({"island", "islands", "country", "kingdom", "republic", "court", "region"})


def _posting(toks: list[Tok], i: int, end: int, country: str | None) -> tuple[int, str | None]:
    """An envoy's posting after the office ('its ambassador to Spain, Karima Benyaich'): the office ends after
    the country posted to, and an 'its'/'their' owner is the country named before, not the one posted to."""
    if (end + 1 < len(toks) and toks[end].text == "in" and toks[end + 1].country is not None
            and toks[end - 1].text.lower() in ENVOY_HEADS):
        posted = toks[end + 1].country  # "Peru's ambassador in Santiago, X": the posting, told with 'in'
        end += 1
        while end < len(toks) and toks[end].country is posted:
            end += 1
        return end, country
    if end + 1 < len(toks) and toks[end].text == "to" and toks[end + 1].country is not None:
        c = toks[end + 1].country
        end += 1
        while end < len(toks) and toks[end].country is c:
            end += 1  # 'its ambassador to Spain, Karima Benyaich'
        if country is None and toks[i].text.lower() in ("its", "their"):
            # 'Morocco recalled its ambassador to Spain': the country that owns 'its', not the one posted to
            owner = [t.country.iso3 for t in toks[:i] if t.country is not None and t.country.iso3 != c.iso3]
            country = owner[-1] if owner else None
        return end, country
    if (end + 2 < len(toks) and toks[end].text == "to" and toks[end + 1].text == "the" and toks[end + 2].text.isalpha()
            and toks[end + 2].text.islower() and toks[end + 2].text in POSTED_TO):
        end += 3  # 'its first envoy to the island, Jon Roe': a posting told with a noun
    if country is None and toks[i].text.lower() == "its":
        # 'the USSR named its first envoy to the island, Jon Roe': the country named before 'its' owns the office
        owner = [t.country.iso3 for t in toks[:i] if t.country is not None and t.country.kind in ("name", "historic")]
        country = owner[-1] if owner else None
    return end, country
