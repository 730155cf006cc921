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
compromise package (moved into the issue ZOPAs), every issue and every pair of issues in turn is
set to its best grid values given the others, until nothing changes. Pairwise moves let it find
trades (give on one issue, take on another). When that stalls short of a package everyone
accepts, it starts again from each party's ideal package. It is a heuristic: property-tested
never to beat, and on the benchmark domain to equal, exact enumeration; it can miss a zone of
agreement that only knife-edge packages reach (some party exactly at its no-deal value), and
the forecast says which method was used.
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
        if int(np.prod(arrays.batch_shape)) > 1:  # draws differ: one grid common to all
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


def package_zone(
    utilities: Utilities, grids: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The zone of possible agreement over packages of one scenario: all grid packages
    ``(P, I)``, their utilities ``(P, A)``, and which ones every party accepts ``(P,)``."""
    packages = enumerate_packages(grids)
    u = utilities.grid_utility(grids)
    ok = (u >= utilities.disagreement[None, :] - 1e-9) & ~utilities.grid_violates(grids)
    return packages, u, ok.all(axis=-1)


def pareto_frontier(
    utilities: Utilities, grids: list[np.ndarray], acceptable_only: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """Pareto-optimal packages ``(F, I)`` and their utilities ``(F, A)``, among the packages
    every party accepts (or among all packages with ``acceptable_only=False``)."""
    packages, u, ok = package_zone(utilities, grids)
    if acceptable_only:
        packages, u = packages[ok], u[ok]
    keep = pareto_mask(u)
    return packages[keep], u[keep]


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
        sol = _solve_enumerated(ut, grids, rule)
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


def _solve_enumerated(ut: Utilities, grids: list[np.ndarray], rule: Rule) -> Solution:
    packages = enumerate_packages(grids)
    n, n_a, n_i = ut.ideal.shape
    per_draw = max(1, packages.shape[0] * n_a * n_i)
    step = max(1, _CHUNK // per_draw)
    out_pkg, out_u, out_ok, out_n = [], [], [], []
    for s in range(0, n, step):
        part = _slice(ut, slice(s, s + step))
        u = part.grid_utility(grids)  # (n, P, A)
        ok = (u >= part.disagreement[..., None, :] - 1e-9) & ~part.grid_violates(grids)
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
    n_i = len(grids)
    d = ut.disagreement
    rows = np.arange(n)
    # Per-issue tables (n, G_j, A): weighted loss and red-line violation of every grid value.
    # A candidate's utility is then the current one with at most two table entries swapped.
    loss, veto = [], []
    for j, g in enumerate(grids):
        dist = np.abs(g[None, :, None] - ut.ideal[:, None, :, j]) / ut.span[j]
        loss.append(dist**ut.curvature * ut.weight[:, None, :, j])
        red, p = ut.red_line[:, None, :, j], ut.ideal[:, None, :, j]
        x, tol = g[None, :, None], 1e-9 * ut.span[j]
        veto.append(np.where(red < p, x < red - tol, np.where(red > p, x > red + tol, False)))

    def tables(idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lx = np.stack([loss[j][rows, idx[:, j]] for j in range(n_i)], axis=1)  # (n, I, A)
        vx = np.stack([veto[j][rows, idx[:, j]] for j in range(n_i)], axis=1)
        return lx, vx

    # Trades need two issues to move at once (give on one, take on the other), so every sweep
    # tries single-issue and pairwise changes. Candidate 0 of every step is the current package.
    steps: list[tuple[int, ...]] = [(j,) for j in range(n_i)]
    steps += [(j, k) for j in range(n_i) for k in range(j + 1, n_i)]
    combos = {
        step: np.stack(
            [m.ravel() for m in np.meshgrid(*[np.arange(len(grids[j])) for j in step],
                                            indexing="ij")], axis=-1)
        for step in steps
    }  # fmt: skip

    def ascend(idx: np.ndarray, objective: Any, best: np.ndarray | None) -> np.ndarray:
        idx = idx.copy()
        for _ in range(50):
            changed = False
            lx, vx = tables(idx)
            for step in steps:
                cols = list(step)
                cand = np.concatenate(
                    [idx[:, None, cols], np.broadcast_to(combos[step], (n, *combos[step].shape))],
                    axis=1,
                )  # (n, K, len(step))
                keep_loss = lx.sum(axis=1) - lx[:, cols].sum(axis=1)  # (n, A)
                keep_veto = (vx.sum(axis=1) - vx[:, cols].sum(axis=1)) > 0
                cl = keep_loss[:, None, :]
                cv = keep_veto[:, None, :]
                for c, j in enumerate(cols):
                    cl = cl + loss[j][rows[:, None], cand[:, :, c]]
                    cv = cv | veto[j][rows[:, None], cand[:, :, c]]
                u = 1.0 - cl
                ok = (u >= d[:, None, :] - 1e-9) & ~cv
                score = objective(u, ok, best)
                pick = _argbest(score, u)
                better = score[rows, pick] > score[rows, 0] + 1e-12
                if better.any():
                    changed = True
                    idx[:, cols] = np.where(better[:, None], cand[rows, pick], idx[:, cols])
                    lx, vx = tables(idx)
            if not changed:
                break
        return idx

    def values(idx: np.ndarray) -> np.ndarray:
        return np.stack([grids[j][idx[:, j]] for j in range(n_i)], axis=-1)

    # Start from the salience-weighted compromise package, moved into each issue's zone of
    # agreement where there is one (a package inside every issue zone is accepted by all).
    w = ut.weight
    start = (w * ut.ideal).sum(axis=1) / np.where(w.sum(axis=1) > 0, w.sum(axis=1), 1)
    zopa = ut.issue_zopa()
    start = np.where(np.isnan(zopa[..., 0]), start, np.clip(start, zopa[..., 0], zopa[..., 1]))

    def nearest(point: np.ndarray) -> np.ndarray:
        idx = np.empty((n, n_i), dtype=int)
        for j, g in enumerate(grids):  # nearest grid value, inside the issue's zone if any
            lo, hi = zopa[:, j, 0], zopa[:, j, 1]
            inside = (g[None, :] >= lo[:, None] - 1e-9) & (g[None, :] <= hi[:, None] + 1e-9)
            dist = np.abs(g[None, :] - point[:, j : j + 1])
            dist = np.where(inside.any(axis=1)[:, None] & ~inside, np.inf, dist)
            idx[:, j] = dist.argmin(axis=1)
        return idx

    def feasibility(u, ok, _best):  # phase 1: reach a package everyone accepts
        short = np.clip(d[:, None, :] - u, 0, None).sum(axis=-1)
        return -short - (~ok).sum(axis=-1) * 1e-3

    def accepted(idx: np.ndarray) -> np.ndarray:
        u = 1.0 - sum(loss[j][rows, idx[:, j]] for j in range(n_i))
        v = np.any([veto[j][rows, idx[:, j]] for j in range(n_i)], axis=0)
        return ((u >= d - 1e-9) & ~v).all(axis=-1)

    # Phase 1 can stall where no one- or two-issue move lowers the shortfall; it then starts
    # again from each party's own ideal package, for the draws still without an acceptable one.
    idx = nearest(start)
    for point in [None, *np.moveaxis(ut.ideal, 1, 0)]:
        if point is not None:
            todo = ~accepted(idx)
            if not todo.any():
                break
            idx = np.where(todo[:, None], nearest(point), idx)
        if not accepted(idx).all():
            idx = np.where(accepted(idx)[:, None], idx, ascend(idx, feasibility, None))
    best = None
    if rule == "ks":
        best = np.empty((n, n_a))
        for a in range(n_a):
            own = ascend(idx, lambda u, ok, _b, a=a: np.where(ok.all(-1), u[..., a], -np.inf), None)
            best[:, a] = ut.utility(values(own)[:, None, :])[:, 0, a]
    idx = ascend(idx, lambda u, ok, b: _scores(u, ok, d, rule, b), best)
    x = values(idx)
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
