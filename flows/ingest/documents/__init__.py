"""Source documents (.txt, .md, .html) -> plain text plus metadata: one DocumentRaw row per file.

By concern: errors.py (DocumentError, quarantine preview), decode.py (bytes -> text, format), datelines.py
(headlines, date lines, datelines), markdown.py (front matter), html.py (main text of a page), layout.py (hard
wraps, glued side boxes, lists and headings as units), read.py (one file, a batch).
"""
from flows.ingest.documents.datelines import find_dateline, is_heading_line, parse_dateline
from flows.ingest.documents.decode import decode_bytes, sniff_format
from flows.ingest.documents.errors import DocumentError, preview
from flows.ingest.documents.html import html_depth, read_html
from flows.ingest.documents.markdown import read_markdown
from flows.ingest.documents.read import document_key, read_document, read_documents, read_text, relative_posix

__all__ = [
    "DocumentError", "decode_bytes", "document_key", "find_dateline", "html_depth", "is_heading_line",
    "parse_dateline", "preview", "read_document", "read_documents", "read_html", "read_markdown", "read_text",
    "relative_posix", "sniff_format",
]
