"""Entities: apostrophes, keys that join across articles, short forms, the subject organisation, anaphors."""
from __future__ import annotations

from chronique.extract.anaphors import AnaphorFinder
from chronique.extract.entities import (Keyer, link_short_forms, normalize_apostrophes, propagate,
                                        subject_org)
from chronique.lang import load_table
from chronique.types import Document, Entity


def keyer(lang: str) -> Keyer:
    return Keyer(load_table(lang, "facts")["entities"])


def ent(text: str, start: int, label: str = "ORG", key: str | None = None, anaphor: bool = False) -> Entity:
    return Entity(id="", start=start, end=start + len(text), text=text, label=label, key=key or text.lower(),
                  anaphor=anaphor)


def test_entities_key_strips_company_forms():
    assert keyer("en")("Xiaomi Corp.") == "xiaomi"
    assert keyer("en")("Xiaomi") == "xiaomi"
    assert keyer("fr")("le groupe Xiaomi") == "xiaomi"
    assert keyer("fr")("Renault SA") == "renault"
    assert keyer("en")("Activision Blizzard Inc.") == "activision blizzard"


def test_entities_apostrophes_normalized_in_place():
    text = "C\u2019est l\u2019entreprise qui n\u2019a rien dit"
    out = normalize_apostrophes(text, load_table("fr", "facts")["text"])
    assert len(out) == len(text) and "\u2019" not in out and out.startswith("C'est l'entreprise")


def test_entities_no_apostrophe_fragments_from_ner(fact_step):
    text = "C\u2019est Xiaomi qui l\u2019annonce : l\u2019entreprise n\u2019a pas encore fixé de date. Lei Jun n\u2019a rien dit."
    doc = fact_step(Document(id="d", source="t", raw=text, text=text, dct="2021-10", lang="fr"))
    names = {e.text for e in doc.entities}
    assert not any(n.lower() in ("n'", "c'", "n\u2019", "c\u2019") for n in names)
    assert "xiaomi" in {e.key for e in doc.entities}


def test_entities_short_form_takes_the_long_key():
    out = link_short_forms([ent("Elon Musk", 0, "PER"), ent("Musk", 30, "PER")])
    assert [e.key for e in out] == ["elon musk", "elon musk"]
    assert all(e.id.startswith("ent_") for e in out)


def test_entities_subject_org_is_the_most_named():
    ents = [ent("Reuters", 0), ent("Xiaomi", 10, "MISC"), ent("Xiaomi", 40), ent("Lei Jun", 60, "PER")]
    assert subject_org(ents).key == "xiaomi"


def test_entities_anaphors_resolve_to_subject():
    text = "Xiaomi envisage une usine. Fin août, la firme finalisait l'enregistrement. Le groupe Danone, lui, attend."
    subject = ent("Xiaomi", 0)
    danone = ent("Danone", text.index("Danone"))
    found = AnaphorFinder(load_table("fr", "facts")["entities"]).find(text, [subject, danone], subject)
    assert [(e.text, e.key, e.anaphor) for e in found] == [("la firme", "xiaomi", True)]


def test_entities_anaphor_before_the_subject_is_ignored():
    text = "The company said Nvidia would grow."
    found = AnaphorFinder(load_table("en", "facts")["entities"]).find(text, [ent("Nvidia", 17)], ent("Nvidia", 17))
    assert found == []


def test_entities_propagate_tags_missed_mentions():
    text = "Ynsect a levé des fonds. Ynsect envisage de s'implanter. Ynsection n'est pas un nom."
    out = propagate(text, [ent("Ynsect", 0, "MISC")])
    assert [e.start for e in out] == [0, text.index("Ynsect envisage")]


def test_entities_name_takes_the_company_word_the_model_left_out():
    import spacy

    from chronique.extract.entities import from_spacy

    text = "Volvo Cars aims to sell only electric cars. Volvo Trucks too."
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(0, 5, label="ORG"), doc.char_span(text.index("Volvo Trucks"), text.index(" Trucks"), label="ORG")]
    table = load_table("en", "facts")["entities"]
    found = from_spacy(doc.ents, table["labels"], Keyer(table))
    assert [e.text for e in found] == ["Volvo Cars", "Volvo"]  # "Trucks" is not a company-name word of the data
    assert found[0].key == "volvo cars"


def test_entities_names_cut_by_the_model_join_and_two_names_stay_two():
    import spacy

    from chronique.extract.entities import from_spacy

    text = "The Australian Competition and Consumer Commission fined Altice UK. Airbus and Boeing declined."
    doc = spacy.blank("en")(text)

    def span(words: str, label: str):
        start = text.index(words)
        return doc.char_span(start, start + len(words), label=label)

    ents = [span("The Australian Competition and", "ORG"), span("Consumer Commission", "ORG"),
            span("Altice", "ORG"), span("UK", "GPE"), span("Airbus", "ORG"), span("Boeing", "ORG")]
    table = load_table("en", "facts")["entities"]
    found = [(e.text, e.label) for e in from_spacy(ents, table["labels"], keyer("en"))]
    assert found == [("The Australian Competition and Consumer Commission", "ORG"), ("Altice UK", "ORG"),
                     ("Airbus", "ORG"), ("Boeing", "ORG")]


