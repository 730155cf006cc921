"""Bueno de Mesquita's expected utility model, as reconstructed by Scholz, Calbert and Smith.

Bueno de Mesquita (BDM) never published his forecasting code; Scholz, Calbert and Smith (2011,
"Unravelling Bueno de Mesquita's group decision model", J. Theoretical Politics 23(4)) pieced
the model together from his papers and replicated his European Community example. This module
follows their reading. Each issue is played separately; in every round:

1. **Median voter** ``μ``: the weighted median of the current positions (weights capability ×
   salience), which on one line is the Condorcet winner among the actors' positions.
2. **Probability of winning** a contest between ``i`` and ``j``: every actor ``k`` throws
   ``c_k s_k (|x_k − x_j| − |x_k − x_i|)`` behind the side it prefers;
   ``P_ij`` = support for ``i`` / all support cast, so ``P_ij + P_ji = 1``.
3. **Utilities** from ``i``'s point of view, with distances ``d`` normalised by the range of the
   initial positions and ``i``'s risk exponent ``r_i``::

       U_s  = 2 − 4 (0.5 − 0.5 d_ij)^r          i wins against j
       U_f  = 2 − 4 (0.5 + 0.5 d_ij)^r          i loses against j
       U_b  = 2 − 4 (0.5 − 0.25 (d_iμ + d_ij))^r  things get better without a challenge
       U_w  = 2 − 4 (0.5 + 0.25 (d_iμ + d_ij))^r  things get worse without a challenge
       U_sq = 2 − 4 · 0.5^r                     status quo

4. **Expected utility of challenging** ``j`` (``j`` resists with probability ``s_j``)::

       E_i(U_ij) = s_j (P_ij U_s + (1 − P_ij) U_f) + (1 − s_j) U_s
                   − Q U_sq − (1 − Q)(T U_b + (1 − T) U_w)

   with ``Q`` (probability the status quo holds without a challenge) and ``T`` (that a change
   would be for the better) fixed, 1.0 by default as in Scholz et al.
5. **Risk attitudes**: with every ``r = 1``, an actor's *danger* is the sum of the expected
   utilities the others see in challenging it. ``R_i = (2 danger_i − max − min)/(max − min)``
   over actors, and ``r_i = (1 − R_i/3)/(1 + R_i/3)`` ∈ [0.5, 2]; step 3–4 are then redone.
6. **Offers**: ``i`` weighs, in its own perception (its own ``r_i`` for both sides), its
   expected utility ``x = E(U_ij)`` of challenging ``j`` against ``y = E(U_ji)`` of being
   challenged by ``j``: ``y > x > 0`` → ``i`` loses a confrontation and takes ``x_j``;
   ``y > 0 > x``, ``y > |x|`` → ``i`` compromises, moving the share ``|x|/y`` of the way to
   ``x_j``; ``y > 0 > x``, ``|x| ≥ y`` → ``i`` capitulates to ``x_j``. Of the offers it
   receives, ``i`` accepts the one that moves it least (ties: the lower position), and all
   actors move at once.
7. Rounds repeat until no position moves (relative tolerance) or ``max_rounds``; the forecast
   is the median voter position of the final round.

Where the literature leaves a choice open we took the reading that keeps the model invariant to
actor order and to affine rescaling of the scale (tested), and documented it above.
Everything is computed on arrays ``(runs × issues, actors, actors[, actors])`` so that Monte
Carlo draws go through one call.
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from parley.model.scenario import Scenario, ScenarioArrays
from parley.simulate.base import BatchForecast, Model, register
from parley.simulate.spatial import weighted_mean, weighted_median

MOVE_NONE, MOVE_CONFRONTATION, MOVE_COMPROMISE, MOVE_CAPITULATION = 0, 1, 2, 3
MOVE_NAMES = {
    MOVE_NONE: "holds",
    MOVE_CONFRONTATION: "loses a confrontation to",
    MOVE_COMPROMISE: "compromises with",
    MOVE_CAPITULATION: "capitulates to",
}

# Elements of the (rows, actors, actors, actors) vote tensor per chunk: bounds memory for
# large Monte Carlo batches (a chunk is many runs, never one run per Python iteration).
_CHUNK_ELEMENTS = 4_000_000
_EPS = 1e-9


def _u(base: np.ndarray, r: np.ndarray) -> np.ndarray:
    return 2.0 - 4.0 * np.power(np.clip(base, 0.0, None), r)


def win_probability(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``P[n, i, j]``: probability that ``i`` beats ``j`` (0.5 where they stand together)."""
    dist = np.abs(x[:, :, None] - x[:, None, :])  # [n, k, a] = |x_k - x_a|
    # support[n, k, i, j] = w_k (|x_k - x_j| - |x_k - x_i|): k's vote for i over j
    support = w[:, :, None, None] * (dist[:, :, None, :] - dist[:, :, :, None])
    pro = np.clip(support, 0.0, None).sum(axis=1)
    total = np.abs(support).sum(axis=1)
    return np.where(total > 0, pro / np.where(total > 0, total, 1.0), 0.5)


