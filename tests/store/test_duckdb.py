"""The DuckDB store: schema versions, idempotent batches, crash consistency, Parquet export."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb

from benchmarks.paths import REPO
from chronique.errors import DocumentError
from chronique.pipeline import Pipeline
from chronique.run.ingest import ingest
from chronique.run.local import LocalRunner
from chronique.store import Store
from chronique.store.duckdb import MIGRATIONS, dct_date
from chronique.types import Claim, Document, Entity, content_id


def _doc(i: int, dct: str = "2023-05-04") -> Document:
    text = f"Article number {i} says the port of Brest ordered {i + 3} cranes from Kalmar on {dct}."
    claim = Claim(id=f"c{i}", start=0, end=10, text=text[:40], subject={"key": "brest", "name": "Brest"},
                  predicate="order", target=None, modality="fact", key="order-cranes")
    ent = Entity(id=f"e{i}", start=0, end=5, text="Brest", label="LOC", key="brest")
    return Document(id=content_id(text.encode()), source=f"mem/{i}.txt", raw=text, text=text, dct=dct,
                    entities=(ent,), claims=(claim,))


def _empty_pipeline() -> Pipeline:
    return Pipeline([])


def _ingest(db: Path, docs: list, workers: int = 0) -> dict[str, int]:
    with Store(db) as store:
        ingest(docs, store, LocalRunner(workers=workers, embed=False), _empty_pipeline, batch=7)
        return store.counts()


def test_duckdb_same_input_twice_changes_nothing(tmp_path):
    docs = [_doc(i) for i in range(20)] + [DocumentError("mem/bad.txt", "C002", "file is empty")]
    first = _ingest(tmp_path / "a.duckdb", docs)
    again = _ingest(tmp_path / "a.duckdb", docs)
    assert first == again
    assert first["documents"] == 20 and first["claims"] == 20 and first["entities"] == 20
    assert first["errors"] == 1 and first["fingerprints"] == 20


def test_duckdb_parallel_and_serial_store_the_same_rows(tmp_path):
    docs = [_doc(i) for i in range(30)]
    serial = _ingest(tmp_path / "s.duckdb", docs, workers=0)
    parallel = _ingest(tmp_path / "p.duckdb", docs, workers=2)
    assert serial == parallel
    q = "SELECT id, text FROM documents ORDER BY id"
    with Store(tmp_path / "s.duckdb", read_only=True) as a, Store(tmp_path / "p.duckdb", read_only=True) as b:
        assert a.query(q) == b.query(q)


def test_duckdb_schema_version_is_recorded_once(tmp_path):
    db = tmp_path / "v.duckdb"
    with Store(db) as store:
        assert store.version() == max(MIGRATIONS)
    with Store(db) as store:  # reopening applies nothing twice
        assert store.count("schema_version") == len(MIGRATIONS)


def test_duckdb_failing_batch_rolls_back(tmp_path):
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        good = _doc(1)
        try:
            with store.transaction():
                store.insert("documents", [{"id": good.id, "source": "x", "raw": "r", "text": "t"}])
                store.insert("documents", [{"id": good.id, "source": "x", "raw": "r", "text": "t"}])  # duplicate key
        except duckdb.Error:
            pass
        assert store.count("documents") == 0


def test_duckdb_dct_date_keeps_granularity_start():
    assert dct_date("2021-10") == "2021-10-01"
    assert dct_date("2024-03-07T08:45") == "2024-03-07"
    assert dct_date("2021") == "2021-01-01"
    assert dct_date(None) is None and dct_date("PRESENT_REF") is None


def test_duckdb_export_writes_one_parquet_per_table(tmp_path):
    db = tmp_path / "e.duckdb"
    _ingest(db, [_doc(i) for i in range(5)])
    with Store(db, read_only=True) as store:
        paths = store.export_parquet(tmp_path / "out")
    assert paths["documents"].is_file()
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{paths['documents']}')").fetchone()[0]
    assert n == 5
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"claims.parquet", "duplicates.parquet", "chains.parquet"}


CRASH_SCRIPT = textwrap.dedent("""
    import sys, time
    from chronique.pipeline import Pipeline
    from chronique.run.ingest import ingest
    from chronique.run.local import LocalRunner
    from chronique.store import Store
    from chronique.types import Claim, Document, Entity, content_id

    class Slow:
        name = "slow"
        def __call__(self, doc):
            time.sleep(0.004)
            ent = Entity(id="e", start=0, end=4, text="Nova", label="ORG", key="nova")
            claims = tuple(Claim(id=f"c{k}", start=0, end=4, text="Nova", subject={"key": "nova", "name": "Nova"},
                                 predicate="p", target=None, modality="fact", key=f"k{k}") for k in range(3))
            return doc.replace(entities=(ent,), claims=claims)

    def build():
        return Pipeline([Slow()])

    def docs():
        for i in range(N):
            text = f"Nova Systems report {i}: revenue rose {i % 17} percent in quarter {i % 4} of year {2000 + i % 20}."
            yield Document(id=content_id(text.encode()), source=f"gen/{i}", raw=text, text=text, dct="2020-01-02")

    def progress(stats):
        print("committed", stats.stored, flush=True)

    if __name__ == "__main__":  # workers import this file again: only the parent ingests
        with Store(sys.argv[1]) as store:
            ingest(docs(), store, LocalRunner(workers=2, chunk=4, embed=False), build, batch=25, progress=progress)
        print("done", flush=True)
