"""Exact and near duplicates: copies link to the earliest original; facts are counted once."""
from __future__ import annotations

from chronique.corpus import dedup
from chronique.corpus import fingerprint as fp
from chronique.pipeline import Pipeline
from chronique.run.ingest import ingest
from chronique.run.local import LocalRunner
from chronique.store import Store
from chronique.types import Claim, Document, content_id

BODY = (
    "The city council of Rennes voted on Monday to extend the second metro line towards the airport, "
    "a project estimated at 600 million euros. Works should begin in 2026 and last four years, the mayor said. "
    "Opposition members criticised the cost and asked for a public consultation before any contract is signed. "
    "The regional transport authority will publish the tender documents in the spring."
)


def _print(doc_id: str, text: str, day: str) -> dedup.Print:
    return dedup.Print(doc_id, (day, doc_id, doc_id), fp.text_hash(text), tuple(fp.minhash(fp.shingles(text))))


def test_dedup_fingerprint_is_stable_and_order_free():
    assert fp.minhash(fp.shingles(BODY)) == fp.minhash(fp.shingles(BODY))
    assert fp.text_hash(BODY) == fp.text_hash(BODY.upper().replace(",", " ,"))
    assert fp.shingles("one two") == {"one two"}


def test_dedup_links_copies_to_the_earliest_report():
    light = BODY.replace("Monday", "Monday evening").replace("spring.", "spring, it added.")
    other = "Storms closed three ports in Brittany on Sunday; ferries to the islands were cancelled until Tuesday."
    prints = [
        _print("late-exact", BODY.upper(), "2024-03-05"),
        _print("orig", BODY, "2024-03-04"),
        _print("light", light, "2024-03-06"),
        _print("other", other, "2024-03-04"),
    ]
    texts = {"late-exact": BODY.upper(), "orig": BODY, "light": light, "other": other}
    pairs = dedup.find_duplicates(prints, LocalRunner(0), texts.get)
    links = {p.copy: (p.original, p.kind) for p in pairs}
    assert links == {"late-exact": ("orig", "exact"), "light": ("orig", "near")}
    assert fp.jaccard(fp.shingles(BODY), fp.shingles(light)) >= 0.8


def test_dedup_rewrite_below_threshold_is_not_a_copy():
    rewrite = ("Rennes councillors approved on Monday a longer second metro line reaching the airport; "
               "the mayor put the bill at 600 million euros and said works would start in 2026.")
    prints = [_print("a", BODY, "2024-03-04"), _print("b", rewrite, "2024-03-04")]
    assert dedup.find_duplicates(prints, LocalRunner(0), {"a": BODY, "b": rewrite}.get) == []


def test_dedup_facts_of_copies_are_not_counted_twice(tmp_path):
    def doc(text: str, dct: str, source: str) -> Document:
        claim = Claim(id="c", start=0, end=5, text="Works should begin in 2026", predicate="begin",
                      subject={"key": "rennes", "name": "Rennes"}, modality="plan", forward=True, key="metro-works",
                      target={"value": "2026", "mod": None, "interval": ["2026-01-01", "2027-01-01"], "timex": "t1"})
        return Document(id=content_id((dct + text).encode()), source=source, raw=text, text=text, dct=dct,
                        claims=(claim,))

    docs = [doc(BODY, "2024-03-04", "a.txt"), doc(BODY + " ", "2024-03-05", "copy.txt")]
    with Store(tmp_path / "d.duckdb") as store:
        ingest(docs, store, LocalRunner(0, embed=False), lambda: Pipeline([]))
        assert store.query("SELECT doc_id, original_id FROM duplicates") == [
            {"doc_id": docs[1].id, "original_id": docs[0].id}]
        from chronique.corpus.timeline import query
        from chronique.corpus.update import ledger_query

        entries = query(store, "Rennes")
        assert len(entries) == 1 and [s["source"] for s in entries[0]["sources"]] == ["a.txt"]
        assert ledger_query(store, "2025-01-01")[0]["documents"] == ["a.txt"]
