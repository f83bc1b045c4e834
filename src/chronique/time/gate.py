"""A cheap pre-filter for the rule alternation: the literal words a match can begin with.

Trying the alternation of all rules at every word costs about 40 failed attempts per word.
Instead, the rules' parsed regexes are walked to collect the literal prefixes a match can start
with ("january", "the", "il", a digit...); one search with a trie of those prefixes finds the
few places where trying the rules is worth it. When some rule can start with something that is
not a literal (a letter class, say), there is no gate and every word is tried.
"""
from __future__ import annotations

import re

try:  # the regex parser of the standard library (private module, stable since 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older or future layouts: no gate, same results
    _p = None

_DIGIT = "\x00"  # marker: the match starts with a digit
_END = "\x01"  # marker: the literal word ends here (a space or a hyphen follows)
_LIMIT = 5000  # more prefixes than this: give up (no gate)


class _Unknown(Exception):
    """A rule can start with something other than a literal or a digit."""


def _digit_class(av) -> bool:
    for op, arg in av:
        if op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            continue
        if op is _c.RANGE and ord("0") <= arg[0] and arg[1] <= ord("9"):
            continue
        if op is _c.LITERAL and chr(arg).isdigit():
            continue
        return False
    return True


def _wordless(av) -> bool:
    """True when a character class holds no word character (spaces, hyphens, apostrophes)."""
    for op, arg in av:
        if op is _c.CATEGORY and arg is _c.CATEGORY_SPACE:
            continue
        if op is _c.LITERAL and not chr(arg).isalnum() and chr(arg) != "_":
            continue
        return False
    return True


def _starts(items: list, i: int) -> set[str]:
    """Literal prefixes of matches of items[i:]: "" = nothing literal here, _DIGIT = a digit,
    _END = a word boundary."""
    if i == len(items):
        return {""}
    op, av = items[i]
    if op is _c.LITERAL:
        return {chr(av).lower() + s.rstrip(_DIGIT) for s in _starts(items, i + 1)}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: look past it
        return _starts(items, i + 1)
    if op is _c.SUBPATTERN:
        return _starts(list(av[-1]) + items[i + 1:], 0)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            out |= _starts(list(alt) + items[i + 1:], 0)
            if len(out) > _LIMIT:
                raise _Unknown
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, high, sub = av
        if high == 1:
            first = _starts(list(sub) + items[i + 1:], 0)
        else:  # another turn may follow: the literal prefix stops after the first one
            first = _starts(list(sub), 0)
        return first | _starts(items, i + 1) if low == 0 else first
    if op is _c.IN and _digit_class(av):
        return {_DIGIT}
    if op is _c.IN and _wordless(av):
        return {_END}
    if op is _c.IN or op is _c.ANY or op is _c.NOT_LITERAL or op is _c.CATEGORY:
        return {""}  # ends a literal prefix; alone it is unknown (checked by the caller)
    raise _Unknown


def _trie(words: list[str]) -> str:
    """A regex for the alternation of `words` with common prefixes factored out."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:  # a shorter prefix is enough: the gate only says where to look
            return ""
        alts = [r"(?!\w)" if ch == _END else re.escape(ch) + emit(sub) for ch, sub in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


def build(patterns: list[str], flags: int) -> re.Pattern[str] | None:
    """The gate for these rule regexes, or None when some rule's start is not literal."""
    if _p is None:
        return None
    prefixes: set[str] = set()
    try:
        for src in patterns:
            found = _starts(list(_p.parse(src, flags)), 0)
            if "" in found or any(p.startswith(_END) for p in found):
                return None
            prefixes |= found
    except (_Unknown, RecursionError):
        return None
    words = sorted(p for p in prefixes if p != _DIGIT)
    digits = _DIGIT in prefixes
    body = "|".join(x for x in (r"\d" if digits else "", _trie(words) if words else "") if x)
    return re.compile(r"(?<![\w])(?:" + body + ")", flags)


def first_chars(patterns: list[str], flags: int) -> dict[str, tuple[int, ...]] | None:
    """ASCII character -> indices of the patterns a match can begin with at that character, or None
    when some pattern's start is not literal. Exact for ASCII text: a character maps to a pattern
    when the pattern's first literal (or its digit class) matches it under `flags`; other characters
    are not keys, and the caller tries every pattern there.
    """
    if _p is None:
        return None
    ascii_chars = [chr(i) for i in range(128)]
    out: dict[str, list[int]] = {}
    try:
        for n, src in enumerate(patterns):
            found = _starts(list(_p.parse(src, flags)), 0)
            if "" in found or any(p.startswith(_END) for p in found):
                return None
            firsts = {p[0] for p in found}
            keys: set[str] = set()
            for first in firsts:
                probe = re.compile(r"\d" if first == _DIGIT else re.escape(first), flags)
                keys |= {c for c in ascii_chars if probe.fullmatch(c)}
            for c in keys:
                out.setdefault(c, []).append(n)
    except (_Unknown, RecursionError):
        return None
    return {c: tuple(v) for c, v in out.items()}
