"""tests/realnews/probe_classifier.py: the pieces its figures rest on (made-up sentences)."""
from __future__ import annotations

from datetime import date

import numpy as np

from tests.realnews.probe_classifier import FAMILIES, Line, f1, features, guessed_event, score, train
from tests.support.evaluate import family


def _line(text: str, countries: list[tuple[int, int, str]], dates: list[tuple[date, str]]) -> Line:
    return Line("r9901_aaa-bbb_x.md", "r99", 0, text, ("ARM", "NOR"), countries, dates)


def test_features_mask_countries_numbers_and_months() -> None:
    text = "Norway and Armenia signed 3 accords in May 2011."
    feats = features(_line(text, [(0, 6, "NOR"), (11, 18, "ARM")], [(date(2011, 5, 1), "month")]))
    assert "w=COUNTRY" in feats and "w=norway" not in feats and "w=armenia" not in feats
    assert {"w=NUM", "w=MONTH", "w=YEAR", "b=COUNTRY_and", "sides=2", "others=0", "date=month"} <= set(feats)


def test_guessed_event_takes_first_date_and_first_named_side() -> None:
    text = "Norway's minister went to Armenia on 2 March 2019 and again in 2020."
    line = _line(text, [(0, 8, "NOR"), (26, 33, "ARM")], [(date(2019, 3, 2), "day"), (date(2020, 1, 1), "year")])
    assert guessed_event(line, "visit") == [{"event_type": "visit", "event_date": date(2019, 3, 2),
                                             "date_precision": "day", "actor_iso3": "NOR", "target_iso3": "ARM"}]
    assert guessed_event(_line("No date here.", [], []), "visit") == []


def test_score_matches_as_the_shared_scorer_does() -> None:
    gold = {"d": {"events": [
        {"type": "official_visit", "date": "2019-03", "precision": "month", "actor": "NOR", "target": "ARM"},
        {"type": "meeting", "date": "2019", "precision": "year", "actor": "ARM", "target": "NOR", "planned": True}]}}
    right = {"event_type": "state_visit", "event_date": date(2019, 3, 1), "date_precision": "month",
             "actor_iso3": "NOR", "target_iso3": "ARM"}
    wrong_side = dict(right, actor_iso3="ARM", target_iso3="NOR")
    wrong_precision = dict(right, date_precision="day")
    assert score({"d": [right]}, gold) == (1, 1, 1)  # a planned gold event is not scored
    assert score({"d": [wrong_side, wrong_precision]}, gold) == (0, 1, 2)
    assert f1(1, 1, 3) == 0.5


def test_train_separates_a_learnable_signal() -> None:
    x = np.array([[1, 0], [1, 0], [0, 1], [0, 1]], np.float32)
    y = np.array([[1], [1], [0], [0]], np.float32)
    w, b = train(x, y, steps=200, rate=0.1)
    p = 1 / (1 + np.exp(-(x @ w + b)))
    assert p[0, 0] > 0.9 and p[2, 0] < 0.1


def test_every_event_type_is_a_class_by_its_family() -> None:
    for kind in ("official_visit", "state_visit", "agreement_signed", "diplomatic_relations_established", "other"):
        assert family(kind) in FAMILIES
    assert len(FAMILIES) == len(set(FAMILIES)) and "visit" in FAMILIES and "state_visit" not in FAMILIES
