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

import functools
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
_SORTED_FROM = 32  # actors; the sorted kernel wins clearly from here (timed on 20-80 actors)
_EPS = 1e-9


@functools.lru_cache(maxsize=64)
def _off_diagonal(n_a: int) -> np.ndarray:
    """``(A, A)`` True off the diagonal (an actor never challenges itself); cached per size."""
    mask = ~np.eye(n_a, dtype=bool)
    mask.flags.writeable = False
    return mask


def _u(base: np.ndarray, r: np.ndarray | float) -> np.ndarray:
    base = np.clip(base, 0.0, None)
    if isinstance(r, float) and r == 1.0:  # risk neutral: no power needed
        return 2.0 - 4.0 * base
    return 2.0 - 4.0 * np.power(base, r)


def win_probability(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``P[n, i, j]``: probability that ``i`` beats ``j`` (0.5 where they stand together).

    Every actor ``k`` throws ``w_k (|x_k − x_j| − |x_k − x_i|)`` behind the side it prefers;
    ``P_ij`` = support for ``i`` / all support cast. The direct ``A³`` sum is fastest for small
    groups; from ``_SORTED_FROM`` actors on, prefix sums over sorted positions win.
    """
    if x.shape[1] >= _SORTED_FROM:
        return _win_probability_sorted(x, w)
    return _win_probability_direct(x, w)


def _win_probability_direct(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    dist = np.abs(x[:, :, None] - x[:, None, :])  # [n, k, a] = |x_k - x_a|
    support = w[:, :, None, None] * (dist[:, :, None, :] - dist[:, :, :, None])
    pro = np.clip(support, 0.0, None).sum(axis=1)
    total = np.abs(support).sum(axis=1)
    return np.where(total > 0, pro / np.where(total > 0, total, 1.0), 0.5)


def _win_probability_sorted(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """The same probabilities in ``A² log A``.

    ``P_ij = pro / (pro + con)`` with ``pro − con = Σ_k w_k (|x_k − x_j| − |x_k − x_i|)`` (an
    ``A × A`` sum) and ``pro + con = Σ_k w_k ||x_k − x_j| − |x_k − x_i||``. The latter would be
    an ``A³`` sum; on a line it equals ``|x_i − x_j|`` times the weight outside the open
    interval between them plus ``Σ_k w_k |2 x_k − x_i − x_j|`` inside it, which prefix sums
    over the sorted positions give in ``A² log A`` (one ``searchsorted`` for all rows: each
    row's positions are normalised to [0, 1] and offset by twice the row number).
    """
    n, n_a = x.shape
    lo = x.min(axis=1, keepdims=True)
    span = x.max(axis=1, keepdims=True) - lo
    xn = (x - lo) / np.where(span > 0, span, 1.0)
    order = np.argsort(xn, axis=1, kind="stable")
    xs = np.take_along_axis(xn, order, axis=1)
    ws = np.take_along_axis(w, order, axis=1)
    rows = np.arange(n)
    flat = (xs + 2.0 * rows[:, None]).ravel()
    zero = np.zeros((n, 1, 2))
    # cumulative weight and weight × position of the first r sorted actors, one table per row
    cum = np.concatenate([zero, np.cumsum(np.stack([ws, ws * xs], axis=-1), axis=1)], axis=1)
    cum = cum.reshape(n * (n_a + 1), 2)

    def rank(t: np.ndarray, side: Literal["left", "right"]) -> np.ndarray:
        shift = 2.0 * rows.reshape((n,) + (1,) * (t.ndim - 1))
        found = np.searchsorted(flat, (t + shift).ravel(), side).reshape(t.shape)
        return found - (rows * n_a).reshape(shift.shape)

    def at(r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        got = cum[r + (rows * (n_a + 1))[:, None, None]]
        return got[..., 0], got[..., 1]

    # Ranks of the actors' own positions need one query per actor, not per pair.
    le, lt = rank(xn, "right"), rank(xn, "left")  # positions <= x_a, < x_a
    first = xn[:, :, None] <= xn[:, None, :]  # is i the lower end of the pair (i, j)?
    a = np.where(first, xn[:, :, None], xn[:, None, :])
    b = np.where(first, xn[:, None, :], xn[:, :, None])
    mid = (a + b) / 2
    r_a = np.where(first, le[:, :, None], le[:, None, :])
    r_b = np.maximum(np.where(first, lt[:, None, :], lt[:, :, None]), r_a)
    r_m = np.clip(rank(mid, "left"), r_a, r_b)
    (w_a, wx_a), (w_b, wx_b), (w_m, wx_m) = at(r_a), at(r_b), at(r_m)
    inside = w_b - w_a
    below = mid * (w_m - w_a) - (wx_m - wx_a)
    above = (wx_b - wx_m) - mid * (w_b - w_m)
    weight = cum[(rows + 1) * (n_a + 1) - 1, 0][:, None, None]
    total = (b - a) * (weight - inside) + 2 * (below + above)
    s = (w[:, None, :] * np.abs(xn[:, None, :] - xn[:, :, None])).sum(axis=2)  # Σ_k w_k|x_k-x_a|
    net = s[:, None, :] - s[:, :, None]  # [i, j] = S_j - S_i = pro - con
    ok = total > 1e-12 * np.maximum(weight, 1e-300)
    p = np.where(ok, (total + net) / (2 * np.where(ok, total, 1.0)), 0.5)
    return np.clip(p, 0.0, 1.0)


def expected_utility(
    d: np.ndarray,
    d_mu: np.ndarray,
    p: np.ndarray,
    s: np.ndarray,
    r: np.ndarray | float,
    q: float,
    t: float,
) -> np.ndarray:
    """``E[n, a, b]``: a's expected utility of challenging b with risk exponents ``r``
    (broadcastable to ``(n, a, b)``, or the float 1.0 for risk neutrality).

    ``d`` normalised distances ``(n, a, b)``, ``d_mu`` distance of a to the median ``(n, a)``,
    ``p`` win probabilities ``(n, a, b)``, ``s`` saliences ``(n, b)``.
    """
    us = _u(0.5 - 0.5 * d, r)
    uf = _u(0.5 + 0.5 * d, r)
    usq = _u(np.full(np.shape(r), 0.5), r)
    sb = s[:, None, :]
    eu = sb * (p * us + (1 - p) * uf) + (1 - sb) * us - q * usq
    if q < 1:
        spread = 0.25 * (d_mu[:, :, None] + d)
        eu -= (1 - q) * (t * _u(0.5 - spread, r) + (1 - t) * _u(0.5 + spread, r))
    return eu


def risk_exponents(eu_neutral: np.ndarray) -> np.ndarray:
    """``r[n, i]`` from the risk-neutral expected utilities ``E[n, challenger, target]``."""
    # danger[n, i]: what the others expect from challenging i (column sums, diagonal out)
    danger = np.where(_off_diagonal(eu_neutral.shape[-1]), eu_neutral, 0.0).sum(axis=1)
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
        r = risk_exponents(expected_utility(d, d_mu, p, s, 1.0, self.q, self.t))
        own = expected_utility(d, d_mu, p, s, r[:, :, None], self.q, self.t)
        if self.perspective == "own":
            # i's estimate of j challenging i, computed with i's exponent, then transposed
            rival = expected_utility(d, d_mu, p, s, r[:, None, :], self.q, self.t)
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
        valid = (conf | comp | capit) & _off_diagonal(x.shape[1])
        move = np.where(valid, np.abs(cand - x[:, :, None]), np.inf)
        best = move.min(axis=2, keepdims=True)
        # Near-ties (within float noise of the scale) go to the lower position, not actor order.
        near = valid & (move <= best + 1e-9 * span[:, None, None])
        pick = np.argmin(np.where(near, cand, np.inf), axis=2)
        has = valid.any(axis=2)
        chosen = np.take_along_axis(cand, pick[:, :, None], axis=2)[:, :, 0]
        new_x = np.where(has, chosen, x)
        # the three cases exclude each other, so a weighted sum names the one that applies
        kind = MOVE_CONFRONTATION * conf + MOVE_COMPROMISE * comp + MOVE_CAPITULATION * capit
        kind = np.where(has, np.take_along_axis(kind, pick[:, :, None], axis=2)[:, :, 0], 0)
        partner = np.where(has, pick, -1)
        return new_x, r, kind, partner

    def _run_rows(self, x0: np.ndarray, c: np.ndarray, s: np.ndarray, keep: bool = True):
        n, n_a = x0.shape
        span = x0.max(axis=1) - x0.min(axis=1)
        flat = span <= 0
        span = np.where(flat, 1.0, span)
        xs, risks, kinds, partners = [x0], [], [], []
        x = x0
        done = flat.copy()
        rounds = np.zeros(n, dtype=int)
        for _ in range(self.max_rounds):
            live = np.flatnonzero(~done)  # only rows still moving are computed
            if live.size == 0:
                break
            new_x, r_live, kind_live, partner_live = self._round(
                x[live], c[live], s[live], span[live]
            )
            moved = np.abs(new_x - x[live]).max(axis=1) > self.tol * span[live]
            x = x.copy()
            x[live] = new_x
            rounds[live] += 1  # rounds played, the last (stable) one included
            done[live[~moved]] = True
            r = np.full((n, n_a), np.nan)
            kind = np.zeros((n, n_a), dtype=int)
            partner = np.full((n, n_a), -1)
            r[live], kind[live], partner[live] = r_live, kind_live, partner_live
            if keep:
                xs.append(x)
                risks.append(r)
                kinds.append(kind)
                partners.append(partner)
            else:  # Monte Carlo: final positions only, memory stays flat
                xs = [x0, x]
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
        return self._batch(arrays, keep=True)

    def batch_outcomes(
        self, arrays: ScenarioArrays, rng: np.random.Generator | None = None
    ) -> BatchForecast:
        return self._batch(arrays, keep=False)

    def _batch(self, arrays: ScenarioArrays, keep: bool) -> BatchForecast:
        arrays = arrays.batched()
        b, n_a, n_i = arrays.position.shape
        # rows = (run, issue): BDM plays every issue on its own
        x = np.moveaxis(arrays.position, 2, 1).reshape(b * n_i, n_a)
        s = np.moveaxis(arrays.salience * arrays.has_position, 2, 1).reshape(b * n_i, n_a)
        c = np.repeat(arrays.capability, n_i, axis=0)
        chunk = max(1, _CHUNK_ELEMENTS // max(1, n_a**3))
        parts = [
            self._run_rows(x[i : i + chunk], c[i : i + chunk], s[i : i + chunk], keep)
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
        final = hist[:, -1]
        w = (c * s)[:, :, None]
        if self.forecast == "median":
            outcome = weighted_median(final[:, :, None], w)[:, 0]
        else:
            outcome = weighted_mean(final[:, :, None], w)[:, 0]

        def unrow(a: np.ndarray) -> np.ndarray:  # (b*I, R, A) -> (b, R, A, I)
            return np.moveaxis(a.reshape(b, n_i, *a.shape[1:]), 1, -1)

        out = BatchForecast(
            outcome=outcome.reshape(b, n_i),
            rounds=rounds.reshape(b, n_i).max(axis=1),
            converged=done.reshape(b, n_i).all(axis=1),
        )
        if keep:
            out.history = unrow(hist)
            fills = {3: np.nan, 4: 0, 5: -1}
            risk, kinds, partners = (
                unrow(np.concatenate([pad(p[k], fills[k], length - 1) for p in parts]))
                for k in (3, 4, 5)
            )
            out.details = {"risk": risk, "moves": kinds, "partners": partners}
        return out

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
        # Issues that settle early have no risk exponents in later rounds: null, not NaN.
        exponents = [[[None if np.isnan(v) else round(float(v), 6) for v in actor]
                      for actor in rnd] for rnd in risk]  # fmt: skip
        return {
            "risk_exponents": exponents,
            "moves": log,
            "parameters": {"q": self.q, "t": self.t, "perspective": self.perspective},
        }
