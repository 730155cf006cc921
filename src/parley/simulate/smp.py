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
        try:
            result = run_batch(caps, pos, sal, self.settings, rng, track_win=len(pos) == 1)
        except ValueError as exc:
            raise ParleyError(f"smp: {exc}") from None
        final = result.final_positions()
        option_prob = result.final_option_prob
        expected = np.einsum("ba,bad->bd", option_prob, final)
        likely = final[np.arange(len(final)), option_prob.argmax(axis=-1)]
        history = np.stack(result.positions, axis=1)  # (B, T+1, A, I)
        win_history = (
            {"win_probability": np.stack(result.win_probs, axis=1)} if result.win_probs else {}
        )
        risk = objective(caps, pos, sal, self.settings)[1]
        return BatchForecast(
            outcome=lower + span * expected,
            rounds=result.steps,
            converged=result.steps < self.settings.max_iterations,
            history=lower + span * history,
            details={
                "most_likely": lower + span * likely,
                "steps": result.steps,
                "risk_attitude": risk,
                "final_win_probability": result.final_win_prob,
                **win_history,
            },
        )

    def describe(self, scenario: Scenario, batch: BatchForecast) -> dict[str, Any]:
        """Details of one run, the round-by-round winning probabilities cut to its rounds."""
        out = super().describe(scenario, batch)
        if "win_probability" in out:
            out["win_probability"] = out["win_probability"][: int(batch.rounds[0]) + 1]
        out["settings"] = {f: getattr(self.settings, f) for f in sorted(_SETTING_NAMES)}
        return out