""")


def _run_crash_script(db: Path, n: int, kill_after: int | None) -> subprocess.CompletedProcess | None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    script = db.with_suffix(".py")  # a file, not -c: worker processes re-import the main module
    script.write_text(f"N = {n}\n" + CRASH_SCRIPT, encoding="utf-8")
    cmd = [sys.executable, str(script), str(db)]
    if kill_after is None:
        return subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=300, check=True)
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        for line in proc.stdout:
            if line.startswith("committed") and int(line.split()[1]) >= kill_after:
                break
        os.killpg(proc.pid, signal.SIGKILL)  # the script and its pool workers, mid-run
    finally:
        proc.wait(timeout=60)
    return None


def _consistent(store: Store) -> None:
    """Every stored document has all of its rows, and no row lacks its document."""
    docs = store.count("documents")
    assert store.count("fingerprints") == docs
    assert store.count("entities") == docs
    assert store.count("claims") == 3 * docs
    orphans = store.query("SELECT count(*) AS n FROM claims WHERE doc_id NOT IN (SELECT id FROM documents)")
    assert orphans[0]["n"] == 0


def test_duckdb_kill_9_mid_ingest_then_rerun_finishes(tmp_path):
    n = 600
    db = tmp_path / "crash.duckdb"
    _run_crash_script(db, n, kill_after=100)
    with Store(db) as store:
        _consistent(store)
        partial = store.count("documents")
    assert 100 <= partial < n  # it really died in the middle
    out = _run_crash_script(db, n, kill_after=None)
    assert "done" in out.stdout
    with Store(db) as store:
        _consistent(store)
        assert store.count("documents") == n
        assert store.count("stories") == n  # the corpus pass ran to the end


class _FailOn7:
    name = "fail-on-7"

    def __call__(self, doc: Document) -> Document:
        if "number 7 " in doc.text:
            raise ValueError("seven is not allowed")
        return doc


def _build_failing() -> Pipeline:
    return Pipeline([_FailOn7()])


def test_duckdb_failed_document_goes_to_errors_with_its_reason(tmp_path):
    db = tmp_path / "f.duckdb"
    docs = [_doc(i) for i in range(12)]
    with Store(db) as store:
        stats = ingest(docs, store, LocalRunner(workers=2, chunk=3, embed=False), _build_failing, batch=5)
        errors = store.query("SELECT doc_id, code, reason FROM errors")
        assert store.count("documents") == 11 and stats.errors == 1
    assert errors[0]["doc_id"] == docs[7].id and errors[0]["code"] == "C010"
    assert "seven is not allowed" in errors[0]["reason"] and "fail-on-7" in errors[0]["reason"]
