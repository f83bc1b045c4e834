"""TempEval-3 timex scoring on character offsets.

Definitions (UzZaman et al. 2013, Task A): strict match = same extent, relaxed match = any
overlap, each gold and system timex used at most once. P = matches / system timexes,
R = matches / gold timexes. For an attribute (value, type) over relaxed matches:
attr P = correct / system, attr R = correct / gold, attr F1 their harmonic mean (which equals
attribute accuracy x relaxed F1). The document creation time is never scored.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..types import Timex
from .timeml import TimemlDoc

TYPES = ("DATE", "TIME", "DURATION", "SET")


def match(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: (gold index, system index) pairs of overlapping timexes.

    Exact extents are paired first, then larger overlaps, then closer starts, so the
    pairing does not depend on list order.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = g.start == s.start and g.end == s.end
                candidates.append((not exact, -overlap, abs(g.start - s.start), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class Counts:
    """Raw counts; every metric is computed from these.

    gold / system: timexes on each side
    strict / relaxed: matched pairs with the same extent / overlapping
    value / type: relaxed pairs whose value / type agree
    """

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: "Counts") -> None:
        for name in ("gold", "system", "strict", "relaxed", "value", "type"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def prf(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1 in percent (0 when a denominator is 0)."""
    p = 100.0 * correct / system if system else 0.0
    r = 100.0 * correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def metrics(c: Counts) -> dict[str, float | int]:
    """The TempEval-3 figures for one set of counts, in percent."""
    out: dict[str, float | int] = {"gold": c.gold, "system": c.system}
    for name, correct in (("strict", c.strict), ("relaxed", c.relaxed), ("value", c.value), ("type", c.type)):
        p, r, f = prf(correct, c.system, c.gold)
        out |= {f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f}
    out["value_acc"] = 100.0 * c.value / c.relaxed if c.relaxed else 0.0
    out["type_acc"] = 100.0 * c.type / c.relaxed if c.relaxed else 0.0
    return out


@dataclass
class TypeCounts:
    """Counts for one TIMEX3 type: gold and system sides each use their own type label.

    gold / system: timexes of this type on each side
    found: gold timexes of this type that were matched (recall side)
    kept: system timexes of this type that were matched (precision side)
    value: matched gold timexes of this type whose value agrees
    """

    gold: int = 0
    system: int = 0
    found: int = 0
    kept: int = 0
    value: int = 0

    def summary(self) -> dict[str, float | int]:
        p = 100.0 * self.kept / self.system if self.system else 0.0
        r = 100.0 * self.found / self.gold if self.gold else 0.0
        return {
            "gold": self.gold,
            "system": self.system,
            "relaxed_p": p,
            "relaxed_r": r,
            "relaxed_f1": 2 * p * r / (p + r) if p + r else 0.0,
            "value_acc": 100.0 * self.value / self.found if self.found else 0.0,
        }


@dataclass
class Report:
    """Scores of a corpus.

    total: counts over all documents
    by_type: per TIMEX3 type
    errors: misses, false alarms, wrong values and wrong types, one dict each
    documents: documents scored
    missing: gold documents with no system output (all their timexes count as misses)
    """

    total: Counts = field(default_factory=Counts)
    by_type: dict[str, TypeCounts] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0
    missing: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """Overall metrics plus a `by_type` table, JSON-ready."""
        out: dict[str, Any] = metrics(self.total) | {"documents": self.documents}
        out["by_type"] = {t: self.by_type[t].summary() for t in sorted(self.by_type, key=_type_order)}
        if self.missing:
            out["missing"] = list(self.missing)
        return out

    def per_type(self, t: str) -> TypeCounts:
        return self.by_type.setdefault(t, TypeCounts())


def _type_order(t: str) -> tuple[int, str]:
    return (TYPES.index(t) if t in TYPES else len(TYPES), t)


def _error(kind: str, doc: str, g: Timex | None, s: Timex | None) -> dict[str, Any]:
    ref = g or s
    assert ref is not None
    return {
        "kind": kind,
        "doc": doc,
        "start": ref.start,
        "end": ref.end,
        "text": ref.text,
        "gold_type": g.type if g else None,
        "gold_value": g.value if g else None,
        "gold_mod": g.mod if g else None,
        "sys_text": s.text if s else None,
        "sys_type": s.type if s else None,
        "sys_value": s.value if s else None,
        "sys_mod": s.mod if s else None,
        "rule": s.rule if s else None,
    }


def _outside(t: Timex, spans: Iterable[tuple[int, int]]) -> bool:
    return all(t.end <= a or t.start >= b for a, b in spans)


def add_document(report: Report, gold: TimemlDoc, system: Sequence[Timex]) -> None:
    """Score one document into `report`.

    gold: the gold document (its `dct_spans` mark system timexes to ignore)
    system: the system's timexes with offsets into `gold.text`
    """
    g_list = list(gold.timexes)
    s_list = [t for t in system if t.end > t.start and _outside(t, gold.dct_spans)]
    pairs = match(g_list, s_list)
    c = Counts(gold=len(g_list), system=len(s_list), relaxed=len(pairs))
    for t in s_list:
        report.per_type(t.type).system += 1
    for t in g_list:
        report.per_type(t.type).gold += 1
    matched_g = {i for i, _ in pairs}
    matched_s = {j for _, j in pairs}
    for i, j in pairs:
        g, s = g_list[i], s_list[j]
        c.strict += g.start == s.start and g.end == s.end
        c.value += g.value == s.value
        c.type += g.type == s.type
        report.per_type(g.type).found += 1
        report.per_type(g.type).value += g.value == s.value
        report.per_type(s.type).kept += 1
        if g.value != s.value:
            report.errors.append(_error("wrong_value", gold.name, g, s))
        elif g.type != s.type:
            report.errors.append(_error("wrong_type", gold.name, g, s))
    report.errors += [_error("miss", gold.name, g, None) for i, g in enumerate(g_list) if i not in matched_g]
    report.errors += [_error("false_alarm", gold.name, None, s) for j, s in enumerate(s_list) if j not in matched_s]
    report.total.add(c)
    report.documents += 1


def score(gold_docs: Iterable[TimemlDoc], system: Mapping[str, Sequence[Timex]]) -> Report:
    """Score a corpus.

    gold_docs: gold documents
    system: system timexes by document name; a gold document absent here is all misses
    """
    report = Report()
    for doc in gold_docs:
        if doc.name not in system:
            report.missing.append(doc.name)
        add_document(report, doc, system.get(doc.name, ()))
    report.errors.sort(key=lambda e: (e["doc"], e["start"], e["end"]))
    return report
