"""Helpers the claim tests share: run the time and facts steps on a snippet, and read its claims back."""
from __future__ import annotations

from chronique.time import TimexStep
from chronique.types import Document


def facts(step, text: str, lang: str, dct: str) -> Document:
    """`text` dated `dct` through the time tagger and the facts step `step`."""
    doc = Document(id="d", source="t", raw=text, text=text, dct=dct, lang=lang)
    return step(TimexStep()(doc))


def claims(doc: Document) -> list[tuple]:
    """(subject key, predicate, target value, modality) of each claim."""
    return [(c.subject["key"], c.predicate, c.target["value"] if c.target else None, c.modality) for c in doc.claims]


def sources(step, text: str, lang: str, dct: str, field: str = "key") -> dict[str, str | None]:
    """predicate -> the claim source's `field` ("key", "who" or "via")."""
    return {c.predicate: (c.source or {}).get(field) for c in facts(step, text, lang, dct).claims}
