"""Claims ledger: chains across reports and languages, and every status as of a date."""
from __future__ import annotations

import pytest

from chronique.corpus import ledger
from chronique.pipeline import Pipeline
from chronique.run.ingest import ingest
from chronique.run.local import LocalRunner
from chronique.store import Store
from chronique.types import Claim, Document, content_id

TARGETS = {
    "2023": ("2023-01-01", "2024-01-01"),
    "2024-H1": ("2024-01-01", "2024-07-01"),
    "2024-H2": ("2024-07-01", "2025-01-01"),
    "2025": ("2025-01-01", "2026-01-01"),
    "2026": ("2026-01-01", "2027-01-01"),
    "2024-03": ("2024-03-01", "2024-04-01"),
}


def row(dct: str, target: str | None, modality: str = "plan", forward: bool = True, n: int = 0) -> dict:
    start, end = TARGETS[target] if target else (None, None)
    return {"doc_id": f"d{dct}{n}", "idx": 0, "source": f"{dct}.txt", "dct": dct, "dct_date": dct,
            "modality": modality, "polarity": "positive", "forward": forward, "target_value": target,
            "target_start": start, "target_end": end, "subject_key": "xiaomi", "key": "mass-production"}


def test_ledger_open_when_target_ahead():
    e = ledger.status([row("2021-10-19", "2024-H1")], "2022-01-01")
    assert e["status"] == "open" and e["target"] == "2024-H1"


def test_ledger_due_when_interval_ended_without_news():
    e = ledger.status([row("2021-10-19", "2024-H1")], "2024-09-01")
    assert e["status"] == "due" and e["due_since"] == "2024-07-01"


def test_ledger_slipped_keeps_the_history_2023_to_2024_h1():
    rows = [row("2021-03-30", "2023"), row("2021-10-19", "2024-H1", modality="confirmed")]
    e = ledger.status(rows, "2022-01-01")
    assert e["status"] == "slipped" and e["slipped_from"] == "2023" and e["target"] == "2024-H1"
    assert [h["target"] for h in e["history"]] == ["2023", "2024-H1"]
    assert [h["dct"] for h in e["history"]] == ["2021-03-30", "2021-10-19"]


def test_ledger_fulfilled_with_its_date_after_two_slips():
    rows = [row("2019-11-22", "2023"), row("2021-08-12", "2024-H1"), row("2022-01-27", "2024-H2"),
            row("2024-04-03", "2024-03", modality="fact", forward=False)]
    assert ledger.status(rows, "2023-01-01")["status"] == "slipped"
    e = ledger.status(rows, "2024-05-01")
    assert e["status"] == "fulfilled" and e["fulfilled_on"] == "2024-03-01"
    assert [h["target"] for h in e["history"]] == ["2023", "2024-H1", "2024-H2", "2024-03"]


def test_ledger_as_of_ignores_later_reports():
    rows = [row("2021-10-19", "2024-H1"), row("2024-04-03", "2024-03", modality="fact", forward=False)]
    assert ledger.status(rows, "2024-02-01")["status"] == "open"


def test_ledger_denied():
    rows = [row("2023-02-14", "2025", modality="rumour"), row("2023-02-16", "2025", modality="denied")]
    assert ledger.status(rows[:1], "2023-02-15")["status"] == "open"
    assert ledger.status(rows, "2023-03-01")["status"] == "denied"
    untimed = [rows[0], row("2023-02-16", None, modality="denied")]
    assert ledger.status(untimed, "2023-03-01")["status"] == "denied"


def test_ledger_denial_of_a_reported_slip_is_not_a_slip():
    rows = [row("2022-09-01", "2025"), row("2023-03-10", "2026", modality="rumour"),
            row("2023-03-13", "2026", modality="denied", n=1)]
    assert ledger.status(rows[:2], "2023-03-11")["status"] == "slipped"
    e = ledger.status(rows, "2023-04-01")
    assert e["status"] == "open" and e["target"] == "2025" and e["slipped_from"] is None


def test_ledger_reaffirmed_old_target_undoes_the_slip():
    rows = [row("2022-09-01", "2025"), row("2023-03-10", "2026", modality="rumour"), row("2023-03-13", "2025", n=1)]
    e = ledger.status(rows, "2023-04-01")
    assert e["status"] == "open" and e["target"] == "2025"


def _doc(dct: str, lang: str, key: str, target: str, modality: str = "plan", forward: bool = True) -> Document:
    start, end = TARGETS[target]
    text = f"{lang} report of {dct} on {key}"
    claim = Claim(id="c1", start=0, end=len(text), text=text, subject={"key": "xiaomi", "name": "Xiaomi"},
                  predicate="produce", modality=modality, forward=forward, key=f"xiaomi|{key}|{target}", about=key,
                  target={"value": target, "mod": None, "interval": [start, end], "timex": "t1"})
    return Document(id=content_id(text.encode()), source=f"{dct}-{lang}.txt", raw=text, text=text, dct=dct,
                    lang=lang, claims=(claim,))


