"""People the statistical backbone finds: runs of name-like words no rule has read, given to spaCy's entity
recogniser in a window of words (flows/extract/nlp.py), and the tests that keep places, works and credit lines out
(split from people.py, which reads titled names and merges people within a document)."""
from __future__ import annotations

import re

from flows.extract.countries import CountryMention
from flows.extract.names import Tok, is_name_token, read_name, tokenize
from flows.extract.nlp import backbone, person_spans, prefetch
from flows.extract.person_places import names_a_place_or_body, names_a_thing
from flows.extract.titles import Found, taken_tokens, titles_before_names
from flows.lexicon import read_toml

# two capitalised words in a row, not at the sentence's start: where a name with no title can stand
NAME_PAIR = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-ZÀ-Þ][a-zà-ÿ’'-]+\s+[A-ZÀ-Þ][a-zà-ÿ’'-]+|^[A-ZÀ-Þ][a-zà-ÿ’'-]+\s+[A-ZÀ-Þ][a-zà-ÿ’'-]+\s+[a-z]")


def entity_names(sentence: str, toks: list[Tok], founds: list[Found]) -> None:
    """Names with no cue the rules read ('talks between Hun Manet and ...'): the backbone's PERSON entities, asked
    only when the sentence holds a run of two or more name-like words no rule has taken (the costly model last)."""
    if backbone() != "spacy":
        return
    starts = {f.start_tok for f in founds}
    for a, b in _candidate_runs(toks, taken_tokens(founds)):
        if not _reads_as_english(toks[max(0, a - LANGUAGE_REACH):a] + toks[b:b + LANGUAGE_REACH]):
            continue
        left, right = _window(toks, a, b)
        for start, end in person_spans(sentence[left:right]):
            part = [k for k in range(a, b) if start <= toks[k].start - left < end]
            if len(part) >= 2 and not _not_a_person(sentence, toks, part[0], part[-1] + 1, starts) \
                    and not names_a_thing(toks, a, b):
                founds.append(Found(part[0], part[-1] + 1, None, None, "none"))


ENGLISH_WORDS = frozenset(read_toml("titles.toml")["entity_language"]["english_words"])


LANGUAGE_REACH = 6  # tokens either side of a candidate name whose language is tested (a sentence may join two lines)


def _reads_as_english(toks: list[Tok]) -> bool:
    """Whether the words around a candidate name are English enough for the recogniser: fewer than two lower-case
    words (a caption, 'Jon Roe, Ana Lima'), or one of the common English words among them ('Hallgasd a cikket: ...'
    has none)."""
    lower = [t.text for t in toks if t.text.isalpha() and t.text.islower()]
    return len(lower) < 2 or not ENGLISH_WORDS.isdisjoint(lower)


WINDOW = 8  # words either side of a candidate name given to the entity recogniser (its cost grows with the length)


def _candidate_runs(toks: list[Tok], taken: set[int]) -> list[tuple[int, int]]:
    """Runs of two or more name-like words no rule has read and no longer proper name holds."""
    runs = []
    n = 0
    while n < len(toks):
        if n in taken or not is_name_token(toks[n]):
            n += 1
            continue
        e = read_name(toks, n)
        if e - n >= 2 and not taken & set(range(n, e)) and not _inside_a_proper_name(toks, n, e):
            runs.append((n, e))
        n = max(e, n + 1)
    return runs


def _window(toks: list[Tok], a: int, b: int) -> tuple[int, int]:
    return toks[max(0, a - WINDOW)].start, toks[min(len(toks), b + WINDOW) - 1].end


def prefetch_names(sentences: list[str], countries: list[list[CountryMention]]) -> None:
    """Give the entity recogniser a document's candidate names in one batch before its sentences are read (a call
    a window costs about twice as much); the later per-sentence reading finds them cached.

    Which runs entity_names reads depends on the names the rules took first, and those on the people of earlier
    sentences, the recogniser's own included: known only sentence by sentence. The batch is a guess, so it leaves out
    the runs entity_names surely skips: words around that read as no English, and a run the title before it takes
    ('Foreign Minister Ana Lima'; titles_before_names reads the words alone, and entity_names' founds start with
    it). A window it guessed wrong is read on its own when asked: the same spans either way (a window's entities
    depend on its text alone), so only the time differs. On r1-r16 this left 120 of the 375 windows nobody read out
    of the batch, and none of the 586 read."""
    if backbone() != "spacy":
        return
    windows = []
    for sentence, found in zip(sentences, countries):
        if NAME_PAIR.search(sentence):
            toks = tokenize(sentence, found)
            titled = taken_tokens(titles_before_names(toks))
            windows += [sentence[slice(*_window(toks, a, b))] for a, b in _candidate_runs(toks, set())
                        if titled.isdisjoint(range(a, b)) and _reads_as_english(
                            toks[max(0, a - LANGUAGE_REACH):a] + toks[b:b + LANGUAGE_REACH])]
    prefetch(windows)


