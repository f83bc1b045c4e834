"""Where the shared corpora live: `../shared` beside the checkout, or CHRONIQUE_SHARED."""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("CHRONIQUE_SHARED", REPO.parent / "shared")).resolve()
