"""The DuckDB store: versioned schema, idempotent per-batch upserts keyed by document id, Parquet export.

Only one process writes (the runner's parent); each batch is one transaction, so a `kill -9`
leaves whole batches or nothing, and a re-run skips the ids already stored.
"""
from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..errors import DocumentError, UsageError
from ..time import calendar
from ..types import Document, content_id, to_dict

SCHEMA = Path(__file__).with_name("schema.sql")
DEFAULT_DB = "chronique.duckdb"

# version -> SQL run once, in order, inside one transaction. Version 1 is schema.sql; a later
# change appends `2: "ALTER TABLE ..."` here and never edits an applied entry.
MIGRATIONS: dict[int, str] = {1: SCHEMA.read_text(encoding="utf-8")}

# Tables in dependency order; every one of them is exported.
TABLES = (
    "documents", "edits", "timexes", "entities", "figures", "claims", "fingerprints",
    "duplicates", "stories", "chains", "chain_members", "errors", "schema_version",
)
DOC_TABLES = ("documents", "edits", "timexes", "entities", "figures", "claims", "fingerprints")


def dct_date(dct: str | None) -> str | None:
    """First day of a TIMEX3 date value: '2021-10' -> '2021-10-01'; None when not a calendar date."""
    parsed = calendar.parse(dct) if dct else None
    return parsed[0].isoformat() if parsed else None


class Store:
    """A connection to one database file (or ':memory:').

    path: the DuckDB file; created with the current schema when missing
    read_only: open without taking the write lock (queries only)
    """

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise UsageError(f"no database at {self.path}; run `chronique ingest PATH --db {self.path}` first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise UsageError(f"cannot open {self.path}: {exc}") from None
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        return self.con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]

    def migrate(self) -> int:
        """Apply every migration above the stored version; returns the version reached."""
        current = self.version()
        for version in sorted(v for v in MIGRATIONS if v > current):
            with self.transaction():
                self.con.execute(MIGRATIONS[version])
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?)",
                    [version, _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")],
                )
            current = version
        return current

    # -- transactions ---------------------------------------------------------------------
    def transaction(self) -> "_Transaction":
        return _Transaction(self.con)

    # -- writing --------------------------------------------------------------------------
    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        """The subset of `ids` already stored."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()
        return {r[0] for r in rows}

    def write_batch(
        self,
        docs: Iterable[tuple[Document, dict[str, Any] | None]],
        errors: Iterable[DocumentError] = (),
    ) -> int:
        """Store documents (with their fingerprint dicts) and errors in one transaction.

        docs: (document, features) pairs; features has text_hash, minhash, embedding
        errors: DocumentErrors to record; the same error twice is stored once
        Returns the number of documents inserted (ids already present are skipped).
        """
        docs = list(docs)
        with self.transaction():
            present = self.existing_ids([d.id for d, _ in docs])
            seen: set[str] = set()
            fresh = []
            for doc, feats in docs:
                if doc.id in present or doc.id in seen:
                    continue
                seen.add(doc.id)
                fresh.append((doc, feats))
            for table, rows in _rows(fresh).items():
                self.insert(table, rows)
            self.insert("errors", [_error_row(e) for e in errors], on_conflict=True)
        return len(fresh)

    def insert(self, table: str, rows: list[dict[str, Any]], on_conflict: bool = False) -> None:
        """Insert rows column-wise (one UNNEST per column: ~20x faster than executemany)."""
        if not rows:
            return
        cols = list(rows[0])
        select = ", ".join("unnest(?)" for _ in cols)
        tail = " ON CONFLICT DO NOTHING" if on_conflict else ""
        self.con.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select}{tail}",
            [[r[c] for r in rows] for c in cols],
        )

    def replace_table(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Swap the whole content of a derived table (duplicates, stories, chains) atomically."""
        with self.transaction():
            self.con.execute(f"DELETE FROM {table}")
            self.insert(table, rows)

    # -- reading --------------------------------------------------------------------------
    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in TABLES}

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        rows = self.query("SELECT * FROM documents WHERE id = ?", [doc_id])
        return rows[0] if rows else None

    # -- export ---------------------------------------------------------------------------
    def export_parquet(self, out_dir: str | Path) -> dict[str, Path]:
        """One Parquet file per table in `out_dir`; returns table -> path."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = {}
        for table in TABLES:
            path = out / f"{table}.parquet"
            self.con.execute(f"COPY {table} TO '{_sql_str(path)}' (FORMAT PARQUET)")
            paths[table] = path
        return paths


class _Transaction:
    """BEGIN/COMMIT, or ROLLBACK when the block raises."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")


