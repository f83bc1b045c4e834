"""Story clustering on our labelled FR/EN set, the months-apart trap, and incremental assignment."""
from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from chronique.corpus import stories
from chronique.corpus.features import Featurizer, as_vector
from chronique.run.local import LocalRunner
from chronique.types import Document

DATA = Path(__file__).resolve().parents[1] / "data" / "stories" / "labelled.jsonl"


@pytest.fixture(scope="module")
def labelled() -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    feats = Featurizer().many([Document(id=r["id"], source=r["id"], raw=r["text"], text=r["text"]) for r in rows])
    for r, f in zip(rows, feats):
        r["embedding"] = f["embedding"]
    return rows


def _items(rows: list[dict], embed: bool = True) -> list[stories.Item]:

    return [stories.Item(r["id"], dt.date.fromisoformat(r["dct"]).toordinal(), stories.anchors(r["text"]),
                         as_vector(r["embedding"]) if embed else None) for r in rows]


def _pairs(assign: dict[str, str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in itertools.combinations(sorted(assign), 2) if assign[a] == assign[b]}


def test_stories_labelled_set_is_recovered(labelled):
    got = stories.cluster(_items(labelled), LocalRunner(0))
    gold = {r["id"]: r["story"] for r in labelled}
    assert _pairs(got) == _pairs(gold)


def test_stories_same_topic_months_apart_are_different_stories(labelled):
    got = stories.cluster(_items(labelled), LocalRunner(0))
    by_story = {r["story"]: got[r["id"]] for r in labelled}
    assert len({by_story["rate-jul"], by_story["rate-sep"], by_story["rate-oct"]}) == 3


def test_stories_fr_en_pair_joins_across_languages(labelled):
    got = stories.cluster(_items(labelled), LocalRunner(0))
    fr_en = [r["id"] for r in labelled if r["story"] == "airbus-order"]
    langs = {r["lang"] for r in labelled if r["story"] == "airbus-order"}
    assert langs == {"fr", "en"} and got[fr_en[0]] == got[fr_en[1]]


def test_stories_new_articles_join_stored_stories(labelled):
    items = _items(labelled)
    first = [i for i in items if i.doc_id not in ("st02", "st10")]
    stored = stories.cluster(first, LocalRunner(0))
    later = stories.cluster(items, LocalRunner(0), existing=stored)
    assert all(later[d] == s for d, s in stored.items())  # nothing stored moves
    assert later["st02"] == stored["st00"] and later["st10"] == stored["st09"]


def test_stories_window_blocks_even_identical_text():
    vec = None
    a = stories.Item("a", 738000, frozenset({"lagarde", "bce"}), vec)
    b = stories.Item("b", 738000 + stories.WINDOW_DAYS + 1, frozenset({"lagarde", "bce"}), vec)
    c = stories.Item("c", 738000 + stories.WINDOW_DAYS, frozenset({"lagarde", "bce"}), vec)
    far = stories.cluster([a, b], LocalRunner(0))
    near = stories.cluster([a, c], LocalRunner(0))
    assert far["a"] != far["b"] and near["a"] == near["c"]
