"""Bytes -> text: encodings (BOMs, UTF-16 without a BOM, declared HTML charsets, Cyrillic and Western code pages),
newline and Unicode normalisation, and the format of a file (txt, md, html)."""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import charset_normalizer

from flows.ingest.documents.errors import DocumentError
from flows.ingest.encodings import utf16_without_bom

EXTENSION_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
                     ".htm": "html"}
_CHARSET_RX = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _looks_non_latin(data: bytes) -> bool:
    """Letters of a non-Latin script in a single-byte code page (cp1251 Cyrillic, cp1253 Greek, cp1256 Arabic: mostly
    0xC0-0xFF, Ёё) come in runs; Western latin-1 accents sit alone between ASCII."""
    high = [i for i, byte in enumerate(data) if byte >= 0x80]
    if not high:
        return False
    letters = sum(1 for i in high if data[i] >= 0xC0 or data[i] in (0xA8, 0xB8))
    in_runs = sum(1 for i in high if (i > 0 and data[i - 1] >= 0x80) or (i + 1 < len(data) and data[i + 1] >= 0x80))
    return letters / len(high) > 0.8 and in_runs / len(high) > 0.6


# The single-byte code pages whose letters come in runs, for charset-normalizer to choose from. Measured on short
# texts (38-100 bytes) it tells Russian, Greek and Arabic apart; left free, or asked about Western text, it
# mistakes cp1252 and latin-1 for cp1250 even on 200 bytes, so Western text keeps our rules below.
NON_LATIN_CODE_PAGES = ["cp1251", "cp1253", "cp1256"]


def _non_latin_code_page(data: bytes) -> tuple[str, str]:
    """(text, encoding) in the non-Latin code page charset-normalizer finds most coherent; cp1251 when it finds none."""
    best = charset_normalizer.from_bytes(data, cp_isolation=NON_LATIN_CODE_PAGES).best()
    encoding = best.encoding if best is not None else "cp1251"
    return data.decode(encoding), codecs.lookup(encoding).name


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM stripped), UTF-16 with or without a BOM, a declared HTML charset, a non-Latin
    code page (Cyrillic, Greek, Arabic: charset-normalizer tells which) when letters come in runs of high bytes,
    cp1252 when they use its quotes and dashes, else latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: FF FE 00 00 starts both
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            pass
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise DocumentError("binary content: not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        # A file cut in the middle of a multi-byte character is still UTF-8: drop the partial character
        # rather than read the whole file as latin-1 mojibake.
        if error.reason == "unexpected end of data" and error.end == len(data):
            return data[:error.start].decode("utf-8"), "utf-8"
    declared = _CHARSET_RX.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii").lower()
        try:
            return data.decode(name), codecs.lookup(name).name
        except (LookupError, UnicodeDecodeError):
            pass
    mixed = _mixed_with_utf8(data)
    if mixed is not None:
        return mixed
    return _single_byte(data)


def _mixed_with_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, 'utf-8+cp1251') for a file whose lines are partly UTF-8 with non-ASCII letters and partly a single-byte
    code page (two files pasted together, an old article quoted into a new one): each line is read as what it is;
    a whole-file guess would turn the UTF-8 'Genève' into cp1251 'GenГЁve'. None when no line is non-ASCII UTF-8."""
    lines = data.split(b"\n")
    utf8, other = set(), []
    for number, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            other.append(line)
            continue
        if not line.isascii():
            utf8.add(number)
    if not utf8 or not other:
        return None
    _, encoding = _single_byte(b"\n".join(other))
    text = "\n".join(line.decode("utf-8") if number in utf8 or line.isascii() else line.decode(encoding, "replace")
                     for number, line in enumerate(lines))
    return text, f"utf-8+{encoding}"


def _single_byte(data: bytes) -> tuple[str, str]:
    """(text, encoding) for text in a single-byte code page: a non-Latin one when letters come in runs, cp1252 when
    its quotes and dashes are there, else latin-1."""
    if _looks_non_latin(data):
        return _non_latin_code_page(data)
    if re.search(rb"[\x80-\x9f]", data):
        try:  # Windows' Western code page: its curly quotes and dashes sit where latin-1 has control codes
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def sniff_format(path: Path, text: str) -> str:
    """Format from the extension, else from the content (html markers, front matter, else plain text)."""
    by_extension = EXTENSION_FORMATS.get(path.suffix.lower())
    if by_extension:
        return by_extension
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype", "<html")) or "<html" in head:
        return "html"
    if text.startswith("---\n"):
        return "md"
    return "txt"
