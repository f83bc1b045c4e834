"""Claims the parser's slips would lose: pronouns called expletive, verb forms tagged as nouns, paragraph
breaks, names that hold a cue word, dates that belong to the speaking rather than to the event."""
from __future__ import annotations

from facts_helpers import claims, facts


def test_parse_repairs_pronoun_tagged_expletive_is_a_subject(fact_step):
    text = "Vektor a livré 40 bus l'an dernier. Il ne lancera pas de nouveau modèle avant 2027, a indiqué son patron."
    found = claims(facts(fact_step, text, "fr", "2025-03-04"))
    assert ("vektor", "lancer", "2027", "plan") in found
    text = "Vektor a livré 40 bus l'an dernier. Il faut dire que la demande a baissé."
    assert [c for c in claims(facts(fact_step, text, "fr", "2025-03-04")) if c[1] == "falloir"] == []


def test_parse_repairs_paragraph_break_does_not_take_the_clause(fact_step):
    text = ("Vektor a signé mardi une commande.\n\n"
            "Le constructeur, qui a livré 76 bus l'an dernier, soit 2% de moins qu'en 2023, vise une production stable.")
    found = claims(facts(fact_step, text, "fr", "2025-03-04"))
    assert ("vektor", "livrer", "2024", "fact") in found


def test_parse_repairs_listed_plan_form_tagged_as_noun(fact_step):
    text = ("Vektor a vu ses ventes progresser. Corvel, son principal concurrent, a racheté l'an dernier une partie "
            "des ateliers Baudin et compte en rénover une dizaine d'ici à l'été.")
    found = claims(facts(fact_step, text, "fr", "2025-03-04"))
    assert ("corvel", "rénover", "2025-SU", "plan") in found and ("corvel", "racheter", "2024", "fact") in found


def test_parse_repairs_plan_target_is_not_a_past_comparison(fact_step):
    text = ("Vektor veut réaliser un tiers de ses ventes en ligne d'ici à 2028, contre 18% l'an dernier.")
    found = claims(facts(fact_step, text, "fr", "2025-03-04"))
    assert [c[2] for c in found if c[1] == "réaliser"] == ["2028"]


def test_parse_repairs_denial_day_is_not_the_denied_event(fact_step):
    doc = facts(fact_step, "Vektor a démenti lundi avoir mandaté une banque d'affaires.", "fr", "2025-03-06")
    assert [(c.modality, c.target) for c in doc.claims] == [("denied", None)]


def test_parse_repairs_name_holding_a_cue_word_is_not_a_cue(fact_step):
    text = "Will Shu, a former banker, founded the delivery group Deliveroo in 2013."
    found = claims(facts(fact_step, text, "en", "2016-04-13"))
    assert ("will shu", "found", "2013", "fact") in found


def test_parse_repairs_name_opening_the_sentence_as_root(fact_step):
    text = ("Roche raised its forecast on Thursday.\n\nNovartis, its crosstown rival, reported last week that net "
            "profit rose 14 percent in the second quarter.")
    doc = facts(fact_step, text, "en", "2018-07-26")
    rose = [c for c in doc.claims if c.predicate == "rise"]
    assert [(c.subject["key"], c.target["value"]) for c in rose] == [("novartis", "2018-Q2")]
    assert rose[0].source and rose[0].source["key"] == "novartis"


def test_parse_repairs_analysts_employer_is_no_anaphor_antecedent(fact_step):
    text = ("The Bank of Canada raised its key rate on Wednesday. Economists at Royal Bank of Canada expect "
            "the central bank to hold rates steady until the end of the year.")
    found = claims(facts(fact_step, text, "en", "2023-07-12"))
    assert [c[0] for c in found if c[1] == "hold"] == ["bank of canada"]


def test_parse_repairs_owner_of_a_measure_and_possessed_phrase(fact_step):
    text = ("Au Niger, où Vektor exploite des mines depuis 1971, la production de la Somaïr a reculé de 8% l'an dernier. "
            "Vektor ouvrira une usine. Le site de sa future usine américaine sera choisi d'ici à l'été.")
    found = claims(facts(fact_step, text, "fr", "2023-03-09"))
    assert ("somaïr", "reculer", "2022", "fact") in found
    assert [c[0] for c in found if c[1] == "choisir"] == ["vektor"]


