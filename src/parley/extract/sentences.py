"""Sentences as extraction sees them: text, offsets, lower-cased words and lemmas.

spaCy's ``Doc`` (from :mod:`parley.extract.nlp`) is converted once into these
light views, so that the rule modules (events, stances) read plain lists and
stay independent of spaCy's API. The conversion reads the token attributes as
arrays (``Doc.to_array``) instead of creating a Python ``Token`` per word,
which is most of spaCy's cost when only a few attributes are needed.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def sentences_of(doc: Doc, text: str | None = None) -> list[Sentence]:
    """One :class:`Sentence` per sentence of ``doc``, whitespace tokens dropped.

    ``text`` is the parsed text when the caller has it (``doc.text`` rebuilds it
    from a Python ``Token`` per word).
    """
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, LOWER, SENT_START

    if len(doc) == 0:
        return []
    rows = doc.to_array([IDX, LOWER, LEMMA, IS_SPACE, SENT_START, LENGTH]).tolist()
    strings = doc.vocab.strings
    if text is None:
        text = doc.text
    out: list[Sentence] = []
    words: list[str] = []
    lemmas: list[str] = []
    offsets: list[int] = []
    start = end = 0

    def close() -> None:
        if words:  # the span runs from the first to the last word, as spaCy's sents do
            out.append(Sentence(start, end, text[start:end], words, lemmas, offsets))

    for i, (idx, lower, lemma, is_space, sent_start, length) in enumerate(rows):
        if i > 0 and sent_start == 1:
            close()
            words, lemmas, offsets = [], [], []
        if is_space:
            continue
        if not words:
            start = idx
        words.append(strings[lower])
        lemmas.append(strings[lemma].lower() if lemma else "")
        offsets.append(idx)
        end = idx + length
    close()
    return out
