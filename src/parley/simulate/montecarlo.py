"""Monte Carlo over uncertain inputs: how sure is a forecast, and what drives it?

Positions, saliences and clout read from the news are estimates. Every uncertain input in a
scenario (a :class:`~parley.model.scenario.Distribution` or a ``[low, high]`` range) is drawn
``runs`` times at once; the draws are stacked into batched arrays and pushed through the
model's batched kernel in a handful of calls (chunks bound the memory, never one call per run).
The same seed gives the same draws and the same answer.

Results:

* the distribution of each issue's outcome (mean, spread, quantiles);
* the probability that a package lies inside every party's zone (it is accepted by everyone:
  :meth:`parley.simulate.utility.Utilities.accepts`), for a given package or for each run's own
  forecast;
* the sensitivity of each issue's forecast to each uncertain input, as standardised regression
  coefficients (SRC: the change of the outcome, in standard deviations, per standard deviation
  of the input, all inputs varying together; with the R² of the linear fit, which says how far
  the SRC can be trusted). Inputs are named ``capability:<actor>``, ``position:<actor>/<issue>``,
  ``salience:<actor>/<issue>``, ``reservation:<actor>/<issue>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from parley.model.scenario import Distribution, Scenario, ScenarioArrays
from parley.simulate.base import Model
from parley.simulate.utility import Utilities

_CHUNK_RUNS = 2000


def sample_inputs(
    scenario: Scenario, runs: int, rng: np.random.Generator
) -> tuple[ScenarioArrays, dict[str, np.ndarray]]:
    """``runs`` draws of the scenario as batched arrays, and the draws of each uncertain input.

    One generator call per uncertain input (vectorised over runs). Draws are clipped to what
    the input allows: positions and reservation points to the issue's scale, saliences to
    [0, 1], capabilities to ≥ 0.
    """
    base = scenario.to_arrays()
    cap = np.repeat(base.capability[None], runs, axis=0)
    pos = np.repeat(base.position[None], runs, axis=0)
    sal = np.repeat(base.salience[None], runs, axis=0)
    res = np.repeat(base.reservation[None], runs, axis=0)
    drawn: dict[str, np.ndarray] = {}
    for a_i, actor in enumerate(scenario.actors):
        if actor.capability_uncertainty is not None:
            d = actor.capability_uncertainty.sample(actor.capability, rng, runs)
            cap[:, a_i] = drawn[f"capability:{actor.id}"] = np.clip(d, 0, None)
        for i_i, issue in enumerate(scenario.issues):
            stance = actor.stances.get(issue.key)
            if stance is None:
                continue
            lo, hi = issue.scale
            for name, dist in stance.uncertainty.items():
                if name == "position":
                    center, target, bounds = base.position[a_i, i_i], pos, (lo, hi)
                elif name == "salience":
                    center, target, bounds = base.salience[a_i, i_i], sal, (0.0, 1.0)
                else:
                    center = base.reservation[a_i, i_i]
                    if np.isnan(center):
                        center = base.position[a_i, i_i]
                    target, bounds = res, (lo, hi)
                d = np.clip(dist.sample(float(center), rng, runs), *bounds)
                target[:, a_i, i_i] = drawn[f"{name}:{actor.id}/{issue.key}"] = d
    arrays = replace(
        base,
        capability=cap,
        position=pos,
        salience=sal,
        reservation=res,
        red_line=np.repeat(base.red_line[None], runs, axis=0),
        has_position=np.repeat(base.has_position[None], runs, axis=0),
    )
    return arrays, drawn


def with_default_uncertainty(
    scenario: Scenario, position_spread: float, salience_spread: float = 0.0
) -> Scenario:
    """A copy in which every position (and salience) without a declared distribution gets a
    uniform range of ± ``position_spread`` scale points (± ``salience_spread``), clipped to
    the scale. Reference scenarios (KTAB, BDM tables) declare none; this asks "what if each
    estimate were off by that much?"."""
    out = scenario.model_copy(deep=True)
    for actor in out.actors:
        for key, stance in actor.stances.items():
            issue = out.issue(key)
            lo, hi = issue.scale
            if position_spread > 0 and "position" not in stance.uncertainty:
                p = issue.value(stance.position)
                stance.uncertainty["position"] = Distribution(
                    dist="uniform",
                    low=max(lo, p - position_spread),
                    high=min(hi, p + position_spread),
                )
            if salience_spread > 0 and "salience" not in stance.uncertainty:
                stance.uncertainty["salience"] = Distribution(
                    dist="uniform",
                    low=max(0.0, stance.salience - salience_spread),
                    high=min(1.0, stance.salience + salience_spread),
                )
    return out


