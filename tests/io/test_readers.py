"""Readers: text with a date line, JSONL, HTML, directories, globs, standard input."""
from __future__ import annotations

import json

import pytest

from chronique.errors import DocumentError, UsageError
from chronique.io import FieldMap, ReadOptions, read_bytes, read_paths
from chronique.io.dates import normalize_date


def _one(data: bytes, source: str = "a.txt", **kw):
    items = list(read_bytes(data, source, ReadOptions(**kw)))
    assert len(items) == 1
    return items[0]


def test_readers_seed_date_line_and_lede(seed_path):
    (doc,) = list(read_paths([str(seed_path)]))
    assert doc.dct == "2021-10"
    assert doc.raw.startswith("Le fabricant chinois de smartphones Xiaomi")
    assert doc.source == str(seed_path)
    assert len(doc.id) == 16


def test_readers_id_is_content_hash_of_bytes():
    a = _one(b" date 2024-03-07 Hello world.\n")
    b = _one(b" date 2024-03-07 Hello world.\n", source="other.txt")
    c = _one(b" date 2024-03-08 Hello world.\n")
    assert a.id == b.id != c.id


@pytest.mark.parametrize(
    "line, dct",
    [
        (b" date 2021-10 Lede.", "2021-10"),
        (b"date 2024-03-07 Lede.", "2024-03-07"),
        (b" date 2024-03-07T08:45 Lede.", "2024-03-07T08:45"),
        (b"\tDATE 2024-02-29 Lede.", "2024-02-29"),
    ],
)
def test_readers_date_line_granularity(line, dct):
    doc = _one(line + b"\n\nSecond paragraph.\n")
    assert doc.dct == dct
    assert doc.raw.startswith("Lede.")


def test_readers_no_date_line_gives_null_dct_and_warning():
    doc = _one("Un article sans date.\n\nDeuxième paragraphe.".encode())
    assert doc.dct is None
    assert doc.raw.startswith("Un article")
    assert any("dct is null" in w for w in doc.warnings)


@pytest.mark.parametrize("line", [b" date 2021-13 Lede.", b" date 2023-02-30 Lede.", b" date hier Lede.", b" date 2024-03-07T25:00 x"])
def test_readers_malformed_date_line_is_a_document_error(line):
    err = _one(line)
    assert isinstance(err, DocumentError)
    assert err.code == "C006" and err.source == "a.txt"
    assert "date" in err.reason


def test_readers_normalize_date_keeps_granularity():
    assert normalize_date("2021-10-05T08:45:00Z") == "2021-10-05T08:45"
    assert normalize_date("2021-10-05 08:45:00+02:00") == "2021-10-05T08:45"
    with pytest.raises(ValueError):
        normalize_date("05/10/2021")


def test_readers_jsonl_default_and_mapped_fields():
    lines = [
        {"id": "a1", "title": "T", "url": "http://x/a", "published": "2024-01-02", "body": "Texte un."},
        {"content": "Texte deux.", "date": "2024-01-03T10:00:00"},
        {"article": "Texte trois.", "pubdate": "2024-01-04"},
    ]
    data = "\n".join(json.dumps(x) for x in lines).encode()
    docs = list(read_bytes(data, "f.jsonl"))
    assert [d.raw if not isinstance(d, DocumentError) else d.code for d in docs] == ["Texte un.", "Texte deux.", "C008"]
    assert docs[0].source == "f.jsonl#a1" and docs[0].title == "T" and docs[0].dct == "2024-01-02"
    assert docs[1].source == "f.jsonl:2" and docs[1].dct == "2024-01-03T10:00"
    mapped = list(read_bytes(data, "f.jsonl", ReadOptions(fields=FieldMap.parse("text=article,date=pubdate"))))
    assert mapped[2].raw == "Texte trois." and mapped[2].dct == "2024-01-04"


def test_readers_jsonl_bad_line_does_not_stop_the_batch():
    data = b'{"text": "un", "date": "2024-01-01"}\n{not json}\n[1,2]\n{"text": "deux", "date": "2024-13-01"}\n{"text": "trois"}\n'
    items = list(read_bytes(data, "f.jsonl"))
    assert [getattr(i, "code", "ok") for i in items] == ["ok", "C007", "C007", "C006", "ok"]
    assert items[1].source == "f.jsonl:2"
    assert items[4].dct is None


def test_readers_field_map_rejects_unknown_field():
    with pytest.raises(ValueError):
        FieldMap.parse("body=x")


HTML = """<html><head><title>Usine</title>
<meta property="article:published_time" content="2024-03-07T08:45:00Z"></head>
<body><nav><a href="/">Accueil</a> <a href="/eco">Economie</a></nav>
<article><h1>Une usine pour Lyon</h1>
<p>La société Exemple a annoncé mardi un plan de 300 millions d'euros pour construire une usine près de Lyon.</p>
<p>Le directeur a précisé que les travaux commenceront au printemps prochain et dureront deux ans.</p>
</article><footer>Mentions légales - Contact - Plan du site</footer></body></html>"""


def test_readers_html_main_text_and_date():
    doc = _one(HTML.encode(), source="page.html")
    assert doc.dct == "2024-03-07"
    assert "300 millions d'euros" in doc.text and "printemps prochain" in doc.text
    assert "Mentions légales" not in doc.text and "Accueil" not in doc.text
    assert "\n\n" in doc.text  # paragraphs separated by a blank line


def test_readers_html_without_text_is_an_error():
    err = _one(b"<html><body><nav>menu</nav></body></html>", source="empty.html")
    assert isinstance(err, DocumentError) and err.code == "C009"


def test_readers_directories_globs_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_bytes(b" date 2024-01-01 Alpha.")
    (tmp_path / "sub" / "b.txt").write_bytes(b" date 2024-01-02 Beta.")
    (tmp_path / "sub" / "c.jsonl").write_bytes(b'{"text": "Gamma.", "date": "2024-01-03"}\n')
    (tmp_path / "sub" / "skip.bin").write_bytes(b"\x00\x01")
    docs = list(read_paths([str(tmp_path)]))
    assert [d.raw for d in docs] == ["Alpha.", "Beta.", "Gamma."]
    globbed = list(read_paths([str(tmp_path / "**" / "*.txt")]))
    assert [d.raw for d in globbed] == ["Alpha.", "Beta."]
    missing = list(read_paths([str(tmp_path / "nope.txt")]))
    assert missing[0].code == "C001" and "nope.txt" in missing[0].source


def test_readers_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b" date 2024-05-01 Depuis stdin.")))
    (doc,) = list(read_paths(["-"]))
    assert doc.source == "<stdin>" and doc.dct == "2024-05-01" and doc.raw == "Depuis stdin."


def test_readers_no_paths_is_usage_error():
    with pytest.raises(UsageError):
        list(read_paths([]))
