"""Steps and the pipeline that chains them.

A DocStep maps one Document to one Document and knows nothing about who runs it; heavy
resources (models, compiled grammars) load lazily on first call and live on the step.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, runtime_checkable

from .errors import ChroniqueError, DocumentError
from .types import Document


@runtime_checkable
class DocStep(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


class Pipeline:
    """An ordered list of DocSteps; calling it runs them in order on one document."""

    def __init__(self, steps: Iterable[DocStep]):
        self.steps = list(steps)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.steps]

    def __call__(self, doc: Document) -> Document:
        for step in self.steps:
            try:
                doc = step(doc)
            except ChroniqueError:
                raise
            except Exception as exc:  # a bug or a pathological input: name the document, go on
                raise DocumentError(doc.source, "C010", f"step {step.name!r} failed: {exc!r}", doc.id) from exc
        return doc

    def run(self, items: Iterable[Document | DocumentError]) -> Iterator[Document | DocumentError]:
        """Run every document; errors (from readers or steps) pass through in order."""
        for item in items:
            if isinstance(item, DocumentError):
                yield item
                continue
            try:
                yield self(item)
            except DocumentError as err:
                yield err


def step(name: str) -> Callable[[Callable[[Document], Document]], DocStep]:
    """Wrap a plain function as a named DocStep."""

    def wrap(fn: Callable[[Document], Document]) -> DocStep:
        fn.name = name  # type: ignore[attr-defined]
        return fn  # type: ignore[return-value]

    return wrap
