"""The seed article's claims and figures (issue 4): first five paragraphs, dct 2021-10, timexes from the tagger."""
from __future__ import annotations

import pytest

from chronique.io.text import parse_text
from chronique.time import tag


@pytest.fixture(scope="module")
def seed_doc(seed_path, fact_step):
    doc = parse_text(seed_path.read_text(encoding="utf-8"), str(seed_path), seed_path.read_bytes())
    body = "\n\n".join(doc.raw.split("\n\n")[:5])  # the repaired text: the copy pasted below is dropped
    doc = doc.replace(raw=body, text=body, lang="fr")
    assert doc.dct == "2021-10"
    return fact_step(doc.replace(timexes=tuple(tag(body, doc.dct, "fr"))))


def claim_with(doc, value):
    found = [c for c in doc.claims if c.target and c.target["value"] == value]
    assert found, [(c.predicate, c.target) for c in doc.claims]
    return found[0]


def test_seed_facts_mass_production_plan_rumoured_then_confirmed(seed_doc):
    c = claim_with(seed_doc, "2024-H1")
    assert (c.subject["key"], c.modality, c.forward) == ("xiaomi", "plan", True)
    assert "produc" in c.predicate and c.about.startswith("produce")
    assert [a["modality"] for a in c.attested] == ["rumour", "confirmed"]
    assert c.source["key"] == "xiaomi" and c.source["via"] == "Reuters"


def test_seed_facts_earlier_target_2023(seed_doc):
    c = claim_with(seed_doc, "2023")
    assert (c.subject["key"], c.predicate, c.modality) == ("xiaomi", "sortir", "plan")


def test_seed_facts_ten_year_investment(seed_doc):
    c = claim_with(seed_doc, "P10Y")
    assert (c.subject["key"], c.predicate, c.modality) == ("xiaomi", "investir", "plan")
    assert [(f["kind"], f["value"], f["currency"]) for f in c.figures] == [("money", "10000000000", None)]


def test_seed_facts_registration_finalised_end_of_august(seed_doc):
    c = claim_with(seed_doc, "2021-08")
    assert (c.subject["key"], c.predicate, c.modality, c.target["mod"]) == ("xiaomi", "finaliser", "fact", "END")
    assert "la firme" in c.text


def test_seed_facts_share_rise(seed_doc):
    c = claim_with(seed_doc, "2021-05-12")
    assert (c.subject["key"], c.modality) == ("xiaomi", "fact")
    assert [(f["kind"], f["value"]) for f in c.figures] == [("percent", "5.4")]


def test_seed_facts_figures(seed_doc):
    figs = [(f.kind, f.value, f.currency, f.direction) for f in seed_doc.figures]
    assert figs == [("money", "10000000000", None, None), ("percent", "5.4", None, "up")]


def test_seed_facts_entities_and_anaphors(seed_doc):
    keys = {e.key for e in seed_doc.entities}
    assert {"xiaomi", "lei jun", "reuters", "zang ziyuan"} <= keys
    anaphors = {e.text.lower() for e in seed_doc.entities if e.anaphor}
    assert {"l'entreprise", "la firme"} <= anaphors
    assert all(e.key == "xiaomi" for e in seed_doc.entities if e.anaphor)
