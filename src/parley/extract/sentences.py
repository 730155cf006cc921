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
    rows = columns[kept]
    # Each distinct form is lower-cased once (spaCy's LOWER is the form's str.lower())
    # and remembered across documents: forms recur.
    words = _names(rows[:, 0].tolist(), _LOWER, lambda h: strings[h].lower())
    lemmas = _names(rows[:, 1].tolist(), _LEMMA, lambda h: strings[h].lower() if h else "")
    offsets = rows[:, 2].tolist()
    ends = (rows[:, 2] + rows[:, 3]).tolist()
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


def _names(hashes: list[int], memo: dict[int, str], name: Callable[[int], str]) -> list[str]:
    """The strings of a column of hashes, each hash named once and remembered."""
    names = list(map(memo.get, hashes))
    if None in names:  # forms not seen before
        for i, found in enumerate(names):
            if found is None:
                names[i] = memo[hashes[i]] = name(hashes[i])
    return names
