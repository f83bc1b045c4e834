"""Composable edits: a text rewritten in rounds, every change kept traceable to the raw input.

A `Rewriter` holds `raw`, the current `text` and a sorted list of non-overlapping edits against
raw. Each round applies a batch of local changes given in current-text coordinates; changes
that overlap an earlier edit (or touch it, when either is empty) merge with it, so the log never
has two edits fighting over the same bytes. One round costs O(len(text) + changes + edits).
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..types import Edit


class Change(NamedTuple):
    """One local change in current-text coordinates.

    start, end: the range of the current text to replace
    replacement: the new text
    reason: why, in words a person can check (e.g. "mojibake: 'Ã©' → 'é'")
    """

    start: int
    end: int
    replacement: str
    reason: str


class Rewriter:
    """Raw text plus the composed edits that turn it into the current text.

    raw: the text as read
    edits: earlier edits against raw to build on (none for a fresh text)
    text: the current text (raw with every edit applied)
    """

    def __init__(self, raw: str, edits: Iterable[Edit] = ()):
        self.raw = raw
        self._edits: list[Edit] = sorted(edits, key=lambda e: (e.start, e.end))
        self.text = apply_edits(raw, self._edits) if self._edits else raw

    def edits(self) -> tuple[Edit, ...]:
        return tuple(self._edits)

    def apply(self, kind: str, changes: Iterable[Change | tuple[int, int, str, str]]) -> int:
        """Apply one batch of changes (current-text coordinates) and return how many were applied.

        kind: the kind every change of this batch records (repeat, glue, boilerplate, ...)
        changes: non-overlapping (start, end, replacement, reason); no-op changes are dropped
        """
        text = self.text
        news = sorted(
            (Change(*c) for c in changes if text[c[0]:c[1]] != c[2]), key=lambda c: (c[0], c[1])
        )
        if not news:
            return 0
        for prev, cur in zip(news, news[1:]):
            if cur.start < prev.end or cur.start == prev.start == prev.end == cur.end:
                raise ValueError(f"overlapping changes in one batch: {prev[:2]} and {cur[:2]}")
        if news[0].start < 0 or news[-1].end > len(text):
            raise ValueError("change outside the text")

        olds = self._edits
        out_text: list[str] = []
        out_edits: list[Edit] = []
        pos = 0  # next current-text offset not yet copied to out_text
        shift = 0  # new-text offset minus current-text offset, for what is already written
        raw_delta = 0  # raw offset minus current-text offset, outside edits, so far
        i = j = 0
        while i < len(olds) or j < len(news):
            # The next item by start; old edits first on ties so a group starts at their raw start.
            take_old = j >= len(news) or (i < len(olds) and olds[i].start <= news[j].start)
            if take_old:
                e = olds[i]
                if j >= len(news) or not _joins(news[j], e.end, e.start == e.end):
                    out_edits.append(_moved(e, shift))  # untouched by this batch: only moves
                    raw_delta += (e.raw_end - e.raw_start) - (e.end - e.start)
                    i += 1
                    continue
            # Gather a group: every old edit and change connected by overlap (or by contact
            # with an empty range, whose order against its neighbour would be ambiguous).
            group_old: list[Edit] = []
            group_new: list[Change] = []
            if take_old:
                group_old.append(olds[i])
                i += 1
            else:
                group_new.append(news[j])
                j += 1
            first = (group_old or group_new)[0]
            gs, ge, ge_empty = first.start, first.end, first.start == first.end
            while True:
                nxt_old = olds[i] if i < len(olds) and _joins(olds[i], ge, ge_empty) else None
                nxt_new = news[j] if j < len(news) and _joins(news[j], ge, ge_empty) else None
                if nxt_old and (not nxt_new or nxt_old.start <= nxt_new.start):
                    item = nxt_old
                    group_old.append(nxt_old)
                    i += 1
                elif nxt_new:
                    item = nxt_new
                    group_new.append(nxt_new)
                    j += 1
                else:
                    break
                if item.end > ge:
                    ge, ge_empty = item.end, item.start == item.end
                elif item.end == ge:
                    ge_empty = ge_empty or item.start == item.end
            piece = _splice(text, gs, ge, group_new)
            raw_start = gs + raw_delta
            for e in group_old:
                raw_delta += (e.raw_end - e.raw_start) - (e.end - e.start)
            raw_end = ge + raw_delta
            out_text.append(text[pos:gs])
            out_text.append(piece)
            pos = ge
            new_start = gs + shift
            shift += len(piece) - (ge - gs)
            if self.raw[raw_start:raw_end] == piece:
                continue  # the batch undid earlier edits: nothing left to log
            out_edits.append(_merged(kind, group_old, group_new, new_start, piece, raw_start, raw_end))
        out_text.append(text[pos:])
        self.text = "".join(out_text)
        self._edits = out_edits
        return len(news)


def _joins(item: Edit | Change, ge: int, ge_empty: bool) -> bool:
    """Whether an item starting at or after a group's start belongs to a group reaching `ge`."""
    return item.start < ge or (item.start == ge and (item.start == item.end or ge_empty))