def expected_utility(
    d: np.ndarray,
    d_mu: np.ndarray,
    p: np.ndarray,
    s: np.ndarray,
    r: np.ndarray,
    q: float,
    t: float,
) -> np.ndarray:
    """``E[n, a, b]``: a's expected utility of challenging b with risk exponents ``r[n, a, b]``.

    ``d`` normalised distances ``(n, a, b)``, ``d_mu`` distance of a to the median ``(n, a)``,
    ``p`` win probabilities ``(n, a, b)``, ``s`` saliences ``(n, b)``.
    """
    us = _u(0.5 - 0.5 * d, r)
    uf = _u(0.5 + 0.5 * d, r)
    usq = _u(np.full_like(d, 0.5), r)
    sb = s[:, None, :]
    eu = sb * (p * us + (1 - p) * uf) + (1 - sb) * us - q * usq
    if q < 1:
        spread = 0.25 * (d_mu[:, :, None] + d)
        eu -= (1 - q) * (t * _u(0.5 - spread, r) + (1 - t) * _u(0.5 + spread, r))
    return eu


def risk_exponents(eu_neutral: np.ndarray) -> np.ndarray:
    """``r[n, i]`` from the risk-neutral expected utilities ``E[n, challenger, target]``."""
    n_a = eu_neutral.shape[-1]
    off = ~np.eye(n_a, dtype=bool)
    danger = np.where(off, eu_neutral, 0.0).sum(axis=1)  # others challenging i
    hi, lo = danger.max(axis=1, keepdims=True), danger.min(axis=1, keepdims=True)
    spread = hi - lo
    big_r = np.where(spread > 0, (2 * danger - hi - lo) / np.where(spread > 0, spread, 1), 0.0)
    return (1 - big_r / 3) / (1 + big_r / 3)


