"""The `chronique_timex` spaCy component, found through the spacy_factories entry point."""
from __future__ import annotations

import pytest
import spacy

import chronique.time
from chronique.lang import PackError
from chronique.types import Timex


def test_spacy_component_registered_by_entry_point():
    from importlib.metadata import entry_points

    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names["chronique_timex"] == "chronique.time.spacy_component:make_timex_component"


@pytest.mark.parametrize(
    ("lang", "text", "dct"),
    [
        ("fr", "Le contrat a été signé le 12 mai 2021 à Paris.", "2021-10-15"),
        ("en", "The contract was signed on 12 May 2021 in Paris.", "2021-10-15"),
    ],
)
def test_spacy_component_matches_tag(lang, text, dct):
    nlp = spacy.blank(lang)
    nlp.add_pipe("chronique_timex", config={"dct": dct})
    doc = nlp(text)
    expected = chronique.time.tag(text, dct, lang)
    assert doc._.timexes == expected
    assert any(t.value == "2021-05-12" for t in expected)
    spans = list(doc.spans["timexes"])
    assert [s._.timex for s in spans] == expected
    for span in spans:
        assert span.label_ == span._.timex.type
        assert span.start_char <= span._.timex.start and span.end_char >= span._.timex.end


def test_spacy_component_per_doc_dct_and_char_alignment():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("chronique_timex", config={"lang": "en"})
    seen = []

    def fake(text, dct, lang):  # inside a token: the span must expand to whole tokens
        seen.append((dct, lang))
        return [Timex("t1", 6, 9, text[6:9], "DATE", "2020")]

    component.tagger = fake
    doc = nlp.make_doc("Sold 2020s stock")
    doc._.dct = "2020-01-01"
    doc = component(doc)
    assert seen == [("2020-01-01", "en")]
    [span] = doc.spans["timexes"]
    assert span.text == "2020s" and span._.timex.text == "020"


def test_spacy_component_rejects_unknown_language():
    nlp = spacy.blank("xx")
    with pytest.raises(PackError):
        nlp.add_pipe("chronique_timex")
