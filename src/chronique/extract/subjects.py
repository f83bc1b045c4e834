"""Who a clause is about: the entity its subject names or refers back to, repaired where the parse of a
news sentence goes wrong (a name left unattached, a role phrase taken for the subject, a relative clause
hung on a kind noun).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..types import Entity, content_id
from .syntax import RELATIVE, children, is_verb
from .targets import Targets


class Subjects(Targets):
    """Subject resolution on one parsed sentence (see Clauses for the arguments)."""

    def speaker_org(self) -> Entity | None:
        """The organisation in the subject of the sentence's speaking verb ("David Loew, directeur général
        d'Ipsen", "Ipsen"), if one is named there."""
        for t in self.toks:
            if is_verb(t) and self.cue(t) == "report":
                via = self.rules.via(self.sent_text)  # "dans un entretien à L'Équipe": the medium is not the speaker
                for subj in self.subjects_of(t) + children(t, ("obj", "dobj")):
                    a, b = self.span(list(subj.subtree))
                    org = next((e for e in self.ctx.entities if a <= e.start < b and e.label in ("ORG", "MISC")
                                and not (via and e.text in via)), None)
                    if org is not None:
                        return org
        return None

    def participle_of(self, verb: Any) -> Entity | None:
        """The entity a dated participle describes: "Le club, détenu depuis 2011 par QSI", "Chelsea, sold in May 2022"."""
        if verb.dep_ != "acl" or not ("VerbForm=Part" in str(verb.morph) or verb.tag_ in ("VBN", "VBD")):  # a bare
            # past form on a noun is a participle whatever the tagger says ("the bank founded six years ago")
            return None
        at = [self.off + t.idx for t in verb.subtree]
        if not any(t.start <= x < t.end and t.value[:1].isdigit() for t in self.ctx.timexes for x in at):
            return None  # a calendar date of its own: "now owned by" is no event
        a, b = self.span([verb.head])
        found = next((e for e in self.ctx.entities if e.start <= a < e.end and e.label != "LOC"), None)
        if found is None and self.ctx.lemma(verb.head).lower() in self.rules.own_assets:
            found = self.ctx.subject  # "Le chantier, lancé il y a trois mois": the company's own site
        return found

    def named_antecedent(self, verb: Any) -> Entity | None:
        """The named entity a relative clause with a relative-pronoun subject is about ("Sigfox, qui a perdu")."""
        if not any(c.lower_ in RELATIVE for c in self.subjects_of(verb)):
            return None
        noun = verb.head.head if verb.head.dep_ == "appos" else verb.head  # "Cerberus, the firm that owns ..."
        a, b = self.span([noun])
        found = next((e for e in self.ctx.entities if e.start <= a < e.end and e.label != "LOC"), None)
        if found is None and self.ctx.pos(noun) == "NOUN":  # "Le fabricant américain Abbott, qui a obtenu",
            # "L'homme d'affaires Frank McCourt, qui a acquis": the name the kind noun introduces
            for c in noun.children:
                if c.i < verb.i and c.dep_ in ("nmod", "appos", "flat", "flat:name", "compound") and self.ctx.pos(c) == "PROPN":
                    x, _ = self.span([c])
                    found = next((e for e in self.ctx.entities if e.start <= x < e.end and e.label != "LOC"), None)
                    if found is not None:
                        break
        if found is None and self.ctx.lemma(noun).lower() in self.rules.own_assets and \
                not any(e.start <= self.off + noun.idx < e.end for e in self.ctx.entities):
            found = self.ctx.subject  # "le site de Bogota, qui emploie 140 personnes": the company's site
        if found is None and self.ctx.lemma(noun).lower() in self.rules.own_measures:
            owner = [c for c in noun.children if c.dep_ in ("poss", "nmod:poss", "nmod")]  # "Flipkart's losses, which"
            if owner:
                x, _ = self.span([owner[0]])
                found = next((e for e in self.ctx.entities if e.start <= x < e.end and e.label != "LOC"), None)
        return found

    def opening_name(self, head: Any, chain: Sequence[Any]) -> Entity | None:
        """The name opening a sentence whose main verb the parser left without a subject: "La start-up
        toulousaine Sigfox, spécialiste des ..., prépare son introduction" (parsed with no nsubj)."""
        top = chain[-1] if chain else head
        inverted = top.dep_ in ("advcl", "parataxis", "ccomp") and top.i < top.head.i and self.cue(top.head) == "report"
        if not (top.dep_ == "ROOT" or inverted) or not self.toks:  # "Boiron, le numéro un …, va fermer …, a annoncé"
            return None
        first = self.toks[0]
        window = []
        for t in self.toks[:6]:  # up to the first comma: "L'offre, qui valorise chaque action Genfit" is not Genfit's
            if t.i >= top.i or t.text == ",":
                break
            window.append(t)
        if not window:
            return None
        a, b = self.off + first.idx, self.off + window[-1].idx + len(window[-1].text)
        return next((e for e in self.ctx.entities if a <= e.start < b and not e.anaphor and e.label in ("ORG", "MISC", "PER")
                     and not any(t.dep_ == "case" and self.off + t.idx < e.start for t in window)), None)

    def sentence_opener(self) -> Entity | None:
        """The name or anaphor among the sentence's first three words ("Intersport, son concurrent, …")."""
        if not self.toks:
            return None
        a = self.off + self.toks[0].idx
        b = self.off + self.toks[min(2, len(self.toks) - 1)].idx + 1
        return next((e for e in self.ctx.entities if a <= e.start < b and e.label in ("ORG", "MISC", "PER")), None)

    def matrix_subject(self, chain: Sequence[Any]) -> Entity | None:
        """The entity subject of the nearest cue verb above the clause ("Microsoft rejected claims that it ...")."""
        rules = self.rules
        fallback = None
        for h in chain:
            parent = self.conj_parent(h)  # "Tesla unveiled X and said production would start": Tesla
            subjects = self.subjects_of(h) or (self.subjects_of(parent) if parent is not None else [])
            if not subjects and h.dep_ == "acl" and h.head.dep_ == "ROOT" and self.ctx.pos(h.head) == "PROPN":
                subjects = [h.head]  # "Novartis, its rival, reported that …", parsed with the name as the root
            for t in subjects:
                e = self.resolve_subject(t, None)
                if e is not None and t.lower_ in rules.pronouns | rules.person_pronouns | rules.we:
                    fallback = fallback or e  # "SMFG denied that it planned to charge": the name above the pronoun
                elif e is not None:
                    return e
        return fallback

    def resolve_subject(self, tok: Any, matrix: Entity | None = None) -> Entity | None:
        """The entity a subject phrase names, or the subject organisation it refers back to."""
        ctx, rules = self.ctx, self.rules
        a, b = self.span(list(tok.subtree))
        nested = [self.span(list(c.subtree)) for c in tok.children if c.dep_ in ("acl:relcl", "relcl") and is_verb(c)]
        inside = [e for e in ctx.entities if a <= e.start and e.end <= b  # not a name in a relative clause on it:
                  and not any(x <= e.start < y for x, y in nested)]  # "The former monopoly, in which America Movil held"
        named = [e for e in inside if not e.anaphor]
        head_char = self.off + tok.idx
        appos = None
        for c in children(tok, ("appos",)):  # "Le directeur général de Natixis, François Riahi, quitterait":
            x = self.off + c.idx  # the name in apposition, not the organisation in the role
            appos = appos or next((e for e in named if e.start <= x < e.end and e.label != "LOC"), None)
        for e in ctx.entities:  # the name or the anaphor ("the iPhone maker") the phrase's head belongs to, also
            if e.start <= head_char < e.end:  # when the parse cut the name ("Will/AUX Shu founded"); an anaphor
                return appos if e.anaphor and appos is not None else e  # with a name in apposition is that name
        person = self.person_before(tok)
        if person is not None:
            return person
        if appos is not None:
            return appos
        if ctx.lemma(tok).lower() in rules.own_measures:  # "la production de la Somaïr a reculé": the owner,
            owners = [tok.head.head if c.lower_ in RELATIVE and tok.head.dep_ in ("acl:relcl", "relcl") else c
                      for c in children(tok, ("nmod", "poss", "nmod:poss"))]  # "L'électricien, dont la dette atteint"
            owner = [e for c in owners for e in ctx.entities  # even a place; "The Rome-based group's net debt": the group
                     if e.start <= self.off + c.idx < e.end]
            if owner:
                return owner[0]
        possessed = any(c.lower_ in rules.possessives for n in [tok, *children(tok, ("nmod",))] for c in n.children
                        if c.dep_ in ("det", "poss", "nmod:poss"))  # "Le site de sa future usine sera choisi"
        if possessed:  # "its partnership with CureVac would deliver": the owner, not a name behind a preposition
            named = [e for e in named if not self.behind_preposition(e, tok)]
        for label in ("ORG", "PER", "MISC"):  # a place off the head is a modifier ("the London-based group")
            for e in named:
                if e.label == label:
                    return e
        if any(e.anaphor for e in inside):
            return next(e for e in inside if e.anaphor)
        if tok.lower_ in RELATIVE and tok.head.dep_ in ("acl:relcl", "relcl"):
            return self.named_antecedent(tok.head)
        if tok.lower_ in rules.we:
            return self.speaker_org() or ctx.subject
        if tok.lower_ in rules.person_pronouns:  # "Musk said he would step down": the speaker, if a person
            return matrix if matrix is not None and matrix.label == "PER" else None
        if tok.lower_ in rules.pronouns or possessed:
            if rules.neuter_pronouns and (tok.lower_ in rules.neuter_pronouns or any(
                    c.lower_ in rules.neuter_pronouns for c in tok.children)):
                # "Luis Gallego told reporters that its capacity would recover": "its" is no person
                return next((e for e in (matrix, ctx.last_subject, ctx.subject) if e is not None and not _person(e)), None)
            return matrix or ctx.last_subject or ctx.subject
        if ctx.lemma(tok).lower() in rules.own_assets and self.ctx.pos(tok) == "NOUN":  # "le site de Bogota
            return matrix if matrix is not None and matrix.label in ("ORG", "MISC") else ctx.subject  # sera fermé"
        if ctx.lemma(tok).lower() in rules.own_measures and self.ctx.pos(tok) == "NOUN" and \
                all(c.dep_ in ("det", "amod", "punct") or (c.dep_ == "nmod" and matrix is not None)
                    for c in tok.children):  # "Boutin a prévenu que le bénéfice d'exploitation reculerait"
            org = matrix if matrix is not None and matrix.label in ("ORG", "MISC") else ctx.subject
            return org  # "Le titre a reculé de 1,3 %", "Revenue rose 8%": the (speaking) company's own figure
        return self.unnamed(tok)

    def behind_preposition(self, e: Entity, tok: Any) -> bool:
        """Whether the name sits in a prepositional phrase under `tok` ("with CureVac", "de Natixis")."""
        at = next((t for t in tok.subtree if self.off + t.idx >= e.start), None)
        while at is not None and at.i != tok.i:
            if at.dep_ in ("prep", "pobj", "obl") or any(c.dep_ == "case" for c in at.children):
                return True
            if at.head.i == at.i:
                break
            at = at.head
        return False

    def person_before(self, tok: Any) -> Entity | None:
        """The name a descriptive phrase is in apposition to, when the parser took the description for the
        subject: "Joachim Nagel, le président de la Bundesbank, aurait plaidé" (Nagel hung on the phrase
        before), "Boiron, le numéro un mondial de l'homéopathie, va fermer" (Boiron left as the root)."""
        if self.ctx.pos(tok) != "NOUN" or tok.i == 0 or tok.doc[max(tok.left_edge.i - 1, 0)].text != ",":
            return None
        comma = self.off + tok.doc[tok.left_edge.i - 1].idx
        name = next((e for e in self.ctx.entities if e.label != "LOC" and not e.anaphor and e.end == comma), None)
        if name is None or self.rules.in_source(self.ctx.text, name.start):
            return None  # "selon Marc Dupont, le groupe ...": a source, not the subject
        if name.label != "PER":  # an organisation only when nothing governs it: "Chez Airbus, la direction" is not
            at = next((t for t in self.toks if self.off + t.idx >= name.start), None)
            if at is None or any(c.dep_ == "case" for c in at.children) or (
                    at.dep_ not in ("ROOT", "dep", "appos", "nsubj") and at.i != self.toks[0].i):
                return None  # opening the sentence, "EDF, son principal client, a signé" (EDF hung as obl:mod)
        return name

    def unnamed(self, tok: Any) -> Entity | None:
        """A capitalised proper-noun subject the NER missed ("Peloton denied ...", "le groupe Renault"): an organisation."""
        if self.ctx.pos(tok) == "NOUN":  # "le groupe Renault", "the carmaker Stellantis": the name follows the noun
            tok = next((c for c in tok.children if c.i == tok.i + 1 and self.ctx.pos(c) == "PROPN" and
                        c.dep_ in ("nmod", "appos", "flat", "flat:name", "compound")), tok)
        if self.ctx.pos(tok) != "PROPN" or not tok.text[:1].isupper() or self.ctx.key is None:
            return None
        parts = sorted([tok, *(c for c in tok.children if c.dep_ in ("compound", "flat", "flat:name")
                               and self.ctx.pos(c) == "PROPN")], key=lambda t: t.i)
        if parts[-1].i - parts[0].i != len(parts) - 1:
            return None
        a, b = self.span(parts)
        name = self.ctx.text[a:b]
        known = next((e for e in self.ctx.entities if e.text == name), None)
        return known or Entity(id=content_id(f"{a}:{b}".encode(), "ent_"), start=a, end=b, text=name, label="ORG",
                               key=self.ctx.key(name))

def _person(e: Entity) -> bool:
    """A person by name ("Luis Gallego"); a one-word PER is as often a company the model mislabelled."""
    return e.label == "PER" and " " in e.key
