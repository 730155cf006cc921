"""``parley eval gold`` without --pred: ingest and extract the gold sources in process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / ".." / "shared" / "corpus" / "seeds"


@pytest.mark.slow
@pytest.mark.shared
def test_every_gold_article_is_extracted_and_aligned():
    if not SEEDS.is_dir():
        pytest.skip("../shared seeds not present")
    gold = str(ROOT / "tests" / "gold")
    args = [
        "eval",
        "gold",
        gold,
        "--format",
        "json",
        "--sources",
        str(ROOT),
        "--sources",
        str(SEEDS),
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["unmatched"] == []  # pipeline sources align with gold by basename
    assert len(report["articles"]) == len(list((ROOT / "tests" / "gold").rglob("*.jsonl")))
    actors = report["scores"]["actors"]
    assert actors["tp"] + actors["fn"] > 0 and actors["tp"] + actors["fp"] > 0


@pytest.mark.slow
def test_by_set_scores_each_subfolder_and_they_add_up_to_the_whole():
    """Demo and held-out gold only (our own articles): no ../shared needed."""
    args = ["eval", "gold", str(ROOT / "tests" / "gold"), "--format", "json", "--by-set", "--ci"]
    args += ["--sources", str(ROOT), "--sources", str(SEEDS)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    sets = report["by_set"]
    assert {"demo", "heldout"} <= set(sets)
    for name, part in sets.items():
        gold_files = list((ROOT / "tests" / "gold" / name).glob("*.jsonl"))
        assert len(part["articles"]) == len(gold_files)
    for kind in ("actors", "quotes", "events", "stances"):
        total = report["scores"][kind]
        for count in ("tp", "fp", "fn"):
            assert sum(part["scores"][kind][count] for part in sets.values()) == total[count]
    for part in [report, *sets.values()]:  # --ci: an interval beside every F1
        for row in part["scores"].values():
            low, high = row["f1_ci95"]
            assert 0 <= low <= high <= 1
