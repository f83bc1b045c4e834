"""`chronique` command line: one module per subcommand, each with `add_parser` and `run`."""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import UsageError

# Subcommand modules in the order `--help` lists them. Each defines
# `add_parser(subparsers)` (registering itself with `set_defaults(run=run)`) and `run(args) -> int`.
SUBCOMMANDS = ("read", "timeml", "ingest", "export", "stories", "timeline", "ledger", "serve")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chronique", description="Turn dated news into time-anchored facts.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":  # not written yet
                continue
            raise
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except UsageError as exc:
        print(f"chronique {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `chronique read ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
