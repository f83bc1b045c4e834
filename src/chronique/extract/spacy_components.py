"""spaCy components for the facts steps, for people who run their own spaCy pipeline.

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("chronique_entities"); nlp.add_pipe("chronique_figures"); nlp.add_pipe("chronique_claims")
    doc = nlp(text); doc._.chronique_claims

Results go to `Doc._.chronique_entities`, `._.chronique_figures`, `._.chronique_claims` (chronique types).
Timexes and the document date are read from `Doc._.chronique_timexes` / `._.chronique_dct` when set.
The text cannot change inside spaCy: normalize apostrophes before calling nlp (FactStep does).
Registered through the `spacy_factories` entry point, so spaCy finds them by name.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..lang import load_table
from .claims import SentenceClaims
from .mentions import Mentions
from .figures import FigureFinder
from .rules import ClaimRules
from .syntax import DocContext

for _name, _default in (("chronique_entities", None), ("chronique_figures", None), ("chronique_claims", None),
                        ("chronique_timexes", None), ("chronique_dct", None), ("chronique_subject", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _facts(lang: str) -> dict[str, Any]:
    return load_table(lang, "facts")


class EntitiesComponent:
    """Named entities (keys, labels) and the anaphors of the subject organisation, as FactStep finds them."""

    def __init__(self, nlp: Language, lang: str):
        vocab = nlp.vocab
        self.mentions = Mentions(_facts(lang)["entities"], is_stop=lambda word: vocab[word].is_stop)

    def __call__(self, doc: Doc) -> Doc:
        doc._.chronique_entities, doc._.chronique_subject = self.mentions(doc.text, doc.ents)
        return doc


class FiguresComponent:
    """Money, percentages and counts."""

    def __init__(self, nlp: Language, lang: str):
        vocab = nlp.vocab
        self.finder = FigureFinder(_facts(lang)["figures"], is_stop=lambda word: vocab[word].is_stop)

    def __call__(self, doc: Doc) -> Doc:
        sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") else []
        skip = [(t.start, t.end) for t in doc._.chronique_timexes or ()]
        doc._.chronique_figures = self.finder.find(doc.text, skip=skip, sentences=sents)
        return doc


class ClaimsComponent:
    """Claims from the dependency parse (needs a parser, entities and figures before it)."""

    def __init__(self, nlp: Language, lang: str):
        t = _facts(lang)
        self.rules = ClaimRules(t["claims"], t["entities"], t.get("predicates", {}))
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def lemma(self, tok: Any) -> str:
        if tok.lemma_ or self.lemmatizer is None:
            return tok.lemma_ or tok.lower_
        return self.lemmatizer.rule_lemmatize(tok)[0]

    def __call__(self, doc: Doc) -> Doc:
        ctx = DocContext(text=doc.text, dct=doc._.chronique_dct, entities=doc._.chronique_entities or [],
                         timexes=doc._.chronique_timexes or (), figures=doc._.chronique_figures or [],
                         subject=doc._.chronique_subject, rules=self.rules, lemma=self.lemma)
        claims = []
        for sent in doc.sents:
            if not self.rules.is_meta(sent.text):
                claims.extend(SentenceClaims(sent, 0, ctx).claims())  # Span tokens carry document offsets
        doc._.chronique_claims = claims
        return doc


@Language.factory("chronique_entities", default_config={"lang": None})
def make_entities(nlp: Language, name: str, lang: str | None) -> EntitiesComponent:
    return EntitiesComponent(nlp, lang or nlp.lang)


@Language.factory("chronique_figures", default_config={"lang": None})
def make_figures(nlp: Language, name: str, lang: str | None) -> FiguresComponent:
    return FiguresComponent(nlp, lang or nlp.lang)


@Language.factory("chronique_claims", default_config={"lang": None})
def make_claims(nlp: Language, name: str, lang: str | None) -> ClaimsComponent:
    return ClaimsComponent(nlp, lang or nlp.lang)
