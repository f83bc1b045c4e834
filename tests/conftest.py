"""The one conftest: shared-data location and session fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.paths import shared_dir  # one definition of where ../shared is


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    assert path.is_dir(), f"shared data not found at {path}; set CHRONIQUE_SHARED"
    return path


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seeds" / "000_279920492ad6a31d.txt"


@pytest.fixture(scope="session")
def fact_step():
    """One FactStep for the whole session: its spaCy models load once."""
    from chronique.extract import FactStep

    return FactStep()
