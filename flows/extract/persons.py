"""People of a document: a person, its mentions, and the merging of a new mention into the people known."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flows.extract.names import NAME_HONORIFICS, fold_name
from flows.lexicon import read_toml


@dataclass
class Mention:
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Person:
    name: str
    role: str | None = None
    country: str | None = None
    country_cue: str | None = None  # 'explicit' from the title or apposition, 'inferred' from context
    mentions: list[Mention] = field(default_factory=list)
    counterpart_of: "Person | None" = None
    title_partner: "Person | None" = None  # the other name under one plural title ('Presidents A and B')
    aliases: list[str] = field(default_factory=list)  # 'X, posthumously known as Emperor Y': 'Y' names X too
    succeeds: "Person | None" = None  # 'his successor X': the person whose office passed to X (their country is X's)
    role_borrowed: bool = False  # the role is the office of the person they are the counterpart of, not their own

    @property
    def surname(self) -> str:
        return self.name.split()[-1]



def known_person(token: str, people: list[Person]) -> Person | None:
    key = fold_name(token)
    for person in people:
        if fold_name(person.surname) == key:
            return person
    # family name first ('Xi Jinping' ... 'Xi', 'Yoon Suk Yeol' ... 'Yoon', 'Sheikh Mishal ...' ... 'Mishal'): the
    # first token of a known name, when only one known person has it
    firsts = [p for p in people if len(bare_name(p.name)) >= 2 and fold_name(bare_name(p.name)[0]) == key]
    return firsts[0] if len(firsts) == 1 and token[:1].isupper() else None


def bare_name(name: str) -> list[str]:
    """A name's tokens without a leading honorific ('Sheikh Tamim bin Hamad' -> 'Tamim', ...)."""
    tokens = name.split()
    return tokens[1:] if len(tokens) > 1 and tokens[0] in NAME_HONORIFICS else tokens


def merge_person(people: list[Person], name: str, role: str | None, country: str | None, cue: str,
           mention: Mention, borrowed: bool = False) -> Person:
    """Add a mention to the person it names, or a new person; keep the fullest name and the longest role. A role
    borrowed from a counterpart ('the premier met his Ruritanian counterpart Jon Roe') yields to any office the text
    gives the person themself ('Jon Roe, the President of Ruritania'), however short."""
    target = None
    tokens = name.split()
    # 'President Roe' and 'First Lady Ana Roe': a couple shares the family name, not the person
    others = [person for person in people if not _spouse_and_holder(role, person.role)]
    for person in others:
        if family_key(person.surname) == family_key(tokens[-1]):
            first_a, first_b = bare_name(person.name)[0], bare_name(name)[0]  # 'Sheikh Tamim' and 'Sheikh Mohammed' differ
            if (len(tokens) == 1 or len(person.name.split()) == 1 or fold_name(first_a)[:2] == fold_name(first_b)[:2]) \
                    and not _long_names_differ(person.name, name):
                target = person
                break
    if target is None and len(tokens) == 1:
        target = known_person(tokens[0], others)  # 'Xi' after 'Xi Jinping', 'Retno' after 'Retno Marsudi'
    if target is None:
        target = next((p for p in others if fold_name(tokens[-1]) in p.aliases), None)  # 'Emperor Y' after 'also known as'
    if target is None:
        target = _short_form_of(tokens, others)
    if target is None:
        target = Person(name=name)
        people.append(target)
    elif len(tokens) > len(target.name.split()):
        target.name = name
    if role and (target.role is None or target.role in NAME_HONORIFICS or (target.role_borrowed and not borrowed)
                 or (borrowed == target.role_borrowed and _outranks(role, target.role))):
        target.role, target.role_borrowed = role, borrowed  # the longest office; an honorific alone never replaces one
    if country and (target.country is None or (cue == "explicit" and target.country_cue != "explicit")):
        target.country, target.country_cue = country, cue
    target.mentions.append(mention)
    return target


SPOUSE_HEADS = tuple(read_toml("titles.toml")["spouse_heads"])  # 'First Lady': the holder's spouse, not the holder


def _spouse_and_holder(role: str | None, held: str | None) -> bool:
    """Whether one of two offices is a spouse's ('First Lady') and the other is not: two people of one family."""
    if not role or not held:
        return False
    return role.startswith(SPOUSE_HEADS) != held.startswith(SPOUSE_HEADS)


