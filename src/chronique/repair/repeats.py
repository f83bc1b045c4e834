"""Repeated passages: a body pasted twice, whole or in part, even with its layout lost.

Matching runs on a normalized view (letters and digits only, lower-cased, with a map back to
text offsets), so a copy whose paragraphs were glued into one line and whose sentence spaces
were lost still matches. Sampled k-gram anchors (a deterministic rolling hash) find candidate
copies in linear time; each is extended both ways, snapped to sentence boundaries and kept
only when long: at least `min_chars` normalized characters and `min_sentences` sentences, so
a quote, a name or a sentence repeated on purpose stays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .edits import Change

_TERMINATORS = set(".!?…")
_CLOSERS = set(")]»\"'’”%€$£°>")
_OPENERS = set("([«\"'‘“¿¡<-–—•")
_SPACED_CLOSERS = set("»”%€$£°")  # French spacing: "7,45 %", "« oui »"
_K = 32  # anchor length in normalized characters; far below min_chars
_OVERSHOOT = 64  # placements tried when a run is longer than its distance to its source
_SAMPLE = 4  # one k-gram in _SAMPLE (by hash) is an anchor: a 150-char copy has ~30
_MOD = (1 << 61) - 1
_BASE = 1_000_003
_ALNUM_RUN = re.compile(r"[^\W_]+")  # letters and digits: exactly the characters str.isalnum accepts


@dataclass(frozen=True, slots=True)
class Copy:
    """A passage to remove: text[start:end] repeats text[src_start:src_end].

    start, end: the copy in the text
    src_start, src_end: its first occurrence
    sentences: how many sentences the copy holds
    """

    start: int
    end: int
    src_start: int
    src_end: int
    sentences: int


def normalize(text: str) -> tuple[str, list[int]]:
    """Letters and digits only, lower-cased, with the text offset of each kept character.

    Runs of letters and digits (what str.isalnum accepts) are lowered whole when ASCII; other runs char by
    char, as str.lower of a run is context-sensitive (final sigma) and may change its length.
    """
    chars, idx = [], []
    for m in _ALNUM_RUN.finditer(text):
        run, start = m.group(), m.start()
        if run.isascii():
            chars.append(run.lower())
        else:
            for c in run:
                low = c.lower()
                chars.append(low if len(low) == 1 else c)
        idx.extend(range(start, m.end()))
    return "".join(chars), idx


def _hashes(norm: str) -> list[int]:
    """Rolling hash of every k-gram (deterministic, unlike str.__hash__)."""
    n = len(norm)
    if n < _K:
        return []
    top = pow(_BASE, _K - 1, _MOD)
    h = 0
    for c in norm[:_K]:
        h = (h * _BASE + ord(c)) % _MOD
    out = [h]
    for i in range(_K, n):
        h = ((h - ord(norm[i - _K]) * top) * _BASE + ord(norm[i])) % _MOD
        out.append(h)
    return out


def _skip_closers(text: str, q: int) -> int:
    """Past closing quotes and brackets, including French-spaced ones (' »')."""
    n = len(text)
    while q < n:
        if text[q] in _CLOSERS:
            q += 1
        elif text[q] == " " and q + 1 < n and text[q + 1] in _SPACED_CLOSERS:
            q += 2
        else:
            break
    return q


def _starts_sentence(text: str, p: int) -> bool:
    """Whether the alphanumeric character at text[p] opens a sentence (or a paragraph)."""
    q = p - 1
    spaced = False
    while q >= 0 and (text[q] in _OPENERS or text[q] == " "):
        spaced = spaced or text[q] == " "
        q -= 1
    if q < 0 or text[q] == "\n":
        return True  # a paragraph start, even in lower case (tables, wrapped wires)
    if text[p].islower():
        return False
    if not spaced and text[p].isdigit():
        return False  # "5.4": a decimal, not a glued sentence
    while q >= 0 and (text[q] in _CLOSERS or text[q] == " "):
        q -= 1
    return q >= 0 and text[q] in _TERMINATORS


def _sentence_end(text: str, t: int) -> int | None:
    """If the alphanumeric character at text[t] ends a sentence, the offset just past the
    sentence's punctuation (terminator and closers); None otherwise."""
    n = len(text)
    q = _skip_closers(text, t + 1)
    if q < n and text[q] == " " and q + 1 < n and text[q + 1] in "!?":
        q += 1  # French spacing: "tranquille !"
    if q < n and text[q] in _TERMINATORS:
        if text[q] == "." and q + 1 < n and text[q + 1].isdigit() and text[t].isdigit():
            return None  # decimal point
        q += 1
        while q < n and text[q] in _TERMINATORS:
            q += 1
        return _skip_closers(text, q)
    # a paragraph end without a period: "as follows, in tonnes:", "include --"
    r = q
    while r < n and text[r] != "\n" and not text[r].isalnum():
        r += 1
    if r < n and text[r] != "\n":
        return None
    while r > q and text[r - 1] == " ":
        r -= 1
    return r


