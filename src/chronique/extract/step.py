"""FactStep: entities, figures and claims of one document, with one spaCy pass per document."""
from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Sequence
from time import perf_counter
from typing import Any

from spacy.attrs import IDX, LENGTH, ORTH, SENT_START, SPACY
from spacy.tokens import Doc

from ..lang import languages, load_table
from ..types import Claim, Document, Entity
from .claims import SentenceClaims
from .denials import noun_denials
from .entities import normalize_apostrophes
from .model import LangModel
from .rules import ClaimRules
from .syntax import DocContext


class FactStep:
    """The "facts" DocStep: fills `doc.entities`, `doc.figures` and `doc.claims`.

    parse_all: parse every sentence (slower); by default a sentence is parsed only when
        it names an entity or a pronoun and holds a timex, a figure or a cue form ([claims] parse_cues)
    """

    name = "facts"

    def __init__(self, parse_all: bool = False):
        self.parse_all = parse_all
        self._models: dict[str, LangModel] = {}
        self.spent: dict[str, float] | None = None  # set to {} to add up time and tokens per phase (benchmarks)

    def model(self, lang: str) -> LangModel:
        if lang not in self._models:
            self._models[lang] = LangModel(lang)
        return self._models[lang]

    def __call__(self, doc: Document) -> Document:
        if doc.lang not in self._models and (not doc.lang or doc.lang not in languages() or
                                             not load_table(doc.lang, "facts")):
            return doc.replace(warnings=doc.warnings + (f"facts: no language data for {doc.lang!r}",))
        return extract(doc, self.model(doc.lang), self.parse_all, self.spent)


def extract(doc: Document, lm: LangModel, parse_all: bool = False, spent: dict[str, float] | None = None) -> Document:
    """Entities, figures and claims of `doc` with the loaded model `lm`.

    spent: when given, seconds are added to its "ner" (tokenizer + NER), "parse" and "rules" (the rest) keys,
        and token counts to "tokens" and "parsed tokens"
    """
    t0 = perf_counter()
    text = normalize_apostrophes(doc.text or doc.raw, lm.text_table)
    sdoc = lm.ner(lm.nlp.make_doc(text))
    t1 = perf_counter()
    sdoc = lm.sentencizer(sdoc)
    entities, subject = lm.mentions(text, sdoc.ents)
    bounds = sentence_bounds(sdoc)  # token bounds and character spans, without building Span objects
    spans = [(a, b) for _, _, a, b in bounds]
    figures = lm.figures.find(text, skip=[(t.start, t.end) for t in doc.timexes], sentences=spans)
    gate = Gate(text, entities, doc.timexes, figures, lm.rules, lm.prose)
    chosen = [s for s in bounds if parse_all or gate.worth(s[2], s[3])]
    t2 = perf_counter()
    parsed = lm.parse(sentence_docs(sdoc, chosen))
    t3 = perf_counter()
    ctx = DocContext(text=text, dct=doc.dct, entities=entities, timexes=doc.timexes, figures=figures,
                     subject=subject, rules=lm.rules, lemma=lm.lemma, pos=lm.pos, key=lm.keyer)
    claims: list[Claim] = []
    attestations: list[dict[str, Any]] = []
    for (_, _, start, _), sub in zip(chosen, parsed):
        sc = SentenceClaims(sub, start, ctx)
        if lm.rules.is_meta(sc.sent_text):
            found = sc.attestation()
            if found:
                attestations.append(found)
            # its own dated events still count ("X quittera ses fonctions en 2027, démentant les rumeurs de départ")
            claims.extend(c for c in sc.claims() if c.predicate.lower() not in lm.rules.statement_nouns
                          and c.modality not in ("denied", "confirmed") and c.target is not None)
            continue
        found = sc.claims()
        claims.extend(found + noun_denials(sc, found))
    if claims and attestations:
        claims[0] = attest(claims[0], attestations)
    timexes = tuple(ctx.moved.get(t.id, t) for t in doc.timexes) if ctx.moved else doc.timexes
    out = doc.replace(entities=tuple(entities), figures=tuple(figures), claims=tuple(claims), timexes=timexes)
    if spent is not None:
        t4 = perf_counter()
        for key, value in (("ner", t1 - t0), ("parse", t3 - t2), ("rules", t2 - t1 + t4 - t3), ("tokens", len(sdoc)),
                           ("parsed tokens", sum(len(p) for p in parsed))):
            spent[key] = spent.get(key, 0.0) + value
    return out


