"""Claims from the parse: subject, target timex, modality, source, figures, keys (timexes built by hand)."""
from __future__ import annotations

from chronique.time import calendar
from chronique.types import Document, Timex


def timex(text: str, phrase: str, value: str, mod: str | None = None, n: int = 1) -> Timex:
    start = text.index(phrase)
    kind = "DURATION" if value.startswith("P") else "DATE"
    return Timex(id=f"t{n}", start=start, end=start + len(phrase), text=phrase, type=kind, value=value, mod=mod,
                 interval=calendar.interval(value))


def run(step, text: str, lang: str, dct: str, *tx: tuple[str, str]) -> Document:
    timexes = tuple(timex(text, p, v, n=i) for i, (p, v) in enumerate(tx, 1))
    return step(Document(id="d", source="t", raw=text, text=text, dct=dct, lang=lang, timexes=timexes))


def only(doc: Document, subject: str):
    found = [c for c in doc.claims if c.subject["key"] == subject]
    assert len(found) == 1, [(c.subject, c.predicate, c.target) for c in doc.claims]
    return found[0]


def test_claims_plan_with_governed_target(fact_step):
    doc = run(fact_step, "Le constructeur Renault prévoit de lancer une citadine électrique en 2025.", "fr",
              "2023-03-14", ("en 2025", "2025"))
    c = only(doc, "renault")
    assert (c.predicate, c.target["value"], c.modality, c.forward) == ("lancer", "2025", "plan", True)
    assert c.key.startswith("renault|launch|2025") and c.about.startswith("launch")


def test_claims_target_is_not_the_report_date(fact_step):
    text = "Le PDG de Tesla, Elon Musk, a annoncé mercredi sur Twitter que Tesla ouvrirait une usine en 2021."
    doc = run(fact_step, text, "fr", "2020-07-30", ("mercredi", "2020-07-29"), ("en 2021", "2021"))
    c = only(doc, "tesla")
    assert c.target["value"] == "2021" and c.modality == "plan"
    assert c.source["who"] == "Elon Musk" and c.source["via"] == "Twitter"


def test_claims_conditional_is_rumour_with_source(fact_step):
    doc = run(fact_step, "Selon Reuters, la compagnie IndiGo aurait commandé 500 appareils supplémentaires.", "fr",
              "2024-01-18")
    c = only(doc, "indigo")
    assert (c.modality, c.source["who"], c.target) == ("rumour", "Reuters", None)
    assert [f["value"] for f in c.figures] == ["500"]


def test_claims_denied_with_pronoun_subject(fact_step):
    doc = run(fact_step, "Microsoft denied that it is looking for a buyer.", "en", "2022-08-04")
    c = only(doc, "microsoft")
    assert (c.modality, c.source["key"]) == ("denied", "microsoft")


def test_claims_confirmed_in_english(fact_step):
    text = "Siemens also confirmed that it will open a new factory in Texas in 2024."
    c = only(run(fact_step, text, "en", "2023-05-10", ("in 2024", "2024")), "siemens")
    assert (c.predicate, c.target["value"], c.modality) == ("open", "2024", "confirmed")


def test_claims_fact_in_the_past_with_anaphor(fact_step):
    text = "Xiaomi a créé une division. Fin août dernier, la firme finalisait encore l'enregistrement de cette division."
    doc = run(fact_step, text, "fr", "2021-10", ("Fin août dernier", "2021-08"))
    c = [c for c in doc.claims if c.target][0]
    assert (c.subject["key"], c.subject["name"], c.target["value"], c.modality) == ("xiaomi", "Xiaomi", "2021-08", "fact")
    assert c.forward is False


def test_claims_questions_and_conditions_are_not_claims(fact_step):
    doc = run(fact_step, "Ford has not said whether it will build a second plant in Kentucky.", "en", "2023-10-03")
    assert doc.claims == ()


def test_claims_speaker_after_the_clause(fact_step):
    text = "Le constructeur Airbus vise 800 livraisons cette année, a déclaré son président exécutif Guillaume Faury."
    c = only(run(fact_step, text, "fr", "2024-01-18", ("cette année", "2024")), "airbus")
    assert (c.target["value"], c.modality, c.source["who"]) == ("2024", "plan", "Guillaume Faury")


def test_claims_step_warns_without_language(fact_step):
    doc = fact_step(Document(id="d", source="t", raw="Texte.", text="Texte.", dct=None, lang=None))
    assert doc.claims == () and any("facts" in w for w in doc.warnings)


