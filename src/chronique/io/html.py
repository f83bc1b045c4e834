"""HTML pages: main text, title and publication date through trafilatura."""
from __future__ import annotations

import trafilatura

from ..errors import DocumentError
from ..types import Document, content_id
from .dates import normalize_date

_MIN_CHARS = 25  # below this, trafilatura has only found navigation crumbs, not an article


def read_html(html: str, source: str, raw_bytes: bytes) -> Document:
    doc_id = content_id(raw_bytes)
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, output_format="python"
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or len(text.strip()) < _MIN_CHARS:
        found = len(text.strip()) if text else 0
        raise DocumentError(source, "C009", f"no main text found in the HTML page ({found} characters extracted)", doc_id)
    # trafilatura gives one line per paragraph; chronique's text separates paragraphs by a blank line
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip())
    dct, warnings = None, ()
    date = getattr(result, "date", None)
    if date:
        try:
            dct = normalize_date(date)
        except ValueError:
            warnings = (f"unusable publication date {date!r}: dct is null",)
    else:
        warnings = ("no publication date found in the page: dct is null",)
    return Document(
        id=doc_id,
        source=source,
        raw=text,
        text=text,
        dct=dct,
        title=getattr(result, "title", None),
        url=getattr(result, "url", None),
        warnings=warnings,
    )
