"""Source documents (.txt, .md, .html) -> plain text plus metadata: one DocumentRaw row per file.

The text stored here is what every character offset downstream indexes, so it is built once and deterministically:
newlines normalised to "\\n", NFC, paragraphs separated by a blank line, whitespace inside an HTML block collapsed.
Publication date priority: manifest entry > front matter > HTML meta > dateline in the first lines.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any

import pandera.errors
import polars as pl
import yaml
from selectolax.lexbor import LexborHTMLParser, LexborNode

from flows.ingest.discover import open_regular
from flows.common.dates import DateContext, parse_date_text
from schemas.quarantine import quarantine_frame
from schemas.raw import DocumentRaw
from schemas.validate import describe_failure

EXTENSION_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
                     ".htm": "html"}
DOCUMENT_SCHEMA = {
    "document_key": pl.Utf8, "name": pl.Utf8, "path": pl.Utf8, "format": pl.Utf8, "sha256": pl.Utf8,
    "size_bytes": pl.Int64, "encoding": pl.Utf8, "title": pl.Utf8, "outlet": pl.Utf8, "dateline_place": pl.Utf8,
    "published_date": pl.Date, "published_source": pl.Utf8, "text": pl.Utf8,
}
HEADLINE_MAX_CHARS = 200
# A news article is tens of kilobytes; a file this large is a dump or a mistake, and would stall extraction.
MAX_DOCUMENT_BYTES = 10 * 2**20
# Real pages nest a few dozen elements deep; the HTML parser slows quadratically with depth.
MAX_HTML_DEPTH = 1000
DATELINE_LINES = 3
DATE_LINE_MAX_CHARS = 100
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there: 10x faster


class DocumentError(ValueError):
    """A file that cannot become a document; `reason` says why in words a person understands."""

    def __init__(self, reason: str, raw: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw


# ---------------------------------------------------------------------------------------------------------------
# Bytes -> text
_CONTROL_RX = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CHARSET_RX = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


def _looks_cyrillic(data: bytes) -> bool:
    """cp1251 Cyrillic letters (0xC0-0xFF, Ёё) come in runs; Western latin-1 accents sit alone between ASCII."""
    high = [i for i, byte in enumerate(data) if byte >= 0x80]
    if not high:
        return False
    letters = sum(1 for i in high if data[i] >= 0xC0 or data[i] in (0xA8, 0xB8))
    in_runs = sum(1 for i in high if (i > 0 and data[i - 1] >= 0x80) or (i + 1 < len(data) and data[i + 1] >= 0x80))
    return letters / len(high) > 0.8 and in_runs / len(high) > 0.6


PREVIEW_BYTES = 120


def preview(data: bytes) -> str:
    """The first bytes of a rejected file as a bytes literal: what a person needs to recognise it in quarantine."""
    return repr(data[:PREVIEW_BYTES]) + (f" ... ({len(data)} bytes read)" if len(data) > PREVIEW_BYTES else "")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL as in ASCII-heavy UTF-16 text, else None."""
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


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM stripped), UTF-16 with or without a BOM, a declared HTML charset, cp1251 when
    the bytes look Cyrillic, cp1252 when they use its quotes and dashes, else latin-1."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    utf16 = _utf16_without_bom(data)
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
    if _looks_cyrillic(data):
        return data.decode("cp1251"), "cp1251"
    if re.search(rb"[\x80-\x9f]", data):
        try:  # Windows' Western code page: its curly quotes and dashes sit where latin-1 has control codes
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1"), "latin-1"


def _normalise(text: str) -> str:
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


# ---------------------------------------------------------------------------------------------------------------
# Headlines and datelines (txt, and the fallback for md/html)
_FINAL_PUNCTUATION = tuple(".!?:;…,\"”’»)")
_DATELINE_RX = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ -](?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|del|da|al|el|la|es|upon|on))*)"
    r"(?:,\s*(?P<date>[^()\n—–:|]{4,40}?))?"
    r"\s*(?:\((?P<outlet>[^()\n]{1,60})\))?"
    r"\s*(?P<sep>:|—|–|--|\s-\s|(?<=\))\.(?=\s)|\.(?=\s))\s*")
