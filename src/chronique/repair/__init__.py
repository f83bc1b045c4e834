"""Text repair: the step that turns `doc.raw` into `doc.text` and logs every change as an Edit.

Order matters: encoding first (ftfy needs the original bytes' shapes, e.g. "Ã" + no-break
space), then characters and layout, then boilerplate lines, then repeated passages (on clean
layout, so their glue is cut cleanly), then glued sentences (only in what is kept).
"""
from __future__ import annotations

from ..lang import languages, load_table
from ..types import Document, Edit
from .boilerplate import BoilerplateRules, boilerplate_changes
from .edits import Change, OffsetMap, Rewriter, apply_edits, to_raw
from .glue import GlueRules, glue_changes
from .repeats import repeat_changes
from .unicode import char_changes, encoding_changes, layout_changes

__all__ = ["Change", "OffsetMap", "RepairStep", "Rewriter", "apply_edits", "place_notes", "repair_text", "to_raw"]


class RepairStep:
    """DocStep "repair": sets `text` and `edits` from `raw`.

    min_chars, min_sentences: the least size of a passage removed as a repeat
    langs: the packs whose data applies (all of them: the language is not known yet)
    """

    name = "repair"

    def __init__(self, min_chars: int = 150, min_sentences: int = 2, langs: list[str] | None = None):
        self.min_chars = min_chars
        self.min_sentences = min_sentences
        self.langs = langs
        self._rules: tuple[BoilerplateRules, GlueRules] | None = None

    def rules(self) -> tuple[BoilerplateRules, GlueRules]:
        if self._rules is None:
            tables = [load_table(lang, "repair") for lang in (self.langs or languages())]
            self._rules = (BoilerplateRules.from_tables(tables), GlueRules.from_tables(tables))
        return self._rules

    def rewrite(self, raw: str, edits: tuple[Edit, ...] = ()) -> Rewriter:
        """Run every repair on `raw` (after `edits`, if any) and return the rewriter."""
        boiler, glue = self.rules()
        rw = Rewriter(raw, edits)
        rw.apply("encoding", encoding_changes(rw.text))
        rw.apply("whitespace", char_changes(rw.text))
        rw.apply("whitespace", layout_changes(rw.text))
        rw.apply("boilerplate", boilerplate_changes(rw.text, boiler))
        rw.apply("repeat", repeat_changes(rw.text, self.min_chars, self.min_sentences))
        # a prompt glued to a removed copy is a line of its own only now
        rw.apply("boilerplate", boilerplate_changes(rw.text, boiler))
        rw.apply("glue", glue_changes(rw.text, glue))
        return rw

    def __call__(self, doc: Document) -> Document:
        # Notes (empty edits, e.g. the reader's decoding choice) stay out of the merging and
        # come back at their place; real earlier edits are built on.
        notes = [e for e in doc.edits if e.raw_start == e.raw_end and not e.replacement]
        rw = self.rewrite(doc.raw, tuple(e for e in doc.edits if e not in notes))
        return doc.replace(text=rw.text, edits=place_notes(rw.edits(), notes))


def place_notes(edits: tuple[Edit, ...], notes: list[Edit]) -> tuple[Edit, ...]:
    """Merge empty note edits (raw offsets) into an edit log, at their text offsets.

    edits: the log, sorted by text position
    notes: edits that change nothing; one inside a changed range moves to its start
    """
    if not notes:
        return edits
    placed = []
    for note in notes:
        p, delta = note.raw_start, 0
        for e in edits:
            if e.raw_end <= p and not (e.raw_start == e.raw_end == p):
                delta += len(e.replacement) - (e.raw_end - e.raw_start)
            elif e.raw_start < p:
                p, delta = e.raw_start, e.start - e.raw_start  # inside a change: before it
                break
            else:
                break
        at = p + delta
        placed.append(Edit(note.kind, at, at, p, p, "", note.reason))
    return tuple(sorted(placed + list(edits), key=lambda e: (e.start, e.end, e.raw_start, e.raw_end)))


def repair_text(raw: str) -> str:
    """The repaired text of `raw` with default settings (a convenience for scripts and tests)."""
    return RepairStep().rewrite(raw).text
