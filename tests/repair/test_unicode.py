"""Encoding and whitespace repair: fixes logged per character, clean text untouched."""
from __future__ import annotations

from chronique.repair import RepairStep
from chronique.repair.edits import Rewriter, apply_edits
from chronique.repair.unicode import char_changes, encoding_changes, layout_changes


def run(raw: str) -> Rewriter:
    rw = Rewriter(raw)
    rw.apply("encoding", encoding_changes(rw.text))
    rw.apply("whitespace", char_changes(rw.text))
    rw.apply("whitespace", layout_changes(rw.text))
    assert apply_edits(raw, rw.edits()) == rw.text
    return rw


def test_unicode_mojibake_fixed_with_char_level_edits():
    rw = run("Le contrÃ´le a Ã©tÃ© fait.\n\nRien Ã  signaler.")
    assert rw.text == "Le contrôle a été fait.\n\nRien à signaler."
    reasons = [e.reason for e in rw.edits()]
    assert any("'Ã©' → 'é'" in r for r in reasons)
    assert all(e.kind == "encoding" for e in rw.edits())
    # each edit is small: a character, not the paragraph
    assert max(e.raw_end - e.raw_start for e in rw.edits()) <= 3


def test_unicode_cp1252_read_as_latin1_fixed():
    rw = run("l\x92homme \x96 celui d\x92hier\x85")
    assert rw.text == "l’homme – celui d’hier…"


def test_unicode_clean_text_untouched():
    text = "L’été 2024 à Séoul : « déjà » 5,4 % — Ça coûte 10 €.\n\nSecond paragraphe, œuvre."
    rw = run(text)
    assert rw.text == text
    assert rw.edits() == ()


def test_unicode_nfc_and_invisible_characters():
    rw = run("Cafe\u0301 au lait\u200b et pre\u00admier\ufeff.")
    assert rw.text == "Café au lait et premier."
    assert {e.kind for e in rw.edits()} == {"whitespace"}
    assert any("NFC" in e.reason for e in rw.edits())


def test_unicode_line_endings_and_spaces():
    rw = run("  Un\u00a0mot  de   trop.  \r\nLigne deux.\r\n\r\n\r\n\r\nFin.\t\n")
    assert rw.text == "Un mot de trop.\nLigne deux.\n\nFin."


def test_unicode_single_spaces_and_breaks_untouched():
    text = "Un mot.\nLigne deux.\n\nFin."
    assert run(text).edits() == ()


def test_unicode_step_keeps_zero_width_joiner():
    # ZWJ shapes emoji sequences: removing it would change the text's meaning
    text = "Famille 👨\u200d👩\u200d👧 ici."
    assert RepairStep().rewrite(text).text == text
