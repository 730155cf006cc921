"""Fixtures for extraction tests: a small case pack and a helper running the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.ingest.article import Article

MINICASE = Path(__file__).with_name("minicase")
SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="session")
def minicase():
    cases = pytest.importorskip("parley.cases")
    return cases.load_case(MINICASE)


@pytest.fixture(scope="session")
def extractor(minicase):
    from parley.extract.pipeline import Extractor

    return Extractor(minicase)


@pytest.fixture(scope="session")
def run(extractor):
    """Records of one text as a dict kind -> list of SPEC §1 objects."""

    def _run(text: str, published: str | None = "2025-12-03", lang: str = "de") -> dict:
        article = Article(text=text, source="test.txt", published=published, language=lang)
        out: dict[str, list[dict]] = {"mention": [], "quote": [], "event": [], "stance": []}
        for record in extractor.extract(article):
            rec = record.to_record()
            out[rec["kind"]].append(rec)
        return out

    return _run


@pytest.fixture(scope="session")
def run_case():
    """Like ``run``, with the shipped ukraine-2025 pack (its own cues and issue terms)."""
    from parley.cases.loader import load_case
    from parley.extract.pipeline import Extractor

    extractor = Extractor(load_case("ukraine-2025"))

    def _run(text: str, published: str | None = "2025-12-03", lang: str = "en") -> dict:
        article = Article(text=text, source="test.txt", published=published, language=lang)
        out: dict[str, list[dict]] = {"mention": [], "quote": [], "event": [], "stance": []}
        for record in extractor.extract(article):
            rec = record.to_record()
            out[rec["kind"]].append(rec)
        return out

    return _run
