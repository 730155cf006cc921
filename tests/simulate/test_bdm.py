"""Bueno de Mesquita's expected utility model: the EC example and the properties it must have."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model.formats import load_scenario
from parley.model.scenario import Scenario
from parley.simulate.bdm import (
    BDM,
    _win_probability_direct,
    _win_probability_sorted,
    risk_exponents,
    win_probability,
)

REFS = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "bargaining-references"


def _scenario(rows, n_issues=1, scale=(0, 100)):
    return Scenario.from_dict(
        {
            "name": "h",
            "issues": [{"key": f"i{j}", "scale": scale} for j in range(n_issues)],
            "actors": [
                {
                    "id": f"a{k}",
                    "capability": c,
                    "stances": {
                        f"i{j}": {"position": p[j], "salience": s} for j in range(n_issues)
                    },
                }
                for k, (p, c, s) in enumerate(rows)
            ],
        }
    )


actor_rows = st.lists(
    st.tuples(
        st.tuples(st.integers(0, 100).map(float)),
        st.floats(1, 100, allow_nan=False),
        st.floats(0.05, 1, allow_nan=False),
    ),
    min_size=2,
    max_size=7,
)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 20).flatmap(lambda a: st.tuples(
    st.lists(st.integers(0, 10).map(float), min_size=a, max_size=a),
    st.lists(st.floats(0.01, 1), min_size=a, max_size=a))))  # fmt: skip
def test_sorted_win_probability_equals_the_direct_sum(xw):
    x, w = (np.array([v]) for v in xw)
    np.testing.assert_allclose(
        _win_probability_sorted(x, w), _win_probability_direct(x, w), atol=1e-9
    )


def test_win_probabilities_are_complementary():
    rng = np.random.default_rng(3)
    x, w = rng.uniform(0, 10, (4, 6)), rng.uniform(0.1, 1, (4, 6))
    p = win_probability(x, w)
    off = ~np.eye(6, dtype=bool)
    np.testing.assert_allclose((p + np.swapaxes(p, 1, 2))[:, off], 1.0)
    assert ((p >= 0) & (p <= 1)).all()


def test_risk_exponents_span_half_to_two():
    rng = np.random.default_rng(4)
    r = risk_exponents(rng.normal(size=(5, 7, 7)))
    assert np.allclose(r.min(axis=1), 0.5) and np.allclose(r.max(axis=1), 2.0)


@settings(max_examples=40, deadline=None)
@given(actor_rows, st.randoms(use_true_random=False))
def test_invariant_to_actor_order(rows, rnd):
    base = BDM().run(_scenario(rows))
    perm = list(range(len(rows)))
    rnd.shuffle(perm)
    shuffled = BDM().run(_scenario([rows[i] for i in perm]))
    assert shuffled.outcome["i0"] == pytest.approx(base.outcome["i0"], abs=1e-6)
    assert shuffled.rounds == base.rounds
    np.testing.assert_allclose(shuffled.history[:, :, 0], base.history[:, perm, 0], atol=1e-6)


@settings(max_examples=40, deadline=None)
@given(actor_rows, st.floats(0.1, 10), st.floats(-50, 50))
def test_invariant_to_affine_rescaling_of_the_scale(rows, a, b):
    base = BDM().run(_scenario(rows))
    moved = [((a * p[0] + b,), c, s) for p, c, s in rows]
    out = BDM().run(_scenario(moved, scale=(b, a * 100 + b)))
    assert out.outcome["i0"] == pytest.approx(a * base.outcome["i0"] + b, abs=1e-6 * a)
    assert out.rounds == base.rounds


@settings(max_examples=25, deadline=None)
@given(actor_rows)
@pytest.mark.parametrize(
    "params",
    [{}, {"q": 0.5, "t": 0.5}, {"perspective": "actual"}, {"forecast": "mean"}],
    ids=["default", "q-t", "actual", "mean"],
)
def test_positions_and_forecast_stay_within_the_initial_range(params, rows):
    f = BDM(**params).run(_scenario(rows))
    lo, hi = min(p[0] for p, _, _ in rows), max(p[0] for p, _, _ in rows)
    assert lo - 1e-9 <= f.outcome["i0"] <= hi + 1e-9
    assert (f.history >= lo - 1e-9).all() and (f.history <= hi + 1e-9).all()


def test_random_scenarios_converge():
    rng = np.random.default_rng(11)
    sc = _scenario([((50.0,), 1.0, 1.0)] * 6)
    arr = sc.to_arrays().batched()
    n = 200
    arr.position = rng.uniform(0, 100, (n, 6, 1))
    arr.salience = rng.uniform(0.05, 1, (n, 6, 1))
    arr.capability = rng.uniform(1, 100, (n, 6))
    arr.has_position = np.ones((n, 6, 1), bool)
    out = BDM().run_batch(arr)
    assert out.converged.mean() >= 0.99
    # The batch kernel gives every draw the answer it gets alone.
    one = BDM().run(
        _scenario([((arr.position[7, k, 0],), arr.capability[7, k], arr.salience[7, k, 0])
                   for k in range(6)])
    )  # fmt: skip
    assert one.outcome["i0"] == pytest.approx(out.outcome[7, 0])


def test_consensus_needs_no_round():
    f = BDM().run(_scenario([((30.0,), 1.0, 0.5), ((30.0,), 2.0, 0.9)]))
    assert f.rounds == 0 and f.converged and f.outcome["i0"] == 30


@pytest.mark.shared
@pytest.mark.skipif(not REFS.exists(), reason="../shared not present")
def test_ec_example_converges_on_the_median_voter():
    sc = load_scenario(REFS / "bdm-ec-example.csv")
    f = BDM().run(sc)
    assert f.converged and 1 <= f.rounds < 100
    # The round-1 median voter position (7) attracts the EC: every actor ends within a
    # point of it, the 4-camp moving up and the 10-camp moving down.
    assert f.outcome["issue"] == pytest.approx(7.0)
    final = f.history[-1, :, 0]
    assert np.all(np.abs(final - 7.0) < 2.0)
    assert final[sc.to_arrays().actor_ids.index("uk")] < 10
    assert final[sc.to_arrays().actor_ids.index("germany")] > 4
    moves = {m["move"] for m in f.details["moves"]}
    assert "compromises with" in moves


def test_batch_rounds_agree_with_the_single_run_history():
    rows = [((10.0,), 5.0, 0.9), ((55.0,), 3.0, 0.5), ((90.0,), 4.0, 0.7), ((30.0,), 1.0, 0.2)]
    sc = _scenario(rows)
    single = BDM().run(sc)
    batch = BDM().run_batch(sc.to_arrays())
    assert single.rounds == int(batch.rounds[0]) == batch.history.shape[1] - 1


def test_monte_carlo_path_gives_the_same_outcomes_without_history():
    rng = np.random.default_rng(21)
    arr = _scenario([((50.0,), 1.0, 1.0)] * 5).to_arrays().batched()
    n = 60
    arr.position = rng.uniform(0, 100, (n, 5, 1))
    arr.salience = rng.uniform(0.05, 1, (n, 5, 1))
    arr.capability = rng.uniform(1, 100, (n, 5))
    arr.has_position = np.ones((n, 5, 1), bool)
    full, lean = BDM().run_batch(arr), BDM().batch_outcomes(arr)
    np.testing.assert_array_equal(full.outcome, lean.outcome)
    np.testing.assert_array_equal(full.rounds, lean.rounds)
    assert lean.history is None and full.history.shape[0] == n