def find_copies(text: str, min_chars: int = 150, min_sentences: int = 2) -> list[Copy]:
    """Later occurrences of long passages, in text order, not overlapping.

    text: the current text
    min_chars: the least normalized length (letters and digits) of a copy
    min_sentences: the least number of sentences in a copy
    """
    norm, idx = normalize(text)
    n = len(norm)
    hashes = _hashes(norm)
    first: dict[int, int] = {}
    copies: list[Copy] = []
    floor = 0  # copies never reach back into an earlier copy
    dead: dict[int, int] = {}  # shift -> end of the last run rejected at that shift
    i = 0
    while i < len(hashes):
        h = hashes[i]
        if h % _SAMPLE:
            i += 1
            continue
        j = first.get(h)
        if j is None:
            first[h] = i
            i += 1
            continue
        if j + _K > i or norm[j:j + _K] != norm[i:i + _K]:
            i += 1
            continue
        # the run of characters equal to the ones `shift` before them, around the anchor
        shift = i - j
        if dead.get(shift, -1) > i:
            i += 1  # inside a run already judged too short: same answer, skip the work
            continue
        # a copy is never longer than `shift`: looking further either way is wasted work
        reach = shift + _OVERSHOOT
        i0, i1 = i, i + _K
        while i0 > floor and i0 > shift and i - i0 < reach and norm[i0 - 1] == norm[i0 - 1 - shift]:
            i0 -= 1
        while i1 < n and i1 - i < reach and norm[i1] == norm[i1 - shift]:
            i1 += 1
        run_end = i1
        if i1 - i0 > shift:
            # longer than its distance to the source: the run overshoots on one side or both
            # (by a few characters, or by a lot in periodic text); keep the placement whose two
            # ends look most like sentence and paragraph edges, among the first few
            last = min(i1 - shift, i0 + _OVERSHOOT)
            i0 = max(range(i0, last + 1), key=lambda p: _edge_score(text, idx, p, p + shift - 1))
            i1 = i0 + shift
        j0 = i0 - shift
        copy = _snap(text, idx, i0, i1, j0, min_chars, min_sentences)
        if copy is None:
            dead[shift] = run_end
            i += 1
            continue
        copies.append(copy)
        floor = i = i1
    return copies


def _edge_score(text: str, idx: list[int], p: int, q: int) -> int:
    """How much text[idx[p]..idx[q]] looks like whole sentences: 0 to 4 (paragraph edges score)."""
    a, b = idx[p], idx[q]
    end = _sentence_end(text, b)
    score = int(_starts_sentence(text, a)) + int(end is not None)
    k = a - 1
    while k >= 0 and (text[k] in _OPENERS or text[k] == " "):
        k -= 1
    score += k < 0 or text[k] == "\n"
    k = end if end is not None else b + 1
    while k < len(text) and text[k] == " ":
        k += 1
    return score + (k >= len(text) or text[k] == "\n")


def _mirror(text: str, a: int, b: int, step: int, allowed) -> int:
    """How many punctuation characters next to a and b (going by `step`) are the same:
    the copy takes as much of its edge punctuation as its source has."""
    t, n = 0, len(text)
    while True:
        x, y = a + step * t, b + step * t
        if not (0 <= x < n and 0 <= y < n) or text[x] != text[y] or not allowed(text[x]):
            return t
        t += 1


def _snap(
    text: str, idx: list[int], i0: int, i1: int, j0: int, min_chars: int, min_sentences: int
) -> Copy | None:
    """Shrink a raw match to whole sentences and apply the length thresholds."""
    s = i0
    while s < i1 and not _starts_sentence(text, idx[s]):
        s += 1
    e, end = i1 - 1, None
    while e >= s and (end := _sentence_end(text, idx[e])) is None:
        e -= 1
    if end is None or e + 1 - s < min_chars:
        return None
    js, je = j0 + (s - i0), j0 + (e - i0)
    # sentences on both sides: the source keeps the paragraph ends a glued copy lost
    sentences = max(
        sum(1 for q in range(s, e + 1) if _sentence_end(text, idx[q]) is not None),
        sum(1 for q in range(js, je + 1) if _sentence_end(text, idx[q]) is not None),
    )
    if sentences < min_sentences:
        return None
    start, src = idx[s], idx[js]
    start -= _mirror(text, start - 1, src - 1, -1, lambda c: c in _OPENERS or c == " ")
    while text[start] == " ":
        start += 1
    end = idx[e] + 1
    end += _mirror(text, end, idx[je] + 1, 1, lambda c: not c.isalnum() and c != "\n")
    while text[end - 1] == " ":
        end -= 1
    return Copy(start, end, src, idx[je] + 1, sentences)


def repeat_changes(text: str, min_chars: int = 150, min_sentences: int = 2) -> list[Change]:
    """Remove every long repeated passage, with the break that glued it to the text before.

    text: the current text (layout normalized)
    min_chars, min_sentences: see `find_copies`
    """
    copies = find_copies(text, min_chars, min_sentences)
    # copies separated by nothing but whitespace go as one block
    blocks: list[list[Copy]] = []
    for c in copies:
        if blocks and not text[blocks[-1][-1].end:c.start].strip():
            blocks[-1].append(c)
        else:
            blocks.append([c])
    out: list[Change] = []
    n = len(text)
    for block in blocks:
        a, b = block[0].start, block[-1].end
        s, e = a, b
        while s > 0 and text[s - 1] in " \n":
            s -= 1
        while e < n and text[e] in " \n":
            e += 1
        gap = text[s:a] + text[b:e]
        if s == 0 or e == n:
            rep = ""
        else:
            rep = "\n\n" if gap.count("\n") >= 2 else "\n" if "\n" in gap else " "
        if s == 0 or e == n:
            pass  # at an end of the document the copy goes with all the space around it
        elif rep == text[s:a]:
            s, rep = a, ""
        elif rep == text[b:e]:
            e, rep = b, ""
        out.append(Change(s, e, rep, _reason(text, block)))
    return out


def _reason(text: str, block: list[Copy]) -> str:
    first = block[0]
    size = sum(c.end - c.start for c in block)
    sentences = sum(c.sentences for c in block)
    snippet = text[first.start:first.start + 40].replace("\n", " ")
    return (
        f"repeated passage removed ({size} chars, {sentences} sentences), first seen at "
        f"{first.src_start}: {snippet!r}..."
    )
