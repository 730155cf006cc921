"""Near-duplicate fingerprints: agency copy republished with small edits.

Exact duplicates need nothing here: the article id is a hash of the cleaned
text, so identical text collapses to one article with several sources.

Near-duplicates are found with MinHash over word 3-shingles (datasketch) and
locality-sensitive hashing in bands, laid out as datasketch's ``MinHashLSH``
lays them out for the threshold. The band keys are stored in the knowledge base
rather than in an in-memory ``MinHashLSH``, so the index survives across runs,
is written in the same transaction as its article (kill-and-resume safe) and
costs no memory as the corpus grows. Candidates that share a band are confirmed
by the estimated Jaccard similarity of their signatures.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

#: Estimated Jaccard similarity of word 3-shingles above which two articles are
#: near-duplicates. Ten edited words in a 400-word agency report leave ~0.86;
#: different reports on the same meeting stay far below 0.3.
THRESHOLD = 0.7
NUM_PERM = 128
#: Texts with fewer words are too short for shingles to tell copy from topic.
MIN_WORDS = 30
_SEED = 1
#: datasketch's hashing scheme, pinned: stored signatures must stay comparable.
#: Shingles are hashed from per-word CRC-32s (far cheaper than datasketch's default
#: SHA-1 per shingle); the affine32 scheme mixes every input hash (murmur3 fmix)
#: before the permutations, so the simple combination does not bias the signature.
_SCHEME = "affine32"
_MIX1, _MIX2 = np.uint32(0x9E3779B1), np.uint32(0x85EBCA77)
#: The band layout ``datasketch.MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)``
#: chooses (its ``b`` and ``r``; a test keeps them in step). Fixed here because
#: computing it imports SciPy and integrates numerically on every start.
BANDS, ROWS = 14, 9
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A MinHash signature and the LSH band keys derived from it."""

    signature: bytes  # NUM_PERM little-endian uint32 hash values
    bands: tuple[int, ...]  # one signed 64-bit key per band (fits an SQLite INTEGER)

    def similarity(self, other_signature: bytes) -> float:
        """Estimated Jaccard similarity to another stored signature."""
        a = np.frombuffer(self.signature, dtype="<u4")
        b = np.frombuffer(other_signature, dtype="<u4")
        return float(np.count_nonzero(a == b)) / len(a)


@cache
def _minhash() -> MinHash:
    """One MinHash, cleared for every text: drawing its permutations costs more than hashing."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME, hashfunc=int)


def _shingle_hashes(words: list[str]) -> list[int]:
    """32-bit hashes of the word 3-shingles: CRC-32 per word, combined in NumPy."""
    table = {w: zlib.crc32(w.encode("utf-8")) for w in set(words)}  # each word hashed once
    h = np.array([table[w] for w in words], dtype=np.uint32)
    shingles = (h[:-2] * _MIX1 ^ h[1:-1]) * _MIX2 ^ h[2:]  # wraps modulo 2**32
    return np.unique(shingles).tolist()


def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of a cleaned text, or ``None`` when it is too short to compare."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    minhash = _minhash()
    minhash.clear()
    minhash.update_batch(_shingle_hashes(words))
    values = minhash.hashvalues.astype("<u4")
    bands = tuple(
        int.from_bytes(
            hashlib.blake2b(values[i * ROWS : (i + 1) * ROWS].tobytes(), digest_size=8).digest(),
            "little",
            signed=True,
        )
        for i in range(BANDS)
    )
    return Fingerprint(signature=values.tobytes(), bands=bands)
