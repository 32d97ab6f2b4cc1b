"""tests/realnews/agreement.py: two annotators' gold scored against each other with the scorer's matching."""
from __future__ import annotations

import json
from pathlib import Path

from tests.realnews.agreement import agreement, format_agreement


def _write(folder: Path, name: str, events: list[dict], people: list[dict], trade: list[dict],
           organizations: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"document": name, "fictional": True, "published": "2024-03-01", "countries": ["AAA", "BBB"],
            "events": events, "people": people, "organizations": organizations, "trade": trade, "figures": [],
            "notes": ""}
    (folder / name.replace(".md", ".json")).write_text(json.dumps(data), encoding="utf-8")


def _event(kind: str, day: str, precision: str = "day", actor: str = "AAA", target: str = "BBB",
           planned: bool = False) -> dict:
    return {"date": day, "precision": precision, "type": kind, "actor": actor, "target": target,
            "evidence": "made up", "relative": False, "planned": planned, "symmetric": False}


def test_two_annotators_scored_both_ways_and_by_family(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a, "d1.md", [_event("official_visit", "2020-05-04"), _event("other", "1990", "year"),
                        _event("meeting", "2021-01-01", planned=True)],
           [{"name": "Jan Kowal", "role": "President", "country": "AAA"}],
           [{"exporter": "AAA", "importer": "BBB", "product": "wheat"}], ["UN"])
    # B agrees on the visit (another visit type of the same family), misses 'other', adds an agreement,
    # writes the person's role otherwise and names the trade product the same way
    _write(b, "d1.md", [_event("state_visit", "2020-05-04"), _event("agreement_signed", "2019-02", "month")],
           [{"name": "J. Kowal", "role": "Prime Minister", "country": "AAA"}],
           [{"exporter": "AAA", "importer": "BBB", "product": "durum wheat"}], ["United Nations", "WTO"])
    _write(a, "only-a.md", [_event("meeting", "2000-01-01")], [], [], [])  # not annotated by B: left out

    result = agreement(a, b)

    assert result["documents"] == ["d1.md"]
    forward = result["b_against_a"]["overall"]
    assert (forward["events"]["matched"], forward["events"]["gold"], forward["events"]["predicted"]) == (1, 2, 2)
    assert forward["events"]["f1"] == 0.5
    assert forward["people"]["f1"] == 1.0 and forward["person_roles"]["f1"] == 0.0
    assert forward["person_countries"]["f1"] == 1.0
    assert forward["trade"]["f1"] == 1.0  # A's main word 'wheat' is in B's 'durum wheat'
    assert (forward["organizations"]["matched"], forward["organizations"]["predicted"]) == (1, 2)  # initials: UN
    backward = result["a_against_b"]["overall"]
    assert backward["events"]["f1"] == 0.5 and backward["trade"]["f1"] == 0.0  # B's 'durum' is not in 'wheat'
    families = result["b_against_a"]["events_by_family"]
    assert families["visit"]["f1"] == 1.0
    assert (families["other"]["matched"], families["other"]["gold"], families["other"]["predicted"]) == (0, 1, 0)
    assert families["agreement"]["predicted"] == 1  # the registry family of agreement_signed
    assert "events=0.50(1/2/2)" in format_agreement(result)


def test_the_copies_of_a_partial_gold_are_removed(tmp_path: Path, monkeypatch) -> None:
    """mend26: a gold folder holding documents the other lacks is scored from a copy, removed after the scoring."""
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    a, b = tmp_path / "a", tmp_path / "b"
    _write(a, "d1.md", [_event("meeting", "2021-01-01")], [], [], ["UN"])
    _write(b, "d1.md", [_event("meeting", "2021-01-01")], [], [], ["UN"])
    _write(a, "only-a.md", [_event("meeting", "2000-01-01")], [], [], [])  # forces a copy of A's d1 alone
    assert agreement(a, b)["b_against_a"]["overall"]["events"]["f1"] == 1.0
    assert list(scratch.iterdir()) == []
