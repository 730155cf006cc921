"""KTAB's Spatial Model of Politics behind parley's model interface (``--model smp``).

The numerics live in :mod:`parley.simulate.smp_core`; this adapter only translates a
:class:`~parley.model.scenario.ScenarioArrays` batch into the core's conventions and back:

* positions are rescaled from each issue's scale to [0, 1] (KTAB's internal scale: its
  bargain rounding and stopping threshold are absolute numbers on that scale);
* saliences are used as given when an actor's saliences sum to at most 1 (KTAB's rule:
  the total is the share of attention all these issues get); an actor whose saliences sum
  to more (a hand-written scenario with salience 1 everywhere) is scaled down to total 1,
  keeping its relative priorities.

The forecast per issue is the expected outcome of the final state: each distinct final
position weighted by its probability of winning the final election. ``details`` add the
most likely position, the number of steps, the inferred risk attitudes at the start, each
actor's final winning probability and, for a single run, its winning probability round by
round (Monte Carlo batches skip that history: it is a third of the work).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np

from parley.errors import ParleyError
from parley.model.scenario import Scenario, ScenarioArrays
from parley.simulate.base import BatchForecast, Model, register
from parley.simulate.smp_core import SMPSettings, objective, run_batch

_SETTING_NAMES = {f.name for f in fields(SMPSettings)}


@register
class SMP(Model):
    """Spatial Model of Politics (KTAB): challenges, bargains and probabilistic elections.

    Options are :class:`~parley.simulate.smp_core.SMPSettings` fields, e.g.
    ``SMP(big_r_adjust="Half", max_iterations=50)``; the defaults are the settings of
    KTAB's reference runs.
    """

    name = "smp"
    description = "Spatial Model of Politics (KTAB): challenges, bargains, Condorcet elections"

    def __init__(self, **options: Any) -> None:
        unknown = sorted(set(options) - _SETTING_NAMES)
        if unknown:
            known = ", ".join(sorted(_SETTING_NAMES))
            raise ParleyError(f"smp: unknown option(s) {', '.join(unknown)} (known: {known})")
        self.settings = SMPSettings(**options)

    def run_batch(
        self, arrays: ScenarioArrays, rng: np.random.Generator | None = None
    ) -> BatchForecast:
        arrays = arrays.batched()
        lower, span = arrays.lower, arrays.upper - arrays.lower
        pos = np.clip((arrays.position - lower) / span, 0.0, 1.0)
        sal = arrays.salience * arrays.has_position
        total = sal.sum(axis=-1, keepdims=True)
        sal = sal / np.maximum(total, 1.0)
        caps = np.broadcast_to(arrays.capability, pos.shape[:-1])
        # Actors with no stance at all have no position to bargain over: leave them out
        # (their placeholder position would otherwise be a candidate in the elections).
        keep = (sal.sum(axis=-1) > 0).any(axis=0)
        if keep.sum() < 2:
            raise ParleyError("smp: needs at least two actors with a stance on some issue")
        try:
            result = run_batch(
                caps[:, keep], pos[:, keep], sal[:, keep], self.settings, rng, len(pos) == 1
            )
        except ValueError as exc:
            raise ParleyError(f"smp: {exc}") from None

        def widen(part: np.ndarray, fill: np.ndarray | float, axis: int = -1) -> np.ndarray:
            """Put per-kept-actor values (actors on ``axis``) back among all actors."""
            axis = axis % part.ndim
            shape = list(part.shape)
            shape[axis] = keep.size
            full = np.empty(shape)
            full[...] = fill
            index = [slice(None)] * part.ndim
            index[axis] = keep
            full[tuple(index)] = part
            return full

        final = result.final_positions()
        option_prob = result.final_option_prob
        expected = np.einsum("ba,bad->bd", option_prob, final)
        likely = final[np.arange(len(final)), option_prob.argmax(axis=-1)]
        history = np.stack(result.positions, axis=1)  # (B, T+1, kept, I)
        history = widen(history, pos[:, None], axis=2)
        details: dict[str, Any] = {
            "most_likely": lower + span * likely,
            "steps": result.steps,
            "risk_attitude": widen(
                objective(caps[:, keep], pos[:, keep], sal[:, keep], self.settings)[1], 0.0
            ),
            "final_win_probability": widen(result.final_win_prob, 0.0),
        }
        if result.win_probs:
            details["win_probability"] = widen(np.stack(result.win_probs, axis=1), 0.0)
        return BatchForecast(
            outcome=lower + span * expected,
            rounds=result.steps,
            converged=result.steps < self.settings.max_iterations,
            history=lower + span * history,
            details=details,
        )

    def describe(self, scenario: Scenario, batch: BatchForecast) -> dict[str, Any]:
        """Details of one run, the round-by-round winning probabilities cut to its rounds."""
        out = super().describe(scenario, batch)
        if "win_probability" in out:
            out["win_probability"] = out["win_probability"][: int(batch.rounds[0]) + 1]
        out["settings"] = {f: getattr(self.settings, f) for f in sorted(_SETTING_NAMES)}
        return out