@dataclass
class MonteCarloResult:
    """Outcomes of all runs: ``outcomes`` ``(runs, I)``; ``inputs`` the draws per input."""

    model: str
    issue_keys: list[str]
    outcomes: np.ndarray
    rounds: np.ndarray
    converged: np.ndarray
    inputs: dict[str, np.ndarray]
    seed: int | None
    forecast_accepted: np.ndarray
    """``(runs,)``: the run's own forecast lies inside every party's zone."""
    arrays: ScenarioArrays = field(repr=False)

    @property
    def runs(self) -> int:
        return self.outcomes.shape[0]

    def summary(self, quantiles: tuple[float, ...] = (0.05, 0.25, 0.5, 0.75, 0.95)) -> dict:
        """Per issue: mean, sd, the quantiles, and the share of runs with an outcome."""
        out = {}
        for j, key in enumerate(self.issue_keys):
            col = self.outcomes[:, j]
            ok = col[~np.isnan(col)]
            q = np.quantile(ok, quantiles) if ok.size else np.full(len(quantiles), np.nan)
            out[key] = {
                "mean": float(ok.mean()) if ok.size else None,
                "sd": float(ok.std()) if ok.size else None,
                "quantiles": {f"{p:g}": (None if np.isnan(v) else float(v))
                              for p, v in zip(quantiles, q, strict=True)},
                "defined": float(ok.size / col.size),
            }  # fmt: skip
        return out

    def zone_probability(self, package: np.ndarray) -> float:
        """Probability (over the draws) that ``package`` ``(I,)`` is accepted by every party."""
        ut = Utilities.from_arrays(self.arrays)
        pkg = np.broadcast_to(np.asarray(package, dtype=float), (self.runs, 1, len(package)))
        return float(ut.accepts(pkg)[:, 0].all(axis=-1).mean())

    def sensitivity(self, bins: int = 10) -> dict[str, dict[str, Any]]:
        """Per issue, two views of which uncertain input moves the outcome:

        * ``src``: standardised regression coefficients (signed, all inputs together) with
          ``r2``, the share of variance the linear fit explains (only with more runs than
          inputs);
        * ``first_order``: a binned first-order (Sobol-style) index per input: the variance of
          the outcome's mean across ``bins`` quantile bins of the input, over the outcome's
          variance. It needs no linearity, which matters for models whose outcome jumps (a
          median voter changing sides);
        * ``direction``: the sign of the input's correlation with the outcome.

        Entries are sorted by ``first_order``, largest first."""
        names = [k for k, v in self.inputs.items() if np.std(v) > 0]
        out: dict[str, dict[str, Any]] = {}
        if not names:
            return out
        x = np.stack([self.inputs[k] for k in names], axis=1)
        for j, key in enumerate(self.issue_keys):
            y = self.outcomes[:, j]
            ok = ~np.isnan(y)
            if ok.sum() < 2 * bins or np.std(y[ok]) == 0:
                out[key] = {"src": {}, "first_order": {}, "direction": {}, "r2": None}
                continue
            xo, yo = x[ok], y[ok]
            xs = (xo - xo.mean(0)) / xo.std(0)
            ys = (yo - yo.mean()) / yo.std()
            first = _first_order(xo, yo, bins)
            order = np.argsort(-first, kind="stable")
            corr = xs.T @ ys / len(ys)
            entry: dict[str, Any] = {
                "first_order": {names[i]: float(first[i]) for i in order},
                "direction": {names[i]: float(np.sign(corr[i])) for i in order},
                "src": {},
                "r2": None,
            }
            if len(ys) >= len(names) + 2:  # the regression needs more runs than inputs
                design = np.c_[xs, np.ones(len(ys))]
                coef, *_ = np.linalg.lstsq(design, ys, rcond=None)
                entry["src"] = {names[i]: float(coef[i]) for i in order}
                entry["r2"] = float(1 - ((ys - design @ coef) ** 2).sum() / (ys**2).sum())
            out[key] = entry
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "runs": self.runs,
            "seed": self.seed,
            "converged": float(self.converged.mean()),
            "rounds_mean": float(self.rounds.mean()),
            "forecast_in_every_zone": float(self.forecast_accepted.mean()),
            "outcomes": self.summary(),
            "sensitivity": self.sensitivity(),
        }


def run_monte_carlo(
    scenario: Scenario, model: Model, runs: int = 1000, seed: int | None = None
) -> MonteCarloResult:
    """Run ``model`` on ``runs`` draws of ``scenario``'s uncertain inputs (seeded)."""
    rng = np.random.default_rng(seed)
    arrays, drawn = sample_inputs(scenario, runs, rng)
    outcomes, rounds, converged = [], [], []
    for s in range(0, runs, _CHUNK_RUNS):
        part = _slice_runs(arrays, slice(s, s + _CHUNK_RUNS))
        batch = model.batch_outcomes(part, rng)
        outcomes.append(batch.outcome)
        rounds.append(batch.rounds)
        converged.append(batch.converged)
    out = np.concatenate(outcomes)
    ut = Utilities.from_arrays(arrays)
    defined = ~np.isnan(out).any(axis=1)
    accepted = ut.accepts(np.nan_to_num(out)[:, None, :])[:, 0].all(axis=-1) & defined
    return MonteCarloResult(
        model=model.name,
        issue_keys=arrays.issue_keys,
        outcomes=out,
        rounds=np.concatenate(rounds),
        converged=np.concatenate(converged),
        inputs=drawn,
        seed=seed,
        forecast_accepted=accepted,
        arrays=arrays,
    )


def _first_order(x: np.ndarray, y: np.ndarray, bins: int) -> np.ndarray:
    """Var(E[y | x_k]) / Var(y) per column of ``x``, conditional means over quantile bins."""
    n, k = x.shape
    ranks = np.argsort(np.argsort(x, axis=0, kind="stable"), axis=0, kind="stable")
    group = ranks * bins // n  # (n, k) equal-count bins per input
    offset = group + bins * np.arange(k)[None, :]
    counts = np.bincount(offset.ravel(), minlength=bins * k).reshape(k, bins)
    sums = np.bincount(offset.ravel(), weights=np.repeat(y, k), minlength=bins * k)
    means = sums.reshape(k, bins) / np.maximum(counts, 1)
    between = (counts * (means - y.mean()) ** 2).sum(axis=1) / n
    return between / y.var()


def _slice_runs(arrays: ScenarioArrays, s: slice) -> ScenarioArrays:
    return replace(
        arrays,
        capability=arrays.capability[s],
        position=arrays.position[s],
        salience=arrays.salience[s],
        reservation=arrays.reservation[s],
        red_line=arrays.red_line[s],
        has_position=arrays.has_position[s],
    )
