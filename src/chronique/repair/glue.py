"""Glued sentence boundaries: "contrôlé.Il y a" becomes "contrôlé. Il y a".

Cue: `.`, `!` or `?` with a word, a number, a closing quote or a unit before it and a capital
(or an opening quote, a dash, a lone number) right after it. Left alone: decimals and times
(5.4, 8.45), initials and dotted names (U.S., J.R.R.Tolkien, ASP.NET, tickers <MSFT.O>) unless
a function word follows, abbreviation chains (e.g.), the packs' abbreviations (Mr.Smith),
ellipses, and tokens that look like domains, file names or code (x.com, Node.js,
fr.Wikinews.org, index.html, Math.Floor(x)), judged with the packs' domain and extension words.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .edits import Change

_CUE = re.compile(r"[.!?](?=\w|[-–—] |[\"«“”»(\[])")
_DASHES = set("-–—")
_CLOSERS = set(")]»\"'’”")
_UNITS = set("%€$£°>")
_ELIDED = ("[...]", "[…]", "(...)", "(…)")
_TOKEN_STOP = re.compile(r"\s")
_CODE_MARKS = ("@", "://", "www", "_", "=", "\\")
_REACH = 100  # a token longer than this is no word: bound the look-around, keep it linear


@dataclass(frozen=True, slots=True)
class GlueRules:
    """Word lists from every language pack (compared case-insensitively).

    one_letter_words: capital letters that are words on their own (French "A", "À"; English "I")
    abbreviations: words that take a period without ending a sentence (mr, dr, st, cf)
    domain_words: top-level domains and file extensions (com, org, js, html)
    sentence_words: function words that open sentences; after initials ("U.S.The") they
        show a glued sentence, where a name ("J.R.R.Tolkien") would not
    """

    one_letter_words: frozenset[str]
    abbreviations: frozenset[str]
    domain_words: frozenset[str]
    sentence_words: frozenset[str] = frozenset()

    @classmethod
    def from_tables(cls, tables: Iterable[dict]) -> "GlueRules":
        one, abbr, dom, words = set(), set(), set(), set()
        for table in tables:
            section = table.get("glue", {})
            one |= set(section.get("one_letter_words", ()))
            abbr |= {w.casefold() for w in section.get("abbreviations", ())}
            dom |= {w.casefold() for w in section.get("domain_words", ())}
            words |= {w.casefold() for w in section.get("sentence_words", ())}
        return cls(frozenset(one), frozenset(abbr), frozenset(dom), frozenset(words))


def _word_after(text: str, i: int) -> str:
    j = i
    while j < len(text) and text[j].isalpha():
        j += 1
    return text[i:j]


def _run_after(text: str, i: int, test) -> str:
    j = i
    while j < len(text) and test(text[j]):
        j += 1
    return text[i:j]


def _run_before(text: str, i: int, test) -> str:
    j = i
    while j > 0 and test(text[j - 1]):
        j -= 1
    return text[j:i]


def _word_before(text: str, i: int) -> tuple[str, int]:
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i], j


def _token(text: str, i: int) -> str:
    """The run of non-space characters around position i (at most _REACH each side)."""
    m = _TOKEN_STOP.search(text, i, i + _REACH)
    end = m.start() if m else min(len(text), i + _REACH)
    lo = max(0, i - _REACH)
    start = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i), lo - 1) + 1
    return text[start:end]


def glue_point(text: str, i: int, rules: GlueRules, quotes_before: int | None = None) -> int | None:
    """Where to insert a space if the `.`/`!`/`?` at text[i] ends a sentence glued to the
    next one (before an opening quote, after a closing one); None when it does not.

    text: the current text
    i: offset of the punctuation mark
    rules: the packs' word lists
    quotes_before: straight quotes `"` on the line before i (an odd count means one is open)
    """
    if quotes_before is None:
        quotes_before = text.count('"', text.rfind("\n", 0, i) + 1, i)
    n = len(text)
    if i == 0 or i + 2 > n:
        return None
    stop = i  # where the word before the mark ends
    if text[i - 1] == " ":
        if i < 2 or not (text[i - 2].isalpha() or text[i - 2] in _CLOSERS):
            return None
        stop = i - 1  # French spacing: "tranquille !Enfin", "politique ») .Mais"
    prev = text[stop - 1]
    k = i + 1
    q = text[k]
    if q in _DASHES:  # "2012.- Cette": a dateline dash glued to the period
        ok = k + 1 < n and text[k + 1] == " " and (prev.islower() or prev.isdigit() or prev in _CLOSERS)
        return k if ok else None
    insert = k
    if text.startswith(_ELIDED, k):
        return k  # "République.[...] Les": a cut in a quotation opens the next sentence
    if q in "([" and stop == i:
        k += 1
    elif q in "«“" or (q == '"' and quotes_before % 2 == 0):
        k += 1  # an opening quote starts the next sentence: the space goes before it
        while k < n and text[k] in " [(":
            k += 1
    elif q in '"”»':
        k += 1  # a closing quote ends this one: the space goes after it
        insert = k
        if k < n and text[k] in '"«“':
            k += 1  # 'larger.""A lot': a quotation closes, the next opens
    if k < n and text[k].isdigit() and insert == i + 1 and stop == i and prev.islower():
        # "démographie.11 millions": a long word, then a number standing alone
        digits = _run_after(text, k, str.isdigit)
        before = _word_before(text, stop)[0]
        tail = text[k + len(digits):k + len(digits) + 2]
        alone = not tail or tail[0] == " " or (tail[0] == "-" and tail[1:].isalpha())  # "10-year"
        ok = len(before) >= 4 and before.casefold() not in rules.abbreviations and alone  # not "art.12"
        return insert if ok and "." not in _token(text, stop)[: -len(before) - 1] else None
    if k >= n or not text[k].isupper():
        return None
    if stop < i and not _titled(_word_after(text, k)) and not _one_letter(text, k, rules):
        return None  # a space before the mark: only a plain word after it is a sentence
    return insert if _sentence_like(text, stop, prev, k, rules) else None


def _titled(word: str) -> bool:
    return len(word) >= 2 and any(c.islower() for c in word)


def _one_letter(text: str, k: int, rules: GlueRules) -> bool:
    """A one-letter word or an elided one ("A l'époque", "C'est")."""
    word = _word_after(text, k)
    after = text[k + len(word):k + len(word) + 1].replace("’", "'")
    return len(word) == 1 and (word in rules.one_letter_words or word + after in rules.one_letter_words)


def _sentence_like(text: str, stop: int, prev: str, k: int, rules: GlueRules) -> bool:
    """The word checks: what ends before `stop` and what starts at `k` look like two sentences."""
    word = _word_after(text, k)
    after = text[k + len(word):k + len(word) + 1]
    titled = _titled(word)
    one = _one_letter(text, k, rules)
    before, bstart = _word_before(text, stop)
    initialism = after == "." and text[k + 2:k + 3].isupper()  # "U.S."
    if len(word) == 1 and not one:
        # "M-1", "F16", "U.S." are names after a word; "B" alone is not a sentence
        if not (prev.islower() and len(before) >= 2 and (after == "-" or after.isdigit() or initialism)):
            return False
    chained = bstart > 0 and text[bstart - 1] == "."
    if prev.isdigit():
        digits = len(_run_before(text, stop, str.isdigit))
        year_like = digits >= 3 or text[stop - 2:stop - 1] == "/"  # 2013, 7/8
        then_titled = _titled(_word_after(text, k + len(word) + 1)) if after == " " else False
        acronym = len(word) >= 2 and word.isupper()
        if not (titled or (year_like and (acronym or (one and (digits >= 3 or then_titled))))):
            return False  # "2.A", "v1.B": numbering; "en 2013.À compter", "78-7/8.A Pennzoil" are sentences
    elif prev in _CLOSERS or prev in _UNITS:
        pass
    elif prev.islower():
        if before.casefold() in rules.abbreviations:
            return False
        if len(before) == 1 and chained:
            return False  # "e.g.The", "a.m.The": an abbreviation chain
    elif not prev.isupper():
        return False
    elif len(_run_before(text, stop, str.isalnum)) < 2 or chained:
        # initials and dotted names (U.S., J.R.R.): only a function word proves a new sentence
        if not titled or word.casefold() not in rules.sentence_words:
            return False
    elif not (titled or (one and after == " " and text[k + 2:k + 3].islower())):
        return False  # ASP.NET, tickers (<MSFT.O>); "AVC.Commentateur", "EST.A conflicting" pass
    if word.casefold() in rules.domain_words:
        return False
    token = _token(text, stop)
    if any(mark in token.casefold() for mark in _CODE_MARKS) or "(" in text[k:k + len(word) + 1]:
        return False  # URLs, e-mail, code ("Math.Floor(x)")
    # "fr.Wikinews.org": a later dotted part names a domain or a file type
    parts = re.split(r"[.!?]", token)
    return not any(p.casefold().strip("\"'’”»)],;:") in rules.domain_words for p in parts[1:])


def glue_changes(text: str, rules: GlueRules) -> list[Change]:
    """A space after each glued sentence end.

    text: the current text
    rules: the packs' word lists
    """
    out: list[Change] = []
    pos = quotes = 0  # straight quotes counted on the current line, up to pos
    for m in _CUE.finditer(text):
        i = m.start()
        line = text.rfind("\n", pos, i)
        if line >= 0:
            pos, quotes = line + 1, 0
        quotes += text.count('"', pos, i)
        pos = i
        at = glue_point(text, i, rules, quotes)
        if at is not None:
            ctx = text[max(0, i - 12):i + 13].replace("\n", " ")
            out.append(Change(at, at, " ", f"glued sentence boundary: {ctx!r}"))
    return out
