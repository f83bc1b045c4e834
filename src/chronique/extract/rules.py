"""Cue words and patterns for claims, compiled once from `facts.toml` [claims], [entities] and [predicates]."""
from __future__ import annotations

import re
from typing import Any

# Strongest first: a denial outranks a confirmation, which outranks hearsay, an intention, a plain fact.
MODALITY_ORDER = ("denied", "confirmed", "rumour", "plan", "fact")


def _regexes(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.I) for p in patterns]


class ClaimRules:
    """Everything language-specific the claim extractor looks up.

    claims: the [claims] table; entities: the [entities] table; predicates: the [predicates] table
    """

    def __init__(self, claims: dict[str, Any], entities: dict[str, Any], predicates: dict[str, Any]):
        self.cues = {name: {w.lower() for w in claims.get(name, ())}
                     for name in ("plan", "rumour", "confirmed", "denied", "report")}
        self.rumour_phrases = _regexes(claims.get("rumour_phrases", []))
        self.plan_phrases = _regexes(claims.get("plan_phrases", []))
        self.conditional_rumour = bool(claims.get("conditional_rumour", False))
        self.negation = {w.lower() for w in claims.get("negation", ())}
        self.source_phrases = _regexes(claims.get("source_phrases", []))
        by = claims.get("source_by")
        self.source_by = re.compile(by, re.I) if by else None
        self.via_phrases = [re.compile(p) for p in claims.get("via_phrases", [])]  # case matters: names
        self.anonymous = _regexes(claims.get("anonymous", []))
        self.meta = _regexes(claims.get("meta", []))
        self.expletive = _regexes(claims.get("expletive", []))
        # "Il ne lancera pas …": a pronoun the parser called expletive is a subject, unless its verb is impersonal
        self.expl_subjects = {w.lower() for w in claims.get("expl_subjects", ())}
        self.form_lemmas = {k.lower(): v for k, v in claims.get("form_lemmas", {}).items()}
        self.impersonal = {w.lower() for w in claims.get("impersonal_verbs", ())}
        self.determiners = {w.lower() for w in claims.get("determiners", ())}
        self.drop_sources = {w.lower() for w in claims.get("drop_sources", ())}
        self.needs_statement = {w.lower() for w in claims.get("needs_statement", ())}
        self.plan_needs_clause = {w.lower() for w in claims.get("plan_needs_clause", ())}
        self.report_needs_clause = {w.lower() for w in claims.get("report_needs_clause", ())}
        self.rate_words = {w.lower() for w in claims.get("rate_words", ())}
        self.statement_nouns = {w.lower() for w in claims.get("statement_nouns", ())}
        self.light_verbs = {w.lower() for w in claims.get("light_verbs", ())}
        self.announce = {w.lower() for w in claims.get("announce", ())}
        self.parse_cues = _regexes(claims.get("parse_cues", []))
        self.conditional_plan = {w.lower() for w in claims.get("conditional_plan", ())}
        self.conditional_suffixes = tuple(claims.get("conditional_suffixes", ()))
        self.future_suffixes = tuple(claims.get("future_suffixes", ()))
        self.conditional_forms = {w.lower() for w in claims.get("conditional_forms", ())}
        self.inverted_object = bool(claims.get("inverted_speaker_object", False))
        self.temporal_marks = {w.lower() for w in claims.get("temporal_marks", ())}
        self.no_comment = {w.lower() for w in claims.get("no_comment", ())}
        self.own_measures = {w.lower() for w in claims.get("own_measures", ())}
        self.own_assets = {w.lower() for w in claims.get("own_assets", ())}
        owned = sorted(self.own_measures | self.own_assets, key=len, reverse=True)  # "L'action a bondi de 9,5 %":
        self._opens_owned = re.compile(r"^\W*(?:\w+['’ ]\s*)?(?:" + "|".join(map(re.escape, owned)) + r")\b", re.I) \
            if owned else None  # a sentence about the company's own figure or place, worth a parse
        self.deadline_cues = _regexes(claims.get("deadline_cues", []))
        self.recent_cues = _regexes(claims.get("recent_cues", []))
        self.past_aux = {w.lower() for w in claims.get("past_aux", ())}  # "a levé", "has raised": a compound past
        self.clitics = {w.lower() for w in claims.get("clitics", ())}
        self.euphonic = {w.lower() for w in claims.get("euphonic", ())}  # letters between verb and pronoun  # object pronouns before an infinitive
        self.infinitive_marks = {w.lower() for w in claims.get("infinitive_marks", ())}
        self.no_claim_marks = {w.lower() for w in claims.get("no_claim_marks", ())}
        self.content_marks = {w.lower() for w in claims.get("content_marks", ())}  # "que" opening a said clause
        self.denial_nouns = _regexes(claims.get("denial_nouns", []))
        end = claims.get("denial_scope_end")
        self.denial_scope_end = re.compile(end, re.I) if end else None
        self.pronouns = {w.lower() for w in entities.get("pronouns", ())}
        self.possessives = {w.lower() for w in entities.get("possessives", ())}
        self.person_pronouns = {w.lower() for w in entities.get("person_pronouns", ())}
        # pronouns that, speaking, are the person named last when there is one ("a-t-il ajouté")
        self.speaker_pronouns = {w.lower() for w in entities.get("speaker_pronouns", ())}
        self.we = {w.lower() for w in entities.get("we", ())}
        self.speaking_bodies = {w.lower() for w in entities.get("speaking_bodies", ())}  # "la direction a dit"
        self.neuter_pronouns = {w.lower() for w in entities.get("neuter_pronouns", ())}  # "it", "its": never a person
        refer = sorted(self.pronouns | self.possessives | self.we | self.person_pronouns, key=len, reverse=True)
        self._refer = re.compile(r"(?<![\w'])(?:" + "|".join(map(re.escape, refer)) + r")(?![\w'])", re.I) if refer else None
        self.canonical = {lemma.lower(): canon for canon, lemmas in predicates.items() for lemma in lemmas}

    def cue(self, lemma: str) -> str | None:
        """The cue class of a verb lemma: plan | rumour | confirmed | denied | report | None."""
        lemma = lemma.lower()
        for name in ("denied", "confirmed", "rumour", "plan", "report"):
            if lemma in self.cues[name]:
                return name
        return None

    def phrase_modality(self, text: str) -> str | None:
        """rumour or plan when a phrase cue occurs in `text` (rumour first)."""
        if any(p.search(text) for p in self.rumour_phrases):
            return "rumour"
        if any(p.search(text) for p in self.plan_phrases):
            return "plan"
        return None

    def parse_cue(self, sentence: str) -> bool:
        """Whether the raw sentence shows a cue form worth a parse (checked before any parse)."""
        return any(p.search(sentence) for p in self.parse_cues)

    def refers(self, sentence: str) -> bool:
        """Whether the sentence has a pronoun or possessive that can point at the subject organisation, or
        opens on one of its own figures or places ("L'action a bondi", "Revenue rose")."""
        return bool(self._refer and self._refer.search(sentence)) or \
            bool(self._opens_owned and self._opens_owned.match(sentence))

    def is_meta(self, sentence: str) -> bool:
        return any(p.search(sentence) for p in self.meta)

    def is_expletive(self, clause: str) -> bool:
        return any(p.search(clause) for p in self.expletive)

    def speaks_as_itself(self, anaphor: str) -> bool:
        """Whether an anaphor names a body of the organisation that speaks as itself ("la direction", "the board")."""
        return self.strip_determiners(anaphor).lower() in self.speaking_bodies

    def is_anonymous(self, who: str) -> bool:
        return any(p.search(who) for p in self.anonymous)

    def strip_determiners(self, name: str) -> str:
        """"plusieurs sources proches du dossier" -> "sources proches du dossier"."""
        words = name.strip().split()
        while words and (words[0].lower() in self.determiners or words[0].lower().rstrip("'") + "'" in self.determiners
                         and words[0].endswith("'")):
            words = words[1:]
        out = " ".join(words)
        for det in sorted((d for d in self.determiners if d.endswith("'")), key=len, reverse=True):
            if out.lower().startswith(det):
                out = out[len(det):]
        return out.strip()

    def in_source(self, text: str, at: int) -> bool:
        """Whether the name at `at` is the one a source phrase gives ("selon Marc Dupont, ...")."""
        window = text[max(0, at - 60):at + 60]
        shift = max(0, at - 60)
        return any(m.start("who") + shift <= at < m.end("who") + shift
                   for r in self.source_phrases for m in r.finditer(window) if "who" in r.groupindex)

    def via(self, sentence: str) -> str | None:
        for p in self.via_phrases:
            m = p.search(sentence)
            if m:
                return m.group("via")
        return None

    def canonical_predicate(self, lemma: str) -> str:
        return self.canonical.get(lemma.lower(), lemma.lower())


def strongest(modalities: list[str]) -> str:
    """The strongest modality of a list (fact when empty)."""
    for name in MODALITY_ORDER:
        if name in modalities:
            return name
    return "fact"
