"""`chronique ingest PATH... [--db FILE] [--workers N] [--batch N]`: articles into the store."""
from __future__ import annotations

import argparse
import functools
import os
import sys

from ..io import read_paths
from ..process import build_pipeline, parse_steps
from ..run.ingest import Stats, ingest
from ..run.local import LocalRunner
from ..store import DEFAULT_DB, Store
from .common import add_input_options, read_options


def add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"DuckDB database file (default: ./{DEFAULT_DB})")


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("ingest", help="process articles in parallel into a DuckDB database",
                              description="Read, repair, anchor and extract articles in worker processes, store "
                                          "them (idempotent: ids are content hashes), then find duplicates, "
                                          "stories and claim chains.")
    add_input_options(p)
    add_db_option(p)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes (default: all cores; 1 runs in this process)")
    p.add_argument("--batch", type=int, default=200, metavar="N", help="documents per transaction (default 200)")
    p.add_argument("--no-embed", action="store_true", help="cluster stories without the sentence encoder")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


class _Progress:
    """tqdm bar on stderr: documents/s and errors so far."""

    def __init__(self, quiet: bool):
        self.bar = None
        if not quiet:
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", file=sys.stderr, dynamic_ncols=True, desc="ingest")
        self.done = 0

    def __call__(self, stats: Stats) -> None:
        if self.bar is None:
            return
        n = stats.stored + stats.errors
        self.bar.update(n - self.done)
        self.done = n
        self.bar.set_postfix(errors=stats.errors, skipped=stats.skipped, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args: argparse.Namespace) -> int:
    options = read_options(args)
    build = functools.partial(build_pipeline, parse_steps(args.steps))
    runner = LocalRunner(workers=args.workers, embed=not args.no_embed)
    progress = _Progress(args.quiet)
    with Store(args.db) as store:
        try:
            stats = ingest(read_paths(args.paths, options), store, runner, build, batch=args.batch, progress=progress)
        finally:
            progress.close()
        counts = store.counts()
        n_stories = store.con.execute("SELECT count(DISTINCT story_id) FROM stories").fetchone()[0]
    print(f"chronique ingest: {stats.stored} stored, {stats.skipped} already there, {stats.errors} errors "
          f"({stats.rate:.1f} docs/s) -> {args.db}: {counts['documents']} documents, {counts['duplicates']} copies, "
          f"{n_stories} stories, {counts['chains']} claim chains", file=sys.stderr)
    return 0 if stats.stored or stats.skipped or not stats.errors else 1
