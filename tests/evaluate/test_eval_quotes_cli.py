"""``parley eval quotes`` prints the benchmark table, and bad input is one readable line."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.app import app

DATASET = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "german-news-quotes"
runner = CliRunner()


@pytest.mark.shared
def test_eval_quotes_prints_scores_beside_the_baseline():
    if not (DATASET / "dev.jsonl").is_file():
        pytest.skip("german-news-quotes dataset not present")
    result = runner.invoke(
        app, ["eval", "quotes", "--dataset", str(DATASET), "--split", "dev", "--limit", "3"]
    )
    assert result.exit_code == 0, result.output
    for label in ("Message", "Roles", "Joint", "Form", "Speaker", "QUiTE"):
        assert label in result.output


def test_eval_quotes_names_a_missing_dataset(tmp_path):
    result = runner.invoke(app, ["eval", "quotes", "--dataset", str(tmp_path), "--split", "dev"])
    assert result.exit_code != 0
    assert "dev.jsonl" in str(result.exception) or "dev.jsonl" in result.output
