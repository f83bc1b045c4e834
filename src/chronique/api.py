"""The Python API: `process` one text, `read` files, or build a `Pipeline` once and reuse it."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import DocumentError
from .io import ReadOptions, read_bytes, read_paths
from .io.dates import normalize_date
from .pipeline import Pipeline
from .process import build_pipeline
from .types import Document, content_id


def make_document(text: str, dct: str | None = None, *, lang: str | None = None, source: str = "<text>",
                  title: str | None = None) -> Document:
    """A Document from a string; `dct` is an ISO date (2021-10, 2021-10-05, 2021-10-05T08:45) or None."""
    dct_value = normalize_date(dct) if dct else None
    return Document(id=content_id(f"{dct_value or ''}\n{text}".encode()), source=source, raw=text, text=text,
                    dct=dct_value, lang=lang, title=title)


def process(text: str, dct: str | None = None, *, lang: str | None = None, pipeline: Pipeline | None = None,
            steps: Iterable[str] | None = None) -> Document:
    """Repair, anchor and extract one article given as a string.

    dct: the article date; relative dates stay unanchored without it
    pipeline: a Pipeline to reuse (building one loads models: reuse it for many texts)
    steps: step names when no pipeline is given (default: all)
    """
    pipe = pipeline or build_pipeline(steps)
    return pipe(make_document(text, dct, lang=lang))


def read(paths: Iterable[str], *, pipeline: Pipeline | None = None, steps: Iterable[str] | None = None,
         options: ReadOptions = ReadOptions()) -> Iterator[Document | DocumentError]:
    """Read and process files, directories, globs; errors come back as DocumentError items."""
    pipe = pipeline or build_pipeline(steps)
    return pipe.run(read_paths(paths, options))


__all__ = ["process", "read", "make_document", "build_pipeline", "read_bytes"]
