"""The gold files are well-formed and anchored to the current cleaner's output.

If the cleaner changes, the offsets move: re-run ``tests/gold/anchor.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.evaluate.gold import load_gold

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
SEEDS = ROOT / ".." / "shared" / "corpus" / "seeds"
ISSUES = {
    "agreement-form", "ceasefire", "territory-donbas", "territory-crimea", "territory-south",
    "nato-membership", "army-size", "foreign-troops", "security-guarantees", "sanctions-relief",
    "frozen-assets", "elections-ukraine", "amnesty", "language-church", "zaporizhzhia-npp",
    "humanitarian", "monitoring", "european-security", "economic-cooperation", "weapons-supplies",
}  # fmt: skip
CONSULT_MODES = {"meet", "phone", "visit", "host", "third-party", "multilateral"}


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_gold_follows_the_contract():
    gold = load_gold(GOLD)
    assert len(gold) >= 8
    for path in sorted(GOLD.rglob("*.jsonl")):
        records = _records(path)
        article = records[0]
        assert article["kind"] == "article", path.name
        for r in records[1:]:
            assert r["article"] == article["id"], path.name
            assert 0 <= r["start"] < r["end"] <= article["chars"], (path.name, r)
            if r["kind"] == "stance":
                assert r["issue"] in ISSUES, (path.name, r)
            if r["kind"] == "event" and r["type"] == "CONSULT":
                assert r["mode"] in CONSULT_MODES, (path.name, r)
                assert r["participants"], (path.name, r)


def _phrases(record: dict) -> list[str]:
    """String values a record takes from its article (``name`` is our canonical name)."""
    skip = {"kind", "id", "article", "source", "name", "actor", "speaker", "type", "mode"}
    return [v for k, v in record.items() if isinstance(v, str) and k not in skip]


def test_seed_gold_holds_no_article_text():
    """Seed articles are third-party text: their gold has offsets and fingerprints only."""
    for path in sorted((GOLD / "seeds").glob("*.jsonl")):
        for r in _records(path):
            assert "text" not in r, (path.name, r)
            assert all(len(v.split()) <= 3 for v in _phrases(r)), (path.name, r)
            assert all("text" not in line for line in r.get("removed", [])), path.name
            if r["kind"] in ("quote", "event", "stance"):
                assert set(r["fingerprint"]) == {"sha1", "len"}, (path.name, r)


def _anchor_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("anchor", GOLD / "anchor.py")
    anchor = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(anchor)
    return anchor


def test_heldout_gold_covers_composed_articles_in_both_languages():
    """The held-out set: eleven of our own articles, at least three English, each one file."""
    gold = load_gold(GOLD / "heldout")
    languages = sorted(g.article["language"] for g in gold.values())
    assert len(gold) == 11 and languages.count("en") >= 3 and "de" in languages
    for group in gold.values():
        assert (ROOT / group.article["source"]).is_file(), group.article["source"]
    assert not set(gold) & set(load_gold(GOLD / "demo")), "an article is in two gold sets"


def test_snippet_gold_is_anchored_to_the_current_cleaner():
    """Demo and held-out gold need only the repo: their snippets are re-found and compared."""
    specs = sorted((GOLD / "src" / "demo").glob("*.yaml"))
    specs += sorted((GOLD / "src" / "heldout").glob("*.yaml"))
    assert _anchor_tool().main(["--check", *map(str, specs)]) == 0, "run tests/gold/anchor.py"


@pytest.mark.shared
def test_seed_gold_hydrates_from_the_cleaned_seeds():
    if not SEEDS.is_dir():
        pytest.skip("../shared seeds not present")
    from parley.evaluate.gold import hydrate
    from parley.ingest.pipeline import Prepared, prepare

    for key, group in load_gold(GOLD / "seeds").items():
        (item,) = [i for i in prepare([str(SEEDS / key)]) if isinstance(i, Prepared)]
        assert hydrate(group, item.article.text) == [], key
        assert all(q["text"].strip() for q in group.quotes), key


@pytest.mark.shared
def test_gold_is_anchored_to_the_current_cleaner():
    if not SEEDS.is_dir():
        pytest.skip("../shared seeds not present")
    assert _anchor_tool().main(["--check"]) == 0, "gold is stale: run tests/gold/anchor.py"
