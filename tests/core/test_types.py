"""The document model: frozen, JSON round-trip, content ids."""
from __future__ import annotations

import dataclasses
import json

import pytest

from chronique.types import Claim, Document, Edit, Entity, Figure, Timex, content_id


def _full_doc() -> Document:
    return Document(
        id=content_id(b"raw bytes"),
        source="a.txt",
        raw="Xiaomi investit 10 milliards.",
        text="Xiaomi investit 10 milliards.",
        dct="2021-10",
        lang="fr",
        edits=(Edit("glue", 5, 6, 5, 5, " ", "glued sentence boundary"),),
        timexes=(Timex("t1", 0, 4, "2024", "DATE", "2024", interval=("2024-01-01", "2025-01-01"), anchor=None, rule="year"),),
        entities=(Entity("e1", 0, 6, "Xiaomi", "ORG", "xiaomi"),),
        figures=(Figure(16, 28, "10 milliards", "money", "10000000000", sentence=(0, 29)),),
        claims=(
            Claim("c1", 0, 29, "Xiaomi investit 10 milliards.", {"key": "xiaomi", "name": "Xiaomi"}, "investir",
                  {"value": "P10Y", "mod": None, "interval": None, "timex": "t1"}, "plan",
                  figures=({"kind": "money", "value": "10000000000"},)),
        ),
        warnings=("w",),
    )


def test_types_json_round_trip_is_exact():
    doc = _full_doc()
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert again == doc


def test_types_are_frozen():
    doc = _full_doc()
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]
    assert doc.replace(text="x").text == "x" and doc.text != "x"


def test_types_content_id_is_stable_and_discriminating():
    assert content_id(b"abc") == content_id(b"abc") != content_id(b"abd")
    assert len(content_id(b"abc")) == 16
