"""Lexicon tables: a row with more fields than its header is refused with the file and line (an unquoted comma in a
note would otherwise cut the note silently), and every shipped table reads whole."""
from __future__ import annotations

from pathlib import Path

import pytest

import flows.lexicon as lexicon


def test_a_row_with_an_unquoted_comma_in_its_note_is_refused_with_its_line(tmp_path: Path) -> None:
    table = tmp_path / "triggers.csv"
    table.write_text("event_type,keywords,pattern,note\n"
                     "meeting,talks,\\btalks\\b,\"quoted, so one field\"\n"
                     "meeting,met,\\bmet\\b,opened in 1961, the first one\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"triggers\.csv:3: more fields than the header"):
        lexicon._rows(table)


def test_a_quoted_comma_stays_in_its_field(tmp_path: Path) -> None:
    table = tmp_path / "triggers.csv"
    table.write_text("event_type,note\nmeeting,\"talks, then a dinner\"\n", encoding="utf-8")
    assert lexicon._rows(table) == [{"event_type": "meeting", "note": "talks, then a dinner"}]


@pytest.mark.parametrize("path", sorted(Path(lexicon.__file__).parent.glob("*.csv")), ids=lambda p: p.name)
def test_every_shipped_lexicon_table_reads_whole(path: Path) -> None:
    assert lexicon._rows(path)  # _rows raises on a row with more fields than the header
