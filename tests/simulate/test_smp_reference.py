"""Our SMP against KTAB's own reference runs, intermediate by intermediate.

Two kinds of checks, on both reference logs (dummyData_3Dim: 7 actors x 3 dimensions;
SOE-Pol-Comp: 13 actors x 2 dimensions):

* step by step: start one step from KTAB's exact state t (positions are printed at KTAB's
  own rounding, so nothing is lost) and compare every intermediate KTAB prints for that
  step: risk attitudes, utility matrices, each actor's estimate of them, targets, estimated
  win probabilities and gains, bargains and the next positions. A divergence is pinned to
  the step and quantity where it starts.
* whole run: the trajectory, winning probabilities, final positions and number of steps.

Tolerances are KTAB's print precision (half a unit of the last printed digit).
"""

import numpy as np
import pytest
from ktab_reference_log import KTAB_DIR, read_log

from parley.model.formats import read_ktab_csv
from parley.simulate.base import get_model
from parley.simulate.smp_core import SMPSettings, run_batch, step

pytestmark = pytest.mark.shared

RUNS = {
    "dummyData_3Dim.csv": "20170530_ref-dummyData_3Dim.txt",
    "SOE-Pol-Comp.csv": "20170530_ref-SOE-Pol-Comp.txt",
}


@pytest.fixture(autouse=True)
def _need_shared():
    if not KTAB_DIR.is_dir():
        pytest.skip("../shared KTAB reference data not present")


def _inputs(csv_name: str) -> tuple[np.ndarray, np.ndarray]:
    """Capabilities (1, n) and saliences (1, n, d) on KTAB's internal scale."""
    sc = read_ktab_csv(KTAB_DIR / csv_name)
    arrays = sc.to_arrays()
    return arrays.capability[None], arrays.salience[None]


def _cases():
    for csv_name, log_name in RUNS.items():
        steps = {"dummyData_3Dim.csv": 10, "SOE-Pol-Comp.csv": 27}[csv_name]
        for t in range(steps):
            yield pytest.param(csv_name, log_name, t, id=f"{csv_name}-step{t}")


@pytest.mark.parametrize(("csv_name", "log_name", "t"), list(_cases()))
def test_one_step_from_ktab_state_matches_every_intermediate(csv_name, log_name, t):
    log = read_log(log_name)
    caps, sal = _inputs(csv_name)
    pos = log.positions[t][None] / 100.0
    detail = step(caps, pos, sal, SMPSettings())

    np.testing.assert_allclose(detail.risk[0], log.risk[t], atol=5.1e-4)
    np.testing.assert_allclose(detail.utility[0], log.utility[t], atol=5.1e-5)
    np.testing.assert_allclose(detail.estimates[0], log.estimates[t], atol=5.1e-5)

    turn = log.challenges[t]
    assert sorted(turn) == list(range(log.n_actors))
    for i, ch in turn.items():
        if ch is None:
            assert detail.target[0, i] == -1, f"actor {i} should not challenge"
            continue
        assert detail.target[0, i] == ch.target, f"actor {i} target"
        assert detail.challenge_prob[0, i, ch.target] == pytest.approx(ch.prob, abs=5.1e-5)
        assert detail.challenge_gain[0, i, ch.target] == pytest.approx(ch.gain, abs=5.1e-5)
        np.testing.assert_allclose(100 * detail.bargain_init[0, i], ch.bargain_init, atol=5.1e-4)
        np.testing.assert_allclose(100 * detail.bargain_rcvr[0, i], ch.bargain_rcvr, atol=5.1e-4)

    np.testing.assert_allclose(100 * detail.new_positions[0], log.positions[t + 1], atol=5.1e-5)
    np.testing.assert_allclose(detail.win_prob[0], log.win_prob[:, t], atol=5.1e-5)


@pytest.mark.parametrize("csv_name", list(RUNS))
def test_whole_run_matches_trajectory_final_positions_and_steps(csv_name):
    log = read_log(RUNS[csv_name])
    forecast = get_model("smp").run(read_ktab_csv(KTAB_DIR / csv_name))

    assert forecast.rounds == log.steps
    assert forecast.converged
    # The goal was 3 points; the run reproduces KTAB to its printed precision.
    np.testing.assert_allclose(forecast.history[-1], log.positions[-1], atol=5.1e-3)
    # Every state of the 1-decimal history table.
    np.testing.assert_allclose(forecast.history.transpose(1, 2, 0), log.history, atol=0.051)
    win = np.array(forecast.details["win_probability"]).T
    np.testing.assert_allclose(win, log.win_prob, atol=5.1e-5)


def test_batched_runs_equal_single_runs():
    """Stacking the two scenarios' first steps in one batch changes nothing."""
    caps, sal = _inputs("dummyData_3Dim.csv")
    log = read_log(RUNS["dummyData_3Dim.csv"])
    pos0 = log.positions[0][None] / 100.0
    pos3 = log.positions[3][None] / 100.0
    batch = run_batch(
        np.concatenate([caps, caps]),
        np.concatenate([pos0, pos3]),
        np.concatenate([sal, sal]),
    )
    assert batch.steps[0] == log.steps
    np.testing.assert_allclose(100 * batch.final_positions()[0], log.positions[-1], atol=5.1e-3)
    alone = run_batch(caps, pos3, sal)
    assert batch.steps[1] == alone.steps[0]
    np.testing.assert_array_equal(batch.final_positions()[1], alone.final_positions()[0])
