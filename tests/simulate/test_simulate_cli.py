"""``parley simulate`` end to end: files and case packs in, tables, JSON and plots out."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli.app import app

runner = CliRunner()
REFS = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "bargaining-references"

YAML = """
name: toy
issues:
  - {key: x, labels: [{value: 0, label: nothing}, {value: 100, label: everything}]}
  - {key: form, options: [{key: deal}, {key: treaty}]}
actors:
  - id: a
    capability: 2
    stances:
      x: {position: 10, salience: 0.8, reservation: 60, uncertainty: {position: [0, 20]}}
      form: {position: deal, salience: 0.2}
  - id: b
    stances:
      x: {position: 90, salience: 0.6, reservation: 40}
      form: {position: treaty, salience: 0.9}
"""


@pytest.fixture
def scenario(tmp_path):
    p = tmp_path / "toy.yaml"
    p.write_text(YAML)
    return p


def test_table_with_history_and_bands(scenario, tmp_path):
    r = runner.invoke(
        app, ["simulate", str(scenario), "-m", "bdm,nash", "--runs", "200", "--seed", "3",
              "--plot", str(tmp_path / "p.png")]
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "bdm" in r.output and "nash: agreement" in r.output
    assert "5–95 %" in r.output and "position:a" in r.output
    assert (tmp_path / "p.png").read_bytes()[:4] == b"\x89PNG"


def test_json_is_complete_and_seeded(scenario):
    args = ["simulate", str(scenario), "-m", "all", "--runs", "50", "--seed", "1", "-f", "json"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert first.stdout == second.stdout
    models = {r["model"] for r in data["results"]}
    assert {"compromise", "median", "bdm", "nash", "ks"} <= models
    strict = json.loads(first.stdout, parse_constant=lambda c: pytest.fail(f"{c} in JSON"))
    assert strict == data
    for r in data["results"]:
        assert set(r["outcome"]) == {"x", "form"}
        assert r["monte_carlo"]["runs"] == 50


def test_html_plot_and_errors(scenario, tmp_path):
    r = runner.invoke(app, ["simulate", str(scenario), "--plot", str(tmp_path / "p.html")])
    assert r.exit_code == 0 and "<img" in (tmp_path / "p.html").read_text()
    bad = runner.invoke(app, ["simulate", str(scenario), "-m", "oracle"])
    assert bad.exit_code != 0 and "unknown model 'oracle'" in str(bad.exception)
    missing = runner.invoke(app, ["simulate", str(tmp_path / "nope.yaml")])
    assert "no such scenario file or case pack" in str(missing.exception)


@pytest.mark.shared
@pytest.mark.skipif(not REFS.exists(), reason="../shared not present")
def test_every_reference_scenario_runs():
    for path in [REFS / "bdm-ec-example.csv", *sorted((REFS / "ktab-smp").glob("*.csv"))]:
        r = runner.invoke(app, ["simulate", str(path), "-m", "compromise,median,bdm", "-f", "json"])
        assert r.exit_code == 0, (path, r.output)
        assert len(json.loads(r.stdout)["results"]) == 3


def test_red_line_conflicts_are_explained_and_can_be_softened(tmp_path):
    p = tmp_path / "red.yaml"
    p.write_text(
        "name: red\nissues: [{key: x}]\nactors:\n"
        "  - {id: a, stances: {x: {position: 0, red_line: 40}}}\n"
        "  - {id: b, stances: {x: {position: 100, red_line: 60}}}\n"
    )
    hard = runner.invoke(app, ["simulate", str(p), "-m", "nash"])
    assert hard.exit_code == 0 and "no overlap" in hard.output and "a 0–40" in hard.output
    soft = runner.invoke(app, ["simulate", str(p), "-m", "nash", "--soft-red-lines", "-f", "json"])
    assert json.loads(soft.stdout)["results"][0]["outcome"]["x"] == 50


def test_package_is_checked_against_every_zone(scenario):
    args = ["simulate", str(scenario), "-m", "median", "--runs", "300", "--seed", "4", "-f",
            "json", "--package", "x=50,form=treaty"]  # fmt: skip
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    pkg = json.loads(r.stdout)["results"][0]["package"]
    assert pkg["values"] == {"x": 50.0, "form": 100.0}
    assert pkg["rejected_by"] == [] and 0 < pkg["in_every_zone"] <= 1
    far = runner.invoke(app, ["simulate", str(scenario), "-m", "median", "--package", "x=100"])
    assert "rejected by a" in far.output
    bad = runner.invoke(app, ["simulate", str(scenario), "--package", "form=war"])
    assert "no option 'war'" in str(bad.exception)
