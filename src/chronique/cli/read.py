"""`chronique read PATH... [--json]`: repaired text and facts, one document at a time."""
from __future__ import annotations

import argparse
import sys
from collections import Counter

from ..errors import DocumentError
from ..io import read_paths
from ..process import build_pipeline, parse_steps
from ..types import Document
from .common import add_input_options, document_json, dumps, error_json, read_options, report_error


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("read", help="repair articles and print their text and facts",
                              description="Read articles, repair them, anchor their dates and extract facts.")
    add_input_options(p)
    p.add_argument("--json", action="store_true", help="one JSON object per document per line")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = read_options(args)
    pipeline = build_pipeline(parse_steps(args.steps))
    read = 0
    for item in pipeline.run(read_paths(args.paths, options)):
        if isinstance(item, DocumentError):
            report_error(item)
            if args.json:
                print(dumps(error_json(item)), flush=True)
            continue
        read += 1
        for warning in item.warnings:
            print(f"chronique: warning: {item.source}: {warning}", file=sys.stderr)
        print(dumps(document_json(item)) if args.json else human(item), flush=True)
    return 0 if read else 1


def _short(s: str, n: int = 60) -> str:
    s = s.replace("\n", "⏎")
    return s if len(s) <= n else s[: n - 1] + "…"


def human(doc: Document) -> str:
    lines = [f"== {doc.source}  id={doc.id}  dct={doc.dct or '-'}  lang={doc.lang or '-'}", "", doc.text.rstrip(), ""]
    if doc.edits:
        kinds = Counter(e.kind for e in doc.edits)
        removed = sum(e.raw_end - e.raw_start - len(e.replacement) for e in doc.edits)
        net = f"{removed:,} characters removed" if removed >= 0 else f"{-removed:,} characters added"
        lines.append(f"-- edits: {len(doc.edits)} ({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}), net {net}")
        for e in doc.edits:
            lines.append(f"   {e.kind:<11} raw[{e.raw_start}:{e.raw_end}] -> {_short(e.replacement) or '(removed)'!s}  {e.reason}")
    if doc.timexes:
        lines.append(f"-- timexes: {len(doc.timexes)}")
        for t in doc.timexes:
            extra = f" {t.mod}" if t.mod else ""
            span = f" [{t.interval[0]}, {t.interval[1]})" if t.interval else ""
            lines.append(f"   {t.text!r:<45} {t.type:<8} {t.value}{extra}{span}")
    if doc.figures:
        lines.append(f"-- figures: {len(doc.figures)}")
        for f in doc.figures:
            unit = " ".join(x for x in (f.currency, f.unit, f.mod) if x)
            sign = {"up": "+", "down": ""}.get(f.direction or "", "") if not f.value.startswith("-") else ""
            lines.append(f"   {f.text!r:<45} {f.kind:<8} {sign}{f.value} {unit}".rstrip())
    if doc.claims:
        lines.append(f"-- claims: {len(doc.claims)}")
        for c in doc.claims:
            target = " ".join(x for x in (c.target["value"], c.target.get("mod")) if x) if c.target else "-"
            who = (c.source or {}).get("who") or ""
            lines.append(f"   {c.subject.get('name', '?')} · {c.predicate} · {target} · {c.modality}"
                         + (f" · per {who}" if who else "") + f"  «{_short(c.text, 70)}»")
    return "\n".join(lines) + "\n"
