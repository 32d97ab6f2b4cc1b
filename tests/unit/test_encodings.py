"""The UTF-8 test shared by source discovery (file names) and the table reader (a file's first bytes)."""
from __future__ import annotations

import os

import pytest

from flows.ingest.encodings import is_utf8


@pytest.mark.parametrize(("value", "expected"), [
    ("Genève.csv", True),
    ("Genève.csv".encode("utf-8"), True),
    ("Genève.csv".encode("latin-1"), False),  # 0xE8 then 'v': not a UTF-8 sequence
    (os.fsdecode(b"Gen\xe8ve.csv"), False),   # the same name as a path from disk: a lone surrogate
    (b"", True),
    ("a\u00e9".encode("utf-8")[:-1], False),  # a character cut in half
])
def test_is_utf8_judges_bytes_and_names_read_from_disk(value: bytes | str, expected: bool) -> None:
    assert is_utf8(value) is expected