def attest(claim: Claim, attestations: list[dict[str, Any]]) -> Claim:
    """Add later statements about the lede claim; a confirmation also names who now stands behind it."""
    source = claim.source
    for a in attestations:
        if a["modality"] == "confirmed" and a["who"]:
            source = {"who": a["who"], "key": a["key"], "via": a["via"]}
        elif source is None and a["modality"] != "denied" and (a["who"] or a["via"]):
            source = {"who": a["who"], "key": a["key"], "via": a["via"]}
    return dataclasses.replace(claim, attested=claim.attested + tuple(attestations), source=source)


def sentence_bounds(sdoc: Any) -> list[tuple[int, int, int, int]]:
    """(first token, end token, start char, end char) of each sentence without the white space around it,
    read from the token arrays."""
    if not len(sdoc):
        return []
    arr = sdoc.to_array([SENT_START, IDX, LENGTH])
    firsts = [int(i) for i in (arr[:, 0] == 1).nonzero()[0]]
    if not firsts or firsts[0] != 0:
        firsts.insert(0, 0)
    ends = firsts[1:] + [len(sdoc)]
    out = []
    for i, j in zip(firsts, ends):
        while i < j - 1 and sdoc[i].is_space:  # a paragraph break opening the sentence: the parser would hang
            i += 1  # the clause on it ("\n\n Le constructeur, qui a livré")
        last = j - 1
        while last > i and sdoc[last].is_space:  # the span ends at its last word, as Span.end_char does not
            last -= 1
        out.append((i, last + 1, int(arr[i, 1]), int(arr[last, 1] + arr[last, 2])))
    return out


def sentence_docs(sdoc: Any, chosen: Sequence[tuple[int, int, int, int]]) -> list[Any]:
    """Fresh Docs of the chosen sentences' tokens, each one sentence for the parser as the sentencizer cut it
    (no re-tokenizing; far cheaper than Span.as_doc, which copies every attribute and the entities)."""
    if not chosen:
        return []
    arr = sdoc.to_array([ORTH, SPACY, SENT_START])
    strings, vocab = sdoc.vocab.strings, sdoc.vocab
    out = []
    for i, j, _, _ in chosen:
        doc = Doc(vocab, words=[strings[int(o)] for o in arr[i:j, 0]], spaces=arr[i:j, 1].astype(bool).tolist())
        starts = arr[i:j, 2:3].copy()
        starts[0, 0] = 1
        doc.from_array([SENT_START], starts)
        out.append(doc)
    return out


class Gate:
    """Which sentences are worth a parse: a possible subject (an entity or anaphor, a pronoun or possessive,
    a capitalised word past the first: a name the NER missed), something to say (a timex, a figure, or a
    cue form of [claims] parse_cues: modality or reporting), and prose rather than a table row or a headline
    in capitals (see Prose). Offsets are looked up by bisection.

    text: the document text; entities / timexes / figures: found before the parse; rules: the language's cues
    prose: the language's prose test ([gate] of facts.toml); none: every sentence counts as prose
    """

    def __init__(self, text: str, entities: Sequence[Entity], timexes: Sequence[Any], figures: Sequence[Any],
                 rules: ClaimRules, prose: Prose | None = None):
        self.text, self.rules, self.prose = text, rules, prose
        self.entities = sorted(e.start for e in entities)
        self.content = sorted([t.start for t in timexes] + [f.start for f in figures])

    def worth(self, a: int, b: int) -> bool:
        sent = self.text[a:b]
        if not (_any_in(self.entities, a, b) or self.rules.refers(sent) or _capitalised_name(sent)):
            return False
        if not (_any_in(self.content, a, b) or self.rules.parse_cue(sent)):
            return False
        return self.prose is None or self.prose(sent)


_WORD = re.compile(r"[^\W_][\w'’.-]*")


class Prose:
    """Whether a sentence reads as prose: enough lower-case words, and a large enough share of its words.

    A table row ("Shr 16 cts vs 13 cts Pay April 15") or a headline in capitals holds figures and names
    but no clause a claim can come from; the parse would be spent for nothing.

    table: the [gate] table of facts.toml: min_words (lower-case words a prose sentence has at least),
        min_share (their least share of all its words, numbers included), not_words (lower-case
        abbreviations of tables that do not count: "vs", "mln")
    """

    def __init__(self, table: dict[str, Any]):
        self.min_words = int(table.get("min_words", 0))
        self.min_share = float(table.get("min_share", 0.0))
        self.not_words = {w.lower() for w in table.get("not_words", ())}

    def __call__(self, sent: str) -> bool:
        words = _WORD.findall(sent)
        lower = sum(1 for w in words if w[0].islower() and w.rstrip(".").lower() not in self.not_words)
        return lower >= self.min_words and lower >= self.min_share * len(words)


def _any_in(starts: list[int], a: int, b: int) -> bool:
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _capitalised_name(sent: str) -> bool:
    return any(w[:1].isupper() for w in sent.split()[1:])
