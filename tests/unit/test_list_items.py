"""flows/common/list_items.py: the one reader of 'Name (year); Name (year)' lists, on sentences made up for it."""
from __future__ import annotations

from flows.common.list_items import bracket_item_starts, ends_with_name, items_joined, year_groups


def _years(text: str) -> list[str]:
    return [match.group("years") for match in year_groups(text, 0, len(text), lambda at: ends_with_name(text, at))]


def test_bracketed_years_after_names() -> None:
    assert _years("visits by Ana Soto (1990), Jon Roe (1993 and 1999) and Eva Dunn in 2004") == [
        "1990", "1993 and 1999", "2004"]


def test_comma_years_of_a_bracketed_list() -> None:
    assert _years("visits from Arland [Ana Soto, 1990; Jon Roe, 1975; & Eva Dunn, 1950]") == ["1990", "1975", "1950"]


def test_a_year_after_a_lower_case_word_is_no_item() -> None:
    assert _years("the visits grew (2019) and again in 2020") == []


def test_the_seam_of_two_items() -> None:
    text = "Premier Ida Moss (1980), President Tom Bell (1996)"
    assert items_joined(text, text.index("1980") + 4, text.index("1996"))
    text = "[Minister Jon Roe, 1993; Minister Ana de Soto, 1978]"
    assert items_joined(text, text.index("1993") + 4, text.index("1978"))
    text = "in 1980 the talks ended and in 1996"
    assert not items_joined(text, text.index("1980") + 4, text.index("1996"))


def test_bracket_item_starts_skip_openers_and_stop_at_the_close() -> None:
    tokens = "[ Ana Soto , 1990 ; & Jon Roe , 1975 ] ; Eva".split()
    assert [tokens[k] for k in bracket_item_starts(tokens, 0)] == ["Ana", "Jon"]
