"""Temporal expressions: find TIMEX3 expressions and anchor them on the calendar.

`tag(text, dct, lang)` is the whole job for one text; `TimexStep` does it inside a pipeline.
Rules live in `lang/<code>/time.toml`; grammar.py compiles them, tagger.py finds expressions,
anchor.py resolves them, calendar.py turns values into intervals.
"""
from __future__ import annotations

import functools

from ..lang import languages, load_table
from ..types import Document, Timex
from . import anchor, calendar, grammar, tagger

__all__ = ["tag", "TimexStep", "Tagger"]


class Tagger:
    """Compiled grammars, one per language, built on first use.

    grammars: language code -> compiled Grammar
    """

    def __init__(self) -> None:
        self.grammars: dict[str, grammar.Grammar] = {}

    def grammar(self, lang: str) -> grammar.Grammar:
        if lang not in self.grammars:
            self.grammars[lang] = grammar.compile_pack(lang)
        return self.grammars[lang]

    def __call__(self, text: str, dct: str | None, lang: str) -> list[Timex]:
        g = self.grammar(lang)
        point = calendar.parse(dct) if dct else None
        matches = tagger.scan(g, text, point[0].year if point else None)
        return anchor.resolve(matches, text, dct)


@functools.cache  # one compiled tagger per process, shared by `tag` calls
def _default() -> Tagger:
    return Tagger()


def tag(text: str, dct: str | None, lang: str) -> list[Timex]:
    """Every temporal expression of `text`, in document order, ids t1, t2, ...

    text: the plain text to tag
    dct: document creation time as a TIMEX3 value (2021-10, 2021-10-15) or None
    lang: language pack code (fr, en)
    """
    return _default()(text, dct, lang)


class TimexStep:
    """DocStep filling `doc.timexes` from `doc.text`, `doc.dct` and `doc.lang` (None: English).

    tagger: the compiled grammars, loaded lazily on first call
    """

    name = "timex"

    def __init__(self) -> None:
        self.tagger: Tagger | None = None

    def __call__(self, doc: Document) -> Document:
        if self.tagger is None:
            self.tagger = Tagger()
        lang = doc.lang if _has_pack(doc.lang) else "en"
        return doc.replace(timexes=tuple(self.tagger(doc.text or "", doc.dct, lang)))


def _has_pack(lang: str | None) -> bool:
    """True when `lang` has a language folder with a time.toml."""
    return bool(lang) and lang in languages() and load_table(lang, "time") != {}
