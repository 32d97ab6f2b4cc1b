"""review36b finding 8: a tariff qualifier is a phrase the HS table writes as whole words, and one that names
something: 'in prim' (half of 'primary') and 'of the', 'with a' (function words the table writes everywhere) are no
qualifier, and a list goes on or ends as it would without them. Made-up phrases."""
from __future__ import annotations

import pytest

from flows.extract.product_chapters import is_tariff_qualifier


@pytest.mark.parametrize("phrase", ["in prim", "of the", "for the", "with a", "of which", "of other", "in the same",
                                    "of the kind"])
def test_half_words_and_function_words_are_no_qualifier(phrase: str) -> None:
    assert not is_tariff_qualifier(phrase)


@pytest.mark.parametrize("phrase", ["in primary forms", "in bulk", "of styrene"])
def test_whole_phrases_naming_something_still_are(phrase: str) -> None:
    assert is_tariff_qualifier(phrase)
