"""Corpus benchmark on Reuters-21578: ingest throughput and memory, dedup against datasketch,
story clustering on our labelled set, timeline and ledger query latency.

    .venv/bin/python -m benchmarks.corpus [--quick] [--docs N] [--workers N]

Dedup ground truth is computed exactly here: groups of identical bodies, and every pair whose
word 5-shingle Jaccard is >= 0.8 (all pairs, with prefix filtering to stay fast).
"""
from __future__ import annotations

import argparse
import gc
import os
import glob
import itertools
import json
import math
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks.paths import REPO, shared_dir
from chronique.corpus import dedup, fingerprint as fp
from chronique.errors import DocumentError
from chronique.io.reuters import read_reuters
from chronique.run.local import LocalRunner

THRESHOLD = 0.8


def reuters(limit: int) -> list:
    files = sorted(glob.glob(str(shared_dir() / "data" / "news" / "reuters21578" / "reut2-*.sgm")))
    assert files, "Reuters-21578 not found under ../shared/data/news/reuters21578"
    return [d for d in read_reuters(files, limit) if not isinstance(d, DocumentError)]


def truth(shingles: list[set[str]], texts: list[str]) -> tuple[int, set[tuple[int, int]]]:
    """(groups of byte-identical bodies, all pairs with word 5-shingle Jaccard >= THRESHOLD), exactly."""
    groups = sum(1 for n in Counter(texts).values() if n > 1)
    freq = Counter(s for sh in shingles for s in sh)
    ordered = [sorted(sh, key=lambda s: (freq[s], s)) for sh in shingles]
    index: dict[str, list[int]] = defaultdict(list)
    pairs = set()
    for i in sorted(range(len(ordered)), key=lambda i: len(ordered[i])):
        tokens = ordered[i]
        if not tokens:
            continue
        prefix = len(tokens) - math.ceil(THRESHOLD * len(tokens)) + 1  # a match must share one of these
        cands = {j for t in tokens[:prefix] for j in index[t]}
        for j in cands:
            small, big = len(shingles[j]), len(shingles[i])
            if small >= THRESHOLD * big and fp.jaccard(shingles[i], shingles[j]) >= THRESHOLD:
                pairs.add((min(i, j), max(i, j)))
        for t in tokens[:prefix]:
            index[t].append(i)
    return groups, pairs


def score(found: set, gold: set) -> tuple[float, float]:
    tp = len(found & gold)
    return tp / max(len(found), 1), tp / max(len(gold), 1)


