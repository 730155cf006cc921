"""Metadata of the five seed articles (the issue's done-when dates among them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.ingest.clean import clean_text
from parley.ingest.metadata import extract_metadata

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/corpus/seeds not present"),
]


def _raw(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _meta(prefix: str):
    raw = _raw(prefix)
    return extract_metadata(raw, clean_text(raw).text)


@pytest.mark.parametrize(
    ("prefix", "published"),
    [
        ("000", "2025-11-27"),  # kicker "… 27. Nov 2025"
        ("001", None),  # states no date
        ("002", None),  # only the embedded post is dated (December 2, 2025)
        ("003", "2025-12-08"),  # byline "8. Dezember 2025 | …"
        ("004", None),  # "Stand:" is empty
    ],
)
def test_published_only_where_stated(prefix, published):
    assert _meta(prefix).published == published


def test_seed_metadata_fields():
    m0, m1, m2, m3, m4 = (_meta(p) for p in ("000", "001", "002", "003", "004"))
    assert (m0.title, m0.author) == ("Trump verteidigt Witkoff", "Andreas Mink")
    assert (m1.title, m1.outlet, m1.author) == (None, "WELT", "Gregor Schwung")
    assert (
        m2.title.startswith("Ukraine-Krieg: Witkoff-Putin-Treffen") and m2.dateline == "Washington."
    )
    # the headline is the first line with text (its wording is read from the seed, not copied)
    headline = next(line for line in _raw("003").splitlines() if line.strip())
    assert (m3.title, m3.author) == (headline.strip(), "Alastair Crooke")
    assert m4.title.startswith("US-Gesandte Witkoff und Kushner")
    assert m4.author == "Valeriia Semeniuk"
    assert {m.language for m in (m0, m1, m2, m3, m4)} == {"de"}
    assert [m.dateline for m in (m0, m1, m3, m4)] == [None] * 4
