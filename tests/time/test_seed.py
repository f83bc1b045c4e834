"""The seed article, exactly as issue 3 states it (DCT 2021-10)."""
from __future__ import annotations

from pathlib import Path

import pytest

from chronique.time import tag

# phrase of the issue -> (value, mod, type); the timex must overlap the phrase
EXPECTED = {
    "au cours du premier semestre de 2024": ("2024-H1", None, "DATE"),
    "Il y a environ six mois": ("2021-04", "APPROX", "DATE"),
    "A l'époque": ("PAST_REF", None, None),
    "à partir de 2023": ("2023", None, "DATE"),
    "sur une période de dix ans": ("P10Y", None, "DURATION"),
    "Fin août dernier": ("2021-08", "END", "DATE"),
    "depuis le 12 mai": ("2021-05-12", None, "DATE"),
}


def seed_text(path: Path) -> tuple[str, str]:
    """(dct, text) of the seed: the ` date YYYY-MM` line gives the DCT; the text stops before
    the repeated paragraph (repair is another step's job)."""
    raw = path.read_text(encoding="utf-8")
    first, _, rest = raw.partition("\n")
    words = first.split()
    assert words[0] == "date"
    dct, lede = words[1], " ".join(words[2:])
    paragraphs = [lede] + [p for p in rest.split("\n\n") if p.strip()]
    return dct, "\n\n".join(p.strip() for p in paragraphs[:5])


@pytest.fixture(scope="module")
def seed(seed_path: Path):
    dct, text = seed_text(seed_path)
    return text, tag(text, dct, "fr")


@pytest.mark.parametrize("phrase", list(EXPECTED))
def test_seed_anchor(seed, phrase):
    text, timexes = seed
    at = text.index(phrase)
    hits = [t for t in timexes if t.start < at + len(phrase) and t.end > at]
    assert len(hits) == 1, (phrase, hits)
    value, mod, typ = EXPECTED[phrase]
    assert (hits[0].value, hits[0].mod) == (value, mod)
    if typ:
        assert hits[0].type == typ


def test_seed_intervals(seed):
    text, timexes = seed
    by_value = {t.value: t for t in timexes}
    assert by_value["2024-H1"].interval == ("2024-01-01", "2024-07-01")
    assert by_value["2023"].interval == ("2023-01-01", "2024-01-01")
    assert by_value["2021-08"].interval == ("2021-08-01", "2021-09-01")
    assert by_value["P10Y"].interval is None and by_value["PAST_REF"].interval is None
    assert by_value["2021-04"].anchor == "dct" and by_value["2024-H1"].anchor is None


def test_seed_nothing_else(seed):
    # "la plus forte hausse quotidienne" is an adjective, not a SET
    _, timexes = seed
    assert len(timexes) == len(EXPECTED), [(t.text, t.value) for t in timexes]


def test_seed_ids_in_order(seed):
    _, timexes = seed
    assert [t.id for t in timexes] == [f"t{i}" for i in range(1, len(timexes) + 1)]
    assert all(a.end <= b.start for a, b in zip(timexes, timexes[1:]))
    assert all(t.rule for t in timexes)
