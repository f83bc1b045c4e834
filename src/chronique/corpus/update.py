"""The corpus-level pass after ingest: duplicates, stories and claim chains, from the store.

Duplicates and chains are recomputed whole (cheap, and deterministic, so a re-run changes
nothing); stories are incremental: stored assignments stay, new articles join them.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any


from ..store import Store
from . import dedup, ledger, stories
from .features import as_vector


def _prints(store: Store) -> list[dedup.Print]:
    rows = store.con.execute(
        "SELECT f.doc_id, CAST(d.dct_date AS VARCHAR), d.dct, d.source, f.text_hash, f.minhash "
        "FROM fingerprints f JOIN documents d ON d.id = f.doc_id"
    ).fetchall()
    # earliest first: day, then the dct itself (a time of day sorts after the bare date), then source
    return [dedup.Print(r[0], (r[1] or "9999", r[2] or "", r[3], r[0]), r[4], tuple(r[5]) if r[5] else None)
            for r in rows]


def refresh_duplicates(store: Store, runner: Any) -> list[dedup.Pair]:
    prints = _prints(store)

    def text_of(doc_id: str) -> str:
        return store.con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]

    pairs = dedup.find_duplicates(prints, runner, text_of)
    store.replace_table("duplicates", [
        {"doc_id": p.copy, "original_id": p.original, "kind": p.kind, "similarity": p.similarity} for p in pairs
    ])
    return pairs


def story_items(store: Store) -> list[stories.Item]:
    """Dated articles with anchors (entity keys + capitalised words) and embeddings."""
    rows = store.con.execute(
        "SELECT d.id, d.dct_date, left(d.text, 1500), f.embedding, "
        "  (SELECT list(e.key) FROM entities e WHERE e.doc_id = d.id AND e.label IN ('ORG', 'PER', 'LOC', 'MISC')) "
        "FROM documents d LEFT JOIN fingerprints f ON f.doc_id = d.id WHERE d.dct_date IS NOT NULL"
    ).fetchall()
    items = []
    for doc_id, day, text, emb, keys in rows:
        vec = as_vector(emb)
        items.append(stories.Item(doc_id, day.toordinal(), stories.anchors(text or "", keys or ()), vec))
    return items


def refresh_stories(store: Store, runner: Any) -> dict[str, str]:
    existing = dict(store.con.execute("SELECT doc_id, story_id FROM stories").fetchall())
    items = story_items(store)
    copies = dict(store.con.execute("SELECT doc_id, original_id FROM duplicates").fetchall())
    assigned = stories.cluster([i for i in items if i.doc_id not in copies], runner, existing)
    for copy, original in copies.items():  # a copy is in its original's story
        if original in assigned:
            assigned[copy] = assigned[original]
    new = [{"doc_id": d, "story_id": s} for d, s in sorted(assigned.items()) if existing.get(d) != s]
    if new:
        with store.transaction():
            store.con.execute("DELETE FROM stories WHERE doc_id IN (SELECT unnest(?))", [[r["doc_id"] for r in new]])
            store.insert("stories", new)
    return assigned


def refresh_chains(store: Store, runner: Any = None) -> int:
    rows = store.query(
        "SELECT c.* EXCLUDE (data), CAST(d.dct_date AS VARCHAR) AS dct_date FROM claims c "
        "JOIN documents d ON d.id = c.doc_id "
        "WHERE c.doc_id NOT IN (SELECT doc_id FROM duplicates)"
    )
    chains, members = ledger.build_chains(rows, runner)
    with store.transaction():
        store.con.execute("DELETE FROM chain_members")
        store.con.execute("DELETE FROM chains")
        store.insert("chains", chains)
        store.insert("chain_members", members)
    return len(chains)


def refresh(store: Store, runner: Any) -> dict[str, int]:
    """Recompute every corpus-level table; returns their sizes."""
    pairs = refresh_duplicates(store, runner)
    assigned = refresh_stories(store, runner)
    n_chains = refresh_chains(store, runner)
    return {"duplicates": len(pairs), "stories": len(set(assigned.values())), "chains": n_chains}


def ledger_query(store: Store, as_of: str | None = None, only: str | None = None) -> list[dict[str, Any]]:
    """`chronique ledger` entries from a store (see corpus.ledger.ledger)."""
    chains = store.query("SELECT * FROM chains ORDER BY id")
    rows = store.query(
        "SELECT c.* EXCLUDE (embedding, data), m.chain_id, d.source, d.dct, CAST(d.dct_date AS VARCHAR) AS dct_date "
        "FROM chain_members m JOIN claims c ON c.doc_id = m.doc_id AND c.idx = m.claim_idx "
        "JOIN documents d ON d.id = m.doc_id"
    )
    return ledger.ledger(chains, rows, as_of or _dt.date.today().isoformat(), only)


def stories_query(store: Store, min_size: int = 1) -> list[dict[str, Any]]:
    """`chronique stories` entries: {id, documents: [{id, source, dct, title}]} by first date."""
    rows = store.query(
        "SELECT s.story_id, d.id, d.source, d.dct, d.title, d.dct_date FROM stories s "
        "JOIN documents d ON d.id = s.doc_id ORDER BY d.dct_date, d.source, d.id"
    )
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        out.setdefault(r["story_id"], {"id": r["story_id"], "documents": []})["documents"].append(
            {"id": r["id"], "source": r["source"], "dct": r["dct"], "title": r["title"]})
    return [s for s in out.values() if len(s["documents"]) >= min_size]
