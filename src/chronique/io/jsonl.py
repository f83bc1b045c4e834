"""JSONL: one article per line; which keys hold text, date, title, url and id can be set."""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import DocumentError
from ..types import Document, content_id
from .dates import normalize_date


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Candidate keys, first present wins."""

    text: tuple[str, ...] = ("text", "body", "content")
    date: tuple[str, ...] = ("date", "published", "published_at", "dct")
    title: tuple[str, ...] = ("title", "headline")
    url: tuple[str, ...] = ("url", "link")
    id: tuple[str, ...] = ("id",)

    @classmethod
    def parse(cls, spec: str | None) -> "FieldMap":
        """From 'text=article,date=pubdate' (each key replaces that field's candidates)."""
        if not spec:
            return cls()
        changes = {}
        for part in spec.split(","):
            name, _, keys = part.partition("=")
            name = name.strip()
            if name not in cls.__dataclass_fields__ or not keys:
                raise ValueError(f"bad field mapping {part!r}: use text=KEY,date=KEY,title=KEY,url=KEY,id=KEY")
            changes[name] = tuple(k.strip() for k in keys.split("|"))
        return cls(**{**{f: getattr(cls(), f) for f in cls.__dataclass_fields__}, **changes})


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def read_jsonl(data: bytes, source: str, fields: FieldMap = FieldMap()) -> Iterator[Document | DocumentError]:
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        doc_id = content_id(line)
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield DocumentError(where, "C007", f"malformed JSON: {exc}", doc_id)
            continue
        if not isinstance(record, dict):
            yield DocumentError(where, "C007", "a JSONL line must hold an object", doc_id)
            continue
        text = _first(record, fields.text)
        if not isinstance(text, str) or not text.strip():
            yield DocumentError(where, "C008", f"no text in any of the keys {', '.join(fields.text)}", doc_id)
            continue
        date = _first(record, fields.date)
        warnings: tuple[str, ...] = ()
        dct = None
        if date is None:
            warnings = ("no date field: dct is null, relative dates stay unanchored",)
        else:
            try:
                dct = normalize_date(str(date))
            except ValueError as exc:
                yield DocumentError(where, "C006", f"malformed date: {exc}", doc_id)
                continue
        given_id = _first(record, fields.id)
        yield Document(
            id=doc_id,
            source=f"{source}#{given_id}" if given_id is not None else where,
            raw=text,
            text=text,
            dct=dct,
            title=_first(record, fields.title),
            url=_first(record, fields.url),
            warnings=warnings,
        )
