"""Ingest: reader items -> runner.map (pipeline + features) -> store, one transaction per batch.

Ids already stored are dropped before any work, so a re-run after a crash only processes
what is missing, and a re-run of the same input changes nothing. The corpus-level pass
(duplicates, stories, claim chains) runs once at the end, over the whole store.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from ..errors import DocumentError
from ..pipeline import Pipeline
from ..store import Store
from ..types import Document
from .base import Runner


@dataclass(slots=True)
class Stats:
    """Counters of one ingest run."""

    read: int = 0
    skipped: int = 0      # already in the store
    stored: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        return (self.stored + self.errors) / max(time.monotonic() - self.started, 1e-9)


def _fresh(items: Iterable[Document | DocumentError], store: Store, stats: Stats, window: int) -> Iterator[Any]:
    """Items minus the documents whose id is already stored (checked `window` at a time)."""
    it = iter(items)
    while chunk := list(islice(it, window)):
        stats.read += len(chunk)
        present = store.existing_ids([x.id for x in chunk if isinstance(x, Document)])
        for x in chunk:
            if isinstance(x, Document) and x.id in present:
                stats.skipped += 1
            else:
                yield x


def ingest(
    items: Iterable[Document | DocumentError],
    store: Store,
    runner: Runner,
    build: Callable[[], Pipeline],
    batch: int = 200,
    progress: Callable[[Stats], None] | None = None,
    refresh: bool = True,
) -> Stats:
    """Process and store every item; returns the counters.

    items: documents and reader errors, e.g. chronique.io.read_paths(paths)
    store: the open Store (this process is its only writer)
    runner: LocalRunner or any Runner
    build: picklable callable returning the per-document Pipeline
    batch: documents committed per transaction
    progress: called after every commit with the running counters
    refresh: recompute duplicates, stories and chains at the end
    """
    stats = Stats()
    docs: list[tuple[Document, dict]] = []
    errors: list[DocumentError] = []

    def commit() -> None:
        stats.stored += store.write_batch(docs, errors)
        stats.errors += len(errors)
        docs.clear()
        errors.clear()
        if progress:
            progress(stats)

    for result in runner.map(_fresh(items, store, stats, max(batch, 64)), build):
        if isinstance(result, DocumentError):
            errors.append(result)
        else:
            docs.append(result)
        if len(docs) + len(errors) >= batch:
            commit()
    if docs or errors:
        commit()
    if refresh:
        from ..corpus.update import refresh as corpus_refresh

        corpus_refresh(store, runner)
    return stats
