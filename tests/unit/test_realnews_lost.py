"""tests/realnews/lost.py: where a gold event whose sentence holds its trigger is lost in events.py's path. Every
text is made up."""
from __future__ import annotations

from datetime import date

import pytest

from tests.realnews.scorer import scorer_path

if not scorer_path().is_file():  # lost.py matches with the shared scorer, imported when the module loads
    pytest.skip("needs ../shared/eval/score.py beside the repository (or $DYAD_SHARED)", allow_module_level=True)

from tests.realnews.lost import differences, evidence_index, stage  # noqa: E402
from tests.realnews.lost_trace import traced  # noqa: E402

HEAD = "Chile and Peru.\n"


@pytest.fixture(autouse=True)
def rules_backbone(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stages do not need the parse: the rules alone keep these tests off the statistical model."""
    monkeypatch.setenv("DYAD_BACKBONE", "rules")


def _doc(text: str, published: date | None = date(2024, 5, 10)) -> dict:
    return {"document_key": "k", "text": HEAD + text, "published_date": published, "path": "k.md"}


def _gold(kind: str, day: str, precision: str, actor: str = "CHL", target: str = "PER") -> dict:
    return {"type": kind, "date": day, "precision": precision, "actor": actor, "target": target, "symmetric": True}


def _stage(text: str, gold: dict, published: date | None = date(2024, 5, 10)) -> str:
    trace = traced(_doc(text, published))
    return stage(gold, trace.by_index.get(1), trace, [])


def test_the_evidence_sentence_is_found_by_its_words() -> None:
    sentences = ["Chile and Peru.", "The ministers met in Lima on Monday.", "They signed a treaty."]
    assert evidence_index(sentences, "The ministers met in Lima") == 1
    assert evidence_index(sentences, "they  signed a TREATY") == 2
    assert evidence_index(sentences, "Nothing like it at all") is None


def test_a_row_with_another_date_or_sides_is_named_so() -> None:
    gold = _gold("meeting", "2001-03-01", "month")
    row = {"event_type": "meeting", "event_date": date(2002, 3, 1), "date_precision": "month",
           "actor_iso3": "CHL", "target_iso3": "BOL", "status": "occurred"}
    assert differences(gold, row) == "date+sides"
    assert differences(gold, {**row, "event_date": date(2001, 3, 1), "target_iso3": "PER"}) == "same"


@pytest.mark.slow  # a whole document's run: in an xdist worker after the fast suite it stalled (cause not found)
def test_an_undated_act_in_a_page_with_no_day_is_lost_in_build() -> None:
    assert _stage("The presidents of Chile and Peru met in Lima.", _gold("meeting", "2001-03-01", "month"),
                  published=None).startswith("build:if date_m is None")


@pytest.mark.slow  # a whole document's run: in an xdist worker after the fast suite it stalled (cause not found)
def test_a_row_built_with_another_year_is_a_row_date() -> None:
    assert _stage("The presidents of Chile and Peru met in Lima in 1999.",
                  _gold("meeting", "2001-01-01", "year")) == "row:date"


@pytest.mark.slow  # a whole document's run: in an xdist worker after the fast suite it stalled (cause not found)
def test_no_trigger_of_the_family_is_untriggered() -> None:
    assert _stage("The presidents of Chile and Peru met in Lima in 1999.",
                  _gold("agreement_signed", "1999-01-01", "year")) == "untriggered"


@pytest.mark.slow  # a whole document's run: in an xdist worker after the fast suite it stalled (cause not found)
def test_a_row_that_reached_the_output_is_not_lost_in_the_reader() -> None:
    assert _stage("The presidents of Chile and Peru met in Lima in 1999.",
                  _gold("meeting", "1999-01-01", "year")) == "stored"


@pytest.mark.slow  # a whole document's run on the parse (history_acts reads it)
def test_a_history_act_hit_counts_as_a_trigger(monkeypatch: pytest.MonkeyPatch) -> None:
    """events._clause_events also takes hits from history_acts ('A returned the port to B in 1923': an act with no
    trigger word); the trace records them, so a gold of that act with another year is a row:date, not untriggered."""
    monkeypatch.setenv("DYAD_BACKBONE", "spacy")
    assert _stage("In 1923 Chile returned the port of Arica to Peru.", _gold("other", "1924-01-01", "year")) == "row:date"
