"""TimeML in and out: inline-XML `.tml` files (TimeBank, TempEval-3, French TimeBank) and
MEANTIME CAT XML, read into plain text + DCT + gold timexes with character offsets.

The `.tml` reader scans tags by hand rather than through an XML tree so that the text is
exactly the characters between `<TEXT>` and `</TEXT>` (entities unescaped, nothing
normalised) and so that the writer can put the rest of the file back byte for byte.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..types import Timex

TEXT_OPEN = re.compile(r"<TEXT\b[^>]*>")
TEXT_CLOSE = "</TEXT>"
TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[^>]*>", re.S)
TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z_][\w:.-]*)")
ATTR = re.compile(r"([A-Za-z_][\w:.-]*)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
TIMEX_TAG = re.compile(r"<TIMEX3\b[^>]*>")
# Elements after </TEXT> that point at events and times of the gold annotation; a system
# file has none of those, so they are dropped from what we write.
LINK_LINE = re.compile(r"[ \t]*<(TLINK|SLINK|ALINK|MAKEINSTANCE)\b[^>]*?(/>|>.*?</\1>)[ \t]*\r?\n?", re.S)


class TimemlError(ValueError):
    """A file is not usable TimeML: no <TEXT>, unbalanced TIMEX3, no tokens."""


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    """One annotated document, whatever the file format.

    name: file name relative to the corpus root (used in error lists)
    dct: value of the CREATION_TIME TIMEX3, None when absent
    text: the plain text the offsets point into
    timexes: gold TIMEX3 with text, non-empty, DCT excluded, in text order
    dct_spans: spans of `text` that are the DCT itself (MEANTIME keeps its date line in the text);
        the scorer ignores system timexes inside them
    """

    name: str
    dct: str | None
    text: str
    timexes: tuple[Timex, ...]
    dct_spans: tuple[tuple[int, int], ...] = ()


ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9A-Fa-f]+));")
NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _entity(m: re.Match[str]) -> str:
    if m[1]:
        return NAMED[m[1]]
    code = int(m[2]) if m[2] else int(m[3], 16)
    return chr(code) if 0 < code <= 0x10FFFF else m[0]


def unescape(s: str) -> str:
    """XML's five entities and character references; anything else is left as written
    (HTML's larger entity table does not apply to XML)."""
    return ENTITY.sub(_entity, s) if "&" in s else s


def attributes(tag: str) -> dict[str, str]:
    """Attributes of one start tag, values unescaped."""
    return {m[1]: unescape(m[2] if m[2] is not None else m[3]) for m in ATTR.finditer(tag)}


def _timex(attrs: dict[str, str], start: int, end: int, text: str) -> Timex:
    return Timex(
        id=attrs.get("tid", ""),
        start=start,
        end=end,
        text=text[start:end],
        type=attrs.get("type", ""),
        value=attrs.get("value", ""),
        mod=attrs.get("mod") or None,
        quant=attrs.get("quant") or None,
        freq=attrs.get("freq") or None,
        anchor=attrs.get("anchorTimeID") or None,
    )


def _text_bounds(source: str) -> tuple[int, int]:
    """Where the inner content of <TEXT> starts and ends in the file."""
    m = TEXT_OPEN.search(source)
    end = source.rfind(TEXT_CLOSE)
    if not m or end < m.end():
        raise TimemlError("no <TEXT>...</TEXT> element")
    return m.end(), end


def find_dct(source: str) -> str | None:
    """Value of the TIMEX3 with functionInDocument="CREATION_TIME", anywhere in the file."""
    for m in TIMEX_TAG.finditer(source):
        attrs = attributes(m[0])
        if attrs.get("functionInDocument") == "CREATION_TIME":
            return attrs.get("value") or None
    return None


def parse_tml(source: str, name: str = "") -> TimemlDoc:
    """Read one inline TimeML document from its file contents.

    source: the whole file as a string
    name: what to call it in reports
    """
    lo, hi = _text_bounds(source)
    pieces: list[str] = []
    size = 0
    open_timex: tuple[dict[str, str], int] | None = None
    gold: list[Timex] = []
    dct_spans: list[tuple[int, int]] = []
    spans: list[tuple[dict[str, str], int, int]] = []
    pos = lo
    for m in TAG.finditer(source, lo, hi):
        chunk = unescape(source[pos : m.start()])
        pieces.append(chunk)
        size += len(chunk)
        pos = m.end()
        tag = m[0]
        if tag.startswith("<![CDATA["):
            pieces.append(tag[9:-3])
            size += len(tag) - 12
            continue
        head = TAG_NAME.match(tag)
        if not head or head[2] != "TIMEX3":
            continue
        if head[1]:  # </TIMEX3>
            if open_timex is None:
                raise TimemlError(f"{name}: </TIMEX3> without a start tag at {m.start()}")
            spans.append((open_timex[0], open_timex[1], size))
            open_timex = None
        elif not tag.rstrip(">").rstrip().endswith("/"):  # empty TIMEX3 cover no text: not scored
            if open_timex is not None:
                raise TimemlError(f"{name}: nested TIMEX3 at {m.start()}")
            open_timex = (attributes(tag), size)
    if open_timex is not None:
        raise TimemlError(f"{name}: unclosed TIMEX3")
    chunk = unescape(source[pos:hi])
    pieces.append(chunk)
    text = "".join(pieces)
    for attrs, start, end in spans:
        if end <= start:
            continue
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct_spans.append((start, end))
        else:
            gold.append(_timex(attrs, start, end, text))
    return TimemlDoc(name, find_dct(source), text, tuple(gold), tuple(dct_spans))


def read_text(path: Path) -> str:
    """A file's characters exactly (no newline translation, BOM dropped)."""
    return path.read_bytes().decode("utf-8-sig")


def read_tml(path: str | Path, name: str | None = None) -> TimemlDoc:
    """Read a `.tml` file; `name` defaults to the file name."""
    path = Path(path)
    return parse_tml(read_text(path), name or path.name)


def _escape_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(s: str) -> str:
    return _escape_text(s).replace('"', "&quot;")


def _used_tids(source: str) -> set[str]:
    return {m[1] for m in re.finditer(r"\btid\s*=\s*[\"']([^\"']*)[\"']", source)}


def render_tml(source: str, text: str, timexes: list[Timex] | tuple[Timex, ...]) -> str:
    """The file `source` with `<TEXT>` replaced by `text` plus our TIMEX3 tags.

    source: the original file (its header, DCT and title are kept as they are)
    text: the plain text the timexes point into (normally what `parse_tml` returned)
    timexes: non-overlapping, in any order; ids become fresh tids that do not collide with
        the DCT's, and `anchor` (unless "dct") becomes anchorTimeID
    """
    lo, hi = _text_bounds(source)
    used = _used_tids(source[:lo] + source[hi:])
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    tids: dict[str, str] = {}
    n = 0
    for t in ordered:
        n += 1
        while f"t{n}" in used:
            n += 1
        tids[t.id] = f"t{n}"
    out: list[str] = []
    pos = 0
    for t in ordered:
        if t.start < pos or not 0 <= t.start < t.end <= len(text):
            raise TimemlError(f"timex {t.id} [{t.start}, {t.end}) overlaps another or leaves the text")
        out.append(_escape_text(text[pos : t.start]))
        attrs = [("tid", tids[t.id]), ("type", t.type), ("value", t.value)]
        attrs += [(k, v) for k, v in (("mod", t.mod), ("quant", t.quant), ("freq", t.freq)) if v]
        if t.anchor and t.anchor != "dct" and t.anchor in tids:
            attrs.append(("anchorTimeID", tids[t.anchor]))
        body = " ".join(f'{k}="{_escape_attr(v)}"' for k, v in attrs)
        out.append(f"<TIMEX3 {body}>{_escape_text(text[t.start : t.end])}</TIMEX3>")
        pos = t.end
    out.append(_escape_text(text[pos:]))
    tail = LINK_LINE.sub("", source[hi:])
    return source[:lo] + "".join(out) + tail


def write_tml(path: str | Path, source: str, text: str, timexes: list[Timex] | tuple[Timex, ...]) -> None:
    """Write `render_tml(...)` to `path` as UTF-8, creating parent folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_tml(source, text, timexes).encode("utf-8"))


# --- MEANTIME (CAT XML): tokens plus standoff markables -----------------------------------

# Tokens glued to what precedes / follows when the text is rebuilt (the format keeps no spaces).
NO_SPACE_BEFORE = frozenset(",.;:!?)]}%") | {"'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}
NO_SPACE_AFTER = frozenset("([{$") | {"``"}
DMY = re.compile(r"(\d{2})-(\d{2})-(\d{4})$")


def _fix_dct(value: str | None) -> str | None:
    """MEANTIME has one DCT written DD-MM-YYYY (its date line says February 03, 2009)."""
    if value and (m := DMY.match(value)):
        return f"{m[3]}-{m[2]}-{m[1]}"
    return value or None


# MEANTIME annotates the title, the date line and the first sentences only: every annotation
# of the English section sits in sentences 0-5, so the text stops there and nothing after
# that counts as a false alarm.
MEANTIME_SENTENCES = 6


def parse_meantime(source: str | bytes, name: str = "", sentences: int | None = MEANTIME_SENTENCES) -> TimemlDoc:
    """Read one MEANTIME CAT XML document: one sentence per line, tokens joined by a space
    except before closing punctuation and clitics and after opening brackets.

    source: the file contents
    name: what to call it in reports
    sentences: keep only this many sentences (None: all), see MEANTIME_SENTENCES
    """
    import xml.etree.ElementTree as ET  # stdlib; only this reader needs a tree

    try:
        root = ET.fromstring(source.encode("utf-8") if isinstance(source, str) else source)
    except ET.ParseError as exc:
        raise TimemlError(f"{name}: not well-formed XML: {exc}") from exc
    parts: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    size, sentence, prev = 0, None, ""
    for tok in root.iter("token"):
        if sentences is not None and int(tok.get("sentence", "0")) >= sentences:
            break
        word = tok.text or ""
        if sentence is not None and tok.get("sentence") != sentence:
            sep = "\n"
        elif sentence is None or word in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        sentence, prev = tok.get("sentence"), word
        parts.append(sep + word)
        size += len(sep)
        where[tok.get("t_id", "")] = (size, size + len(word))
        size += len(word)
    if not where:
        raise TimemlError(f"{name}: no <token> elements")
    text = "".join(parts)
    dct: str | None = None
    gold: list[Timex] = []
    dct_spans: list[tuple[int, int]] = []
    for el in root.iter("TIMEX3"):
        attrs = {k: v for k, v in el.attrib.items() if v != ""}
        spans = [where[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id", "") in where]
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = _fix_dct(attrs.get("value"))
            if spans:
                dct_spans.append((min(s for s, _ in spans), max(e for _, e in spans)))
            continue
        if not spans:  # empty TIMEX3: not in the text, not scored
            continue
        attrs["tid"] = attrs.get("m_id", "")
        gold.append(_timex(attrs, min(s for s, _ in spans), max(e for _, e in spans), text))
    gold.sort(key=lambda t: (t.start, t.end))
    return TimemlDoc(name, dct, text, tuple(gold), tuple(dct_spans))


def read_meantime(path: str | Path, name: str | None = None) -> TimemlDoc:
    """Read a MEANTIME `.xml` file; `name` defaults to the file name."""
    path = Path(path)
    return parse_meantime(path.read_bytes(), name or path.name)


def read_corpus(root: str | Path) -> list[TimemlDoc]:
    """Every document under `root` (recursively), named by relative path: `.tml` files as
    inline TimeML, `.xml` files as MEANTIME CAT XML."""
    return [read_doc(path, rel) for path, rel in corpus_files(root)]


def non_overlapping(timexes: list[Timex] | tuple[Timex, ...]) -> list[Timex]:
    """Timexes in text order with any that overlap an earlier-starting (or, at the same
    start, longer) one dropped: inline XML cannot nest or cross tags."""
    out: list[Timex] = []
    for t in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if t.end > t.start and (not out or t.start >= out[-1].end):
            out.append(t)
    return out


def skeleton(doc: TimemlDoc) -> str:
    """A minimal TimeML file for a document that has none of its own (MEANTIME): DOCID,
    DCT and an empty <TEXT> for `render_tml` to fill."""
    dct = ""
    if doc.dct:
        dct = f'<DCT><TIMEX3 tid="t0" type="DATE" value="{_escape_attr(doc.dct)}" functionInDocument="CREATION_TIME"/></DCT>\n'
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n<DOCID>{_escape_text(doc.name)}</DOCID>\n{dct}<TEXT></TEXT>\n</TimeML>\n'


def source_of(path: Path, doc: TimemlDoc) -> str:
    """The file `render_tml` should start from: the `.tml` itself, or a skeleton for CAT XML."""
    return read_text(path) if path.suffix == ".tml" else skeleton(doc)


def corpus_files(root: str | Path) -> list[tuple[Path, str]]:
    """(path, relative name) of every `.tml` and `.xml` document under `root`, sorted."""
    root = Path(root)
    return [(p, p.relative_to(root).as_posix()) for p in sorted(root.rglob("*")) if p.suffix in (".tml", ".xml") and p.is_file()]


def read_doc(path: Path, name: str) -> TimemlDoc:
    """One document by its extension: `.tml` inline TimeML, `.xml` MEANTIME."""
    return read_tml(path, name) if path.suffix == ".tml" else read_meantime(path, name)
