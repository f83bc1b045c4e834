"""The two step shapes a runner executes, and the Runner contract itself.

A DocStep (chronique.pipeline) maps one Document to one Document. A GroupStep sends every
item to one or more keys and reduces each key's items; dedup keys are LSH bands, story keys
are (entity, days) blocks. A Runner has two verbs, `map` and `group`: the local runner uses
processes and a dict, a distributed one (Ray) would use map_batches and groupby; the steps
are the same objects either way.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Protocol, runtime_checkable

from ..errors import DocumentError
from ..pipeline import Pipeline
from ..types import Document


@runtime_checkable
class GroupStep(Protocol):
    """keys(item) -> the keys an item belongs to; reduce(key, items) -> results for that key."""

    name: str

    def keys(self, item: Any) -> Iterable[Hashable]: ...

    def reduce(self, key: Hashable, items: list[Any]) -> Iterable[Any]: ...


# What a worker sends back for one input: the processed document and its corpus features
# (fingerprint, embedding), or the error that stopped it.
Result = tuple[Document, dict[str, Any]] | DocumentError


class Runner(Protocol):
    """Runs per-document work in parallel and corpus-level work by key."""

    def map(self, items: Iterable[Document | DocumentError], build: Callable[[], Pipeline]) -> Iterator[Result]: ...

    def group(self, step: GroupStep, items: Iterable[Any]) -> Iterator[Any]: ...
