"""Denials with a noun object, end to end: the built-in Kerlan pair and Valmont trio through the CLI."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from chronique.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "chronique" / "samples"
NAMES = ["2023-02-14_kerlan-quimper-rumeur-fr.txt", "2023-02-16_kerlan-dement-fr.txt",
         "2022-09-01_valmont-lyon-trains.txt", "2023-03-10_valmont-delay-report.txt",
         "2023-03-13_valmont-dement-retard-fr.txt"]


def test_denials_noun_denials_deny_a_rumour_and_undo_a_reported_slip(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / name, src / name)
    db = tmp_path / "d.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--workers", "1", "--quiet"]) == 0
    capsys.readouterr()
    assert main(["ledger", "--db", str(db), "--json", "--as-of", "2025-01-01"]) == 0
    entries = {e["subject"]: e for e in json.loads(capsys.readouterr().out)}
    kerlan, valmont = entries["Brasserie Kerlan"], entries["Valmont Rail"]
    assert kerlan["status"] == "denied" and len(kerlan["documents"]) == 2
    assert [h["modality"] for h in kerlan["history"]] == ["rumour", "denied"]
    assert valmont["status"] == "open" and valmont["target"] == "2025" and valmont["slipped_from"] is None
    assert [h["modality"] for h in valmont["history"]][-1] == "denied" and len(valmont["documents"]) == 3