def bench_dedup(docs: list) -> dict:
    texts = [d.text for d in docs]
    shingles = [fp.shingles(t) for t in texts]
    groups, gold = truth(shingles, texts)
    print(f"ground truth: {len(docs)} docs, {groups} groups of identical bodies, "
          f"{len(gold)} pairs with 5-shingle Jaccard >= {THRESHOLD}")
    ids = {d.id: i for i, d in enumerate(docs)}
    out = {"docs": len(docs), "groups": groups, "gold_pairs": len(gold)}

    # ours: rensa MinHash + LSH bands as a GroupStep; with and without the exact check.
    # Shingling is shared and not timed: both sides get the same shingle sets.
    t0 = time.perf_counter()
    sigs_r = [tuple(fp.minhash(s)) for s in shingles]
    t_sig = time.perf_counter() - t0
    prints = [dedup.Print(d.id, (d.dct or "9999", d.source, d.id), fp.text_hash(d.text), sig)
              for d, sig in zip(docs, sigs_r)]
    runner = LocalRunner(0)
    t0 = time.perf_counter()
    by_hash = defaultdict(list)
    for p in prints:
        by_hash[p.text_hash].append(ids[p.doc_id])
    exact = {(a, b) for g in by_hash.values() for a, b in itertools.combinations(sorted(g), 2)}
    near = list(runner.group(dedup.NearStep(THRESHOLD, margin=0.0), prints))
    t_lsh = time.perf_counter() - t0
    est = exact | {tuple(sorted((ids[p.original], ids[p.copy]))) for p in near}
    t0 = time.perf_counter()
    near_v = dedup.verify(runner.group(dedup.NearStep(THRESHOLD), prints), lambda i: docs[ids[i]].text, THRESHOLD)
    t_ver = time.perf_counter() - t0
    checked = exact | {tuple(sorted((ids[p.original], ids[p.copy]))) for p in near_v}
    for name, found, secs, lsh_s in (("chronique (rensa, LSH only)", est, t_sig + t_lsh, t_lsh),
                                     ("chronique (rensa, LSH + exact check)", checked, t_sig + t_ver, t_ver)):
        p, r = score(found, gold)
        print(f"  {name:<40} precision {p:.3f}  recall {r:.3f}  {secs:6.2f} s (signatures {t_sig:.2f} s, "
              f"LSH {lsh_s:.2f} s)  ({len(found)} pairs)")
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "seconds": round(secs, 2),
                     "signatures_s": round(t_sig, 2)}

    # peer: datasketch MinHash + MinHashLSH, same shingles, same 128 permutations
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    sigs = []
    for sh in shingles:
        m = MinHash(num_perm=fp.NUM_PERM, seed=1)
        m.update_batch([s.encode() for s in sh])
        sigs.append(m)
    t_sig_d = time.perf_counter() - t0
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=fp.NUM_PERM)
    found = set()
    for i, m in enumerate(sigs):
        for j in lsh.query(m):
            found.add((j, i))
        lsh.insert(i, m)
    t_lsh_d = time.perf_counter() - t0
    p, r = score(found, gold)
    print(f"  {'datasketch MinHashLSH (peer)':<40} precision {p:.3f}  recall {r:.3f}  {t_sig_d + t_lsh_d:6.2f} s "
          f"(signatures {t_sig_d:.2f} s, LSH {t_lsh_d:.2f} s)  ({len(found)} pairs)")
    out["datasketch"] = {"precision": round(p, 4), "recall": round(r, 4), "seconds": round(t_sig_d + t_lsh_d, 2),
                         "signatures_s": round(t_sig_d, 2)}
    return out


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _workers_peak_mb() -> float:
    """Largest peak RSS (VmHWM) among this process's descendants: forkserver workers are
    grandchildren, so RUSAGE_CHILDREN never sees them."""
    parents: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            parents[int(status.parent.name)] = int(fields["PPid"])
        except (OSError, KeyError, ValueError):
            continue
    me, peak = os.getpid(), 0.0
    for pid in parents:
        p = parents.get(pid)
        while p and p != me:
            p = parents.get(p)
        if p == me:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]) / 1024)
            except OSError:
                pass
    return peak


