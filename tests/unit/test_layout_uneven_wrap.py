"""An unevenly wrapped text (flows/ingest/documents/layout.py _near_full): a line near the wrap width that stops
without a sentence's end goes on on the next line even when the next word would have fitted; a heading (no comma)
keeps its line. Texts written for these tests."""
from __future__ import annotations

from flows.ingest.documents.layout import unwrap

UNEVEN = ("The ministers of the two countries met in the capital and resumed their\n"
          "talks on the border crossings that had been closed since the floods,\n"
          "and agreed to reopen two of them before the harvest season begins.\n"
          "The new crossing is a welcome step for the farmers of the valley,\" said\n"
          "Jane Roe, who chairs the regional council. \"It will save them days.\"\n"
          "Trade across the border has fallen sharply\n"
          "Exporters in both countries have waited for months for the road.\n")


def test_a_line_near_the_width_with_a_comma_goes_on() -> None:
    lines = unwrap(UNEVEN).split("\n")
    assert any(line.startswith("The new crossing") and "said Jane Roe, who chairs" in line for line in lines)


def test_a_heading_near_the_width_keeps_its_line() -> None:
    assert "Trade across the border has fallen sharply" in unwrap(UNEVEN).split("\n")


def test_paragraph_long_lines_are_no_wrap() -> None:
    opening = "The envoy said the talks, which began in spring, went well"
    longest, long_line = opening + " for months" * 30, opening + " for months" * 26
    text = "\n".join([longest, long_line, long_line, "Jane Roe, the envoy, will return in May."])
    assert unwrap(text).split("\n")[-1] == "Jane Roe, the envoy, will return in May."


def test_a_treatys_name_in_a_joined_sentence_is_no_person() -> None:
    from flows.extract import extract_documents
    from tests.unit.extract.conftest import one_document
    text = "Chile and Peru entered into an agreement in May, called Daniel Accords, brokered by Norway."
    names = {row["name"] for row in extract_documents(one_document(text))["person_mentions"].iter_rows(named=True)}
    assert not any("Accords" in name for name in names)
