"""Speed edits of session 18 (helper speed29) give the answers of the code they replaced, on made-up text."""
from __future__ import annotations

import re
from datetime import date

from flows.common.dates import grammar
from flows.extract import product_hs
from flows.extract.event_rows import EventRow
from flows.extract.event_scope import face_to_face_greetings, told_meeting_again
from flows.extract.organizations import _names_known, _rules

SENTENCES = [
    "Both countries are members of the United Nations and the EU, the ministry said.",
    "UNESCO's EUROPEAN office and the EU-Mercosur deal were discussed.",
    "the EU Council met; NATO’s Secretariat and ASEAN followed, as did the African Union Commission.",
    "no body is named here at all",
    "ÉU and Ünited Nations are no names; the Organization of American States is.",
    "",
]


def test_known_names_are_found_where_the_pattern_search_finds_them() -> None:
    rules = _rules()
    for sentence in SENTENCES:
        assert _names_known(rules, sentence) == (rules["known"].search(sentence) is not None), sentence


def test_a_scan_is_the_same_matches_every_time_and_a_list_of_its_own() -> None:
    text = "On 3 May 2021 the ministers met, and again in June and on Tuesday."
    first, second = grammar.scan(text), grammar.scan(text)
    assert [m.span() for m in first] == [m.span() for m in second] == [m.span() for m in grammar.DATE_RX.finditer(text)]
    first.clear()
    assert grammar.scan(text)  # a caller's list is its own: the kept answer is not changed through it
    grammar._SCANNED.clear()
    assert [m.span() for m in grammar.scan(text)] == [m.span() for m in second]


def test_the_hs_word_index_gives_the_rows_of_the_stem_pattern() -> None:
    described = product_hs._hs_index()[1]
    saved = product_hs._stems_found
    try:
        for stem in ("beef", "coffe", "machi", "s", "zzz", "petro"):
            product_hs._stems_found = product_hs.FIND_STEMS + 1  # the index path
            indexed = product_hs._word_starts.__wrapped__(stem)
            product_hs._stems_found = 0  # the str.find path
            found = product_hs._word_starts.__wrapped__(stem)
            pattern = re.compile(rf"\b{re.escape(stem)}\w*")
            expected = {row: m.start() for row, (_, text, _) in enumerate(described) if (m := pattern.search(text))}
            assert indexed == found == expected and list(indexed) == list(expected), stem
    finally:
        product_hs._stems_found = saved


def _row(event_type: str, trigger: str = "met") -> EventRow:
    return EventRow(event_type, "AAA", "BBB", 0, 10, trigger, None, "explicit", "occurred", True, None)


def test_the_clause_filters_keep_rows_they_cannot_drop_as_a_new_list() -> None:
    earlier = [_row("meeting"), _row("official_visit")]
    rows = [_row("official_visit", "visited"), _row("agreement_signed", "signed")]
    for kept in (face_to_face_greetings(rows, earlier), told_meeting_again(rows, earlier, "They visited and signed.")):
        assert kept == rows and kept is not rows
    assert face_to_face_greetings([], earlier) == [] and told_meeting_again([], earlier, "") == []


def test_the_filters_answer_as_their_full_path() -> None:
    """A row of the filter's family whose sides no earlier row has is never dropped: added to the rows, it sends
    them through the full path (the set of every earlier row), and taken off after, it leaves that path's answer."""
    from itertools import combinations

    from flows.lexicon.registry import event_types
    sentence = "The two presidents held talks during the summit and exchanged congratulations."
    kinds = sorted(event_types())  # every type: letters_exchanged and meetings among them
    rows = [EventRow(kind, "AAA", "BBB", 0, len(sentence), trigger, None, "explicit", status, True, None,
                     trigger_start=start)
            for kind in kinds for trigger, start in (("held talks", 19), ("during the summit", 30))
            for status in ("occurred", "planned")]
    greeting = EventRow("letters_exchanged", "YYY", "ZZZ", 0, 9, "exchanged", None, "explicit", "occurred", True, None)
    meeting = EventRow("meeting", "YYY", "ZZZ", 0, 9, "held talks", None, "explicit", "occurred", True, None)
    dropped = 0
    for earlier in ([], rows[:4], rows):
        for size in (0, 1, 2):
            for chosen in combinations(rows, size):
                chosen = list(chosen)
                full = face_to_face_greetings(chosen + [greeting], earlier)
                assert full[-1] is greeting and face_to_face_greetings(chosen, earlier) == full[:-1]
                full = told_meeting_again(chosen + [meeting], earlier, sentence)
                assert full[-1] is meeting and told_meeting_again(chosen, earlier, sentence) == full[:-1]
                dropped += len(full) - 1 < len(chosen)
    assert dropped  # the full path dropped rows in some cases: the test reaches it
