"""The claims ledger: the same claim across articles and languages, chained by publication
date, with its status as of a date.

Statuses: open (target ahead), due (target interval ended, no report it happened), slipped
(a later report moved the target later; the history keeps every target), fulfilled (a later
report says it happened, on that date), denied. A denial of a reported slip undoes the slip:
the chain goes back to the target it slipped from, and is not a slip.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..types import content_id
from .features import as_vector
from .stories import fold

STATUSES = ("open", "due", "slipped", "fulfilled", "denied")
DONE = {"fact", "confirmed"}   # a backward-looking positive report of these modalities = it happened


SLIP = "delay"  # canonical predicate of a slip ("retard", "delay"): denying one keeps the plan's target

CHAIN_THRESHOLD = 0.55  # claim-text cosine above which two claims of one subject are one thing
# (measured on the samples: same plan across reports/languages 0.57-0.79, other claims of
# the same company <= 0.45)


def subject_of(row: dict[str, Any]) -> str:
    return fold(row.get("subject_key") or row.get("subject_name") or "")


def thing_of(row: dict[str, Any]) -> str:
    """What the claim is about, without its date: `about`, else the predicate."""
    return fold(row.get("about") or row.get("predicate") or "")


def chain_id(subject: str, first: dict[str, Any]) -> str:
    return content_id(f"{subject}\0{first.get('doc_id')}\0{first.get('idx')}".encode(), "c")


def _similar(a: dict[str, Any], b: dict[str, Any]) -> float:
    if thing_of(a) and thing_of(a) == thing_of(b):
        return 1.0
    va, vb = as_vector(a.get("embedding")), as_vector(b.get("embedding"))
    if va is None or vb is None:
        return 0.0
    return float(np.dot(va, vb))


def _negative(r: dict[str, Any]) -> bool:
    # "did not comment" is a negative fact, not a denial: only denials and negated plans count
    return r.get("modality") == "denied" or (r.get("polarity") == "negative" and bool(r.get("forward")))


def _target(r: dict[str, Any]) -> dict[str, Any] | None:
    """The claim's target when it is on the calendar (a duration like P10Y is not a deadline)."""
    if not r.get("target_value") or not r.get("target_start"):
        return None
    return {"value": r["target_value"], "start": r.get("target_start"), "end": r.get("target_end")}