def test_claims_spacy_components_by_name():
    import spacy

    nlp = spacy.load("fr_core_news_md")
    for name in ("chronique_entities", "chronique_figures", "chronique_claims"):
        nlp.add_pipe(name)
    doc = nlp("Le constructeur Renault prévoit de lancer une citadine. Renault a supprimé 520 postes.")
    assert {e.key for e in doc._.chronique_entities} == {"renault"}
    assert [f.value for f in doc._.chronique_figures] == ["520"]
    assert [(c.predicate, c.modality) for c in doc._.chronique_claims] == [("lancer", "plan"), ("supprimer", "fact")]


def test_claims_spacy_entities_component_finds_what_the_step_finds(fact_step):
    import spacy

    text = ("L'Assurance maladie a confirmé mardi son plan. Le ministère de l'Économie a démenti. La famille Mulliez "
            "se tait, a dit la direction.")
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("chronique_entities")
    doc = nlp(text)
    step = fact_step(Document(id="d", source="t", raw=text, text=text, dct="2022-02-15", lang="fr"))
    assert [(e.text, e.key, e.label) for e in doc._.chronique_entities] == \
        [(e.text, e.key, e.label) for e in step.entities]
    assert {"assurance maladie", "ministère de l'économie"} <= {e.key for e in step.entities}


def test_claims_reject_is_a_denial_only_of_a_statement(fact_step):
    doc = run(fact_step, "Sanofi a rejeté mercredi les accusations de la justice américaine. Le Parlement européen a rejeté "
              "le traité ACTA en juillet.", "fr", "2022-09-15", ("en juillet", "2022-07"))
    modalities = {c.subject["key"]: c.modality for c in doc.claims}
    assert modalities.get("sanofi") == "denied"
    assert "denied" not in [m for k, m in modalities.items() if k != "sanofi"]


def test_claims_announced_measure_is_the_claim(fact_step):
    text = "Le fabricant de trains Alstom a annoncé la suppression de 1 500 emplois au cours des deux prochaines années."
    c = only(run(fact_step, text, "fr", "2023-02-08", ("deux prochaines années", "P2Y")), "alstom")
    assert (c.predicate, c.target["value"], c.modality, c.source["key"]) == ("suppression", "P2Y", "plan", "alstom")
    assert c.about.startswith("cut_jobs") and [f["value"] for f in c.figures] == ["1500"]


def test_claims_possessive_subject_refers_to_the_company(fact_step):
    text = "Netflix a perdu des abonnés. Son chiffre d'affaires a bondi de 44% au troisième trimestre."
    doc = run(fact_step, text, "fr", "2022-10-19", ("troisième trimestre", "2022-Q3"))
    c = [c for c in doc.claims if c.target][0]
    assert (c.subject["key"], c.target["value"], c.modality) == ("netflix", "2022-Q3", "fact")


def test_claims_round_trip_through_json(fact_step):
    import json

    text = "Selon Reuters, Renault investira 3,5 milliards d'euros d'ici 2026."
    doc = run(fact_step, text, "fr", "2023-03-14", ("d'ici 2026", "2026"))
    assert doc.claims and doc.figures and doc.entities
    back = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert back == doc


def test_claims_source_speaker_and_medium(fact_step):
    text = "Xiaomi produira ses voitures en série, a déclaré son PDG sur Weibo."
    c = only(run(fact_step, text, "fr", "2021-10"), "xiaomi")
    assert (c.source["who"], c.source["via"], c.modality) == ("PDG", "Weibo", "plan")


def test_claims_source_from_selon_and_local_media(fact_step):
    doc = run(fact_step, "D'après des médias locaux, Xiaomi aurait recruté 500 ingénieurs.", "fr", "2021-10")
    c = only(doc, "xiaomi")
    assert (c.source["who"], c.modality) == ("médias locaux", "rumour")
    doc = run(fact_step, "Des informations ont été confirmées par Xiaomi, selon l'agence de presse Reuters.", "fr", "2021-10")
    assert doc.claims == ()  # a sentence about earlier news adds to the lede claim, it is no claim itself


def test_claims_subject_the_ner_missed(fact_step):
    doc = run(fact_step, "Peloton denied that it is looking for a buyer.", "en", "2022-08-04")
    c = only(doc, "peloton")
    assert (c.subject["name"], c.modality) == ("Peloton", "denied")


def test_claims_declining_to_comment_is_no_claim(fact_step):
    text = "Interrogé mardi, le PDG de Danone, Antoine de Saint-Affrique, a refusé de commenter."
    doc = run(fact_step, text, "fr", "2022-06-01", ("mardi", "2022-05-31"))
    assert not [c for c in doc.claims if c.predicate in ("refuser", "commenter")], doc.claims
    doc = run(fact_step, "Nvidia declined to comment on Tuesday.", "en", "2023-05-10", ("on Tuesday", "2023-05-09"))
    assert not doc.claims, doc.claims


