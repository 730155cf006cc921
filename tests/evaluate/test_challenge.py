"""``parley eval challenge``: construction inventories scored case by case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cases import load_case
from parley.cli.app import app
from parley.errors import InputError
from parley.evaluate.challenge import load_challenge, run_challenges

ROOT = Path(__file__).resolve().parents[2]

EVENTS = """\
kind: events
language: en
published: 2025-11-20
types: [CONSULT]
cases:
  - construction: X met Y
    text: Donald Trump met Vladimir Putin in Anchorage on Monday.
    expect:
      - {type: CONSULT, participants: [donald-trump, vladimir-putin], date: 2025-11-17}
  - construction: X met Y
    text: Donald Trump met Vladimir Putin in Anchorage on Monday.
    expect:  # a wrong date on purpose: this case must fail
      - {type: CONSULT, participants: [donald-trump, vladimir-putin], date: 2025-11-18}
  - construction: no meeting
    text: Donald Trump said he would not meet Vladimir Putin for now.
    expect: []
"""

STANCES = """\
kind: stances
language: de
cases:
  - construction: begrenzt auf Zahl
    text: Die Ukraine will ihre Armee auf 800.000 Soldaten begrenzen.
    expect:
      - {actor: ukraine, issue: army-size, stance: offer, value: 800000}
  - construction: begrenzt auf Zahl
    text: Die Ukraine will ihre Armee auf 800.000 Soldaten begrenzen.
    expect:  # the right stance, a wrong number: fails on the value alone
      - {actor: ukraine, issue: army-size, stance: offer, value: 600000}
"""


@pytest.fixture(scope="module")
def pack():
    return load_case("ukraine-2025")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_cases_pass_only_when_every_record_agrees(tmp_path, pack):
    report = run_challenges([_write(tmp_path, "events.yaml", EVENTS)], pack)
    assert [r.passed for r in report.results] == [True, False, True]
    assert report.by_construction()[("events.yaml", "X met Y")] == (1, 2)
    passed, total, counts = report.totals()
    assert (passed, total) == (2, 3)
    # The failed case found the meeting on another day: one wrong, one missed.
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)


def test_a_stance_value_must_agree_where_the_case_gives_one(tmp_path, pack):
    report = run_challenges([_write(tmp_path, "stances.yaml", STANCES)], pack)
    first, second = report.results
    assert first.expected == second.expected == [("ukraine", "army-size", "offer")]
    assert first.predicted == second.predicted
    assert first.passed is (first.predicted == first.expected)
    assert second.passed is False


def test_the_cli_prints_json_with_the_failures(tmp_path):
    path = _write(tmp_path, "events.yaml", EVENTS)
    result = CliRunner().invoke(app, ["eval", "challenge", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["passed"], out["cases"]) == (2, 3)
    assert out["files"]["events.yaml"]["constructions"]["X met Y"] == {"passed": 1, "cases": 2}
    assert [f["expected"] for f in out["failures"]] == [
        [["CONSULT", ["donald-trump", "vladimir-putin"], "2025-11-18"]]
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("kind: events\nlanguage: en\ncases: [{construction: a, text: b}]", "need `types`"),
        ("kind: events\nlanguage: en\ntypes: [MEET]\ncases: [{construction: a, text: b}]", "types"),
        (
            "kind: stances\nlanguage: de\ncases: [{construction: a, text: b, "
            "expect: [{actor: ukraine, stance: demand}]}]",
            "expect issue",
        ),
        ("kind: stances\nlanguage: fr\ncases: [{construction: a, text: b}]", "language"),
        ("kind: [unclosed", "cannot read as YAML"),
        ("kind: stances\nlanguage: de\ncases: []", "cases"),
    ],
)
def test_bad_files_are_refused_naming_the_file_and_the_problem(tmp_path, pack, text, problem):
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(InputError, match=problem) as caught:
        load_challenge(path)
    assert str(path) in str(caught.value)
    # All files are validated before any extraction: a bad one spoils no report.
    good = _write(tmp_path, "good.yaml", EVENTS)
    with pytest.raises(InputError):
        run_challenges([good, path], pack)


def test_a_missing_path_is_an_input_error(tmp_path, pack):
    with pytest.raises(InputError, match="no such file"):
        run_challenges([tmp_path / "nowhere"], pack)
    with pytest.raises(InputError, match="no challenge files"):
        run_challenges([tmp_path], pack)


def test_the_shipped_inventories_are_valid_and_run(pack):
    """The inventories in tests/challenge load and score (their pass rates are reported
    in the README, not asserted: they measure coverage, they are not a gate)."""
    report = run_challenges([ROOT / "tests" / "challenge"], pack)
    assert report.results
    assert all(r.construction and r.text for r in report.results)
