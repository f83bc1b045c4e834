"""Entities: apostrophes, keys that join across articles, short forms, the subject organisation, anaphors."""
from __future__ import annotations

from chronique.extract.entities import (AnaphorFinder, Keyer, link_short_forms, normalize_apostrophes, propagate,
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
