"""Find temporal expressions (leftmost-longest, non-overlapping) and fill their emit templates.

An emit table maps TIMEX3 fields and anchoring hints to templates. In a template, `{g}` is the
text of group g and `%fn(g)` (or `%fn(g|default)`) applies fn to it. fn is a lexicon name or a
builtin: `num` (the `vague` lexicon, digits, or `number` words added up), `year` (two digits
to four, around the DCT), `decade` (1990 or 90 -> 199), `pad2` (5th or five -> 05), `has`
(empty; `[SU%has(g)]` writes SU only when g matched). An absent group gives "" (or the
default); `[...]` is an optional section, dropped when a group it uses (with no default) did
not match; a field whose template comes out empty is left unset.

Emit keys: type, value, mod, quant, freq (TIMEX3 fields); unit, shift, gran (move the reference
by `shift` units, render at `gran`); ref (dct | prev); dir (past | future | tense | same |
generic): which way an underspecified value (XXXX-05-12, XXXX-WXX-1) is resolved (generic: not); time (a clock time or day
part appended as T...); suffix (appended to a moved value: "June last year"). anchor.py says
how they are used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .grammar import Grammar, Rule, norm_key

_SECTION = re.compile(r"\[([^\[\]]*)\]")
_CALL = re.compile(r"%([A-Za-z_]\w*)\((\w+)(?:\|([^)]*))?\)|\{(\w+)\}")
_SENTENCE_END = re.compile(r"[.!?\n]\s")


@dataclass(frozen=True, slots=True)
class Match:
    """One expression found.

    start, end: character offsets
    rule: the rule that matched
    fields: the filled emit templates (strings, empty ones dropped)
    tense: past | future | None, from cue words around the expression
    """

    start: int
    end: int
    rule: Rule
    fields: dict[str, str]
    tense: str | None


def number(grammar: Grammar, text: str) -> int | float | None:
    """Digits, or number words added up (hundreds and thousands multiply)."""
    half = re.fullmatch(r"(\d+)\s+1/2", text.strip())
    if half:  # 5 1/2
        return int(half[1]) + 0.5
    dec = re.fullmatch(r"(\d+)[.,](\d{1,2}|\d{4,})", text.strip())
    if dec:  # 30,4 or 2.5: a separator not followed by exactly three digits is decimal
        return float(f"{dec[1]}.{dec[2]}")
    digits = re.sub(r"[\s.,\u00a0\u202f']", "", text)
    if digits.isdigit():
        return int(digits)
    whole = grammar.lookup("number", text) if "number" in grammar.lexicons else None
    if whole is not None:
        return int(whole)
    total = current = 0
    found = False
    for word in norm_key(text).split(" "):
        val = grammar.lookup("number", word) if "number" in grammar.lexicons else None
        if val is None:
            continue
        found = True
        v = int(val)
        if v == 100:
            current = max(current, 1) * 100
        elif v >= 1000:
            total += max(current, 1) * v
            current = 0
        else:
            current += v
    return total + current if found else None


def _year(text: str, dct_year: int | None) -> str:
    digits = re.sub(r"\D", "", text)
    if len(digits) == 2:  # '98: the century that puts it at most ten years after the DCT
        ref = dct_year or 2000
        year = (ref // 100) * 100 + int(digits)
        return str(year - 100 if year > ref + 10 else year)
    return digits.zfill(4)


def fill(template: str, m: re.Match[str], grammar: Grammar, dct_year: int | None) -> str:
    """The template with every `{g}` and `%fn(g)` replaced."""

    def sub(c: re.Match[str]) -> str:
        if c[4]:
            return m.group(int(c[4]) if c[4].isdigit() else c[4]) or ""
        fn, group, default = c[1], c[2], c[3]
        text = m.group(int(group) if group.isdigit() else group)
        if not text:
            return default if default is not None else ("XXXX" if fn == "year" else "")
        if fn == "num":
            word = grammar.lookup("vague", text) if "vague" in grammar.lexicons else None
            if word is not None:  # "several" -> X
                return word
            n = number(grammar, text)
            return str(n) if n is not None else "X"
        if fn == "year":
            return _year(text, dct_year)
        if fn == "decade":
            return _year(text, dct_year)[:3]
        if fn == "has":  # nothing: only marks an optional section as needing the group
            return ""
        if fn == "pad2":  # "5th" -> 05, "five" -> 05
            digits = re.sub(r"\D", "", text)
            if not digits:
                n = number(grammar, text)
                digits = str(int(n)) if n is not None else ""
            return digits.zfill(2)
        value = grammar.lookup(fn, text)
        return value if value is not None else (default or "")

    def section(sec: re.Match[str]) -> str:
        # an optional section vanishes when a group it uses (without a default) is absent
        for c in _CALL.finditer(sec[1]):
            g = c[4] or c[2]
            if c[3] is None and not m.group(int(g) if g.isdigit() else g):
                return ""
        return _CALL.sub(sub, sec[1])

    return _CALL.sub(sub, _SECTION.sub(section, template))


def find(grammar: Grammar, text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Leftmost-longest, non-overlapping rule matches; a tie on length goes to the earlier rule.

    A search with the gate (the literal words matches begin with) or, without a gate, with the
    alternation of all rules finds the next place where some rule may start; only there are the
    rules tried one by one.
    """
    out: list[tuple[int, int, Rule, re.Match[str]]] = []
    pos = 0
    if grammar.gate is None:
        search = grammar.trigger.search
        while True:
            hit = search(text, pos)
            if hit is None:
                return out
            pos = _best(grammar, text, hit.start(), out)
    gate, trigger = grammar.gate.search, grammar.trigger.match
    starts, rules = grammar.starts or {}, grammar.rules
    while True:  # the gate finds likely starts; the alternation confirms; the rules compete
        hit = gate(text, pos)
        if hit is None:
            return out
        at = hit.start()
        ch = text[at]
        some = starts.get(ch)
        if some is not None:  # only the rules that can begin with this character: the alternation's answer
            # at a lower cost (it adds only its look-ahead, which _WORD_START checks)
            pos = _best(grammar, text, at, out, [rules[k] for k in some]) if _WORD_START.match(ch) else at + 1
        else:
            pos = _best(grammar, text, at, out) if trigger(text, at) else at + 1


