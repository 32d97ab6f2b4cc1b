"""Times that are no date of the act on a page with no publication date, and the page's links to other stories
(helper events20b; made-up texts)."""
from __future__ import annotations

from flows.extract.page_links import link_spans
from tests.unit.extract.conftest import events_of


def test_a_year_heading_another_occasions_name_does_not_date_a_weekday_meeting(extract) -> None:
    """'met on Monday ahead of the 2024 Accra Trade Fair' on an undated page: the year names the fair, and Monday
    cannot be placed, so no meeting is dated 2024 at year precision."""
    text = ("Kenya and Ghana: ministers meet. ACCRA - The Kenyan President met Ghana's President on Monday ahead of "
            "the 2024 Accra Trade Fair of West African Producers.")
    assert not [row for row in events_of(extract(text, None)) if row[3] is not None and row[4] == "year"]


def test_a_date_after_due_does_not_date_the_meeting_on_an_undated_page(extract) -> None:
    text = ("Kenya's president in Accra. He held lengthy talks with Ana Soto, head of Ghana's interim cabinet, which "
            "must organise a general vote due in late 2025.")
    assert events_of(extract(text, None)) == set()


def test_link_lines_are_found_by_label_and_by_a_closing_run_of_bulleted_headlines() -> None:
    text = ("Ministers meet\nThe Kenyan minister met his Ghanaian counterpart on Monday.\n"
            "Read also: Ghana's president visits Nairobi\n"
            "They discussed trade.\n"
            "- Ghanaian delegation visits Kenya's new centre\n- Kenyan university launches a centre\n\n"
            "- Farm ministers meet to plan the fair\n-\n")
    found = [text[start:end].strip() for start, end in link_spans(text)]
    assert found == ["Read also: Ghana's president visits Nairobi", "- Farm ministers meet to plan the fair",
                     "- Kenyan university launches a centre", "- Ghanaian delegation visits Kenya's new centre"]


def test_a_list_of_sentences_or_a_short_run_is_no_link_block() -> None:
    """Bulleted facts with a closing stop, or two bulleted lines, are the page's own list."""
    facts = "Visits\n- The president visited Accra in 2010.\n- The minister visited Nairobi in 2012.\n- Talks in 2014.\n"
    short = "Visits\nThe two met.\n- President Ana Soto (2010)\n- Minister Rui Lopes\n"
    assert link_spans(facts) == [] and link_spans(short) == []
