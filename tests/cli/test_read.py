"""`chronique read`: JSON contract, errors per document, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from chronique.cli import main
from chronique.types import READ_KEYS

EDIT_KEYS = ["kind", "start", "end", "raw_start", "raw_end", "replacement", "reason"]


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronique", *args], input=stdin, capture_output=True, timeout=600)


def test_read_json_keys_are_the_contract(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text(" date 2024-03-07 The company said it will open a plant.\n\nIt employs 500 people.\n")
    assert main(["read", str(f), "--json", "--steps", "lang"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    obj = json.loads(line)
    assert list(obj) == list(READ_KEYS)
    assert obj["dct"] == "2024-03-07" and obj["lang"] == "en"


def test_read_bad_inputs_each_named_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(" date 2024-03-07 Une usine ouvrira à Lyon.\n")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 100)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    baddate = tmp_path / "d.txt"
    baddate.write_text(" date 2024-02-31 Lede.\n")
    undecodable = tmp_path / "u.txt"
    undecodable.write_bytes(b"\x81\x8d\x8f\x90\x9d" * 40)
    res = run_cli("read", "--json", "--steps", "lang", str(binary), str(good), str(empty), str(baddate), str(undecodable))
    assert res.returncode == 0, res.stderr
    objs = [json.loads(x) for x in res.stdout.splitlines()]
    assert [o["source"] for o in objs] == [str(binary), str(good), str(empty), str(baddate), str(undecodable)]
    errors = {o["source"]: o["error"]["code"] for o in objs if "error" in o}
    assert errors == {str(binary): "C003", str(empty): "C002", str(baddate): "C006", str(undecodable): "C004"}
    assert all(list(o)[:-1] == list(READ_KEYS) for o in objs if "error" in o)
    stderr = res.stderr.decode()
    for path in (binary, empty, baddate, undecodable):
        assert str(path) in stderr


def test_read_exit_code_1_when_nothing_read(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    res = run_cli("read", str(empty), str(tmp_path / "missing.txt"))
    assert res.returncode == 1
    assert b"C002" in res.stderr and b"C001" in res.stderr


@pytest.mark.parametrize("args", [["read"], ["read", "x.txt", "--steps", "nonsense"], ["read", "x", "--fields", "oops"], []])
def test_read_usage_errors_exit_2(args):
    assert run_cli(*args).returncode == 2


def test_read_stdin_human_output():
    res = run_cli("read", "-", "--steps", "lang", stdin=" date 2021-10 Bonjour à tous les lecteurs du journal.\n".encode())
    assert res.returncode == 0
    out = res.stdout.decode()
    assert "dct=2021-10" in out and "lang=fr" in out and "Bonjour à tous" in out
