"""Reuters-21578 SGML (`reut2-NNN.sgm`) to Documents: body as text, <DATE> as the dct.

The files are Latin-1 SGML with character references and no root element, so a small
regex reader is enough; a story with no <BODY> (a brief) keeps its title as text.
"""
from __future__ import annotations

import datetime as _dt
import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DocumentError
from ..types import Document, content_id

_STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
_NEWID = re.compile(r'NEWID="(\d+)"')
_DATE = re.compile(r"<DATE>\s*([^<]+?)\s*</DATE>")
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TEXT = re.compile(r"<TEXT[^>]*>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(s: str) -> str:
    return _CONTROL.sub("", html.unescape(s)).strip()


_WHEN = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})(?:\s+(\d{1,2}):(\d{2}))?")
_MONTHS = {m: i for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}


def parse_date(value: str) -> str | None:
    """'26-FEB-1987 15:01:01.79' -> '1987-02-26T15:01' (None when unreadable)."""
    m = _WHEN.search(value)
    if not m or m.group(2).upper() not in _MONTHS:
        return None
    try:
        day = _dt.date(int(m.group(3)), _MONTHS[m.group(2).upper()], int(m.group(1)))
    except ValueError:
        return None
    if m.group(4) is None:
        return day.isoformat()
    return f"{day.isoformat()}T{int(m.group(4)):02d}:{m.group(5)}"


def body(story: str) -> str:
    """The <BODY> text, or the whole <TEXT> without tags for briefs and unprocessed stories."""
    m = _BODY.search(story)
    if m:
        return _clean(m.group(1))
    m = _TEXT.search(story)
    return _clean(_TAG.sub(" ", m.group(1))) if m else ""


def read_sgml(path: str | Path) -> Iterator[Document | DocumentError]:
    """Every story of one .sgm file, in file order."""
    path = str(path)
    try:
        data = Path(path).read_bytes().decode("latin-1")
    except OSError as exc:
        yield DocumentError(path, "C001", f"cannot read: {exc.strerror or exc}")
        return
    for m in _STORY.finditer(data):
        attrs, story = m.group(1), m.group(2)
        newid = _NEWID.search(attrs)
        source = f"{path}#{newid.group(1) if newid else m.start()}"
        doc_id = content_id(m.group(0).encode("utf-8"))
        date = _DATE.search(story)
        title = _TITLE.search(story)
        text = body(story)
        title_text = _clean(title.group(1)) if title else None
        if not text:
            text = title_text or ""
        if not text:
            yield DocumentError(source, "C002", "story has neither body nor title", doc_id)
            continue
        yield Document(id=doc_id, source=source, raw=text, text=text, title=title_text, lang="en",
                       dct=parse_date(date.group(1)) if date else None)


def read_reuters(paths: Iterable[str | Path], limit: int | None = None) -> Iterator[Document | DocumentError]:
    """Stories from several files, at most `limit` documents."""
    n = 0
    for path in paths:
        for item in read_sgml(path):
            if limit is not None and n >= limit:
                return
            yield item
            n += 1
