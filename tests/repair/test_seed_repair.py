"""The seed article: its pasted-again body goes, everything else stays as written."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronique.repair import RepairStep, apply_edits, to_raw
from chronique.types import Document, content_id


def read_seed(path: Path) -> str:
    """The raw text after the date line prefix (` date 2021-10 `), as the reader will give it."""
    text = path.read_text(encoding="utf-8")
    m = re.match(r" ?date (\d{4}-\d{2}(?:-\d{2})?(?:T\d{2}:\d{2})?) ", text)
    assert m, "the seed starts with its date line"
    return text[m.end():]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> tuple[str, Document]:
    raw = read_seed(seed_path)
    doc = Document(id=content_id(raw.encode()), source=str(seed_path), raw=raw)
    return raw, RepairStep()(doc)


def paragraphs(raw: str) -> list[str]:
    """The lede and the four paragraphs as written in the first occurrence."""
    return [p for p in raw.split("\n\n")][:5]


def test_seed_repair_text_is_lede_and_four_paragraphs_once(seed):
    raw, doc = seed
    expected = paragraphs(raw)
    assert len(expected) == 5 and expected[0].startswith("Le fabricant chinois")
    assert doc.text == "\n\n".join(expected)
    for p in expected:
        assert doc.text.count(p) == 1


def test_seed_repair_log_shows_the_removed_second_copy(seed):
    raw, doc = seed
    repeats = [e for e in doc.edits if e.kind == "repeat"]
    assert len(repeats) == 1
    (e,) = repeats
    removed = raw[e.raw_start:e.raw_end]
    assert e.replacement == ""
    assert "contrôlé.Il y a" in removed and "existant.Immédiatement" in removed
    assert removed.strip().startswith("Le CEO de Xiaomi") and removed.rstrip().endswith("12 mai.")
    assert "repeated passage" in e.reason
    # nothing else was changed: every other edit is layout only
    assert all(x.kind == "whitespace" for x in doc.edits if x is not e)
    assert apply_edits(raw, doc.edits) == doc.text


def test_seed_repair_facts_trace_back_to_raw(seed):
    raw, doc = seed
    start = doc.text.index("5,4%")
    s, t = to_raw(doc.edits, start, start + 4)
    assert raw[s:t] == "5,4%"
    assert s == raw.index("5,4%")  # the first occurrence, not the removed copy
