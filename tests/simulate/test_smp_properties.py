"""Properties the Spatial Model of Politics must have, on random scenarios (hypothesis)."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.errors import ParleyError
from parley.model.scenario import Scenario
from parley.simulate.base import available_models, get_model
from parley.simulate.montecarlo import run_monte_carlo
from parley.simulate.smp_core import SMPSettings, condorcet_probabilities, run_batch


@st.composite
def scenarios(draw, max_actors=6, max_dims=3):
    """Capabilities (n,), positions (n, d) on [0, 1] and saliences (n, d), totals <= 1."""
    n = draw(st.integers(2, max_actors))
    d = draw(st.integers(1, max_dims))
    unit = st.floats(0, 1, allow_nan=False, allow_subnormal=False)
    caps = np.array(draw(st.lists(st.floats(1, 200), min_size=n, max_size=n)))
    pos = np.array(draw(st.lists(unit, min_size=n * d, max_size=n * d))).reshape(n, d)
    raw = np.array(draw(st.lists(st.floats(0.05, 1), min_size=n * d, max_size=n * d)))
    total = np.array(draw(st.lists(st.floats(0.2, 1), min_size=n, max_size=n)))
    sal = raw.reshape(n, d)
    sal = sal / sal.sum(axis=1, keepdims=True) * total[:, None]
    return caps, pos, sal


def _run(caps, pos, sal, **options):
    return run_batch(caps[None], pos[None], sal[None], SMPSettings(**options))


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _rows(caps, sal, final):
    """One row per actor (capability, saliences, final position), sorted: the outcome as a
    set of actors."""
    rows = np.column_stack([caps, sal, final]).round(9)
    return rows[np.lexsort(rows.T[::-1])]


@FAST
@given(scenarios(), st.randoms(use_true_random=False))
def test_invariant_to_actor_order(sc, rnd):
    """Listing the actors in another order changes nothing. The model is Markov in the current
    positions, and actors with the same capability, saliences and current position are
    interchangeable: KTAB breaks such exact ties by list order, so *which* twin moves may
    change with the order, never the set of outcomes. Hence the comparison of the sorted
    (capability, saliences, final position) rows; with distinct capabilities it is a plain
    actor-by-actor comparison."""
    caps, pos, sal = sc
    perm = np.array(rnd.sample(range(len(caps)), len(caps)))
    base = _run(caps, pos, sal)
    shuffled = _run(caps[perm], pos[perm], sal[perm])
    assert shuffled.steps[0] == base.steps[0]
    np.testing.assert_allclose(
        _rows(caps[perm], sal[perm], shuffled.final_positions()[0]),
        _rows(caps, sal, base.final_positions()[0]),
        atol=1e-8,
    )


@FAST
@given(scenarios())
def test_positions_stay_within_the_initial_range(sc):
    """Bargains interpolate between two positions, so no one leaves the initial hull of each
    dimension (up to KTAB's rounding to 4 decimals) nor the [0, 1] scale."""
    caps, pos, sal = sc
    result = _run(caps, pos, sal)
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    for state in result.positions:
        assert (state >= 0).all() and (state <= 1).all()
        assert (state[0] >= lo - 5e-5).all() and (state[0] <= hi + 5e-5).all()


@FAST
@given(scenarios())
def test_deterministic_and_probabilities_sum_to_one(sc):
    caps, pos, sal = sc
    a, b = _run(caps, pos, sal), _run(caps, pos, sal)
    assert a.steps[0] == b.steps[0]
    for x, y in zip(a.positions, b.positions, strict=True):
        np.testing.assert_array_equal(x, y)
    for p in a.option_probs:
        assert p.sum() == pytest.approx(1.0)
        assert (p >= 0).all()
    assert 1 <= a.steps[0] <= SMPSettings().max_iterations


@settings(max_examples=15, deadline=None)
@given(scenarios(max_actors=5, max_dims=2), st.integers(0, 2**32 - 1))
def test_stochastic_transitions_are_reproducible_with_a_seed(sc, seed):
    caps, pos, sal = sc
    opts = SMPSettings(state_transitions="Stochastic")
    runs = [
        run_batch(caps[None], pos[None], sal[None], opts, rng=np.random.default_rng(seed))
        for _ in range(2)
    ]
    np.testing.assert_array_equal(runs[0].final_positions(), runs[1].final_positions())


def test_condorcet_election_by_hand():
    """Two voters of equal weight, one option everyone prefers: it must dominate."""
    util = np.array([[[1.0, 0.2, 0.5], [0.9, 0.3, 0.6]]])  # (B=1, a=2, m=3)
    prob = condorcet_probabilities(util, np.array([[1.0, 1.0]]), SMPSettings())
    assert prob.argmax() == 0
    assert prob.sum() == pytest.approx(1.0)
    # p(0 > 1) and p(0 > 2) are both ~1, so option 0 takes (almost) everything
    assert prob[0, 0] > 0.99
    masked = condorcet_probabilities(
        util, np.array([[1.0, 1.0]]), SMPSettings(), valid=np.array([[False, True, True]])
    )
    assert masked[0, 0] == 0 and masked[0, 2] > masked[0, 1]


def _scenario(saliences):
    return Scenario.from_dict(
        {
            "name": "s",
            "issues": [{"key": "x"}, {"key": "y", "scale": [-10, 10]}],
            "actors": [
                {
                    "id": f"a{i}",
                    "capability": c,
                    "stances": {
                        "x": {"position": px, "salience": saliences[0]},
                        "y": {"position": py, "salience": saliences[1]},
                    },
                }
                for i, (c, px, py) in enumerate([(100, 10, -8), (60, 80, 5), (40, 55, 9)])
            ],
        }
    )


def test_adapter_rescales_issues_and_saliences():
    """Saliences summing above 1 are scaled to total 1; scales map to [0, 1] and back."""
    model = get_model("smp")
    loud = model.run(_scenario((1.0, 1.0)))
    calm = model.run(_scenario((0.5, 0.5)))
    np.testing.assert_allclose(loud.history, calm.history)
    assert -10 <= loud.outcome["y"] <= 10
    assert 10 <= loud.outcome["x"] <= 80
    assert loud.history.shape == (loud.rounds + 1, 3, 2)
    assert len(loud.details["win_probability"]) == loud.rounds + 1


def test_registered_and_rejects_unknown_options():
    assert "smp" in available_models()
    with pytest.raises(ParleyError, match="unknown option"):
        get_model("smp", bargaining="magic")
    assert get_model("smp", big_r_adjust="Half").settings.big_r_adjust == "Half"


def test_degenerate_inputs_run_without_nan():
    """Cases KTAB asserts on: everyone agrees (risk formula 0/0), an actor with no salience,
    a powerless actor, only two actors."""
    agree = _run(np.array([1.0, 2.0, 3.0]), np.full((3, 2), 0.4), np.full((3, 2), 0.5))
    assert agree.steps[0] == SMPSettings().min_iterations
    np.testing.assert_array_equal(agree.final_positions()[0], np.full((3, 2), 0.4))
    mixed = _run(
        np.array([0.0, 50.0, 80.0]),
        np.array([[0.1, 0.9], [0.5, 0.5], [0.9, 0.2]]),
        np.array([[0.0, 0.0], [0.4, 0.4], [0.3, 0.6]]),
    )
    pair = _run(np.array([10.0, 30.0]), np.array([[0.2], [0.9]]), np.array([[0.8], [0.6]]))
    for result in (agree, mixed, pair):
        assert np.isfinite(result.final_positions()).all()
        assert result.final_option_prob.sum() == pytest.approx(1.0)


def test_silent_actor_in_a_scenario():
    """An actor without stances is left out: same forecast as without it, it never moves."""
    sc = _scenario((0.6, 0.3))
    data = sc.to_dict()
    data["actors"].append({"id": "silent", "capability": 500})
    model = get_model("smp")
    with_silent = model.run(Scenario.from_dict(data))
    without = model.run(sc)
    assert with_silent.outcome == without.outcome
    np.testing.assert_array_equal(with_silent.history[:, :3], without.history)
    assert (with_silent.history[:, 3] == with_silent.history[0, 3]).all()
    assert with_silent.details["final_win_probability"][3] == 0


def test_monte_carlo_with_smp_is_seeded_and_bounded():
    data = _scenario((0.6, 0.3)).to_dict()
    for actor in data["actors"]:
        actor["stances"]["x"]["uncertainty"] = {"position": {"dist": "normal", "sd": 5}}
    sc = Scenario.from_dict(data)
    first = run_monte_carlo(sc, get_model("smp"), runs=64, seed=3)
    again = run_monte_carlo(sc, get_model("smp"), runs=64, seed=3)
    np.testing.assert_array_equal(first.outcomes, again.outcomes)
    assert first.outcomes.shape == (64, 2)
    assert (first.outcomes[:, 1] >= -10).all() and (first.outcomes[:, 1] <= 10).all()
    assert first.outcomes[:, 0].std() > 0
