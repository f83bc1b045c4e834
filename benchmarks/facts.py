"""Facts benchmark: claims, modality, source and figures on the hand-written gold set, and speed.

Run: .venv/bin/python -m benchmarks.facts [--rounds N] [--split tune|heldout|all]

Claims match when the subject key and the target value are both right and the predicted clause
covers the gold anchor word. Scores are printed twice: with the gold timexes (the facts step alone)
and with the time tagger's timexes (the whole pipeline). Speed: words/s of repair + time + facts
against bare spaCy NER (the same model with only `ner` enabled) on the same texts, in the same run, on the
gold texts and on real news (Wikinews fr 2012, Reuters-21578 en; `--news N` articles per language).
"""
from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from typing import Any

from chronique.io.text import parse_text
from chronique.lang import load_table
from chronique.pipeline import Pipeline
from chronique.types import Document, Timex

from .paths import REPO

GOLD = REPO / "tests" / "data" / "facts"


def load_gold(split: str = "all") -> list[tuple[dict[str, Any], Document]]:
    """Gold records with their documents (dct and lang set, text = the article body)."""
    out = []
    for line in (GOLD / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if split != "all" and rec["split"] != split:
            continue
        path = GOLD / rec["file"]
        doc = parse_text(path.read_text(encoding="utf-8"), str(path), path.read_bytes())
        out.append((rec, doc.replace(lang=rec["lang"])))
    return out


def gold_timexes(rec: dict[str, Any], text: str) -> tuple[Timex, ...]:
    """The annotated timexes placed in `text` (each searched after the previous one)."""
    from chronique.time import calendar

    out, pos = [], 0
    for n, t in enumerate(rec["timexes"], 1):
        start = text.find(t["text"], pos)
        if start < 0:
            start = text.find(t["text"])
        if start < 0:
            raise ValueError(f"{rec['id']}: timex {t['text']!r} not in text")
        pos = start + 1
        kind = "DURATION" if t["value"].startswith("P") else "DATE"
        out.append(Timex(id=f"t{n}", start=start, end=start + len(t["text"]), text=t["text"], type=kind,
                         value=t["value"], mod=t["mod"], interval=calendar.interval(t["value"])))
    return tuple(sorted(out, key=lambda t: t.start))


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFC", (s or "").lower()).replace("\u2019", "'")
    return " ".join(s.split())


def _same_name(gold: str | None, pred: str | None) -> bool:
    g, p = _norm(gold), _norm(pred)
    return bool(g) and bool(p) and (g in p or p in g)


def source_ok(gold: dict[str, Any] | None, pred: dict[str, Any] | None) -> bool:
    if gold is None:
        return pred is None or not pred.get("who")
    if pred is None:
        return False
    if gold.get("who") and not (_same_name(gold["who"], pred.get("who")) or _same_name(gold["who"], pred.get("key"))):
        return False
    return not gold.get("via") or _same_name(gold["via"], pred.get("via"))


def score_claims(rec: dict[str, Any], doc: Document, counts: dict[str, int], errors: list[str]) -> None:
    text = doc.text
    used: set[int] = set()
    counts["pred"] += len(doc.claims)
    for g in rec["claims"]:
        counts["gold"] += 1
        at = text.find(g["anchor"])
        hit = None
        for i, c in enumerate(doc.claims):
            value = c.target["value"] if c.target else None
            if i not in used and c.subject["key"] == g["subject"] and value == g["target"] and c.start <= at < c.end:
                hit = i
                break
        if hit is None:
            near = [f"{c.subject['key']}/{c.target and c.target['value']}" for c in doc.claims if c.start <= at < c.end]
            errors.append(f"{rec['id']} miss {g['anchor']!r} {g['subject']}/{g['target']} got {near}")
            continue
        used.add(hit)
        c = doc.claims[hit]
        counts["match"] += 1
        counts["modality"] += c.modality == g["modality"]
        counts["source"] += source_ok(g["source"], c.source)
        if c.modality != g["modality"]:
            errors.append(f"{rec['id']} modality {g['anchor']!r} gold {g['modality']} got {c.modality}")
        if not source_ok(g["source"], c.source):
            errors.append(f"{rec['id']} source {g['anchor']!r} gold {g['source']} got {c.source}")
    for i, c in enumerate(doc.claims):
        if i not in used:
            errors.append(f"{rec['id']} extra {c.subject['key']}/{c.predicate}/{c.target and c.target['value']}")


def score_figures(rec: dict[str, Any], doc: Document, counts: dict[str, int], errors: list[str]) -> None:
    text = doc.text
    counts["fig_pred"] += len(doc.figures)
    for g in rec["figures"]:
        counts["fig_gold"] += 1
        hit = re.search(r"(?<![\w.,])" + re.escape(g["text"]), text)  # "4.5 percent" is not inside "24.5 percent"
        at = hit.start() if hit else -1
        f = next((f for f in doc.figures if f.start < at + len(g["text"]) and at < f.end), None)
        got = f and (f.kind, f.value, f.unit, f.currency, f.mod)
        want = (g["kind"], g["value"], g["unit"], g["currency"], g["mod"])
        if f is not None:
            counts["fig_found"] += 1
        if got == want:
            counts["fig_ok"] += 1
        else:
            errors.append(f"{rec['id']} figure {g['text']!r} want {want} got {got}")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def report(name: str, counts: dict[str, int]) -> dict[str, float]:
    p, r = _ratio(counts["match"], counts["pred"]), _ratio(counts["match"], counts["gold"])
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    out = {"P": p, "R": r, "F1": f1, "modality": _ratio(counts["modality"], counts["match"]),
           "source": _ratio(counts["source"], counts["match"]), "figures": _ratio(counts["fig_ok"], counts["fig_gold"]),
           "fig_precision": _ratio(counts["fig_found"], counts["fig_pred"])}
    print(f"{name:26} claims P={p:.3f} R={r:.3f} F1={f1:.3f} (gold {counts['gold']}, pred {counts['pred']}, "
          f"match {counts['match']})  modality={out['modality']:.3f}  source={out['source']:.3f}  "
          f"figures={out['figures']:.3f} ({counts['fig_ok']}/{counts['fig_gold']}, fig precision {out['fig_precision']:.3f})")
    return out


def build_steps(with_tagger: bool) -> list[Any]:
    from chronique.extract import FactStep

    steps: list[Any] = []
    try:
        from chronique.repair import RepairStep
        steps.append(RepairStep())
    except ImportError:
        pass
    if with_tagger:
        from chronique.time import TimexStep
        steps.append(TimexStep())
    return steps + [FactStep()]


def _subset(rec: dict[str, Any]) -> tuple[str, ...]:
    """Extra buckets by round: each wire-style tuning round (3 and up) apart; held-out round 1 (seen once) as
    heldout-old, round 2 as heldout-new, later held-out rounds (never inspected) as heldout-r<N>."""
    if rec["split"] != "heldout":
        return (f"tune-r{rec['round']}",) if rec.get("round", 1) >= 3 else ()
    return {1: ("heldout-old",), 2: ("heldout-new",)}.get(rec.get("round", 1), (f"heldout-r{rec.get('round', 1)}",))


def _bucket_order(key: str) -> tuple[int, str]:
    """tune, its rounds, heldout, its parts, all (rounds in numeric order)."""
    group = 0 if key.startswith("tune") else 2 if key == "all" else 1
    return group, re.sub(r"\d+", lambda m: m.group().zfill(3), key)


def evaluate(split: str, verbose: bool) -> None:
    data = load_gold(split)
    for mode in ("gold timexes", "tagger timexes"):
        steps = build_steps(with_tagger=mode == "tagger timexes")
        *pre, facts = steps
        by_split: dict[str, dict[str, int]] = {}
        errors: list[str] = []
        for rec, doc in data:
            doc = Pipeline(pre)(doc)
            if mode == "gold timexes":
                doc = doc.replace(timexes=gold_timexes(rec, doc.text))
            doc = facts(doc)
            for key in (rec["split"], *_subset(rec), "all"):
                c = by_split.setdefault(key, {k: 0 for k in ("gold", "pred", "match", "modality", "source", "fig_gold",
                                                             "fig_ok", "fig_pred", "fig_found")})
                score_claims(rec, doc, c, errors if key == rec["split"] else [])
                score_figures(rec, doc, c, errors if key == rec["split"] else [])
        print(f"-- {mode}")
        for key in sorted(by_split, key=_bucket_order):  # every bucket the gold set has: a new round needs no edit
            report(f"  {key}", by_split[key])
        if verbose:  # errors of the split asked for only: held-out errors are not for tuning
            for e in errors if split != "all" else []:
                print("    ", e)


def speed(rounds: int) -> None:
    """Words per second: whole pipeline vs bare spaCy NER, same texts, same run.

    Every timed job runs once per round, in turn, and keeps its best round: other load on the
    machine only ever adds time.
    """
    import spacy

    from chronique.extract import FactStep
    from chronique.extract.model import load_spacy

    data = load_gold("all")
    words = sum(len(doc.raw.split()) for _, doc in data)
    pipe = Pipeline(build_steps(with_tagger=True))
    *pre, _ = pipe.steps
    ready = [Pipeline(pre)(doc) for _, doc in data]  # repaired and tagged, for the facts step alone
    parse_all = FactStep(parse_all=True)
    bare = {lang: load_spacy(lang) for lang in ("fr", "en")}
    for nlp in bare.values():
        nlp.select_pipes(enable=["ner"])
    jobs = {
        "bare spaCy NER": lambda: [bare[doc.lang](doc.raw) for _, doc in data],
        "whole pipeline": lambda: [pipe(doc) for _, doc in data],
        "facts step alone": lambda: [pipe.steps[-1](doc) for doc in ready],
        "facts, every sentence parsed": lambda: [parse_all(doc) for doc in ready],
    }
    for job in jobs.values():  # warm up: model loads and first calls stay out of the timing
        job()
    best = {name: float("inf") for name in jobs}
    for _ in range(rounds):
        for name, job in jobs.items():
            t0 = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - t0)
    ner = best["bare spaCy NER"]
    print(f"-- speed ({words} words x {rounds} rounds, best round; spaCy {spacy.__version__}; steps {pipe.names})")
    for name, t in best.items():
        print(f"  {name:30} {words / t:8.0f} words/s   cost {t / ner:.2f} x bare NER")
    print(f"  ratio (whole pipeline / bare NER) = {best['whole pipeline'] / ner:.2f}")


