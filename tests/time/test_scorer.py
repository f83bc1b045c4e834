"""TempEval-3 scoring on hand-built cases."""
from __future__ import annotations

import pytest

from chronique.time.scorer import match, score
from chronique.time.timeml import TimemlDoc
from chronique.types import Timex

TEXT = "On 12 May 2021 and for two years since last week, every day at noon."


def tx(text: str, value: str, type_: str = "DATE", id_: str = "", within: str = TEXT) -> Timex:
    start = within.index(text)
    return Timex(id_ or text, start, start + len(text), text, type_, value)


def run(gold, system, dct_spans=()):
    doc = TimemlDoc("d.tml", "2021-10-15", TEXT, tuple(gold), tuple(dct_spans))
    return score([doc], {"d.tml": system})


def test_scorer_exact_match_is_perfect():
    g = [tx("12 May 2021", "2021-05-12"), tx("two years", "P2Y", "DURATION")]
    s = run(g, list(g)).summary()
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "value_acc"):
        assert s[key] == pytest.approx(100.0)


def test_scorer_overlap_is_relaxed_not_strict():
    g = [tx("12 May 2021", "2021-05-12")]
    s = run(g, [tx("May 2021", "2021-05-12")]).summary()
    assert s["relaxed_f1"] == pytest.approx(100.0)
    assert s["strict_f1"] == 0.0
    assert s["value_f1"] == pytest.approx(100.0)


def test_scorer_matching_is_one_to_one():
    g = [tx("12 May 2021", "2021-05-12")]
    sys_ = [tx("12 May", "XXXX-05-12"), tx("May 2021", "2021-05")]
    report = run(g, sys_)
    s = report.summary()
    assert (s["gold"], s["system"]) == (1, 2)
    assert s["relaxed_p"] == pytest.approx(50.0) and s["relaxed_r"] == pytest.approx(100.0)
    assert sorted(e["kind"] for e in report.errors) == ["false_alarm", "wrong_value"]


def test_scorer_match_prefers_exact_extent_then_larger_overlap():
    g = [tx("two years", "P2Y", "DURATION")]
    s = [tx("for two", "X"), tx("two years", "P2Y", "DURATION"), tx("two years since", "Y")]
    assert match(g, s) == [(0, 1)]
    assert match(g, [s[0], s[2]]) == [(0, 1)]


def test_scorer_value_f1_is_correct_values_over_system_and_gold():
    # TE3: value P = correct values / system timexes, R = correct values / gold timexes.
    g = [tx("12 May 2021", "2021-05-12"), tx("last week", "2021-W40"), tx("every day", "P1D", "SET")]
    sys_ = [tx("12 May 2021", "2021-05-12"), tx("last week", "2021-W41"), tx("noon", "T12:00", "TIME")]
    report = run(g, sys_)
    s = report.summary()
    assert s["relaxed_p"] == pytest.approx(200 / 3) and s["relaxed_r"] == pytest.approx(200 / 3)
    assert s["value_p"] == pytest.approx(100 / 3) and s["value_r"] == pytest.approx(100 / 3)
    assert s["value_acc"] == pytest.approx(50.0)
    assert s["value_f1"] == pytest.approx(s["value_acc"] * s["relaxed_f1"] / 100)
    wrong = [e for e in report.errors if e["kind"] == "wrong_value"]
    assert wrong == [
        {
            "kind": "wrong_value", "doc": "d.tml", "start": TEXT.index("last week"), "end": TEXT.index("last week") + 9,
            "text": "last week", "gold_type": "DATE", "gold_value": "2021-W40", "gold_mod": None,
            "sys_text": "last week", "sys_type": "DATE", "sys_value": "2021-W41", "sys_mod": None, "rule": "",
        }
    ]
    assert {e["kind"] for e in report.errors} == {"wrong_value", "miss", "false_alarm"}


def test_scorer_type_f1_and_per_type_table():
    g = [tx("two years", "P2Y", "DURATION"), tx("every day", "P1D", "SET")]
    sys_ = [tx("two years", "P2Y", "DATE"), tx("every day", "P1D", "SET")]
    s = run(g, sys_).summary()
    assert s["type_f1"] == pytest.approx(50.0) and s["value_f1"] == pytest.approx(100.0)
    assert s["by_type"]["DURATION"]["relaxed_r"] == pytest.approx(100.0)
    assert s["by_type"]["DURATION"]["system"] == 0
    assert s["by_type"]["DATE"]["relaxed_p"] == pytest.approx(100.0) and s["by_type"]["DATE"]["gold"] == 0
    assert s["by_type"]["SET"]["relaxed_f1"] == pytest.approx(100.0)


def test_scorer_excludes_timexes_on_the_dct():
    g = [tx("two years", "P2Y", "DURATION")]
    dct = tx("12 May 2021", "2021-05-12")
    s = run(g, [dct, *g], dct_spans=[(dct.start, dct.end)]).summary()
    assert s["system"] == 1 and s["relaxed_p"] == pytest.approx(100.0)


def test_scorer_missing_document_counts_as_misses():
    doc = TimemlDoc("d.tml", None, TEXT, (tx("two years", "P2Y", "DURATION"),))
    report = score([doc], {})
    assert report.missing == ["d.tml"] and report.summary()["relaxed_r"] == 0.0
    assert [e["kind"] for e in report.errors] == ["miss"]
