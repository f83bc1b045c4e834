"""`chronique timeline ENTITY [--json]`: an entity's statements in event time."""
from __future__ import annotations

import argparse

from ..corpus.timeline import query
from ..store import Store
from .common import dumps
from .ingest import add_db_option


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("timeline", help="an entity's claims ordered by event time",
                              description="Claims whose subject is ENTITY, ordered by their anchored interval "
                                          "(not the publication date), each with its sources and modality.")
    p.add_argument("entity", metavar="ENTITY", help="entity name or key, e.g. Xiaomi")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="a JSON list of entries")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with Store(args.db, read_only=True) as store:
        entries = query(store, args.entity)
    if args.json:
        print(dumps(entries))
        return 0 if entries else 1
    if not entries:
        print(f"no claims about {args.entity!r}")
        return 1
    for e in entries:
        w = e["when"]
        sources = ", ".join(f"{s['source']} ({s['dct'] or '-'})" for s in e["sources"])
        text = " ".join((e["text"] or "").split())
        print(f"{w['value'] or '-':<12} {e['modality']:<10} {text[:110]}")
        print(f"{'':<12} {'':<10} <- {sources}")
    return 0
