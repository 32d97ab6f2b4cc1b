"""Events told in passing or from their end (branch events20a): a visit told from the return home, the earlier visit a
'first since' names, officials meeting under a framework, a dialogue begun, discussions held, a stay told by its
length. Made-up texts."""
from __future__ import annotations

from datetime import date

from conftest import events_of


def _visits(frames) -> set[tuple]:
    return {(kind, actor, target, day, precision) for kind, actor, target, day, precision, _ in events_of(frames)
            if kind.endswith("visit")}


def test_a_return_after_a_visit_dates_its_first_day(extract) -> None:
    """'is back home since today, after two days of a working visit in B' shape, here 'arrived back ... after a two-day
    visit', told on 10 May: the visit began on the 9th."""
    frames = extract("Chile's leader has now arrived back in Santiago, after his two day working visit to Peru.",
                     date(2024, 5, 10))
    assert {(actor, target, day) for _, actor, target, day, _ in _visits(frames)} == {("CHL", "PER", date(2024, 5, 9))}


def test_the_place_of_return_is_the_visitors_own(extract) -> None:
    """'returned to Santiago on Friday after a three-day state visit to Peru': Chile visited Peru (not Peru Chile),
    from Wednesday."""
    frames = extract("The Chilean President returned to Santiago on Friday after a three-day state visit to Peru.",
                     date(2024, 5, 10))
    assert _visits(frames) == {("state_visit", "CHL", "PER", date(2024, 5, 8), "day")}


def test_an_arrival_elsewhere_is_no_return(extract) -> None:
    """'the Chilean minister arrived in Lima ... after a visit to Quito': Lima is not the minister's home; the sides
    are not read as a return."""
    frames = extract("The Chilean Foreign Minister arrived in Lima on Monday for talks, after a short visit to Ecuador.",
                     date(2024, 5, 10))
    assert not [visit for visit in _visits(frames) if visit[1] == "PER"]


def test_a_first_visit_since_a_date_tells_the_earlier_one(extract) -> None:
    """'Wednesday's trip was the first one made by any Peruvian head of state since June 2011': a visit then too."""
    frames = extract("The Chilean President welcomed the Peruvian President to the palace for talks on Wednesday. "
                     "Wednesday's visit was the first one made by any Peruvian head of state since June 2011, when an "
                     "earlier leader of that nation came to the palace.", date(2024, 5, 10))
    assert ("official_visit", "PER", "CHL", date(2011, 6, 1), "month") in _visits(frames)
    assert ("official_visit", "PER", "CHL", date(2024, 5, 8), "day") in _visits(frames)


def test_a_first_meeting_since_names_no_earlier_row(extract) -> None:
    """'in their first meeting since 2017': only visits name the earlier act's sides and host."""
    frames = extract("While the Chilean and Peruvian Presidents meet on Wednesday, their first meeting since 2017, both "
                     "sides seek more trade.", date(2024, 5, 10))
    assert not [event for event in events_of(frames) if event[3] == date(2017, 1, 1)]


def test_officials_meeting_under_a_framework(extract) -> None:
    """'the senior officials of the two ministries met under the X Programme': a meeting; 'were met under' is not."""
    frames = extract("During May 2009, top officials from the Chilean and Peruvian trade ministries met under the "
                     "Andean Partnership Programme for a review of issues.", date(2024, 5, 10))
    assert {(kind, day) for kind, _, _, day, _, _ in events_of(frames)} == {("meeting", date(2009, 5, 1))}
    frames = extract("The demands of Chile were met under the treaty with Peru in 2010.", date(2024, 5, 10))
    assert not events_of(frames)


def test_a_dialogue_begun_and_discussions_held(extract) -> None:
    """'initiated a dialogue on energy in May 2012'; 'discussions on it took place in February 2013': two meetings."""
    frames = extract("In May 2012, Chile and Peru initiated a dialogue on their energy sectors. Chile and Peru value "
                     "fisheries, and their discussions on fish stocks took place again in February 2013.",
                     date(2024, 5, 10))
    assert {(kind, day, precision) for kind, _, _, day, precision, _ in events_of(frames)} == {
        ("meeting", date(2012, 5, 1), "month"), ("meeting", date(2013, 2, 1), "month")}


def test_a_stay_told_by_its_length(extract) -> None:
    """'spent only a day in Santiago after talks in Lima': a visit; 'will spend six days in' is a plan, not one."""
    frames = extract("The Peruvian premier spent only a day in Santiago following three days of trade meetings in "
                     "Ecuador.", date(2024, 5, 10))
    assert ("official_visit", "PER", "CHL", date(2024, 5, 1), "month") in _visits(frames)  # near28c: a finished act with no date word of its own takes the date line's month
    frames = extract("The Peruvian premier will spend six days in Chile, where she will open a fair.", date(2024, 5, 10))
    assert not [event for event in events_of(frames) if event[5] == "occurred"]


def test_a_visit_back_told_as_reciprocated(extract) -> None:
    """'During June 2015 a Chilean group reciprocated, after an earlier visit by ...': Chile's visit back in June
    2015; 'Y reciprocated, praising the ties' (a compliment returned) is no visit."""
    frames = extract("During June 2015 a Chilean senators' group on trade reciprocated, after an earlier visit by "
                     "Chile's sports committee to Peru in October 2014.", date(2024, 5, 10))
    assert {("official_visit", "CHL", "PER", date(2015, 6, 1), "month"),
            ("official_visit", "CHL", "PER", date(2014, 10, 1), "month")} <= _visits(frames)
    frames = extract("The Peruvian President thanked the Chilean President, and the Chilean President reciprocated, "
                     "praising the ties.", date(2024, 5, 10))
    assert not _visits(frames)


def test_documents_handed_over_before_the_leaders(extract) -> None:
    """'witnessed the handover of nine cooperation documents': a signing, like 'witnessed the exchange of'."""
    frames = extract("On Monday the Chilean and Peruvian presidents met in Lima and then witnessed the handover of nine "
                     "cooperation documents between the two countries.", date(2024, 5, 10))
    assert ("agreement_signed", date(2024, 5, 6)) in {(kind, day) for kind, _, _, day, _, _ in events_of(frames)}


def test_a_mission_held_since_a_date_was_opened_then(extract) -> None:
    """'Chile has kept an embassy in Lima since March 1999': Chile's embassy opened in March 1999; 'since the war
    ended' gives no date and no row."""
    frames = extract("Chile has maintained an embassy in Lima since March 1999. Peru has an embassy in Santiago.",
                     date(2024, 5, 10))
    assert {(kind, actor, target, day) for kind, actor, target, day, _, _ in events_of(frames)} == {
        ("embassy_opened", "CHL", "PER", date(1999, 3, 1))}
    frames = extract("Chile has maintained an embassy in Lima since the war ended.", date(2024, 5, 10))
    assert not events_of(frames)


def test_an_agreement_told_by_its_year(extract) -> None:
    """'pressed Peru to apply in full the 2017 agreement on customs': the agreement was signed in 2017; a multilateral
    accord's year ('the 2015 Paris Agreement' discussed) gives no signing between the two."""
    frames = extract("Chile pressed Peru to apply in full the 2017 agreement on customs.", date(2024, 5, 10))
    assert ("agreement_signed", date(2017, 1, 1), "year") in {
        (kind, day, precision) for kind, _, _, day, precision, _ in events_of(frames)}
    frames = extract("Chile and Peru discussed the 2015 Paris Agreement.", date(2024, 5, 10))
    assert not [event for event in events_of(frames) if event[0] == "agreement_signed"]