def _inside_a_proper_name(toks: list[Tok], a: int, b: int) -> bool:
    """'Qatar Investment Promotion Agency', 'the Cultural Month': capitalised words beside the run that are no name
    (a body, a month, a country) make it part of a longer proper name, not a person's (a cheap test before the model)."""
    def capital_word(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].text[:1].isupper() and not is_name_token(toks[k]) and toks[k].text not in \
            ("I", "The", "A", "An", "In", "On", "At", "By", "As", "And", "But", "For", "With", "From", "To") and \
            not (toks[k].country is not None and toks[k].country.kind == "demonym")
    return capital_word(a - 1) and a > 0 and toks[a - 1].end + 1 == toks[a].start or capital_word(b) and toks[b - 1].end + 1 == toks[b].start


PLACE_BEFORE = frozenset({"the", "in", "at", "from", "near", "into", "across", "between", "outside", "inside"})
CREDIT = re.compile(r"\b(?:report(?:ing|ed)?|writ(?:ing|ten)|edit(?:ing|ed)|photo(?:graph)?s?|compiled)\b", re.I)


def _not_a_person(sentence: str, toks: list[Tok], a: int, b: int, starts: set[int]) -> bool:
    """An entity the context shows is no person of the story: a place or a work ('in Novi Sad', 'the Cahora Bassa
    scheme'), a credit line ('additional reporting by X'), or a place before the title of the next name
    ('... and Novi Sad, Hungarian Foreign Minister Y')."""
    before = toks[a - 1].text.lower() if a > 0 else ""
    if before in PLACE_BEFORE or (before == "by" and CREDIT.search(sentence)):
        return True
    if a > 0 and toks[a - 1].text == "By" or b < len(toks) and toks[b].text == "/":
        return True  # a byline ('... By Jon Roe for The Daily'), a photo credit ('(Jon Roe/Agency)')
    if _closes_a_place_list(toks, a) or names_a_place_or_body(toks, a, b):
        return True
    if toks[b - 1].country is not None and toks[b - 1].country.kind == "name":
        return True  # 'Agrar Ruritania provides market support': a body named for its country ('Invest Ruritania')
    if _plural_of_a_thing(toks[b - 1].text):
        return True  # 'Honorary Consulates in Lima', 'Coffee Houses': things counted, no one's name (people29)
    if a >= 2 and toks[a - 1].text == ":" and toks[a - 2].country is not None and toks[a - 2].country.kind == "demonym":
        return True  # '(Ruritanian: Ugna Bordu at Rurit)': a page's title in a language the demonym names
    return b < len(toks) and toks[b].text == "," and any(b < s <= b + 6 for s in starts)


def _plural_of_a_thing(word: str) -> bool:
    """A capitalised plural whose singular is a noun of a thing or a body that no family name is (titles.toml
    thing_nouns: 'Consulate', 'House', 'Embassy'): 'Consulates', 'Houses', 'Embassies'. The row is its own, not
    not_names: that list holds words never a whole name ('Bank', 'Lake', 'Port', 'Hall', 'May') whose plurals are
    family names ('Tony Banks', 'Peter Lakes', 'John Ports'; mend30b)."""
    if len(word) < 4 or not word.endswith("s") or not word[:1].isupper():
        return False
    singulars = (word[:-3] + "y",) if word.endswith("ies") else (word[:-1], word[:-2]) if word.endswith("es") else (word[:-1],)
    return any(s in THING_NOUNS for s in singulars)


THING_NOUNS = frozenset(read_toml("titles.toml")["thing_nouns"])


PLACE_LIST_BEFORE = frozenset(read_toml("titles.toml")["place_list_before"])


def _closes_a_place_list(toks: list[Tok], a: int) -> bool:
    """'consulates in Lima, Cusco and San Roque': the last item of a list of capitalised names, with a comma, that a
    place word opens ('in', 'like') is a place too (a list with no comma, 'in Lima and Jon Roe', proves nothing)."""
    if a < 2 or toks[a - 1].text not in ("and", "or"):
        return False
    k, commas = a - 2 if toks[a - 2].text != "," else a - 3, 0
    while k >= 0 and (toks[k].text == "," or toks[k].text[:1].isupper()):
        commas += toks[k].text == ","
        k -= 1
    return commas > 0 and k >= 0 and toks[k].text.lower() in PLACE_LIST_BEFORE


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)
