"""spaCy component `chronique_timex`: TIMEX3 tagging inside a spaCy pipeline.

    nlp = spacy.blank("fr")
    nlp.add_pipe("chronique_timex", config={"dct": "2021-10-15"})
    doc = nlp("depuis le 12 mai")
    doc._.timexes                     # list[chronique.Timex]
    [(s.text, s._.timex.value) for s in doc.spans["timexes"]]

The factory is registered through the `spacy_factories` entry point, so `add_pipe` works
without importing chronique first. A per-document DCT can be set in `doc._.dct` before the
component runs; it wins over the configured one.
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

SPAN_KEY = "timexes"


def _register_extensions() -> None:
    # spaCy extensions are process-wide by design; registering twice is a no-op here.
    if not Doc.has_extension("timexes"):
        Doc.set_extension("timexes", default=None)
    if not Doc.has_extension("dct"):
        Doc.set_extension("dct", default=None)
    if not Span.has_extension("timex"):
        Span.set_extension("timex", default=None)


class TimexComponent:
    """Tags `doc.text` and stores the result on the Doc.

    dct: document creation time (TIMEX3 value) used when `doc._.dct` is not set
    lang: language pack code
    tagger: chronique's compiled grammars, loaded on the first document
    """

    def __init__(self, dct: str | None, lang: str) -> None:
        self.dct = dct
        self.lang = lang
        self.tagger: Any = None

    def __call__(self, doc: Doc) -> Doc:
        if self.tagger is None:
            from . import Tagger

            self.tagger = Tagger()
        timexes = self.tagger(doc.text, doc._.dct or self.dct, self.lang)
        spans = []
        for t in timexes:
            span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
            if span is None:  # a range with no token in it: keep the Timex, skip the Span
                continue
            span._.timex = t
            spans.append(span)
        doc._.timexes = list(timexes)
        doc.spans[SPAN_KEY] = spans
        return doc


@Language.factory("chronique_timex", default_config={"dct": None, "lang": None})
def make_timex_component(nlp: Language, name: str, dct: str | None, lang: str | None) -> TimexComponent:
    """Build the component.

    dct: default document creation time, e.g. "2021-10-15" (None: expressions stay relative)
    lang: chronique language pack; None means the pipeline's language (`nlp.lang`)
    """
    from ..lang import PackError, languages

    code = lang or nlp.lang
    if code not in languages():
        raise PackError(f"chronique_timex: no language pack for {code!r} (have: {', '.join(languages())})")
    _register_extensions()
    return TimexComponent(dct, code)
