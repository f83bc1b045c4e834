"""Finding expressions: leftmost-longest matching, templates, grammar checks, the DocStep."""
from __future__ import annotations

import pytest

from chronique.lang import PackError
from chronique.time import Tagger, TimexStep, tag
from chronique.time.grammar import compile_data
from chronique.time.tagger import fill, find, number, scan, tense_at
from chronique.types import Document

DATA = {
    "lexicon": {"month": {"may": "05", "june": "06"}, "number": {"two": "2", "twenty": "20", "four": "4"}},
    "patterns": {"day": r"[12]?\d"},
    "tense": {"future": r"\bwill\b", "past": r"\bwas\b"},
    "rule": [
        {"name": "month", "match": "(?P<m>%month)", "emit": {"type": "DATE", "value": "XXXX-%month(m)"}},
        {"name": "month_day", "match": r"(?P<m>%month)\s+(?P<d>%day)(?:,\s*(?P<y>\d{4}))?",
         "emit": {"type": "DATE", "value": "%year(y)-%month(m)-%pad2(d)", "dir": "tense"}},
        {"name": "month_again", "match": "(?P<m>%month)", "emit": {"type": "DATE", "value": "never"}},
        {"name": "opt", "match": r"in\s+(?P<n>%number)?\s*days", "emit": {"type": "DURATION", "value": "P[%num(n)]D"}},
    ],
}


@pytest.fixture(scope="module")
def grammar():
    return compile_data("xx", DATA)


def test_tagger_longest_match_wins(grammar):
    hits = find(grammar, "on June 5, 2020 and May")
    assert [(r.name, a, b) for a, b, r, _ in hits] == [("month_day", 3, 15), ("month", 20, 23)]


def test_tagger_tie_goes_to_earlier_rule(grammar):
    assert [r.name for *_, r, _m in find(grammar, "May")] == ["month"]


def test_tagger_word_boundaries(grammar):
    assert find(grammar, "Mayday junes") == []


def test_tagger_templates(grammar):
    m = grammar.rules[1].regex.match("June 5")
    assert fill("%year(y)-%month(m)-%pad2(d)", m, grammar, 2021) == "XXXX-06-05"
    assert fill("%year(y|1999)", m, grammar, 2021) == "1999"
    assert fill("[Y%has(y)]{m}", m, grammar, 2021) == "June"
    m2 = grammar.rules[3].regex.match("in days")
    assert fill("P[%num(n)]D", m2, grammar, None) == "PD"


def test_tagger_numbers(grammar):
    assert number(grammar, "twenty four") == 24
    assert number(grammar, "1,998") == 1998
    assert number(grammar, "30,4") == 30.4
    assert number(grammar, "nothing") is None


def test_tagger_tense_nearest_cue(grammar):
    text = "It was sunny. We will meet June 5."
    at = text.index("June")
    assert tense_at(grammar, text, at, at + 6) == "future"
    text = "He was there on June 5. It will rain."
    at = text.index("June")
    assert tense_at(grammar, text, at, at + 6) == "past"


def test_tagger_scan_passes_tense_only_when_needed(grammar):
    matches = scan(grammar, "It was May 3 and May", 2021)
    assert [m.tense for m in matches] == ["past", None]


@pytest.mark.parametrize("bad,message", [
    ({"rule": [{"name": "r", "match": "(a)", "emit": {"type": "DATE"}}]}, "unnamed group"),
    ({"rule": [{"name": "r", "match": "%nope", "emit": {"type": "DATE"}}]}, "unknown pattern"),
    ({"rule": [{"name": "r", "match": "a"}]}, "needs `match` and `emit`"),
    ({"rule": [{"name": "r", "match": "a", "emit": {}}, {"name": "r", "match": "b", "emit": {}}]}, "twice"),
    ({"patterns": {"p": "%p"}, "rule": [{"name": "r", "match": "%p", "emit": {}}]}, "itself"),
    ({"rule": [{"name": "r", "match": "(?P<a>", "emit": {}}]}, "rule 'r'"),
    ({"rule": [{"name": "r", "match": "a", "emit": {"valu": "x"}}]}, "unknown emit keys"),
    ({"rule": [{"name": "r", "match": "a", "emit": {"value": "%colour(0)"}}]}, "no lexicon or builtin"),
    ({"lexicon": {"number": {"two": "deux"}}}, "values must be digits"),
])
def test_tagger_grammar_errors_name_the_rule(bad, message):
    with pytest.raises(PackError, match=message):
        compile_data("xx", bad)


