"""Which timex a claim targets: the one its predicate governs, with deadlines, rates and bridges sorted out.

A span that ends a deadline ("within two years") targets the date it runs out; a rate after a figure
("10 billion euros a year"), "now" and a TimeML "ici" before another date are never targets.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from ..time import calendar
from ..types import Timex
from .attribution import Attribution
from .syntax import TYPE_RANK, is_verb


class Targets(Attribution):
    """Target choice on one parsed sentence (see Clauses for the arguments)."""

    def target(self, head: Any, region: Sequence[Any], chain: Sequence[Any]) -> Timex | None:
        """The timex inside the clause, nearest to the predicate in the tree."""
        idx = {t.i for t in region}
        a, b = self.span(region)
        best: tuple[tuple[Any, ...], Timex] | None = None
        timexes = self.ctx.timexes
        dct = self.ctx.dct[:10] if self.ctx.dct else ""
        # an intention looks ahead: a date already past is a comparison ("compte réaliser un tiers de ses
        # ventes en ligne d'ici à 2026, contre 18% l'an dernier"), the last choice
        planned = bool(dct) and any(self.cue(h) == "plan" for h in [head, *chain])
        for n, tx in enumerate(timexes):
            if not (a <= tx.start < b) or self.bridge(tx, timexes[n + 1] if n + 1 < len(timexes) else None):
                continue
            toks = [t for t in self.toks if tx.start <= self.off + t.idx < tx.end]
            if not toks or not any(t.i in idx for t in toks):
                continue
            top = next((t for t in toks if not (tx.start <= self.off + t.head.idx < tx.end) or t.head.i == t.i), toks[0])
            if self.speaking_day(toks, head, chain):
                continue
            if top.dep_ == "amod" and not tx.value[:1].isdigit():
                continue  # "a quarterly loss", "son bénéfice annuel": the timex qualifies a noun, not the event;
                # a dated one is the period the figure covers ("a drop in fourth-quarter revenue"), when no
                # other date is the event's
            dist, h = 0, top
            stops = {head.i, *(c.i for c in chain)}
            while h.i not in stops and h.head.i != h.i:
                h, dist = h.head, dist + 1
            on_chain = h.i != head.i  # "a promis mardi de multiplier … d'ici à la fin du mois": the promise's day loses
            if tx.value == "PRESENT_REF" or self.rate(tx):
                continue  # "actuellement", "now": no date a claim can come due on; "a year" after a figure: a rate
            now = bool(self.ctx.dct) and tx.value == self.ctx.dct[:len(tx.value)]  # a bare "now" loses a tie
            kind = TYPE_RANK.get(tx.type, 2) if tx.value[:1].isdigit() or tx.value[:1] == "P" else 3
            past = planned and tx.interval is not None and tx.interval[1] <= dct
            modifier = top.dep_ in ("amod", "compound")  # "its first-quarter results on April 23": the day, not the period
            rank = (tx.type == "SET", past, modifier, dist, on_chain, kind, now, tx.start)  # "75 appareils par mois dès 2026": a rate is no date
            if best is None or rank < best[0]:
                best = (rank, tx)
        return best[1] if best else None

    def speaking_day(self, toks: Sequence[Any], head: Any, chain: Sequence[Any]) -> bool:
        """A timex between a reporting verb and the subject of the clause it reports is the day it was said,
        wherever the parser hung it: "said on Wednesday he opposed the combination"."""
        subj = self.subjects_of(head)
        if not subj:
            return False
        first = subj[0].left_edge.i
        return any(self.cue(v) == "report" and v.i < toks[0].i and toks[-1].i < first and first < head.i
                   for v in chain)

    def reanchor(self, tx: Timex, head: Any, modality: str) -> Timex:
        """A year-less date the tagger placed by nearby tense words, moved a year when the clause's own verb
        says otherwise: "a levé 100 millions d'euros en février" (a November article) is last February, "would
        present it on March 5" next March. The corrected timex is kept in ctx.moved for the document."""
        if not tx.by_tense or not tx.interval or not self.ctx.dct:
            return tx
        if tx.id in self.ctx.moved:
            return self.ctx.moved[tx.id]
        tense = "future" if modality == "plan" else self.past_tense(self.governor(tx) or head)
        dct = self.ctx.dct[:10]
        if tense == "past" and tx.interval[0] > _dct_end(self.ctx.dct):
            shift = -1
        elif tense == "future" and tx.interval[1] <= dct:
            shift = 1
        else:
            return tx
        value = f"{int(tx.value[:4]) + shift:04d}{tx.value[4:]}"
        span = calendar.interval(value)
        if span is None:
            return tx
        moved = dataclasses.replace(tx, value=value, interval=span, by_tense=False)
        self.ctx.moved[tx.id] = moved
        return moved

    def governor(self, tx: Timex) -> Any | None:
        """The verb nearest above the timex in the tree: "a confirmé que le carnet serait généralisé d'ici à la
        fin mars" dates the spreading, told in the conditional, not the confirming."""
        h = next((t for t in self.toks if tx.start <= self.off + t.idx < tx.end), None)
        while h is not None and h.head.i != h.i and not self.predicative(h):
            h = h.head
        return h if h is not None and self.predicative(h) else None

    @staticmethod
    def predicative(tok: Any) -> bool:
        """A verb, or a word with a copula ("serait généralisé" tagged as an adjective)."""
        return is_verb(tok) or any(c.dep_ == "cop" for c in tok.children)

    def past_tense(self, verb: Any) -> str | None:
        """"past" when the verb is a simple past, an imperfect or a compound past ([claims] past_aux)."""
        morph = str(verb.morph)
        if verb.tag_ == "VBD" or "Tense=Imp" in morph:
            return "past"
        if (verb.tag_ == "VBN" or "Tense=Past" in morph) and any(
                c.dep_ in ("aux", "aux:tense") and c.lower_ in self.rules.past_aux for c in verb.children):
            return "past"
        return None

    def rate(self, tx: Timex) -> bool:
        """A duration right after a figure that starts with a rate word: "10 billion euros a year"."""
        first = tx.text.split(" ", 1)[0].lower()
        return tx.type in ("DURATION", "SET") and first in self.rules.rate_words and \
            any(0 <= tx.start - f.end <= 1 for f in self.ctx.figures)

    def deadline(self, tx: Timex) -> dict[str, Any] | None:
        """A span that ends a deadline ("within two years", "d'ici deux ans", "in the coming weeks") targets the
        date it runs out, as the ledger needs: P2Y from 2025-05-15 -> 2027 BEFORE; an unknown length -> FUTURE_REF.
        A span of unknown length reaching now ("ces dernières semaines", "in recent weeks") is PAST_REF."""
        dct, rules = self.ctx.dct, self.rules
        if tx.type != "DURATION" or not dct or not (rules.deadline_cues or rules.recent_cues):
            return None
        window = self.ctx.text[max(0, tx.start - 30):tx.start] + "\u27e8" + tx.text
        if tx.value.startswith("PX") and any(p.search(window) for p in rules.recent_cues):
            return {"value": "PAST_REF", "mod": None, "interval": None}  # "ces dernières semaines": lately
        if not any(p.search(window) for p in rules.deadline_cues):
            return None
        m = _SPAN.fullmatch(tx.value)
        if m is None:
            return None
        n, unit = m.groups()
        if n == "X":
            return {"value": "FUTURE_REF", "mod": None, "interval": None}
        base = calendar.parse(dct[:10])
        if base is None:
            return None
        gran = _UNIT[unit]
        value = calendar.render(calendar.shift(base[0], gran, int(n)), gran)
        span = calendar.interval(value)
        return {"value": value, "mod": "BEFORE", "interval": list(span) if span else None}

    def bridge(self, tx: Timex, after: Timex | None) -> bool:
        """A "now" right before another timex only leads to it: "d'ici 2026", where TimeML tags "ici" as today."""
        dct = self.ctx.dct
        return bool(dct) and after is not None and tx.value == dct[:10] and \
            0 <= after.start - tx.end <= 4 and not self.ctx.text[tx.end:after.start].strip(" \u00e0a")

    def when_clause_target(self, head: Any) -> Timex | None:
        """With no timex of its own, the clause takes the one of its "when" clause: "will reopen the theatres
        once major films return, possibly in 2021" (marks in [claims] temporal_marks)."""
        marks = self.rules.temporal_marks
        for c in head.children:
            if c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in marks for m in c.children):
                timex = self.target(c, list(c.subtree), [])
                if timex is not None:
                    return timex
        return None

    def forward(self, timex: Timex | None, modality: str) -> bool:
        dct = self.ctx.dct
        if timex is not None and timex.interval and dct:
            return timex.interval[0] > _dct_end(dct)
        return modality == "plan"


_SPAN = re.compile(r"P(\d+|X)([YMWD])")
_UNIT = {"Y": "year", "M": "month", "W": "day", "D": "day"}


def _dct_end(dct: str) -> str:
    """The last day of the DCT's own granularity, as an ISO date prefix good for string comparison."""
    day = dct[:10]
    if len(day) == 4:
        return day + "-12-31"
    if len(day) == 7:
        return day + "-31"
    return day
