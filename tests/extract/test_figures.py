"""Figures: money with scale words and currency, signed percentages, counts with units."""
from __future__ import annotations

import pytest

from chronique.extract.figures import FigureFinder
from chronique.lang import load_table


def finder(lang: str) -> FigureFinder:
    return FigureFinder(load_table(lang, "facts")["figures"])


def one(lang: str, text: str):
    figs = finder(lang).find(text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize("lang,text,kind,value,unit,currency,mod", [
    ("fr", "Xiaomi investit 10 milliards dans une division", "money", "10000000000", None, None, None),
    ("fr", "un plan de 3,5 milliards d'euros", "money", "3500000000", None, "EUR", None),
    ("en", "a quarterly loss of $1.2bn.", "money", "1200000000", None, "USD", None),
    ("fr", "une voiture à 39 900 dollars", "money", "39900", None, "USD", None),
    ("fr", "pour 1,14 milliard de dollars", "money", "1140000000", None, "USD", None),
    ("fr", "la société a supprimé 520 postes", "quantity", "520", "postes", None, None),
    ("fr", "plus d'un million de précommandes", "quantity", "1000000", "précommandes", None, "MORE_THAN"),
    ("en", "about 11,000 jobs", "quantity", "11000", "jobs", None, "APPROX"),
    ("en", "another two million subscribers", "quantity", "2000000", "subscribers", None, None),
])
def test_figures_reads_value_unit_currency_mod(lang, text, kind, value, unit, currency, mod):
    f = one(lang, text)
    assert (f.kind, f.value, f.unit, f.currency, f.mod) == (kind, value, unit, currency, mod)
    assert text[f.start:f.end] == f.text


def test_figures_percent_up_with_decimal_comma():
    f = one("fr", "le cours de l'action Xiaomi a crû de 5,4%: il s'agit")
    assert (f.kind, f.value, f.direction, f.text) == ("percent", "5.4", "up", "5,4%")


def test_figures_percent_down_is_negative():
    f = one("en", "Shares of Peloton fell 12 percent on Thursday")
    assert (f.kind, f.value, f.direction, f.text) == ("percent", "-12", "down", "12 percent")


def test_figures_percent_direction_stays_in_its_clause():
    figs = finder("en").find("Meta will cut about 11,000 jobs, or 13 percent of its staff")
    pct = [f for f in figs if f.kind == "percent"]
    assert [(f.value, f.direction) for f in pct] == [("13", None)]


def test_figures_skip_numbers_inside_dates():
    text = "Il y a 12 mois, le 12 mai 2024, la firme a vendu 300 voitures."
    start = text.index("le 12 mai 2024")
    figs = finder("fr").find(text, skip=[(start, start + len("le 12 mai 2024")), (3, 14)])
    assert [(f.kind, f.value, f.unit) for f in figs] == [("quantity", "300", "voitures")]


def test_figures_bare_numbers_and_capitalised_words_are_not_counts():
    assert finder("en").find("deliveries of the 787 Dreamliner, up from 4 a year earlier") == []


def test_figures_carry_their_sentence():
    text = "Première phrase. Renault a supprimé 520 postes."
    figs = finder("fr").find(text, sentences=[(0, 16), (17, len(text))])
    assert figs[0].sentence == (17, len(text))


@pytest.mark.parametrize("lang,text,kind,value,currency", [
    ("fr", "la BCE a abaissé son taux de dépôt à -0,5% le mois dernier", "percent", "-0.5", None),  # a level, signed
    ("fr", "tandis que celui d'Ipsen cédait 2,1%", "percent", "-2.1", None),
    ("en", "Sainsbury's shares closed 0.9 percent lower", "percent", "-0.9", None),  # the direction comes after
    ("en", "a margin of 6.5-7 percent", "percent", "7", None),  # a range, not a minus sign
    ("en", "the shares ended at 271 pence", "money", "2.71", "GBP"),  # a subunit of a currency
])
def test_figures_signs_after_words_and_subunits(lang, text, kind, value, currency):
    fig = finder(lang).find(text)[-1]
    assert (fig.kind, fig.value, fig.currency) == (kind, value, currency)


def test_figures_levels_and_compound_units():
    fig = finder("en").find("inflation fell back to its 2 percent target")[-1]
    assert (fig.value, fig.direction) == ("2", None)  # a level after a determiner, not a fall
    fig = finder("en").find("markets price in about 75 basis points of cuts")[-1]
    assert (fig.kind, fig.value, fig.unit, fig.mod) == ("quantity", "75", "basis points", "APPROX")


@pytest.mark.parametrize("lang,text,value,unit", [
    ("en", "Zalando had 49 million active customers at the end of June", "49000000", "active customers"),
    ("en", "it will retire more than 120 older jets", "120", "older jets"),
    ("en", "it closed 536 cinemas in 2022", "536", "cinemas"),  # a plural unit takes no second word
    ("fr", "le groupe compte plus de 1 000 points de vente en France", "1000", "points de vente"),
])
def test_figures_units_of_several_words(lang, text, value, unit):
    fig = one(lang, text)
    assert (fig.value, fig.unit) == (value, unit)


@pytest.mark.parametrize("text,value", [
    ("the retailer reported a 17 percent fall in operating profit", "-17"),
    ("following a 40 percent slide in its share price", "-40"),
    ("a 5 percent rise in sales", "5"),
    ("the central bank cut its cash rate to 4.1 percent on Tuesday", "4.1"),  # the level it was cut to
])
def test_figures_direction_noun_after_and_level_after_to(text, value):
    assert one("en", text).value == value


def test_figures_approximate_count_without_unit():
    fig = one("fr", "Intersport compte en rénover une cinquantaine d'ici à l'été.")
    assert (fig.kind, fig.value, fig.unit, fig.mod) == ("quantity", "50", None, "APPROX")
