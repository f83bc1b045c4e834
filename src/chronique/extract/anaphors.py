"""Anaphors of the subject organisation ("la firme", "the company") and the words around names that
tell an organisation from a person ("A BT spokesperson", "Governor Michele Bullock"), from the
[entities] table of facts.toml.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

from ..types import Entity
from .entities import Keyer, _with_id


class AnaphorFinder:
    """Finds "la firme", "the company", ... and resolves them to the first organisation named before them in
    their sentence, else to the subject organisation.

    table: the parsed [entities] table of facts.toml
    """

    def __init__(self, table: dict[str, Any]):
        pats = table.get("anaphors", ())
        self.pattern = re.compile(r"(?<![\w'])(?:" + "|".join(pats) + ")", re.I) if pats else None
        # what follows a kind noun when it introduces a name rather than standing for one ([entities] name_after)
        self.name_after = re.compile(table.get("name_after", r"\s*[A-Z][\w-]"))
        kinds = table.get("apposition_kinds", ())  # organisation kinds that are no anaphor ("the regulator")
        self.kinds = re.compile(r"(?:" + "|".join(kinds) + r")\b", re.I) if kinds else None
        pb, pa = table.get("per_before", ()), table.get("per_after", ())  # the same for people
        self.per_before = re.compile(r"(?<![\w'])(?:" + "|".join(pb) + r")\s*$", re.I) if pb else None
        self.per_after = re.compile("|".join(f"(?:{a})" for a in pa)) if pa else None
        before, after = table.get("org_before", ()), table.get("org_after", ())
        self.org_before = re.compile(r"(?<![\w'])(?:" + "|".join(before) + r")\s*$", re.I) if before else None
        self.org_after = re.compile("|".join(f"(?:{a})" for a in after)) if after else None
        marks = table.get("source_marks", ())
        self.source_mark = re.compile(r"(?<![\w'])(?:" + "|".join(marks) + r")\W+(?:\w+\W+){0,3}$", re.I) if marks else None

    def by_context(self, text: str, entities: Sequence[Entity], keyer: Keyer | None = None,
                   is_stop: Any = None) -> list[Entity]:
        """Names a company's words surround are organisations, on every mention of the key, whatever the
        model said: "A BT spokesperson", "a stake in BT" (tagged LOC), "Novartis, its crosstown rival"
        (tagged PER), "Novo Nordisk, the Danish maker of Wegovy". The cues are [entities] org_before / org_after
        of facts.toml and the anaphor patterns after a comma; per_before / per_after make people. With a keyer, capitalised
        words the model did not tag become organisations before an org_after cue or a closed apposition of
        an organisation kind ("Affirm, its American rival", "Uber, the ride-hailing company,": sentence-initial
        names the model misses); is_stop(word) keeps "The spokesperson" out."""
        entities = list(entities)
        if keyer is not None:
            for m in _CAPITALISED.finditer(text):
                if not self.company_follows(text, m.end()) or any(e.start < m.end() and m.start() < e.end for e in entities):
                    continue
                if is_stop is not None and any(is_stop(w.lower()) for w in m.group(0).split()):
                    continue
                entities.append(_with_id(Entity(id="", start=m.start(), end=m.end(), text=m.group(0), label="ORG",
                                                key=keyer(m.group(0)))))
            entities.sort(key=lambda e: (e.start, e.end))
        orgs, people = set(), set()
        for e in entities:
            if e.anaphor:
                continue
            if (self.org_before is not None and self.org_before.search(text, max(0, e.start - 40), e.start)) or \
                    (self.org_after is not None and self.org_after.match(text, e.end)) or \
                    (text[e.end:e.end + 2] == ", " and any(p is not None and p.match(text, e.end + 2)
                                                            for p in (self.pattern, self.kinds))):
                orgs.add(e.key)  # the last: an organisation apposition ("Novo Nordisk, the Danish maker of Wegovy",
                # "King Street, le fonds d'investissement américain")
            if (self.per_before is not None and self.per_before.search(text, max(0, e.start - 40), e.start)) or \
                    (self.per_after is not None and self.per_after.match(text, e.end)):
                people.add(e.key)  # "Governor Michele Bullock", "Helena Helmersson stepped down as chief executive"
        return [dataclasses.replace(e, label="ORG") if e.key in orgs - people and e.label != "ORG" else
                dataclasses.replace(e, label="PER") if e.key in people - orgs and e.label != "PER" else e
                for e in entities]

    def company_follows(self, text: str, at: int) -> bool:
        """Whether the words at `at` make the name before them a company: an org_after cue, or a closed
        apposition of an organisation kind ("Uber, the ride-hailing company, will", "DST Global, the Russian
        investment firm that"); an open one is the sentence going on ("Meanwhile, the company said")."""
        if self.org_after is not None and self.org_after.match(text, at):
            return True
        if text[at:at + 2] != ", ":
            return False
        for pattern in (self.pattern, self.kinds):
            m = pattern.match(text, at + 2) if pattern is not None else None
            if m and _APPOSITION_END.match(text, m.end()):
                return True
        return False

    def find(self, text: str, entities: Sequence[Entity], subject: Entity | None) -> list[Entity]:
        """Anaphor mentions outside named entities, keyed to `subject` (none when there is no subject)."""
        if subject is None or self.pattern is None:
            return []
        taken = [(e.start, e.end) for e in entities]
        out = []
        for m in self.pattern.finditer(text):
            if m.start() < subject.start:
                continue  # an anaphor points back: before the first mention it names something else
            inside = [(a, b) for a, b in taken if a < m.end() + 1 and m.start() < b]
            if inside and not (all((m.start() < a or text.startswith("'s ", b)) and b < m.end() for a, b in inside)
                               and m.group(0)[-1].islower()):
                continue  # part of a name ("le groupe Danone"); "the iPhone maker", "Europe's largest retailer" stay
            if re.match(r"\s+(?:de|d'|du|des|of)\s+[A-Z]", text[m.end():m.end() + 8]):
                continue  # "le groupe de Bernard Arnault": not the subject itself
            if self.name_after.match(text, m.end()):
                continue  # "la compagnie IndiGo", "le fabricant américain Abbott": a name follows
            if re.search(r"[A-Z][\w&.-]*,\s*$", text[max(0, m.start() - 40):m.start()]) and \
                    _APPOSITION_END.match(text, m.end()):
                continue  # "DST Global, the Russian investment firm that ...": an apposition to a name, not an anaphor
            key = self.sentence_org(text, entities, m.start(), subject.key) or subject.key
            out.append(_with_id(Entity(id="", start=m.start(), end=m.end(), text=m.group(0), label="ORG",
                                       key=key, anaphor=True)))
        return out

    def sentence_org(self, text: str, entities: Sequence[Entity], at: int, subject: str | None = None) -> str | None:
        """The key of the first organisation named earlier in the anaphor's sentence, unless it is named as a
        source: "Ford will cut 1,100 jobs, the carmaker said" is about Ford even in an article about Pfizer,
        "selon Les Echos, le groupe investira" is not about Les Echos. An anaphor opening its sentence takes
        the first organisation of the sentence before ("Chez Airbus, on se tait. Le constructeur vise ...").
        The article's organisation, when named there, comes first."""
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
        start = ends[-1] if ends else 0
        found = self._orgs_between(text, entities, start, at)
        if not found and ends:  # none named before it in its sentence ("According to people ..., the company
            # is considering"): the organisation the sentence before was about
            found = self._orgs_between(text, entities, ends[-2] if len(ends) > 1 else 0, start)
        # the article's organisation, when named there, wins over one named in passing ("a former Morgan
        # Stanley analyst, founded Deliveroo, and the company ...")
        return subject if subject in found else (found[0] if found else None)

    def _orgs_between(self, text: str, entities: Sequence[Entity], start: int, end: int) -> list[str]:
        """Keys of the organisations named in text[start:end], in order, except those named as a source."""
        found = []
        for e in entities:  # in text order
            if e.start >= end:
                break
            if e.start >= start and e.label == "ORG" and not e.anaphor:
                if self.source_mark and self.source_mark.search(text, max(0, e.start - 40), e.start):
                    continue
                found.append(e.key)
        return found


_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][\w&-]+(?: [A-Z][\w&-]+){0,3}(?![\w-])")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_APPOSITION_END = re.compile(r"\s*(?:,|\(|that\b|which\b|who\b|qui\b|dont\b|que\b)")
