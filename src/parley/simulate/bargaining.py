"""Package bargaining: where a deal over several issues at once can land.

Axiomatic bargaining theory answers "which package would rational parties agree on" without
modelling the talks: the **Nash bargaining solution** maximises the product of the parties'
gains over no deal, ``Π_a (u_a − d_a)`` (equivalently the sum of logs); the **Kalai–Smorodinsky
solution** gives every party the same share of its best attainable gain, i.e. maximises
``min_a (u_a − d_a) / (u*_a − d_a)`` where ``u*_a`` is the most ``a`` can get in any package all
parties accept. Both are computed over discrete packages: options of discrete issues and a grid
(``points`` values) on continuous ones. Only packages every party accepts count (utility at least
its disagreement value, no red line crossed: :mod:`parley.simulate.utility`); ties go to the
larger sum of utilities, then to the first package in grid order.

Small spaces are enumerated exactly, vectorised over all packages (and over Monte Carlo draws).
Spaces beyond ``max_packages`` are searched by coordinate ascent on the grid: starting from the
compromise package, every issue in turn is set to its best grid value given the others until no
issue changes. That is exact for separable objectives and a good heuristic here; the forecast
says which method was used.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal

import numpy as np

from parley.model.scenario import Scenario, ScenarioArrays
from parley.simulate.base import BatchForecast, Model, register
from parley.simulate.utility import Utilities

Rule = Literal["nash", "ks"]
_CHUNK = 2_000_000  # elements of a (draws, packages, actors, issues) block


def issue_grids(arrays: ScenarioArrays, points: int = 11) -> list[np.ndarray]:
    """Candidate values per issue: the options of discrete issues, else ``points`` evenly spaced
    values on the scale, plus (for a single scenario) the positions, reservation points, red
    lines and status quo, so that zone edges are reachable exactly."""
    options = arrays.options or [None] * arrays.n_issues
    grids = []
    for j in range(arrays.n_issues):
        if options[j] is not None:
            grids.append(np.unique(options[j]))
            continue
        lo, hi = arrays.lower[j], arrays.upper[j]
        extra = np.concatenate(
            [arrays.position[..., j].ravel(), arrays.reservation[..., j].ravel(),
             arrays.red_line[..., j].ravel(), arrays.status_quo[j : j + 1]]
        )  # fmt: skip
        if arrays.batch_shape:  # draws differ: keep the grid common to all of them
            extra = extra[:0]
        extra = extra[~np.isnan(extra)]
        grids.append(np.unique(np.concatenate([np.linspace(lo, hi, points), extra])))
    return grids


def enumerate_packages(grids: list[np.ndarray]) -> np.ndarray:
    """All combinations of the grid values, ``(P, I)``, last issue varying fastest."""
    mesh = np.meshgrid(*grids, indexing="ij")
    return np.stack([m.ravel() for m in mesh], axis=-1)


def pareto_mask(u: np.ndarray) -> np.ndarray:
    """``(P,)`` True for packages no other package weakly improves for all and strictly for one.

    Sweeps candidates in blocks in order of decreasing utility sum (a dominating package always
    has the larger sum), so the cost is ``P × front size`` rather than ``P²``.
    """
    n = u.shape[0]
    order = np.argsort(-u.sum(axis=1), kind="stable")
    keep = np.zeros(n, dtype=bool)
    front = np.empty((0, u.shape[1]))
    for start in range(0, n, 512):
        idx = order[start : start + 512]
        block = u[idx]
        ge = (front[None, :, :] >= block[:, None, :]).all(-1)
        gt = (front[None, :, :] > block[:, None, :]).any(-1)
        alive = ~(ge & gt).any(axis=1)
        ge_b = (block[None, :, :] >= block[:, None, :]).all(-1)
        gt_b = (block[None, :, :] > block[:, None, :]).any(-1)
        alive &= ~(ge_b & gt_b).any(axis=1)
        keep[idx[alive]] = True
        front = np.concatenate([front, block[alive]])
    return keep


def _scores(u: np.ndarray, ok: np.ndarray, d: np.ndarray, rule: Rule, best: np.ndarray | None):
    """Objective per package ``(..., P)``: -inf where not everyone accepts."""
    gain = u - d[..., None, :]
    if rule == "nash":
        score = np.log(np.clip(gain, 1e-12, None)).sum(axis=-1)
    else:
        scale = np.where(best - d > 1e-12, best - d, 1.0)
        score = (gain / scale[..., None, :]).min(axis=-1)
    return np.where(ok.all(axis=-1), score, -np.inf)


def _argbest(score: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Index of the best score; near-ties go to the larger utility sum, then the first."""
    top = score.max(axis=-1, keepdims=True)
    near = score >= top - 1e-9 * np.maximum(1.0, np.abs(top))
    total = np.where(near, u.sum(axis=-1), -np.inf)
    return np.argmax(total, axis=-1)


