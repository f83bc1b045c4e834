"""Glued sentence boundaries get their space back; dotted names, numbers and initials stay."""
from __future__ import annotations

import pytest

from chronique.lang import languages, load_table
from chronique.repair.edits import Rewriter
from chronique.repair.glue import GlueRules, glue_changes


@pytest.fixture(scope="module")
def rules() -> GlueRules:
    return GlueRules.from_tables([load_table(lang, "repair") for lang in languages()])


def glue(text: str, rules: GlueRules) -> str:
    rw = Rewriter(text)
    rw.apply("glue", glue_changes(text, rules))
    assert all(e.kind == "glue" and e.replacement == " " for e in rw.edits())
    return rw.text


@pytest.mark.parametrize(
    "text, fixed",
    [
        ("son compte Weibo contrôlé.Il y a environ", "son compte Weibo contrôlé. Il y a environ"),
        ("un constructeur existant.Immédiatement après", "un constructeur existant. Immédiatement après"),
        ("à partir de 2023'.A l'entendre", "à partir de 2023'. A l'entendre"),
        ("retrouvé à son domicile.C'est le syndicat", "retrouvé à son domicile. C'est le syndicat"),
        ("victime d'un AVC.Commentateur mythique", "victime d'un AVC. Commentateur mythique"),
        ("a été de 51 %.À la suite", "a été de 51 %. À la suite"),
        ("prévu en 2024.Le constructeur", "prévu en 2024. Le constructeur"),
        ("le trophée tant convoité.« Je crois", "le trophée tant convoité. « Je crois"),
        ("mourir tranquille !Enfin, le plus tard", "mourir tranquille ! Enfin, le plus tard"),
        ('It said "netting may reduce risk."Furthermore, it', 'It said "netting may reduce risk." Furthermore, it'),
        ('by the Minister for External Relations."Whether we', 'by the Minister for External Relations. "Whether we'),
        ('He said "it works."The firm agreed.', 'He said "it works." The firm agreed.'),
        ("Is it over?Yes, it is.", "Is it over? Yes, it is."),
        ("22 juin 2012.- Cette nuit", "22 juin 2012. - Cette nuit"),
        ("a 1.1 pct fall in December.M-1 measures", "a 1.1 pct fall in December. M-1 measures"),
        ("promu en Ligue 1.Quelques jours", "promu en Ligue 1. Quelques jours"),
        # after initials only a function word proves a new sentence
        ("trade tension with the U.S.At the GATT talks", "trade tension with the U.S. At the GATT talks"),
        ("rated AAA by Standard and Poor's.Kidder Peabody", "rated AAA by Standard and Poor's. Kidder Peabody"),
        ("barrels per day (bpd).Output would fall", "barrels per day (bpd). Output would fall"),
        ("notre République.[...] Les lois", "notre République. [...] Les lois"),
        ("a two-week statement period.Net borrowings", "a two-week statement period. Net borrowings"),
        ("the discovery of oil in 1969.BP had", "the discovery of oil in 1969. BP had"),
        ("des vents à plus de 125 km/h.Ce mardi", "des vents à plus de 125 km/h. Ce mardi"),
        ("Pennzoil fell four to 78-7/8.A Pennzoil attorney", "Pennzoil fell four to 78-7/8. A Pennzoil attorney"),
        ("a unit of <New York Life Insurance Co>.Both companies", "a unit of <New York Life Insurance Co>. Both companies"),
        ("bénéficieront d'Unity 2D.Le système", "bénéficieront d'Unity 2D. Le système"),
        ("la première démographie.11 millions de locuteurs", "la première démographie. 11 millions de locuteurs"),
        ("« retrouver le chemin de la sérénité ».M. Baupin", "« retrouver le chemin de la sérénité ». M. Baupin"),
        ("véritables œuvres d'art.Ils sont", "véritables œuvres d'art. Ils sont"),
        ("at 1530 EST.A conflicting floor vote", "at 1530 EST. A conflicting floor vote"),
        ("has ratified it.U.S. Officials said", "has ratified it. U.S. Officials said"),
        ("in thin trading.10-year yields fell", "in thin trading. 10-year yields fell"),
        ('has grown "as the groups have gotten larger.""A lot of them', 'has grown "as the groups have gotten larger." "A lot of them'),
    ],
)
def test_glue_boundary_gets_a_space(text, fixed, rules):
    assert glue(text, rules) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "une hausse de 5.4 pour cent",
        "à 8.45 ce matin",
        "the U.S. Treasury and the U.S.A. Congress",
        "M. Dupont et Mr.Smith sont venus",
        "see e.g.The Guide and i.e.Paris",
        "J.R.R. Tolkien and J.R.R.Tolkien",
        "posted on x.com and Example.Com, built with Node.js and Vue.JS, see index.html",
        "visit fr.Wikinews.org or www.Site.Fr today",
        "ASP.NET and version 2.A of the plan",
        "call Math.Floor(x) then Console.WriteLine(y)",
        "shares of Microsoft Corp <MSFT.O> and Imperial Oil Ltd <IMO.A> rose",
        "zinc 1.5 pct, lead .99 pct to 1.05",
        "see art.12 and the rate of 3.5",
        "shipment...Greece has a deal",  # an ellipsis is left alone, as written
        "the U.S.And the rest",  # "And" after initials is too weak a sign
        "a book by J.R.R.Tolkien and the U.S.A. Congress",
        "Il attendait... Puis rien… Enfin.",
    ],
)
def test_glue_leaves_names_numbers_and_initials(text, rules):
    assert glue(text, rules) == text