def test_entities_institution_names_the_model_misses():
    from chronique.extract.entities import InstitutionFinder

    table = load_table("en", "facts")["entities"]
    text = "Tesla said the Securities and Exchange Commission closed its probe; the Tesla Board and Airbus declined."
    found = InstitutionFinder(table, keyer("en"))(text, [ent("Tesla", 0)])
    assert [e.key for e in found] == ["tesla", "securities and exchange commission"]  # a joining word is needed
    assert InstitutionFinder({}, keyer("en"))(text, [ent("Tesla", 0)]) == [ent("Tesla", 0)]  # no patterns, no change


def test_entities_company_cues_make_an_organisation():
    table = load_table("en", "facts")["entities"]
    finder = AnaphorFinder(table)
    text = "BT kept its guidance. Bharti is in talks to buy a stake in BT. A BT spokesperson declined to comment."
    found = [ent("BT", 0, "LOC", "bt"), ent("Bharti", 22, "ORG", "bharti"), ent("BT", text.index("BT."), "LOC", "bt")]
    out = finder.by_context(text, found)
    assert {e.label for e in out if e.key == "bt"} == {"ORG"}  # every mention of the key
    # a name the model missed before a closed apposition of an organisation kind; an open one is no name
    text = "Uber, the ride-hailing company, will launch in May. Separately, the company said it would hire."
    out = finder.by_context(text, [], keyer("en"), is_stop=lambda w: w in {"the", "a"})
    assert [(e.text, e.label) for e in out] == [("Uber", "ORG")]
    text = "Affirm, its American rival, said revenue rose. The spokesperson said nothing."
    out = finder.by_context(text, [], keyer("en"), is_stop=lambda w: w in {"the", "a"})
    assert [e.key for e in out] == ["affirm"]
    assert finder.by_context("London shares fell.", [ent("London", 0, "LOC")])[0].label == "LOC"


def test_entities_lone_surname_after_the_full_name_is_the_person():
    found = [ent("Allison Kirkby", 0, "PER", "allison kirkby"), ent("Openreach", 30), ent("Kirkby", 60, "ORG")]
    out = link_short_forms(found)
    assert (out[2].label, out[2].key) == ("PER", "allison kirkby")
    # a company named twice keeps its own key even after a person of that surname
    found = [ent("Bill Ford", 0, "PER", "bill ford"), ent("Ford", 20), ent("Ford", 40)]
    assert [e.key for e in link_short_forms(found)][1:] == ["ford", "ford"]


def test_entities_known_name_replaces_the_part_the_model_found():
    text = "Altice UK sold shares. Altice UK, which bought into BT in 2021, is under pressure."
    second = text.index("UK,")
    out = propagate(text, [ent("Altice UK", 0, "ORG", "altice uk"), ent("UK", second, "LOC", "uk")])
    assert [(e.start, e.key) for e in out] == [(0, "altice uk"), (second - 7, "altice uk")]


def test_entities_anaphor_after_a_source_phrase_takes_the_sentence_before():
    finder = AnaphorFinder(load_table("en", "facts")["entities"])
    text = ("BP cut its dividend. Shell raised output. According to people familiar with the matter, "
            "the company is considering a sale.")
    named = [ent("BP", 0, key="bp"), ent("Shell", 21, key="shell")]
    (found,) = finder.find(text, named, named[0])
    assert found.key == "shell"


def test_entities_a_family_is_a_group_with_its_own_key():
    from chronique.extract.entities import collectives

    text = "Selon des sources, la famille Mulliez aurait renoncé. Gérard Mulliez n'a rien dit."
    found = [ent("Mulliez", text.index("Mulliez"), "PER", "mulliez"), ent("Gérard Mulliez", text.index("Gérard"), "PER")]
    out = collectives(text, found, load_table("fr", "facts")["entities"], keyer("fr"))
    assert [(e.text, e.label, e.key) for e in out] == [("famille Mulliez", "ORG", "famille mulliez"),
                                                       ("Gérard Mulliez", "PER", "gérard mulliez")]
    text = "The Persson family, which controls H&M, bought shares."
    out = collectives(text, [ent("Persson", 4, "PER")], load_table("en", "facts")["entities"], keyer("en"))
    assert out[0].key == "persson family"


def test_entities_french_institution_names_with_lower_case_words():
    from chronique.extract.entities import InstitutionFinder

    text = "L'avis que doit rendre la Haute Autorité de santé inquiète. L'Autorité des marchés financiers a tranché."
    found = InstitutionFinder(load_table("fr", "facts")["entities"], keyer("fr"))(text, [])
    assert [e.key for e in found] == ["haute autorité de santé", "autorité des marchés financiers"]


