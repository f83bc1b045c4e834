"""Every rule of every language pack: it compiles, carries examples, and its examples hold."""
from __future__ import annotations

import pytest

from chronique.lang import languages, load_table
from chronique.time import tag
from chronique.time.grammar import compile_pack

PACKS = [lang for lang in languages() if load_table(lang, "time")]
EXAMPLES = [
    pytest.param(lang, rule["name"], ex, id=f"{lang}:{rule['name']}:{i}")
    for lang in PACKS
    for rule in load_table(lang, "time").get("rule", [])
    for i, ex in enumerate(rule.get("examples", []))
]


def test_packs_present():
    assert {"en", "fr"} <= set(PACKS)


@pytest.mark.parametrize("lang", PACKS)
def test_packs_compile_with_examples(lang):
    grammar = compile_pack(lang)
    assert grammar.rules
    missing = [r.name for r in grammar.rules if not r.examples]
    assert not missing, f"{lang}: rules without examples: {missing}"
    for rule in grammar.rules:
        assert rule.emit.get("type") in ("DATE", "TIME", "DURATION", "SET"), rule.name


@pytest.mark.parametrize("lang,rule,example", EXAMPLES)
def test_packs_example(lang, rule, example):
    timexes = tag(example["text"], example.get("dct"), lang)
    got = [(t.text, t.value, t.mod, t.rule) for t in timexes]
    hits = [t for t in timexes if t.value == example["value"] and t.rule == rule]
    assert hits, f"{example['text']!r}: want {example['value']}, got {got}"
    t = hits[0]
    if "mod" in example:
        assert t.mod == example["mod"], got
    if "type" in example:
        assert t.type == example["type"], got
    if "timex" in example:
        assert t.text == example["timex"], got
