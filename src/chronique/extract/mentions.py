"""The entity mentions of one document, the same for FactStep and the spaCy component: the model's names
repaired (first names, institutions, families, cut and untagged names, labels from the words around them),
the article's subject organisation, and the anaphors that stand for it."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ..types import Entity
from .anaphors import AnaphorFinder
from .entities import (InstitutionFinder, Keyer, collectives, first_names, from_spacy, link_short_forms, propagate,
                       subject_org)


class Mentions:
    """Entity mentions from spaCy's entity spans.

    table: the parsed [entities] table of facts.toml; is_stop: word -> whether it is a function word
    """

    def __init__(self, table: dict[str, Any], is_stop: Callable[[str], bool]):
        self.table, self.is_stop = table, is_stop
        self.labels = table["labels"]
        self.keyer = Keyer(table)
        self.anaphors = AnaphorFinder(table)
        self.institutions = InstitutionFinder(table, self.keyer)

    def __call__(self, text: str, ents: Iterable[Any]) -> tuple[list[Entity], Entity | None]:
        """(every mention in text order, the subject organisation) of `text`, whose spaCy entities are `ents`."""
        found = from_spacy(ents, self.labels, self.keyer)
        if any(e.label == "PER" for e in found):  # a name without its first name may want it
            found = link_short_forms(first_names(text, found, self.keyer, self.is_stop))
        found = collectives(text, self.institutions(text, found), self.table, self.keyer)
        named = self.anaphors.by_context(text, propagate(text, found), self.keyer, self.is_stop)
        subject = subject_org(named, text, self.anaphors.source_mark)
        return sorted(named + self.anaphors.find(text, named, subject), key=lambda e: (e.start, e.end)), subject
