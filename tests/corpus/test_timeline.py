"""Entity timelines: ordered by event time, not publication date; one entry per statement."""
from __future__ import annotations

from chronique.corpus import timeline
from chronique.pipeline import Pipeline
from chronique.run.ingest import ingest
from chronique.run.local import LocalRunner
from chronique.store import Store
from chronique.types import Claim, Document, content_id


def _doc(dct: str, text: str, target: tuple[str, str, str] | None, modality: str, key: str,
         subject: str = "Xiaomi") -> Document:
    tgt = {"value": target[0], "mod": None, "interval": [target[1], target[2]], "timex": "t1"} if target else None
    claim = Claim(id="c1", start=0, end=len(text), text=text, subject={"key": subject.lower(), "name": subject},
                  predicate="p", target=tgt, modality=modality, forward=bool(target and target[1] > dct), key=key)
    return Document(id=content_id((dct + text).encode()), source=f"{dct}.txt", raw=text, text=text, dct=dct,
                    claims=(claim,))


def test_timeline_orders_by_event_time_not_publication(tmp_path):
    docs = [
        _doc("2021-10-19", "Xiaomi plans mass production in the first half of 2024.",
             ("2024-H1", "2024-01-01", "2024-07-01"), "plan", "mass-production"),
        _doc("2021-10-20", "Xiaomi confirmed mass production in the first half of 2024.",
             ("2024-H1", "2024-01-01", "2024-07-01"), "plan", "mass-production"),
        _doc("2021-11-02", "Xiaomi registered its car unit in August 2021.",
             ("2021-08", "2021-08-01", "2021-09-01"), "fact", "registration"),
        _doc("2021-10-25", "Xiaomi shares rose 5.4%.", None, "fact", "shares"),
        _doc("2021-10-25", "Tesla opened a plant.", None, "fact", "plant", subject="Tesla"),
    ]
    with Store(tmp_path / "t.duckdb") as store:
        ingest(docs, store, LocalRunner(0, embed=False), lambda: Pipeline([]))
        entries = timeline.query(store, "xiaomi")
    assert [e["when"]["value"] for e in entries] == ["2021-08", "2021-10-25", "2024-H1"]
    future = entries[-1]
    assert future["modality"] == "plan" and future["forward"] is True
    assert [s["source"] for s in future["sources"]] == ["2021-10-19.txt", "2021-10-20.txt"]
    assert entries[1]["when"]["from"] == "dct"


def test_timeline_matches_names_without_case_or_accents():
    rows = [{"subject_key": "societe-generale", "subject_name": "Société Générale"}, {"subject_key": "bnp"}]
    assert timeline.match(rows, "societe generale") == [rows[0]]
    assert timeline.match(rows, "SOCIÉTÉ GÉNÉRALE") == [rows[0]]
