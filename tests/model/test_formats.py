"""Scenario files: parley's YAML/JSON, KTAB's CSV and the BDM table load, validate, round-trip."""

from pathlib import Path

import numpy as np
import pytest

from parley.model.formats import ktab_csv_text, load_scenario, read_ktab_csv, save_scenario
from parley.model.scenario import Scenario, ScenarioError

REFS = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "bargaining-references"
KTAB = sorted((REFS / "ktab-smp").glob("*.csv")) if REFS.exists() else []

SMALL = {
    "name": "toy",
    "issues": [
        {"key": "money", "scale": [0, 10], "labels": [{"value": 0, "label": "nothing"}]},
        {"key": "form", "options": [{"key": "deal"}, {"key": "memo"}, {"key": "treaty"}],
         "status_quo": "deal"},
    ],
    "actors": [
        {"id": "a", "capability": 2, "capability_uncertainty": [1, 3],
         "stances": {"money": {"position": 2, "salience": 0.5, "reservation": 6,
                               "uncertainty": {"position": {"dist": "normal", "sd": 1}}},
                     "form": {"position": "treaty", "red_line": "memo"}}},
        {"id": "b", "stances": {"money": {"position": 9}}},
    ],
}  # fmt: skip


def test_yaml_and_json_round_trip(tmp_path):
    sc = Scenario.from_dict(SMALL)
    for name in ("s.yaml", "s.json"):
        save_scenario(sc, tmp_path / name)
        assert load_scenario(tmp_path / name) == sc


def test_options_are_spread_over_the_scale_and_arrays_fill_silence():
    arr = Scenario.from_dict(SMALL).to_arrays()
    assert arr.position[0, 1] == 100.0 and arr.red_line[0, 1] == 50.0
    assert arr.status_quo[1] == 0.0 and np.isnan(arr.status_quo[0])
    assert not arr.has_position[1, 1] and arr.salience[1, 1] == 0
    assert arr.position[1, 1] == 100.0  # the mean of those who spoke
    assert arr.reservation[0, 0] == 6 and np.isnan(arr.reservation[1, 0])


@pytest.mark.parametrize(
    "patch, message",
    [
        (lambda d: d["actors"][1]["stances"].update(nope={"position": 1}), "unknown issue"),
        (lambda d: d["actors"][1]["stances"]["money"].update(position=11), "outside its scale"),
        (lambda d: d["actors"].append({"id": "a"}), "duplicate actor"),
        (lambda d: d["actors"][0]["stances"]["form"].update(position="war"), "no option"),
    ],
)
def test_inconsistent_scenarios_are_rejected_with_a_reason(patch, message):
    import copy

    data = copy.deepcopy(SMALL)
    patch(data)
    with pytest.raises(ScenarioError, match=message):
        Scenario.from_dict(data, source="x.yaml")


def test_bad_files_name_the_file(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("X,desc,2,1\nActor,Description,Power,P,S\nA,d,1,50,50\n")
    with pytest.raises(ScenarioError, match=r"bad\.csv.*announces 2 actors"):
        load_scenario(p)
    p.write_text("X,desc,1,1\nActor,Description,Power,P,S\nA,d,lots,50,50\n")
    with pytest.raises(ScenarioError, match=r"bad\.csv:3: power 'lots'"):
        load_scenario(p)
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(tmp_path / "missing.yaml")


@pytest.mark.shared
@pytest.mark.skipif(not KTAB, reason="../shared not present")
@pytest.mark.parametrize("path", KTAB, ids=lambda p: p.name)
def test_every_ktab_file_loads_and_round_trips(path, tmp_path):
    sc = read_ktab_csv(path)
    assert len(sc.actors) == int(path.read_text().split(",")[2])
    out = tmp_path / path.name
    save_scenario(sc, out)
    again = load_scenario(out)
    assert again.model_dump(exclude={"metadata"}) == sc.model_dump(exclude={"metadata"})
    assert ktab_csv_text(again) == out.read_text()
    # The numbers are the file's numbers: saliences back to 0–100 exactly.
    first = [c.strip() for c in path.read_text().splitlines()[2].split(",")]
    assert sc.actors[0].capability == float(first[2])
    assert sc.actors[0].stances[sc.issues[0].key].salience * 100 == pytest.approx(float(first[4]))


@pytest.mark.shared
@pytest.mark.skipif(not REFS.exists(), reason="../shared not present")
def test_bdm_ec_example_loads():
    sc = load_scenario(REFS / "bdm-ec-example.csv")
    arr = sc.to_arrays()
    assert arr.n_actors == 10 and arr.n_issues == 1
    assert sc.issues[0].scale == (1.0, 10.0)
    assert arr.capability.sum() == pytest.approx(1.01)
    assert sc.actor("uk").stances["issue"].salience == 0.9
