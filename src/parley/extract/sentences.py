"""Sentences as extraction sees them: text, offsets, lower-cased words and lemmas.

spaCy's ``Doc`` (from :mod:`parley.extract.nlp`) is converted once into these
light views, so that the rule modules (events, stances) read plain lists and
stay independent of spaCy's API.
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


def sentences_of(doc: Doc) -> list[Sentence]:
    """One :class:`Sentence` per ``doc.sents``, spaces dropped."""
    out = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        out.append(
            Sentence(
                start=sent.start_char,
                end=sent.end_char,
                text=sent.text,
                words=[t.lower_ for t in toks],
                lemmas=[t.lemma_.lower() for t in toks],
                offsets=[t.idx for t in toks],
            )
        )
    return out
