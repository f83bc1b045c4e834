"""Resolve underspecified values against the DCT or the previous timex (no language in here).

What a rule may leave open, and how it is closed:
- `unit`/`shift`/`gran`: the reference moved by `shift` units, rendered at `gran` ("il y a six
  mois" -> month, -6 -> 2021-04); gran = ref takes the reference's own granularity.
- `XXXX` as the year (XXXX-05-12, XXXX-08, XXXX-H1): dir = past / future takes the last period
  wholly before / the first wholly after the reference ("août dernier"); dir = tense takes the
  nearest one, with YEAR_BIAS days added against the tense cue found around the expression;
  dir = same (or none) keeps the reference's year; dir = generic keeps XXXX ("en été": any summer).
- `XXXX-WXX-d` (and -WE): the same choice between the weekday on or before the reference and
  the one on or after it, with DAY_BIAS.
- `time` with no date: the reference day at that time (for ref = prev, the last timex that
  names a day).
The reference is the DCT, or for ref = prev the last calendar timex not itself found from the
one before it. Durations are normalized (P2TH -> PT2H, P2DE -> P20Y, P2.5Y -> P2Y6M).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar
from .tagger import Match
from ..types import Timex

_WEEKDAY = re.compile(r"XXXX-WXX-(?P<d>[1-7]|WE)(?P<rest>T.*)?$")
_DURATION = re.compile(r"P(?P<n>\d+(?:\.\d+)?|X)(?P<unit>Y|M|W|D|TH|TM|TS|DE|CE|Q|WE)$")
_MULTIPLE = {"DE": (10, "Y"), "CE": (100, "Y"), "Q": (3, "M"), "WE": (2, "D")}
_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "TH"), "TH": (60, "TM"), "TM": (60, "TS")}
# Days added to a candidate that lies against the tense: tuned on the training corpora.
YEAR_BIAS = 150
DAY_BIAS = 5
_REF_GRANS = {"day", "week", "month", "quarter", "half", "season", "year"}
_UNKNOWN = {"day": "XXXX-XX-XX", "month": "XXXX-XX", "week": "XXXX-WXX", "quarter": "XXXX-QX",
            "half": "XXXX-HX", "season": "XXXX-XX"}


def _cost(delta: int, tense: str | None, bias: int) -> int:
    """Distance in days, plus `bias` when the candidate lies against the tense."""
    against = (tense == "past" and delta > 0) or (tense == "future" and delta < 0)
    return abs(delta) + (bias if against else 0)


def _pick_year(value: str, m: Match, ref: date) -> str:
    """Fill XXXX: strictly in the past or future for dir = past/future; for dir = tense the
    nearest occurrence, pushed towards the tense found around the expression."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        v = value.replace("XXXX", f"{y:04d}", 1)
        span = calendar.interval(v)
        if span is None:
            return value.replace("XXXX", f"{ref.year:04d}", 1)
        start, end = date.fromisoformat(span[0][:10]), date.fromisoformat(span[1][:10])
        delta = 0 if start <= ref < end else (start - ref).days if start > ref else (end - ref).days - 1
        cands.append((v, start, end, delta))
    direction = m.fields.get("dir")
    if direction == "closed":  # a period told as closed in the past tense ("ont progressé sur l'exercice"):
        direction = "past" if m.tense == "past" else None  # the last whole one; otherwise the current one
    # "août dernier", "next spring": an explicit direction skips the period holding the reference
    if direction == "past":
        ok = [v for v, _, end, _ in cands if end <= ref]
        return ok[-1] if ok else cands[0][0]
    if direction == "future":
        ok = [v for v, start, _, _ in cands if start > ref]
        return ok[0] if ok else cands[-1][0]
    if direction != "tense":
        return cands[1][0]
    return min(cands, key=lambda c: _cost(c[3], m.tense, YEAR_BIAS))[0]


def _weekday(wd: re.Match[str], m: Match, ref: date) -> str:
    want = 5 if wd["d"] == "WE" else int(wd["d"]) - 1  # a weekend is found by its Saturday
    direction = m.fields.get("dir")
    back = ref - timedelta(days=(ref.weekday() - want) % 7)
    ahead = ref + timedelta(days=(want - ref.weekday()) % 7)
    if direction == "past" and back == ref:  # "mercredi dernier" said on a Wednesday
        back -= timedelta(days=7)
    if direction == "future" and ahead == ref:
        ahead += timedelta(days=7)
    if direction == "future" or (direction == "tense" and back != ahead and
                                 _cost((ahead - ref).days, m.tense, DAY_BIAS) < _cost((back - ref).days, m.tense, DAY_BIAS)):
        d = ahead
    else:
        d = back
    if wd["d"] == "WE":
        return calendar.render(d, "weekend")
    return d.isoformat() + (wd["rest"] or "")