_DATE_LINE_PREFIX_RX = re.compile(r"^(?:published|updated|posted|date|dated|last\s+updated)\s*(?:on)?\s*[:\-–—]?\s*",
                                  re.IGNORECASE)
_LINE_SEPARATORS_RX = re.compile(r"\s+[|·•]\s+|\s+[—–-]\s+")
# A clock time beside the date ("March 4, 2025 10:42 AM UTC", "2023-05-08 16:20 KST") is not more text.
_TIME_RX = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|GMT|UTC)(?:[+-]\d{1,2})?)?",
                      re.IGNORECASE)
# A place before the date on its own line ("Hanoi, 6 May 2024") is a dateline without a body.
_PLACE_COMMA_RX = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:[ /-][A-ZÀ-ÖØ-Þ][\w'’.-]*){0,3},\s*$")
_BYLINE_RX = re.compile(r"^by\s+[A-ZÀ-ÖØ-Þ]", re.IGNORECASE)
_TRAILING_OUTLET_RX = re.compile(r"^\s*[,(]\s*([A-Z][A-Za-z&.'-]{1,30}(?:\s+[A-Z][A-Za-z&.'-]+){0,3})\s*\)?\s*$")
_WEEKDAY_RX = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b\.?")


def is_heading_line(line: str) -> bool:
    """A line that reads as a heading: short, no final punctuation."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= HEADLINE_MAX_CHARS and not stripped.endswith(_FINAL_PUNCTUATION)


def _date_only(line: str) -> tuple[date, str | None] | None:
    """(date, outlet) when a line is just a date, optionally with 'Published:' and an '| Outlet' part."""
    if len(line) > DATE_LINE_MAX_CHARS:
        return None
    body = _DATE_LINE_PREFIX_RX.sub("", line.strip(), count=1)
    parts = [part.strip() for part in _LINE_SEPARATORS_RX.split(body) if part.strip()] or [body]
    for index, part in enumerate(parts):
        mentions = [m for m in DateContext(None).find(part) if m.value is not None and m.resolution == "explicit"]
        if len(mentions) != 1:
            continue
        before, after = part[:mentions[0].start], part[mentions[0].end:]
        trailing_outlet = None
        # 'Belgrade/Zagreb, 22 January 2025 | Outlet | by X' too; 'MINSK, 1 July 2020 — Talks' is a dateline
        if _PLACE_COMMA_RX.match(before) and (len(parts) == 1 or "|" in body):
            before = ""
            tail = _TRAILING_OUTLET_RX.match(after) if len(parts) == 1 else None
            if tail:  # 'Baku, July 12, 2024, AZERTAC': the agency after the date
                trailing_outlet, after = tail.group(1), ""
        after = re.sub(r"^\W*(?:[A-Z]{2,4}|GMT[+-]\d{1,2})\W*$", "", _TIME_RX.sub("", after))  # a zone ("KST")
        leftover = _WEEKDAY_RX.sub("", _TIME_RX.sub("", before) + after)
        if re.sub(r"[\W_]+", "", leftover):
            continue
        others = [p for i, p in enumerate(parts) if i != index and not _BYLINE_RX.match(p)]
        outlet = others[0] if len(others) == 1 and len(others[0]) <= 60 and others[0][-1:] not in ".!?" else None
        outlet = outlet or trailing_outlet
        return mentions[0].value, outlet  # type: ignore[return-value]
    return None


def _place(text: str) -> str:
    return text.title() if text.isupper() else text


def parse_dateline(line: str) -> dict[str, Any] | None:
    """{'place', 'published'?, 'outlet'?} when a line opens with a dateline ("PLACE, DATE (OUTLET): ..."), else None."""
    match = _DATELINE_RX.match(line)
    if match is None or match.end() >= len(line) or len(match["place"].split()) > 4:
        return None
    place, date_text, outlet, sep = match["place"], match["date"], match["outlet"], match["sep"]
    published = parse_date_text(date_text)[0] if date_text else None
    if date_text and published is None:
        return None
    # With neither a date nor an outlet, only a capitalised place makes "Word:" or "Word —" a dateline, or a
    # mixed-case place in a body line; a headline such as "Armenia — Iran talks resume" is no dateline.
    if not (published or outlet or place.isupper()) and (sep == ":" or is_heading_line(line)):
        return None
    if sep == "." and published is None:
        return None  # "Dr. Smith said": a full stop ends a dateline only after a date
    found: dict[str, Any] = {"place": _place(place.strip())}
    if published is not None:
        found["published"] = published
    if outlet:
        found["outlet"] = outlet.strip()
    return found


def find_dateline(text: str) -> dict[str, Any]:
    """{'published', 'place', 'outlet'} found in the first non-empty lines (keys absent when not found)."""
    found: dict[str, Any] = {}
    lines = [line.strip() for line in text.split("\n") if line.strip()][:DATELINE_LINES]
    for line in lines:
        if "published" not in found:
            only_date = _date_only(line)
            if only_date is not None:
                found["published"], outlet = only_date
                if outlet and "outlet" not in found:
                    found["outlet"] = outlet
                continue
        dateline = parse_dateline(line)
        if dateline is not None:
            for key, value in dateline.items():
                found.setdefault(key, value)
            break
    return found


# ---------------------------------------------------------------------------------------------------------------
# Markdown
_FRONT_MATTER_RX = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_HEADING_RX = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_INLINE_MD = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image -> alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link -> its text
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE), ""),  # blockquote marker
    (re.compile(r"^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+", re.MULTILINE), ""),  # list marker
    (re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE), ""),  # horizontal rule
    (re.compile(r"^[ \t]{0,3}=+[ \t]*$", re.MULTILINE), ""),  # setext heading underline
]
FRONT_MATTER_TITLE = ("title", "headline")
FRONT_MATTER_DATE = ("date", "published", "published_date", "pubdate", "publish_date", "datePublished")
FRONT_MATTER_OUTLET = ("outlet", "source", "publisher", "site_name", "site")


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date_text(value)[0]
    return None


def _scalar_text(value: Any) -> str | None:
    """A front-matter value as text when it is a scalar; lists and mappings (a YAML alias bomb) are not titles."""
    if isinstance(value, (str, int, float, date)) and not isinstance(value, bool):
        text = str(value).strip()
        return text[:HEADLINE_MAX_CHARS * 5] or None
    return None


def _first(mapping: Mapping[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        value = mapping.get(key)
        if value not in (None, ""):
            return value
    return None


EARLIEST_PUBLICATION = date(1800, 1, 1)  # before newspapers as dyad reads them: a typo or a placeholder


def _plausible(value: date | None) -> date | None:
    return value if value is not None and value >= EARLIEST_PUBLICATION else None


def _dropped_date(front_matter: str, stated: Any) -> dict[str, str]:
    """The quarantine part for a front-matter date that is no calendar date: its line, why, what it said."""
    keys = "|".join(FRONT_MATTER_DATE)
    at = re.search(rf"^\s*(?:{keys})\s*:", front_matter, re.MULTILINE)
    line = 2 + front_matter.count("\n", 0, at.start()) if at else 1  # line 1 is the opening '---'
    return {"row_ref": f"line {line}", "reason": f"front-matter date '{stated}' is not a plausible calendar date: "
                                                  "ignored, the body is loaded", "raw": str(stated)[:200]}


def read_markdown(text: str) -> dict[str, Any]:
    """Front matter (title, published, outlet) and the body as plain text with heading markers stripped.

    Front matter that is not valid YAML is dropped without its metadata; the body is still read.
    """
    meta: dict[str, Any] = {}
    body = text
    match = _FRONT_MATTER_RX.match(text)
    if match:
        try:
            loaded = yaml.load(match["yaml"], Loader=_YAML_LOADER)  # a safe loader: no Python objects
        except ValueError:  # a timestamp YAML cannot build ('2023-02-30'): read every value as text instead
            loaded = yaml.load(match["yaml"], Loader=yaml.BaseLoader)
        except yaml.YAMLError:
            loaded = None  # broken metadata should not cost us the article: keep the body, find dates in it
        if isinstance(loaded, dict):
            title, outlet = _first(loaded, FRONT_MATTER_TITLE), _first(loaded, FRONT_MATTER_OUTLET)
            meta["title"] = _scalar_text(title)
            meta["outlet"] = _scalar_text(outlet)
            stated = _first(loaded, FRONT_MATTER_DATE)
            meta["published"] = _plausible(_as_date(stated))
            if stated is not None and meta["published"] is None and not isinstance(stated, (list, dict)):
                meta["_dropped"] = [_dropped_date(match["yaml"], stated)]
        body = text[match.end():]
    body = _HEADING_RX.sub(lambda m: m["text"], body)
    for pattern, replacement in _INLINE_MD:
        body = pattern.sub(replacement, body)
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    if meta.get("title") is None:
        first = body.split("\n", 1)[0].strip()
        meta["title"] = first if first and is_heading_line(first) else None
    return {**meta, "text": body}


# ---------------------------------------------------------------------------------------------------------------
# HTML
DROP_TAGS = ("script", "style", "noscript", "nav", "aside", "footer", "form", "figure", "iframe", "template", "svg",
             "button", "input", "select", "textarea", "object", "embed", "canvas", "video", "audio", "head")
BOILERPLATE_WORDS = frozenset(
    "ad ads advert adverts advertisement advertising adslot cookie cookies consent share sharing social related "
    "newsletter promo sponsored subscribe subscription paywall banner popup modal breadcrumb breadcrumbs byline meta "
    "dateline tags comments comment hidden sr caption credit credits outbrain taboola signup recommended trending"
    .split())
BLOCK_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote div section article main header dd dt td th pre tr ul ol dl table "
    "figcaption address center hr body html".split())
_TOKEN_RX = re.compile(r"[a-z0-9]+")
_LABEL_MODIFIER_RX = re.compile(r"label[-_]+[a-z0-9]+")
_TITLE_SUFFIX_RX = re.compile(r"^(?P<title>.+?)\s+(?:\||—|–|-|::)\s+(?P<outlet>[^|]{2,60})$")
META_DATE_SELECTORS = (
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="date"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]',
    'meta[name="publish_date"]', 'meta[name="dc.date"]', 'meta[name="DC.date"]', 'meta[name="DC.date.issued"]',
    'meta[name="parsely-pub-date"]', 'meta[name="sailthru.date"]', 'meta[property="og:published_time"]',
)


def _is_boilerplate(node: LexborNode) -> bool:
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    style = (attributes.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    # a modifier after "label" describes the field's label, not the field ("field--label-hidden" in Drupal)
    words = _TOKEN_RX.findall(_LABEL_MODIFIER_RX.sub(" ", names))
    return any(word in BOILERPLATE_WORDS for word in words)


def _is_time_only(node: LexborNode) -> bool:
    """A paragraph whose only content is a <time> (a dateline/byline leftover)."""
    times = node.css("time")
    if not times:
        return False
    rest = node.text(deep=True)
    for element in times:
        rest = rest.replace(element.text(deep=True), "", 1)
    return not re.sub(r"[\W_]+", "", rest)


def _clean(root: LexborNode) -> None:
    """Remove what a reader does not see as the article: chrome, ads, bylines, captions."""
    for tag in DROP_TAGS:
        for node in root.css(tag):
            node.decompose()
    for node in list(root.css("*")):
        if node.parent is not None and node.tag and not node.tag.startswith("-") and (
                _is_boilerplate(node) or (node.tag == "p" and _is_time_only(node))):
            node.decompose()


_FLUSH = object()  # marks the end of a block element on the walk's stack


def _paragraphs(root: LexborNode) -> list[str]:
    """Block elements become paragraphs; inline elements are just their text; whitespace collapsed."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            paragraphs.append(text)
        buffer.clear()

    # An explicit stack rather than recursion: a deeply nested page must not exhaust Python's call stack.
    pending: list[Any] = [root.child]
    while pending:
        node = pending.pop()
        if node is _FLUSH:
            flush()
            continue
        if node is None:
            continue
        pending.append(node.next)  # the next sibling comes after this node's whole subtree
        tag = node.tag
        if tag == "-text":
            buffer.append(node.text(deep=False))
        elif tag == "br":
            buffer.append(" ")
        elif tag and not tag.startswith("-"):
            if tag in BLOCK_TAGS:
                flush()
                pending.append(_FLUSH)
            pending.append(node.child)
    flush()
    return paragraphs


# A comment ends at '-->', '--!>', or at once for '<!-->' and '<!--->' (HTML's abrupt empty comments): read
# as '<!--' up to a later '-->', those would hide everything between from the depth guard but not the parser.
_SKIPPED_MARKUP_RX = re.compile(r"<!--(?:-?>|.*?--!?>)|<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG_RX = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
# Elements that never hold children, or that the parser closes by itself when the next one opens.
_UNNESTED_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option".split())


def html_depth(text: str) -> int:
    """How deep the page's elements nest, estimated from its tags (before parsing, which is slow on deep pages)."""
    depth = deepest = 0
    for match in _TAG_RX.finditer(_SKIPPED_MARKUP_RX.sub("", text)):
        closing, tag, self_closing = match.groups()
        if self_closing or tag.lower() in _UNNESTED_TAGS:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _main_block(tree: LexborHTMLParser) -> LexborNode | None:
    """The article: <article> (the longest, when teasers are articles too), articleBody, <main>, else the
    element holding the most paragraph text."""
    for selector in ("article", "[itemprop=articleBody]", "main"):
        nodes = tree.css(selector)
        if nodes:
            return max(nodes, key=lambda node: len(node.text(deep=True)))
    best, best_length = None, 0
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        length = sum(len(child.text(deep=True)) for child in parent.css("p") if child.parent == parent)
        if length > best_length:
            best, best_length = parent, length
    return _repeated_container(best) if best is not None else tree.body


def _repeated_container(block: LexborNode) -> LexborNode:
    """A live blog's entries are sibling blocks of one class: the article is their container, not one entry."""
    node = block
    for _ in range(3):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html"):
            break
        kind = (node.tag, node.attributes.get("class"))
        peers = [child for child in parent.iter() if (child.tag, child.attributes.get("class")) == kind and child.css_first("p")]
        if len(peers) >= 2:
            return parent
        node = parent
    return block


def _json_ld_dates(tree: LexborHTMLParser) -> Iterator[str]:
    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            if isinstance(value.get("datePublished"), str):
                yield value["datePublished"]
            for child in value.values():
                yield from walk(child)
        elif isinstance(value, list):
            for child in value:
                yield from walk(child)

    for script in tree.css('script[type="application/ld+json"]'):
        try:
            yield from walk(json.loads(script.text(deep=True)))
        except (ValueError, RecursionError):  # broken or absurdly nested JSON-LD: no date from it
            continue


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    value = node.attributes.get("content") if node is not None else None
    return value.strip() if value and value.strip() else None


def _html_published(tree: LexborHTMLParser, block: LexborNode | None) -> date | None:
    candidates: list[str] = [value for value in (_meta(tree, s) for s in META_DATE_SELECTORS) if value]
    candidates += list(_json_ld_dates(tree))
    if block is not None:
        candidates += [t.attributes.get("datetime") or "" for t in block.css("time[datetime]")]
    for candidate in candidates:
        value, _ = parse_date_text(candidate)
        if value is not None:
            return value
    return None


def _is_name(text: str) -> bool:
    """An outlet name as titles end with it: a few words, each capitalised ("Danube Wire", "Mekong & Dnieper Daily")."""
    words = text.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w in ("&", "of", "the", "and", "de")
                                       for w in words)


def read_html(text: str) -> dict[str, Any]:
    """Title, outlet, published date and the visible article text of an HTML page (nothing is fetched or run)."""
    depth = html_depth(text)
    if depth > MAX_HTML_DEPTH:
        raise DocumentError(f"HTML nested {depth} elements deep (more than {MAX_HTML_DEPTH}): not an article page",
                            text[:200])
    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    page_title = " ".join(title_node.text(deep=True).split()) if title_node is not None else ""
    site_name = _meta(tree, 'meta[property="og:site_name"]')
    title = _meta(tree, 'meta[property="og:title"]') or _meta(tree, 'meta[name="twitter:title"]')
    suffix = _TITLE_SUFFIX_RX.match(page_title) if page_title else None
    suffix_outlet = None
    if suffix and (suffix["outlet"].strip() == site_name or (site_name is None and _is_name(suffix["outlet"]))):
        suffix_outlet = suffix["outlet"].strip()
        page_title = suffix["title"].strip()
    block = _main_block(tree)
    published = _html_published(tree, block)
    paragraphs: list[str] = []
    if block is not None:
        _clean(block)
        paragraphs = _paragraphs(block)
    return {"title": title or page_title or None, "outlet": site_name or suffix_outlet, "published": published,
            "text": "\n\n".join(paragraphs)}


def read_text(text: str) -> dict[str, Any]:
    """Plain text as is; the first line is the title when it reads as a heading (and is no dateline)."""
    body = text.strip()
    first = body.split("\n", 1)[0].strip()
    title = None
    if is_heading_line(first) and _date_only(first) is None and parse_dateline(first) is None:
        title = first
    return {"title": title, "text": body}


# ---------------------------------------------------------------------------------------------------------------
def document_key(relative_path: str) -> str:
    """First 16 hex characters of the sha256 of the posix path relative to the sources root."""
    return hashlib.sha256(relative_path.encode("utf-8")).hexdigest()[:16]


def relative_posix(path: Path, root: Path) -> str:
    """The path relative to root in posix form (the path as given when it is not under root)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return PurePath(path).as_posix()


STRAY_NUL_SHARE = 0.01  # text with a few NUL bytes (a bad copy, a C string) vs binary or UTF-16, which has many
MAX_DROPPED_ROWS = 20


def _without_stray_nuls(data: bytes) -> tuple[bytes, list[dict[str, str]]]:
    """The bytes without a few stray NULs, and one quarantine part per line that held them; unchanged when NULs
    are many (UTF-16 or binary: decode_bytes and the control-character check judge those)."""
    count = data.count(0)
    if not count or count > STRAY_NUL_SHARE * len(data):
        return data, []
    lines: dict[int, int] = {}
    at = data.find(0)
    while at != -1:
        line = data.count(b"\n", 0, at) + 1
        lines[line] = lines.get(line, 0) + 1
        at = data.find(0, at + 1)
    dropped = [{"row_ref": f"line {line}", "reason": f"{n} NUL byte{'s' if n > 1 else ''} removed, the text around "
                                                    f"{'them' if n > 1 else 'it'} is loaded", "raw": None}
               for line, n in sorted(lines.items())[:MAX_DROPPED_ROWS]]
    if len(lines) > MAX_DROPPED_ROWS:
        rest = sum(n for _, n in sorted(lines.items())[MAX_DROPPED_ROWS:])
        dropped[-1]["reason"] += f"; and {rest} more on {len(lines) - MAX_DROPPED_ROWS} later lines"
    return data.replace(b"\x00", b""), dropped


def read_document(path: Path, root: Path, manifest_entry: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """One DocumentRaw row (see schemas/raw.py) for one file; raises DocumentError(reason) on bad input."""
    if not path.is_absolute() and not path.exists() and (root / path).exists():
        path = root / path  # a path given relative to the sources root
    relative = relative_posix(path, root)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            with path.open("rb") as handle:
                head = handle.read(PREVIEW_BYTES)
            raise DocumentError(f"too large: {size / 2**20:.1f} MB is over the {MAX_DOCUMENT_BYTES / 2**20:.0f} MB "
                                "limit for one document", preview(head))
        with open_regular(path) as handle:  # a FIFO swapped in after discovery must not block the run
            data = handle.read()
    except OSError as error:
        raise DocumentError(f"unreadable file: {error.strerror or error}") from error
    if not data:
        raise DocumentError("empty file")
    readable, dropped = _without_stray_nuls(data)
    try:
        raw_text, encoding = decode_bytes(readable)
    except DocumentError as error:
        raise DocumentError(error.reason, preview(data)) from None
    text = _normalise(raw_text)
    if not text.strip():
        raise DocumentError("empty file: only whitespace", text[:200] or None)
    if len(_CONTROL_RX.findall(text)) > 0.05 * len(text):
        raise DocumentError("binary content: not text", preview(data))
    fmt = sniff_format(path, text)
    parsed = {"md": read_markdown, "html": read_html}.get(fmt, read_text)(text)
    dropped += parsed.get("_dropped", [])
    body: str = parsed["text"]
    if not body.strip():
        raise DocumentError(f"no text left after reading the {fmt} markup", text[:200])
    dateline = find_dateline(body)
    entry = manifest_entry or {}
    published, source = None, None
    for value, origin in ((_as_date(entry.get("published")), "manifest"),
                          (parsed.get("published") if fmt == "md" else None, "front_matter"),
                          (parsed.get("published") if fmt == "html" else None, "html_meta"),
                          (dateline.get("published"), "dateline")):
        if value is not None:
            published, source = value, origin
            break
    return {
        "document_key": document_key(relative),
        "name": path.name,
        "path": relative,
        "format": fmt,
        "sha256": hashlib.sha256(data).hexdigest(),
        "size_bytes": len(data),
        "encoding": encoding,
        "title": entry.get("title") or parsed.get("title"),
        "outlet": entry.get("outlet") or parsed.get("outlet") or dateline.get("outlet"),
        "dateline_place": dateline.get("place"),
        "published_date": published,
        "published_source": source,
        "text": body,
        **({"_dropped": dropped} if dropped else {}),
    }


def _failing_rows(frame: pl.DataFrame) -> dict[int, str]:
    """Row index -> reason for every row DocumentRaw rejects (all failures at once)."""
    try:
        DocumentRaw.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        reasons: dict[int, str] = {}
        for row in cases.filter(pl.col("index").is_not_null()).iter_rows(named=True):
            reasons.setdefault(int(row["index"]), describe_failure(row["column"], row["check"], row["failure_case"]))
        if not reasons:
            raise
        return reasons
    return {}


def read_documents(paths: Sequence[Path], root: Path, manifest: Mapping[str, Mapping[str, Any]] | None = None
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(documents frame validated against schemas.raw.DocumentRaw, quarantine frame) for a batch."""
    rows: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in paths:
        relative = relative_posix(path, root)
        if relative in seen:
            continue
        seen.add(relative)
        entry = (manifest or {}).get(relative) or (manifest or {}).get(path.name)
        try:
            row = read_document(path, root, entry)
            rejected += [{"stage": "ingest", "source": relative, **part} for part in row.pop("_dropped", [])]
            rows.append(row)
        except DocumentError as error:
            rejected.append({"stage": "ingest", "source": relative, "row_ref": "file", "reason": error.reason,
                             "raw": error.raw})
        except Exception as error:  # noqa: BLE001 - one unreadable file must not cost the rest of the batch
            rejected.append({"stage": "ingest", "source": relative, "row_ref": "file",
                             "reason": f"could not be read ({type(error).__name__}: {error})"[:500], "raw": None})
    frame = pl.DataFrame(rows, schema=DOCUMENT_SCHEMA)
    failing = _failing_rows(frame)
    if failing:
        for index, reason in sorted(failing.items()):
            row = rows[index]
            rejected.append({"stage": "ingest", "source": row["path"], "row_ref": "file", "reason": reason,
                             "raw": row["text"][:200]})
        frame = frame.filter(~pl.int_range(pl.len()).is_in(list(failing)))
    return DocumentRaw.validate(frame), quarantine_frame(rejected)
