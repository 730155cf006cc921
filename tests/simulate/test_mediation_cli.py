"""``parley mediate`` and the ukraine-2025 mediation scenario built from the case pack."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from parley.cli.app import app
from parley.model.mediation_setup import load_mediation
from parley.model.scenario import ScenarioError
from parley.simulate.mediation import Mediation

runner = CliRunner()


def test_ukraine_case_opens_with_the_28_point_plan():
    sc, setup = load_mediation("ukraine-2025")
    assert setup.mediator == "united-states" and setup.opening_name == "28-point plan"
    assert len(setup.opening) == 28
    levels = {lv.key: lv.level_at(0) for lv in setup.levers}
    assert levels["sanctions"] == 5  # the pack's latest report before the scenario date
    res = Mediation(sc, setup).run()
    assert res.drafts[0].points == 28
    first = res.answers[0]
    assert first.party == "ukraine" and not first.accepted
    assert any(r["point"] == "21" and r["red_line"] for r in first.rejects)  # territory
    later = res.drafts[1:]
    assert later, "the mediator must revise the plan"
    donbas = [d.package["territory-donbas"] for d in later]
    assert all(v is not None and v <= 50 for v in donbas)  # Kyiv's red line, once told


def test_cli_prints_the_shuttle_history(tmp_path):
    out = tmp_path / "m.png"
    result = runner.invoke(
        app,
        [
            "mediate",
            "ukraine-2025",
            "--runs",
            "20",
            "--seed",
            "1",
            "--plot",
            str(out),
            "--no-sensitivity",
        ],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "28-point plan" in result.output and "Shuttle" in result.output
    assert "20 runs (seed 1): agreement" in result.output
    assert out.stat().st_size > 10_000


def test_cli_json_and_options():
    args = ["mediate", "ukraine-2025", "--format", "json", "--order", "russia,ukraine,europe",
            "--lever", "sanctions=5@0,8@2", "--rounds", "6"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["order"] == ["russia", "ukraine", "europe"]
    assert data["answers"][0]["party"] == "russia"
    levels = [a["levers"]["sanctions"] for a in data["answers"]]
    assert levels[0] == 5 and (max(levels) == 8 or len({a["round"] for a in data["answers"]}) < 3)
    assert data["summary"]["runs"] == 1


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        (["--lever", "oil=1@0"], "unknown lever"),
        (["--order", "russia,atlantis"], "unknown actor"),
        (["--format", "xml"], "--format"),
        (["--plot", "x.svg"], ".png"),
    ],
)
def test_cli_errors_are_one_readable_line(args, msg):
    result = runner.invoke(app, ["mediate", "ukraine-2025", *args])
    assert result.exit_code != 0
    assert msg in str(result.exception) or msg in result.output


def test_mediation_file_with_inline_scenario(tmp_path):
    doc = {
        "scenario": {
            "name": "two-sides",
            "issues": [{"key": "x"}],
            "actors": [
                {"id": "m", "stances": {"x": {"position": 50}}},
                {"id": "a", "stances": {"x": {"position": 0, "reservation": 60}}},
                {"id": "b", "stances": {"x": {"position": 100, "reservation": 40}}},
            ],
        },
        "mediator": "m",
        "opening": [{"number": 1, "sets": {"x": 90}}],
    }
    path = tmp_path / "med.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    sc, setup = load_mediation(path)
    res = Mediation(sc, setup).run()
    assert res.agreed[0] and 40 <= res.package[0, 0] <= 60
    doc["order"] = ["m"]
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"med\.yaml: order: the mediator"):
        load_mediation(path)
