"""Layout before language: hard wraps, glued side boxes, list items and headings (flows/ingest/documents/layout.py),
on texts written for these tests (tests/fixtures/texts/layout_*)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.common.dates import DateContext
from flows.extract.sentences import split_sentences
from flows.ingest.documents import read_document, read_html
from flows.ingest.documents.layout import lay_out, separate_glued, unwrap, wrap_width

TEXTS = Path(__file__).resolve().parents[1] / "fixtures" / "texts"

WRAPPED = ("The ministers of the two countries met in the capital and resumed\n"
           "their talks on the border crossings that had been closed since the\n"
           "floods, and agreed to reopen two of them before the harvest season\n"
           "begins.")


def dated_sentences(text: str, published: date | None = None) -> list[tuple[str, list[date | None]]]:
    """Each sentence with the dates the grammar reads in it."""
    context = DateContext(published)
    return [(s.text, [m.value for m in context.find(s.text)]) for s in split_sentences(text)]


def test_a_hard_wrapped_paragraph_becomes_one_line() -> None:
    assert unwrap(WRAPPED) == " ".join(WRAPPED.split("\n"))
    assert wrap_width(WRAPPED.split("\n")) == 66  # the longest line another line follows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks resumed on\nFriday in Lima.", "The talks resumed on Friday in Lima."),  # a continuation word
        ("The minister arrived on Sept 12,\n2016, for two days.", "The minister arrived on Sept 12, 2016, for two days."),
        ("The minister arrived in March\n2016 for two days.", "The minister arrived in March 2016 for two days."),
        ("The treaty, signed in Lima,\nentered into force in 2019.", "The treaty, signed in Lima, entered into force in 2019."),
    ],
)
def test_a_sentence_broken_across_lines_is_joined_on_a_strong_cue(text: str, expected: str) -> None:
    assert unwrap(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ministers agree to reopen border posts\nPublished: 2024-05-10",  # a headline over a date line
        "Peru and Chile deepen ties\nMarch 21, 2023",
        "Trade and investment\nBilateral trade reached $2 billion in 2023.",  # a heading over its paragraph
        "The talks ended on Friday.\nThe next round is due in May.",  # sentences that end at the line's end
        "Key dates:\n1992 Relations established\n2004 Embassy opened",  # a list without markers
        "- The first item of a list\n- The second item of a list",
        "| year | visits |\n| 2019 | 3 |",
    ],
)
def test_lines_that_are_units_are_not_joined(text: str) -> None:
    assert unwrap(text) == text


def test_a_markdown_hard_break_is_kept() -> None:
    assert unwrap("The talks resumed on  \nFriday in Lima.", markdown=True) == "The talks resumed on  \nFriday in Lima."


def test_a_wrapped_list_item_takes_its_year_and_the_next_item_keeps_its_own() -> None:
    text = ("- President A visited the capital on Sept 12,\n  2016, with ten ministers\n"
            "- President B visited the capital in 2019")
    assert unwrap(text).split("\n") == ["- President A visited the capital on Sept 12, 2016, with ten ministers",
                                        "- President B visited the capital in 2019"]
    assert [dates for _, dates in dated_sentences(unwrap(text))] == [[date(2016, 9, 12)], [date(2019, 1, 1)]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane DoeAmbassador John Roe said the talks went well.",
         "Jane Doe\n\nAmbassador John Roe said the talks went well."),
        ("Minister Ana Lima visited the port.Read more: other news",
         "Minister Ana Lima visited the port.Read more: other news"),  # no lower-case pair before: left alone
        ("The new terminal opened in LimaPhoto: the terminal at night",
         "The new terminal opened in Lima\n\nPhoto: the terminal at night"),
        ("Talks with McDonald and MacArthur went on.", "Talks with McDonald and MacArthur went on."),  # names
        ("PetroChina and ExxonMobil signed a deal.", "PetroChina and ExxonMobil signed a deal."),  # brands
        # a caption word or an infobox cell glued before a unit that opens with a demonym and a capitalised word
        ("12 March 2022 NewsLatvian President Jane Roe arrived in Oslo.",
         "12 March 2022 News\n\nLatvian President Jane Roe arrived in Oslo."),
        ("Embassy of Chile, OsloNorwegian Embassy, Santiago", "Embassy of Chile, Oslo\n\nNorwegian Embassy, Santiago"),
        # a demonym glued with no capitalised word after it is left alone (a paper's name)
        ("The readers of The EastAfrican know it.", "The readers of The EastAfrican know it."),
    ],
)
def test_a_side_box_glued_to_the_text_is_cut_off(text: str, expected: str) -> None:
    assert separate_glued(text) == expected


def test_the_glued_name_is_not_read_into_the_sentence() -> None:
    sentences = [s.text for s in split_sentences(lay_out("Jane DoeAmbassador John Roe met the minister."))]
    assert sentences == ["Ambassador John Roe met the minister."]


def test_html_heading_set_in_bold_stays_apart_and_a_br_inside_a_sentence_is_joined() -> None:
    page = ("<html><body><article><p><strong>Economic ties</strong><br>Trade between the two countries rose "
            "in 2023.</p><p>The ministers met on<br>Friday in Lima.</p></article></body></html>")
    assert read_html(page)["text"] == ("Economic ties\nTrade between the two countries rose in 2023.\n\n"
                                       "The ministers met on Friday in Lima.")


def test_hard_wrapped_text_file_reads_as_whole_sentences() -> None:
    row = read_document(TEXTS / "layout_hard_wrapped.txt", TEXTS)
    assert (row["title"], row["published_date"], row["dateline_place"], row["outlet"]) == (
        "Norway and Ecuador agree to widen fisheries talks", date(2024, 3, 14), "Quito", "Andes Ledger")
    found = dated_sentences(row["text"], row["published_date"])
    assert found == [
        ("The foreign ministers of Norway and Ecuador resumed their fisheries talks on Friday in Quito after a pause "
         "of two years, and agreed that a joint commission would meet again before the end of the year.",
         [date(2024, 3, 8), date(2024, 1, 1)]),  # Friday before the 14th; "the end of the year"
        ("Norwegian Foreign Minister Ola Strand first visited Ecuador on Sept 12, 2016, and Ecuadorian President "
         "Lucia Mora paid a state visit to Oslo in May 2019.", [date(2016, 9, 12), date(2019, 5, 1)]),
        ("Ambassador John Roe said the two countries would also open a trade office in Guayaquil.", []),
    ]
    assert "Earlier visits\n" in row["text"]  # the sub-heading stays its own line, not glued to the sentence


def test_markdown_lists_keep_a_date_per_item_and_headings_apart() -> None:
    row = read_document(TEXTS / "layout_lists.md", TEXTS)
    found = dated_sentences(row["text"], row["published_date"])
    assert [(text.split(" visited ")[0].split(" signed ")[0], dates) for text, dates in found] == [
        ("Portuguese President Rui Vaz", [date(2008, 4, 3)]),
        ("Senegalese President Awa Ndiaye", [date(2014, 6, 5)]),
        ("Portuguese Prime Minister Ana Reis", [date(2021, 1, 1)]),
        ("Senegal and Portugal", [date(2017, 10, 14)]),
        ("The two countries", [date(2022, 1, 1)]),
    ]
    lines = row["text"].split("\n")
    assert "High-level visits" in lines and "Agreements" in lines


def test_footnote_markers_are_dropped_so_sentences_end_where_they_do() -> None:
    text = separate_glued("The two states opened embassies in May 2001.[3] A trade pact followed in 2004.[4]")
    assert text == "The two states opened embassies in May 2001. A trade pact followed in 2004."
    assert [dates for _, dates in dated_sentences(text)] == [[date(2001, 5, 1)], [date(2004, 1, 1)]]
    assert separate_glued("as the note[a](https://example.org) says") == "as the note[a](https://example.org) says"


def test_a_heading_glued_to_its_first_sentence_is_cut_off() -> None:
    text = lay_out("Treaty BasisIn 1996, the two states signed a treaty of friendship.")
    assert text == "Treaty Basis\n\nIn 1996, the two states signed a treaty of friendship."
    assert [s.text for s in split_sentences(text)] == ["In 1996, the two states signed a treaty of friendship."]


def test_a_spanish_wire_dateline_with_a_full_stop_and_dash() -> None:
    sentence = split_sentences("Quito, Nov 27 (Andes).- The two presidents met here Tuesday.")[0]
    assert (sentence.dateline, sentence.text) == ("Quito, Nov 27 (Andes).-", "The two presidents met here Tuesday.")


def test_a_label_glued_to_its_value_is_a_heading_of_its_own() -> None:
    assert separate_glued("Relationship level:Strategic Partnership") == "Relationship level:\n\nStrategic Partnership"
    assert separate_glued("The meeting began at 10:30 in Lima.") == "The meeting began at 10:30 in Lima."


def test_table_cells_that_read_as_phrases_are_units() -> None:
    text = ("Envoy | |\n"
            "Norwegian Ambassador to Ecuador Kari Berg | Ecuadorian Ambassador to Norway Luis Pena |\n"
            "| 2019 | 120 | 3.5 |")
    assert [s.text for s in split_sentences(text)] == ["Norwegian Ambassador to Ecuador Kari Berg",
                                                       "Ecuadorian Ambassador to Norway Luis Pena"]


def test_an_article_in_a_container_our_rules_take_for_chrome_is_read_by_trafilatura() -> None:
    page = ('<html><head><title>Fisheries</title></head><body><div class="post-meta-wrapper">'
            "<p>The foreign ministers of Norway and Ecuador met in Quito on 3 May 2024 and agreed to widen their "
            "fisheries talks, which began in 2019.</p><p>They also agreed to open a trade office in Guayaquil next "
            "year, the ministry said in a statement.</p></div></body></html>")
    assert read_html(page)["text"] == (
        "The foreign ministers of Norway and Ecuador met in Quito on 3 May 2024 and agreed to widen their fisheries "
        "talks, which began in 2019.\n\nThey also agreed to open a trade office in Guayaquil next year, the ministry "
        "said in a statement.")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2024-05-03T09:30:00+05:00">', date(2024, 5, 3)),
        ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-20", '
         '"dateModified": "2024-01-02"}</script>', date(2023, 11, 20)),  # the original date, not the update
        ("", None),
    ],
)
def test_the_publication_date_of_a_page_comes_from_htmldate(head: str, expected: date | None) -> None:
    page = f"<html><head><title>T</title>{head}</head><body><article><p>Talks went on.</p></article></body></html>"
    assert read_html(page)["published"] == expected


def test_an_abbreviated_part_of_a_name_ends_no_sentence() -> None:
    sentences = [s.text for s in split_sentences("The plan came up when Minister Ann Berg met Md. Rafiq Islam on "
                                                 "Sunday in Dhaka. Smt. Asha Rao opened the hall.")]
    assert sentences == ["The plan came up when Minister Ann Berg met Md. Rafiq Islam on Sunday in Dhaka.",
                         "Smt. Asha Rao opened the hall."]


def test_a_joined_unit_does_not_pull_in_the_lines_after_it() -> None:
    # the post is hard-wrapped and joined; its credit line and the next paragraph are short lines of their own:
    # the wrap is judged on the last line read, not on the joined unit (longer than the width)
    text = ("Glad to welcome my friend the Latvian president in Tallinn\n"
            "today, we spoke of energy links, the rail line and the many\n"
            "ways our two peoples work together in the region and beyond\n"
            "this year and the next ones too pic.example.com/AbCdEf\n"
            "— Jane Roe (@janeroe) May 2, 2021\n"
            "Roe will visit Vilnius on Tuesday to mark the anniversary.")
    assert unwrap(text).split("\n")[1:] == ["— Jane Roe (@janeroe) May 2, 2021",
                                            "Roe will visit Vilnius on Tuesday to mark the anniversary."]
