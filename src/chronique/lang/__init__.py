"""Language packs: one data folder per language code, no code in them.

A pack holds TOML tables (`pack.toml`, `time.toml`, `repair.toml`, `facts.toml`, ...). Adding a
language means adding a folder; code finds it by listing.
"""
from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from ..errors import ChroniqueError

ROOT = Path(__file__).resolve().parent


class PackError(ChroniqueError):
    """A language data file is missing or malformed; the message names file and entry."""


def languages() -> list[str]:
    """Codes of every language folder that has a pack.toml."""
    return sorted(p.name for p in ROOT.iterdir() if (p / "pack.toml").is_file())


@functools.cache  # packs are read-only data: one parse per process is enough
def load_table(lang: str, name: str) -> dict[str, Any]:
    """The parsed `lang/<lang>/<name>.toml`; {} when the pack has no such file."""
    path = ROOT / lang / f"{name}.toml"
    if not (ROOT / lang / "pack.toml").is_file():
        raise PackError(f"no language pack for {lang!r} (have: {', '.join(languages())})")
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: {exc}") from exc