def bench_ingest(docs: list, workers: int, db: Path, steps: list[str] | None, embed: bool) -> dict:
    from chronique.process import build_pipeline
    from chronique.run.ingest import ingest
    from chronique.store import Store
    import functools

    build = functools.partial(build_pipeline, steps)
    marks: list[tuple[int, float]] = []
    worker_peak = [0.0]

    def progress(stats) -> None:
        marks.append((stats.stored + stats.errors, _rss_mb()))
        worker_peak[0] = max(worker_peak[0], _workers_peak_mb())

    gc.collect()
    t0 = time.perf_counter()
    with Store(db) as store:
        stats = ingest(iter(docs), store, LocalRunner(workers=workers, embed=embed), build, batch=200,
                       progress=progress, refresh=False)
        t_docs = time.perf_counter() - t0
        t1 = time.perf_counter()
        from chronique.corpus.update import refresh

        sizes = refresh(store, LocalRunner(workers=workers))
        t_corpus = time.perf_counter() - t1
        counts = store.counts()
    child = max(worker_peak[0], resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = stats.stored / t_docs
    quarters = [marks[min(len(marks) - 1, max(0, int(len(marks) * q) - 1))] for q in (0.25, 0.5, 1.0)] if marks else []
    print(f"ingest: {stats.stored} docs, {stats.errors} errors in {t_docs:.1f} s = {rate:.1f} docs/s "
          f"with {workers} workers (steps: {','.join(steps or ['all'])}; embeddings {'on' if embed else 'off'})")
    print(f"  corpus pass (duplicates, stories, chains): {t_corpus:.1f} s -> {sizes}")
    print(f"  peak RSS: parent {parent:.0f} MB, largest worker {child:.0f} MB; parent RSS at 25/50/100%: "
          + ", ".join(f"{mb:.0f} MB@{n}" for n, mb in quarters))
    print(f"  rows: {json.dumps(counts)}")
    return {"docs_per_s": round(rate, 2), "seconds": round(t_docs, 1), "corpus_pass_s": round(t_corpus, 1),
            "peak_parent_mb": round(parent), "peak_worker_mb": round(child), "rss_marks": quarters, "rows": counts,
            "refresh": sizes}


def bench_queries(db: Path) -> dict:
    from chronique.corpus import timeline
    from chronique.corpus.update import ledger_query
    from chronique.store import Store

    with Store(db, read_only=True) as store:
        top = store.query("SELECT subject_name AS name, count(*) AS n FROM claims WHERE subject_name IS NOT NULL "
                          "GROUP BY 1 ORDER BY 2 DESC LIMIT 1")
        entity = top[0]["name"] if top else "USA"
        times_t, times_l = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            entries = timeline.query(store, entity)
            times_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            chains = ledger_query(store, "1988-01-01")
            times_l.append(time.perf_counter() - t0)
    t_ms, l_ms = statistics.median(times_t) * 1000, statistics.median(times_l) * 1000
    print(f"queries: timeline {entity!r} ({len(entries)} entries) {t_ms:.1f} ms; "
          f"ledger ({len(chains)} chains) {l_ms:.1f} ms (median of 5)")
    return {"timeline_ms": round(t_ms, 1), "timeline_entity": entity, "timeline_entries": len(entries),
            "ledger_ms": round(l_ms, 1), "ledger_chains": len(chains)}


def bench_stories() -> dict:
    """Pair precision/recall on tests/data/stories/labelled.jsonl, with and without the encoder."""
    import datetime as dt


    from chronique.corpus import stories
    from chronique.corpus.features import Featurizer, as_vector
    from chronique.types import Document

    rows = [json.loads(x) for x in (REPO / "tests" / "data" / "stories" / "labelled.jsonl").read_text().splitlines()]
    t0 = time.perf_counter()
    feats = Featurizer().many([Document(id=r["id"], source="", raw=r["text"], text=r["text"]) for r in rows])
    t_emb = (time.perf_counter() - t0) / len(rows) * 1000
    gold = {r["id"]: r["story"] for r in rows}
    same = lambda m: {(a, b) for a, b in itertools.combinations(sorted(m), 2) if m[a] == m[b]}  # noqa: E731
    out = {}
    for embed in (False, True):
        items = [stories.Item(r["id"], dt.date.fromisoformat(r["dct"]).toordinal(), stories.anchors(r["text"]),
                              as_vector(f["embedding"]) if embed else None)
                 for r, f in zip(rows, feats)]
        got = stories.cluster(items, LocalRunner(0))
        p, r = score(same(got), same(gold))
        name = "entities + time + encoder" if embed else "entities + time only"
        print(f"stories ({len(rows)} labelled FR/EN articles): {name:<26} pair precision {p:.2f} recall {r:.2f}")
        out[name] = {"precision": round(p, 3), "recall": round(r, 3)}
    print(f"  encoder cost: {t_emb:.1f} ms per lede (this set, batch)")
    out["encoder_ms_per_lede"] = round(t_emb, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1,000 documents instead of 20,000")
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--steps", default=None, help="per-document steps (default: all)")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--json", default=None, metavar="FILE", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    n = args.docs or (1000 if args.quick else 20000)
    docs = reuters(n)
    results = {"stories": bench_stories(), "dedup": bench_dedup(docs)}
    steps = args.steps.split(",") if args.steps else None
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "reuters.duckdb"
        results["ingest"] = bench_ingest(docs, args.workers, db, steps, not args.no_embed)
        results["queries"] = bench_queries(db)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