def _later(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Is target a later than target b (by interval, then by value text)?"""
    ka = (a.get("start") or "", a.get("end") or "")
    kb = (b.get("start") or "", b.get("end") or "")
    if ka == kb:
        return False
    return ka > kb


def status(rows: list[dict[str, Any]], as_of: str) -> dict[str, Any]:
    """Status of one chain as of a date.

    rows: the chain's claims with the document's dct_date and source, any order
    as_of: ISO date; reports published after it are ignored
    """
    # Same-day reports go earliest target first: an article that recalls the old date (2023)
    # next to the new one (2024-H1) reports a slip, not an advance.
    rows = sorted((r for r in rows if (r.get("dct_date") or "") <= as_of),
                  key=lambda r: (r.get("dct_date") or "", r.get("target_start") or "", r.get("doc_id") or "",
                                 r.get("idx") or 0))
    current: dict[str, Any] | None = None
    before_slips: list[dict[str, Any]] = []   # targets the chain slipped from, oldest first
    fulfilled_on = None
    denied = False
    promised = False
    history = []
    for r in rows:
        t = _target(r)
        history.append({"target": t["value"] if t else None, "source": r.get("source"),
                        "dct": r.get("dct"), "modality": r.get("modality")})
        if _negative(r):
            if t is None and thing_of(r).split(" ", 1)[0] == SLIP:
                if before_slips:                 # "dément tout retard": the reported slip is denied
                    current = before_slips.pop()
                continue                         # denying a delay denies nothing of the plan
            if t and current and before_slips and t["value"] == current["value"]:
                current = before_slips.pop()     # the slip itself is denied
            elif t and current and t["value"] != current["value"]:
                pass                             # denies a move that was never ours: nothing changes
            else:
                denied = True
            continue
        if not r.get("forward") and r.get("modality") in DONE:
            if promised and fulfilled_on is None:  # the first report counts; an event before any promise fulfils nothing
                fulfilled_on = (t or {}).get("start") or r.get("dct_date")
            continue
        promised = promised or bool(r.get("forward"))
        denied = False  # a later positive report revives a denied plan
        if t is None:
            continue
        if current is None:
            current = t
        elif t["value"] == current["value"]:
            continue
        elif _later(t, current):
            before_slips.append(current)
            current = t
        else:  # moved earlier: back to an old target, or advanced; neither is a slip
            before_slips = [b for b in before_slips if _later(t, b)]
            current = t
    entry: dict[str, Any] = {
        "status": "open", "target": current["value"] if current else None, "history": history,
        "fulfilled_on": None, "due_since": None, "slipped_from": None,
    }
    if before_slips:
        entry["slipped_from"] = before_slips[-1]["value"]
    if fulfilled_on:
        entry.update(status="fulfilled", fulfilled_on=fulfilled_on)
    elif denied:
        entry["status"] = "denied"
    elif current and current.get("end") and current["end"] <= as_of:
        entry.update(status="due", due_since=current["end"])
    elif before_slips:
        entry["status"] = "slipped"
    return entry


class ChainStep:
    """GroupStep: claims keyed by subject; reduce links each subject's claims into chains.

    Claims of one subject are taken in publication order; each joins the chain holding its
    most similar claim (same `about`, or claim-text cosine >= threshold) or starts one. Only
    chains with a forward-looking claim are kept: the ledger tracks promises.
    threshold: see CHAIN_THRESHOLD
    """

    name = "claim-chains"

    def __init__(self, threshold: float = CHAIN_THRESHOLD):
        self.threshold = threshold

    def keys(self, row: dict[str, Any]) -> Iterable[str]:
        subject = subject_of(row)
        return (subject,) if subject else ()

    def reduce(self, subject: str, items: list[dict[str, Any]]) -> Iterable[tuple[dict, list[dict]]]:
        """(chain row, member rows) for every chain of this subject."""
        if not any(r.get("forward") for r in items):
            return
        groups: list[list[dict[str, Any]]] = []
        for r in sorted(items, key=lambda r: (r.get("dct_date") or "", r.get("doc_id") or "", r.get("idx") or 0)):
            scored = [(max(_similar(r, m) for m in g), -n) for n, g in enumerate(groups)]
            best = max(scored, default=None)
            if best is not None and best[0] >= self.threshold:
                groups[-best[1]].append(r)
            else:
                groups.append([r])
        for g in groups:
            promises = [r for r in g if r.get("forward")]
            if not promises:
                continue
            first = g[0]
            promise = next((r for r in promises if r.get("target_start")), promises[0])  # a dated promise names it best
            cid = chain_id(subject, first)
            chain = {"id": cid, "subject_key": subject, "subject_name": first.get("subject_name") or subject,
                     "key": thing_of(promise),
                     "about": promise.get("about") or promise.get("predicate") or thing_of(promise)}
            yield chain, [{"doc_id": r["doc_id"], "claim_idx": r["idx"], "chain_id": cid} for r in g]


def build_chains(rows: Iterable[dict[str, Any]], runner: Any = None,
                 threshold: float = CHAIN_THRESHOLD) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Chains and their members from claims rows (copies already removed).

    rows: claims rows with subject_key/name, about, predicate, embedding, doc_id, idx, dct_date
    runner: anything with `group(step, items)`; None runs the step here
    Returns (chains rows, chain_members rows) for the store, ordered by chain id.
    """
    step = ChainStep(threshold)
    if runner is None:
        by_key: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            for k in step.keys(r):
                by_key.setdefault(k, []).append(r)
        results = (x for k, items in by_key.items() for x in step.reduce(k, items))
    else:
        results = runner.group(step, rows)
    chains, members = [], []
    for chain, ms in sorted(results, key=lambda x: x[0]["id"]):
        chains.append(chain)
        members += ms
    return chains, members


def ledger(chains: list[dict[str, Any]], rows: list[dict[str, Any]], as_of: str | None = None,
           only: str | None = None) -> list[dict[str, Any]]:
    """Ledger entries in the `chronique ledger --json` shape, ordered by subject then first report.

    chains: chains rows; rows: member claims with chain_id, dct, dct_date, source
    as_of: ISO date (default today); only: keep one status
    """
    as_of = as_of or _dt.date.today().isoformat()
    by_chain: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_chain.setdefault(r["chain_id"], []).append(r)
    out = []
    for c in chains:
        members = [r for r in by_chain.get(c["id"], []) if (r.get("dct_date") or "") <= as_of]
        if not members:
            continue
        e = status(members, as_of)
        if only and e["status"] != only:
            continue
        sources = []
        for h in e["history"]:
            if h["source"] not in sources:
                sources.append(h["source"])
        out.append({
            "id": c["id"], "subject": c["subject_name"], "about": c["about"], "status": e["status"],
            "target": e["target"], "history": e["history"], "documents": sources,
            "fulfilled_on": e["fulfilled_on"], "due_since": e["due_since"], "slipped_from": e["slipped_from"],
        })
    out.sort(key=lambda e: (fold(e["subject"] or ""), e["history"][0]["dct"] or "", e["id"]))
    return out
