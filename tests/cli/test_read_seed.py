"""Issue 2's acceptance on the seed article, through `chronique read --json` (repair + lang)."""
from __future__ import annotations

import json

from chronique.cli import main


def _paragraphs(seed_text: str) -> list[str]:
    body = seed_text.split(" ", 3)[3]  # after " date 2021-10 "
    paras = [p.strip() for p in body.split("\n\n") if p.strip()]
    return paras[:5]  # the lede and four paragraphs; the rest is the glued second copy


def test_read_seed_is_repaired_exactly(seed_path, capsys):
    assert main(["read", str(seed_path), "--json", "--steps", "repair,lang"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["dct"] == "2021-10" and doc["lang"] == "fr"
    expected = _paragraphs(seed_path.read_text(encoding="utf-8"))
    assert doc["text"].strip().split("\n\n") == expected
    for para in expected:
        assert doc["text"].count(para) == 1
    repeats = [e for e in doc["edits"] if e["kind"] == "repeat"]
    assert len(repeats) == 1 and repeats[0]["replacement"] == ""
    raw = seed_path.read_text(encoding="utf-8").split(" ", 3)[3]
    removed = raw[repeats[0]["raw_start"]:repeats[0]["raw_end"]]
    assert "contrôlé.Il y a environ six mois" in removed and removed.rstrip().endswith("depuis le 12 mai.")
    assert all(set(e) == {"kind", "start", "end", "raw_start", "raw_end", "replacement", "reason"} for e in doc["edits"])
