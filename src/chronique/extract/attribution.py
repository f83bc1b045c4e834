"""Modality and attribution of a clause: cue verbs, phrases, the conditional, who speaks and through what."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .rules import strongest
from .syntax import CONTENT, Clauses, children, is_verb


class Attribution(Clauses):
    """Modality and source lookups on one parsed sentence (see Clauses for the arguments)."""

    def attestation(self) -> dict[str, Any] | None:
        """For a sentence about an earlier statement ("Xiaomi a confirmé ces informations"): its modality and source."""
        found, speaker = [], None
        for tok in self.toks:
            cue = self.cue(tok)
            if cue in ("confirmed", "denied", "rumour"):
                found.append(cue)
                speaker = speaker or tok
            elif cue == "report" and speaker is None:
                speaker = tok
        phrase = self.rules.phrase_modality(self.sent_text)
        if phrase == "rumour":
            found.append(phrase)
        if not found:
            return None
        head = speaker or self.toks[0]
        source = self.source(speaker, head, [])
        return {"modality": strongest(found), "who": source["who"] if source else None,
                "key": source["key"] if source else None, "via": source["via"] if source else None}

    def modality(self, head: Any, chain: Sequence[Any], clause: str, start: int) -> tuple[str, Any | None]:
        """The clause's modality and the token of the cue verb that names its speaker (if any).

        clause: the clause's own text, which starts at document offset `start`
        """
        rules, ctx = self.rules, self.ctx
        found: list[str] = []
        speaker = None
        own = self.cue(head)
        if own and own != "report":
            found.append(own)
        if own == "report" and self.announced_object(head) is not None:
            found.append("plan")  # an announced measure is to come, unless its date is past (see build)
        if own in ("report", "confirmed", "denied"):
            speaker = head
        reported = False
        parent = self.conj_parent(chain[-1] if chain else head)
        if parent is not None:  # "told investors that Enel would close … and spend …", "said X would launch …
            chain = [*chain, *self.chain(parent)]  # and expected revenue to return": the second verb is said by
            # the same speaker, with the same cues
        for h in chain:
            cue = self.cue(h)
            if cue == "report":
                reported = True
            elif cue:
                found.append(cue)
            if cue in ("report", "confirmed", "denied") and speaker is None:
                speaker = h
        # "will cut jobs and close a plant": the auxiliary is the first verb's
        own_aux = children(head, ("aux", "auxpass", "aux:pass", "aux:tense"))  # "will open … and has hired": its own
        shared = list(children(parent, ("aux", "auxpass", "aux:pass", "aux:tense"))) if parent is not None and not own_aux else []
        first = min([self.off + t.idx for h in chain for t in (h, *children(h, ("aux", "auxpass", "aux:pass", "aux:tense")))]
                    + [self.off + t.idx for t in shared], default=start)
        at = start
        if first < start:  # "Alphabet is said to be preparing": the cue phrase sits on the verbs above
            clause, at = ctx.text[first:start] + clause, first
        phrase = rules.phrase_modality(self.without_names(clause, at))
        if phrase:
            found.append(phrase)
        verbs = [head, *chain, *shared, *(c for h in (head, *chain) for c in h.children if c.dep_.startswith("aux") or c.dep_ == "cop")]
        if any("Tense=Fut" in str(v.morph) or (rules.future_suffixes and is_verb(v) and
                                                v.lower_.endswith(rules.future_suffixes)) for v in verbs):
            found.append("plan")
        conditional = [v for v in verbs if self.conditional(v)]
        if conditional:
            plain = reported or speaker is not None or not rules.conditional_rumour or \
                all(self.ctx.lemma(v).lower() in rules.conditional_plan for v in conditional)  # "devrait": expected
            found.append("plan" if plain else "rumour")
        return strongest(found), speaker

    def without_names(self, text: str, at: int) -> str:
        """`text` (from document offset `at`; cut-out clauses make it shorter than the span it covers) with the
        names of its sentence blanked: "Will Shu founded" holds no "will"."""
        end = self.text_off + len(self.sent_text)
        for e in self.ctx.entities:
            if not e.anaphor and at <= e.start < end and e.text in text:
                text = text.replace(e.text, " " * len(e.text))
        return text

    def conditional(self, verb: Any) -> bool:
        """Whether the verb is in the conditional. Where the language lists the conditional's endings they
        decide: the tagger also calls imperfects conditional ("Il transportait 147 passagers")."""
        rules = self.rules
        if verb.lower_ in rules.conditional_forms:
            return True
        if rules.conditional_suffixes:
            return verb.lower_.endswith(rules.conditional_suffixes)
        return "Mood=Cnd" in str(verb.morph)

    def speaker_name(self, tok: Any) -> dict[str, Any] | None:
        """Who a subject or agent phrase names: an entity (a person first), else the phrase itself."""
        a, b = self.span(list(tok.subtree))
        via = self.rules.via(self.sent_text)  # "son PDG sur Weibo": the medium is not the speaker
        nested = [self.span(list(c.subtree)) for c in tok.subtree
                  if c.dep_ in ("acl", "acl:relcl", "relcl") and c.i > tok.i]  # "des économistes interrogés par Reuters"
        inside = [e for e in self.ctx.entities if a <= e.start and e.end <= b and not e.anaphor and e.text != via
                  and not any(x <= e.start < y for x, y in nested)]  # "Auchincloss, who succeeded Looney, said"
        head_char = self.off + tok.idx
        inside.sort(key=lambda e: (not e.start <= head_char < e.end, not (e.label == "PER" and " " in e.text)))
        anaphor = next((e for e in self.ctx.entities if a <= e.start and e.end <= b and e.anaphor), None)
        if anaphor is not None and anaphor.start <= head_char < anaphor.end:
            inside = []  # "the consumer goods giant announced": the company, not a name inside the phrase
        for label in ("PER", "ORG", "MISC", "LOC"):
            for e in inside:
                if e.label == label:
                    return {"who": e.text, "key": e.key}
        after = next((e for e in self.ctx.entities if e.label == "PER" and not e.anaphor and b <= e.start
                      and self.ctx.text[b:e.start] in (" ", ", ")), None)
        if after is not None and self.ctx.pos(tok) == "NOUN" and anaphor is None:  # "a déclaré sa présidente,
            return {"who": after.text, "key": after.key}  # Christine Lagarde": the name the parser hung elsewhere
        if anaphor is not None and self.rules.speaks_as_itself(anaphor.text):  # "la direction a confirmé": the
            return {"who": self.rules.strip_determiners(anaphor.text), "key": anaphor.key}  # management speaks
        if anaphor is not None:  # "the carmaker said": the organisation the anaphor was resolved to
            named = next((e for e in self.ctx.entities if e.key == anaphor.key and not e.anaphor), None)
            return {"who": named.text if named else anaphor.text, "key": anaphor.key}
        if tok.lower_ in self.rules.pronouns - {"il", "they"}:
            org = self.ctx.subject
            return {"who": org.text, "key": org.key} if org else None
        if tok.lower_ in self.rules.person_pronouns or tok.lower_.lstrip("-") in self.rules.speaker_pronouns:
            at = self.off + tok.idx  # "He said the group would …", "a-t-il ajouté": the person named last
            person = [e for e in self.ctx.entities if e.label == "PER" and not e.anaphor and at - 400 < e.start < at]
            if person or tok.lower_ in self.rules.person_pronouns:
                return {"who": person[-1].text, "key": person[-1].key} if person else None
        if self.ctx.pos(tok) == "PRON":
            return None
        cut = {t.i for c in tok.subtree if c.i > tok.i and (c.dep_ in ("appos", "acl", "acl:relcl", "relcl") or
                                                          (via and c.text == via)) for t in c.subtree}
        words = [t for t in tok.subtree if t.dep_ != "punct" and t.i not in cut]
        while words and words[0].dep_ in ("case", "prep", "mark"):
            words = words[1:]  # "par l'entreprise" -> "l'entreprise"
        name = self.rules.strip_determiners(" ".join(t.text for t in words).replace("' ", "'"))
        return {"who": name, "key": name.lower()} if name else None

    def inverted_speaker(self, verb: Any, head: Any, subj: Any | None) -> Any | None:
        """"…, a déclaré son PDG": after the claim, a speaking verb's object is its speaker, also when the
        sentence's opening name was taken for the verb's subject ("Orano … va investir …, a annoncé son DG")."""
        if verb.i <= head.i or not self.rules.inverted_object or (subj is not None and not (
                subj.i < head.i and self.inverted(verb))):
            return subj
        return next((o for o in children(verb, ("obj", "dobj")) if o.i > verb.i), subj)

    def source(self, speaker_tok: Any | None, head: Any, chain: Sequence[Any]) -> dict[str, Any] | None:
        """{"who", "via", "key"} from the speaking verb's subject, "selon X", and the medium named."""
        rules, sent_text = self.rules, self.sent_text
        who = None
        if speaker_tok is not None:
            agent = children(speaker_tok, ("obl:agent", "agent"))
            if agent and self.ctx.pos(agent[0]) == "ADP":  # English "by X": the name hangs under "by"
                agent = children(agent[0], ("pobj",))
            subj = agent[0] if agent else next(iter(children(speaker_tok, ("nsubj", "csubj"))), None)
            if subj is None and speaker_tok.dep_ == "acl":  # "La Banque Postale a de son côté démenti": the
                subj = next(iter(self.subjects_of(speaker_tok)), None)  # auxiliary's subject (see split_participle)
            if subj is None and speaker_tok.dep_ in ("advcl", "conj", "xcomp") and self.cue(speaker_tok.head) == "report":
                subj = next(iter(children(speaker_tok.head, ("nsubj", "csubj"))), None)  # "Bruch said, adding that ..."
            if subj is None and speaker_tok.dep_ == "acl" and speaker_tok.head.dep_ == "ROOT" and \
                    self.ctx.pos(speaker_tok.head) == "PROPN":
                subj = speaker_tok.head  # "Novartis, its rival, reported that …", parsed with the name as the root
            subj = self.inverted_speaker(speaker_tok, head, subj)
            who = self.speaker_name(subj) if subj is not None else None
        if who is None:  # an inverted "…, a déclaré X" hangs under the content verb
            for t in self.toks:
                if t.i != head.i and is_verb(t) and self.cue(t) == "report" and t not in chain and \
                        not children(t, CONTENT) and t.dep_ not in ("acl:relcl", "relcl"):  # not "une hypothèse
                    # que Xavier Niel a qualifiée de pure spéculation": that speaker judges, the claim is not his
                    subj = self.inverted_speaker(t, head, self.subject_of(t))
                    who = self.speaker_name(subj) if subj is not None else None
                    if who:
                        break
        phrase = None
        for p in rules.source_phrases:
            m = p.search(sent_text)
            if m:
                name = m.group("who").strip()
                a, b = self.text_off + m.start("who"), self.text_off + m.end("who")
                by = rules.source_by.search(name) if rules.source_by else None
                if by and by.start() > 0:  # "economists polled by Reuters": the economists speak, through Reuters
                    who_name = rules.strip_determiners(name[:by.start()])
                    phrase = {"who": who_name, "key": who_name.lower(), "via": name[by.end():].strip()}
                    break
                ents = [e for e in self.ctx.entities if a <= e.start and e.end <= b and not e.anaphor]
                phrase = {"who": ents[0].text, "key": ents[0].key} if ents else \
                    {"who": rules.strip_determiners(name), "key": rules.strip_determiners(name).lower()}
                if phrase["key"] in rules.drop_sources:
                    phrase = None
                break
        via = rules.via(sent_text) or (phrase or {}).get("via")
        if who and phrase:
            return {"who": who["who"], "key": who["key"], "via": phrase["who"]}
        found = who or phrase
        if found is None and via is None:
            return None
        return {"who": found["who"] if found else None, "key": found["key"] if found else None, "via": via}
