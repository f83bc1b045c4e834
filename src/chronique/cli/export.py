"""`chronique export --db FILE --out DIR`: one Parquet file per table."""
from __future__ import annotations

import argparse
import sys

from ..store import Store
from .ingest import add_db_option


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("export", help="export every table of the database to Parquet",
                              description="Write DIR/<table>.parquet for every table of the store.")
    add_db_option(p)
    p.add_argument("--out", required=True, metavar="DIR", help="output directory (created if missing)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        paths = store.export_parquet(args.out)
        for table, path in paths.items():
            print(f"{table:<15} {store.count(table):>8} rows  {path}", file=sys.stderr)
    return 0