@pytest.fixture()
def store(tmp_path):
    docs = [_doc("2021-03-30", "en", "mass production of own cars", "2023"),
            _doc("2021-10-19", "fr", "Mass production of own cars", "2024-H1"),
            _doc("2021-10-19", "en", "mass production of own cars", "2024-H1", modality="confirmed"),
            _doc("2022-05-10", "en", "hydrogen station in Lille", "2023")]
    with Store(tmp_path / "l.duckdb") as s:
        ingest(docs, s, LocalRunner(0, embed=False), lambda: Pipeline([]))
        yield s


def test_ledger_chains_join_reports_across_languages(store):
    from chronique.corpus.update import ledger_query

    entries = ledger_query(store, "2022-06-01")
    chains = {e["about"]: e for e in entries}
    prod = chains["mass production of own cars"]
    assert len(entries) == 2 and prod["status"] == "slipped" and prod["slipped_from"] == "2023"
    assert prod["documents"] == ["2021-03-30-en.txt", "2021-10-19-en.txt", "2021-10-19-fr.txt"]
    assert set(prod) == {"id", "subject", "about", "status", "target", "history", "documents",
                         "fulfilled_on", "due_since", "slipped_from"}


def test_ledger_status_filter_and_due(store):
    from chronique.corpus.update import ledger_query

    due = ledger_query(store, "2024-02-01", only="due")
    assert [e["about"] for e in due] == ["hydrogen station in Lille"] and due[0]["due_since"] == "2024-01-01"


def test_ledger_chains_link_reworded_claims_across_languages_by_embedding():
    from chronique.corpus.features import Featurizer

    texts = [
        ("2021-10-19", "Xiaomi plans to start mass production of its own electric cars in the first half of 2024",
         "start production", True),
        ("2021-10-19", "Xiaomi prévoit de lancer la production de masse de ses propres voitures électriques au "
                       "premier semestre 2024", "launch production", True),
        ("2021-10-20", "Xiaomi shares rose 5.4% in Hong Kong, their biggest daily gain since May", "rise", False),
        ("2021-11-02", "Xiaomi will open 1,000 new phone shops in Europe next year", "open shop", True),
    ]
    claims = [Claim(id=f"c{i}", start=0, end=len(t), text=t, subject={"key": "xiaomi", "name": "Xiaomi"},
                    predicate=a.split()[0], target=None, modality="plan", forward=f, about=a)
              for i, (_, t, a, f) in enumerate(texts)]
    doc = Document(id="d", source="s", raw="x", text="x", claims=tuple(claims))
    vecs = Featurizer().many([doc])[0]["claims"]
    rows = [{"doc_id": f"d{i}", "idx": 0, "dct_date": d, "subject_key": "xiaomi", "subject_name": "Xiaomi",
             "about": a, "predicate": a.split()[0], "forward": f, "embedding": v}
            for i, ((d, _, a, f), v) in enumerate(zip(texts, vecs))]
    chains, members = ledger.build_chains(rows)
    by_doc = {m["doc_id"]: m["chain_id"] for m in members}
    assert by_doc["d0"] == by_doc["d1"]  # one plan, two languages, two wordings
    assert by_doc["d3"] != by_doc["d0"] and "d2" not in by_doc  # another plan; a past fact alone is no chain
    assert len(chains) == 2


def test_ledger_article_recalling_the_old_target_reports_a_slip():
    rows = [row("2021-10-19", "2024-H1") | {"idx": 0}, row("2021-10-19", "2023") | {"idx": 1}]
    e = ledger.status(rows, "2022-01-01")
    assert e["status"] == "slipped" and e["slipped_from"] == "2023" and e["target"] == "2024-H1"


def test_ledger_event_before_any_promise_fulfils_nothing():
    rows = [row("2019-11-22", "2023", modality="fact", forward=False), row("2021-08-12", "2024-H1")]
    assert ledger.status(rows, "2022-01-01")["status"] == "open"


def test_ledger_undated_denial_of_a_delay_undoes_the_slip():
    deny = dict(row("2023-03-13", None, modality="denied", forward=False, n=1), about="delay")
    rows = [row("2022-09-01", "2025"), row("2023-03-10", "2026", modality="rumour"), deny]
    e = ledger.status(rows, "2023-04-01")
    assert e["status"] == "open" and e["target"] == "2025" and e["slipped_from"] is None
    assert ledger.status([rows[0], deny], "2023-04-01")["status"] == "open"  # no slip: the plan stands
