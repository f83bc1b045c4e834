"""Numbered errors, so messages are greppable and stable."""
from __future__ import annotations


class ChroniqueError(Exception):
    """Base class for everything chronique raises on purpose."""


class UsageError(ChroniqueError):
    """Bad command-line usage or configuration (exit code 2)."""


class DocumentError(ChroniqueError):
    """One document could not be processed; the batch goes on.

    source: the file, URL or `file:line` the document came from
    code: a stable code (see CODES)
    reason: a sentence a person can act on
    """

    def __init__(self, source: str, code: str, reason: str, doc_id: str | None = None):
        super().__init__(f"{source}: {code} {reason}")
        self.source = source
        self.code = code
        self.reason = reason
        self.doc_id = doc_id

    def __reduce__(self):  # crosses process boundaries in the runner: rebuild from the same fields
        return (DocumentError, (self.source, self.code, self.reason, self.doc_id))

    def to_dict(self) -> dict:
        return {"source": self.source, "id": self.doc_id, "code": self.code, "reason": self.reason}


CODES = {
    "C001": "file not found or unreadable",
    "C002": "file is empty",
    "C003": "file looks binary",
    "C004": "bytes could not be decoded as text",
    "C005": "file too large",
    "C006": "malformed date line",
    "C007": "malformed JSON line",
    "C008": "JSON record has no text field",
    "C009": "HTML page has no extractable main text",
    "C010": "a processing step failed",
}
