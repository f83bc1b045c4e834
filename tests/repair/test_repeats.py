"""Repeated passages: long copies go (glued or not), legitimate recurrences stay."""
from __future__ import annotations

from chronique.repair import RepairStep
from chronique.repair.edits import Rewriter, apply_edits
from chronique.repair.repeats import find_copies, normalize, repeat_changes

P1 = (
    "Le conseil municipal a voté mardi un budget de 12 millions d'euros pour rénover la piscine. "
    "Les travaux commenceront au printemps et dureront dix-huit mois selon le maire."
)
P2 = (
    "L'opposition a dénoncé un projet trop coûteux. Elle propose de reporter la décision "
    "après les élections et demande un audit indépendant des comptes de la ville."
)
P3 = "Le chantier sera confié à une entreprise locale, a précisé l'adjoint aux sports."


def repair(text: str) -> Rewriter:
    rw = Rewriter(text)
    rw.apply("repeat", repeat_changes(text))
    assert apply_edits(text, rw.edits()) == rw.text
    return rw


def test_repeats_normalize_maps_back_to_offsets():
    norm, idx = normalize("Ab, c.D!")
    assert norm == "abcd"
    assert idx == [0, 1, 4, 6]


def test_repeats_whole_body_pasted_again_removed():
    body = f"{P1}\n\n{P2}\n\n{P3}"
    rw = repair(f"{body}\n\n{P1}\n\n{P2}\n\n{P3}")
    assert rw.text == body
    (e,) = rw.edits()
    assert e.kind == "repeat" and e.replacement == "" and "repeated passage" in e.reason


def test_repeats_glued_copy_without_sentence_spaces_removed():
    glued = (P1 + P2).replace(". ", ".")
    rw = repair(f"{P1}\n\n{P2}\n\n{P3}\n\n{glued}")
    assert rw.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_repeats_copy_in_the_middle_keeps_paragraph_breaks():
    rw = repair(f"{P1}\n\n{P2}\n\n{P1} {P2}\n\n{P3}")
    assert rw.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_repeats_copy_glued_to_next_paragraph_leaves_it_whole():
    rw = repair(f"{P1}\n\n{P2}\n\n{P1} {P2}{P3}")
    assert rw.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_repeats_copy_below_the_length_threshold_kept():
    # two sentences, but fewer than 150 letters and digits: a recap, not a pasted body
    assert len(normalize(P1)[0]) < 150
    text = f"{P1}\n\n{P3}\n\n{P1}"
    assert repair(text).edits() == ()


def test_repeats_one_sentence_repeat_kept():
    quote = "« Nous ne laisserons pas la ville s'endetter pour une piscine », a déclaré le maire ce mardi."
    text = f"{quote}\n\n{P1}\n\n{quote}\n\n{P3}"
    assert repair(text).edits() == ()


def test_repeats_short_passages_and_names_kept():
    text = (
        "Xiaomi Corporation annonce un bénéfice. Xiaomi Corporation annonce une voiture. "
        "Selon Reuters, les ventes montent. Selon Reuters, les ventes montent.\n\n"
        "Xiaomi Corporation annonce un bénéfice."
    )
    assert repair(text).edits() == ()


def test_repeats_periodic_text_is_not_a_copy_of_itself():
    text = "Ha ha ha. " * 40
    copies = find_copies(text.strip())
    # a run of one short sentence repeated is removed only as whole sentences after the first
    for c in copies:
        assert c.src_end <= c.start


def test_repeats_step_cuts_the_glue_between_copy_and_text():
    raw = f"{P1}\n\n{P2}\n\n{P3}\n\n{P1}{P2}"
    assert RepairStep().rewrite(raw).text == f"{P1}\n\n{P2}\n\n{P3}"