def test_claims_plan_verb_the_parse_hung_elsewhere(fact_step):
    # fr_core_news_md parses "compte" here as an adjective of "entreprise": the plan verb is still seen
    text = ("Le fabricant de trains Alstom a annoncé la suppression de 1 500 emplois en Europe.\n\n"
            "L'entreprise compte économiser environ 175 millions d'euros par an. Elle a enregistré une perte.\n")
    at = text.index("par an")
    every_year = Timex(id="t1", start=at, end=at + 6, text="par an", type="SET", value="P1Y", mod=None, interval=None)
    doc = fact_step(Document(id="d", source="t", raw=text, text=text, dct="2023-02-08", lang="fr", timexes=(every_year,)))
    c = next(c for c in doc.claims if c.predicate == "économiser")
    assert (c.subject["key"], c.modality) == ("alstom", "plan")


def test_claims_adjective_timex_is_no_target(fact_step):
    text = "Peloton posted a quarterly loss of $1.2bn."
    doc = run(fact_step, text, "en", "2022-08-04", ("quarterly", "P3M"))
    c = only(doc, "peloton")
    assert c.target is None and c.modality == "fact"


def test_claims_explicit_date_beats_the_document_date(fact_step):
    # the time tagger reads "ici" of "d'ici 2026" as today: an equally near explicit year wins
    text = "Accor prévoit d'ouvrir 300 hôtels en Asie d'ici 2026."
    doc = run(fact_step, text, "fr", "2022-10-19", ("ici", "2022-10-19"), ("2026", "2026"))
    assert only(doc, "accor").target["value"] == "2026"


def test_claims_take_the_time_of_their_when_clause(fact_step):
    text = "Cineworld said it would reopen the theatres once major films return, possibly in 2021."
    doc = run(fact_step, text, "en", "2020-10-05", ("in 2021", "2021"))
    c = only(doc, "cineworld")
    assert (c.predicate, c.target["value"], c.modality) == ("reopen", "2021", "plan")
    # "after" gives the time before the event, not its time
    text = "Evotec said it would sell the unit after its shares fell in 2021."
    doc = run(fact_step, text, "en", "2022-10-05", ("in 2021", "2021"))
    assert all(c.target is None for c in doc.claims if c.predicate == "sell")


def test_claims_denial_of_a_noun_in_french(fact_step):
    text = "La Brasserie Kerlan dément toute fermeture de son site de Quimper en 2024."
    c = only(run(fact_step, text, "fr", "2023-02-16", ("en 2024", "2024")), "brasserie kerlan")
    assert (c.modality, c.about, c.target["value"], c.predicate) == ("denied", "close site", "2024", "fermeture")
    assert c.key == "brasserie kerlan|close|2024" and c.source["key"] == "brasserie kerlan"


def test_claims_denied_delay_takes_no_date_from_the_next_clause(fact_step):
    text = "Valmont Rail dément tout retard : les rames seront bien livrées en 2025, a affirmé lundi le constructeur."
    doc = run(fact_step, text, "fr", "2023-03-13", ("en 2025", "2025"), ("lundi", "2023-03-13"))
    denied = [c for c in doc.claims if c.modality == "denied"]
    assert [(c.subject["key"], c.about, c.target) for c in denied] == [("valmont rail", "delay", None)]
    assert "livrées en 2025" in denied[0].text  # the sentence says what the denial is about


def test_claims_denied_statement_noun_or_unknown_noun_is_no_noun_denial(fact_step):
    doc = run(fact_step, "La Brasserie Kerlan dément toute responsabilité dans l'incident.", "fr", "2023-02-16")
    assert not [c for c in doc.claims if c.modality == "denied"]


def test_claims_denial_of_a_noun_in_english(fact_step):
    c = only(run(fact_step, "Valmont Rail denied any delay to the delivery of the trains.", "en", "2023-03-13"),
             "valmont rail")
    assert (c.modality, c.about.split()[0], c.target) == ("denied", "delay", None)
    c = only(run(fact_step, "Kerlan denies plans to close its Quimper site in 2024.", "en", "2023-02-16",
                 ("in 2024", "2024")), "kerlan")
    assert (c.modality, c.about, c.target["value"]) == ("denied", "close site", "2024")
    c = only(run(fact_step, "Kerlan rejected reports that it would close its Quimper site.", "en", "2023-02-16"),
             "kerlan")
    assert (c.modality, c.about) == ("denied", "close site")


