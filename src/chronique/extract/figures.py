"""Figures: money, percentages and counts found by patterns built from `facts.toml` [figures].

Numbers are read as exact decimals ("3,5 milliards" -> 3500000000); a percentage takes a sign from
the direction word just before it in the same clause ("a crû de 5,4%" -> 5.4 up, "fell 12 percent" -> -12).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from ..types import Figure

_CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\"]")
_WINDOW = 60  # characters looked at before a percentage for its direction word


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "milliards" wins over "milliard" and "us$" over "$"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def plain_decimal(value: Decimal) -> str:
    """A Decimal as a plain string without exponent or trailing zeros: 1.14E+9 -> "1140000000"."""
    text = format(value.normalize(), "f")
    return text


class FigureFinder:
    """Finds figures in one language's text.

    table: the parsed [figures] table of lang/<code>/facts.toml
    is_stop: word -> whether it is a function word (never a unit: "83 était"); none by default
    """

    def __init__(self, table: dict[str, Any], is_stop: Callable[[str], bool] | None = None):
        self.is_stop = is_stop or (lambda word: False)
        self.decimal = table["decimal"]
        self.thousands = tuple(table["thousands"])
        self.scales = {k.lower(): int(v) for k, v in table["scales"].items()}
        self.currencies = {k.lower(): v for k, v in table["currencies"].items()}
        self.number_words = {k.lower(): v for k, v in table["number_words"].items()}
        self.mods = {k.lower(): v for k, v in table["mods"].items()}
        self.non_units = {w.lower() for w in table["non_units"]}
        self.scale_unit_link = bool(table.get("scale_unit_link", False))
        self.up = [re.compile(p, re.I) for p in table["up"]]
        self.down = [re.compile(p, re.I) for p in table["down"]]
        # direction words right after a percentage ("closed 0.9 percent lower")
        self.after = [(name, re.compile(p, re.I)) for name in ("up", "down") for p in table.get(f"{name}_after", ())]
        self.subunits = {k.lower(): (v[0], int(v[1])) for k, v in table.get("subunits", {}).items()}
        # a determiner right before a percentage makes it a level ("its 2 percent target"), not a change
        levels = table.get("level_before", ())
        self.level_before = re.compile(rf"(?:^|\W)(?:{_alternation(levels)})\s+$", re.I) if levels else None
        # a unit word not in the plural, then a plural noun: the unit is both ("active customers", English)
        self.plural_head = re.compile(r"\s+(?P<head>[a-z][a-z-]*s)(?![\w'-])") if table.get("plural_head") else None
        units = table.get("compound_units", ())  # units of more than one word: "basis points"
        self.compound_unit = re.compile(rf"\s+(?P<unit>{_alternation(units)})(?!\w)", re.I) if units else None
        scale = _alternation(self.scales)
        words = _alternation(self.number_words)
        link = _alternation(table["link"])
        # a digit number, or a number word that is followed by a scale ("un million", "two million")
        self.approx = {k.lower(): v for k, v in table.get("approx_numbers", {}).items()}  # "une centaine" -> 100
        approx = rf"|(?P<approx>{_alternation(self.approx)})(?!\w)" if self.approx else ""
        self.number = re.compile(
            rf"(?<![\w.,])(?:(?P<num>{table['number']})|(?P<word>{words})(?=\s+(?:{scale})\b){approx})(?![.,]?\d)", re.I)
        signs = table.get("sign_words", ())
        self.sign_before = re.compile(rf"(?<!\w)(?P<sign>{_alternation(signs)})\s+$", re.I) if signs else None
        self.scale_after = re.compile(rf"\s?(?P<scale>{scale})(?![\w])", re.I)
        cur_words = _alternation(self.currencies)
        self.cur_after = re.compile(rf"\s*(?:(?:{link})\s*)?(?P<cur>{cur_words})(?![\w])", re.I)
        symbols = [c for c in self.currencies if not c.isalpha()]
        self.cur_before = re.compile(rf"(?P<cur>{_alternation(symbols)})\s?$", re.I)
        self.percent = re.compile(rf"\s?(?:{_alternation(table['percent'])})(?![\w])", re.I)
        self.unit = re.compile(rf"\s*(?:(?P<link>{link})\s*)?(?P<unit>[^\W\d_][\w'-]*)")
        self.mod_before = re.compile(rf"(?:^|\W)(?P<mod>{_alternation(self.mods)})\s*$", re.I)

    def value(self, num: str | None, word: str | None, approx: str | None = None) -> Decimal:
        if approx is not None:
            return Decimal(self.approx[approx.lower()])
        if word is not None:
            return Decimal(self.number_words[word.lower()])
        digits = num or ""
        for sep in self.thousands:
            if sep != self.decimal:
                digits = digits.replace(sep, "")
        return Decimal(digits.replace(self.decimal, "."))

    def find(self, text: str, skip: Sequence[tuple[int, int]] = (),
             sentences: Sequence[tuple[int, int]] = ()) -> list[Figure]:
        """Every figure in `text`.

        skip: character spans (timexes) where a bare number is a date, not a figure
        sentences: sentence spans, to fill `Figure.sentence`
        """
        out: list[Figure] = []
        for m in self.number.finditer(text):
            fig = self._read(text, m, skip)
            if fig is not None:
                sent = next(((s, e) for s, e in sentences if s <= fig.start < e), None)
                out.append(Figure(**{**_fields(fig), "sentence": sent}))
        return out

    def _read(self, text: str, m: re.Match[str], skip: Sequence[tuple[int, int]]) -> Figure | None:
        start, end = m.start(), m.end()
        approx = m.groupdict().get("approx")
        value = self.value(m.group("num"), m.group("word"), approx)
        scale = currency = unit = kind = None
        s = self.scale_after.match(text, end)
        if s and (len(s.group("scale")) > 1 or s.group(0)[0] != " "):
            scale, end = self.scales[s.group("scale").lower()], s.end()
        before = self.cur_before.search(text, max(0, start - 4), start)
        if before:
            currency, start = self.currencies[before.group("cur").lower()], before.start()
        c = self.cur_after.match(text, end)
        if c and currency is None:
            currency, end = self.currencies[c.group("cur").lower()], c.end()
        p = self.percent.match(text, end) if currency is None else None
        if scale is not None and len(s.group("scale")) == 1 and currency is None:
            return None  # "5 m" is more often metres than millions
        if currency:
            kind = "money"
        elif p:
            kind, end = "percent", p.end()
        elif self.compound_unit and (cu := self.compound_unit.match(text, end)):
            kind, unit, end = "quantity", cu.group("unit").lower(), cu.end()
        else:
            u = self.unit.match(text, end)
            word = u.group("unit") if u else ""
            linked = bool(u and u.group("link")) or scale is None or not self.scale_unit_link
            if u and word.lower() in self.subunits and scale is None:  # "271 pence" -> 2.71 GBP
                currency, places = self.subunits[word.lower()]
                kind, end, value = "money", u.end(), value.scaleb(-places)
            elif u and linked and word.lower() not in self.non_units and not word[0].isupper() and len(word) > 1 \
                    and not self.is_stop(word.lower()):
                kind, unit, end = "quantity", word.lower(), u.end()
                head = self.plural_head.match(text, end) if self.plural_head and not word.endswith("s") else None
                if head and not self.is_stop(head.group("head").lower()) and head.group("head").lower() not in self.non_units:
                    unit, end = f"{unit} {head.group('head').lower()}", head.end()  # "40 wide-body jets": the
                    # modifier and its plural noun
            elif scale is not None:
                kind = "money"  # "10 milliards dans ...": an amount whose currency the text leaves out
        if kind is None and approx:
            kind = "quantity"  # "une cinquantaine d'ici à l'été": a count whose unit was said before
        if kind is None:
            return None
        if kind != "money" and scale is None and any(a < m.end() and m.start() < b for a, b in skip):
            return None  # the number belongs to a date
        if scale is not None:
            value = value * (Decimal(10) ** scale)
        mod = "APPROX" if approx else None
        mb = self.mod_before.search(text, max(0, start - 20), start)
        if mb and not approx:
            mod, start = self.mods[mb.group("mod").lower()], mb.start("mod")
        signed = m.start() >= 1 and text[m.start() - 1] in "-\u2212" and (m.start() < 2 or text[m.start() - 2] in " (\u00a0")
        worded = self.sign_before.search(text, max(0, m.start() - 8), m.start()) if self.sign_before else None
        if worded:  # "minus 0.1 percent"
            signed, start = True, min(start, worded.start("sign"))
        if signed:  # "un taux de -0,5%", "minus 0.1 percent": a level below zero, not a fall
            value, start, direction = -value, min(start, m.start() - (0 if worded else 1)), None
        elif kind == "percent" and self.level_before and self.level_before.search(text, max(0, m.start() - 12), m.start()):
            direction = None
        else:
            direction = self._direction(text, m.start(), end) if kind == "percent" else None
        if direction == "down":
            value = -value
        return Figure(start=start, end=end, text=text[start:end], kind=kind, value=plain_decimal(value),
                      unit=unit, currency=currency, mod=mod, direction=direction)

    def _direction(self, text: str, pos: int, end: int) -> str | None:
        """A direction word right after the figure (ending at `end`), else the one nearest before `pos`,
        in the same clause and within _WINDOW characters."""
        for name, pat in self.after:
            if pat.match(text, end):
                return name
        left = text[max(0, pos - _WINDOW):pos]
        breaks = list(_CLAUSE_BREAK.finditer(left))
        if breaks:
            left = left[breaks[-1].end():]
        best: tuple[int, str] | None = None
        for name, pats in (("up", self.up), ("down", self.down)):
            for pat in pats:
                for hit in pat.finditer(left):
                    if best is None or hit.start() > best[0]:
                        best = (hit.start(), name)
        return best[1] if best else None


def _fields(fig: Figure) -> dict[str, Any]:
    return {name: getattr(fig, name) for name in Figure.__dataclass_fields__}
