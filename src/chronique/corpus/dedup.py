"""Exact and near-duplicate articles: every copy links to its original (the earliest report).

Two GroupSteps feed one union-find: exact copies share a normalised text hash; near copies
share an LSH band of their MinHash signature and are then checked (signature estimate, and
the exact shingle Jaccard when texts are at hand).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

from . import fingerprint as fp

THRESHOLD = 0.8
NUM_BANDS, ROWS = 32, 4  # 128 = 32 x 4: recall stays > 0.99 at Jaccard 0.8; checks cut the rest
MAX_PAIRS_BUCKET = 60    # above this many items, a bucket links each item to its first (a star)


@dataclass(frozen=True, slots=True)
class Print:
    """What dedup needs of one document."""

    doc_id: str
    order: tuple  # sort key for "earliest": (dct date or '9999', source, id)
    text_hash: str
    minhash: tuple[int, ...] | None


@dataclass(frozen=True, slots=True)
class Pair:
    original: str
    copy: str
    kind: str  # exact | near
    similarity: float


def _pairs(items: list[Print]) -> Iterable[tuple[Print, Print]]:
    items = sorted(items, key=lambda p: p.order)
    if len(items) > MAX_PAIRS_BUCKET:
        return ((items[0], b) for b in items[1:])
    return ((a, b) for i, a in enumerate(items) for b in items[i + 1:])


class ExactStep:
    """Group by normalised text hash."""

    name = "dedup-exact"

    def keys(self, item: Print) -> Iterable[Hashable]:
        return (item.text_hash,)

    def reduce(self, key: Hashable, items: list[Print]) -> Iterable[Pair]:
        items = sorted(items, key=lambda p: p.order)
        return (Pair(items[0].doc_id, p.doc_id, "exact", 1.0) for p in items[1:])


class NearStep:
    """Group by LSH band; keep pairs whose signature estimate clears the threshold.

    threshold: Jaccard of word 5-shingles above which two texts are copies
    margin: how far below the threshold an estimate may fall and still be checked exactly
    """

    name = "dedup-near"

    def __init__(self, threshold: float = THRESHOLD, margin: float = 0.1):
        self.threshold = threshold
        self.margin = margin

    def keys(self, item: Print) -> Iterable[Hashable]:
        if not item.minhash:
            return ()
        return fp.bands(item.minhash, NUM_BANDS, ROWS)

    def reduce(self, key: Hashable, items: list[Print]) -> Iterable[Pair]:
        for a, b in _pairs(items):
            if a.text_hash == b.text_hash:
                continue  # the exact step has it
            est = fp.estimate(a.minhash, b.minhash)
            if est >= self.threshold - self.margin:
                yield Pair(a.doc_id, b.doc_id, "near", est)


def verify(pairs: Iterable[Pair], text_of: Callable[[str], str] | None, threshold: float = THRESHOLD) -> list[Pair]:
    """Unique near pairs checked with the exact shingle Jaccard (or the estimate when no texts)."""
    seen: dict[tuple[str, str], Pair] = {}
    for p in pairs:
        seen.setdefault((p.original, p.copy), p)
    cache: dict[str, set[str]] = {}

    def sh(doc_id: str) -> set[str]:
        if doc_id not in cache:
            cache[doc_id] = fp.shingles(text_of(doc_id))
        return cache[doc_id]

    out = []
    for p in seen.values():
        if p.kind == "exact":
            out.append(p)
            continue
        sim = fp.jaccard(sh(p.original), sh(p.copy)) if text_of else p.similarity
        if sim >= threshold:
            out.append(Pair(p.original, p.copy, p.kind, round(sim, 4)))
    return out


def link(prints: Iterable[Print], pairs: Iterable[Pair]) -> list[Pair]:
    """One Pair per copy, pointing at the earliest document of its connected group."""
    order = {p.doc_id: p.order for p in prints}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    best: dict[tuple[str, str], Pair] = {}
    for p in pairs:
        ra, rb = find(p.original), find(p.copy)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=lambda d: order.get(d, ("9999", d)))
            parent[drop] = keep
        best[(p.original, p.copy)] = p
    out = []
    kinds: dict[str, Pair] = {}
    for p in best.values():  # the strongest evidence names the copy's kind and similarity
        for d in (p.original, p.copy):
            old = kinds.get(d)
            if old is None or (p.kind == "exact", p.similarity) > (old.kind == "exact", old.similarity):
                kinds[d] = p
    for d in sorted(parent):
        root = find(d)
        if root != d:
            k = kinds[d]
            out.append(Pair(root, d, k.kind, k.similarity))
    return out


def find_duplicates(prints: list[Print], runner, text_of: Callable[[str], str] | None = None,
                    threshold: float = THRESHOLD) -> list[Pair]:
    """Every copy with its original.

    prints: one Print per document
    runner: anything with `group(step, items)` (run.local.LocalRunner)
    text_of: doc id -> text, for the exact check of near pairs (None: trust the estimate)
    """
    exact = list(runner.group(ExactStep(), prints))
    near = verify(runner.group(NearStep(threshold), prints), text_of, threshold)
    return link(prints, exact + near)
