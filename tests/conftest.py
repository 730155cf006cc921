"""Article-like prose for ingest tests: seeded, so every run sees the same text."""

import random

import pytest

_WORDS = [
    "Verhandlungen",
    "Delegation",
    "Genf",
    "Moskau",
    "Kiew",
    "Washington",
    "Waffenstillstand",
    "Plan",
    "Punkte",
    "Sicherheitsgarantien",
    "Gebiete",
    "Sanktionen",
    "Gespräche",
    "Treffen",
    "Gesandte",
    "Präsident",
    "Regierung",
    "Vorschlag",
    "Einigung",
    "Frieden",
    "Grenze",
    "Armee",
    "Truppen",
    "Europa",
    "Ukraine",
    "Russland",
    "Berater",
    "Abkommen",
    "Entwurf",
    "Fassung",
    "Streit",
    "Frage",
    "Woche",
    "Abend",
    "Nacht",
    "Stadt",
    "Land",
    "Partei",
]
_VERBS = ["sagte", "betonte", "erklärte", "forderte", "lehnte", "kündigte", "berichtete", "warnte"]


def make_prose(seed: int, sentences: int = 12) -> str:
    """Paragraphs of plausible-looking German sentences, distinct per seed."""
    rng = random.Random(seed)
    out = []
    for i in range(sentences):
        words = rng.sample(_WORDS, 7)
        out.append(f"{words[0]} {rng.choice(_VERBS)} {' '.join(w.lower() for w in words[1:])} {i}.")
    return "\n\n".join(" ".join(out[i : i + 3]) for i in range(0, len(out), 3)) + "\n"


@pytest.fixture
def prose():
    return make_prose
