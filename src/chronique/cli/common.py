"""Options and output shared by the subcommands that read articles."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import DocumentError, UsageError
from ..io import FieldMap, ReadOptions
from ..types import READ_KEYS, Document, to_dict


def add_input_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs, or - for standard input")
    g.add_argument("--format", choices=("auto", "text", "jsonl", "html"), default="auto",
                   help="input format (default: from the extension, else sniffed)")
    g.add_argument("--fields", metavar="MAP", default=None,
                   help="JSONL keys, e.g. text=article,date=pubdate|published (first present wins)")
    g.add_argument("--max-bytes", type=int, default=20_000_000, metavar="N",
                   help="refuse files larger than N bytes (default 20,000,000)")
    g.add_argument("--steps", default=None, metavar="LIST",
                   help="per-document steps to run, comma-separated (default: repair,lang,timex,facts)")


def read_options(args: argparse.Namespace) -> ReadOptions:
    try:
        fields = FieldMap.parse(args.fields)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return ReadOptions(format=args.format, fields=fields, max_bytes=args.max_bytes)


def document_json(doc: Document) -> dict[str, Any]:
    """The `read --json` object: exactly READ_KEYS, in that order."""
    data = to_dict(doc)
    return {k: data[k] for k in READ_KEYS}


def error_json(err: DocumentError) -> dict[str, Any]:
    empty: dict[str, Any] = {k: [] for k in READ_KEYS}
    empty.update(id=err.doc_id, source=err.source, dct=None, lang=None, text=None)
    empty["error"] = {"code": err.code, "reason": err.reason}
    return empty


def report_error(err: DocumentError) -> None:
    print(f"chronique: error: {err.source}: {err.code} {err.reason}", file=sys.stderr)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)
