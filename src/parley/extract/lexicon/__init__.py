"""Speech-cue lexicons: which words mark reported speech, per language.

The base lists live beside this module as ``speech_<lang>.yaml``; a case pack may
add words under the same keys (its ``lexicon.yaml``), so the engine holds no
case-specific vocabulary. Matching is on lookup lemmas, lowercased.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib.resources import files

import yaml

from parley.errors import InputError


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """The cue words of one language, as lowercase frozensets."""

    language: str
    speech_verbs: frozenset[str]
    reported_verbs: frozenset[str]
    particles: frozenset[str]
    source_prepositions: frozenset[str]
    source_nouns: frozenset[str]
    source_prepositions_before_noun: frozenset[str]
    source_postpositions: frozenset[str]
    source_phrases: frozenset[str]
    attribution_adverbs: frozenset[str]
    hearsay_adverbs: frozenset[str]
    subjunctive: frozenset[str]
    pronouns: frozenset[str]
    impersonal_cues: frozenset[str]
    # Nouns naming a speech act whose content clause follows ("gab ihm Hinweise, wie …").
    speech_nouns: frozenset[str]

    @property
    def all_verbs(self) -> frozenset[str]:
        return self.speech_verbs | self.reported_verbs

    def extended(self, extra: Mapping[str, Iterable[str]] | None) -> SpeechLexicon:
        """This lexicon plus ``extra`` words (e.g. a case pack's), key by key."""
        if not extra:
            return self
        known = {f.name for f in fields(self)} - {"language"}
        unknown = set(extra) - known
        if unknown:
            raise ValueError(
                f"unknown speech-lexicon keys {sorted(unknown)}; known: {sorted(known)}"
            )
        merged = {
            name: getattr(self, name) | {w.lower() for w in extra.get(name, ())} for name in known
        }
        return SpeechLexicon(language=self.language, **merged)


def _parse(lang: str, data: object, source: str) -> SpeechLexicon:
    if not isinstance(data, dict):
        raise InputError(source, "a speech lexicon must be a YAML mapping of key -> word list")
    values = {}
    for f in fields(SpeechLexicon):
        if f.name == "language":
            continue
        words = data.get(f.name) or []
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise InputError(source, f"{f.name!r} must be a list of words")
        values[f.name] = frozenset(w.lower() for w in words)
    return SpeechLexicon(language=lang, **values)


@lru_cache(maxsize=4)
def _base(lang: str) -> SpeechLexicon:
    resource = files(__name__) / f"speech_{lang}.yaml"
    if not resource.is_file():
        raise ValueError(f"no speech lexicon for language {lang!r}")
    return _parse(lang, yaml.safe_load(resource.read_text(encoding="utf-8")), str(resource))


def load_speech_lexicon(
    lang: str, extra: Mapping[str, Iterable[str]] | None = None
) -> SpeechLexicon:
    """The base lexicon for ``lang``, extended by ``extra`` (same keys as the YAML)."""
    return _base(lang).extended(extra)
