"""The per-document pipeline, assembled by step name: repair, lang, timex, facts."""
from __future__ import annotations

import importlib
from collections.abc import Iterable

from .errors import UsageError
from .pipeline import DocStep, Pipeline

# step name -> "module:Class"; imported only when the step is used, so `read --steps repair`
# never loads spaCy.
STEPS = {
    "repair": "chronique.repair:RepairStep",
    "lang": "chronique.lang.detect:LangStep",
    "timex": "chronique.time:TimexStep",
    "facts": "chronique.extract:FactStep",
}
DEFAULT_STEPS = ("repair", "lang", "timex", "facts")


def make_step(name: str) -> DocStep:
    try:
        target = STEPS[name]
    except KeyError:
        raise UsageError(f"unknown step {name!r}; steps are: {', '.join(STEPS)}") from None
    module, _, cls = target.partition(":")
    return getattr(importlib.import_module(module), cls)()


def build_pipeline(steps: Iterable[str] | None = None) -> Pipeline:
    """A Pipeline of the named steps, in the order given (default: all, in DEFAULT_STEPS order)."""
    names = list(DEFAULT_STEPS if steps is None else steps)
    return Pipeline(make_step(n) for n in names)


def parse_steps(spec: str | None) -> list[str] | None:
    """'repair,lang' -> ['repair', 'lang']; None or 'all' -> None (every step)."""
    if spec in (None, "", "all"):
        return None
    names = [s.strip() for s in spec.split(",") if s.strip()]
    for n in names:
        if n not in STEPS:
            raise UsageError(f"unknown step {n!r}; steps are: {', '.join(STEPS)}")
    return names