@dataclass
class Solution:
    """A bargaining solution for every draw: ``package`` ``(N, I)`` (NaN without agreement),
    ``utility`` ``(N, A)``, ``agreement`` ``(N,)``, the ``method`` used and the number of
    acceptable packages ``(N,)`` (``-1`` when the space was searched, not enumerated)."""

    package: np.ndarray
    utility: np.ndarray
    agreement: np.ndarray
    method: str
    acceptable: np.ndarray


def solve(
    utilities: Utilities,
    grids: list[np.ndarray],
    rule: Rule = "nash",
    max_packages: int = 250_000,
) -> Solution:
    """The Nash (``rule="nash"``) or Kalai–Smorodinsky (``"ks"``) package for each draw.

    ``utilities`` may be batched ``(N, A, I)``; it is then solved for every draw at once.
    """
    batched = utilities.ideal.ndim == 3
    ut = utilities if batched else _add_batch(utilities)
    size = int(np.prod([len(g) for g in grids], dtype=float))
    if size <= max_packages:
        sol = _solve_enumerated(ut, enumerate_packages(grids), rule)
    else:
        sol = _solve_coordinate(ut, grids, rule)
    if not batched:
        sol = Solution(sol.package[0], sol.utility[0], sol.agreement[0], sol.method,
                       sol.acceptable[0])  # fmt: skip
    return sol


def _add_batch(u: Utilities) -> Utilities:
    return replace(
        u,
        ideal=u.ideal[None],
        weight=u.weight[None],
        red_line=u.red_line[None],
        zone_radius=u.zone_radius[None],
        disagreement=u.disagreement[None],
        cares=u.cares[None],
    )


def _slice(u: Utilities, s: slice) -> Utilities:
    return replace(
        u,
        ideal=u.ideal[s],
        weight=u.weight[s],
        red_line=u.red_line[s],
        zone_radius=u.zone_radius[s],
        disagreement=u.disagreement[s],
        cares=u.cares[s],
    )


