"""Boilerplate lines: share prompts, cookie notices, "Lire aussi :", ads, newsletter prompts, credits.

A line is removed only when the whole line (trimmed) matches one of the patterns of a language
pack and is short; a sentence that merely contains such a word is never touched.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .edits import Change


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """Compiled whole-line patterns.

    patterns: one case-insensitive regex per prompt, matched against the trimmed line
    max_chars: longer lines are content, whatever they start with
    """

    patterns: tuple[re.Pattern[str], ...]
    max_chars: int

    @classmethod
    def from_tables(cls, tables: Iterable[dict]) -> "BoilerplateRules":
        pats: list[re.Pattern[str]] = []
        max_chars = 0
        for table in tables:
            section = table.get("boilerplate", {})
            pats += [re.compile(p, re.I) for p in section.get("lines", ())]
            max_chars = max(max_chars, int(section.get("max_chars", 0)))
        return cls(tuple(pats), max_chars)

    def match(self, line: str) -> re.Pattern[str] | None:
        line = line.strip()
        if not line or len(line) > self.max_chars:
            return None
        return next((p for p in self.patterns if p.fullmatch(line)), None)


def boilerplate_changes(text: str, rules: BoilerplateRules) -> list[Change]:
    """Remove each boilerplate line with the line break after it (before it, at the end).

    text: the current text (layout already normalized: LF, trimmed lines)
    rules: the patterns of every language pack
    """
    lines: list[tuple[int, int, str]] = []  # (start, end, reason) of each boilerplate line
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        pat = rules.match(line)
        if pat is not None:
            shown = line if len(line) <= 60 else line[:57] + "..."
            lines.append((start, end, f"boilerplate line {shown!r} (pattern {pat.pattern!r})"))
    # consecutive lines (only line breaks between them) go as one block
    blocks: list[list[tuple[int, int, str]]] = []
    for item in lines:
        if blocks and not text[blocks[-1][-1][1]:item[0]].strip("\n"):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    out: list[Change] = []
    n = len(text)
    for block in blocks:
        start, end = block[0][0], block[-1][1]
        if end < n:
            while end < n and text[end] == "\n":
                end += 1  # the break after the block goes; the one before stays
        else:
            while start > 0 and text[start - 1] == "\n":
                start -= 1  # last in the text: the break before it goes
        reason = block[0][2] + (f" (+{len(block) - 1} more lines)" if len(block) > 1 else "")
        out.append(Change(start, end, "", reason))
    return out
