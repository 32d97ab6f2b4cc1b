"""Lists as units (flows/extract/list_units.py): a lead-in and its short items read as one sentence; a labelled
line of short items is a sentence; headings, link bars and date lines stay out. Texts written for these tests."""
from __future__ import annotations

from flows.extract import extract_documents
from flows.extract.sentences import split_sentences
from tests.unit.extract.conftest import one_document

LEAD_AND_ITEMS = ("Trade\n\nChile's main exports to Peru include the following:\n- wool\n- frozen lamb\n"
                  "- apples;\n\nThe two ministers met in May.")


def test_a_lead_in_and_its_short_items_are_one_sentence_with_true_offsets() -> None:
    sentences = split_sentences(LEAD_AND_ITEMS)
    unit = sentences[0]
    assert unit.text.split() == ["Chile's", "main", "exports", "to", "Peru", "include", "wool,", "frozen",
                                 "lamb,", "apples"]
    assert len(unit.text) == unit.end - unit.start
    assert LEAD_AND_ITEMS[unit.start:unit.end].startswith("Chile's") and LEAD_AND_ITEMS[unit.end - 6:unit.end] == "apples"
    assert sentences[1].text == "The two ministers met in May."


def test_the_items_of_a_lead_in_reach_the_trade_reader() -> None:
    frames = extract_documents(one_document(LEAD_AND_ITEMS))
    goods = {row["product"] for row in frames["trade_claims"].iter_rows(named=True)}
    assert {"wool", "frozen lamb", "apples"} <= goods


def test_a_fact_read_in_a_unit_keeps_the_documents_own_text_as_its_evidence() -> None:
    """The unit's text is read with commas for its layout, but every fact's evidence is the document's span (the
    load's audit refuses an event whose span is not its evidence: one such row once rolled back a whole run)."""
    text = ("On 2 March 2023 the presidents of Chile and Peru signed the following agreements:\n- a trade pact\n"
            "- a visa waiver\n\n" + LEAD_AND_ITEMS)
    frames = extract_documents(one_document(text))
    events = frames["event_mentions"].to_dicts()
    assert [row["event_type"] for row in events] == ["agreement_signed", "meeting"]  # the meeting: 'met in May'
    assert events[0]["evidence"].endswith("\n- a trade pact\n- a visa waiver")
    rows = [row for kind in ("event_mentions", "trade_claims") for row in frames[kind].to_dicts()]
    assert len(rows) >= 4 and all(row["evidence"] == text[row["char_start"]:row["char_end"]] for row in rows)


def test_long_items_stay_sentences_of_their_own() -> None:
    text = ("The visit ended with these outcomes for both of the countries:\n- Arland and Borduria signed a treaty on fishing rights\n"
            "- Borduria opened a consulate in the port city")
    assert [s.text for s in split_sentences(text)] == [
        "The visit ended with these outcomes for both of the countries:", "Arland and Borduria signed a treaty on fishing rights",
        "Borduria opened a consulate in the port city"]


def test_a_heading_with_a_colon_over_a_menu_is_no_lead_in() -> None:
    assert split_sentences("Menu:\n- Home\n- News\n\nThe talks resumed.")[0].text == "The talks resumed."


def test_a_labelled_line_of_short_items_is_a_sentence() -> None:
    text = "Arland sold more to Borduria last year.\nMain exports: wool, frozen lamb and apples\nThe talks resumed."
    assert [s.text for s in split_sentences(text)][1] == "Main exports: wool, frozen lamb and apples"


def test_link_bars_date_lines_and_headline_clauses_are_no_labelled_lines() -> None:
    text = ("Skip to: content, search\nUpdated: Friday, 5 May\nArland-Borduria: ministers meet, agree on a new road\n"
            "Tags: Arland, Borduria\n\nThe talks resumed.")
    assert [s.text for s in split_sentences(text)] == ["The talks resumed."]


def test_a_fact_box_label_and_its_amount_are_one_unit_and_give_the_next_line_its_partner() -> None:
    text = ("Chile and Peru have close ties.\n\nExports to Peru\n\n$145 million\n\n"
            "Top exports: copper wire, wine and apples\n\nThe talks resumed.")
    texts = [s.text for s in split_sentences(text)]
    assert texts[1] == "Exports to Peru: $145 million"
    frames = extract_documents(one_document(text))
    assert {(row["exporter_iso3"], row["importer_iso3"], row["product"])
            for row in frames["trade_claims"].iter_rows(named=True)} >= {("CHL", "PER", "wine"),
                                                                        ("CHL", "PER", "apples")}


def test_a_bare_counter_under_a_label_is_no_value() -> None:
    assert [s.text for s in split_sentences("Comments\n\n12\n\nThe talks resumed.")] == ["The talks resumed."]


def test_a_labelled_line_cut_short_at_the_texts_end_loses_its_cut_item() -> None:
    text = "Chile sold more to Peru last year.\nMain exports: wool, copper wire and frozen la"
    assert [s.text for s in split_sentences(text)][-1] == "Main exports: wool, copper wire"


def test_a_headline_with_a_colon_is_no_labelled_line() -> None:
    text = "Arland's royal visit: two deals, no pact\n\nThe talks resumed."
    assert [s.text for s in split_sentences(text)] == ["The talks resumed."]
