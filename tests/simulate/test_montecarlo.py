"""Monte Carlo: seeded, vectorised, and it finds the input that moves the forecast."""

import numpy as np
import pytest

from parley.model.scenario import Scenario
from parley.simulate.base import get_model
from parley.simulate.montecarlo import run_monte_carlo, sample_inputs

SCENARIO = {
    "name": "mc",
    "issues": [{"key": "x"}, {"key": "y", "options": [{"key": "no"}, {"key": "yes"}]}],
    "actors": [
        {"id": "big", "capability": 3, "capability_uncertainty": [2, 4],
         "stances": {"x": {"position": 80, "salience": 0.8, "reservation": 40,
                           "uncertainty": {"position": [60, 100]}},
                     "y": {"position": "yes", "salience": 0.2, "reservation": "no"}}},
        {"id": "small", "capability": 1,
         "stances": {"x": {"position": 20, "salience": 0.5, "reservation": 60,
                           "uncertainty": {"position": {"dist": "normal", "sd": 1},
                                           "salience": {"dist": "triangular", "low": 0.4,
                                                        "high": 0.6}}},
                     "y": {"position": "no", "salience": 0.5, "reservation": "yes"}}},
    ],
}  # fmt: skip


def test_same_seed_same_answer_and_point_values_without_uncertainty():
    sc = Scenario.from_dict(SCENARIO)
    a = run_monte_carlo(sc, get_model("compromise"), runs=500, seed=7)
    b = run_monte_carlo(sc, get_model("compromise"), runs=500, seed=7)
    np.testing.assert_array_equal(a.outcomes, b.outcomes)
    assert a.outcomes[:, 0].std() > 0
    # Without the capability range, y carries no uncertainty: every run is the point forecast.
    fixed = sc.model_copy(deep=True)
    fixed.actors[0].capability_uncertainty = None
    c = run_monte_carlo(fixed, get_model("compromise"), runs=200, seed=7)
    np.testing.assert_allclose(c.outcomes[:, 1], get_model("compromise").run(fixed).outcome["y"])


def test_draws_respect_bounds_and_distributions():
    sc = Scenario.from_dict(SCENARIO)
    arr, drawn = sample_inputs(sc, 4000, np.random.default_rng(1))
    assert set(drawn) == {"capability:big", "position:big/x", "position:small/x",
                          "salience:small/x"}  # fmt: skip
    assert arr.position.shape == (4000, 2, 2)
    assert drawn["position:big/x"].min() >= 60 and drawn["position:big/x"].max() <= 100
    assert drawn["position:small/x"].mean() == pytest.approx(20, abs=0.1)
    assert drawn["salience:small/x"].mean() == pytest.approx(0.5, abs=0.01)


def test_sensitivity_ranks_the_widest_input_first():
    sc = Scenario.from_dict(SCENARIO)
    res = run_monte_carlo(sc, get_model("compromise"), runs=3000, seed=3)
    sens = res.sensitivity()["x"]
    assert next(iter(sens["src"])) == "position:big/x"
    assert next(iter(sens["first_order"])) == "position:big/x"
    assert sens["first_order"]["position:big/x"] > 0.5
    assert sens["r2"] > 0.8
    summary = res.summary()["x"]
    assert summary["quantiles"]["0.05"] < summary["mean"] < summary["quantiles"]["0.95"]


def test_zone_probability():
    sc = Scenario.from_dict(SCENARIO)
    res = run_monte_carlo(sc, get_model("nash"), runs=400, seed=5)
    # A package between the two camps is acceptable more often than one party's ideal.
    p_mid = res.zone_probability(np.array([50.0, 0.0]))
    p_far = res.zone_probability(np.array([100.0, 100.0]))
    assert 0 <= p_far < p_mid <= 1
    assert res.forecast_accepted.mean() == pytest.approx(res.converged.mean())


def test_bdm_and_median_run_batched():
    sc = Scenario.from_dict(SCENARIO)
    for name in ("bdm", "median"):
        res = run_monte_carlo(sc, get_model(name), runs=300, seed=1)
        x = res.outcomes[:, 0]
        assert np.all((x >= 0) & (x <= 100))
        d = res.to_dict()
        assert d["runs"] == 300 and "x" in d["outcomes"]


def test_default_spread_only_fills_undeclared_inputs():
    from parley.simulate.montecarlo import with_default_uncertainty

    sc = Scenario.from_dict(SCENARIO)
    wide = with_default_uncertainty(sc, 10, 0.1)
    big_x = wide.actor("big").stances["x"].uncertainty["position"]
    assert (big_x.low, big_x.high) == (60, 100)  # declared range kept
    small_y = wide.actor("small").stances["y"].uncertainty["position"]
    assert (small_y.low, small_y.high) == (0, 10)  # "no" sits at 0: clipped to the scale
    assert "position" not in sc.actor("small").stances["y"].uncertainty  # original untouched


def test_first_order_index_catches_a_jump_the_regression_misses():
    from parley.simulate.montecarlo import _first_order

    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, (4000, 2))
    y = np.abs(x[:, 0]) > 0.5  # symmetric step: no linear trend at all
    first = _first_order(x, y.astype(float), 10)
    assert first[0] > 0.8 and first[1] < 0.02
