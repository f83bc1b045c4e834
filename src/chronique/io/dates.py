"""Publication dates as TIMEX3 values that keep their granularity (2021-10, 2021-10-05, 2021-10-05T08:45)."""
from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?)?"
)


def normalize_date(value: str) -> str:
    """An ISO-like date or datetime as a TIMEX3 value; ValueError when it is not a real date."""
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    y, mo = int(m["y"]), int(m["m"])
    if not 1 <= mo <= 12:
        raise ValueError(f"{value!r}: month {mo} does not exist")
    if m["d"] is None:
        return f"{y:04d}-{mo:02d}"
    day = dt.date(y, mo, int(m["d"]))  # raises ValueError for 2021-02-30
    if m["H"] is None:
        return day.isoformat()
    hour, minute = int(m["H"]), int(m["M"])
    if hour > 23 or minute > 59:
        raise ValueError(f"{value!r}: time {hour:02d}:{minute:02d} does not exist")
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"
