"""Bytes to text: BOM, UTF-8, then charset-normalizer's best guess; binary and empty input refused."""
from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import DocumentError

# Control bytes other than tab/newline/CR/form feed are a strong sign of binary data.
_BINARY_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_MIN_COHERENCE = 0.1  # charset-normalizer's language coherence: 0 means no language recognised


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # codec name as Python knows it
    note: str | None  # a sentence for the edit log when the encoding was not plain UTF-8


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(bytes([b])) for b in _BINARY_CONTROL)
    return controls > max(2, len(sample) // 100)


def decode(data: bytes, source: str) -> Decoded:
    """Decode a document's bytes; raise DocumentError naming `source` when they are not text."""
    if not data.strip():
        raise DocumentError(source, "C002", "file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig", "removed UTF-8 byte order mark")
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(data.decode("utf-16"), "utf-16", "decoded as UTF-16 (byte order mark)")
    if looks_binary(data):
        raise DocumentError(source, "C003", "file looks binary (NUL or control bytes), not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", None)
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    # Western news that is not UTF-8 is almost always Windows-1252 (a superset of Latin-1 for
    # printable text); charset-normalizer often names a sibling code page for short Latin texts, so
    # its guess wins only when it found a language written in another script.
    if best is not None and best.coherence >= _MIN_COHERENCE:
        try:
            other = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            other = ""
        if other and _mostly_non_latin(other):
            return Decoded(other, best.encoding, f"decoded as {best.encoding} (not valid UTF-8; detected by charset-normalizer)")
    try:
        return Decoded(data.decode("cp1252"), "cp1252", "decoded as cp1252 (not valid UTF-8)")
    except UnicodeDecodeError:
        pass
    guess = f" (best guess {best.encoding}, no language recognised)" if best is not None else ""
    raise DocumentError(source, "C004", f"bytes are neither UTF-8 nor Windows-1252 and no other text encoding fits{guess}")


def _mostly_non_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ord(ch) >= 0x370 for ch in letters) > len(letters) / 2