def load_news(limit: int) -> dict[str, list[Document]]:
    """Real articles per language: Wikinews fr 2012 (HTML) and Reuters-21578 (SGML), at most `limit` each."""
    from chronique.io import read_paths
    from chronique.io.reuters import read_reuters

    from .paths import shared_dir

    root = shared_dir() / "data" / "news"
    fr = [d for d in read_paths([str(root / "wikinews-fr-2012" / "documents")]) if isinstance(d, Document)]
    en = [d for d in read_reuters(sorted((root / "reuters21578").glob("reut2-*.sgm")), limit=limit)
          if isinstance(d, Document)]
    return {"fr": fr[:limit], "en": en[:limit]}


def news_speed(rounds: int, limit: int) -> None:
    """Words per second on real news, per language: `build_pipeline()` per document vs bare NER (`nlp.pipe`
    over the same texts, only `ner` enabled), best of `rounds` each; the pipeline also times each step apart.
    """
    from chronique.extract.model import load_spacy
    from chronique.process import build_pipeline

    news = load_news(limit)
    pipe = build_pipeline()
    facts = next((s for s in pipe.steps if s.name == "facts"), None)
    for lang, docs in news.items():
        if not docs:
            print(f"-- speed on news, {lang}: no articles found (see benchmarks.paths.shared_dir)")
            continue
        words = sum(len(d.text.split()) for d in docs)
        texts = [d.text for d in docs]
        nlp = load_spacy(lang)
        nlp.select_pipes(enable=["ner"])
        ner = whole = float("inf")
        per_step: dict[str, float] = {}
        inside: dict[str, float] = {}
        for n in range(rounds + 1):  # round 0 warms up (model loads, caches) and is not kept
            t0 = time.perf_counter()
            list(nlp.pipe(texts))
            t_ner = time.perf_counter() - t0
            spent = dict.fromkeys(pipe.names, 0.0)
            if facts is not None:
                facts.spent = {}
            t0 = time.perf_counter()
            for doc in docs:
                for step in pipe.steps:
                    t = time.perf_counter()
                    doc = step(doc)
                    spent[step.name] += time.perf_counter() - t
            t_pipe = time.perf_counter() - t0
            if n:
                ner = min(ner, t_ner)
                if t_pipe < whole:
                    whole, per_step, inside = t_pipe, spent, dict(facts.spent or {}) if facts is not None else {}
        source = "Wikinews fr 2012" if lang == "fr" else "Reuters-21578"
        print(f"-- speed on news, {lang}: {len(docs)} {source} articles, {words} words, best of {rounds} rounds")
        print(f"  whole pipeline {words / whole:8.0f} words/s   bare spaCy NER {words / ner:8.0f} words/s   "
              f"ratio {whole / ner:.2f}")
        print("  per step (x bare NER): " + "  ".join(f"{k} {v / ner:.2f}" for k, v in per_step.items()))
        if inside.get("tokens"):
            print(f"  inside facts (x bare NER): tokenizer+NER {inside['ner'] / ner:.2f}  parse {inside['parse'] / ner:.2f}"
                  f"  rules {inside['rules'] / ner:.2f}   parsed tokens {inside['parsed tokens'] / inside['tokens']:.0%}")
    if facts is not None:
        facts.spent = None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="all", choices=("tune", "heldout", "all"))
    ap.add_argument("--rounds", type=int, default=3, help="passes over the texts for the speed figures")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every miss and extra")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-eval", action="store_true", help="speed only")
    ap.add_argument("--news", type=int, default=300, help="real articles per language for the news speed (0: skip)")
    ap.add_argument("--news-rounds", type=int, default=2, help="passes over the news articles for their speed figures")
    args = ap.parse_args()
    load_table("fr", "facts")
    if not args.no_eval:
        evaluate(args.split, args.verbose)
    if not args.no_speed:
        speed(args.rounds)
        if args.news:
            news_speed(args.news_rounds, args.news)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