_WORD_START = re.compile(r"[\w'\u2019]", re.IGNORECASE | re.UNICODE)  # the trigger's look-ahead


def _best(grammar: Grammar, text: str, at: int, out: list, rules: list[Rule] | None = None) -> int:
    """Try every rule (or the given ones, in file order) at `at`; keep the longest match; return where to
    search next."""
    best: tuple[int, int, Rule, re.Match[str]] | None = None
    for rule in grammar.rules if rules is None else rules:
        m = rule.regex.match(text, at)
        if m and m.end() > at and (best is None or m.end() > best[1]):
            best = (at, m.end(), rule, m)
    if best is None:  # the trigger saw a rule that needs its look-behind: skip one char
        return at + 1
    out.append(best)
    return best[1]


_COMMA = re.compile(r"[,;]")
_CLAUSE_GAP = 60  # characters a cue after a comma is pushed away by


def tense_at(grammar: Grammar, text: str, start: int, end: int) -> str | None:
    """past | future | None: the tense cue nearest to [start, end) within its sentence."""
    if not grammar.tense:
        return None
    lo = max(0, start - grammar.max_len * 2)
    hi = min(len(text), end + grammar.max_len * 2)
    left = text[lo:start]
    cut = None
    for cut in _SENTENCE_END.finditer(left):
        pass
    if cut is not None:
        lo += cut.end()
    right = _SENTENCE_END.search(text, end, hi)
    if right:
        hi = right.start() + 1
    best: tuple[int, str] | None = None
    for name, cue in grammar.tense.items():
        for c in cue.finditer(text, lo, hi):
            if c.end() <= start:
                dist = start - c.end()
            elif c.start() >= end:  # the verb usually comes first: a cue after counts double, and
                # more past a comma, where a reporting clause often follows ("… au troisième trimestre, a annoncé")
                dist = 2 * (c.start() - end) + (_CLAUSE_GAP if _COMMA.search(text, end, c.start()) else 0)
            else:
                continue  # a cue inside the expression itself is the rule's business
            if best is None or dist < best[0]:
                best = (dist, name)
    return best[1] if best else None


def scan(grammar: Grammar, text: str, dct_year: int | None) -> list[Match]:
    """Every expression of `text` with its emit templates filled."""
    out = []
    for start, end, rule, m in find(grammar, text):
        fields: dict[str, str] = {}
        for key, template in rule.emit.items():
            value = fill(str(template), m, grammar, dct_year)
            if value:
                fields[key] = value
        tense = tense_at(grammar, text, start, end) if fields.get("dir") in ("tense", "closed") else None
        out.append(Match(start, end, rule, fields, tense))
    return out

