"""Which extractor produced a set of stored records.

Records in the knowledge base go stale when the extraction rules, the lexicons
or the case pack change. The stamp is a digest of everything that decides the
output (parley's version, the extraction package's code and lexicons, and the
case pack's files), so ``parley reextract`` can refresh exactly the articles
an older extractor, or another case pack, produced, and leave the rest alone.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import parley

_PACKAGE = Path(__file__).resolve().parent
_SUFFIXES = (".py", ".yaml", ".yml")


def extractor_stamp(case_folder: Path | str) -> str:
    """A short hex digest of the extraction code, its lexicons and the case pack's files.

    Read afresh on every call (a few dozen small files): a pack edited while a
    process runs must get a new stamp.
    """
    digest = hashlib.sha256(parley.__version__.encode())
    for root in (_PACKAGE, Path(case_folder)):
        for path in sorted(p for p in root.rglob("*") if p.suffix in _SUFFIXES):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
