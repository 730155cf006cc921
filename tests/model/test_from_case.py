"""Scenarios built from a case pack's reported positions."""

from datetime import date

import pytest

from parley.model.from_case import resolve_scenario, scenario_from_case
from parley.model.scenario import ScenarioError
from parley.simulate.base import get_model

ACTORS = """
actors:
  - {id: north, name: North, type: state}
  - {id: south, name: South, type: state}
  - {id: broker, name: Broker, type: state}
"""

ISSUES = """
scale_note: 0 is South's maximal position, 100 North's
contexts:
  - {key: round-1, name: Round 1, start: 2025-03-01}
  - {key: round-2, name: Round 2, start: 2025-06-01}
issues:
  - key: border
    name: Border
    description: where the line runs
    low: old line
    high: new line
    points: [{value: 0, label: old line}, {value: 100, label: new line}]
  - key: form
    name: Form
    description: deal or treaty
    low: deal
    high: treaty
    points: [{value: 0, label: deal}, {value: 100, label: treaty}]
    options: [{key: deal, label: Deal, value: 0}, {key: treaty, label: Treaty, value: 100}]
parties:
  - {id: north, clout: 80, justification: army}
  - {id: south, clout: 40, justification: allies}
  - {id: broker, clout: 50, justification: money}
positions:
  - {party: north, issue: border, position: 90, salience: 80, date: 2025-03-02,
     context: round-1, source: [{outlet: A, date: 2025-03-02}]}
  - {party: north, issue: border, position: 70, salience: 80, date: 2025-06-02,
     context: round-2, source: [{outlet: A, date: 2025-06-02}]}
  - {party: north, issue: border, position: 80, salience: 60, date: 2025-06-02,
     context: round-2, confidence: inferred, source: [{outlet: B, date: 2025-06-02}]}
  - {party: south, issue: border, position: 10, salience: 90, date: 2025-06-03,
     context: round-2, red_line: {text: no more than a third, limit: 33},
     source: [{outlet: C, date: 2025-06-03}]}
  - {party: south, issue: form, position: 100, salience: 30, date: 2025-06-03,
     context: round-2, source: [{outlet: C, date: 2025-06-03}]}
  - {party: broker, issue: form, position: 0, salience: 50, date: 2025-06-03,
     context: round-2, source: [{outlet: D, date: 2025-06-03}]}
"""


@pytest.fixture
def pack(tmp_path):
    d = tmp_path / "toy"
    d.mkdir()
    (d / "actors.yaml").write_text(ACTORS)
    (d / "issues.yaml").write_text(ISSUES)
    (d / "documents.yaml").write_text("documents: []\n")
    (d / "lexicon.yaml").write_text("languages: {}\n")
    return d


def test_latest_reports_with_spread_clout_and_red_lines(pack):
    sc = scenario_from_case(pack)
    assert [a.id for a in sc.actors] == ["north", "south", "broker"]
    north = sc.actor("north")
    assert north.capability == 80
    st = north.stances["border"]
    assert st.position == 75 and st.salience == pytest.approx(0.7)
    # Two outlets (70, 80), one only inferred: the range covers both, widened by ±10.
    assert (st.uncertainty["position"].low, st.uncertainty["position"].high) == (60, 90)
    assert "salience" in st.uncertainty
    assert sc.actor("south").stances["border"].red_line == 33
    assert sc.actor("broker").capability == 50
    assert sc.metadata["reports"] == 5
    assert sc.issue("form").discrete


def test_date_and_context_select_the_reports(pack):
    early = scenario_from_case(pack, on=date(2025, 3, 31))
    assert [a.id for a in early.actors] == ["north"]
    assert early.actor("north").stances["border"].position == 90
    r1 = scenario_from_case(pack, context="round-1")
    assert r1.name.endswith("@round-1")
    with pytest.raises(ScenarioError, match="no positions for context 'round-9'"):
        scenario_from_case(pack, context="round-9")


def test_every_model_runs_on_a_case_scenario(pack):
    sc = resolve_scenario(str(pack))
    for name in ("compromise", "median", "bdm", "nash", "ks"):
        f = get_model(name).run(sc)
        assert set(f.outcome) == {"border", "form"}
    nash = get_model("nash").run(sc)
    assert nash.outcome["border"] <= 33  # South's red line holds


def test_unknown_spec_is_a_clear_error():
    with pytest.raises(ScenarioError, match="no such scenario file or case pack"):
        resolve_scenario("atlantis-2031")


def test_the_shipped_ukraine_case_runs_through_every_model():
    sc = resolve_scenario("ukraine-2025")
    keys = {i.key for i in sc.issues}
    assert len(sc.actors) >= 3 and len(keys) >= 10
    levers = sc.metadata["levers"]
    assert all({"key", "holder", "value", "date"} <= set(lv) for lv in levers)
    assert [lv["date"] for lv in levers] == sorted(lv["date"] for lv in levers)
    for name in ("compromise", "median", "bdm", "nash", "ks"):
        f = get_model(name).run(sc)
        assert set(f.outcome) == keys
        if name == "bdm":
            assert f.converged
