"""Speed edits of session 17 (helper speed27) give the answers of the code they replaced, on made-up text."""
from __future__ import annotations

from flows.extract import appositions as ap
from flows.extract.countries import find_countries
from flows.extract.names import is_name_token, name_flags, tokenize

SENTENCES = [
    "Foreign Minister Ana Lima of Peru met President Jon Roe, the ministry said.",
    "Ms. TANAKA Emi, Minister of Trade of Japan, and el-Sisi spoke with Ursula von der Leyen.",
    "The presidents of Peru and Bolivia, Dina Boluarte and Luis Arce, met in Lima.",
    "no capital letter stands here, nor a name",
    "",
]


def test_name_flags_are_the_name_test_of_each_token() -> None:
    for sentence in SENTENCES:
        toks = tokenize(sentence, find_countries(sentence))
        assert name_flags(toks) == [is_name_token(tok) for tok in toks]
        assert name_flags(toks) is name_flags(toks)  # kept for the same list
        other = list(reversed(toks))
        assert name_flags(other) == [is_name_token(tok) for tok in other]  # a new list is read anew


# an alternation of escaped words is by construction the substring test: this pins that the gates stay that form
# (no word boundaries, no case folding of their own), not the regex engine
def test_office_word_gates_are_the_substring_tests() -> None:
    for sentence in SENTENCES + ["the Director-General spoke", "ambassadors and premiers"]:
        low = sentence.lower()
        assert bool(ap.OFFICE_WORDS_IN.search(low)) == any(w in low for w in ap.OFFICE_WORDS)
        assert bool(ap.PLURAL_WORDS_IN.search(low)) == any(w in low for w in ap.PLURAL_WORDS)


def test_roman_numerals_are_every_token_roman_matches() -> None:
    from itertools import product

    from flows.extract.names import ROMAN, ROMAN_NUMERALS, WORD
    spellings = {"".join(p) for n in range(1, 7) for p in product("IVXLC", repeat=n)}
    assert {s for s in spellings if ROMAN.match(s)} == ROMAN_NUMERALS
    assert all(WORD.fullmatch(s) for s in ROMAN_NUMERALS)  # each is one token as written


def test_token_views_are_the_tokens_texts() -> None:
    from flows.extract.names import token_lowers, token_texts
    for sentence in SENTENCES:
        toks = tokenize(sentence, find_countries(sentence))
        assert token_texts(toks) == tuple(t.text for t in toks)
        assert token_lowers(toks) == tuple(t.text.lower() for t in toks)
        assert token_texts(toks[1:]) == tuple(t.text for t in toks[1:])


def test_read_name_with_the_flags_reads_as_without() -> None:
    from flows.extract import names
    texts = SENTENCES + ['José "Pepe" Mujica met S. Jaishankar, Kh.Battulga and KAMIKAWA Yoko', "Ana LimaHigh Commissioner Jon Roe",
                         "King Mohammed VI and Ursula von der Leyen met Misfir Jon Ali Al Roe Al Lima Ana Rosa"]
    for sentence in texts:
        toks = tokenize(sentence, find_countries(sentence))
        names._FLAGS[0] = None
        without = [names.read_name(toks, i) for i in range(len(toks))]
        names.name_flags(toks)
        assert [names.read_name(toks, i) for i in range(len(toks))] == without


def test_owner_scan_passes_only_tokens_that_own_no_office() -> None:
    from flows.extract import title_lower as tl
    from flows.extract.names import title_lexicon
    may, may_lower = tl._owner_words()
    texts = SENTENCES + ["Brazil's foreign minister Mauro Vieira met his spokesman Felix Ofosu and central bank governor X.",
                         "Foreign minister Yun Byung-se, the Kenyan trade minister and ex-ambassador Ana Lima spoke."]
    for sentence in texts:
        toks = tokenize(sentence, find_countries(sentence))
        for i, tok in enumerate(toks):
            if tok.country is None and tok.text not in may and tok.text.lower() not in may_lower and "-" not in tok.text:
                assert tl._office_owner(toks, i, title_lexicon()) is None


def test_tokens_are_made_as_tok_makes_them() -> None:
    from flows.extract.names import Tok, WORD
    for sentence in SENTENCES + ["Ana LimaHigh Commissioner Jon Roe met Peru's envoy"]:
        countries = find_countries(sentence)
        owner_at = {pos: c for c in countries for pos in range(c.start, c.end)}
        toks = tokenize(sentence, countries)
        assert all(type(tok) is Tok for tok in toks)
        if "LimaHigh" not in sentence:
            assert toks == [Tok(m.start(), m.end(), m.group(0), owner_at.get(m.start())) for m in WORD.finditer(sentence)]
