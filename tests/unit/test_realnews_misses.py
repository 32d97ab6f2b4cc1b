"""The real-news miss classifier: its causes agree with the scorer's matching (made-up rows)."""
from __future__ import annotations

import pytest

from tests.realnews.scorer import scorer_path

pytestmark = pytest.mark.skipif(not scorer_path().is_file(),
                                reason="needs ../shared/eval/score.py beside the repository (or $DYAD_SHARED)")


def gold(date: str, precision: str, kind: str, actor: str, target: str) -> dict:
    return {"date": date, "precision": precision, "type": kind, "actor": actor, "target": target, "evidence": "x"}


def pred(date: str, precision: str, kind: str, actor: str, target: str) -> dict:
    return {"event_date": date, "date_precision": precision, "event_type": kind, "actor_iso3": actor,
            "target_iso3": target, "evidence": "x"}


def test_each_cause_is_told_apart() -> None:
    from tests.realnews import misses

    visit = gold("2023-06-20", "day", "state_visit", "AAA", "BBB")
    assert misses.cause(visit, pred("2023-06-01", "month", "official_visit", "AAA", "BBB")) == "date:precision"
    assert misses.cause(visit, pred("2022-06-20", "day", "state_visit", "AAA", "BBB")) == "date:value"
    assert misses.cause(visit, pred("2023-06-20", "day", "meeting", "AAA", "BBB")) == "type"
    assert misses.cause(visit, pred("2023-06-20", "day", "state_visit", "BBB", "AAA")) == "sides"
    assert misses.cause(visit, pred("2020-01-01", "year", "meeting", "AAA", "BBB")) is None
    # a meeting is not directional: the reversed sides are the same event, so no cause (the scorer matches it)
    meeting = gold("2023-06-20", "day", "meeting", "AAA", "BBB")
    assert misses.S.event_same(meeting, pred("2023-06-20", "day", "meeting", "BBB", "AAA"))


def test_classify_pairs_each_row_once_and_leaves_the_rest_spurious() -> None:
    from tests.realnews import misses

    missed = [gold("2023-06-20", "day", "state_visit", "AAA", "BBB"), gold("2021", "year", "meeting", "AAA", "BBB")]
    extra = [pred("2023-06-01", "month", "state_visit", "AAA", "BBB"), pred("1999", "year", "other", "AAA", "CCC")]
    classed, spurious = misses.classify(missed, extra)
    assert [c[0] for c in classed] == ["near:date:precision", "missed"]
    assert spurious == [extra[1]]
    assert misses.batch_of("r1012_aaa-bbb_x.md") == "r10" and misses.batch_of("r905_x.md") == "r9"
