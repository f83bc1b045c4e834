"""Boilerplate lines go; sentences that merely mention the same words stay."""
from __future__ import annotations

import pytest

from chronique.lang import languages, load_table
from chronique.repair import RepairStep
from chronique.repair.boilerplate import BoilerplateRules, boilerplate_changes
from chronique.repair.edits import Rewriter


@pytest.fixture(scope="module")
def rules() -> BoilerplateRules:
    return BoilerplateRules.from_tables([load_table(lang, "repair") for lang in languages()])


def clean(text: str, rules: BoilerplateRules) -> Rewriter:
    rw = Rewriter(text)
    rw.apply("boilerplate", boilerplate_changes(text, rules))
    return rw


@pytest.mark.parametrize(
    "line",
    [
        "Publicité",
        "PUBLICITÉ",
        "Lire aussi : Xiaomi lance sa voiture",
        "À lire aussi : la Bourse de Hong Kong",
        "Partager sur Facebook",
        "Suivez-nous sur Twitter",
        "Abonnez-vous à notre newsletter",
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "Crédit photo : AFP",
        "Advertisement",
        "Read more: Xiaomi's car plans",
        "Sign up for our daily newsletter",
        "Share this article",
        "We use cookies to give you the best experience.",
        "Photo: Reuters/John Smith",
    ],
)
def test_boilerplate_prompt_lines_removed(line, rules):
    text = f"Premier paragraphe.\n\n{line}\n\nSecond paragraphe."
    rw = clean(text, rules)
    assert rw.text == "Premier paragraphe.\n\nSecond paragraphe."
    (e,) = rw.edits()
    assert e.kind == "boilerplate" and line[:20] in e.reason


@pytest.mark.parametrize(
    "line",
    [
        "La publicité en ligne a reculé de 5 % en 2023, selon l'IREP.",
        "Publicité : le marché recule de 5 % au premier trimestre, selon le syndicat des régies.",
        "Il faut lire aussi le rapport de la Cour des comptes.",
        "The advertisement ran for three weeks before it was withdrawn.",
        "Read more about the plan in the company's annual report, it said.",
        "Les actionnaires ont voulu partager les bénéfices.",
        "He said the site uses cookies sparingly but never sells the data to anyone, which regulators doubted.",
    ],
)
def test_boilerplate_real_sentences_kept(line, rules):
    text = f"Premier paragraphe.\n\n{line}\n\nSecond paragraphe."
    assert clean(text, rules).edits() == ()


def test_boilerplate_trailing_block_takes_its_break(rules):
    text = "Corps.\n\nPublicité\n\nPartager\n\n© AFP"
    rw = clean(text, rules)
    assert rw.text == "Corps."
    assert len(rw.edits()) == 1


def test_boilerplate_leading_line_removed(rules):
    rw = clean("Advertisement\nThe body.", rules)
    assert rw.text == "The body."


def test_boilerplate_step_uses_every_pack():
    rw = RepairStep().rewrite("Texte.\n\nAdvertisement\n\nPublicité\n\nFin.")
    assert rw.text == "Texte.\n\nFin."
