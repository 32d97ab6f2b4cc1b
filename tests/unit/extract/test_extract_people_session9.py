"""People forms read in session 9 (issue 11) that a one-text case cannot hold: the other cases of the session are in
tests/unit/extract/cases/people_session9.toml."""
from __future__ import annotations

from tests.unit.extract.conftest import people_of


def test_a_side_heading_gives_its_country_to_the_whole_list_under_it(extract) -> None:
    text = ("The leaders of Peru and Chile met in Lima on 2 February 2023.\n\n"
            "Both leaders came with several members of their cabinets:\n"
            "On the Peruvian side:\n\n"
            "  • Mr. Pablo SOTO, Minister of the Interior\n"
            "  • Ms. Ana ROJAS, Minister of Energy\n"
            "  • Mr. Luis PAZ, Minister of Trade\n"
            "  • Ms. Eva LUNA, Minister of Water\n"
            "  • Mr. Juan VERA, Minister of Health\n")
    frames = extract(text)
    assert {n: c for n, _, c in people_of(frames)} == {"Pablo SOTO": "PER", "Ana ROJAS": "PER", "Luis PAZ": "PER",
                                                       "Eva LUNA": "PER", "Juan VERA": "PER"}
