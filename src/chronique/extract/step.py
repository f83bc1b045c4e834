"""FactStep: entities, figures and claims of one document, with one spaCy pass per document."""
from __future__ import annotations

import dataclasses
from typing import Any

from ..lang import languages, load_table
from ..types import Claim, Document, Entity
from .claims import SentenceClaims
from .entities import from_spacy, normalize_apostrophes, propagate, subject_org
from .model import LangModel
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

    def model(self, lang: str) -> LangModel:
        if lang not in self._models:
            self._models[lang] = LangModel(lang)
        return self._models[lang]

    def __call__(self, doc: Document) -> Document:
        if doc.lang not in self._models and (not doc.lang or doc.lang not in languages() or
                                             not load_table(doc.lang, "facts")):
            return doc.replace(warnings=doc.warnings + (f"facts: no language data for {doc.lang!r}",))
        return extract(doc, self.model(doc.lang), self.parse_all)


def extract(doc: Document, lm: LangModel, parse_all: bool = False) -> Document:
    """Entities, figures and claims of `doc` with the loaded model `lm`."""
    text = normalize_apostrophes(doc.text or doc.raw, lm.text_table)
    sdoc = lm.sentencizer(lm.ner(lm.nlp.make_doc(text)))
    named = propagate(text, from_spacy(sdoc.ents, lm.labels, lm.keyer))
    subject = subject_org(named)
    entities = sorted(named + lm.anaphors.find(text, named, subject), key=lambda e: (e.start, e.end))
    sents = list(sdoc.sents)
    spans = [(s.start_char, s.end_char) for s in sents]
    figures = lm.figures.find(text, skip=[(t.start, t.end) for t in doc.timexes], sentences=spans)
    chosen = [s for s in sents if parse_all or _worth_parsing(s, entities, doc.timexes, figures, lm)]
    parsed = lm.parse([s.as_doc() for s in chosen])
    ctx = DocContext(text=text, dct=doc.dct, entities=entities, timexes=doc.timexes, figures=figures,
                     subject=subject, rules=lm.rules, lemma=lm.lemma, pos=lm.pos, key=lm.keyer)
    claims: list[Claim] = []
    attestations: list[dict[str, Any]] = []
    for sent, sub in zip(chosen, parsed):
        sc = SentenceClaims(sub, sent.start_char, ctx)
        if lm.rules.is_meta(sub.text):
            found = sc.attestation()
            if found:
                attestations.append(found)
            continue
        claims.extend(sc.claims())
    if claims and attestations:
        claims[0] = attest(claims[0], attestations)
    return doc.replace(entities=tuple(entities), figures=tuple(figures), claims=tuple(claims))


def attest(claim: Claim, attestations: list[dict[str, Any]]) -> Claim:
    """Add later statements about the lede claim; a confirmation also names who now stands behind it."""
    source = claim.source
    for a in attestations:
        if a["modality"] == "confirmed" and a["who"]:
            source = {"who": a["who"], "key": a["key"], "via": a["via"]}
        elif source is None and a["modality"] != "denied" and (a["who"] or a["via"]):
            source = {"who": a["who"], "key": a["key"], "via": a["via"]}
    return dataclasses.replace(claim, attested=claim.attested + tuple(attestations), source=source)


def _worth_parsing(sent: Any, entities: list[Entity], timexes: Any, figures: Any, lm: LangModel) -> bool:
    """A claim needs a subject (an entity, a pronoun, a capitalised name) and something to say."""
    a, b = sent.start_char, sent.end_char
    text = sent.text
    if not (any(a <= e.start < b for e in entities) or lm.rules.refers(text)
            or any(w[:1].isupper() for w in text.split()[1:])):  # a name the NER missed
        return False
    return any(a <= t.start < b for t in timexes) or any(a <= f.start < b for f in figures) or \
        lm.rules.parse_cue(text)