def _splice(text: str, gs: int, ge: int, changes: Sequence[Change]) -> str:
    parts, pos = [], gs
    for c in changes:
        parts.append(text[pos:c.start])
        parts.append(c.replacement)
        pos = c.end
    parts.append(text[pos:ge])
    return "".join(parts)


def _moved(e: Edit, shift: int) -> Edit:
    if not shift:
        return e
    return Edit(e.kind, e.start + shift, e.end + shift, e.raw_start, e.raw_end, e.replacement, e.reason)


def _merged(
    kind: str, olds: list[Edit], news: list[Change], start: int, piece: str, raw_start: int, raw_end: int
) -> Edit:
    """One edit for a group; it takes the kind and reason of its heaviest part (most text touched)."""
    parts = [(e.kind, e.reason, (e.raw_end - e.raw_start) + len(e.replacement)) for e in olds]
    parts += [(kind, c.reason, (c.end - c.start) + len(c.replacement)) for c in news]
    best = max(parts, key=lambda p: p[2])
    others = [p for p in parts if p is not best]
    reason = best[1]
    if others:
        reason += f" (+{len(others)} merged: {', '.join(sorted({p[0] for p in others}))})"
    return Edit(best[0], start, start + len(piece), raw_start, raw_end, piece, reason)


def apply_edits(raw: str, edits: Iterable[Edit]) -> str:
    """Rebuild the text from raw and an edit log (each `raw[raw_start:raw_end]` → `replacement`)."""
    parts, pos = [], 0
    for e in sorted(edits, key=lambda e: (e.raw_start, e.raw_end)):
        if e.raw_start < pos:
            raise ValueError(f"edits overlap in raw at {e.raw_start}")
        parts.append(raw[pos:e.raw_start])
        parts.append(e.replacement)
        pos = e.raw_end
    parts.append(raw[pos:])
    return "".join(parts)


class OffsetMap:
    """Maps text offsets back to raw offsets through an edit log, by binary search.

    edits: the log, sorted by text position as `Rewriter.edits()` returns it
    """

    def __init__(self, edits: Sequence[Edit]):
        self.edits = list(edits)
        self.starts = [e.start for e in self.edits]
        self.ends = [e.end for e in self.edits]
        # deltas[k]: raw minus text offset after the first k edits
        self.deltas = [0]
        for e in self.edits:
            self.deltas.append(self.deltas[-1] + (e.raw_end - e.raw_start) - (e.end - e.start))

    def start(self, pos: int) -> int:
        """Raw offset where text[pos:] begins; inside an edit, the edit's raw start."""
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.edits[k].start < pos < self.edits[k].end:
            return self.edits[k].raw_start
        # every edit ending at or before pos lies before it (deleted text before pos is skipped)
        n = bisect.bisect_right(self.ends, pos)
        return pos + self.deltas[n]

    def end(self, pos: int) -> int:
        """Raw offset where text[:pos] ends; inside an edit, the edit's raw end."""
        k = bisect.bisect_left(self.ends, pos)
        if k < len(self.edits) and self.edits[k].start < pos <= self.edits[k].end:
            return self.edits[k].raw_end
        # edits ending before pos, and non-empty ones ending exactly at pos, lie before it
        n = bisect.bisect_left(self.ends, pos)
        while n < len(self.edits) and self.edits[n].end == pos and self.edits[n].start < pos:
            n += 1
        return pos + self.deltas[n]


def to_raw(edits: Sequence[Edit], start: int, end: int) -> tuple[int, int]:
    """The raw range a text range came from (widened to whole edits it cuts into).

    edits: the document's edit log
    start, end: a half-open range in the repaired text
    """
    m = OffsetMap(edits)
    if start == end:
        p = m.start(start)
        return p, p
    return m.start(start), m.end(end)