def test_parse_repairs_name_opening_a_sentence_before_a_possessed_description(fact_step):
    text = "Vektor a livré 40 bus. EDF, son principal client, a signé en décembre un contrat de long terme."
    found = claims(facts(fact_step, text, "fr", "2023-03-09"))
    assert ("edf", "signer", "2022-12", "fact") in found


def test_parse_repairs_shares_in_cue_and_possessive_description(fact_step):
    text = ("Shares in Zolvana jumped 11 percent on Thursday even though Europe's largest online furniture retailer "
            "cut its revenue forecast for the year.")
    found = claims(facts(fact_step, text, "en", "2022-08-04"))
    assert ("zolvana", "cut", "2022", "fact") in found


def test_parse_repairs_adverbial_between_auxiliary_and_participle(fact_step):
    text = "La Banque Postale a de son côté démenti mercredi étudier un rapprochement avec BPCE."
    doc = facts(fact_step, text, "fr", "2021-02-11")
    assert [(c.subject["key"], c.predicate, c.modality, (c.source or {}).get("key")) for c in doc.claims] == \
        [("banque postale", "étudier", "denied", "banque postale")]


def test_parse_repairs_relative_owner_and_announced_plan_date(fact_step):
    text = ("EDF a publié ses comptes. L'électricien public, dont la dette atteint 54 milliards d'euros, n'a pas "
            "souhaité faire de commentaire.")
    assert ("edf", "atteindre", None, "fact") in claims(facts(fact_step, text, "fr", "2022-02-18"))
    text = ("Proximus a dévoilé jeudi un plan d'investissement de 3 milliards d'euros, destiné à raccorder "
            "4 millions de foyers à la fibre d'ici à 2028.")
    found = claims(facts(fact_step, text, "fr", "2021-02-26"))
    assert [c[2] for c in found if c[0] == "proximus"][:1] == ["2021-02-25"]


def test_parse_repairs_relative_clause_taken_for_the_subject(fact_step):
    text = ("Bouygues Telecom a signé un accord. L'opérateur, qui compte 15,7 millions de clients mobiles, a vu son "
            "chiffre d'affaires progresser de 3,1% au troisième trimestre, à 1,9 milliard d'euros, et prévoit de raccorder "
            "2 millions de foyers supplémentaires à la fibre d'ici la fin de 2026.")
    found = claims(facts(fact_step, text, "fr", "2024-11-13"))
    assert ("bouygues telecom", "raccorder", "2026", "plan") in found
    assert any(c[0] == "bouygues telecom" and c[2] == "2024-Q3" for c in found)


def test_parse_repairs_name_inside_a_relative_clause_is_not_the_subject(fact_step):
    text = ("KPN plans to connect homes. The former state monopoly, in which America Movil held a stake until 2019, "
            "said it would raise its dividend by 3 percent for 2021.")
    found = claims(facts(fact_step, text, "en", "2021-02-10"))
    assert ("kpn", "raise", "2021", "plan") in found and ("america movil", "hold", "2019", "fact") in found


def test_parse_repairs_counting_verb_is_no_plan(fact_step):
    text = "Picard a signé un accord. Picard, qui compte 1 000 magasins en France, vise 2 milliards d'euros de ventes en 2026."
    found = claims(facts(fact_step, text, "fr", "2024-11-13"))
    assert [c[3] for c in found if c[1].startswith("compt")] == ["fact"]


def test_parse_repairs_company_place_is_the_company_not_the_town(fact_step):
    text = ("Le groupe Danone a publié ses résultats. L'usine de Carros, près de Nice, sera agrandie d'ici la fin de 2022, "
            "tandis que le site de Bogota sera fermé au second semestre.")
    found = claims(facts(fact_step, text, "fr", "2021-03-10"))
    assert ("danone", "agrandir", "2022", "plan") in found
    assert [c[0] for c in found if c[1] == "fermer"] == ["danone"]


def test_parse_repairs_coordinated_plan_form_tagged_as_noun(fact_step):
    text = ("Le groupe Danone a signé. Le groupe a livré 57 camions l'an dernier, en hausse de 8%, et table sur une "
            "soixantaine de livraisons cette année, malgré le ralentissement du marché.")
    found = claims(facts(fact_step, text, "fr", "2019-06-20"))
    assert ("danone", "livrer", "2018", "fact") in found
    assert [(c[0], c[2], c[3]) for c in found if c[1] != "livrer" and c[1] != "signer"] == [("danone", "2019", "plan")]


