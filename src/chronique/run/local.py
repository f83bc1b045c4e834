"""The local runner: worker processes for per-document steps, a dict for grouped steps.

Each worker builds its pipeline once in the pool initializer (models load once per worker).
At most a few chunks are in flight, so memory stays flat however long the input is; results
come back in input order.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import defaultdict, deque
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Hashable, Iterable, Iterator
from itertools import islice
from typing import Any

from ..errors import DocumentError
from ..pipeline import Pipeline
from ..types import Document
from .base import GroupStep, Result

# The pipeline and featurizer of *this worker process*, set by the pool initializer. It is
# per-process state by design: the model is loaded once per worker, never shared.
_WORKER: dict[str, Any] = {}


def _init_worker(build: Callable[[], Pipeline], embed: bool) -> None:
    from ..corpus.features import Featurizer

    # never raise here: a failing pool initializer is respawned forever
    try:
        _WORKER["pipeline"] = build()
    except Exception as exc:
        _WORKER["pipeline"] = exc
    _WORKER["features"] = Featurizer(embed=embed)


def process_chunk(docs: list[Document], pipeline: Pipeline, featurizer: Any) -> list[Result]:
    """Run the pipeline and the corpus features on a chunk; a failing document becomes its error."""
    done: list[Document] = []
    out: list[Result | None] = []
    for doc in docs:
        try:
            done.append(pipeline(doc))
            out.append(None)
        except DocumentError as err:
            out.append(err)
        except Exception as exc:  # a bug must not kill the run: record it against the document
            out.append(DocumentError(doc.source, "C010", f"pipeline failed: {exc!r}", doc.id))
    try:
        feats = featurizer.many(done)
    except Exception:  # one odd text must not cost the chunk: fall back to one by one
        feats = []
        for d in done:
            try:
                feats.append(featurizer(d))
            except Exception:
                feats.append(type(featurizer)(embed=False)(d))
    it = iter(zip(done, feats))
    return [next(it) if r is None else r for r in out]


def _work(docs: list[Document]) -> list[Result]:
    pipeline = _WORKER["pipeline"]
    if isinstance(pipeline, Exception):  # DocumentError pickles (errors.py __reduce__): it crosses the pipe as is
        return [DocumentError(d.source, "C010", f"pipeline could not be built: {pipeline!r}", d.id) for d in docs]
    return process_chunk(docs, pipeline, _WORKER["features"])


def _context() -> Any:
    """Workers start from a clean server process, never by forking this one: the store's
    DuckDB threads may hold a lock at fork time, and a forked child then hangs on it."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["chronique.run.local", "chronique.corpus.features"])
        return ctx
    return mp.get_context("spawn")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class LocalRunner:
    """Runs DocSteps in `workers` processes and GroupSteps with an in-memory dict.

    workers: worker processes (0 or 1: in this process, no pool)
    chunk: documents per task sent to a worker
    embed: compute story embeddings in the workers
    """

    def __init__(self, workers: int | None = None, chunk: int = 16, embed: bool = True):
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self.chunk = max(1, chunk)
        self.embed = embed

    def map(self, items: Iterable[Document | DocumentError], build: Callable[[], Pipeline]) -> Iterator[Result]:
        """Processed documents (with features) and errors, in input order.

        items: documents and reader errors (errors pass straight through)
        build: a picklable callable returning the Pipeline (a module-level function or a
            functools.partial of one); called once per worker
        """
        if self.workers <= 1:
            from ..corpus.features import Featurizer

            pipeline, feats = build(), Featurizer(embed=self.embed)
            for chunk in _chunks(items, self.chunk):
                yield from self._split(chunk, lambda docs: process_chunk(docs, pipeline, feats))
            return
        build()  # fail fast in this process on a bad step name or a missing module (building is cheap)
        ctx = _context()
        # an executor, not a Pool: a worker that dies raises BrokenProcessPool instead of hanging
        with ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(build, self.embed)) as pool:
            pending: deque = deque()
            limit = self.workers * 3  # bounded: a reader never runs far ahead of the workers
            for chunk in _chunks(items, self.chunk):
                errors = [x for x in chunk if isinstance(x, DocumentError)]
                docs = [x for x in chunk if not isinstance(x, DocumentError)]
                pending.append((errors, pool.submit(_work, docs) if docs else None))
                while len(pending) >= limit:
                    yield from self._pop(pending)
            while pending:
                yield from self._pop(pending)

    @staticmethod
    def _pop(pending: deque) -> Iterator[Result]:
        errors, res = pending.popleft()
        yield from errors
        if res is not None:
            yield from res.result()

    @staticmethod
    def _split(chunk: list[Any], work: Callable[[list[Document]], list[Result]]) -> Iterator[Result]:
        docs = [x for x in chunk if not isinstance(x, DocumentError)]
        yield from (x for x in chunk if isinstance(x, DocumentError))
        if docs:
            yield from work(docs)

    def group(self, step: GroupStep, items: Iterable[Any]) -> Iterator[Any]:
        """Every result of step.reduce, key by key."""
        buckets: dict[Hashable, list[Any]] = defaultdict(list)
        for item in items:
            for key in step.keys(item):
                buckets[key].append(item)
        for key, group in buckets.items():
            yield from step.reduce(key, group)
