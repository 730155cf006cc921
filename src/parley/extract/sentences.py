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
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, LOWER, SENT_START

    if len(doc) == 0:
        return []
    if text is None:
        text = doc.text
    columns = doc.to_array([IDX, LOWER, LEMMA, IS_SPACE, SENT_START, LENGTH])
    opens = columns[:, 4] == 1
    opens[0] = True
    sentence_of = np.cumsum(opens)  # sentence number of every token
    kept = np.flatnonzero(columns[:, 3] == 0)  # whitespace tokens are not words
    if not len(kept):
        return []
    strings = doc.vocab.strings
    # Each distinct form is looked up (and lower-cased) once, then spread by index.
    forms, inverse = np.unique(columns[kept, 1], return_inverse=True)
    names = [strings[h] for h in forms.tolist()]
    words = [names[k] for k in inverse.reshape(-1).tolist()]
    forms, inverse = np.unique(columns[kept, 2], return_inverse=True)
    names = [strings[h].lower() if h else "" for h in forms.tolist()]
    lemmas = [names[k] for k in inverse.reshape(-1).tolist()]
    offsets = columns[kept, 0].tolist()
    ends = (columns[kept, 0] + columns[kept, 5]).tolist()
    # Sentences are runs of kept tokens with the same sentence number.
    cuts = [0, *(np.flatnonzero(np.diff(sentence_of[kept])) + 1).tolist(), len(kept)]
    out: list[Sentence] = []
    for a, b in pairwise(cuts):
        start, end = offsets[a], ends[b - 1]
        out.append(Sentence(start, end, text[start:end], words[a:b], lemmas[a:b], offsets[a:b]))
    return out
