"""The plain data passed between steps: frozen, slotted dataclasses with a JSON round-trip.

Offsets are half-open character ranges into `Document.text` unless a field says `raw_`.
Ids are content hashes, so a re-run reproduces them.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any


def content_id(data: bytes, prefix: str = "") -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of `data`."""
    return prefix + hashlib.sha256(data).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change made while repairing: `raw[raw_start:raw_end]` became `replacement`,
    which sits at `text[start:end]` (so `end - start == len(replacement)`).

    kind: repeat | glue | boilerplate | encoding | whitespace
    """

    kind: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    replacement: str
    reason: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 expression. `interval` is [start, end) as ISO dates, None when not on the calendar."""

    id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    anchor: str | None = None  # "dct" or the id of the timex it was resolved against
    interval: tuple[str, str] | None = None
    rule: str = ""
    by_tense: bool = False  # the year was picked by the tense words around it: a parse may know better


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity; `key` is the normalized name that joins it across documents."""

    id: str
    start: int
    end: int
    text: str
    label: str  # ORG | PER | LOC | MISC
    key: str
    anaphor: bool = False  # "la firme", "the company": resolved to the subject organisation's key


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with a meaning: money, percent or a count, as an exact decimal string."""

    start: int
    end: int
    text: str
    kind: str  # money | percent | quantity
    value: str  # decimal as a string, e.g. "10000000000" or "-5.4"
    unit: str | None = None
    currency: str | None = None
    mod: str | None = None  # MORE_THAN | LESS_THAN | APPROX ...
    sentence: tuple[int, int] | None = None
    direction: str | None = None  # up | down: a change ("a crû de 5,4%"), not a level


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement about an entity: an event or an intention, with its target date and modality."""

    id: str
    start: int
    end: int
    text: str
    subject: dict[str, Any]  # {"key", "name"}
    predicate: str
    target: dict[str, Any] | None  # {"value", "mod", "interval", "timex"}
    modality: str  # plan | rumour | confirmed | denied | fact
    polarity: str = "positive"
    source: dict[str, Any] | None = None  # {"who", "via"}
    figures: tuple[dict[str, Any], ...] = ()
    forward: bool = False
    key: str = ""  # joins the same claim across reports
    about: str = ""  # short canonical description (English predicate + object lemma) for linking claims
    attested: tuple[dict[str, Any], ...] = ()  # later statements about it: {"modality", "who", "via"}


@dataclass(frozen=True, slots=True)
class Document:
    """An article: what was read (`raw`), what repair made of it (`text`) and the facts found in it."""

    id: str
    source: str
    raw: str
    text: str = ""
    dct: str | None = None  # TIMEX3 value with its own granularity: 2021-10, 2024-03-07, 2024-03-07T08:45
    lang: str | None = None
    title: str | None = None
    url: str | None = None
    edits: tuple[Edit, ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = ()

    def replace(self, **changes: Any) -> "Document":
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        return document_from_dict(data)


# The keys `chronique read --json` prints, in order: a contract people script against.
READ_KEYS = ("id", "source", "dct", "lang", "text", "edits", "timexes", "entities", "figures", "claims")


def to_dict(obj: Any) -> Any:
    """Dataclasses, tuples and lists to JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _tuple_fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Rebuild tuple-typed fields (JSON gives lists back)."""
    out = dict(data)
    for name in ("interval", "sentence"):
        if out.get(name) is not None and name in {f.name for f in dataclasses.fields(cls)}:
            out[name] = tuple(out[name])
    if "figures" in out and cls is Claim:
        out["figures"] = tuple(out["figures"])
    if "attested" in out and cls is Claim:
        out["attested"] = tuple(out["attested"])
    return out


def document_from_dict(data: dict[str, Any]) -> Document:
    parts = {
        "edits": Edit,
        "timexes": Timex,
        "entities": Entity,
        "figures": Figure,
        "claims": Claim,
    }
    kwargs = {k: v for k, v in data.items() if k not in parts and k != "error"}
    for key, cls in parts.items():
        kwargs[key] = tuple(cls(**_tuple_fields(cls, item)) for item in data.get(key, ()))
    kwargs["warnings"] = tuple(kwargs.get("warnings", ()))
    return Document(**kwargs)