def _sql_str(path: Path) -> str:
    return str(path).replace("'", "''")


def _error_row(err: DocumentError) -> dict[str, Any]:
    key = f"{err.source}\0{err.code}\0{err.reason}".encode()
    return {"id": content_id(key, "e"), "source": err.source, "doc_id": err.doc_id, "code": err.code, "reason": err.reason}


def _rows(items: list[tuple[Document, dict[str, Any] | None]]) -> dict[str, list[dict[str, Any]]]:
    """Documents flattened into rows for each per-document table."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in DOC_TABLES}
    for doc, feats in items:
        out["documents"].append({
            "id": doc.id, "source": doc.source, "dct": doc.dct, "dct_date": dct_date(doc.dct),
            "lang": doc.lang, "title": doc.title, "url": doc.url, "raw": doc.raw,
            "text": doc.text or doc.raw, "warnings": list(doc.warnings),
        })
        for i, e in enumerate(doc.edits):
            out["edits"].append({
                "doc_id": doc.id, "idx": i, "kind": e.kind, "span_start": e.start, "span_end": e.end,
                "raw_start": e.raw_start, "raw_end": e.raw_end, "replacement": e.replacement, "reason": e.reason,
            })
        for i, t in enumerate(doc.timexes):
            iv = t.interval or (None, None)
            out["timexes"].append({
                "doc_id": doc.id, "idx": i, "id": t.id, "span_start": t.start, "span_end": t.end, "text": t.text,
                "type": t.type, "value": t.value, "mod": t.mod, "quant": t.quant, "freq": t.freq,
                "anchor": t.anchor, "interval_start": iv[0], "interval_end": iv[1], "rule": t.rule,
            })
        for i, e in enumerate(doc.entities):
            out["entities"].append({
                "doc_id": doc.id, "idx": i, "id": e.id, "span_start": e.start, "span_end": e.end,
                "text": e.text, "label": e.label, "key": e.key,
            })
        for i, f in enumerate(doc.figures):
            out["figures"].append({
                "doc_id": doc.id, "idx": i, "span_start": f.start, "span_end": f.end, "text": f.text,
                "kind": f.kind, "value": f.value, "unit": f.unit, "currency": f.currency, "mod": f.mod,
            })
        claim_vecs = (feats or {}).get("claims") or []
        for i, c in enumerate(doc.claims):
            row = claim_row(doc.id, i, c)
            row["embedding"] = claim_vecs[i] if i < len(claim_vecs) else None
            out["claims"].append(row)
        if feats is not None:
            out["fingerprints"].append({
                "doc_id": doc.id, "text_hash": feats["text_hash"], "minhash": feats.get("minhash"),
                "embedding": feats.get("embedding"),
            })
    return out


def claim_row(doc_id: str, idx: int, claim: Any) -> dict[str, Any]:
    """One claims row; `about` is read when the Claim type carries it."""
    target = claim.target or {}
    interval = target.get("interval") or (None, None)
    subject = claim.subject or {}
    source = claim.source or {}
    return {
        "doc_id": doc_id, "idx": idx, "id": claim.id, "span_start": claim.start, "span_end": claim.end,
        "text": claim.text, "subject_key": subject.get("key"), "subject_name": subject.get("name"),
        "predicate": claim.predicate, "key": claim.key, "about": getattr(claim, "about", None),
        "modality": claim.modality, "polarity": claim.polarity, "forward": bool(claim.forward),
        "target_value": target.get("value"), "target_mod": target.get("mod"),
        "target_start": interval[0], "target_end": interval[1],
        "source_who": source.get("who"), "source_via": source.get("via"),
        "data": json.dumps(to_dict(claim), ensure_ascii=False),
    }
