"""Sentences as extraction sees them: text, offsets, lower-cased words and lemmas.

spaCy's ``Doc`` (from :mod:`parley.extract.nlp`) is converted once into these
light views, so that the rule modules (events, stances) read plain lists and
stay independent of spaCy's API. The conversion reads the token attributes as
arrays (``Doc.to_array``) instead of creating a Python ``Token`` per word,
which is most of spaCy's cost when only a few attributes are needed, and
looks each distinct word form up once.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    words: list[str]  # lower-cased token texts
    lemmas: list[str]  # lower-cased lemmas ("" where none)
    offsets: list[int]  # character offset of each token in the article

    def char_of(self, token: int) -> int:
        return self.offsets[token]

    def index_of(self, offset: int) -> int:
        """The token starting at character ``offset`` (``offsets.index``, by bisection:
        offsets rise strictly); ValueError if none does."""
        i = bisect_left(self.offsets, offset)
        if i == len(self.offsets) or self.offsets[i] != offset:
            raise ValueError(f"no token starts at {offset}")
        return i


def sentences_of(doc: Doc, text: str | None = None) -> list[Sentence]:
    """One :class:`Sentence` per sentence of ``doc``, whitespace tokens dropped.

    ``text`` is the parsed text when the caller has it (``doc.text`` rebuilds it
    from a Python ``Token`` per word).
    """
    import numpy as np

    from parley.extract.nlp import token_columns

    if len(doc) == 0:
        return []
    if text is None:
        text = doc.text
    columns = token_columns(doc)  # ORTH, LEMMA, IDX, LENGTH, IS_SPACE, SENT_START
    opens = columns[:, 5] == 1
    opens[0] = True
    sentence_of = np.cumsum(opens)  # sentence number of every token
    kept = np.flatnonzero(columns[:, 4] == 0)  # whitespace tokens are not words
    if not len(kept):
        return []
    strings = doc.vocab.strings
    # Each distinct form is looked up and lower-cased once (spaCy's LOWER is the
    # form's str.lower()), then spread by index.
    words = _spread(columns[kept, 0], _LOWER, lambda h: strings[h].lower())
    lemmas = _spread(columns[kept, 1], _LEMMA, lambda h: strings[h].lower() if h else "")
    offsets = columns[kept, 2].tolist()
    ends = (columns[kept, 2] + columns[kept, 3]).tolist()
    # Sentences are runs of kept tokens with the same sentence number.
    cuts = [0, *(np.flatnonzero(np.diff(sentence_of[kept])) + 1).tolist(), len(kept)]
    out: list[Sentence] = []
    for a, b in pairwise(cuts):
        start, end = offsets[a], ends[b - 1]
        out.append(Sentence(start, end, text[start:end], words[a:b], lemmas[a:b], offsets[a:b]))
    return out


# Lower-cased text of each form and lemma, by hash in the shared StringStore.
_LOWER: dict[int, str] = {}
_LEMMA: dict[int, str] = {}


def _spread(hashes, memo: dict[int, str], name: Callable[[int], str]) -> list[str]:
    """The strings of a column of hashes: each distinct hash named once."""
    import numpy as np

    forms, inverse = np.unique(hashes, return_inverse=True)
    names = []
    for h in forms.tolist():
        found = memo.get(h)
        if found is None:
            found = memo[h] = name(h)
        names.append(found)
    return np.array(names, dtype=object)[inverse.reshape(-1)].tolist()
