"""Language detection restricted to a configurable set."""

from __future__ import annotations

import pytest

from parley.errors import ParleyError
from parley.ingest import language
from parley.ingest.language import detect_language

SAMPLES = {
    "de": "Die Verhandlungen in Moskau dauerten bis tief in die Nacht, ein Ergebnis gab es nicht.",
    "en": "The talks in Moscow went on late into the night, but no result was announced.",
    "ru": "Переговоры в Москве продолжались до поздней ночи, но результата объявлено не было.",
    "uk": "Переговори в Москві тривали до пізньої ночі, але жодного результату не оголосили.",
    "fr": "Les négociations à Moscou ont duré tard dans la nuit, sans résultat annoncé.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_default_set_detects_each_language(code):
    assert detect_language(SAMPLES[code]) == code


def test_restricted_set_never_returns_outside_it():
    assert detect_language(SAMPLES["fr"], ["de", "en"]) in {"de", "en", None}
    assert detect_language(SAMPLES["de"], ["de"]) == "de"
    assert detect_language(SAMPLES["en"], ["de"]) is None


def test_no_letters_no_language():
    assert detect_language("") is None
    assert detect_language("12.03.2025 — 14:05") is None


def test_unknown_code_is_a_clear_error():
    with pytest.raises(ParleyError, match="unknown language code 'xx'"):
        detect_language("Hallo Welt", ["de", "xx"])


def test_long_texts_use_the_low_accuracy_detector_short_ones_the_high():
    long_text = " ".join([SAMPLES["de"]] * 4)
    assert len(long_text) >= language.LOW_ACCURACY_MIN_CHARS > len(SAMPLES["de"])
    assert detect_language(long_text) == detect_language(SAMPLES["de"]) == "de"
    # Both detectors now exist: asking for them again builds nothing.
    misses = language._detector.cache_info().misses
    for low_accuracy in (True, False):
        language._detector(frozenset(language.DEFAULT_LANGUAGES), low_accuracy)
    assert language._detector.cache_info().misses == misses


def test_detector_is_built_once_per_language_set():
    detect_language(SAMPLES["de"], ["en", "de"])
    before = language._detector.cache_info().misses
    detect_language(SAMPLES["en"], ["de", "en"])
    detect_language(SAMPLES["en"], ("DE", " en"))
    assert language._detector.cache_info().misses == before
