"""Language identification with lingua, restricted to the languages a corpus can contain.

Restricting the candidate set is what makes lingua reliable on news text: a German article
full of English names is never mistaken for Dutch when Dutch is not a candidate. Building a
detector loads its models, so detectors are built once per language set and cached.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from parley.errors import ParleyError

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = ["DEFAULT_LANGUAGES", "SAMPLE_CHARS", "detect_language"]

DEFAULT_LANGUAGES: tuple[str, ...] = ("de", "en", "ru", "uk", "fr")
# Lingua's accuracy saturates long before a full article; a few paragraphs suffice and keep
# detection cost independent of article length.
SAMPLE_CHARS = 2000


@lru_cache(maxsize=16)
def _detector(codes: frozenset[str]) -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    isos = []
    for code in sorted(codes):
        try:
            isos.append(getattr(IsoCode639_1, code.upper()))
        except AttributeError:
            raise ParleyError(f"unknown language code {code!r} (expected ISO 639-1)") from None
    if len(isos) == 1:
        # Lingua needs two candidates; a one-language corpus is still checked against English
        # so that text in no supported language is not silently labelled.
        isos.append(IsoCode639_1.EN if isos[0] != IsoCode639_1.EN else IsoCode639_1.DE)
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*isos).with_preloaded_language_models().build()
    )


def detect_language(text: str, languages: Sequence[str] | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language among ``languages`` (default de, en, ru, uk, fr).

    Returns None when the text has no letters or lingua cannot decide.
    """
    codes = frozenset(c.strip().lower() for c in (languages or DEFAULT_LANGUAGES) if c.strip())
    if not codes:
        raise ParleyError("no candidate languages given")
    sample = text[:SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return None
    language = _detector(codes).detect_language_of(sample)
    if language is None:
        return None
    code = language.iso_code_639_1.name.lower()
    return code if code in codes else None
