"""The parse-level helpers the claim rules share: the document context, clause tests, cue lookups.

Works on any parsed spaCy Doc or Span; `off` maps its token offsets to document offsets.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..types import Entity, Figure, Timex
from .rules import ClaimRules

SUBJ = ("nsubj", "nsubj:pass", "nsubjpass", "csubj")
EXPL = ("expl", "expl:subj", "expl:pass", "expl:impers")
CONTENT = ("xcomp", "ccomp")
TYPE_RANK = {"DATE": 0, "TIME": 0, "DURATION": 1, "SET": 2}  # a date is a better target than a span
RELATIVE = {"qui", "que", "qu'", "dont", "lequel", "laquelle", "which", "that", "who", "whom", "whose"}


@dataclass
class DocContext:
    """What the claim extractor knows about the whole document.

    text: the document text; dct: its creation time (TIMEX3 value); entities: named entities and anaphors;
    timexes / figures: found elsewhere; subject: the subject organisation; rules: the language's cues;
    lemma: token -> lemma (filled lazily by the step); pos: token -> coarse POS; key: name -> entity key
    """

    text: str
    dct: str | None
    entities: Sequence[Entity]
    timexes: Sequence[Timex]
    figures: Sequence[Figure]
    subject: Entity | None
    rules: ClaimRules
    lemma: Callable[[Any], str]
    pos: Callable[[Any], str] = lambda tok: tok.pos_
    key: Callable[[str], str] | None = None  # name -> entity key, for subjects the NER missed
    last_subject: Entity | None = None
    moved: dict[str, Timex] = field(default_factory=dict)  # timexes whose year the parse corrected, by id


def is_verb(tok: Any) -> bool:
    """A verb or auxiliary, by coarse POS or (when no component set it) by Penn tag."""
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD"


def children(tok: Any, deps: Sequence[str]) -> list[Any]:
    """The token's children with one of the dependency labels `deps`."""
    return [c for c in tok.children if c.dep_ in deps]


