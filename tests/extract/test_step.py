"""FactStep plumbing: sentence bounds read from token arrays, fresh sentence Docs, the parse gate."""
from __future__ import annotations

from chronique.extract.step import Gate, sentence_bounds, sentence_docs
from chronique.types import Document


def test_step_sentence_bounds_match_spacy_sentences(fact_step):
    lm = fact_step.model("en")
    text = "Apple sold 80 million phones.  It plans to open a store in 2025.\n\nNo comment."
    sdoc = lm.sentencizer(lm.nlp.make_doc(text))
    bounds = sentence_bounds(sdoc)
    # the sentencizer's sentences without the white space tokens around them: a paragraph break opening a
    # sentence would otherwise reach the parser, which hangs clauses on it
    words = [[t.i for t in s if not t.is_space] for s in sdoc.sents]
    assert [(i, j) for i, j, _, _ in bounds] == [(w[0], w[-1] + 1) for w in words]
    assert [a for _, _, a, _ in bounds] == [sdoc[w[0]].idx for w in words]
    assert [text[a:b] for _, _, a, b in bounds] == ["Apple sold 80 million phones.",
                                                    "It plans to open a store in 2025.", "No comment."]
    assert all(not sdoc[i].is_space and not sdoc[j - 1].is_space for i, j, _, _ in bounds)


def test_step_sentence_docs_keep_tokens_and_one_sentence(fact_step):
    lm = fact_step.model("fr")
    text = "Renault prévoit de lancer une citadine : elle coûtera 20 000 euros. Le titre a gagné 2 %."
    sdoc = lm.sentencizer(lm.nlp.make_doc(text))
    bounds = sentence_bounds(sdoc)
    docs = lm.parse(sentence_docs(sdoc, bounds))
    assert [d.text for d in docs] == [sdoc[i:j].text_with_ws for i, j, _, _ in bounds]
    assert all(len(list(d.sents)) == 1 for d in docs)  # the parser keeps the sentencizer's cut
    assert sentence_docs(sdoc, []) == []


def test_step_gate_needs_a_subject_and_something_to_say(fact_step):
    lm = fact_step.model("en")
    text = "the weather was fine. it rained for days. It said nothing. it will rain."
    doc = fact_step(Document(id="d", source="t", raw=text, text=text, dct="2024-01-01", lang="en"))
    gate = Gate(text, doc.entities, doc.timexes, doc.figures, lm.rules)
    spans = [(a, b) for _, _, a, b in sentence_bounds(lm.sentencizer(lm.nlp.make_doc(text)))]
    assert [gate.worth(a, b) for a, b in spans] == [False, False, True, True]


def test_step_parse_all_finds_the_same_claims_on_cue_sentences(fact_step):
    from chronique.extract import FactStep

    text = "Volvo plans to build a plant in Slovakia. The company denied it would close its Ghent site."
    doc = Document(id="d", source="t", raw=text, text=text, dct="2022-07-12", lang="en")
    gated = fact_step(doc)
    full = FactStep(parse_all=True)
    full._models = fact_step._models  # share the loaded models
    assert [c.key for c in full(doc).claims] == [c.key for c in gated.claims] and gated.claims