def test_tagger_unknown_lexicon_in_template(grammar):
    m = grammar.rules[0].regex.match("May")
    with pytest.raises(PackError, match="no lexicon"):
        fill("%colour(m)", m, grammar, None)


def test_tagger_offsets_and_text():
    text = "Sales rose last year, and will rise in the first half of 2024."
    timexes = tag(text, "1998-02-13", "en")
    assert [(t.id, t.text, t.value) for t in timexes] == [
        ("t1", "last year", "1997"), ("t2", "the first half of 2024", "2024-H1")]
    for t in timexes:
        assert text[t.start:t.end] == t.text


def test_tagger_no_dct_and_empty_text():
    assert tag("", "2021-10", "fr") == []
    assert tag("il y a deux ans", None, "fr")[0].value == "XXXX"


def test_tagger_step_fills_document():
    step = TimexStep()
    doc = Document(id="d", source="s", raw="x", text="Il est parti hier.", dct="1999-05-21", lang="fr")
    out = step(doc)
    assert [(t.text, t.value) for t in out.timexes] == [("hier", "1999-05-20")]
    assert step.tagger is not None and "fr" in step.tagger.grammars
    # no language: English
    doc = Document(id="d", source="s", raw="x", text="He left yesterday.", dct="1999-05-21")
    assert [t.value for t in step(doc).timexes] == ["1999-05-20"]


def test_tagger_unknown_language_falls_back_to_english():
    doc = Document(id="d", source="s", raw="x", text="today", dct="2020-01-02", lang="zz")
    assert [t.value for t in TimexStep()(doc).timexes] == ["2020-01-02"]


def test_tagger_unknown_language_in_tag_raises():
    with pytest.raises(PackError):
        Tagger()("x", None, "zz")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_tagger_gate_finds_what_the_full_search_finds(lang):
    import dataclasses

    from chronique.lang import load_table
    from chronique.time.grammar import compile_pack

    gated = compile_pack(lang)
    assert gated.gate is not None
    plain = dataclasses.replace(gated, gate=None)
    texts = [ex["text"] for r in load_table(lang, "time")["rule"] for ex in r.get("examples", [])]
    text = " ".join(texts) + " " + "\n".join(texts)
    spans = lambda g: [(a, b, r.name) for a, b, r, _ in find(g, text)]  # noqa: E731
    assert spans(gated) == spans(plain) and spans(gated)


def test_tagger_gate_follows_repeats_and_options():
    data = {"rule": [
        {"name": "r", "match": r"(?:ab){1,3}c", "emit": {"type": "DATE", "value": "x"}},
        {"name": "s", "match": r"(?:early\s+)?X{0,2}Ie", "emit": {"type": "DATE", "value": "y"}},
    ]}
    g = compile_data("xx", data)
    assert g.gate is not None
    assert [(a, b, r.name) for a, b, r, _m in find(g, "ababc XXIe early Ie")] == [
        (0, 5, "r"), (6, 10, "s"), (11, 19, "s")]


def test_tagger_gate_absent_when_a_rule_starts_with_a_letter_class():
    data = {"rule": [{"name": "r", "match": r"[a-z]+day", "emit": {"type": "DATE", "value": "x"}}]}
    g = compile_data("xx", data)
    assert g.gate is None
    assert [(a, b) for a, b, _r, _m in find(g, "on monday")] == [(3, 9)]
