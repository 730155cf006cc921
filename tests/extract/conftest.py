"""Fixtures for extraction tests: a small case pack and a helper running the pipeline."""

from __future__ import annotations

import json
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

    return _runner(extractor, "de")


@pytest.fixture(scope="session")
def run_case():
    """Like ``run``, with the shipped ukraine-2025 pack (its own cues and issue terms)."""
    from parley.cases.loader import load_case
    from parley.extract.pipeline import Extractor

    extractor = Extractor(load_case("ukraine-2025"))

    return _runner(extractor, "en")


def _runner(extractor, default_lang: str):
    def _run(text: str, published: str | None = "2025-12-03", lang: str = default_lang) -> dict:
        article = Article(text=text, source="test.txt", published=published, language=lang)
        out: dict[str, list[dict]] = {"mention": [], "quote": [], "event": [], "stance": []}
        for record in extractor.extract(article):
            rec = record.to_record()
            out[rec["kind"]].append(rec)
        return out

    return _run


NEWS_ARTICLE = (
    "Witkoff traf sich am Dienstag in Moskau mit Putin. „Das Gespräch war konstruktiv“, "
    "sagte Juri Uschakow. Putin fordert den gesamten Donbass.\n"
)


@pytest.fixture
def news(tmp_path):
    """A folder holding one JSON Lines feed with one short news article."""
    folder = tmp_path / "news"
    folder.mkdir()
    record = {"text": NEWS_ARTICLE, "url": "https://example.org/a", "published": "2025-12-03"}
    (folder / "feed.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n")
    return folder
