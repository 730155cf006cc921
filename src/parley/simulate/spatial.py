"""The two one-shot spatial forecasts every bargaining study starts from.

* **Compromise** (the "expected outcome" of the decision-making literature, e.g. Stokman and
  colleagues): the mean of the positions weighted by capability × salience. Right when the
  outcome is a negotiated average of everyone's pull.
* **Weighted median** (median voter): the position that no coalition holding more than half of
  the capability × salience weight can beat under majority rule, by Black's theorem for
  single-peaked preferences on one line. Right when the outcome is decided by voting.

Both are one formula per issue, computed for the whole Monte Carlo batch at once.
"""

from __future__ import annotations

from abc import abstractmethod

import numpy as np

from parley.model.scenario import ScenarioArrays
from parley.simulate.base import BatchForecast, Model, register


def weights(arrays: ScenarioArrays) -> np.ndarray:
    """Capability × salience, ``(..., A, I)``; zero where an actor is silent."""
    return arrays.capability[..., :, None] * arrays.salience * arrays.has_position


def weighted_mean(pos: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted mean over the actor axis (-2); plain mean where all weights are zero."""
    total = w.sum(axis=-2)
    safe = np.where(total > 0, total, 1.0)
    mean = (w * pos).sum(axis=-2) / safe
    return np.where(total > 0, mean, pos.mean(axis=-2))


def weighted_median(pos: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted median over the actor axis (-2): the smallest position whose cumulative
    weight reaches half the total. Ties in position are merged, so the answer does not depend
    on actor order. Where all weights are zero, every actor counts the same."""
    w = np.where(w.sum(axis=-2, keepdims=True) > 0, w, 1.0)
    order = np.argsort(pos, axis=-2, kind="stable")
    p = np.take_along_axis(pos, order, axis=-2)
    cw = np.cumsum(np.take_along_axis(w, order, axis=-2), axis=-2)
    # Tolerate float rounding so that an exact half split picks the lower median reliably.
    reached = cw >= 0.5 * cw[..., -1:, :] * (1 - 1e-12)
    idx = np.argmax(reached, axis=-2)
    return np.take_along_axis(p, idx[..., None, :], axis=-2)[..., 0, :]


class _OneShot(Model):
    """A forecast computed in one step from the input positions (no rounds)."""

    @abstractmethod
    def _outcome(self, arrays: ScenarioArrays) -> np.ndarray:
        """The forecast ``(N, I)`` for batched arrays."""

    def run_batch(self, arrays: ScenarioArrays, rng: np.random.Generator | None = None):
        arrays = arrays.batched()
        n = arrays.position.shape[0]
        return BatchForecast(
            outcome=self._outcome(arrays),
            rounds=np.zeros(n, dtype=int),
            converged=np.ones(n, dtype=bool),
            history=arrays.position[:, None],
        )


@register
class Compromise(_OneShot):
    """Capability × salience weighted mean of the positions, issue by issue."""

    name = "compromise"
    description = "capability × salience weighted mean (negotiated compromise)"

    def _outcome(self, arrays: ScenarioArrays) -> np.ndarray:
        return weighted_mean(arrays.position, weights(arrays))


@register
class WeightedMedian(_OneShot):
    """Capability × salience weighted median of the positions (median voter), per issue."""

    name = "median"
    description = "capability × salience weighted median (median voter)"

    def _outcome(self, arrays: ScenarioArrays) -> np.ndarray:
        return weighted_median(arrays.position, weights(arrays))
