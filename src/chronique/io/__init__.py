"""Readers: paths (files, directories, globs, '-' for standard input) to Documents or DocumentErrors.

Readers are sources, not steps: they yield one item per article, errors included, so a batch
goes on past a bad file.
"""
from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DocumentError, UsageError
from ..types import Document, Edit
from .decode import decode
from .html import read_html
from .jsonl import FieldMap, read_jsonl
from .text import parse_text

__all__ = ["ReadOptions", "read_paths", "read_bytes", "FieldMap"]

TEXT_EXT = {".txt", ".text", ".md", ""}
JSONL_EXT = {".jsonl", ".ndjson"}
HTML_EXT = {".html", ".htm", ".xhtml"}
KNOWN_EXT = TEXT_EXT | JSONL_EXT | HTML_EXT


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: the format (auto|text|jsonl|html), JSONL keys, and the size limit in bytes."""

    format: str = "auto"
    fields: FieldMap = field(default_factory=FieldMap)
    max_bytes: int = 20_000_000


def _kind(path: str, data: bytes, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    ext = Path(path).suffix.lower()
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in HTML_EXT:
        return "html"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<body" in data[:65536].lower()):
        return "html"
    if head.startswith(b"{") and data.rstrip().endswith(b"}"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, source: str, options: ReadOptions = ReadOptions()) -> Iterator[Document | DocumentError]:
    """Every document in one file's bytes."""
    if len(data) > options.max_bytes:
        yield DocumentError(source, "C005", f"file is {len(data):,} bytes, above the {options.max_bytes:,}-byte limit")
        return
    kind = _kind(source, data, options.format)
    if kind == "jsonl":
        if not data.strip():
            yield DocumentError(source, "C002", "file is empty")
            return
        yield from read_jsonl(data, source, options.fields)
        return
    try:
        decoded = decode(data, source)
        if kind == "html":
            doc = read_html(decoded.text, source, data)
        else:
            doc = parse_text(decoded.text, source, data)
    except DocumentError as err:
        yield err
        return
    if decoded.note:  # the decoding choice is the first repair: keep it in the edit log
        doc = doc.replace(edits=(Edit("encoding", 0, 0, 0, 0, "", decoded.note),) + doc.edits)
    yield doc


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if path == "-":
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_EXT:
                        yield os.path.join(root, name)
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield path  # reported as not found below
            yield from (m for m in matches if os.path.isfile(m))
        else:
            yield path


def read_paths(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Document | DocumentError]:
    """Documents from files, directories (recursively, known extensions), globs and '-'."""
    paths = list(paths)
    if not paths:
        raise UsageError("no input: give files, directories, globs or '-' for standard input")
    for path in _expand(paths):
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", options)
            continue
        try:
            size = os.path.getsize(path)
            if size > options.max_bytes:  # refuse before reading 50 MB into memory
                yield DocumentError(path, "C005", f"file is {size:,} bytes, above the {options.max_bytes:,}-byte limit")
                continue
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            yield DocumentError(path, "C001", f"cannot read: {exc.strerror or exc}")
            continue
        yield from read_bytes(data, path, options)
