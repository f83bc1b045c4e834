"""`chronique timeml tag|eval`: tag TimeML corpora and score them with TempEval-3 metrics."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import UsageError


def add_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("timeml", help="tag TimeML files and score them (TempEval-3 metrics)")
    sub = p.add_subparsers(dest="timeml_command", metavar="ACTION")
    t = sub.add_parser("tag", help="tag every .tml (and MEANTIME .xml) file of IN_DIR into OUT_DIR")
    t.add_argument("in_dir", type=Path, metavar="IN_DIR")
    t.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    t.add_argument("--lang", default="en", help="language pack code (default: en)")
    e = sub.add_parser("eval", help="score SYS_DIR against GOLD_DIR")
    e.add_argument("gold_dir", type=Path, metavar="GOLD_DIR")
    e.add_argument("sys_dir", type=Path, metavar="SYS_DIR")
    e.add_argument("--errors", action="store_true", help="also list misses, false alarms and wrong values")
    e.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.timeml_command == "tag":
        return run_tag(args.in_dir, args.out_dir, args.lang)
    if args.timeml_command == "eval":
        return run_eval(args.gold_dir, args.sys_dir, args.errors, args.json)
    raise UsageError("say `tag IN_DIR OUT_DIR` or `eval GOLD_DIR SYS_DIR`")


def run_tag(in_dir: Path, out_dir: Path, lang: str) -> int:
    """Tag every document under `in_dir` and write `<out_dir>/<same relative path>.tml`."""
    from .. import time as chronique_time
    from ..time import timeml

    if not in_dir.is_dir():
        raise UsageError(f"{in_dir} is not a directory")
    files = timeml.corpus_files(in_dir)
    if not files:
        raise UsageError(f"no .tml or .xml files under {in_dir}")
    failed = 0
    for path, rel in files:
        try:
            doc = timeml.read_doc(path, rel)
            found = timeml.non_overlapping(chronique_time.tag(doc.text, doc.dct, lang))
            target = out_dir / Path(rel).with_suffix(".tml")
            timeml.write_tml(target, timeml.source_of(path, doc), doc.text, found)
        except (timeml.TimemlError, ValueError) as exc:  # one bad file must not stop the corpus
            print(f"chronique timeml tag: {rel}: {exc}", file=sys.stderr)
            failed += 1
    print(f"tagged {len(files) - failed} of {len(files)} documents into {out_dir}", file=sys.stderr)
    return 1 if failed else 0


def run_eval(gold_dir: Path, sys_dir: Path, errors: bool, as_json: bool) -> int:
    """Score the system files in `sys_dir` (same relative names, `.tml`) against `gold_dir`."""
    from ..time import scorer, timeml

    for d in (gold_dir, sys_dir):
        if not d.is_dir():
            raise UsageError(f"{d} is not a directory")
    gold = timeml.read_corpus(gold_dir)
    if not gold:
        raise UsageError(f"no .tml or .xml files under {gold_dir}")
    system = {}
    for doc in gold:
        path = sys_dir / Path(doc.name).with_suffix(".tml")
        if path.is_file():
            found = timeml.read_tml(path, doc.name)
            if found.text != doc.text:
                print(f"chronique timeml eval: {doc.name}: system text differs from gold text", file=sys.stderr)
            system[doc.name] = found.timexes
    report = scorer.score(gold, system)
    if as_json:
        out = report.summary()
        if errors:
            out["errors"] = report.errors
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(format_summary(report.summary()))
        if errors:
            print()
            for e in report.errors:
                print(format_error(e))
    return 0


def format_summary(s: dict[str, Any]) -> str:
    """The metrics as a small table."""
    lines = [f"documents {s['documents']}  gold {s['gold']}  system {s['system']}"]
    if s.get("missing"):
        lines.append(f"no system file for {len(s['missing'])} documents (counted as misses)")
    lines.append(f"{'':10}{'P':>7}{'R':>7}{'F1':>7}")
    for name in ("strict", "relaxed", "value", "type"):
        lines.append(f"{name:10}{s[name + '_p']:7.1f}{s[name + '_r']:7.1f}{s[name + '_f1']:7.1f}")
    lines.append(f"value accuracy {s['value_acc']:.1f}  type accuracy {s['type_acc']:.1f} (over relaxed matches)")
    lines.append(f"{'type':10}{'gold':>6}{'sys':>6}{'P':>7}{'R':>7}{'F1':>7}{'val%':>7}")
    for t, row in s["by_type"].items():
        lines.append(
            f"{t:10}{row['gold']:6}{row['system']:6}{row['relaxed_p']:7.1f}{row['relaxed_r']:7.1f}"
            f"{row['relaxed_f1']:7.1f}{row['value_acc']:7.1f}"
        )
    return "\n".join(lines)


def format_error(e: dict[str, Any]) -> str:
    """One error on one line: kind, place, text, gold and system annotations, the rule."""
    gold = f"gold={e['gold_type']}:{e['gold_value']}" + (f":{e['gold_mod']}" if e["gold_mod"] else "") if e["gold_type"] else ""
    sys_ = f"sys={e['sys_type']}:{e['sys_value']}" + (f":{e['sys_mod']}" if e["sys_mod"] else "") if e["sys_type"] else ""
    extra = f" sys_text={e['sys_text']!r}" if e["sys_text"] not in (None, e["text"]) else ""
    rule = f" rule={e['rule']}" if e.get("rule") else ""
    return f"{e['kind']:12}{e['doc']}:{e['start']}-{e['end']} {e['text']!r} {gold} {sys_}{extra}{rule}".rstrip()
