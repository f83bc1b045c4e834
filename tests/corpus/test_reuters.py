"""The Reuters-21578 SGML reader used by benchmarks/corpus.py."""
from __future__ import annotations

from collections import Counter

from chronique.errors import DocumentError
from chronique.io.reuters import parse_date, read_reuters, read_sgml


def test_reuters_dates_keep_minutes_and_survive_junk():
    assert parse_date(" 4-MAR-1987 10:45:36.47") == "1987-03-04T10:45"
    assert parse_date("27-MAR-1987 11:43:59.05\x05\x05 E F") == "1987-03-27T11:43"
    assert parse_date("31-FEB-1987") is None and parse_date("soon") is None


def test_reuters_first_file_reads_title_body_and_dct(shared):
    docs = list(read_sgml(shared / "data" / "news" / "reuters21578" / "reut2-000.sgm"))
    assert len(docs) == 1000 and not any(isinstance(d, DocumentError) for d in docs)
    first = docs[0]
    assert first.title == "BAHIA COCOA REVIEW" and first.dct == "1987-02-26T15:01"
    assert first.text.startswith("Showers continued throughout the week") and "&#" not in first.text
    assert first.source.endswith("reut2-000.sgm#1")


def test_reuters_has_279_groups_of_identical_bodies(shared):
    files = sorted((shared / "data" / "news" / "reuters21578").glob("reut2-*.sgm"))
    docs = [d for d in read_reuters(files) if not isinstance(d, DocumentError)]
    assert len(docs) == 21577 and len({d.id for d in docs}) == len(docs)
    assert sum(1 for n in Counter(d.text for d in docs).values() if n > 1) == 279
