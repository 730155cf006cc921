"""Package bargaining and the shared utility model, checked against brute force."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model.scenario import Scenario
from parley.simulate.bargaining import (
    enumerate_packages,
    issue_grids,
    package_zone,
    pareto_frontier,
    pareto_mask,
    solve,
)
from parley.simulate.base import get_model
from parley.simulate.utility import Utilities


def _scenario(stances, n_issues, options=5, red=None):
    step = 100 / (options - 1)
    return Scenario.from_dict(
        {
            "name": "b",
            "issues": [
                {"key": f"i{j}", "options": [{"key": f"o{k}", "value": k * step}
                                             for k in range(options)]}
                for j in range(n_issues)
            ],
            "actors": [
                {"id": f"a{a}", "stances": {
                    f"i{j}": {"position": p, "salience": s, "reservation": r,
                              **({"red_line": red[a][j]} if red and red[a][j] is not None else {})}
                    for j, (p, s, r) in enumerate(row)}}
                for a, row in enumerate(stances)
            ],
        }
    )  # fmt: skip


def _brute(sc, rule):
    """Straight from the definitions, one package at a time."""
    arr = sc.to_arrays()
    w = arr.salience / arr.salience.sum(axis=1, keepdims=True)

    def u(pkg):
        return 1 - (np.abs(np.array(pkg)[None] - arr.position) / 100 * w).sum(axis=1)

    d = 1 - (np.abs(arr.reservation - arr.position) / 100 * w).sum(axis=1)
    grids = [i.option_values() for i in sc.issues]
    ok = [p for p in itertools.product(*grids) if (u(p) >= d - 1e-9).all()]
    if not ok:
        return None
    if rule == "nash":
        return max(np.log(np.clip(u(p) - d, 1e-12, None)).sum() for p in ok)
    best = np.max([u(p) for p in ok], axis=0)
    return max(((u(p) - d) / np.where(best - d > 1e-12, best - d, 1)).min() for p in ok)


def test_two_symmetric_parties_meet_in_the_middle():
    sc = _scenario([[(0, 1, 100)], [(100, 1, 0)]], 1)
    for name in ("nash", "ks"):
        assert get_model(name).run(sc).outcome["i0"] == 50


def test_no_zone_no_agreement():
    sc = _scenario([[(0, 1, 25)], [(100, 1, 75)]], 1)
    f = get_model("nash").run(sc)
    assert not f.converged and np.isnan(f.outcome["i0"])
    assert f.details["issue_zopa"]["i0"] is None
    assert f.to_dict()["outcome"]["i0"] is None


def test_red_lines_are_never_crossed():
    stances = [[(0, 0.5, 100), (0, 0.5, 100)], [(100, 0.9, 0), (100, 0.1, 0)]]
    free = get_model("nash").run(_scenario(stances, 2))
    # a1 cares most about i0 and little about i1: the trade gives i0 to a1, i1 to a0.
    assert free.outcome["i0"] > 50 and free.outcome["i1"] == 0
    red = _scenario(stances, 2, red=[[None, None], [None, 50]])
    bound = get_model("nash").run(red)
    assert bound.outcome["i1"] >= 50


stance = st.tuples(st.sampled_from([0, 25, 50, 75, 100]), st.floats(0.1, 1),
                   st.sampled_from([0, 25, 50, 75, 100]))  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 4).flatmap(
    lambda n_a: st.integers(1, 3).flatmap(
        lambda n_i: st.lists(st.lists(stance, min_size=n_i, max_size=n_i),
                             min_size=n_a, max_size=n_a))))  # fmt: skip
def test_solutions_match_brute_force_and_are_pareto_optimal(stances):
    sc = _scenario(stances, len(stances[0]))
    ut = Utilities.from_scenario(sc)
    grids = issue_grids(sc.to_arrays())
    pkgs = enumerate_packages(grids)
    all_u = ut.utility(pkgs)
    d = ut.disagreement
    for rule in ("nash", "ks"):
        sol = solve(ut, grids, rule)
        expect = _brute(sc, rule)
        assert bool(sol.agreement) == (expect is not None)
        if expect is None:
            continue
        u = sol.utility
        if rule == "nash":
            got = np.log(np.clip(u - d, 1e-12, None)).sum()
            assert got == pytest.approx(expect, abs=1e-7)
        assert ut.accepts(sol.package[None])[0].all()
        # No acceptable package is at least as good for all and better for one.
        dominated = (all_u >= u - 1e-12).all(1) & (all_u > u + 1e-12).any(1)
        assert not dominated.any()
        # The grid search (used for large spaces) finds an acceptable package, never a
        # better one than the exact optimum. It is a local search: where the only acceptable
        # packages leave some party exactly at its disagreement value (a knife edge, with no
        # slack to climb towards), it may miss them and report no agreement.
        approx = solve(ut, grids, rule, max_packages=1)
        with_slack = ut.accepts(pkgs).all(-1) & (all_u > d + 1e-6).all(-1)
        if with_slack.any():
            assert approx.agreement
        if approx.agreement:
            assert ut.accepts(approx.package[None])[0].all()
            if rule == "nash":
                got = np.log(np.clip(approx.utility - d, 1e-12, None)).sum()
                assert got <= expect + 1e-7


def test_pareto_mask_by_hand():
    u = np.array([[1, 0], [0, 1], [0.5, 0.5], [0.4, 0.4], [1, 0]])
    assert pareto_mask(u).tolist() == [True, True, True, False, True]


def test_zones_and_acceptance_agree():
    sc = _scenario([[(0, 0.5, 50), (100, 0.5, 25)], [(100, 0.5, 25), (0, 0.5, 75)]], 2)
    ut = Utilities.from_scenario(sc)
    zopa = ut.issue_zopa()
    np.testing.assert_allclose(zopa, [[25, 50], [25, 75]])
    pkgs = enumerate_packages(issue_grids(sc.to_arrays()))
    inside = ((pkgs >= zopa[:, 0]) & (pkgs <= zopa[:, 1])).all(axis=1)
    assert ut.accepts(pkgs)[inside].all()  # inside every issue zone -> acceptable to all
    assert ut.utility(np.array([[0.0, 100.0]]))[0, 0] == 1.0


def test_coordinate_ascent_finds_an_acceptable_package():
    rng = np.random.default_rng(2)
    stances = [[(int(rng.integers(0, 5)) * 25, float(rng.uniform(0.2, 1)), 50) for _ in range(6)]
               for _ in range(3)]  # fmt: skip
    sc = _scenario(stances, 6)
    exact = get_model("nash").run(sc)
    approx = get_model("nash", max_packages=100).run(sc)
    assert approx.details["method"] == "coordinate ascent"
    assert approx.converged == exact.converged
    if exact.converged:

        def log_gain(f):
            gain = np.array(f.details["utility"]) - f.details["disagreement"]
            return np.log(np.clip(gain, 1e-12, None)).sum()

        assert log_gain(exact) - 1.0 < log_gain(approx) <= log_gain(exact) + 1e-9


def test_grid_tables_equal_direct_evaluation():
    rng = np.random.default_rng(9)
    stances = [[(int(rng.integers(0, 5)) * 25, float(rng.uniform(0.2, 1)), 50) for _ in range(3)]
               for _ in range(4)]  # fmt: skip
    red = [[25, None, 75], [None, None, None], [None, 50, None], [None, None, 0]]
    ut = Utilities.from_scenario(_scenario(stances, 3, red=red))
    grids = issue_grids(_scenario(stances, 3).to_arrays())
    pkgs = enumerate_packages(grids)
    np.testing.assert_allclose(ut.grid_utility(grids), ut.utility(pkgs))
    np.testing.assert_array_equal(ut.grid_violates(grids), ut.violates(pkgs))
    assert ut.grid_violates(grids).any()


def test_package_zone_and_frontier_contain_the_nash_package():
    stances = [[(0, 0.7, 75), (0, 0.3, 100)], [(100, 0.2, 0), (100, 0.8, 25)]]
    sc = _scenario(stances, 2)
    ut, grids = Utilities.from_scenario(sc), issue_grids(sc.to_arrays())
    pkgs, _, ok = package_zone(ut, grids)
    assert 0 < ok.sum() < len(pkgs)
    front, _ = pareto_frontier(ut, grids)
    nash = solve(ut, grids, "nash").package
    assert any(np.array_equal(nash, f) for f in front)
    assert ut.accepts(front).all()
    # a trade: each side gets the issue it cares about most
    assert nash.tolist() == [0.0, 100.0]


def test_blocking_names_who_leaves_no_room_and_where():
    sc = _scenario([[(0, 1, 25)], [(100, 1, 75)], [(50, 1, 50)]], 1, options=5)
    ut = Utilities.from_scenario(sc)
    block = ut.blocking()
    assert block == {"i0": [("a0", 0.0, 25.0), ("a2", 50.0, 50.0), ("a1", 75.0, 100.0)]}
    assert Utilities.from_scenario(_scenario([[(0, 1, 75)], [(100, 1, 25)]], 1)).blocking() == {}


def test_single_scenario_grid_reaches_red_lines_exactly():
    sc = Scenario.from_dict(
        {"name": "g", "issues": [{"key": "x"}],
         "actors": [{"id": "a", "stances": {"x": {"position": 0, "red_line": 37}}},
                    {"id": "b", "stances": {"x": {"position": 100}}}]}
    )  # fmt: skip
    assert get_model("nash").run(sc).outcome["x"] == 37  # the red line itself, not 30 or 40
    grid = issue_grids(sc.to_arrays().batched())[0]
    assert 37 in grid and 0 in grid and 100 in grid
