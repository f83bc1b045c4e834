"""Calendar arithmetic on TIMEX3 values: parse, shift, render, and value -> [start, end) interval.

A *point* here is a (date, granularity) pair; granularities, finest first:
minute, hour, partday, day, weekend, week, month, season, quarter, half, year, decade, century.
"""
from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

# Season codes and the month each starts in (meteorological seasons: winter starts in December).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# Day parts: start hour and length in hours (night runs past midnight).
PART_OF_DAY = {"MO": (6, 6), "MI": (12, 1), "AF": (12, 6), "EV": (18, 4), "NI": (22, 8), "DT": (8, 10)}

_VALUE = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)(?:-(?P<wd>[1-7]|WE))?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<season>SP|SU|FA|WI)))?"
    r"(?:T(?:(?P<hour>\d\d)(?::(?P<minute>\d\d)(?::\d\d)?)?|(?P<part>MO|MI|AF|EV|NI|DT)))?$"
)
_ZONE = re.compile(r"(?:Z|[+-]\d\d:?\d\d)$")
_DECADE = re.compile(r"(?P<dec>\d{3})X?$")
_CENTURY = re.compile(r"(?P<cent>\d\d)(?:XX)?$")


def add_months(d: date, n: int) -> date:
    """`d` moved by `n` months, day clipped to the target month's length."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, min(d.day, _cal.monthrange(y, m + 1)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` units (day, week, weekend, month, season, quarter, half, year, decade, century)."""
    if unit in ("day", "partday", "hour", "minute"):
        return d + timedelta(days=n if unit in ("day", "partday") else 0)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    if unit not in months:
        raise ValueError(f"unknown unit {unit!r}")
    return add_months(d, n * months[unit])


def render(d: date, gran: str) -> str:
    """The TIMEX3 value of the `gran` unit holding `d` (2021-10-15, 2021-W41, 2021-Q4, 202X...)."""
    if gran in ("day", "partday", "hour", "minute"):
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if gran == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}-WE"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "season":
        y = d.year - 1 if d.month < 3 else d.year
        code = {0: "WI", 1: "SP", 2: "SU", 3: "FA", 4: "WI"}[(d.month) // 3 if d.month != 12 else 4]
        return f"{y:04d}-{code}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown granularity {gran!r}")


def parse(value: str) -> tuple[date, str] | None:
    """(first day, granularity) of a calendar TIMEX3 value; None for durations, REF and X-forms.
    A time zone on a date-time (Z, +02:00) is ignored: values are local to the article."""
    if "T" in value:
        value = _ZONE.sub("", value)
    m = _VALUE.match(value)
    if m:
        g = m.groupdict()
        try:
            y = int(g["year"])
            if g["week"]:
                monday = date.fromisocalendar(y, int(g["week"]), 1)
                if g["wd"] == "WE":
                    return monday + timedelta(days=5), "weekend"
                if g["wd"]:
                    return monday + timedelta(days=int(g["wd"]) - 1), "day"
                return monday, "week"
            if g["q"]:
                return date(y, 3 * int(g["q"]) - 2, 1), "quarter"
            if g["h"]:
                return date(y, 6 * int(g["h"]) - 5, 1), "half"
            if g["season"]:
                return date(y, SEASON_START[g["season"]], 1), "season"
            d = date(y, int(g["month"] or 1), int(g["day"] or 1))
        except ValueError:  # 2021-02-30, week 54...
            return None
        if g["hour"]:
            return d, "minute" if g["minute"] else "hour"
        if g["part"]:
            return d, "partday"
        return d, "day" if g["day"] else "month" if g["month"] else "year"
    m = _DECADE.match(value)
    if m and (value.endswith("X") or len(value) == 3):
        return date(int(m["dec"]) * 10 or 1, 1, 1), "decade"
    m = _CENTURY.match(value)
    if m:
        return date(int(m["cent"]) * 100 or 1, 1, 1), "century"
    return None


def interval(value: str) -> tuple[str, str] | None:
    """Half-open [start, end) of a TIMEX3 value as ISO dates (date-times for clock times)."""
    if "T" in value:
        value = _ZONE.sub("", value)
    parsed = parse(value)
    if parsed is None:
        return None
    try:
        return _interval(value, *parsed)
    except (ValueError, OverflowError):  # the end falls past year 9999
        return None


def _interval(value: str, d: date, gran: str) -> tuple[str, str]:
    m = _VALUE.match(value)
    if gran in ("hour", "minute", "partday") and m:
        if gran == "partday":
            h0, length = PART_OF_DAY[m["part"]]
            mins0, span = h0 * 60, length * 60
        else:
            mins0 = int(m["hour"]) * 60 + int(m["minute"] or 0)
            span = 1 if gran == "minute" else 60
        return _stamp(d, mins0), _stamp(d, mins0 + span)
    if gran == "day":
        end = d + timedelta(days=1)
    elif gran == "weekend":
        end = d + timedelta(days=2)
    else:
        end = shift(d, gran, 1)
    return d.isoformat(), end.isoformat()


def _stamp(d: date, minutes: int) -> str:
    days, minutes = divmod(minutes, 1440)
    return f"{(d + timedelta(days=days)).isoformat()}T{minutes // 60:02d}:{minutes % 60:02d}"
