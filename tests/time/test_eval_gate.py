"""Eval gate: the tagger's scores on the held-out test sets must not drop below their floors.

Floors live in benchmarks/baselines/time.json (measured score minus 0.5 point). When a change
is meant to move them, rerun `.venv/bin/python -m benchmarks.time --update-baseline`.
"""
from __future__ import annotations

import json

import pytest

from benchmarks.time import BASELINE, CORPORA, GATED, TEST_SETS, measure_chronique


def floors() -> dict[str, dict[str, float]]:
    return json.loads(BASELINE.read_text(encoding="utf-8"))["floors"]


def test_eval_gate_baseline_covers_both_test_sets():
    data = floors()
    assert set(data) == set(TEST_SETS)
    for corpus in TEST_SETS:
        assert set(data[corpus]) == set(GATED)
        assert all(0 < v <= 100 for v in data[corpus].values())


@pytest.mark.parametrize("name", TEST_SETS)
def test_eval_gate_scores_stay_above_floor(shared, name):
    corpus = next(c for c in CORPORA if c.name == name)
    got = measure_chronique(corpus)
    assert got["gold"] > 0
    low = {k: (round(got[k], 2), floor) for k, floor in floors()[name].items() if got[k] < floor}
    assert not low, f"{name}: score below its floor (got, floor): {low}"