def _long_names_differ(a: str, b: str) -> bool:
    """Two full names that each hold two words the other lacks name two people of one family ('Sheikh Salem
    Al-Hamad Al-Nasser Al-Rowdha' and 'Sheikh Salem Al-Jaber Al-Karim Al-Rowdha'); one word apart is a spelling
    ('Luiz'/'Luis'), and articles and short particles ('Al Roe', 'Al-Roe', 'bin') are no word of their own."""
    words_a, words_b = ({family_key(w) for w in bare_name(n) if len(ARTICLE_PREFIX.sub("", w)) > 3} for n in (a, b))
    if len(words_a - words_b) >= 2 and len(words_b - words_a) >= 2:
        return True
    father_a, father_b = _father(a), _father(b)
    return father_a is not None and father_b is not None and father_a != father_b


def _father(name: str) -> str | None:
    """The father's name in an Arabic chain: the word after the given name that carries the article or follows
    'bin' ('Sheikh Omar Al-Nasser Al-Karim Al-Rowdha' and 'Sheikh Omar bin Nasser Al Rowdha': 'nasser'), when it is
    not the family name that closes the name ('Sheikh Omar Al Rowdha' tells no father). Two brothers' sons share a
    given and a family name, and the chain is where they differ ('Sheikh Omar Al-Nasser ...' and 'Sheikh Omar
    Al-Hamad ... Al-Rowdha' are two people)."""
    words = bare_name(name)
    if len(words) < 3:
        return None
    k = 1
    if words[k].lower() in SON_OF or words[k].lower() in ARTICLE_PARTICLES:
        k += 1  # 'bin Nasser', 'Al Nasser': the particle written apart
    elif not ARTICLE_PREFIX.match(words[k]):
        return None  # no chain: 'Jon Paul Roe'
    return family_key(words[k]) if k < len(words) - 1 else None


TIMED = re.compile(r"^(?:then|former|late|ex)[\s-]", re.I)
HEIR = re.compile(r"\b(?:Crown\s+Prince(?:ss)?|Prince(?:ss)?|heir)\b", re.I)
MONARCH = re.compile(r"\b(?:King|Queen|Emperor|Empress|Sultan|Emir|Amir|Tsar|Grand\s+Duke)\b", re.I)


def _outranks(role: str, held: str) -> bool:
    """Whether a new role replaces the one a person holds: an office told with no time word ('Emperor Emeritus
    X') wins over a past one ('then Crown Prince X'), a monarch's over an heir's ('then Prince X' ... 'then King
    X'); else the longest office, never an honorific alone."""
    if role in NAME_HONORIFICS:
        return False
    if bool(TIMED.match(role)) != bool(TIMED.match(held)):
        return not TIMED.match(role)
    if MONARCH.search(role) and HEIR.search(held) and not MONARCH.search(held):
        return True
    if MONARCH.search(held) and HEIR.search(role) and not MONARCH.search(role):
        return False
    return len(role) > len(held)


ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|an)[-‐]", re.I)


def family_key(word: str) -> str:
    """A family name's key with its Arabic article left out: 'El-Sisi' and 'El Sisi' (last word 'Sisi') meet."""
    return fold_name(ARTICLE_PREFIX.sub("", word))


ARTICLE_PARTICLES = frozenset({"al", "el", "al-", "el-"})  # an Arabic family name's article, written either way
SON_OF = frozenset(read_toml("titles.toml")["son_of_particles"])  # 'bin', 'ibn': the father's name follows


def _short_form_of(tokens: list[str], people: list[Person]) -> Person | None:
    """The one known person a shorter or longer form names: 'President Solís' after 'Luis Guillermo Solís Rivera' (a
    paternal surname before the maternal one), 'President Suluhu' or 'Samia Suluhu' after 'Samia Suluhu Hassan', and
    'Samia Suluhu Hassan' after 'Samia Suluhu' ('Mohammed VI' is not 'Mohammed Ould X'). None when two could be meant."""
    words = [fold_name(t) for t in tokens]
    if len(tokens) == 1 and len(tokens[0]) < 3:
        return None
    hits = []
    for person in people:
        known = [fold_name(t) for t in bare_name(person.name)]
        if len(tokens) == 1:
            same = len(known) >= 3 and words[0] in known[1:-1]
        elif len(tokens) == 2 and tokens[0].lower() in ARTICLE_PARTICLES:
            same = len(known) >= 3 and words[1] == known[-1]  # 'El Ghazouani', 'Al Ghazouani' after 'Mohamed ... El Ghazouani'
        else:
            # two words or more on both sides: 'Hasan Mahmud' is not 'Sheikh Hasina' (bare 'Hasina', folded alike)
            same = len(known) >= 2 and fold_name(tokens[0]) == known[0] and (set(words) <= set(known)
                                                                              or set(known) <= set(words))
            # 'President García Pérez' after 'José Luis García Pérez': the known name's last words, given names left out
            same = same or len(known) > len(words) and known[-len(words):] == words
        if same:
            hits.append(person)
    return hits[0] if len(hits) == 1 else None