def test_entities_subject_org_the_lead_counts_twice_more_unless_a_source():
    finder = AnaphorFinder(load_table("en", "facts")["entities"])
    text = "Qantas will buy jets from Airbus, which also sells to Airbus clients; Qantas said so."
    ents = [ent("Qantas", 0), ent("Airbus", 26), ent("Airbus", text.index("Airbus clients")),
            ent("Qantas", text.index("Qantas said"))]
    assert subject_org(ents).key == "qantas"  # a tie: the earliest
    ents = ents[:3]
    assert subject_org(ents).key == "airbus" and subject_org(ents, text, finder.source_mark).key == "qantas"
    text = "Monzo, backed by Accel, said Accel and Accel partners agreed with Accel."  # the lead holds against
    ents = [ent("Monzo", 0), ent("Accel", 17), ent("Accel", 29), ent("Accel", 39), ent("Accel", 66)]
    assert subject_org(ents[:4], text, finder.source_mark).key == "monzo"  # three mentions in passing (a tie)
    assert subject_org(ents, text, finder.source_mark).key == "accel"  # not four
    text = "LONDON (Reuters) - Shell cut costs, Shell said."
    ents = [ent("Reuters", 8), ent("Shell", 19), ent("Shell", 36), ent("Reuters", 60)]
    assert subject_org(ents, text, finder.source_mark).key == "shell"


def test_entities_person_cues_make_a_person():
    finder = AnaphorFinder(load_table("en", "facts")["entities"])
    text = "Helena Helmersson stepped down as chief executive of H&M. Governor Michele Bullock spoke."
    found = [ent("Helena Helmersson", 0, "ORG", "helena helmersson"), ent("H&M", text.index("H&M"), "ORG", "h&m"),
             ent("Michele Bullock", text.index("Michele"), "ORG", "michele bullock")]
    out = finder.by_context(text, found)
    assert [e.label for e in out] == ["PER", "ORG", "PER"]


def test_entities_short_form_named_before_the_long_name_stays_itself():
    # the parent first, then its unit, then the parent again: "Telefónica" is never "Telefónica Deutschland"
    found = [ent("Telefónica", 0, key="telefónica"), ent("Telefónica Deutschland", 30, key="telefónica deutschland"),
             ent("Telefónica", 80, key="telefónica")]
    assert [e.key for e in link_short_forms(found)] == ["telefónica", "telefónica deutschland", "telefónica"]
    found = [ent("Volvo Cars", 0, key="volvo cars"), ent("Volvo", 30, key="volvo")]
    assert link_short_forms(found)[1].key == "volvo cars"


def test_entities_cut_name_labelled_misc_elsewhere_is_made_whole():
    text = "Maisons du Monde ne relèvera pas ses prix. Maisons du Monde n'a pas souhaité commenter."
    second = text.index("Maisons du Monde n'")
    out = propagate(text, [ent("Monde", 11, "ORG", "monde"), ent("Maisons du Monde", second, "MISC", "maisons du monde")])
    assert [(e.start, e.key) for e in out] == [(0, "maisons du monde"), (second, "maisons du monde")]


def test_entities_french_ministries_the_model_cuts():
    from chronique.extract.entities import InstitutionFinder

    text = "Le ministère de l'Économie a démenti. Le ministère des Finances et de l'Industrie se tait."
    found = InstitutionFinder(load_table("fr", "facts")["entities"], keyer("fr"))(text, [])
    assert [e.key for e in found] == ["ministère de l'économie", "ministère des finances et de l'industrie"]


def test_entities_surname_alone_takes_the_first_name_before_it():
    from chronique.extract.entities import first_names

    text = "Gas exports will rise, chief executive Anders Opedal said. But Opedal did not say when."
    found = [ent("Opedal", text.index("Opedal"), "PER", "opedal"), ent("Opedal", text.rindex("Opedal"), "PER", "opedal")]
    out = link_short_forms(first_names(text, found, keyer("en"), lambda w: w in {"but", "the"}))
    assert [(e.text, e.key) for e in out] == [("Anders Opedal", "anders opedal"), ("Opedal", "anders opedal")]


def test_entities_surname_after_another_first_name_is_another_person():
    text = "Sachin Bansal, who co-founded Flipkart with Binny Bansal, will sell. Bansal declined to comment."
    out = propagate(text, [ent("Binny Bansal", text.index("Binny"), "PER", "binny bansal")])
    assert [(e.text, e.key) for e in out] == [("Sachin Bansal", "sachin bansal"), ("Binny Bansal", "binny bansal"),
                                              ("Bansal", "binny bansal")]


def test_entities_two_word_name_takes_its_first_name_and_its_short_form_links():
    from chronique.extract.entities import first_names

    text = ("Output will rise, chief executive Francisco Gomes Neto said. Gomes Neto took over in 2019. "
            "Analyst Jo Wu agreed; an analyst did not.")
    found = [ent("Gomes Neto", text.index("Gomes"), "PER", "gomes neto"),
             ent("Gomes Neto", text.rindex("Gomes"), "PER", "gomes neto"),
             ent("Jo Wu", text.index("Jo Wu"), "PER", "jo wu")]
    out = link_short_forms(first_names(text, found, keyer("en"), lambda w: w in {"an", "the"}))
    assert [(e.text, e.key) for e in out] == [("Francisco Gomes Neto", "francisco gomes neto"),
                                              ("Gomes Neto", "francisco gomes neto"), ("Jo Wu", "jo wu")]