class Clauses:
    """Clause-level views of one parsed sentence.

    sent: a parsed spaCy Doc or Span; off: the character offset of its token offsets in the document text
    """

    def __init__(self, sent: Any, off: int, ctx: DocContext):
        self.sent, self.off, self.ctx, self.rules = sent, off, ctx, ctx.rules
        self.toks = list(sent)  # spaCy builds a new Token object on every iteration: build them once
        self._cues: dict[int, str | None] = {}
        self.sent_text = sent.text  # Doc.text joins every token on each call: once per sentence
        self.text_off = off + (self.toks[0].idx if self.toks else 0)  # where `sent.text` starts in the document

    def span(self, toks: Sequence[Any]) -> tuple[int, int]:
        return (self.off + min(t.idx for t in toks), self.off + max(t.idx + len(t.text) for t in toks))

    def cue(self, tok: Any) -> str | None:
        """The token's cue class (see ClaimRules.cue), asked many times per token: kept once found."""
        if tok.i not in self._cues:
            self._cues[tok.i] = self._cue(tok)
        return self._cues[tok.i]

    def _cue(self, tok: Any) -> str | None:
        if not (is_verb(tok) or self.ctx.pos(tok) == "NOUN" or (tok.dep_ == "ROOT" and tok.lower_ in self.rules.cues["plan"])):
            return None  # a listed plan form may head the sentence as an adjective ("Le constructeur table sur")
        lemma = self.ctx.lemma(tok).lower()
        cue = self.rules.cue(lemma) or (self.rules.cue(tok.lower_) if is_verb(tok) or tok.dep_ == "ROOT" or lemma == tok.lower_
                                        else None)  # a listed form when the lemmatizer errs ("hoped" -> "hop")
        if cue is None:  # a two-word cue: "faire savoir"
            cue = next((c for x in children(tok, ("xcomp",)) if (c := self.rules.cue(f"{lemma} {self.ctx.lemma(x).lower()}"))), None)
        if cue == "report" and lemma in self.rules.report_needs_clause and not (
                children(tok, CONTENT) or any(c.dep_ in SUBJ and c.i > tok.i for c in tok.children) or (
                    self.inverted(tok) and not any(c.dep_ in SUBJ and c.i < tok.i for c in tok.children))):
            return None  # "a rappelé 10 000 véhicules" is a recall, "Liberty Global, the cable group …, will report
            # results" an event; "…, a rappelé son PDG" reports
        if cue == "plan" and is_verb(tok) and lemma in self.rules.plan_needs_clause and children(tok, ("obj", "dobj")) \
                and not any(is_verb(c) for c in tok.children if c.dep_ in CONTENT + ("obl:arg", "acl", "advcl")):
            return None  # "qui compte 15 millions de clients" counts; "compte ouvrir" plans
        if cue == "denied" and lemma in self.rules.needs_statement and not children(tok, CONTENT):
            said = [t for c in tok.children if c.dep_ not in SUBJ and c.i > tok.i for t in c.subtree]
            if not any(self.ctx.lemma(t).lower() in self.rules.statement_nouns for t in said):
                return None  # "le Parlement a rejeté l'ACTA": a vote, not a denial of a statement
        return cue

    def inverted(self, verb: Any) -> bool:
        """Whether the verb opens an inserted speaker clause: "…, a rappelé son PDG", "», a-t-il dit"."""
        first = min([verb, *children(verb, ("aux", "aux:tense", "aux:pass"))], key=lambda t: t.i)
        return first.i > 0 and verb.doc[first.i - 1].text in (",", "»", '"')

    def subject_of(self, tok: Any) -> Any | None:
        """The first subject child (see subjects_of)."""
        subj = self.subjects_of(tok)
        return subj[0] if subj else None

    def subjects_of(self, tok: Any) -> list[Any]:
        """Subject children; a name the parser called expletive counts ("Xiaomi investit"), and so does "il"
        before a cue verb with no expletive complement ("Il prévoit de", but not "il s'agit", "il y a")."""
        out = []
        for c in tok.children:
            if c.dep_ in SUBJ:
                out.append(c)
            elif c.dep_ in EXPL and c.dep_ != "expl:comp" and c.lower_ not in self.rules.euphonic:  # "a-t-il": "-t"
                if self.ctx.pos(c) == "PROPN" or (self.cue(tok) and not children(tok, ("expl:comp",))) or \
                        self.personal_expl(tok, c):
                    out.append(c)
        if not out and tok.dep_ == "acl" and tok.head.head.dep_ == "ROOT" and \
                (split := self.split_participle(tok.head.head)) is not None and split.i == tok.i:
            return self.subjects_of(tok.head.head)  # "La Banque Postale a de son côté démenti": the auxiliary's
        if not out and is_verb(tok):  # "TotalEnergies, qui produit …, veut porter": the name the parser left
            # unattached ("dep") before the verb is its subject
            out = [c for c in tok.children if c.dep_ == "dep" and c.i < tok.i and self.ctx.pos(c) == "PROPN"][:1]
        return out

    def personal_expl(self, verb: Any, pron: Any) -> bool:
        """"Il ne lancera pas", tagged expletive: a personal pronoun, unless the verb is impersonal ("il faut",
        "il s'agit", "il y a") or passive over a clause ("il est prévu que")."""
        rules = self.rules
        if pron.lower_ not in rules.expl_subjects or not is_verb(verb) or children(verb, ("expl:comp",)):
            return False
        if self.ctx.lemma(verb).lower() in rules.impersonal or any(c.lower_ in rules.impersonal for c in verb.children):
            return False
        return not (children(verb, ("aux:pass", "auxpass")) and children(verb, CONTENT + ("csubj",)))

    def split_participle(self, root: Any) -> Any | None:
        """The participle of a compound tense an inserted adverbial split from its auxiliary, when the parser
        made the auxiliary the root: "La Banque Postale a de son côté démenti …" (participle on "côté")."""
        if root.dep_ != "ROOT" or not (root.pos_ == "AUX" or root.lower_ in self.rules.past_aux):
            return None
        return next((g for c in root.children if c.i > root.i for g in c.children
                     if g.dep_ == "acl" and is_verb(g) and c.i < g.i and "VerbForm=Part" in str(g.morph)), None)

    def content_of(self, verb: Any) -> list[Any]:
        """Verbs a cue verb governs as content: xcomp/ccomp, or a clause on its object ("denied a report that ...")."""
        out = [c for c in children(verb, CONTENT) if is_verb(c)] + [  # "prévoit de raccorder", parsed as obl:arg
            c for c in children(verb, ("obl:arg",)) if is_verb(c) and self.cue(verb) == "plan"
            and any(g.lower_ in self.rules.infinitive_marks for g in c.children if g.i < c.i)]
        if not out and self.inverted(verb):  # "X veut porter …, a rappelé son PDG": the clause before is said
            out = [c for c in verb.children if c.i < verb.i and is_verb(c) and c.dep_ in ("advcl", "parataxis", "conj")]
        for t in verb.children:  # "a confirmé la semaine dernière qu'elle renégocierait", parsed as a relative
            # clause on the date: the date cannot be the clause's antecedent, so the clause is what was said
            out += [c for c in t.children if self.timex_relative(c)]
        for obj in children(verb, ("obj", "dobj")):  # a clause, not a participle ("a search engine powered by AI")
            out += [c for c in obj.children if is_verb(c) and c.dep_ in ("acl", "ccomp", "acl:relcl", "relcl")
                    and not any(g.lower_ in RELATIVE and g.dep_ in SUBJ for g in c.children)
                    and any(g.dep_ in SUBJ + ("mark",) or g.lower_ in self.rules.infinitive_marks for g in c.children)]
        return out

    def object_clause(self, tok: Any) -> bool:
        """An infinitive the parser hung as a relative clause on a cue verb's object ("expected revenue to
        return to growth"): the verb's content clause (see content_of)."""
        obj = tok.head
        return tok.dep_ in ("acl:relcl", "relcl") and obj.dep_ in ("obj", "dobj") and is_verb(obj.head) and \
            self.cue(obj.head) is not None and not any(g.lower_ in RELATIVE and g.dep_ in SUBJ for g in tok.children) \
            and any(g.dep_ in SUBJ + ("mark",) or g.lower_ in self.rules.infinitive_marks for g in tok.children)

    def timex_relative(self, tok: Any) -> bool:
        """A "que" clause the parser hung as a relative clause on a date after a verb ("a confirmé la
        semaine dernière qu'elle ..."): the verb's content clause."""
        return tok.dep_ in ("acl:relcl", "relcl") and is_verb(tok) and self.in_timex(tok.head) and \
            any(g.lower_ in self.rules.content_marks and g.dep_ in ("obj", "dobj", "mark") for g in tok.children)

    def conj_parent(self, tok: Any) -> Any | None:
        """The verb a coordinated verb without a subject of its own shares its subject with."""
        if tok.dep_ == "conj" and is_verb(tok) and is_verb(tok.head) and not self.subjects_of(tok):
            return tok.head
        return None

    def has_own_subject(self, tok: Any) -> bool:
        return any(c.lower_ not in RELATIVE for c in self.subjects_of(tok))

    def announced_object(self, verb: Any) -> Any | None:
        """The event noun an announcing verb has for object ("a annoncé la suppression de 1 500 emplois")."""
        if self.ctx.lemma(verb).lower() not in self.rules.announce:
            return None
        objs = [c for c in children(verb, ("obj", "dobj")) if self.ctx.pos(c) == "NOUN" and not (
            c.i > verb.i and self.inverted(verb) and any(e.anaphor and e.start <= self.off + c.idx < e.end
                                                         for e in self.ctx.entities))]  # "…, a annoncé le groupe"
        if not objs:  # "a confirmé mercredi le lancement", parsed with the event under the weekday
            objs = [n for c in verb.children if self.in_timex(c) for n in children(c, ("nmod",))
                    if self.ctx.pos(n) == "NOUN" and not self.in_timex(n)]
        return objs[0] if objs else None

    def in_timex(self, tok: Any) -> bool:
        at = self.off + tok.idx
        return any(t.start <= at < t.end for t in self.ctx.timexes)

    def chain(self, tok: Any) -> list[Any]:
        """Cue verbs above `tok`, nearest first, up to the first ordinary verb."""
        out, h = [], tok
        while h.head.i != h.i:
            if self.timex_relative(h) or self.object_clause(h):
                h = h.head  # the date or object the parser hung the content clause on; its verb is next
            elif h.dep_ in ("acl:relcl", "relcl", "advcl") or (h.dep_ == "conj" and self.has_own_subject(h)) or \
                    (h.dep_ == "acl" and ("VerbForm=Part" in str(h.morph) or h.tag_ == "VBN")):
                break  # "un objectif que certains analystes jugent ambitieux", "l'OM, racheté en 2016 par ...",
                # "The bank plans to launch …, and it applied for a licence": a clause of its own,
                # "has agreed to buy …, as power groups race to secure assets": the verbs above are not theirs
            h = h.head
            if (is_verb(h) and h.dep_ not in ("aux", "aux:tense", "aux:pass")) or (h.dep_ == "ROOT" and self.cue(h)):
                if self.cue(h) is None:
                    break
                out.append(h)
        before = self.plan_before(tok)
        if before is not None and before not in out:
            out.insert(0, before)
        return out

    def plan_before(self, tok: Any) -> Any | None:
        """A plan verb just before `tok` (past a "de"/"to" marker) that the parse hung elsewhere:
        "L'entreprise compte économiser", parsed with "compte" as an adjective of "entreprise"."""
        first = self.toks[0].i if self.toks else 0  # token indices are the Doc's, also when `sent` is a Span
        k = tok.i - 1
        while k >= first and ((tok.doc[k].dep_ in ("mark", "aux") and tok.doc[k].lower_ in self.rules.infinitive_marks)
                              or tok.doc[k].lower_ in self.rules.clitics):  # "compte en rénover une cinquantaine"
            k -= 1
        if k < first:
            return None
        prev = tok.doc[k]
        listed = prev.lower_ in self.rules.cues["plan"]  # "compte", "table": forms the tagger calls nouns
        if (prev.i == tok.head.i and is_verb(prev)) or not (is_verb(prev) or listed) or self.cue(prev) != "plan":
            return None  # a plan noun ("compte" mistagged, "son intention de") with the infinitive on it still plans
        return prev
