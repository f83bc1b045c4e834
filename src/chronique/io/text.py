"""Plain-text articles: an optional first line ` date YYYY-MM[-DD[THH:MM]] <lede>`, then paragraphs."""
from __future__ import annotations

import re

from ..errors import DocumentError
from ..types import Document, content_id
from .dates import normalize_date

# " date 2021-10 Le fabricant..." : the date line may carry the lede after the date.
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(?P<date>\S+)(?:[ \t]+|$)", re.IGNORECASE)
NO_DATE_WARNING = "no date line: dct is null, relative dates stay unanchored"


def parse_text(text: str, source: str, raw_bytes: bytes) -> Document:
    """A Document from decoded text; `raw` is the body after the date prefix.

    source: where the text came from, used in errors
    raw_bytes: the bytes read, hashed into the document id
    """
    doc_id = content_id(raw_bytes)
    m = _DATE_LINE.match(text)
    if not m:
        return Document(id=doc_id, source=source, raw=text, text=text, dct=None, warnings=(NO_DATE_WARNING,))
    try:
        dct = normalize_date(m["date"])
    except ValueError as exc:
        raise DocumentError(source, "C006", f"malformed date line: {exc}", doc_id) from None
    body = text[m.end():]
    return Document(id=doc_id, source=source, raw=body, text=body, dct=dct)
