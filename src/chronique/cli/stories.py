"""`chronique stories [--json]`: articles grouped by the news they report."""
from __future__ import annotations

import argparse

from ..corpus.update import stories_query
from ..store import Store
from .common import dumps
from .ingest import add_db_option


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("stories", help="list stories: articles reporting the same news in the same days",
                              description="Stories found at ingest (any language), oldest first.")
    add_db_option(p)
    p.add_argument("--min-size", type=int, default=1, metavar="N", help="only stories with at least N articles")
    p.add_argument("--json", action="store_true", help="a JSON list of {id, documents: [{id, source, dct, title}]}")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        found = stories_query(store, args.min_size)
    if args.json:
        print(dumps(found))
        return 0
    for s in found:
        print(f"== story {s['id']}  ({len(s['documents'])} articles)")
        for d in s["documents"]:
            print(f"   {d['dct'] or '-':<12} {d['source']}" + (f"  {d['title']}" if d["title"] else ""))
    return 0