def _solve_enumerated(ut: Utilities, packages: np.ndarray, rule: Rule) -> Solution:
    n, n_a, n_i = ut.ideal.shape
    per_draw = max(1, packages.shape[0] * n_a * n_i)
    step = max(1, _CHUNK // per_draw)
    out_pkg, out_u, out_ok, out_n = [], [], [], []
    for s in range(0, n, step):
        part = _slice(ut, slice(s, s + step))
        u = part.utility(packages)  # (n, P, A)
        ok = part.accepts(packages, u)
        everyone = ok.all(axis=-1)
        best = None
        if rule == "ks":
            best = np.where(everyone[..., None], u, -np.inf).max(axis=-2)
        score = _scores(u, ok, part.disagreement, rule, best)
        idx = _argbest(score, u)
        found = everyone.any(axis=-1)
        rows = np.arange(len(idx))
        out_pkg.append(np.where(found[:, None], packages[idx], np.nan))
        out_u.append(u[rows, idx])
        out_ok.append(found)
        out_n.append(everyone.sum(axis=-1))
    return Solution(
        np.concatenate(out_pkg),
        np.concatenate(out_u),
        np.concatenate(out_ok),
        "enumerated",
        np.concatenate(out_n),
    )


def _solve_coordinate(ut: Utilities, grids: list[np.ndarray], rule: Rule) -> Solution:
    n, n_a = ut.ideal.shape[:2]
    d = ut.disagreement

    def evaluate(cands: np.ndarray, best: np.ndarray | None, objective: Any):
        u = ut.utility(cands)  # (n, K, A)
        ok = ut.accepts(cands, u)
        return objective(u, ok, best), u

    def snap(x: np.ndarray) -> np.ndarray:
        return np.stack(
            [g[np.abs(g[None, :] - x[:, j : j + 1]).argmin(axis=1)] for j, g in enumerate(grids)],
            axis=-1,
        )

    def moves(j: int, k: int | None) -> tuple[list[int], np.ndarray]:
        if k is None:
            return [j], grids[j][:, None]
        a, b = np.meshgrid(grids[j], grids[k], indexing="ij")
        return [j, k], np.stack([a.ravel(), b.ravel()], axis=-1)

    # Trades need two issues to move at once (give on one, take on the other), so every sweep
    # tries single-issue and pairwise changes.
    steps = [(j, None) for j in range(len(grids))]
    steps += [(j, k) for j in range(len(grids)) for k in range(j + 1, len(grids))]

    def ascend(x: np.ndarray, objective: Any, best: np.ndarray | None) -> np.ndarray:
        rows = np.arange(n)
        for _ in range(50):
            changed = False
            for j, k in steps:
                cols, vals = moves(j, k)
                cands = np.repeat(x[:, None, :], len(vals) + 1, axis=1)
                cands[:, 1:, cols] = vals[None]  # candidate 0 is the current package
                score, u = evaluate(cands, best, objective)
                pick = _argbest(score, u)
                better = score[rows, pick] > score[rows, 0] + 1e-12
                changed |= bool(better.any())
                x = np.where(better[:, None], cands[rows, pick], x)
            if not changed:
                break
        return x

    # Start from the salience-weighted compromise package, moved into each issue's zone of
    # agreement where there is one (a package inside every issue zone is accepted by all).
    w = ut.weight
    start = (w * ut.ideal).sum(axis=1) / np.where(w.sum(axis=1) > 0, w.sum(axis=1), 1)
    zopa = ut.issue_zopa()
    start = np.where(np.isnan(zopa[..., 0]), start, np.clip(start, zopa[..., 0], zopa[..., 1]))
    snapped = snap(start)
    for j, g in enumerate(grids):  # snapping must not leave the zone
        lo, hi = zopa[:, j, 0], zopa[:, j, 1]
        inside = (g[None, :] >= lo[:, None] - 1e-9) & (g[None, :] <= hi[:, None] + 1e-9)
        dist = np.where(inside, np.abs(g[None, :] - start[:, j : j + 1]), np.inf)
        snapped[:, j] = np.where(inside.any(axis=1), g[dist.argmin(axis=1)], snapped[:, j])
    start = snapped

    def feasibility(u, ok, _best):  # phase 1: reach a package everyone accepts
        short = np.clip(d[:, None, :] - u, 0, None).sum(axis=-1)
        return -short - (~ok).sum(axis=-1) * 1e-3

    x = ascend(start.copy(), feasibility, None)
    best = None
    if rule == "ks":
        best = np.empty((n, n_a))
        for a in range(n_a):
            own = ascend(
                x.copy(), lambda u, ok, _b, a=a: np.where(ok.all(-1), u[..., a], -np.inf), None
            )
            best[:, a] = ut.utility(own[:, None, :])[:, 0, a]

    x = ascend(x, lambda u, ok, b: _scores(u, ok, d, rule, b), best)
    u = ut.utility(x[:, None, :])[:, 0]
    found = ut.accepts(x[:, None, :], u[:, None, :])[:, 0].all(axis=-1)
    return Solution(
        np.where(found[:, None], x, np.nan), u, found, "coordinate ascent", np.full(n, -1)
    )


class _PackageModel(Model):
    """Nash or Kalai–Smorodinsky package through the common model interface."""

    rule: Rule

    def __init__(self, points: int = 11, max_packages: int = 250_000, curvature: float = 1.0):
        self.points, self.max_packages, self.curvature = points, max_packages, curvature

    def run_batch(
        self, arrays: ScenarioArrays, rng: np.random.Generator | None = None
    ) -> BatchForecast:
        arrays = arrays.batched()
        grids = issue_grids(arrays, self.points)
        ut = Utilities.from_arrays(arrays, self.curvature)
        sol = solve(ut, grids, self.rule, self.max_packages)
        n = arrays.position.shape[0]
        return BatchForecast(
            outcome=sol.package,
            rounds=np.zeros(n, dtype=int),
            converged=sol.agreement,
            history=arrays.position[:, None],
            details={
                "agreement": sol.agreement,
                "utility": sol.utility,
                "disagreement": ut.disagreement,
                "acceptable_packages": sol.acceptable,
                "method": sol.method,
            },
        )

    def describe(self, scenario: Scenario, batch: BatchForecast) -> dict[str, Any]:
        ut = Utilities.from_scenario(scenario, self.curvature)
        zopa = ut.issue_zopa()
        info = super().describe(scenario, batch)
        info["issue_zopa"] = {
            k: None if np.isnan(z[0]) else [float(z[0]), float(z[1])]
            for k, z in zip(ut.issue_keys, zopa, strict=True)
        }
        if batch.details["agreement"][0]:
            info["options"] = {
                i.key: i.nearest_option(float(v)).key
                for i, v in zip(scenario.issues, batch.outcome[0], strict=True)
                if i.discrete
            }
        return info


@register
class NashBargaining(_PackageModel):
    """Nash bargaining solution over discrete packages (max product of gains over no deal)."""

    name = "nash"
    description = "Nash bargaining solution over packages (disagreement = reservation values)"
    rule: Rule = "nash"


@register
class KalaiSmorodinsky(_PackageModel):
    """Kalai–Smorodinsky solution over discrete packages (equal share of best attainable gain)."""

    name = "ks"
    description = "Kalai–Smorodinsky solution over packages"
    rule: Rule = "ks"
