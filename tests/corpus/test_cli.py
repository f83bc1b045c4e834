"""The corpus subcommands end to end on the built-in samples (repair only, to stay fast)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronique.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "chronique" / "samples"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "s.duckdb"
    assert main(["ingest", str(SAMPLES), "--db", str(path), "--workers", "2", "--steps", "repair", "--quiet"]) == 0
    return path


def test_cli_samples_are_15_to_30_dated_articles_in_two_languages():
    files = sorted(SAMPLES.glob("*.txt"))
    assert 15 <= len(files) <= 30
    heads = [f.read_text(encoding="utf-8").splitlines()[0] for f in files]
    assert all(h.startswith(" date ") for h in heads)
    assert {h.split()[1][:4] for h in heads} >= {"2019", "2021", "2022", "2023", "2024"}
    assert any(f.name.endswith("-fr.txt") for f in files) and any(not f.name.endswith("-fr.txt") for f in files)


def test_cli_ingest_twice_changes_nothing(db, capsys):
    import duckdb

    def counts() -> dict:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("documents", "edits", "fingerprints", "duplicates", "stories", "errors")}
        finally:
            con.close()

    before = counts()
    assert main(["ingest", str(SAMPLES), "--db", str(db), "--workers", "1", "--steps", "repair", "--quiet"]) == 0
    assert counts() == before and before["documents"] == len(list(SAMPLES.glob("*.txt")))


def test_cli_stories_json_shape_and_fr_en_pair(db, capsys):
    assert main(["stories", "--db", str(db), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert all(set(s) == {"id", "documents"} for s in found)
    assert all(set(d) == {"id", "source", "dct", "title"} for s in found for d in s["documents"])
    story_of = {Path(d["source"]).name: s["id"] for s in found for d in s["documents"]}
    assert story_of["2022-07-21_ecb-hike-50.txt"] == story_of["2022-07-21_bce-hausse-50-fr.txt"]
    assert story_of["2022-07-21_ecb-hike-50.txt"] != story_of["2022-09-08_ecb-hike-75.txt"]
    assert story_of["2021-10-19_xiaomi-mass-production.txt"] == story_of["2021-10-19_xiaomi-production-de-masse-fr.txt"]


def test_cli_syndicated_copy_links_to_original(db):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT c.source, o.source FROM duplicates d JOIN documents c ON c.id = d.doc_id "
                       "JOIN documents o ON o.id = d.original_id").fetchall()
    con.close()
    assert [(Path(a).name, Path(b).name) for a, b in rows] == [
        ("2019-11-23_tesla-cybertruck-unveiled-wire.txt", "2019-11-22_tesla-cybertruck-unveiled.txt")]


def test_cli_export_and_ledger_json(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "--out", str(tmp_path / "pq")]) == 0
    assert (tmp_path / "pq" / "documents.parquet").is_file() and (tmp_path / "pq" / "chains.parquet").is_file()
    assert main(["ledger", "--db", str(db), "--json", "--as-of", "2025-01-01"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # repair only: no claims, so no chains
    assert main(["ledger", "--db", str(db), "--as-of", "soon"]) == 2


def test_cli_missing_database_is_a_usage_error(tmp_path):
    assert main(["timeline", "Xiaomi", "--db", str(tmp_path / "none.duckdb")]) == 2
