"""Stories: articles that report the same news in the same days, in any language.

Two stages. A GroupStep blocks articles by (anchor, time bucket), anchors being entity keys
and mid-sentence capitalised words (names survive translation), and scores each pair inside
the time window. Then articles are taken in date order and each joins the story of its best
earlier partner above the threshold, or starts a story: incremental, so new articles join
the stories already stored. Pairs farther apart than WINDOW_DAYS never link, which keeps
two events on one topic months apart in two stories.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import numpy as np

from ..types import content_id

WINDOW_DAYS = 3
THRESHOLD = 0.45        # tuned on tests/data/stories/labelled.jsonl: pair F1 1.0 on 0.40-0.50
EMB_WEIGHT = 0.6        # share of the embedding cosine in the score; anchor overlap gets the rest
MAX_BLOCK = 400         # an anchor shared by more articles in one bucket is too generic to block on
MIN_ANCHORS = 3         # overlap is shared / max(smaller set, this): one shared name is weak evidence
COMMON_SHARE = 0.02     # anchors in more than this share of a large corpus ("Reuter", weekdays) are noise

# A capitalised word that does not open a sentence: a name in any Latin-script language.
_CAP = re.compile(r"(?<![.!?»\"]\s)(?<!\n)(?<!^)\b([A-Z][\w'-]{2,}|[A-Z]{2,})", re.UNICODE)


def fold(s: str) -> str:
    """Casefolded, accents stripped: the join key of names across languages."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).strip()


def anchors(text: str, entity_keys: Iterable[str] = ()) -> frozenset[str]:
    """Entity keys plus capitalised mid-sentence words of the text's first 1,500 characters."""
    found = {fold(k) for k in entity_keys if k}
    found |= {fold(m) for m in _CAP.findall(text[:1500])}
    return frozenset(x for x in found if len(x) > 1)


@dataclass(frozen=True, slots=True)
class Item:
    """What story clustering needs of one document."""

    doc_id: str
    day: int                        # proleptic ordinal of the dct's first day
    anchors: frozenset[str]
    embedding: np.ndarray | None    # L2-normalised, or None

    @property
    def order(self) -> tuple:
        return (self.day, self.doc_id)


@dataclass(frozen=True, slots=True)
class Link:
    a: str
    b: str
    score: float


def score(a: Item, b: Item, emb_weight: float = EMB_WEIGHT) -> float:
    """Similarity in [0, 1]: anchor overlap blended with the embedding cosine when both exist."""
    if a.anchors and b.anchors:
        overlap = len(a.anchors & b.anchors) / max(min(len(a.anchors), len(b.anchors)), MIN_ANCHORS)
    else:
        overlap = 0.0
    if a.embedding is None or b.embedding is None:
        return overlap
    cos = float(np.dot(a.embedding, b.embedding))
    return emb_weight * max(cos, 0.0) + (1 - emb_weight) * overlap


class PairStep:
    """GroupStep: block by (anchor, bucket of WINDOW_DAYS days), score pairs within the window.

    window: days between two reports of one story, at most
    emb_weight: see score()
    """

    name = "story-pairs"

    def __init__(self, window: int = WINDOW_DAYS, emb_weight: float = EMB_WEIGHT, threshold: float = THRESHOLD):
        self.window = window
        self.emb_weight = emb_weight
        self.threshold = threshold

    def keys(self, item: Item) -> Iterable[Hashable]:
        bucket = item.day // (self.window + 1)
        # an item also enters the previous bucket, so any two items <= window days apart meet once
        return [(a, b) for a in item.anchors for b in (bucket, bucket - 1)]

    def reduce(self, key: Hashable, items: list[Item]) -> Iterable[Link]:
        if len(items) < 2 or len(items) > MAX_BLOCK:
            return
        items = sorted(items, key=lambda i: i.order)
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if b.day - a.day > self.window:
                    break
                s = score(a, b, self.emb_weight)
                if s >= self.threshold:
                    yield Link(a.doc_id, b.doc_id, round(s, 4))


def assign(items: list[Item], links: Iterable[Link], existing: dict[str, str]) -> dict[str, str]:
    """doc id -> story id for every item, keeping the stories already assigned.

    items: every item links may point at (new and stored)
    links: scored pairs from PairStep (any order, repeats allowed)
    existing: doc id -> story id stored by earlier runs
    """
    best: dict[str, dict[str, float]] = {}
    for link in links:
        best.setdefault(link.a, {})[link.b] = max(link.score, best.get(link.a, {}).get(link.b, 0.0))
        best.setdefault(link.b, {})[link.a] = max(link.score, best.get(link.b, {}).get(link.a, 0.0))
    story = dict(existing)
    order = {i.doc_id: i.order for i in items}
    for item in sorted(items, key=lambda i: i.order):
        if item.doc_id in story:
            continue
        partners = [(s, order[d], d) for d, s in best.get(item.doc_id, {}).items()
                    if d in story and d in order]
        if partners:
            _, _, partner = min(partners, key=lambda p: (-p[0], p[1]))  # best score, then earliest
            story[item.doc_id] = story[partner]
        else:
            story[item.doc_id] = content_id(item.doc_id.encode(), "s")
    return story


def cluster(items: list[Item], runner, existing: dict[str, str] | None = None,
            step: PairStep | None = None) -> dict[str, str]:
    """Story id of every item (see assign); runner is anything with `group(step, items)`."""
    step = step or PairStep()
    df = Counter(a for i in items for a in i.anchors)
    limit = max(50, COMMON_SHARE * len(items))
    common = {a for a, n in df.items() if n > limit}
    if common:
        items = [dataclasses.replace(i, anchors=i.anchors - common) for i in items]
    return assign(items, runner.group(step, items), existing or {})
