import pytest

from flows.extract.sentences import split_sentences


def test_headings_date_lines_and_markdown_are_not_sentences():
    text = "Peru and Chile sign a deal\n05.04.2023 | Andes Daily\n\n# Background\n\nThe two sides met. They agreed."
    assert [s.text for s in split_sentences(text)] == ["The two sides met.", "They agreed."]


def test_offsets_index_the_text():
    text = "Title line\n\nLIMA — Chile and Peru signed a deal. Trade grew."
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_dateline_is_left_out_of_the_sentence():
    text = "NAIROBI, 14 March 2024 (East Africa Monitor): Kenya and Tanzania marked the day."
    (s,) = split_sentences(text)
    assert s.text == "Kenya and Tanzania marked the day."
    assert s.dateline == "NAIROBI, 14 March 2024 (East Africa Monitor):"


def test_no_split_after_abbreviations_and_initials_but_after_numeric_dates():
    text = "Mr. J. K. Mwangi met Dr. Ali in the U.S. on Monday. Relations followed on 29.08.1991. The end."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. J. K. Mwangi met Dr. Ali in the U.S. on Monday.", "Relations followed on 29.08.1991.", "The end."]


def test_a_failing_document_does_not_lose_the_batch(monkeypatch):
    import polars as pl

    import flows.extract.document as pipeline
    from flows.extract import extract_documents

    real = pipeline.extract_document

    def flaky(doc):
        if doc["document_key"] == "b" * 16:
            raise ValueError("broken")
        return real(doc)

    monkeypatch.setattr(pipeline, "extract_document", flaky)
    docs = pl.DataFrame({"document_key": ["a" * 16, "b" * 16], "text": ["Peru and Chile signed a treaty on 1 May 2020."] * 2,
                         "published_date": [None, None]}, schema={"document_key": pl.Utf8, "text": pl.Utf8,
                                                                  "published_date": pl.Date})
    frames = extract_documents(docs)
    assert frames["event_mentions"]["document_key"].to_list() == ["a" * 16]


def test_list_items_are_sentences_without_their_bullets():
    text = "Highlights\n\n- Kenya exports tea to Egypt\n* Egypt sells Kenya steel;\n1. Both sides signed a memorandum.\n- Short item"
    assert [s.text for s in split_sentences(text)] == [
        "Kenya exports tea to Egypt", "Egypt sells Kenya steel", "Both sides signed a memorandum."]


def test_list_without_markers_after_the_lead_but_not_title_and_date_lines():
    text = ("Kenya and Egypt sign trade deal\nMonday, 12 February 2024\n\nKenya and Egypt met on Monday.\n\n"
            "Kenya exports tea to Egypt\nEgypt sells Kenya steel\n\nTrade\n\nThe end.")
    assert [s.text for s in split_sentences(text)] == [
        "Kenya and Egypt met on Monday.", "Kenya exports tea to Egypt", "Egypt sells Kenya steel", "The end."]


def test_a_paragraph_ending_with_a_colon_before_a_list_is_text_not_a_heading():
    text = ("FIGURES\n\nChile sells copper and wine to Peru. The numbers for last year, from the central bank, "
            "were these:\n\n- copper: 1.2 billion dollars\n\nShort intro:\n")
    sentences = [s.text for s in split_sentences(text)]
    assert "Chile sells copper and wine to Peru." in sentences
    assert "FIGURES" not in sentences and "Short intro:" not in sentences


@pytest.mark.parametrize(("text", "sentences"), [
    pytest.param("The two governments signed:\n"
                 "an agreement on fisheries, signed in Quito, on April 2, 2008;\n"
                 "a protocol on air services, signed in Oslo, on May 3, 2011.",
                 ["an agreement on fisheries, signed in Quito, on April 2, 2008;",
                  "a protocol on air services, signed in Oslo, on May 3, 2011."],
                 id="items_of_a_list_written_as_one_sentence_end_at_their_semicolons"),
    pytest.param("Norway and Ecuador agree to widen fisheries talks\n\n"
                 "The ministers met in Quito. They agreed that a joint commission on fisheries would meet again before "
                 "the end of the year and report to both cabinets on the state of the st",
                 ["The ministers met in Quito.",
                  "They agreed that a joint commission on fisheries would meet again before the end of the year and "
                  "report to both cabinets on the state of the st"],
                 id="a_paragraph_cut_short_is_read_but_a_headline_is_not"),
])
def test_sentences_exactly(text: str, sentences: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == sentences
