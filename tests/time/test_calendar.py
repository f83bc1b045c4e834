"""Calendar arithmetic: TIMEX3 values to half-open intervals, shifts and renderings."""
from __future__ import annotations

from datetime import date

import pytest

from chronique.time import calendar


@pytest.mark.parametrize("value,interval", [
    ("2021-10-15", ("2021-10-15", "2021-10-16")),
    ("2021-10", ("2021-10-01", "2021-11-01")),
    ("2021-12", ("2021-12-01", "2022-01-01")),
    ("2024", ("2024-01-01", "2025-01-01")),
    ("2024-H1", ("2024-01-01", "2024-07-01")),
    ("2024-H2", ("2024-07-01", "2025-01-01")),
    ("2023-Q3", ("2023-07-01", "2023-10-01")),
    ("2022-SP", ("2022-03-01", "2022-06-01")),
    ("2021-WI", ("2021-12-01", "2022-03-01")),
    ("2021-W32", ("2021-08-09", "2021-08-16")),
    ("2021-W32-WE", ("2021-08-14", "2021-08-16")),
    ("2021-W32-3", ("2021-08-11", "2021-08-12")),
    ("199X", ("1990-01-01", "2000-01-01")),
    ("199", ("1990-01-01", "2000-01-01")),
    ("19", ("1900-01-01", "2000-01-01")),
    ("18XX", ("1800-01-01", "1900-01-01")),
    ("2021-10-15T14:30", ("2021-10-15T14:30", "2021-10-15T14:31")),
    ("2021-10-15T14", ("2021-10-15T14:00", "2021-10-15T15:00")),
    ("2021-10-15TNI", ("2021-10-15T22:00", "2021-10-16T06:00")),
])
def test_calendar_interval(value, interval):
    assert calendar.interval(value) == interval


@pytest.mark.parametrize("value", ["P10Y", "PT2H", "PAST_REF", "PRESENT_REF", "XXXX-05", "2021-02-30", "2021-W54", "", "garbage"])
def test_calendar_no_interval(value):
    assert calendar.interval(value) is None


def test_calendar_parse_ignores_time_zone():
    assert calendar.parse("2021-10-15T08:45:00Z") == calendar.parse("2021-10-15T08:45")
    assert calendar.parse("2021-10-15T08:45+02:00")[1] == "minute"
    assert calendar.interval("2021-10-15T08:45Z") == ("2021-10-15T08:45", "2021-10-15T08:46")


def test_calendar_shift_clips_month_end():
    assert calendar.shift(date(2021, 3, 31), "month", -1) == date(2021, 2, 28)
    assert calendar.shift(date(2024, 2, 29), "year", 1) == date(2025, 2, 28)
    assert calendar.shift(date(2021, 10, 1), "month", -6) == date(2021, 4, 1)
    assert calendar.shift(date(2021, 10, 1), "quarter", 1) == date(2022, 1, 1)
    assert calendar.shift(date(2021, 10, 1), "decade", -1) == date(2011, 10, 1)


@pytest.mark.parametrize("gran,value", [
    ("day", "2021-01-02"), ("week", "2020-W53"), ("month", "2021-01"), ("quarter", "2021-Q1"),
    ("half", "2021-H1"), ("season", "2020-WI"), ("year", "2021"), ("decade", "202"), ("century", "20"),
])
def test_calendar_render(gran, value):
    assert calendar.render(date(2021, 1, 2), gran) == value


def test_calendar_render_parse_round_trip():
    d = date(2022, 8, 17)
    for gran in ("day", "week", "month", "quarter", "half", "season", "year"):
        start, parsed_gran = calendar.parse(calendar.render(d, gran))
        end = calendar.interval(calendar.render(d, gran))[1]
        assert start <= d < date.fromisoformat(end), gran
        assert parsed_gran == gran
