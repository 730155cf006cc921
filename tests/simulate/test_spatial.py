"""Compromise and weighted median: the one-shot forecasts, through the model interface."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.model.scenario import Scenario
from parley.simulate.base import get_model


def _scenario(pos, cap, sal):
    return Scenario.from_dict(
        {
            "name": "p",
            "issues": [{"key": "x"}],
            "actors": [
                {"id": f"a{i}", "capability": c, "stances": {"x": {"position": p, "salience": s}}}
                for i, (p, c, s) in enumerate(zip(pos, cap, sal, strict=True))
            ],
        }
    )


def test_compromise_and_median_by_hand():
    sc = _scenario([0, 50, 100], [1, 1, 2], [1, 1, 1])
    assert get_model("compromise").run(sc).outcome["x"] == pytest.approx(62.5)
    assert get_model("median").run(sc).outcome["x"] == 50
    # A heavyweight with more than half the weight is the median voter.
    assert (
        get_model("median").run(_scenario([0, 50, 100], [1, 1, 3], [1, 1, 1])).outcome["x"] == 100
    )


actors = st.lists(
    st.tuples(
        st.floats(0, 100, allow_nan=False),
        st.floats(0.1, 10, allow_nan=False),
        st.floats(0.05, 1, allow_nan=False),
    ),
    min_size=1,
    max_size=9,
)


@settings(max_examples=60, deadline=None)
@given(actors, st.randoms(use_true_random=False))
@pytest.mark.parametrize("name", ["compromise", "median"])
def test_inside_range_and_order_invariant(name, rows, rnd):
    pos, cap, sal = zip(*rows, strict=True)
    model = get_model(name)
    out = model.run(_scenario(pos, cap, sal)).outcome["x"]
    assert min(pos) - 1e-9 <= out <= max(pos) + 1e-9
    perm = list(range(len(rows)))
    rnd.shuffle(perm)
    shuffled = [rows[i] for i in perm]
    p2, c2, s2 = zip(*shuffled, strict=True)
    assert model.run(_scenario(p2, c2, s2)).outcome["x"] == pytest.approx(out, abs=1e-9)


def test_unknown_model_lists_the_available_ones():
    from parley.errors import ParleyError

    with pytest.raises(ParleyError, match="compromise"):
        get_model("oracle")


def test_batch_kernel_matches_single_runs():
    sc = _scenario([10, 40, 90], [1, 2, 3], [0.5, 1, 0.2])
    arr = sc.to_arrays().batched()
    rng = np.random.default_rng(0)
    arr.position = np.clip(arr.position + rng.normal(0, 5, (50, 3, 1)), 0, 100)
    arr.capability = np.repeat(arr.capability, 50, axis=0)
    arr.salience = np.repeat(arr.salience, 50, axis=0)
    arr.has_position = np.repeat(arr.has_position, 50, axis=0)
    batch = get_model("compromise").run_batch(arr)
    w = arr.capability[:, :, None] * arr.salience
    expect = (w * arr.position).sum(1) / w.sum(1)
    np.testing.assert_allclose(batch.outcome, expect)


def test_without_any_weight_every_actor_counts_the_same():
    sc = _scenario([10, 30, 90], [0, 0, 0], [1, 1, 1])
    assert get_model("median").run(sc).outcome["x"] == 30
    assert get_model("compromise").run(sc).outcome["x"] == pytest.approx(130 / 3)
