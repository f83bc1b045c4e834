"""`chronique ledger [--status S] [--as-of DATE] [--json]`: promises and what became of them."""
from __future__ import annotations

import argparse
import datetime as dt

from ..corpus.ledger import STATUSES
from ..corpus.update import ledger_query
from ..errors import UsageError
from ..store import Store
from .common import dumps
from .ingest import add_db_option


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("ledger", help="claim chains with their status: open, due, slipped, fulfilled, denied",
                              description="The same claim across articles and languages, chained by publication "
                                          "date, with its status as of a date.")
    add_db_option(p)
    p.add_argument("--status", choices=STATUSES, default=None, help="only chains with this status")
    p.add_argument("--as-of", default=None, metavar="DATE", help="status as of this ISO date (default: today)")
    p.add_argument("--json", action="store_true", help="a JSON list of chains")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    as_of = args.as_of
    if as_of:
        try:
            as_of = dt.date.fromisoformat(as_of).isoformat()
        except ValueError:
            raise UsageError(f"--as-of wants an ISO date like 2024-06-30, not {args.as_of!r}") from None
    with Store(args.db, read_only=True) as store:
        entries = ledger_query(store, as_of, args.status)
    if args.json:
        print(dumps(entries))
        return 0
    for e in entries:
        extra = {"fulfilled": e["fulfilled_on"], "due": e["due_since"], "slipped": e["slipped_from"]}.get(e["status"])
        label = {"fulfilled": "on", "due": "since", "slipped": "from"}.get(e["status"], "")
        print(f"== {e['status'].upper():<9} {e['subject']}: {e['about']}  target {e['target'] or '-'}"
              + (f" ({label} {extra})" if extra else ""))
        for h in e["history"]:
            print(f"   {h['dct'] or '-':<12} {h['modality'] or '-':<10} {h['target'] or '-':<10} {h['source']}")
    return 0