def test_parse_repairs_period_modifier_is_a_target_only_without_a_day(fact_step):
    found = claims(facts(fact_step, "HSBC reported a profit. The bank will publish its first-quarter results on "
                                    "April 23.", "en", "2021-02-18"))
    assert ("hsbc", "publish", "2021-04-23", "plan") in found
    found = claims(facts(fact_step, "HSBC reported a 2.4 percent drop in fourth-quarter revenue.", "en", "2021-02-10"))
    assert [c[2] for c in found] == ["2020-Q4"]


def test_parse_repairs_open_question_and_warning(fact_step):
    text = "Thames Water needs money. Whether Omers will put in more money is now the central question."
    assert claims(facts(fact_step, text, "en", "2024-07-11"))[1:] == []
    text = "H&M reported a fall in profit and warned that its sales in February would decline."
    found = claims(facts(fact_step, text, "en", "2024-01-31"))
    assert [c[1] for c in found] == ["report", "decline"] and found[1][3] == "plan"


def test_parse_repairs_person_denying_a_deal_denies_the_company_s(fact_step):
    text = ("Fnac Darty a publié ses ventes. Son directeur général, Enrique Martinez, a démenti tout projet de "
            "rapprochement avec Boulanger.")
    doc = facts(fact_step, text, "fr", "2018-02-22")
    denied = [c for c in doc.claims if c.modality == "denied"]
    assert [(c.subject["key"], (c.source or {}).get("key")) for c in denied] == [("fnac darty", "enrique martinez")]


def test_parse_repairs_english_base_form_keeps_its_lemma(fact_step):
    found = claims(facts(fact_step, "Amgen plans to bring a biosimilar to market next year.", "en", "2018-07-26"))
    assert [c[1] for c in found] == ["bring"]


def test_parse_repairs_hyphenated_verb_prefix_is_no_claim(fact_step):
    text = "Sachin Bansal, who co-founded Flipkart in 2007 with Binny Bansal, will sell his entire stake."
    found = claims(facts(fact_step, text, "en", "2018-05-09"))
    assert [c[1] for c in found] == ["found", "sell"] and found[0][:3] == ("sachin bansal", "found", "2007")


def test_parse_repairs_company_worksite_share_and_told_date(fact_step):
    text = ("Le groupe Danone va construire une usine à Belfort. Le chantier, lancé il y a trois mois avec le soutien "
            "de l'État, avance. L'action a bondi de 9,5% à la clôture.")
    found = claims(facts(fact_step, text, "fr", "2023-04-13"))
    assert ("danone", "lancer", "2023-01", "fact") in found and ("danone", "bondir", None, "fact") in found
    text = ("L'Assurance maladie a par ailleurs confirmé mardi que le carnet de santé serait généralisé à tous les "
            "assurés d'ici à la fin mars.")
    doc = facts(fact_step, text, "fr", "2022-02-15")
    assert [(c.subject["key"], c.target["value"]) for c in doc.claims] == [("assurance maladie", "2022-03")]
    assert [t.value for t in doc.timexes if t.text == "la fin mars"] == ["2022-03"]  # not moved by "a confirmé"


def test_parse_repairs_report_with_its_subject_before_is_an_event(fact_step):
    text = ("Virgin Media O2 cut prices. Liberty Global, the cable group controlled by the American billionaire "
            "John Malone, will report third-quarter results on October 28.")
    assert ("liberty global", "report", "2021-10-28", "plan") in claims(facts(fact_step, text, "en", "2021-10-07"))


def test_parse_repairs_inverted_speaker_is_no_announced_event_and_asking_is_an_act(fact_step):
    text = ("Neoen va lever environ 750 millions d'euros pour financer sa croissance, a annoncé jeudi le groupe.")
    found = claims(facts(fact_step, text, "fr", "2021-09-16"))
    assert [c[1] for c in found] == ["lever"]
    text = "Gien a perdu son usine. Le maire de Gien, Francis Cammal, a demandé jeudi un rendez-vous au ministre."
    assert ("francis cammal", "demander", "2022-10-06", "fact") in claims(facts(fact_step, text, "fr", "2022-10-07"))