def test_claims_said_clause_the_parser_hangs_on_a_date(fact_step):
    text = ("La Ville de Marseille, propriétaire du stade, a confirmé la semaine dernière qu'elle renégocierait "
            "le loyer avant la fin de l'année.")
    doc = run(fact_step, text, "fr", "2025-06-24", ("la semaine dernière", "2025-W25"), ("la fin de l'année", "2025"))
    c = only(doc, "ville de marseille")
    assert (c.target["value"], c.modality) == ("2025", "confirmed")


def test_claims_relative_clause_on_a_kind_noun_before_a_name(fact_step):
    text = "L'homme d'affaires américain Frank McCourt, qui a acquis le club en octobre 2016, a injecté 400 millions d'euros."
    doc = run(fact_step, text, "fr", "2025-06-24", ("en octobre 2016", "2016-10"))
    assert ("acquérir", "2016-10") in {(c.predicate, c.target and c.target["value"]) for c in doc.claims
                                       if c.subject["key"] == "frank mccourt"}


def test_claims_year_less_month_follows_the_clause_verb(fact_step):
    from chronique.time import TimexStep

    text = ("Sigfox a levé 100 millions d'euros en février auprès de Bpifrance, la plus importante levée jamais "
            "réalisée. Bayer presentera ses comptes en mars.")
    doc = TimexStep()(Document(id="d", source="t", raw=text, text=text, dct="2015-11-19", lang="fr"))
    feb = next(t for t in doc.timexes if t.text.endswith("février"))
    assert feb.by_tense and feb.value == "2016-02"  # the tagger's nearest reading, by the words around it
    out = fact_step(doc)
    c = only(out, "sigfox")
    assert c.target["value"] == "2015-02" and c.target["interval"][0] == "2015-02-01"
    assert next(t for t in out.timexes if t.id == feb.id).value == "2015-02"  # the document's timex moves too


def test_claims_recent_span_is_past_ref(fact_step):
    text = "BNP Paribas a approché ces dernières semaines plusieurs banques allemandes."
    doc = run(fact_step, text, "fr", "2019-02-06", ("ces dernières semaines", "PXW"))
    assert only(doc, "bnp paribas").target["value"] == "PAST_REF"


def test_claims_pronoun_under_a_named_speaker_is_the_speaker(fact_step):
    text = ("Mitsubishi UFJ Financial Group will cut fees next year. Sumitomo Mitsui Financial Group denied that it "
            "planned to charge retail customers for deposits.")
    doc = run(fact_step, text, "en", "2016-02-01", ("next year", "2017"))
    assert "sumitomo mitsui financial" in {c.subject["key"] for c in doc.claims if c.predicate == "charge"}


def test_claims_a_verb_with_its_own_auxiliary_keeps_its_tense(fact_step):
    # a rescheduling stays a plan for the ledger: the event is now due at the new date
    text = ("Boeing has pushed back the first delivery of its 777X jet to 2025. Ryanair will open a new base in Milan "
            "next year and has hired 500 pilots since January.")
    doc = run(fact_step, text, "en", "2023-11-13", ("2025", "2025"), ("next year", "2024"), ("January", "2023-01"))
    assert only(doc, "boeing").modality == "plan"
    hired = [c for c in doc.claims if c.predicate == "hire"]
    assert hired and hired[0].modality == "fact"  # its own "has", not the "will" of the verb before


def test_claims_plan_verb_the_tagger_calls_a_noun(fact_step):
    # fr_core_news_md parses "compte" here as an adjective of "club" and "réinvestir" as a clause on it
    text = ("L'Olympique de Marseille a vendu un défenseur. Le club compte réinvestir l'essentiel de cette somme avant "
            "le 1er septembre, a indiqué son président.")
    doc = run(fact_step, text, "fr", "2025-06-24", ("le 1er septembre", "2025-09-01"))
    c = only(doc, "olympique de marseille")
    assert (c.target["value"], c.modality) == ("2025-09-01", "plan")


def test_claims_possessive_owner_beats_a_name_behind_a_preposition(fact_step):
    text = "GSK said sales rose. GSK also confirmed that its partnership with CureVac would deliver a vaccine in 2022."
    doc = run(fact_step, text, "en", "2021-06-23", ("in 2022", "2022"))
    assert ("gsk", "2022") in {(c.subject["key"], c.target and c.target["value"]) for c in doc.claims
                               if c.predicate == "deliver"}
