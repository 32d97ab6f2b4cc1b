"""Byte-level encoding clues shared by the document and the table readers."""
from __future__ import annotations


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the first 4 KB is NUL, as in ASCII-heavy UTF-16 text saved
    without a byte-order mark (Excel's 'Unicode text'), else None. Eight characters at least, so a short binary
    header is not taken for text."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls > 0.4 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def is_utf8(data: bytes | str) -> bool:
    """True when bytes decode as UTF-8, or when a str encodes to it: a file name read from disk holds its bytes
    that are not UTF-8 as lone surrogates (Python's surrogateescape), which do not encode."""
    try:
        data.encode("utf-8") if isinstance(data, str) else data.decode("utf-8")
    except UnicodeError:
        return False
    return True
