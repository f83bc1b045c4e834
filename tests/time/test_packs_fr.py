"""French pack: what must NOT be tagged, and extents the rule examples cannot express."""
from __future__ import annotations

import pytest

from chronique.time import tag

DCT = "2003-02-15"


@pytest.mark.parametrize("text", [
    "Il a créé un précédent dangereux.",              # the noun, not the adjective
    "un homme d'une quarantaine d'années",            # an age
    "les enfants de 6 à 12 ans",                      # an age range
    "Le Printemps de Bourges",                        # a festival
    "une fête de fin d'année",                        # an adjectival phrase
    "L'accord du Vendredi saint",                     # a name
    "Le centre est loin d'ici.",                      # a place
    "selon l'hebdomadaire Marianne",                  # a periodical
    "Cette soirée sera animée par un orchestre.",     # the event, not the evening
    "la prochaine fois",                              # no time meant
    "deux et trois",                                  # not a number word sum
])
def test_packs_fr_no_timex(text):
    assert [t.text for t in tag(text, DCT, "fr")] == []


def test_packs_fr_midi_inside_apres_midi():
    assert [t.text for t in tag("dans l'après-midi", DCT, "fr")] == ["l'après-midi"]


def test_packs_fr_range_borrows_unit():
    got = [(t.text, t.type, t.value) for t in tag("des peines de 8 à 24 mois", DCT, "fr")]
    assert got == [("8", "DURATION", "P8M"), ("24 mois", "DURATION", "P24M")]


def test_packs_fr_uppercase_a_is_no_past_cue():
    # "A Nancy" is "À Nancy": no past tense, so the nearest Saturday stays in the future
    got = tag("A Nancy, samedi, la fête du village.", "2003-02-12", "fr")
    assert [(t.text, t.value) for t in got] == [("samedi", "2003-02-15")]


@pytest.mark.parametrize("text,value", [
    ("L'accident s'est produit samedi.", "2003-02-08"),   # pronominal passé composé: past
    ("Le blessé est décédé dimanche.", "2003-02-09"),     # a verb of state with "être": past
    ("Le rendez-vous est fixé samedi.", "2003-02-15"),    # a passive present: the next one
])
def test_packs_fr_etre_past_cues(text, value):
    assert [t.value for t in tag(text, "2003-02-12", "fr")] == [value]
