"""The Rewriter's contract: every edit sits at its text range, and the log rebuilds the text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from chronique.repair.edits import Change, OffsetMap, Rewriter, apply_edits, to_raw


def check(rw: Rewriter) -> None:
    edits = rw.edits()
    for e in edits:
        assert rw.text[e.start:e.end] == e.replacement
        assert e.end - e.start == len(e.replacement)
    assert list(edits) == sorted(edits, key=lambda e: e.start)
    assert apply_edits(rw.raw, edits) == rw.text


def test_edits_single_batch_logs_raw_ranges():
    rw = Rewriter("abc def ghi")
    rw.apply("glue", [Change(3, 4, "", "drop space"), Change(8, 8, "X", "insert")])
    assert rw.text == "abcdef Xghi"
    check(rw)
    assert [(e.raw_start, e.raw_end) for e in rw.edits()] == [(3, 4), (8, 8)]


def test_edits_later_batch_shifts_and_keeps_earlier_edits():
    rw = Rewriter("aaXXbbYYcc")
    rw.apply("encoding", [Change(2, 4, "x", "one")])
    rw.apply("glue", [Change(5, 7, "", "two")])  # "YY" now sits at 5..7
    assert rw.text == "aaxbbcc"
    check(rw)
    assert [(e.kind, e.raw_start, e.raw_end) for e in rw.edits()] == [("encoding", 2, 4), ("glue", 6, 8)]


def test_edits_overlapping_change_merges_with_earlier_edit():
    rw = Rewriter("one two three four")
    rw.apply("whitespace", [Change(3, 4, "  ", "wider")])
    # remove "one  two" entirely: overlaps the whitespace edit
    rw.apply("repeat", [Change(0, 9, "", "repeat")])
    assert rw.text == "three four"
    check(rw)
    (e,) = rw.edits()
    assert (e.kind, e.raw_start, e.raw_end, e.replacement) == ("repeat", 0, 8, "")
    assert "merged" in e.reason


def test_edits_undoing_change_leaves_no_edit():
    rw = Rewriter("a b")
    rw.apply("whitespace", [Change(1, 2, "", "drop")])
    rw.apply("glue", [Change(1, 1, " ", "put back")])
    assert rw.text == "a b"
    assert rw.edits() == ()


def test_edits_rejects_overlapping_changes_in_one_batch():
    rw = Rewriter("abcdef")
    with pytest.raises(ValueError):
        rw.apply("x", [Change(0, 3, "", "a"), Change(2, 4, "", "b")])


def test_edits_noop_changes_are_dropped():
    rw = Rewriter("abc")
    assert rw.apply("x", [Change(0, 1, "a", "same")]) == 0
    assert rw.edits() == ()


def test_edits_to_raw_maps_through_deletions_and_insertions():
    raw = "Hello   world.Again here"
    rw = Rewriter(raw)
    rw.apply("whitespace", [Change(6, 8, "", "spaces")])
    rw.apply("glue", [Change(12, 12, " ", "glue")])
    assert rw.text == "Hello world. Again here"
    check(rw)
    s = rw.text.index("Again")
    assert to_raw(rw.edits(), s, s + 5) == (raw.index("Again"), raw.index("Again") + 5)
    s = rw.text.index("world")
    assert raw[slice(*to_raw(rw.edits(), s, s + 5))] == "world"
    # a range cutting into an edit widens to the whole edit
    assert to_raw(rw.edits(), 11, 13) == (13, 14)  # ". " came from "." plus an insertion
    assert raw[slice(*to_raw(rw.edits(), 5, 7))] == "   w"  # the space stands for three


ops = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 6), st.text("xy ", max_size=4)), max_size=6
)


@settings(max_examples=300, deadline=None)
@given(raw=st.text("abcde \n", max_size=60), rounds=st.lists(ops, max_size=4))
def test_edits_random_rounds_keep_the_contract(raw, rounds):
    rw = Rewriter(raw)
    for k, batch in enumerate(rounds):
        changes, last = [], -1
        for pos, length, rep in sorted(batch):
            start = min(pos, len(rw.text))
            if start <= last:
                continue
            end = min(start + length, len(rw.text))
            changes.append(Change(start, end, rep, f"r{k}"))
            last = end  # keep the changes of one batch apart
        rw.apply(f"k{k}", changes)
        check(rw)
        m = OffsetMap(rw.edits())
        for p in range(len(rw.text) + 1):
            assert 0 <= m.start(p) <= len(raw) and 0 <= m.end(p) <= len(raw)
        # unedited characters map to themselves in raw
        covered = set()
        for e in rw.edits():
            covered.update(range(e.start, e.end))
        for p, ch in enumerate(rw.text):
            if p not in covered:
                assert raw[m.start(p)] == ch


SENTENCES = [
    "Le maire a voté le budget de la ville pour l'année prochaine.",
    "Les travaux dureront dix-huit mois, a-t-il précisé mardi soir.",
    "The company said net profit rose 5.4 pct in the U.S. market.",
    "« Nous verrons », a répondu l'opposition.",
    "Publicité",
]
pieces = st.lists(
    st.one_of(st.sampled_from(SENTENCES), st.sampled_from([" ", "", "\n", "\n\n", "\r\n", "\u00a0", "\u200b"]),
              st.text("aéÃ©«» .!?\n\"'A1-", max_size=8)),
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(parts=pieces)
def test_edits_full_repair_keeps_the_contract(parts):
    from chronique.repair import RepairStep

    raw = "".join(parts)
    rw = RepairStep().rewrite(raw)
    check(rw)


def test_edits_step_keeps_reader_notes_and_earlier_edits():
    from chronique.repair import RepairStep
    from chronique.types import Document, Edit

    raw = "  Le maire.Il vote."
    note = Edit("encoding", 0, 0, 0, 0, "", "decoded as cp1252")
    doc = RepairStep()(Document(id="x", source="s", raw=raw, text=raw, edits=(note,)))
    assert doc.text == "Le maire. Il vote."
    assert doc.edits[0] == note  # the note is still first, at offset 0
    assert apply_edits(raw, doc.edits) == doc.text
    # an earlier real edit is built on, not lost
    earlier = Edit("encoding", 2, 4, 2, 4, "Ze", "test")
    doc = RepairStep()(Document(id="x", source="s", raw=raw, text=raw, edits=(earlier,)))
    assert doc.text == "Ze maire. Il vote."
    assert apply_edits(raw, doc.edits) == doc.text
