"""An entity's timeline: its claims ordered by event time (the claim's anchored interval),
not by publication date; past events and future targets on one axis.

The same statement reported by several articles is one entry with several sources; copies
(duplicates) are left out so nothing is counted twice.
"""
from __future__ import annotations

from typing import Any

from ..store import Store
from .stories import fold

_CLAIMS = """
SELECT c.* EXCLUDE (embedding, data), d.source, d.dct, CAST(d.dct_date AS VARCHAR) AS dct_date
FROM claims c JOIN documents d ON d.id = c.doc_id
WHERE c.doc_id NOT IN (SELECT doc_id FROM duplicates)
"""


def match(rows: list[dict[str, Any]], entity: str) -> list[dict[str, Any]]:
    """Rows whose subject key or name is the entity (folded); else those that contain it."""
    q = fold(entity)
    exact = [r for r in rows if q in (fold(r.get("subject_key") or ""), fold(r.get("subject_name") or ""))]
    if exact:
        return exact
    return [r for r in rows if q and (q in fold(r.get("subject_key") or "") or q in fold(r.get("subject_name") or ""))]


def when(r: dict[str, Any]) -> tuple[str, str]:
    """Event time of a claim: its target interval, else the publication date (a same-day report)."""
    if r.get("target_start"):
        return r["target_start"], r.get("target_end") or r["target_start"]
    d = r.get("dct_date") or ""
    return d, d


def timeline(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries ordered by event time, each with its sources (see module docstring)."""
    entries: dict[tuple, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: (r.get("dct_date") or "", r["doc_id"], r["idx"])):
        start, end = when(r)
        key = (fold(r.get("key") or r.get("text") or ""), r.get("target_value"), r.get("modality"), r.get("polarity"))
        e = entries.get(key)
        if e is None:
            e = entries[key] = {
                "when": {"value": r.get("target_value") if r.get("target_start") else r.get("dct"), "start": start, "end": end,
                         "from": "target" if r.get("target_start") else "dct"},
                "subject": r.get("subject_name") or r.get("subject_key"),
                "text": r.get("text"), "key": r.get("key"), "about": r.get("about"),
                "modality": r.get("modality"), "polarity": r.get("polarity"), "forward": bool(r.get("forward")),
                "sources": [],
            }
        e["sources"].append({"doc_id": r["doc_id"], "source": r.get("source"), "dct": r.get("dct"),
                             "who": r.get("source_who"), "via": r.get("source_via")})
    return sorted(entries.values(), key=lambda e: (e["when"]["start"], e["when"]["end"], e["sources"][0]["dct"] or ""))


def query(store: Store, entity: str) -> list[dict[str, Any]]:
    """The timeline of `entity` in a store."""
    q = f"%{fold(entity)}%"
    sql = _CLAIMS + (" AND (strip_accents(lower(coalesce(c.subject_key, ''))) LIKE ?"
                     " OR strip_accents(lower(coalesce(c.subject_name, ''))) LIKE ?)")
    return timeline(match(store.query(sql, [q, q]), entity))
