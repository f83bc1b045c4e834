"""Who speaks for a claim when the parse hides it: inverted speakers, a role before the name, coordinated clauses."""
from __future__ import annotations

from facts_helpers import facts, sources


def test_speakers_inverted_object_over_the_opening_name(fact_step):
    text = ("Alstom, le spécialiste français des trains, va investir 1,7 milliard d'euros dans son usine de "
            "Lyon, a annoncé jeudi son directeur général, Paul Marchetti, en présentant les résultats du groupe.")
    assert sources(fact_step, text, "fr", "2023-03-09")["investir"] == "paul marchetti"


def test_speakers_role_followed_by_the_name(fact_step):
    text = ("ING said profits fell. The bank intends to close 20 branches by the end of next year, chief financial officer Tanvir Okafor "
            "told reporters.")
    assert sources(fact_step, text, "en", "2019-11-06")["close"] == "tanvir okafor"


def test_speakers_coordinated_clause_shares_the_speaker(fact_step):
    text = ("Marco Ferri, who has run the group since 2014, told investors in November that Vektor would close all "
            "of its coal plants by 2025 and spend 28.7 billion euros on its networks by 2027.")
    found = sources(fact_step, text, "en", "2019-12-02")
    assert found["close"] == found["spend"] == "marco ferri"


def test_speakers_infinitive_hung_on_the_object_is_said_too(fact_step):
    text = ("Takeda reported profit. Chief executive Christophe Weber, who has run the Osaka-based group since 2014, "
            "said Takeda would launch six new medicines by March 2025 and still expected revenue to return to growth "
            "within three years.")
    doc = facts(fact_step, text, "en", "2023-05-11")
    ret = [c for c in doc.claims if c.predicate == "return"]
    assert [(c.subject["key"], c.modality, (c.source or {}).get("key")) for c in ret] == \
        [("takeda", "plan", "christophe weber")]


def test_speakers_pronoun_is_the_person_named_last(fact_step):
    text = ("Daniel Ervér took over with immediate effect. He said H&M would not raise prices this year.")
    assert sources(fact_step, text, "en", "2024-01-31")["raise"] == "daniel ervér"
    text = ("Thomas Reynaud dirige Iliad depuis 2018. « Nous investirons 3 milliards d'euros d'ici à 2026 », "
            "a-t-il ajouté.")
    assert sources(fact_step, text, "fr", "2023-03-14")["investir"] == "thomas reynaud"


def test_speakers_medium_named_after_the_speaking_verb(fact_step):
    text = "Deliveroo grew fast. It plans to expand to another 20 cities by the end of the year, Shu told the BBC."
    assert sources(fact_step, text, "en", "2016-04-13", "via")["expand"] == "BBC"
    text = ("The Bank of Japan kept rates. Kuroda told a news conference in Tokyo that the bank would publish a "
            "fresh assessment at the end of April.")
    assert sources(fact_step, text, "en", "2016-03-15", "via")["publish"] == "news conference"
    text = ("Le Paris Saint-Germain souhaite acheter le Parc des Princes, a indiqué mercredi son président, Nasser "
            "Al-Khelaïfi, dans un entretien au journal L'Équipe.")
    assert sources(fact_step, text, "fr", "2021-11-25", "via")["acheter"] == "L'Équipe"


def test_speakers_management_speaks_as_itself_for_its_company(fact_step):
    text = ("Boiron a publié ses comptes. Selon des sources syndicales, la direction envisagerait de fermer le site "
            "de Montrichard d'ici à 2025.")
    doc = facts(fact_step, text, "fr", "2024-03-12")
    close = [c for c in doc.claims if c.predicate == "fermer"]
    assert [(c.subject["key"], c.modality) for c in close] == [("boiron", "rumour")]
    text = "Boiron a publié ses comptes. La direction a confirmé qu'elle fermerait le site de Montrichard en 2025."
    assert sources(fact_step, text, "fr", "2024-03-12", "who")["fermer"] == "direction"
