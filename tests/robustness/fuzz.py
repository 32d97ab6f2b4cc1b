"""Seeded generators of hostile input for the fuzz run: documents, file names, manifest entries, table rows.

Everything is built from a random.Random, so a failing case is found again from its seed and number. Each
generator returns bytes (or a value) and never decides what dyad should do with it: the tests assert the
rule (loaded, or quarantined with file, line and reason; counts reconcile; nothing stops the batch).
"""
from __future__ import annotations

import json
import random
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures" / "devset" / "documents").iterdir())]
JUNK = [b"\x00", b"\xff\xfe", b"\xc3", b"\xe2\x80", b"<div>" * 50, b"</article>", b"---\n", b"\r", b"\x1b[31m",
        b"<script>", b"&#0;&#xD800;", "\u202e\u200b\ufeff".encode(), b"[[[[", b"'); drop table x; --", b"<!-->",
        b"--!>", b"<![CDATA[", b"\xef\xbb\xbf", b"\n\n\n", b"date: 2023-02-30\n", b"{{", b"%PDF-1.4"]
WORDS = ["Baku", "Minsk", "signed", "agreement", "Azerbaijan", "Belarus", "on Monday", "12 June 2023", "President",
         "Aliyev", "visited", "trade", "$4.2 billion", "year 1", "9999", "last week", "met", "the two", "ministers"]
