"""The error a file that cannot become a document raises, and how it is shown in quarantine."""
from __future__ import annotations


class DocumentError(ValueError):
    """A file that cannot become a document; `reason` says why in words a person understands."""

    def __init__(self, reason: str, raw: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.raw = raw


PREVIEW_BYTES = 120


def preview(data: bytes) -> str:
    """The first bytes of a rejected file as a bytes literal: what a person needs to recognise it in quarantine."""
    return repr(data[:PREVIEW_BYTES]) + (f" ... ({len(data)} bytes read)" if len(data) > PREVIEW_BYTES else "")
