"""HTML: title, outlet, published date and the visible article text of a page (nothing is fetched or run)."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

import trafilatura
from htmldate import find_date
from selectolax.lexbor import LexborHTMLParser, LexborNode

from flows.ingest.documents.errors import DocumentError
from flows.ingest.documents.layout import separate_glued, unwrap

# Real pages nest a few dozen elements deep; the HTML parser slows quadratically with depth.
MAX_HTML_DEPTH = 1000
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
# htmldate ignores dates before this one; an article page older than the web's first news sites is a wrong date.
EARLIEST_PAGE_DATE = "1990-01-01"


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


_BREAK = "\ue000"  # a private-use character stands for <br> until whitespace is collapsed
_FLUSH = object()  # marks the end of a block element on the walk's stack


def _paragraphs(root: LexborNode) -> list[str]:
    """Block elements become paragraphs; inline elements are just their text; whitespace collapsed. A <br> breaks
    the line: a heading set in bold over its text stays apart from it, and a sentence broken by <br> is joined
    again by the layout step (unwrap)."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        lines = [" ".join(part.split()) for part in "".join(buffer).split(_BREAK)]
        text = unwrap("\n".join(line for line in lines if line))
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
            buffer.append(_BREAK)
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


def _meta(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    value = node.attributes.get("content") if node is not None else None
    return value.strip() if value and value.strip() else None


def _html_published(text: str) -> date | None:
    """The page's publication date as htmldate reads it: meta tags, JSON-LD, <time> elements, the original date
    before a modified one; never a date guessed from the body text (the dateline step does that, with rules)."""
    try:
        found = find_date(text, extensive_search=False, original_date=True, outputformat="%Y-%m-%d",
                          min_date=EARLIEST_PAGE_DATE)
    except (ValueError, TypeError, RecursionError):  # a page htmldate cannot parse has no meta date for us
        return None
    return date.fromisoformat(found) if found else None


def _is_name(text: str) -> bool:
    """An outlet name as titles end with it: a few words, each capitalised ("Danube Wire", "Mekong & Dnieper Daily")."""
    words = text.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w in ("&", "of", "the", "and", "de")
                                       for w in words)


def _trafilatura_paragraphs(text: str) -> list[str]:
    """trafilatura's main text, one paragraph a line: the fallback when our block rules leave nothing (the article
    sits in a container whose class reads as chrome). Our rules come first: on the development and held-out pages
    they keep every sentence trafilatura keeps, drop hidden and 'Related:' boxes it keeps, and run ~9x faster."""
    try:
        extracted = trafilatura.extract(text, include_comments=False, include_tables=True, deduplicate=False)
    except (ValueError, TypeError, RecursionError):
        return []
    return [" ".join(line.split()) for line in (extracted or "").split("\n") if line.strip()]


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
    canonical = tree.css_first('link[rel="canonical"]')
    url = (canonical.attributes.get("href") if canonical is not None else None) or _meta(tree, 'meta[property="og:url"]')
    block = _main_block(tree)
    published = _html_published(text)
    paragraphs: list[str] = []
    if block is not None:
        _clean(block)
        paragraphs = _paragraphs(block)
    if not paragraphs:
        paragraphs = _trafilatura_paragraphs(text)
    return {"title": title or page_title or None, "outlet": site_name or suffix_outlet, "published": published,
            "url": url, "text": separate_glued("\n\n".join(paragraphs))}