@register
class BDM(Model):
    """Bueno de Mesquita's expected utility model (Scholz, Calbert and Smith 2011).

    Parameters: ``q`` and ``t`` as in the model, ``max_rounds``, ``tol`` (a round in which no
    position moves by more than ``tol`` × the position range ends the run), ``perspective``
    (``"own"``: an actor judges its rival's expected utility with its own risk exponent, as in
    Scholz et al.; ``"actual"``: with the rival's), ``forecast`` (``"median"`` voter position
    of the last round, BDM's forecast, or the capability × salience weighted ``"mean"``).
    """

    name = "bdm"
    description = "Bueno de Mesquita expected utility model (Scholz, Calbert & Smith 2011)"

    def __init__(
        self,
        q: float = 1.0,
        t: float = 1.0,
        max_rounds: int = 100,
        tol: float = 0.01,
        perspective: Literal["own", "actual"] = "own",
        forecast: Literal["median", "mean"] = "median",
    ) -> None:
        self.q, self.t = q, t
        self.max_rounds, self.tol = max_rounds, tol
        self.perspective, self.forecast = perspective, forecast

    # -- kernel on rows: each row is one issue of one run --------------------------------

    def _round(self, x: np.ndarray, c: np.ndarray, s: np.ndarray, span: np.ndarray):
        w = c * s
        mu = weighted_median(x[:, :, None], w[:, :, None])[:, 0]
        d = np.abs(x[:, :, None] - x[:, None, :]) / span[:, None, None]
        d_mu = np.abs(x - mu[:, None]) / span[:, None]
        p = win_probability(x, w)
        ones = np.ones_like(d)
        r = risk_exponents(expected_utility(d, d_mu, p, s, ones, self.q, self.t))
        own = expected_utility(d, d_mu, p, s, r[:, :, None] * ones, self.q, self.t)
        if self.perspective == "own":
            # i's estimate of j challenging i, computed with i's exponent, then transposed
            rival = expected_utility(d, d_mu, p, s, r[:, None, :] * ones, self.q, self.t)
        else:
            rival = own
        y = np.swapaxes(rival, 1, 2)  # y[n, i, j] = E(U_ji) as i sees it
        xo = own  # xo[n, i, j] = E(U_ij)
        # Utilities live in [-4, 4]; differences below _EPS are float noise (they change with
        # summation order), so they must not decide between confrontation and compromise.
        conf = (y > xo + _EPS) & (xo > _EPS)
        comp = (y > _EPS) & (xo < -_EPS) & (y > -xo + _EPS)
        capit = (y > _EPS) & (xo < -_EPS) & (-xo >= y - _EPS) & ~comp
        target = x[:, None, :]
        frac = np.where(comp, -xo / np.where(y > 0, y, 1.0), 1.0)
        cand = np.where(comp, x[:, :, None] + (target - x[:, :, None]) * frac, target)
        n_a = x.shape[1]
        valid = (conf | comp | capit) & ~np.eye(n_a, dtype=bool)
        move = np.where(valid, np.abs(cand - x[:, :, None]), np.inf)
        best = move.min(axis=2, keepdims=True)
        # Near-ties (within float noise of the scale) go to the lower position, not actor order.
        near = valid & (move <= best + 1e-9 * span[:, None, None])
        pick = np.argmin(np.where(near, cand, np.inf), axis=2)
        has = valid.any(axis=2)
        chosen = np.take_along_axis(cand, pick[:, :, None], axis=2)[:, :, 0]
        new_x = np.where(has, chosen, x)
        kind = np.select(
            [conf, comp, capit], [MOVE_CONFRONTATION, MOVE_COMPROMISE, MOVE_CAPITULATION], 0
        )
        kind = np.where(has, np.take_along_axis(kind, pick[:, :, None], axis=2)[:, :, 0], 0)
        partner = np.where(has, pick, -1)
        return new_x, r, kind, partner

    def _run_rows(self, x0: np.ndarray, c: np.ndarray, s: np.ndarray):
        n, n_a = x0.shape
        span = x0.max(axis=1) - x0.min(axis=1)
        flat = span <= 0
        span = np.where(flat, 1.0, span)
        xs, risks, kinds, partners = [x0], [], [], []
        x = x0
        done = flat.copy()
        rounds = np.zeros(n, dtype=int)
        for _ in range(self.max_rounds):
            if done.all():
                break
            new_x, r, kind, partner = self._round(x, c, s, span)
            moved = np.abs(new_x - x).max(axis=1) > self.tol * span
            active = ~done
            x = np.where(active[:, None], new_x, x)
            rounds += active & moved
            done = done | ~moved
            xs.append(x)
            risks.append(np.where(active[:, None], r, np.nan))
            kinds.append(np.where(active[:, None], kind, 0))
            partners.append(np.where(active[:, None], partner, -1))
        empty = np.zeros((n, 0, n_a))
        return (
            np.stack(xs, axis=1),
            rounds,
            done,
            np.stack(risks, axis=1) if risks else empty,
            np.stack(kinds, axis=1) if kinds else empty.astype(int),
            np.stack(partners, axis=1) if partners else empty.astype(int),
        )

    def run_batch(
        self, arrays: ScenarioArrays, rng: np.random.Generator | None = None
    ) -> BatchForecast:
        arrays = arrays.batched()
        b, n_a, n_i = arrays.position.shape
        # rows = (run, issue): BDM plays every issue on its own
        x = np.moveaxis(arrays.position, 2, 1).reshape(b * n_i, n_a)
        s = np.moveaxis(arrays.salience * arrays.has_position, 2, 1).reshape(b * n_i, n_a)
        c = np.repeat(arrays.capability, n_i, axis=0)
        chunk = max(1, _CHUNK_ELEMENTS // max(1, n_a**3))
        parts = [
            self._run_rows(x[i : i + chunk], c[i : i + chunk], s[i : i + chunk])
            for i in range(0, b * n_i, chunk)
        ]
        length = max(p[0].shape[1] for p in parts)

        def pad(a: np.ndarray, fill: Any, extra: int) -> np.ndarray:
            if a.shape[1] == extra:
                return a
            last = a[:, -1:] if fill is None else np.full_like(a[:, :1], fill)
            return np.concatenate([a, np.repeat(last, extra - a.shape[1], axis=1)], axis=1)

        hist = np.concatenate([pad(p[0], None, length) for p in parts])
        rounds = np.concatenate([p[1] for p in parts])
        done = np.concatenate([p[2] for p in parts])
        risk = np.concatenate([pad(p[3], np.nan, length - 1) for p in parts])
        kinds = np.concatenate([pad(p[4], 0, length - 1) for p in parts])
        partners = np.concatenate([pad(p[5], -1, length - 1) for p in parts])
        final = hist[:, -1]
        w = (c * s)[:, :, None]
        if self.forecast == "median":
            outcome = weighted_median(final[:, :, None], w)[:, 0]
        else:
            outcome = weighted_mean(final[:, :, None], w)[:, 0]

        def unrow(a: np.ndarray) -> np.ndarray:  # (b*I, R, A) -> (b, R, A, I)
            return np.moveaxis(a.reshape(b, n_i, *a.shape[1:]), 1, -1)

        return BatchForecast(
            outcome=outcome.reshape(b, n_i),
            rounds=rounds.reshape(b, n_i).max(axis=1),
            converged=done.reshape(b, n_i).all(axis=1),
            history=unrow(hist),
            details={"risk": unrow(risk), "moves": unrow(kinds), "partners": unrow(partners)},
        )

    def describe(self, scenario: Scenario, batch: BatchForecast) -> dict[str, Any]:
        """Risk exponents per round and who moved towards whom, issue by issue."""
        ids = [a.id for a in scenario.actors]
        keys = [i.key for i in scenario.issues]
        risk, moves, partners = (batch.details[k][0] for k in ("risk", "moves", "partners"))
        log = []
        for rnd in range(moves.shape[0]):
            for i_i, key in enumerate(keys):
                for a_i, actor in enumerate(ids):
                    kind = int(moves[rnd, a_i, i_i])
                    if kind:
                        log.append(
                            {
                                "round": rnd + 1,
                                "issue": key,
                                "actor": actor,
                                "move": MOVE_NAMES[kind],
                                "partner": ids[int(partners[rnd, a_i, i_i])],
                                "to": float(batch.history[0, rnd + 1, a_i, i_i]),
                            }
                        )
        return {
            "risk_exponents": np.round(risk, 6).tolist(),
            "moves": log,
            "parameters": {"q": self.q, "t": self.t, "perspective": self.perspective},
        }
