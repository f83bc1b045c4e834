"""Claims from the dependency parse of one sentence: subject, predicate, target timex, modality, source.

A clause head is a verb with its own subject (or the sentence root). Cue verbs ("envisage", "plans",
"a confirmé", "denied", "a déclaré") do not make claims of their own when they govern a content clause:
they give that clause its modality and source. The target is the timex inside the clause's own tokens
(its subtree minus nested clauses, plus the non-clausal dependents of the plan verb above it), the one
nearest to the predicate in the tree: not merely the nearest timex in the text (see targets.py).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from ..types import Claim, Figure, content_id
from .subjects import Subjects
from .syntax import CONTENT, EXPL, RELATIVE, SUBJ, children, is_verb


class SentenceClaims(Subjects):
    """Claims of one parsed sentence.

    sent: a parsed spaCy Doc or Span; off: the character offset of `sent` in the document text
    """

    # --- clause heads --------------------------------------------------------------------
    def heads(self) -> list[Any]:
        """Verbs that head a clause of their own (root, or a verb with its own non-relative subject)."""
        out = []
        for tok in self.toks:
            if tok.dep_ == "ROOT" and not is_verb(tok) and (children(tok, ("cop",)) or self.cue(tok)):
                out.append(tok)  # "la société ne serait pas rentable", "Airbus compte [NOUN] ouvrir"
                continue
            if tok.dep_ == "conj" and tok.lower_ in self.rules.form_lemmas and self.root_verb(tok) is not None:
                out.append(tok)  # "Le groupe a livré 57 avions …, en hausse de 8%, et table [NOUN, on "hausse"] sur …"
                continue
            if not is_verb(tok) or tok.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass", "cop", "aux:caus"):
                continue
            if tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].text == "-" and is_verb(tok.doc[tok.i + 2]):
                continue  # "co-founded", split "co" "-" "founded": the verb is the last part
            if (split := self.split_participle(tok)) is not None:
                out.append(split)  # "Telenet avait de son côté annoncé …": the auxiliary
                continue  # took the root, the participle hangs on the adverbial; that participle makes the claim
            if tok.dep_ == "ROOT" or self.has_own_subject(tok) or any(c.dep_ in EXPL for c in tok.children):
                out.append(tok)
            elif (parent := self.conj_parent(tok)) is not None and parent in out:
                out.append(tok)  # "BP would keep its dividend and buy back shares in Q4": a second clause
            elif tok.dep_ in ("acl:relcl", "relcl") and self.named_antecedent(tok) is not None:
                out.append(tok)  # "Sigfox, qui a perdu 18 millions d'euros l'an dernier": a claim about Sigfox
            elif self.participle_of(tok) is not None:
                out.append(tok)  # "Le club, détenu depuis 2011 par QSI": dated, so a fact of its own
            elif tok.dep_ in ("acl", "advcl") and self.plan_before(tok) is not None:
                out.append(tok)  # "Le club compte réinvestir", parsed as "club" + adjective + a clause on it
        return out

    def claims(self) -> list[Claim]:
        heads, rules = self.heads(), self.rules
        content: set[int] = set()
        todo = list(heads)
        while todo:  # content verbs of cue verbs are heads too, even without their own subject
            h = todo.pop()
            if self.cue(h):
                for c in self.content_of(h):
                    if c not in heads:
                        heads.append(c)
                        todo.append(c)
                    content.add(c.i)
                    for d in c.children:  # "va fermer son site … et regrouper ses activités": two said clauses
                        if d.dep_ == "conj" and self.conj_parent(d) is not None and d not in heads:
                            heads.append(d)
                            todo.append(d)
        heads.sort(key=lambda t: t.i)
        boundary = {h.i for h in heads}
        out: list[Claim] = []
        for h in heads:
            if self.cue(h) and any(c.i in content for c in self.content_of(h)):
                continue  # the cue verb speaks through its content clause
            if any((p := self.plan_before(c)) is not None and p.i == o.i and o.lower_ not in rules.form_lemmas
                   for o in children(h, ("obj", "dobj")) for c in o.children if c in heads):
                continue  # "aurait l'intention de céder", "a annoncé son intention de couvrir": the infinitive speaks
            if not is_verb(h) and any((p := self.plan_before(x)) is not None and p.i == h.i for x in heads if x.i > h.i):
                continue  # "et compte [NOUN] en rénover une cinquantaine": the infinitive speaks
            if self.no_comment(h):
                continue  # "a refusé de commenter", "declined to comment": says nothing about the event
            if self.cue(h) == "report" and not self.announced_object(h):
                continue  # "a déclaré son PDG": a speaker, not a claim
            if any(c.dep_ == "mark" and c.lower_ in self.rules.no_claim_marks for v in [h, *self.chain(h)]
                   for c in v.children):
                continue  # "si elle allait produire", "whether it will build", "if the deal goes ahead": open
            if out and self.on_statement(h):
                if not self.negated(h):  # "une hypothèse que la direction n'a pas confirmée" adds nothing
                    out[-1] = self.attest_last(out[-1], h)
                continue  # "…aurait approché RWE, une information que le groupe a démentie": said of the claim before
            claim = self.build(h, boundary)
            if claim == "expletive" and out and out[-1].target is None:
                out[-1] = self.lend_target(out[-1], h, boundary)
            elif isinstance(claim, Claim):
                out.append(claim)
        return out

    def root_verb(self, tok: Any) -> Any | None:
        """The sentence's root when it is a verb before `tok` (the first clause of a coordination)."""
        root = next((t for t in self.toks if t.dep_ == "ROOT"), None)
        return root if root is not None and is_verb(root) and root.i < tok.i else None

    def on_statement(self, head: Any) -> bool:
        """A denial or confirmation in a relative clause on a statement noun ("une information que X a démentie")."""
        return self.cue(head) in ("denied", "confirmed") and head.dep_ in ("acl:relcl", "relcl", "acl") and \
            self.ctx.lemma(head.head).lower() in self.rules.statement_nouns

    def negated(self, verb: Any) -> bool:
        """Whether a negation word hangs on the verb ("n'a pas confirmé", "did not deny")."""
        rules = self.rules
        return any(self.ctx.lemma(c).lower() in rules.negation or c.lower_ in rules.negation
                   for c in verb.children if c.dep_ in ("advmod", "neg", "det", "advmod:neg"))

    def attest_last(self, claim: Claim, head: Any) -> Claim:
        source = self.source(head, head, [])
        found = {"modality": self.cue(head), "who": source["who"] if source else None,
                 "key": source["key"] if source else None, "via": None}
        return dataclasses.replace(claim, attested=claim.attested + (found,))

    def no_comment(self, head: Any) -> bool:
        """Whether the clause only declines to speak: its verb, or the verb it governs, is in [claims] no_comment."""
        words = self.rules.no_comment
        verbs = [head, *children(head, ("xcomp",))]
        toks = verbs + [o for v in verbs for o in children(v, ("obj", "dobj", "obl", "obl:arg", "obl:mod", "prep",
                                                                "acomp", "attr"))]
        # "faire de commentaire", "s'est refusé à tout commentaire"
        return bool(words) and any(self.ctx.lemma(t).lower() in words or t.lower_ in words for t in toks)

    def lend_target(self, claim: Claim, head: Any, boundary: set[int]) -> Claim:
        """"…a crû de 5,4%: il s'agit de la plus forte hausse depuis le 12 mai": the date goes to the claim before."""
        timex = self.target(head, self.region(head, [], boundary), [])
        if timex is None:
            return claim
        target = {"value": timex.value, "mod": timex.mod, "interval": list(timex.interval) if timex.interval else None,
                  "timex": timex.id}
        return dataclasses.replace(claim, target=target, key=f"{claim.key.rsplit('|', 1)[0]}|{timex.value}")

    # --- one claim -----------------------------------------------------------------------
    def region(self, head: Any, chain: Sequence[Any], boundary: set[int]) -> list[Any]:
        """The clause's own tokens: its subtree and the plan verbs' non-clausal dependents, minus nested clauses."""
        toks = {t.i: t for t in head.subtree if not t.is_space}
        for h in chain:
            if self.cue(h) == "plan":
                toks[h.i] = h
                for c in h.children:
                    if c.dep_ not in SUBJ + CONTENT + ("parataxis", "conj", "advcl", "ccomp", "punct"):
                        toks.update({t.i: t for t in c.subtree if not t.is_space})
        for t in list(toks.values()):
            nested = t.i in boundary or t.dep_ in ("relcl", "acl:relcl", "parataxis") or \
                (self.cue(t) == "report" and is_verb(t))
            if t.i != head.i and nested and t not in chain:
                for sub in t.subtree:
                    toks.pop(sub.i, None)
        return sorted(toks.values(), key=lambda t: t.i)

    def runs_text(self, region: Sequence[Any]) -> str:
        """The text of the region's contiguous runs of tokens, without the nested clauses cut out of it."""
        runs: list[list[Any]] = []
        for t in region:
            if runs and t.i == runs[-1][-1].i + 1:
                runs[-1].append(t)
            else:
                runs.append([t])
        return " ".join(self.ctx.text[slice(*self.span(r))] for r in runs)

    def build(self, head: Any, boundary: set[int]) -> Claim | str | None:
        ctx, rules = self.ctx, self.rules
        chain = self.chain(head)
        region = self.region(head, chain, boundary)
        if not region:
            return None
        while len(region) > 1 and region[-1].is_punct:
            region = region[:-1]  # the sentence's full stop would stretch the span over a clause cut out
        start, end = self.span(region)
        clause = self.runs_text(region)
        holder = next((h for h in [head, *chain] if self.subjects_of(h)), None)
        if holder is None:  # a coordinated verb, or the content of one: "Airbus a livré … et prévoit d'en livrer"
            shared = next((h for h in [head, *chain] if h.dep_ == "conj"), None)
            holder = shared.head if shared is not None else None
            if shared is not None and not is_verb(shared) and not self.subjects_of(holder):
                holder = self.root_verb(shared)  # a plan form tagged as a noun shares the sentence's subject
        if holder is not None and self.cue(holder) == "report" and \
                any(h.dep_ == "conj" and h.head.i == holder.i for h in [head, *chain]):
            said = [c for c in children(holder, CONTENT) if c.i < holder.i and self.subjects_of(c)]
            if said:  # "The group will take delivery …, he added, and aims to cut …": the said clause's subject
                holder = said[0]
        subj_toks = self.subjects_of(holder) if holder is not None else []
        if any(c.dep_ == "mark" and c.lower_ in rules.no_claim_marks for t in subj_toks for c in t.children):
            return None  # "Whether Omers will put in more money is the central question": an open question
        if rules.is_expletive(clause) or (not subj_toks and any(c.dep_ in EXPL for c in head.children)):
            return "expletive"
        matrix = self.matrix_subject(chain)
        if matrix is None and holder is not None and holder is not head and holder not in chain:
            matrix = self.matrix_subject(self.chain(holder))  # "X reported that profit rose and will spin off": X's
        subject = next((e for e in (self.resolve_subject(t, matrix) for t in subj_toks) if e is not None), None)
        if subject is None and matrix is not None and matrix.label in ("ORG", "MISC") and (
                not rules.own_measures or any(self.cue(h) not in (None, "report") for h in chain) or
                any(ctx.lemma(w).lower() in rules.own_measures for t in subj_toks for w in t.subtree)):
            subject = matrix  # "Nvidia said revenue jumped", "expects the unit to break even": the company's own
            # figure or part; a speaker's view of anything else is not ("SUD estime que ce collègue…")
        if subject is None and subj_toks and is_verb(subj_toks[0]) and \
                any(c.lower_ in RELATIVE for c in self.subjects_of(subj_toks[0])):
            subject = self.sentence_opener()  # "L'opérateur, qui compte 15 millions de clients, a vu …", with
            # the relative clause parsed as the subject
        if subject is None and not subj_toks:
            subject = self.participle_of(head)
        before = self.plan_before(head) if not subj_toks and head.dep_ in ("acl", "advcl") else None
        if subject is None and before is not None and before.i != head.head.i:
            subject = self.resolve_subject(head.head, matrix)  # "Le club compte réinvestir": the club
        if subject is None and before is not None and not is_verb(before):  # "X, qui a changé de logo, compte
            subject = self.sentence_opener()  # réaliser", "X a racheté … et compte en rénover": the sentence's name
        if subject is None and not subj_toks and not (holder is not None and holder.dep_ == "conj"):
            subject = self.opening_name(head, chain)
            if subject is None and holder is not None and holder.i != head.i:  # "va fermer … et regrouper": the
                subject = self.opening_name(holder, self.chain(holder))  # first verb's opening name
        if subject is None:
            return None
        announced = self.announced_object(head)
        if announced is not None and subject.label == "PER" and ctx.subject is not None:
            subject = ctx.subject  # "le directeur général a confirmé le lancement": the company's event, his word
        said = self.cue(head) in ("denied", "confirmed")
        if announced is None and said:  # "a démenti jeudi toute discussion": the denied noun
            announced = next((c for c in children(head, ("obj", "dobj")) if ctx.pos(c) == "NOUN" and not self.in_timex(c)),
                             None)  # "a démenti la semaine dernière tout projet": the date is no object
            if announced is not None and subject.label == "PER" and ctx.subject is not None:
                subject = ctx.subject  # "Martinez a démenti tout projet de rapprochement": the company's deal
        nested = {t.i for c in (announced.subtree if announced is not None else ()) if c.i != announced.i and
                  is_verb(c) and c.dep_ in ("acl", "acl:relcl", "relcl") for t in c.subtree}
        inner = [t for t in announced.subtree if t.i not in nested] if announced is not None else []  # not "un plan
        # …, destiné à raccorder 4 millions de foyers d'ici à 2028": that date is the nested clause's
        timex = self.target(announced, inner, []) if inner else None  # "a confirmé mercredi le lancement à l'automne"
        denied_clause = children(head, CONTENT) if said and announced is None else []  # "a démenti lundi avoir
        if denied_clause:  # mandaté [tagged ADJ] une banque": only the clause's own date is the event's
            timex = self.target(denied_clause[0], [t for c in denied_clause for t in c.subtree], [])
        elif timex is None and not (said and announced is not None):  # a denial's own day is not the denied event's
            timex = self.target(head, region, chain) or self.when_clause_target(head)
        figures = [f for f in ctx.figures if start <= f.start < end]
        modality, speaker_tok = self.modality(head, chain, clause, start)
        if modality == "fact" and any(t.lower_ in rules.we for t in subj_toks):
            return None  # a quote counts for what the speaker's organisation will do, not for how it feels
        # a relative clause or a participle is the writer's background ("Siemens AG, which owns a stake, is
        # considering a sale, according to people familiar"): the sentence's source speaks for the main clause
        aside = head.dep_ in ("acl:relcl", "relcl", "acl") and not chain
        source = None if aside else self.source(speaker_tok, head, chain)
        if source and modality in ("fact", "plan") and rules.is_anonymous(source["who"] or ""):
            modality = "rumour"
        if timex is not None:
            timex = self.reanchor(timex, head, modality)
        target = None
        if timex is not None:
            target = {"value": timex.value, "mod": timex.mod, "interval": list(timex.interval) if timex.interval else None,
                      "timex": timex.id}
            target.update(self.deadline(timex) or {})
        forward = self.forward(timex, modality)
        if modality == "plan" and timex is not None and timex.interval and ctx.dct and \
                timex.interval[1] <= ctx.dct[:10] and self.announced_object(head) is not None:
            modality = "fact"  # "a annoncé le rachat ... en juin": announced and done
        if modality == "fact" and (forward or (
                timex is not None and timex.type == "DURATION" and not _past(head) and not _aux(head))):
            modality, forward = "plan", True  # a fact yet to happen is a plan, a rescheduling too ("has pushed
            # the start of production to 2022": the event is now due then, as the ledger reads it)
        negative = any(self.negated(h) for h in [head, *chain])
        predicate, obj = self.predicate(head)
        canon = rules.canonical_predicate(predicate)
        about = f"{canon} {obj}".strip()
        ctx.last_subject = subject
        text_start = min(start, subject.start) if subject.start >= self.text_off else start  # a pronoun's referent
        # may sit in an earlier sentence: the clause text then starts at the clause
        key = f"{subject.key}|{canon}|{target['value'] if target else ''}"
        return Claim(
            id=content_id(f"{start}:{end}:{key}".encode(), "clm_"), start=text_start, end=end,
            text=ctx.text[text_start:end], subject={"key": subject.key, "name": subject.text if not subject.anaphor
                                                    else (ctx.subject.text if ctx.subject else subject.text)},
            predicate=predicate, target=target, modality=modality, polarity="negative" if negative else "positive",
            source=source, figures=tuple(_fig(f) for f in figures), forward=forward, key=key, about=about)

    def predicate(self, head: Any) -> tuple[str, str]:
        """The predicate lemma and its object's lemma; a cue verb without a clause speaks about its object."""
        lemma = self.ctx.lemma(head).lower()
        if not is_verb(head):  # a verb form the tagger took for a noun or adjective ("table sur")
            lemma = self.rules.form_lemmas.get(head.lower_, lemma)
        objs = [o for o in children(head, ("obj", "dobj", "attr", "nsubj:pass")) if not self.in_timex(o)] \
            if head.dep_ != "nsubj:pass" else []
        obj = self.ctx.lemma(objs[0]).lower() if objs and self.ctx.pos(objs[0]) in ("NOUN", "PROPN") else ""
        if obj and (self.cue(head) in ("plan", "confirmed", "denied") or self.announced_object(head) is not None):
            return obj, ""
        if lemma in self.rules.light_verbs:  # "is in talks", "est rentable": the complement says what
            comp = [t for c in head.children if c.dep_ in ("attr", "acomp", "obl", "obl:arg", "obl:mod", "prep")
                    for t in ([c] if c.dep_ != "prep" else children(c, ("pobj",)))
                    if self.ctx.pos(t) in ("NOUN", "ADJ")]
            if comp:
                return self.ctx.lemma(comp[0]).lower(), obj
        return lemma, obj


def _past(tok: Any) -> bool:
    """A past verb, by morphology or (English: no morphologizer runs) by Penn tag."""
    return "Tense=Past" in str(tok.morph) or tok.tag_ in ("VBD", "VBN")


def _aux(tok: Any) -> bool:
    return any(c.dep_ in ("aux", "aux:tense", "aux:pass", "auxpass") for c in tok.children)


def _fig(f: Figure) -> dict[str, Any]:
    return {"text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit, "currency": f.currency, "mod": f.mod}
