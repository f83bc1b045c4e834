"""The parse gate: sentences that are not prose (table rows, headlines in capitals) are not parsed."""
from __future__ import annotations

from chronique.extract.step import Gate, Prose
from chronique.lang import load_table
from chronique.types import Entity, Figure


def _prose(lang: str) -> Prose:
    return Prose(load_table(lang, "facts")["gate"])


def test_gate_prose_accepts_sentences():
    en, fr = _prose("en"), _prose("fr")
    assert en("Diamond Shamrock Corp said it had cut its contract prices for crude oil by 1.50 dlrs a barrel.")
    assert en("Sales rose 12 pct in 1986.")
    assert fr("Il avait 47 ans.")
    assert fr("Renault a annoncé la suppression de 1 500 emplois d'ici 2025.")


def test_gate_prose_rejects_tables_and_capital_headlines():
    en = _prose("en")
    assert not en("Shr 16 cts vs 13 cts\nPay April 15\nRecord March 31\nReuter")
    assert not en("Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nAssets 510.2 mln vs 479.7 mln")
    assert not en("U.S. COMMERCIAL PAPER FALLS 375 MLN DLRS IN FEB 18 WEEK, FED SAYS")
    assert not en("PERU nil 7,500\nTHAILAND nil 14,560\nTAIWAN nil 10,920")


def test_gate_prose_counts_table_words_only_when_listed():
    row = "Qtly div 25 cts vs 25 cts prior"
    assert Prose({"min_words": 2, "min_share": 0.25})(row)
    assert not Prose({"min_words": 2, "min_share": 0.25, "not_words": ["div", "cts", "vs"]})(row)


def _fig(start: int, end: int, text: str) -> Figure:
    return Figure(start=start, end=end, text=text, kind="money", value="1", unit=None, currency="USD", mod=None,
                  direction=None)


def test_gate_worth_needs_prose_subject_and_content():
    from chronique.extract.rules import ClaimRules

    t = load_table("en", "facts")
    rules = ClaimRules(t["claims"], t["entities"], t.get("predicates", {}))
    prose = "Acme Corp said sales rose to 5 mln dlrs."
    table = "Acme Corp Shr 5 cts vs 4 cts Net 5 mln vs 4 mln"
    text = prose + " " + table
    b = len(prose) + 1
    acme = [Entity(id="", start=0, end=9, text="Acme Corp", label="ORG", key="acme"),
            Entity(id="", start=b, end=b + 9, text="Acme Corp", label="ORG", key="acme")]
    figs = [_fig(text.index("5 mln"), text.index("5 mln") + 10, "5 mln dlrs"), _fig(b + 14, b + 19, "5 cts")]
    gate = Gate(text, acme, (), figs, rules, Prose(t["gate"]))
    assert gate.worth(0, len(prose))
    assert not gate.worth(b, len(text))
    assert Gate(text, acme, (), figs, rules).worth(b, len(text))  # no prose test: the row would be parsed
    assert not Gate(text, [], (), figs, rules, Prose(t["gate"])).worth(0, len(prose) - 30)


def test_gate_timex_first_chars_same_matches_as_trigger():
    """The time tagger tries only the rules that can begin with the character under its gate
    (time.gate.first_chars): the matches are those of the full alternation."""
    from chronique.time import tagger
    from chronique.time.grammar import compile_pack

    texts = {"fr": "Le 12 mai 2012, la société a annoncé qu'elle ouvrira en 2025 ; il y a trois ans, l'été dernier. "
                   "Depuis lundi, ÉTÉ 2013 et 1er janvier.",
             "en": "On May 12, 2012 the company said it would open in 2025; three years ago, last summer, "
                   "'87 and the 1990s. Since Monday, MARCH 3."}
    for lang, text in texts.items():
        fast = compile_pack(lang)
        assert fast.starts  # every rule begins with a literal or a digit
        slow = compile_pack(lang)
        slow.starts = None
        got = [(s, e, r.name) for s, e, r, _ in tagger.find(fast, text)]
        assert got == [(s, e, r.name) for s, e, r, _ in tagger.find(slow, text)]
        assert len(got) >= 4