def _normalize(value: str) -> str:
    """Durations in TIMEX3 form: P2TH -> PT2H, P2DE -> P20Y, P3Q -> P9M, P2.5Y -> P2Y6M."""
    d = _DURATION.match(value)
    if not d:
        return value
    count, unit = d["n"], d["unit"]
    if unit in _MULTIPLE and count != "X":
        n, unit = float(count) * _MULTIPLE[unit][0], _MULTIPLE[unit][1]
    elif unit in _MULTIPLE:
        return "PX" + _MULTIPLE[unit][1].replace("T", "")
    elif count == "X":
        return "P" + ("T" if unit.startswith("T") else "") + "X" + unit.lstrip("T")
    else:
        n = float(count)
    whole = int(n)
    if n != whole and unit not in _SMALLER:  # 30.4 seconds stay decimal
        return "PT" + f"{n:g}" + unit.lstrip("T") if unit.startswith("T") else "P" + f"{n:g}" + unit
    out = _unit_str(whole, unit)
    if n != whole and unit in _SMALLER:  # a fraction goes to the next smaller unit
        factor, small = _SMALLER[unit]
        out += _unit_str(round((n - whole) * factor), small)
    body = "".join(x for x in out.split("|") if x)
    if "T" in body:
        date_part, _, time_part = body.partition("T")
        return "P" + date_part + "T" + time_part.replace("T", "")
    return "P" + body


def _unit_str(n: int, unit: str) -> str:
    if n == 0:
        return ""
    return ("T" if unit.startswith("T") else "") + f"{n}{unit.lstrip('T')}" + "|"


def _value(m: Match, value: str, typ: str, base: tuple[date, str, str] | None) -> tuple[str, str | None]:
    """The value of one match and what it was anchored to (None: absolute or unresolved)."""
    f = m.fields
    if "unit" in f:
        unit = f["unit"]
        gran = f.get("gran", unit)
        if gran == "ref":  # "a year earlier" after "the third quarter": a quarter
            gran = base[2] if base and base[2] in _REF_GRANS else unit
        if base is None:
            return _UNKNOWN.get(gran, "XXXX"), None
        try:
            steps = int(f.get("shift", "0"))
        except ValueError:  # "a few years ago": a vague count, a vague place in time
            return ("PAST_REF" if f.get("shift", "").startswith("-") else "FUTURE_REF"), base[1]
        return calendar.render(calendar.shift(base[0], unit, steps), gran), base[1]
    if "XXXX" in value and base is not None and typ in ("DATE", "TIME") and f.get("dir") != "generic":
        wd = _WEEKDAY.match(value)
        return (_weekday(wd, m, base[0]) if wd else _pick_year(value, m, base[0])), base[1]
    if not value and "time" in f:
        return (base[0].isoformat(), base[1]) if base else ("XXXX-XX-XX", None)
    return value, None


def resolve(matches: list[Match], text: str, dct: str | None) -> list[Timex]:
    """Timexes (ids t1, t2, ... in order) with values, anchors and intervals.

    matches: the tagger's matches, in document order
    text: the tagged text (for the `text` field)
    dct: the document creation time as a TIMEX3 value, or None
    """
    dct_point = calendar.parse(dct) if dct else None
    prev: tuple[date, str, str] | None = None  # last calendar timex: first day, id, granularity
    prev_day: tuple[date, str, str] | None = None  # last one that names a day (or a time of day)
    out: list[Timex] = []
    for i, m in enumerate(matches, 1):
        tid = f"t{i}"
        f = m.fields
        typ = f.get("type", "DATE")
        value = f.get("value", "")
        # a year-less date ("en février", "on March 5") placed by the tense cue around it
        by_tense = f.get("dir") == "tense" and value.startswith("XXXX-") and "W" not in value
        base: tuple[date, str, str] | None = None  # reference: first day, id, granularity
        if f.get("ref") == "prev" and "time" in f and prev_day is not None:
            base = prev_day  # "22 h" after "dimanche": that Sunday, not a month or a season
        elif f.get("ref") == "prev" and "time" not in f and prev is not None:
            base = prev
        elif dct_point is not None:
            base = (dct_point[0], "dct", dct_point[1])
        try:
            value, anchor = _value(m, value, typ, base)
        except (ValueError, OverflowError):  # out of the calendar's range (year 9999...)
            value, anchor = value or "XXXX", None
        if "suffix" in f and calendar.parse(value):  # "June last year": the year, then its June
            value += f["suffix"]
        if "time" in f and "T" not in value:
            value += "T" + f["time"]
        if value.endswith("_REF"):
            anchor = "dct" if dct else None
        value = _normalize(value) or "XXXX"
        span = calendar.interval(value) if typ in ("DATE", "TIME") else None
        parsed = calendar.parse(value) if span is not None else None
        # a value found from the previous timex does not become the reference in turn:
        # two "a year earlier" after "the third quarter" both mean the quarter a year before
        if parsed is not None and not (f.get("ref") == "prev" and anchor not in (None, "dct")):
            prev = (parsed[0], tid, parsed[1])
            if parsed[1] in ("day", "partday", "hour", "minute"):
                prev_day = prev
        out.append(Timex(
            id=tid, start=m.start, end=m.end, text=text[m.start:m.end], type=typ, value=value,
            mod=f.get("mod"), quant=f.get("quant"), freq=f.get("freq"), anchor=anchor,
            interval=span, rule=m.rule.name, by_tense=by_tense and anchor == "dct",
        ))
    return out
