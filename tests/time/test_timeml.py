"""TimeML reading and writing: exact text, offsets, DCT, escaping, MEANTIME, the CLI."""
from __future__ import annotations

import json
from pathlib import Path

from chronique.cli import main
from chronique.time import timeml
from chronique.types import Timex

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x1</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
AT&amp;T said <EVENT eid="e1">on</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-22">Friday</TIMEX3> that 3 &lt; 4.
<TIMEX3 tid="t2" type="DATE" value="1975" />Sales rose for <TIMEX3 tid="t3" type="DURATION" value="P3Y" mod="MORE_THAN">more than three years</TIMEX3>.
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t1" relatedToTime="t0"/>
</TimeML>
"""

MEANTIME = """<?xml version="1.0" ?><Document doc_id="1" lang="en">
<token number="0" sentence="0" t_id="1">Sales</token>
<token number="1" sentence="0" t_id="2">fall</token>
<token number="2" sentence="1" t_id="3">February</token>
<token number="3" sentence="1" t_id="4">03</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2009</token>
<token number="6" sentence="2" t_id="7">GM</token>
<token number="7" sentence="2" t_id="8">'s</token>
<token number="8" sentence="2" t_id="9">sales</token>
<token number="9" sentence="2" t_id="10">fell</token>
<token number="10" sentence="2" t_id="11">last</token>
<token number="11" sentence="2" t_id="12">month</token>
<token number="12" sentence="2" t_id="13">.</token>
<Markables>
<TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="9" type="DATE" value="03-02-2009">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 anchorTimeID="9" functionInDocument="NONE" m_id="10" type="DATE" value="2009-01">
<token_anchor t_id="11"/><token_anchor t_id="12"/>
</TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="1980" functionInDocument="NONE" m_id="26" type="DATE" value="1980"/>
</Markables>
</Document>
"""


def test_timeml_parse_text_is_exact_and_unescaped():
    doc = timeml.parse_tml(TML, "x1.tml")
    assert doc.dct == "2013-03-22"
    assert doc.text == "\nAT&T said on Friday that 3 < 4.\nSales rose for more than three years.\n"
    assert [(t.text, t.type, t.value, t.mod) for t in doc.timexes] == [
        ("Friday", "DATE", "2013-03-22", None),
        ("more than three years", "DURATION", "P3Y", "MORE_THAN"),
    ]
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text


def test_timeml_parse_skips_empty_timex_and_dct():
    doc = timeml.parse_tml(TML)
    assert "t2" not in {t.id for t in doc.timexes}
    assert "t0" not in {t.id for t in doc.timexes}
    assert doc.dct_spans == ()


def test_timeml_render_round_trips_and_escapes():
    doc = timeml.parse_tml(TML)
    mine = [
        Timex("a", doc.text.index("Friday"), doc.text.index("Friday") + 6, "Friday", "DATE", "2013-03-22", anchor="dct"),
        Timex("b", doc.text.index("AT&T"), doc.text.index("AT&T") + 4, "AT&T", "SET", 'X"Y', freq="1D", anchor="a"),
    ]
    out = timeml.render_tml(TML, doc.text, mine)
    assert "AT&amp;T" in out and "3 &lt; 4" in out and 'value="X&quot;Y"' in out
    assert "<TLINK" not in out and "<EVENT" not in out
    assert out.startswith(TML[: TML.index("<TEXT>")])  # header and DCT kept as they were
    back = timeml.parse_tml(out)
    assert back.text == doc.text and back.dct == doc.dct
    assert [(t.start, t.end, t.value) for t in back.timexes] == sorted((t.start, t.end, t.value) for t in mine)
    tids = {t.value: t.id for t in back.timexes}
    assert tids["2013-03-22"] != "t0"  # never the DCT's tid
    assert 'anchorTimeID="' + tids["2013-03-22"] + '"' in out  # anchor to a timex, not to the DCT
    assert out.count("anchorTimeID") == 1


def test_timeml_non_overlapping_keeps_first_and_longest():
    a = Timex("a", 0, 10, "x" * 10, "DATE", "2001")
    b = Timex("b", 5, 12, "x" * 7, "DATE", "2002")
    c = Timex("c", 0, 4, "x" * 4, "DATE", "2003")
    d = Timex("d", 12, 14, "xx", "DATE", "2004")
    assert [t.id for t in timeml.non_overlapping([b, c, a, d])] == ["a", "d"]


def test_timeml_meantime_rebuilds_text_and_spans():
    doc = timeml.parse_meantime(MEANTIME, "m.xml")
    assert doc.text == "Sales fall\nFebruary 03, 2009\nGM's sales fell last month."
    assert doc.dct == "2009-02-03"  # the one DD-MM-YYYY value of the corpus, repaired
    assert [doc.text[a:b] for a, b in doc.dct_spans] == ["February 03, 2009"]
    assert [(t.text, t.value) for t in doc.timexes] == [("last month", "2009-01")]


def test_timeml_shared_corpora_counts_match_their_source_notes(shared: Path):
    root = shared / "data" / "timeml"
    counts = {c: sum(len(d.timexes) for d in timeml.read_corpus(root / c)) for c in ("en/tbaq", "en/te3-platinum", "fr/ftib", "en/meantime")}
    assert counts == {"en/tbaq": 1822, "en/te3-platinum": 138, "fr/ftib": 425, "en/meantime": 370}
    for doc in timeml.read_corpus(root / "fr/ftib"):
        assert doc.dct and all(doc.text[t.start : t.end] == t.text for t in doc.timexes)


def _tree(tmp_path: Path) -> Path:
    gold = tmp_path / "gold"
    (gold / "sub").mkdir(parents=True)
    (gold / "sub" / "x1.tml").write_text(TML, encoding="utf-8")
    (gold / "m.xml").write_text(MEANTIME, encoding="utf-8")
    return gold


def test_timeml_cli_eval_gold_against_itself_is_perfect(tmp_path, capsys):
    gold = _tree(tmp_path)
    (tmp_path / "sys").mkdir()
    (tmp_path / "sys" / "sub").mkdir()
    (tmp_path / "sys" / "sub" / "x1.tml").write_text(TML, encoding="utf-8")
    assert main(["timeml", "eval", str(gold), str(tmp_path / "sys"), "--json", "--errors"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 2 and out["missing"] == ["m.xml"]
    assert out["gold"] == 3 and out["relaxed_p"] == 100.0 and out["value_p"] == 100.0
    assert [e["kind"] for e in out["errors"]] == ["miss"]


def test_timeml_cli_tag_keeps_relative_paths_and_text(tmp_path):
    gold = _tree(tmp_path)
    out = tmp_path / "out"
    assert main(["timeml", "tag", str(gold), str(out), "--lang", "en"]) == 0
    tagged = timeml.read_tml(out / "sub" / "x1.tml")
    assert tagged.text == timeml.parse_tml(TML).text and tagged.dct == "2013-03-22"
    again = timeml.read_tml(out / "m.xml".replace(".xml", ".tml"))
    assert again.text == timeml.parse_meantime(MEANTIME).text and again.dct == "2009-02-03"


def test_timeml_unescape_is_xml_only():
    assert timeml.unescape("&#233;t&#xE9; &amp;amp; &lt;b&gt; &quot;&apos;") == "été &amp; <b> \"'"
    assert timeml.unescape("&para &copy; &nbsp;") == "&para &copy; &nbsp;"  # HTML names are not XML
    doc = timeml.parse_tml("<TimeML><TEXT>l&#8217;&#233;t&#xE9; <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1999\">1999</TIMEX3></TEXT></TimeML>")
    assert doc.text == "l’été 1999" and doc.timexes[0].start == 6 and doc.dct is None


def test_timeml_bad_files_raise_timeml_error(tmp_path, capsys):
    import pytest

    for bad in ("<TimeML>no text</TimeML>", "<TimeML><TEXT><TIMEX3 tid='t1'>x</TEXT></TimeML>"):
        with pytest.raises(timeml.TimemlError):
            timeml.parse_tml(bad)
    with pytest.raises(timeml.TimemlError):
        timeml.parse_meantime("<Document><token", "broken.xml")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "in" / "broken.xml").write_text("<Document><token", encoding="utf-8")
    assert main(["timeml", "tag", str(tmp_path / "in"), str(tmp_path / "out")]) == 1  # the batch goes on
    assert (tmp_path / "out" / "ok.tml").is_file()
    assert "broken.xml" in capsys.readouterr().err
