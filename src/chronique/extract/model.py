"""One language's spaCy model and data tables, loaded once and kept by the step.

Only what the extractor needs runs: NER and a rule-based sentencizer on the whole document, then
tok2vec + tagger/morphologizer + parser on the sentences that can hold a claim. Lemmas are computed
on demand for the few tokens the claim rules look at (the full lemmatizer is the costliest component).
"""
from __future__ import annotations

from typing import Any

from ..lang import PackError, load_table
from .mentions import Mentions
from .figures import FigureFinder
from .rules import ClaimRules

# Components run on parsed sentences, in order, when the model has them and facts.toml does not say.
PARSE_COMPONENTS = ("tok2vec", "morphologizer", "tagger", "parser")


def load_spacy(lang: str) -> Any:
    """The spaCy model named in lang/<lang>/pack.toml, or the first installed fallback of facts.toml."""
    import spacy

    names = [load_table(lang, "pack").get("spacy_model")] + list(load_table(lang, "facts").get("model", {}).get("fallbacks", []))
    errors = []
    for name in [n for n in names if n]:
        try:
            return spacy.load(name, exclude=["senter"])
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    raise PackError(f"no spaCy model for {lang!r}: " + "; ".join(errors))


class LangModel:
    """A loaded spaCy pipeline split into the parts the extractor calls, plus the compiled data.

    lang: language code with a pack and a facts.toml
    """

    def __init__(self, lang: str, nlp: Any | None = None):
        facts = load_table(lang, "facts")
        if not facts:
            raise PackError(f"language {lang!r} has no facts.toml")
        from spacy.pipeline import Sentencizer

        self.lang = lang
        self.nlp = nlp if nlp is not None else load_spacy(lang)
        self.ner = self.nlp.get_pipe("ner")
        self.sentencizer = Sentencizer()
        names = set(self.nlp.pipe_names)
        wanted = facts.get("model", {}).get("parse_components", PARSE_COMPONENTS)
        self.parse_pipes = [(n, self.nlp.get_pipe(n)) for n in wanted if n in names]
        # the attribute ruler only maps tags to coarse POS: a table lookup does that for less
        self.tag_to_pos = facts.get("model", {}).get("tag_to_pos", {})
        self.base_form_tags = set(facts.get("model", {}).get("base_form_tags", ()))
        self.lemmatizer = self.nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
        self.text_table = facts.get("text", {})
        vocab = self.nlp.vocab
        self.is_stop = lambda word: vocab[word].is_stop
        self.mentions = Mentions(facts["entities"], self.is_stop)
        self.keyer = self.mentions.keyer
        self.figures = FigureFinder(facts["figures"], is_stop=self.is_stop)
        self.rules = ClaimRules(facts["claims"], facts["entities"], facts.get("predicates", {}))
        from .step import Prose  # step.py imports this module

        self.prose = Prose(facts["gate"]) if "gate" in facts else None  # which sentences are worth a parse

    def lemma(self, tok: Any) -> str:
        """The token's lemma, computed by the rule lemmatizer on first use and kept on the token."""
        if tok.lemma_:
            return tok.lemma_
        if self.lemmatizer is None or tok.tag_ in self.base_form_tags:
            return tok.lower_
        if not tok.pos_ and self.tag_to_pos:
            tok.pos_ = self.pos(tok)  # the rule lemmatizer reads it
        try:
            lemma = self.lemmatizer.rule_lemmatize(tok)[0]
        except (KeyError, IndexError, ValueError):
            lemma = tok.lower_
        tok.lemma_ = lemma
        return lemma

    def parse(self, docs: list[Any]) -> list[Any]:
        """Run the parsing components on sentence docs."""
        for _, proc in self.parse_pipes:
            docs = list(proc.pipe(docs))
        return docs

    def pos(self, tok: Any) -> str:
        """Coarse POS: the model's, or looked up from the fine tag (cheaper than the attribute ruler)."""
        return tok.pos_ or self.tag_to_pos.get(tok.tag_, "X")
