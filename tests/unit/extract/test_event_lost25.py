"""Two meetings of one day between the same sides told by other people (flows/extract/event_company.py, helper
lost25): the document keeps both; the same people tell one meeting. Every sentence is made up; the later-occasion
cases are in cases/events_lost25.toml."""
from __future__ import annotations

from flows.extract.event_company import other_company

HEAD = "Chile and Peru.\nOn 3 May, Chilean President Ana Rojas met Peruvian President Luis Vargas in Lima.\n"


def _meetings(extract, text: str) -> list[dict]:
    frames = extract(HEAD + text)
    return [row for row in frames["event_mentions"].iter_rows(named=True) if row["event_type"] == "meeting"]


def test_another_pair_of_people_is_another_meeting(extract) -> None:
    rows = _meetings(extract, "Chilean Foreign Minister Pedro Soto also met Peruvian Prime Minister Rosa Quispe on 3 May.")
    assert len(rows) == 2


def test_the_same_people_tell_the_first_meeting_again(extract) -> None:
    assert len(_meetings(extract, "Rojas and Vargas discussed trade and energy on 3 May.")) == 1


def test_one_name_alone_or_a_name_held_by_a_longer_one_is_no_other_company() -> None:
    assert other_company(["Pedro Soto", "Rosa Quispe"], ["Ana Rojas", "Luis Vargas"])
    assert not other_company(["Vargas", "Rojas"], ["Ana Rojas", "Luis Vargas"])  # family names of the same two
    assert not other_company(["Ana Rojas", "Luis Vargas", "Eva Paz"], ["Ana Rojas", "Luis Vargas"])  # one more
    assert not other_company(["Pedro Soto"], ["Ana Rojas", "Luis Vargas"])  # one side's name only
    assert not other_company(None, ["Ana Rojas", "Luis Vargas"])
