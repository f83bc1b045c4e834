"""Fingerprints of a text: exact hash, word shingles and MinHash signatures (pure functions).

Words are lowercased runs of letters and digits, so punctuation, case and spacing changes
(a syndicated copy re-typeset by another site) do not change the fingerprint.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

import rensa

NUM_PERM = 128
SHINGLE = 5
SEED = 1987  # fixed: signatures stored by one run must compare with the next run's

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def text_hash(text: str) -> str:
    """Hash of the normalised word sequence: equal for exact copies up to case and punctuation."""
    return hashlib.sha256(" ".join(words(text)).encode()).hexdigest()[:16]


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """The set of k-word shingles; a text shorter than k words is one shingle."""
    w = words(text)
    if len(w) < k:
        return {" ".join(w)} if w else set()
    return {" ".join(w[i:i + k]) for i in range(len(w) - k + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def minhash(shingle_set: Iterable[str], num_perm: int = NUM_PERM) -> list[int]:
    """MinHash signature (rensa RMinHash) of a shingle set: num_perm unsigned 32-bit values."""
    m = rensa.RMinHash(num_perm=num_perm, seed=SEED)
    m.update(sorted(shingle_set))
    return list(m.digest())


def estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Jaccard estimate from two signatures: the share of equal positions."""
    return sum(x == y for x, y in zip(a, b)) / max(len(a), 1)


def bands(signature: Sequence[int], num_bands: int, rows: int) -> list[tuple[int, tuple[int, ...]]]:
    """LSH band keys: (band number, that band's values); plain tuples hash fast and pickle anywhere."""
    sig = tuple(signature)
    return [(b, sig[b * rows:(b + 1) * rows]) for b in range(num_bands)]
