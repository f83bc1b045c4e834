"""Encoding and whitespace repair: mojibake (through ftfy), NFC, invisible characters, layout.

Each function returns `Change`s against the text it was given; none removes visible content.
"""
from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy
from ftfy import fixes

from .edits import Change

# Lines longer than this get one change for the whole line instead of a character diff,
# which is quadratic in the worst case.
_DIFF_LIMIT = 20_000

# Characters replaced by a plain space, and why.
_SPACES = {
    "\u00a0": "no-break space",
    "\u2007": "figure space",
    "\u202f": "narrow no-break space",
    "\t": "tab",
    "\f": "form feed",
    "\v": "vertical tab",
    "\u3000": "ideographic space",
    "\u205f": "math space",
    **{chr(c): "typographic space" for c in range(0x2000, 0x200B)},
}
# Characters that carry no text and are dropped. ZWJ/ZWNJ are kept: they shape emoji and scripts.
_INVISIBLE = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\u00ad": "soft hyphen",
    "\u200e": "bidi mark",
    "\u200f": "bidi mark",
    **{chr(c): "bidi control" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
}
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_CHARS = re.compile(
    "\r\n?|[" + re.escape("".join(_SPACES) + "".join(_INVISIBLE)) + f"]|.[{_COMBINING}]+", re.S
)
_LAYOUT = re.compile(r"\A[ \n]+|[ \n]+\Z|[ \n]*\n[ \n]*|  +")


def encoding_changes(text: str) -> list[Change]:
    """Mojibake and C1-control fixes, found line by line by ftfy, logged character by character.

    text: the current text
    """
    out: list[Change] = []
    pos = 0
    for line in text.split("\n"):
        if line and not line.isascii():
            fixed = fixes.fix_c1_controls(ftfy.fix_encoding(line))
            if fixed != line:
                out.extend(_diff(line, fixed, pos))
        pos += len(line) + 1
    return out


def _diff(old: str, new: str, offset: int) -> list[Change]:
    if len(old) > _DIFF_LIMIT:
        return [Change(offset, offset + len(old), new, "mojibake: line re-decoded")]
    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [
        Change(offset + i1, offset + i2, new[j1:j2], f"mojibake: {old[i1:i2]!r} → {new[j1:j2]!r}")
        for tag, i1, i2, j1, j2 in ops
        if tag != "equal"
    ]


def char_changes(text: str) -> list[Change]:
    """Line endings to LF, NFC, unusual spaces to a space, invisible characters dropped.

    text: the current text
    """
    out: list[Change] = []
    for m in _CHARS.finditer(text):
        s = m.group()
        if s[0] == "\r":
            out.append(Change(m.start(), m.end(), "\n", f"line ending {s!r} → '\\n'"))
        elif s in _SPACES:
            out.append(Change(m.start(), m.end(), " ", f"{_SPACES[s]} → space"))
        elif s in _INVISIBLE:
            out.append(Change(m.start(), m.end(), "", f"{_INVISIBLE[s]} removed"))
        else:
            nfc = unicodedata.normalize("NFC", s)
            if nfc != s:
                out.append(Change(m.start(), m.end(), nfc, f"NFC: {s!r} → {nfc!r}"))
    return out


def layout_changes(text: str) -> list[Change]:
    """Spaces and blank lines: runs collapsed, lines and the document trimmed.

    text: the current text (after `char_changes`, so spaces are plain)
    """
    out: list[Change] = []
    n = len(text)
    for m in _LAYOUT.finditer(text):
        s = m.group()
        if m.start() == 0 or m.end() == n:
            new, why = "", "leading/trailing whitespace of the document"
        elif "\n" in s:
            new = "\n\n" if s.count("\n") >= 2 else "\n"
            why = "blank lines collapsed" if s.count("\n") > 2 else "spaces at line ends"
        else:
            new, why = " ", "run of spaces"
        if new != s:
            out.append(Change(m.start(), m.end(), new, why))
    return out
