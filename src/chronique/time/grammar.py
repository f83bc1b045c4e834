"""Compile a language's `time.toml` (lexicons, named patterns, rules) into regex matchers.

`%name` inside a pattern or a rule's `match` is replaced by the named pattern, or by the
alternation of a lexicon's keys (longest first). Rules use named groups only, so adding a
group to a pattern never shifts another rule's references.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..lang import PackError, load_table
from . import gate as _gate

_REF = re.compile(r"%([A-Za-z_][A-Za-z0-9_]*)")
_FUNCTION = re.compile(r"%([A-Za-z_]\w*)\(")
BUILTINS = frozenset({"num", "year", "decade", "pad2", "has"})  # see tagger.fill
_NAMED = re.compile(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>")
_FLAGS = re.IGNORECASE | re.UNICODE
# what a rule may emit (see tagger.py and anchor.py)
EMIT_KEYS = frozenset({"type", "value", "mod", "quant", "freq", "unit", "shift", "gran", "ref", "dir", "time", "suffix"})


def norm_key(text: str) -> str:
    """The lexicon lookup key of a matched text: lower case, one space, straight apostrophe."""
    return " ".join(text.lower().replace("\u2019", "'").replace("\u02bc", "'").replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of a pack.

    name: unique rule name (reported in Timex.rule)
    regex: the compiled `match`
    emit: the emit table (templates, see tagger.py)
    examples: example dicts {text, dct, value, ...}
    priority: order in the file (earlier wins a tie on length)
    """

    name: str
    regex: re.Pattern[str]
    emit: dict[str, Any]
    examples: tuple[dict[str, Any], ...]
    priority: int


@dataclass(slots=True)
class Grammar:
    """A compiled pack.

    lang: language code
    lexicons: name -> {normalized word: value}
    rules: rules in file order
    trigger: one regex that matches wherever some rule may start
    tense: name (past, future) -> compiled cue regex
    max_len: how far (characters) a tense cue is looked for around an expression
    gate: literal prefixes every match starts with (see gate.py); None: try every word
    """

    lang: str
    lexicons: dict[str, dict[str, str]]
    rules: list[Rule]
    trigger: re.Pattern[str]
    tense: dict[str, re.Pattern[str]] = field(default_factory=dict)
    max_len: int = 80
    gate: re.Pattern[str] | None = None
    starts: dict[str, tuple[int, ...]] | None = None  # ASCII char -> rules that can begin there (gate.first_chars)

    def lookup(self, lexicon: str, text: str) -> str | None:
        table = self.lexicons.get(lexicon)
        if table is None:
            raise PackError(f"{self.lang}/time.toml: no lexicon {lexicon!r}")
        return table.get(norm_key(text))


def _lexicon_regex(words: dict[str, str]) -> str:
    alts = sorted(words, key=len, reverse=True)
    parts = []
    for w in alts:
        # a lexicon key's space or hyphen matches any run of spaces or one hyphen
        parts.append(r"[\s\-]+".join(re.escape(p) for p in w.split(" ")).replace("'", "['\u2019]"))
    return "(?:" + "|".join(parts) + ")"


def _expand(src: str, patterns: dict[str, str], lexicons: dict[str, dict[str, str]], where: str,
            seen: tuple[str, ...] = ()) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m[1]
        if name in seen:
            raise PackError(f"{where}: pattern %{name} refers to itself")
        if name in patterns:
            return "(?:" + _expand(patterns[name], patterns, lexicons, where, seen + (name,)) + ")"
        if name in lexicons:
            return _lexicon_regex(lexicons[name])
        raise PackError(f"{where}: unknown pattern or lexicon %{name}")

    return _REF.sub(sub, src)


def compile_pack(lang: str) -> Grammar:
    """Compile `lang/<lang>/time.toml`; errors name the file and the rule."""
    return compile_data(lang, load_table(lang, "time"))


def compile_data(lang: str, data: dict[str, Any]) -> Grammar:
    """Compile parsed time.toml data (lexicon, patterns, tense, rule tables).

    lang: language code, used in error messages
    data: the parsed TOML
    """
    where = f"{lang}/time.toml"
    lexicons: dict[str, dict[str, str]] = {}
    for name, table in data.get("lexicon", {}).items():
        lexicons[name] = {norm_key(k): str(v) for k, v in table.items()}
    bad = [k for k, v in lexicons.get("number", {}).items() if not v.isdigit()]
    if bad:
        raise PackError(f"{where}: lexicon number: values must be digits ({', '.join(bad)})")
    patterns: dict[str, str] = dict(data.get("patterns", {}))
    rules: list[Rule] = []
    names: set[str] = set()
    for i, raw in enumerate(data.get("rule", [])):
        name = raw.get("name") or f"#{i}"
        if name in names:
            raise PackError(f"{where}: rule {name!r} defined twice")
        names.add(name)
        if "match" not in raw or "emit" not in raw:
            raise PackError(f"{where}: rule {name!r} needs `match` and `emit`")
        unknown = set(raw["emit"]) - EMIT_KEYS
        if unknown:
            raise PackError(f"{where}: rule {name!r}: unknown emit keys {sorted(unknown)}")
        for template in raw["emit"].values():
            for fn in _FUNCTION.findall(str(template)):
                if fn not in BUILTINS and fn not in lexicons:
                    raise PackError(f"{where}: rule {name!r}: no lexicon or builtin %{fn}")
        src = _expand(raw["match"], patterns, lexicons, f"{where}: rule {name!r}")
        if re.search(r"\((?!\?)", src.replace(r"\(", "")):
            raise PackError(f"{where}: rule {name!r} has an unnamed group; use (?P<name>...) or (?:...)")
        try:
            regex = re.compile(r"(?<![\w])(?:" + src + r")(?![\w])", _FLAGS)
        except re.error as exc:
            raise PackError(f"{where}: rule {name!r}: {exc}") from exc
        rules.append(Rule(name, regex, dict(raw["emit"]), tuple(raw.get("examples", ())), i))
    alternation = "|".join("(?:" + _NAMED.sub("(?:", r.regex.pattern) + ")" for r in rules) or r"(?!x)x"
    # one cheap test first: most positions are inside a word, where no rule can start
    trigger = re.compile(r"(?<![\w])(?=[\w'\u2019])(?:" + alternation + ")", _FLAGS)
    tense = {k: re.compile(_expand(v, patterns, lexicons, f"{where}: tense.{k}"), _FLAGS)
             for k, v in data.get("tense", {}).items()}
    gate = _gate.build([r.regex.pattern for r in rules], _FLAGS)
    starts = _gate.first_chars([r.regex.pattern for r in rules], _FLAGS) if gate is not None else None
    return Grammar(lang, lexicons, rules, trigger, tense, max_len=int(data.get("window", 80)), gate=gate,
                   starts=starts)
