"""Anchoring underspecified values against the DCT or the previous timex (no language)."""
from __future__ import annotations

import re

import pytest

from chronique.time.anchor import resolve
from chronique.time.grammar import Rule
from chronique.time.tagger import Match

RULE = Rule("hand", re.compile("x"), {}, (), 0)


def one(fields: dict[str, str], dct: str | None, tense: str | None = None):
    timexes = resolve([Match(0, 1, RULE, fields, tense)], "x", dct)
    assert len(timexes) == 1
    return timexes[0]


def test_anchor_shift_from_dct():
    t = one({"type": "DATE", "unit": "month", "shift": "-6", "mod": "APPROX"}, "2021-10")
    assert (t.value, t.mod, t.anchor, t.interval) == ("2021-04", "APPROX", "dct", ("2021-04-01", "2021-05-01"))


@pytest.mark.parametrize("unit,shift,dct,value", [
    ("day", "-1", "1998-01-14", "1998-01-13"),
    ("week", "0", "1990-08-16", "1990-W33"),
    ("year", "1", "1989-10-26", "1990"),
    ("quarter", "-1", "1989-10-26", "1989-Q3"),
    ("decade", "-1", "1999-05-20", "198"),
])
def test_anchor_units(unit, shift, dct, value):
    assert one({"type": "DATE", "unit": unit, "shift": shift}, dct).value == value


@pytest.mark.parametrize("dir_,tense,value", [
    ("past", None, "2021-08"),        # "août dernier" in October
    ("future", None, "2022-08"),      # "August next"
    ("tense", None, "2021-08"),       # nearest August to October 2021
    ("tense", "future", "2021-08"),   # two months back beats ten ahead even against the tense
])
def test_anchor_year_direction(dir_, tense, value):
    assert one({"type": "DATE", "value": "XXXX-08", "dir": dir_}, "2021-10-15", tense).value == value


def test_anchor_nearest_month_day_crosses_year():
    # "Jan. 14" written on 2000-01-06 is next week, not last year
    assert one({"type": "DATE", "value": "XXXX-01-14", "dir": "tense"}, "2000-01-06").value == "2000-01-14"
    assert one({"type": "DATE", "value": "XXXX-12-01", "dir": "tense"}, "1989-11-20").value == "1989-12-01"


@pytest.mark.parametrize("dir_,tense,value", [
    ("tense", "past", "1990-08-14"),    # "Tuesday" in a report written on Wednesday
    ("tense", "future", "1990-08-17"),  # "will meet Friday"
    ("past", None, "1990-08-08"),       # "last Wednesday" said on a Wednesday
    ("future", None, "1990-08-22"),
])
def test_anchor_weekday(dir_, tense, value):
    day = {"1990-08-14": "2", "1990-08-17": "5"}.get(value, "3")
    assert one({"type": "DATE", "value": f"XXXX-WXX-{day}", "dir": dir_}, "1990-08-15", tense).value == value


def test_anchor_previous_timex():
    text = "x y"
    rule = RULE
    matches = [
        Match(0, 1, rule, {"type": "DATE", "value": "1989-Q3"}, None),
        Match(2, 3, rule, {"type": "DATE", "unit": "year", "shift": "-1", "ref": "prev", "gran": "ref"}, None),
    ]
    first, second = resolve(matches, text, "1989-10-26")
    assert first.anchor is None and (second.value, second.anchor) == ("1988-Q3", "t1")


def test_anchor_clock_time_takes_last_day():
    matches = [
        Match(0, 1, RULE, {"type": "DATE", "value": "1999-05-23"}, None),
        Match(1, 2, RULE, {"type": "DATE", "value": "1999-SP"}, None),
        Match(2, 3, RULE, {"type": "TIME", "time": "22:00", "ref": "prev"}, None),
    ]
    assert resolve(matches, "xyz", "1999-05-18")[2].value == "1999-05-23T22:00"


def test_anchor_without_dct_keeps_x():
    t = one({"type": "DATE", "value": "XXXX-05-12", "dir": "tense"}, None)
    assert (t.value, t.anchor, t.interval) == ("XXXX-05-12", None, None)
    t = one({"type": "DATE", "unit": "day", "shift": "-1"}, None)
    assert (t.value, t.interval) == ("XXXX-XX-XX", None)


def test_anchor_refs_durations_sets():
    assert one({"type": "DATE", "value": "PAST_REF"}, "2021-10").anchor == "dct"
    d = one({"type": "DURATION", "value": "P2TH"}, "2021-10")
    assert (d.value, d.interval) == ("PT2H", None)
    s = one({"type": "SET", "value": "XXXX-WXX-1", "quant": "EVERY"}, "2021-10-15")
    assert (s.value, s.quant, s.interval) == ("XXXX-WXX-1", "EVERY", None)


def test_anchor_vague_shift():
    assert one({"type": "DATE", "unit": "year", "shift": "-X"}, "1998-01-01").value == "PAST_REF"


def test_anchor_calendar_edges_do_not_raise():
    t = one({"type": "DATE", "value": "XXXX-WXX-1", "dir": "past"}, "0001-01-01")
    assert t.value == "XXXX-WXX-1" and t.anchor is None
    t = one({"type": "DATE", "unit": "year", "shift": "1"}, "9999-06-01")
    assert (t.value, t.interval) == ("XXXX", None)
    assert one({"type": "DATE", "value": "9999-12-31"}, None).interval is None


def test_anchor_explicit_direction_skips_the_current_period():
    # "octobre dernier" written in October is last year's; "next spring" in spring is next year's
    assert one({"type": "DATE", "value": "XXXX-10", "dir": "past"}, "2021-10-15").value == "2020-10"
    assert one({"type": "DATE", "value": "XXXX-SP", "dir": "future"}, "2013-03-18").value == "2014-SP"
    assert one({"type": "DATE", "value": "XXXX-SP", "dir": "same"}, "2013-03-18").value == "2013-SP"


def test_anchor_generic_keeps_the_unknown_year():
    t = one({"type": "DATE", "value": "XXXX-SU", "dir": "generic"}, "2003-02-15")
    assert (t.value, t.anchor, t.interval) == ("XXXX-SU", None, None)
    assert one({"type": "DATE", "value": "XXXX-SU"}, "2003-02-15").value == "2003-SU"
