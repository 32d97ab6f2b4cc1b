"""Organization forms of real news (issue 11, session 9), each on a text of our own: who belongs to a known
organization, the verb opening a sentence, a name inside another noun phrase, 'work closely together, including
within', 'on the EU level', 'Heads of Member States of', 'A joined X in 1997 and B in 1999', an excerpt cut mid-word,
and an organization that is the other party of a relation."""
from __future__ import annotations

import pytest

from tests.unit.extract.conftest import one_document
from flows.extract import extract_documents


def memberships(text: str) -> set[tuple[str, str]]:
    frame = extract_documents(one_document(text))["memberships"]
    return {(r["country_iso3"], r["organization"]) for r in frame.iter_rows(named=True)}


@pytest.mark.parametrize("text, expected", [
    # a known organization named about the pair: only the sides on its member list (organization_members.csv), and
    # one side only when the text puts it inside (Japan is no NATO member, and the role of NATO says nothing of Norway)
    ("Norway and Japan held talks in Oslo. Both leaders stressed the role of NATO in the Arctic.", set()),
    # neither side on the list: the goal of joining it
    ("Georgia and Moldova held talks. The two countries share the goal of EU membership.", set()),
    ("Japan and Norway held talks. Japan remains a close partner of NATO, and Norway a longstanding NATO member.",
     {("NOR", "NATO")}),
    ("China and Malaysia held talks. Malaysia, an ASEAN founding member, welcomed the Chinese delegation.",
     {("MYS", "ASEAN")}),  # a kind of member before the noun
    ("New Zealand and Vietnam held talks. Our exports to Vietnam make it our third market in ASEAN, said the New "
     "Zealand minister.", {("VNM", "ASEAN")}),  # 'in ASEAN': inside it
    # one side on the list, and the body only named: no membership said
    ("Italy and Tunisia held talks. The minister said the cable between Tunisia and Italy is a priority of the "
     "European Union.", set()),
    # session 16 (orgs25): the Commonwealth has a member list now; the text calls Kenya alone a member (mend26: not
    # Uganda too, though the list holds it; organizations.toml member_said)
    ("Kenya and Uganda held talks. Kenya, a member of the Commonwealth, backs Uganda.",
     {("KEN", "Commonwealth")}),
])
def test_who_belongs_to_a_known_organization(text, expected):
    assert memberships(text) == expected


def test_the_other_party_of_a_relation_is_no_membership():
    text = ("Germany and France held talks. The two ministers discussed the negotiations between the Andean bloc "
            "and the European Union (EU). Both sides want better relations with NATO.")
    assert memberships(text) == set()


def test_a_verb_inside_the_sentence_is_not_leading():
    # the second 'joined' has Peru after it: Peru is what the province joined, not a member of the federation
    text = ("Ecuador and Peru held talks. In 1830 the union broke up and Ecuador joined the Andean Federation of "
            "States, however, a southern province of Ecuador later joined Peru as a department.")
    assert memberships(text) == set()


def test_a_name_inside_another_noun_phrase_is_not_listed():
    text = "The presidents of Chile and Peru will take part in a ceremony for the centenary of the Pacific War."
    assert memberships(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("Denmark and Sweden held talks. The two neighbours work closely together, notably within the Arctic Council.",
     {"Arctic Council"}),
    ("Hungary and Slovakia held talks. The two ministers coordinate their positions on the EU level.", {"EU"}),
    ("The presidents of Kazakhstan and Kyrgyzstan attended the summit of the Heads of Member States of the Shanghai "
     "Cooperation Organisation (SCO).", {"SCO"}),
    ("Estonia and Finland held talks. Estonia joined NATO in 2004 and Finland in 2023.", {"NATO"}),
])
def test_shared_forms(text, expected):
    found = memberships(text)
    assert {org for _, org in found} == expected
    assert len({iso for iso, _ in found}) == 2


def test_a_text_cut_mid_word_keeps_its_last_line_but_not_the_cut_name():
    # an excerpt ends mid-sentence: its last line is read, the name cut in two is not kept
    text = ("Peru and Chile held talks in Lima on trade and fishing.\n\n"
            "Peru and Chile are both members of APEC, the Pacific Alliance and the Andean Commu")
    assert memberships(text) == {("PER", "APEC"), ("CHL", "APEC"), ("PER", "Pacific Alliance"),
                                 ("CHL", "Pacific Alliance")}


@pytest.mark.parametrize("text, expected", [
    # the chair is a member, the organization written as the text writes it
    ("Vietnam and Laos met. Vietnam backed Laos’s chairmanship of the Mekong River Commission.",
     {("LAO", "Mekong River Commission")}),
    ("Uruguay and Brazil met. Uruguay holds the pro tempore presidency of the Southern Common Market (MERCOSUR).",
     {("URY", "MERCOSUR")}),
    # the chair of a body of a known organization is a member of the organization
    ("Austria and Italy met. Austria will take over the presidency of the Council of the European Union in July.",
     {("AUT", "EU")}),
    # a chairmanship with no country of the pair before its cue names no member (a person's name after 'of' is
    # not read as an organization only because no side owns the chair: 'Austria's chairmanship of <person>' would be)
    ("Austria and Italy met. The forum was held under the chairmanship of Karl Huber.", set()),
])
def test_the_chair_of_an_organization_belongs_to_it(text, expected):
    assert memberships(text) == expected
