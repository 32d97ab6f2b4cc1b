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
