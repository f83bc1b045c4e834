"""Denials with a noun object ("dément toute fermeture de son site", "denied any delay"): a `denied` claim
about the event the noun names, found by the [claims] denial_nouns patterns when the parse made none.

The noun gives the predicate through [predicates] ("fermeture" -> close, "retard" -> delay), its complement
the object, so the claim's `about` matches the claim it denies ("close site"). The target is the timex
inside the denied phrase (up to [claims] denial_scope_end); none when the sentence names no date for it.
The claim's text is the whole sentence: "dément tout retard : les rames seront livrées en 2025" says what
is denied only beyond the noun, and the ledger links claims by the meaning of their text.
"""
from __future__ import annotations

from ..types import Claim, Entity, content_id
from .claims import SentenceClaims


def noun_denials(sc: SentenceClaims, found: list[Claim]) -> list[Claim]:
    """`denied` claims of the sentence's noun-object denials that `found` (the parse's claims) lacks.

    sc: the parsed sentence; found: the claims the parse gave for it
    """
    rules, ctx = sc.rules, sc.ctx
    if not rules.denial_nouns or not sc.toks:
        return []
    text, base = sc.sent_text, sc.text_off
    out: list[Claim] = []
    for pattern in rules.denial_nouns:
        for m in pattern.finditer(text):
            noun = _lemma(sc, base + m.start("noun"), m.group("noun"))
            if noun in rules.statement_nouns or m.group("noun").lower() in rules.statement_nouns:
                continue  # "dément ces informations": a denied statement, see [claims] meta
            canon = rules.canonical.get(noun) or rules.canonical.get(m.group("noun").lower())
            if canon is None:
                continue  # not an event noun we know: "dément toute responsabilité"
            if any(c.modality == "denied" and rules.canonical_predicate(c.predicate) == canon for c in found + out):
                continue
            subject = _subject(sc, base, base + m.start())
            if subject is None:
                continue
            obj = _lemma(sc, base + m.start("obj"), m.group("obj")) if m.group("obj") else ""
            tail = text[m.end():]
            stop = rules.denial_scope_end.search(tail) if rules.denial_scope_end else None
            scope = (base + m.start(), base + m.end() + (stop.start() if stop else len(tail)))
            timex = next((t for t in sorted(ctx.timexes, key=lambda t: t.start)
                          if scope[0] <= t.start < scope[1] and t.interval), None)
            target = None if timex is None else {"value": timex.value, "mod": timex.mod,
                                                 "interval": list(timex.interval), "timex": timex.id}
            key = f"{subject.key}|{canon}|{target['value'] if target else ''}"
            name = ctx.subject.text if subject.anaphor and ctx.subject else subject.text
            out.append(Claim(
                id=content_id(f"{base}:{base + len(text)}:{key}".encode(), "clm_"), start=base, end=base + len(text),
                text=text, subject={"key": subject.key, "name": name}, predicate=noun, target=target,
                modality="denied", source={"who": name, "key": subject.key, "via": rules.via(text)},
                forward=sc.forward(timex, "denied"), key=key, about=f"{canon} {obj}".strip()))
            ctx.last_subject = subject
    return out


def _lemma(sc: SentenceClaims, char: int, word: str) -> str:
    """The lemma of the parsed token at document offset `char` (the word itself when none starts there)."""
    tok = next((t for t in sc.toks if sc.off + t.idx == char), None)
    return (sc.ctx.lemma(tok) if tok is not None else word).lower()


def _subject(sc: SentenceClaims, start: int, end: int) -> Entity | None:
    """Who denies: the last organisation named before the denial verb, else the anaphor or pronoun there."""
    ctx = sc.ctx
    before = [e for e in ctx.entities if start <= e.start and e.end <= end]
    for labels in (("ORG", "MISC"), ("PER",)):
        named = [e for e in before if not e.anaphor and e.label in labels]
        if named:
            return named[-1]
    anaphor = [e for e in before if e.anaphor]
    if anaphor:
        return anaphor[-1]
    if sc.rules.refers(ctx.text[start:end]):
        return ctx.last_subject or ctx.subject
    return None
