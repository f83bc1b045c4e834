"""Subjects and attestations the claim rules infer: own figures, unnamed names, aliases, statements on statements."""
from __future__ import annotations

from chronique.lang import load_table
from chronique.extract.entities import Keyer

from facts_helpers import claims, facts


def test_claims_subjects_aliases_join_languages():
    fr, en = (Keyer(load_table(lang, "facts")["entities"]) for lang in ("fr", "en"))
    assert fr("la BCE") == fr("Banque centrale européenne") == en("the European Central Bank") == en("ECB") == "ecb"
    assert fr("la Fed") == en("U.S. Federal Reserve") == "federal reserve"
    assert fr("Xiaomi Corp.") == "xiaomi"  # names without an alias keep their own key


def test_claims_subjects_imperfect_is_not_a_rumour(fact_step):
    doc = facts(fact_step, "Dana Air exploitait l'appareil. Il transportait 147 passagers le 3 juin 2012.", "fr", "2012-06-05")
    assert ("dana air", "transporter", "2012-06-03", "fact") in claims(doc)
    doc = facts(fact_step, "Dana Air transporterait 147 passagers selon des témoins.", "fr", "2012-06-05")
    assert [c.modality for c in doc.claims] == ["rumour"]


def test_claims_subjects_bare_share_noun_is_the_subject_company(fact_step):
    text = ("TotalEnergies a annoncé mardi un investissement de 1,5 milliard d'euros. "
            "Le titre a reculé de 1,3 % mardi à la Bourse de Paris.")
    found = claims(facts(fact_step, text, "fr", "2022-11-09"))
    assert ("totalenergies", "reculer", "2022-11-08", "fact") in found


def test_claims_subjects_speaker_view_of_a_stranger_is_no_claim(fact_step):
    text = "Le syndicat SUD estime que ce collègue avait des difficultés depuis 2010."
    assert not [c for c in facts(fact_step, text, "fr", "2012-05-29").claims if c.subject["key"] == "sud"]


def test_claims_subjects_plan_verb_lends_its_subject(fact_step):
    text = "Siemens Energy expects the unit to break even in 2026, chief executive Christian Bruch told analysts."
    doc = facts(fact_step, text, "en", "2023-03-14")
    assert ("siemens energy", "break", "2026", "plan") in claims(doc)
    assert doc.claims[0].source["who"] == "Christian Bruch"


def test_claims_subjects_name_after_a_kind_noun(fact_step):
    doc = facts(fact_step, "Le groupe Renault veut atteindre ce seuil d'ici 2026.", "fr", "2024-05-15")
    assert claims(doc) == [("renault", "atteindre", "2026", "plan")]  # not "ici", which TimeML tags as today


def test_claims_subjects_denied_information_attests_the_claim_before(fact_step):
    text = ("Selon des sources proches du dossier, TotalEnergies aurait approché l'allemand RWE en vue d'un rachat, "
            "une information que le groupe a démentie.")
    doc = facts(fact_step, text, "fr", "2022-11-08")
    assert [c.modality for c in doc.claims] == ["rumour"]
    assert doc.claims[0].attested[0]["modality"] == "denied" and doc.claims[0].attested[0]["key"] == "totalenergies"


def test_claims_subjects_relative_clause_and_dated_participle(fact_step):
    text = ("Sigfox, qui a perdu 18 millions d'euros l'an dernier, prépare son introduction en Bourse. "
            "Chelsea, sold in May 2022, is not for sale.")
    found = claims(facts(fact_step, text.split(". ")[0] + ".", "fr", "2015-11-19"))
    assert ("sigfox", "perdre", "2014", "fact") in found
    found = claims(facts(fact_step, "Chelsea, sold in May 2022, will build a new stadium.", "en", "2023-03-01"))
    assert ("chelsea", "sell", "2022-05", "fact") in found


def test_claims_subjects_coordinated_clause_keeps_its_own_date(fact_step):
    text = "BP would keep its dividend unchanged and buy back $1.75 billion of shares in the fourth quarter."
    found = claims(facts(fact_step, text, "en", "2024-10-31"))
    assert ("bp", "keep", None, "plan") in found and ("bp", "buy", "2024-Q4", "plan") in found


def test_claims_subjects_deadline_span_targets_its_end(fact_step):
    doc = facts(fact_step, "Novo Nordisk would eliminate about 2,000 jobs within two years.", "en", "2025-05-15")
    assert [(c.target["value"], c.target["mod"]) for c in doc.claims] == [("2027", "BEFORE")]


def test_claims_subjects_first_person_plural_quote(fact_step):
    lede = "Ipsen a annoncé mardi le rachat de Genfit. "
    text = lede + "« Nous lancerons deux traitements d'ici 2028 », a déclaré David Loew, directeur général d'Ipsen."
    assert ("ipsen", "lancer", "2028", "plan") in claims(facts(fact_step, text, "fr", "2025-02-06"))
    text = lede + "« Nous sommes ravis », a déclaré David Loew, directeur général d'Ipsen."
    assert [c for c in claims(facts(fact_step, text, "fr", "2025-02-06")) if c[1] == "être"] == []  # a feeling


def test_claims_subjects_recall_is_an_event_but_reminding_reports(fact_step):
    found = claims(facts(fact_step, "Renault a rappelé 10 000 véhicules en mars.", "fr", "2023-04-02"))
    assert ("renault", "rappeler", "2023-03", "fact") in found
    text = "TotalEnergies veut porter ses capacités à 35 gigawatts d'ici à 2030, a rappelé son PDG, Patrick Pouyanné."
    found = claims(facts(fact_step, text, "fr", "2024-06-13"))
    assert ("totalenergies", "porter", "2030", "plan") in found and not [c for c in found if c[1] == "rappeler"]
