"""Decoding: UTF-8, BOM, Windows-1252, Latin-1; binary, empty, undecodable and oversized input."""
from __future__ import annotations

import pytest

from chronique.errors import DocumentError
from chronique.io import ReadOptions, read_bytes, read_paths
from chronique.io.decode import decode

FR = " date 2021-10 L'été dernier, la société a créé 520 postes à Nancy — « un succès », dit-elle.\n"


def test_decode_utf8_plain():
    d = decode(FR.encode("utf-8"), "a.txt")
    assert d.text == FR and d.note is None


def test_decode_utf8_bom_is_removed_and_logged():
    (doc,) = list(read_bytes(b"\xef\xbb\xbf" + FR.encode(), "a.txt"))
    assert doc.dct == "2021-10" and doc.raw.startswith("L'été")
    assert doc.edits[0].kind == "encoding" and "byte order mark" in doc.edits[0].reason


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_decode_single_byte_western_encodings(codec):
    text = FR.replace("—", "-").replace("«", '"').replace("»", '"') if codec == "latin-1" else FR
    (doc,) = list(read_bytes(text.encode(codec), "a.txt"))
    assert doc.raw == text[len(" date 2021-10 "):]
    assert doc.edits[0].kind == "encoding" and "cp1252" in doc.edits[0].reason, doc.edits[0].reason


def test_decode_binary_file_is_refused():
    (err,) = list(read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "img.png"))
    assert isinstance(err, DocumentError) and err.code == "C003" and err.source == "img.png"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t "])
def test_decode_empty_file_is_refused(data):
    (err,) = list(read_bytes(data, "empty.txt"))
    assert err.code == "C002" and "empty" in err.reason


def test_decode_undecodable_bytes_are_refused():
    # invalid UTF-8 and bytes (0x81, 0x8d, 0x8f, 0x90, 0x9d) that Windows-1252 leaves undefined
    data = b"\x81\x8d\x8f\x90\x9d" * 40
    (err,) = list(read_bytes(data, "bad.txt"))
    assert isinstance(err, DocumentError) and err.code in ("C003", "C004")


def test_decode_oversized_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    items = list(read_paths([str(big), str(tmp_path / "big.txt")], ReadOptions()))
    assert all(i.code == "C005" and "limit" in i.reason for i in items)
    small = list(read_bytes(b"date 2024-01-01 abc", "s.txt", ReadOptions(max_bytes=5)))
    assert small[0].code == "C005"