EXTENSIONS = [".txt", ".md", ".html", ".htm", ".markdown", ".TXT", ".Html", "", ".pdf", ".txt.gz"]
NAME_PARTS = ["talks", "Переговоры", "会谈", "محادثات", "a b", "it's", 'say "hi"', "'); drop table t; --", "-rf",
              "e\u0301t\u00e9", "\u202eevil", "🇦🇿", "x" * 120, "con", "nul", "~tmp", "%s%n", "..x"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: cut at a random point, flip random bytes, or splice junk in at random points."""
    if not data:
        return rng.choice(JUNK)
    how = rng.choice(["cut", "flip", "splice"])
    if how == "cut":
        return data[: rng.randrange(len(data))]
    buffer = bytearray(data)
    if how == "flip":
        for _ in range(rng.randint(1, 40)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
        return bytes(buffer)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(buffer) + 1)
        buffer[at:at] = rng.choice(JUNK)
    return bytes(buffer)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def _yaml_value(rng: random.Random) -> str:
    return rng.choice(["2023-02-30", "0001-01-01", "9999-12-31", "2023-06-12", "[a, b]", "{x: 1}", "&a [1]", "*a",
                       "'unclosed", "null", "12", "2023-06-12T25:61:00", "!!binary aGk=", '"\\u0000"', "yes"])


def document_bytes(rng: random.Random) -> bytes:
    """A document as bytes: a mutated piece of a real article, random bytes or text, or a hostile structure."""
    kind = rng.randrange(8)
    if kind == 0:  # a piece of a real article, mutated
        article = rng.choice(ARTICLES)
        start = rng.randrange(len(article))
        return mutate(article[start:start + rng.randint(20, 1500)], rng)
    if kind == 1:  # random bytes
        return rng.randbytes(rng.randint(0, 600))
    if kind == 2:  # HTML nested at random depth, comments that end early or never
        depth = rng.choice([0, 3, 50, 900, 1100, 3000])
        opener = rng.choice(["", "<!-->", "<!--->", "<!-- x --!>", "<!--"])
        return (opener + "<html><body><article>" + "<div>" * depth + f"<p>{_text(rng, 12)}</p>" + "</div>" * depth
                + rng.choice(["</article>", "<!-- end -->", ""]) + "</body></html>").encode()
    if kind == 3:  # Markdown with front matter of random values
        keys = rng.sample(["title", "date", "published", "outlet", "source", "tags"], rng.randint(0, 4))
        front = "".join(f"{key}: {_yaml_value(rng)}\n" for key in keys)
        return f"---\n{front}---\n# {_text(rng, 4)}\n\n{_text(rng, 20)}\n".encode()
    if kind == 4:  # text in another encoding, or with a BOM
        text = _text(rng, rng.randint(1, 40))
        encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "cp1251", "latin-1", "utf-8-sig", "utf-32"])
        return text.encode(encoding, errors="replace")
    if kind == 5:  # text with NUL bytes or control characters sprinkled in
        data = bytearray(_text(rng, rng.randint(5, 60)).encode())
        for _ in range(rng.randint(1, 8)):
            data.insert(rng.randrange(len(data) + 1), rng.choice([0, 0, 1, 7, 27, 127]))
        return bytes(data)
    if kind == 6:  # one long line, or many empty ones
        return rng.choice([b"a", b"\n", b" ", "ж".encode(), b"<"]) * rng.choice([1, 1000, 100_000])
    return _text(rng, rng.randint(1, 80)).encode()  # plain words: a document that loads


def file_name(rng: random.Random, number: int) -> bytes:
    """A file name as bytes (unique by its number): Unicode in any normal form, quotes, SQL, bidi controls,
    bytes that are not UTF-8, a leading dot (hidden: not a source), a name near the 255-byte limit."""
    part = rng.choice(NAME_PARTS)
    form = rng.choice(["NFC", "NFD", "NFKC"])
    name = unicodedata.normalize(form, part).encode("utf-8")
    if rng.random() < 0.1:
        name += bytes([rng.choice([0x80, 0xC3, 0xFF, 0xFE, 0xED])])  # not UTF-8
    if rng.random() < 0.05:
        name = b"." + name
    return f"{number:05d}_".encode() + name[:200] + rng.choice(EXTENSIONS).encode()


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, but DEL must be escaped too)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(rng: random.Random, paths: list[str]) -> str:
    """A TOML value of any type (dates, arrays, inline tables, strings with escapes)."""
    choice = rng.randrange(9)
    if choice == 0:
        return toml_string(rng.choice(paths))
    if choice == 1:
        return str(rng.randint(-5, 10**12))
    if choice == 2:
        return rng.choice(["nan", "inf", "-0.0", "1e308", "2023.0"])
    if choice == 3:
        return rng.choice(["true", "false"])
    if choice == 4:
        return date(rng.randint(1, 9999), rng.randint(1, 12), rng.randint(1, 28)).isoformat()
    if choice == 5:
        return "[" + ", ".join(toml_string(rng.choice(WORDS)) for _ in range(rng.randint(0, 3))) + "]"
    if choice == 6:
        return '{ a = 1, b = "x" }'
    if choice == 7:
        return toml_string(rng.choice(["document", "table", "reference", "documents", "", "Document", "csv", "txt"]))
    return toml_string("".join(chr(rng.randrange(1, 0x2FF)) for _ in range(rng.randint(0, 12))))


def manifest(rng: random.Random, relpaths: list[str], entries: int) -> tuple[bytes, int]:
    """A sources.toml of [[source]] entries with fields of any type (paths real, escaping, spelled oddly)."""
    spellings = [*relpaths, "../../etc/passwd", "/etc/hostname", "documents/missing.txt", "documents/../../x",
                 *(f"./{p}" for p in relpaths[:5]), *(p.replace("/", "//") for p in relpaths[:5]), ""]
    lines = []
    for _ in range(entries):
        lines.append("[[source]]")
        if rng.random() < 0.9:
            path = toml_value(rng, spellings) if rng.random() < 0.2 else toml_string(rng.choice(spellings))
            lines.append(f"path = {path}")
        for key in rng.sample(["kind", "format", "published", "origin", "licence", "title"], rng.randint(0, 4)):
            lines.append(f"{key} = {toml_value(rng, spellings)}")
    return ("\n".join(lines) + "\n").encode("utf-8"), entries


FIELD_VALUES = ["", "n/a", "-5", "1e308", "NaN", "inf", '"1,234.5"', "2022.0", "٣٤", "０１", "TOTAL", "9999",
                "13", "0", "True", "'); drop table fact_trade; --", "\u202e12", "1,2", '"', '""x', "  7  ", "\t",
                "=HYPERLINK(\"http://198.51.100.7\")", "99999999999999999999999", "-0", "0x1F", "1_000",
                '"Cotton, raw\nand carded"', '"a ""quoted"" word"', '"line\r\nbreak"', "\ufeff", "\u200b7"]
# shapes a spreadsheet saves the same rows in: (name, how the bytes of a plain UTF-8 comma CSV become it)
SHAPES = [
    ("crlf", lambda data: data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")),
    ("cr", lambda data: data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")),
    ("utf-16", lambda data: data.decode("utf-8").encode("utf-16")),
    ("utf-16-le", lambda data: data.decode("utf-8").encode("utf-16-le")),
    ("utf-32", lambda data: data.decode("utf-8").encode("utf-32")),
    ("bom", lambda data: b"\xef\xbb\xbf" + data),
]


def mutate_row(row: str, rng: random.Random) -> str:
    """A CSV line with one to three fields replaced by hostile values, or the line cut, doubled or left as is."""
    how = rng.randrange(6)
    if how == 0:
        return row
    if how == 1:
        return row[: rng.randrange(len(row) + 1)]
    if how == 2:
        return row + "," + row
    fields = row.split(",")
    for _ in range(rng.randint(1, 3)):
        fields[rng.randrange(len(fields))] = rng.choice(FIELD_VALUES)
    return ",".join(fields)
