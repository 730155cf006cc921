"""What a package of issue values is worth to each actor, and whether the actor can accept it.

This is the one definition of preferences shared by package bargaining
(:mod:`parley.simulate.bargaining`), Monte Carlo (:mod:`parley.simulate.montecarlo`) and the
mediation engine, so that "inside every party's zone" means the same thing everywhere.

**Package**: one value per issue, on each issue's own scale (an option of a discrete issue is its
point on the scale), an array ``(..., I)``.

**Utility** of actor ``a`` for package ``x`` (additive, single-peaked)::

    u_a(x) = Σ_i w_ai · v_ai(x_i),   v_ai(x) = 1 − (|x − p_ai| / range_i) ** curvature

``p_ai`` is the actor's position, ``w_ai`` its salience normalised to sum to 1 over the issues it
cares about (so ``u`` is in [0, 1] and 1 is the actor's ideal package), ``curvature`` 1 for
linear and 2 for quadratic loss (more tolerant of small concessions, harsher on big ones).

**Disagreement utility** ``d_a`` (the value of no deal, the BATNA): the utility of the package
made of the actor's *reservation points*. On an issue without one it falls back to the issue's
status quo (no deal keeps it), and failing that to the actor's worst value on the scale (the
issue then constrains nothing). Mediation moves ``d`` with levers (sanctions, aid): build with
:meth:`Utilities.with_disagreement`.

**Red lines** are hard: a package beyond an actor's red line on any issue (seen from its
position) is vetoed whatever its utility (:meth:`Utilities.violates`).

**Zones**: an actor *accepts* a package when no red line is crossed and ``u_a ≥ d_a``
(:meth:`Utilities.accepts`). Per issue, the actor's zone is the interval of values at least as
good as its reservation point and on its side of its red line (:meth:`Utilities.issue_zones`);
the zone of possible agreement (ZOPA) of an issue is the intersection over the actors who take a
stance (:meth:`Utilities.issue_zopa`). A package whose every value lies in the issue ZOPAs is
accepted by everyone; the converse does not hold, because packages allow trade-offs.

All arrays may carry leading batch axes (Monte Carlo draws): actor arrays ``(..., A, I)``,
packages ``(..., P, I)``, utilities ``(..., P, A)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from parley.model.scenario import Scenario, ScenarioArrays

_EPS = 1e-9


@dataclass(frozen=True)
class Utilities:
    """Preferences of all actors over packages; see the module docstring for the definitions.

    Fields (``A`` actors, ``I`` issues, optional leading batch axes): ``ideal`` and ``weight``
    ``(..., A, I)``; ``lower``/``upper`` the issue scales ``(I,)``; ``red_line`` ``(..., A, I)``
    (NaN: none); ``disagreement`` ``(..., A)``; ``cares`` ``(..., A, I)`` False where the actor
    takes no stance (it then constrains nothing on that issue); ``zone_radius`` ``(..., A, I)``
    the distance from the ideal to the reservation point (inf: none).
    """

    actor_ids: list[str]
    issue_keys: list[str]
    ideal: np.ndarray
    weight: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    red_line: np.ndarray
    zone_radius: np.ndarray
    disagreement: np.ndarray
    cares: np.ndarray
    curvature: float = 1.0

    # -- construction ---------------------------------------------------------------------

    @classmethod
    def from_scenario(cls, scenario: Scenario, curvature: float = 1.0) -> Utilities:
        return cls.from_arrays(scenario.to_arrays(), curvature)

    @classmethod
    def from_arrays(cls, arrays: ScenarioArrays, curvature: float = 1.0) -> Utilities:
        cares = arrays.has_position & (arrays.salience > 0)
        sal = np.where(cares, arrays.salience, 0.0)
        total = sal.sum(axis=-1, keepdims=True)
        weight = np.where(total > 0, sal / np.where(total > 0, total, 1.0), 0.0)
        ideal = arrays.position
        # Reservation point: given, else status quo, else none (the whole scale is acceptable).
        sq = np.broadcast_to(arrays.status_quo, ideal.shape)
        res = np.where(np.isnan(arrays.reservation), sq, arrays.reservation)
        radius = np.where(np.isnan(res), np.inf, np.abs(res - ideal))
        u = cls(
            actor_ids=arrays.actor_ids,
            issue_keys=arrays.issue_keys,
            ideal=ideal,
            weight=weight,
            lower=arrays.lower,
            upper=arrays.upper,
            red_line=np.where(cares, arrays.red_line, np.nan),
            zone_radius=np.where(cares, radius, np.inf),
            disagreement=np.zeros(ideal.shape[:-1]),
            cares=cares,
            curvature=curvature,
        )
        return replace(u, disagreement=u.reservation_utility())

    def with_disagreement(self, disagreement: np.ndarray) -> Utilities:
        """The same preferences with other no-deal utilities (e.g. after a lever moved)."""
        return replace(self, disagreement=np.asarray(disagreement, dtype=float))

    @property
    def span(self) -> np.ndarray:
        return self.upper - self.lower

    # -- values ---------------------------------------------------------------------------

    def issue_value(self, x: np.ndarray, ideal: np.ndarray | None = None) -> np.ndarray:
        """``v_ai(x_i)`` in [0, 1]: x ``(..., P, I)`` → ``(..., P, A, I)``."""
        p = self.ideal if ideal is None else ideal
        dist = np.abs(x[..., :, None, :] - p[..., None, :, :]) / self.span
        return 1.0 - dist**self.curvature

    def utility(self, packages: np.ndarray) -> np.ndarray:
        """``u_a`` of each package: ``(..., P, I)`` → ``(..., P, A)``."""
        p = self.ideal
        dist = np.abs(packages[..., :, None, :] - p[..., None, :, :]) / self.span
        loss = dist if self.curvature == 1 else dist**self.curvature
        return 1.0 - np.einsum("...pai,...ai->...pa", loss, self.weight)

    def grid_utility(self, grids: list[np.ndarray]) -> np.ndarray:
        """``u_a`` of every package of a grid (all combinations of ``grids``, last issue
        fastest, as :func:`parley.simulate.bargaining.enumerate_packages`): ``(..., P, A)``.

        Additivity makes this an outer sum of per-issue tables ``(G_i, A)``, far cheaper than
        evaluating ``P × A × I`` distances."""
        batch = self.ideal.shape[:-2]
        n_i = len(grids)
        loss = 0.0
        for j, g in enumerate(grids):
            d = np.abs(g[:, None] - self.ideal[..., None, :, j]) / self.span[j]
            table = d**self.curvature * self.weight[..., None, :, j]  # (..., G_j, A)
            shape = batch + tuple(len(g) if k == j else 1 for k in range(n_i)) + table.shape[-1:]
            loss = loss + table.reshape(shape)
        return 1.0 - np.reshape(loss, (*batch, -1, self.ideal.shape[-2]))

    def grid_violates(self, grids: list[np.ndarray]) -> np.ndarray:
        """:meth:`violates` for every package of a grid, ``(..., P, A)``, by per-issue tables."""
        batch = self.ideal.shape[:-2]
        n_a, n_i = self.ideal.shape[-2:]
        size = int(np.prod([len(g) for g in grids]))
        if np.isnan(self.red_line).all():
            return np.zeros((*batch, size, n_a), dtype=bool)
        out = np.zeros((), dtype=bool)
        for j, g in enumerate(grids):
            red, p = self.red_line[..., None, :, j], self.ideal[..., None, :, j]
            x = g[:, None]
            tol = _EPS * self.span[j]
            table = ((red <= p) & (x < red - tol)) | ((red >= p) & (x > red + tol))
            shape = batch + tuple(len(g) if k == j else 1 for k in range(n_i)) + (n_a,)
            out = out | table.reshape(shape)
        return np.broadcast_to(out, (*batch, *[len(g) for g in grids], n_a)).reshape(
            *batch, size, n_a
        )

    def reservation_utility(self) -> np.ndarray:
        """Utility of each actor's reservation package ``(..., A)`` (the default ``d``)."""
        # Issues without a reservation point count at the actor's worst value on the scale.
        worst = np.maximum(self.ideal - self.lower, self.upper - self.ideal)
        dist = np.minimum(self.zone_radius, worst) / self.span
        return 1.0 - (dist**self.curvature * self.weight).sum(axis=-1)

    def violates(self, packages: np.ndarray) -> np.ndarray:
        """``(..., P, A)``: True where the package crosses one of the actor's red lines."""
        red = self.red_line[..., None, :, :]
        p = self.ideal[..., None, :, :]
        x = packages[..., :, None, :]
        tol = _EPS * self.span
        # A red line at the position itself ("not negotiable") bars movement either way, as in
        # issue_zones; NaN compares False, so issues without a red line never violate.
        beyond = ((red <= p) & (x < red - tol)) | ((red >= p) & (x > red + tol))
        return beyond.any(axis=-1)

    def accepts(self, packages: np.ndarray, utility: np.ndarray | None = None) -> np.ndarray:
        """``(..., P, A)``: the actor prefers the package to no deal and no red line is crossed."""
        u = self.utility(packages) if utility is None else utility
        return (u >= self.disagreement[..., None, :] - _EPS) & ~self.violates(packages)

    # -- zones ----------------------------------------------------------------------------

    def issue_zones(self) -> np.ndarray:
        """``(..., A, I, 2)``: each actor's acceptable interval per issue (whole scale when it
        takes no stance), from its reservation point and red line."""
        lo = np.maximum(self.ideal - self.zone_radius, self.lower)
        hi = np.minimum(self.ideal + self.zone_radius, self.upper)
        red = self.red_line
        lo = np.where(red <= self.ideal, np.maximum(lo, red), lo)  # NaN compares False
        hi = np.where(red >= self.ideal, np.minimum(hi, red), hi)
        lo = np.where(self.cares, lo, self.lower)
        hi = np.where(self.cares, hi, self.upper)
        return np.stack([lo, hi], axis=-1)

    def blocking(self) -> dict[str, list[tuple[str, float, float]]]:
        """For each issue whose ZOPA is empty (single scenario): the zones ``(actor, low,
        high)`` of the actors that restrict it, sorted by lower end. No value lies in all of
        them, so they show who blocks agreement on the issue and where the limits lie."""
        zones = self.issue_zones()
        zopa = self.issue_zopa()
        out: dict[str, list[tuple[str, float, float]]] = {}
        for j, key in enumerate(self.issue_keys):
            if not np.isnan(zopa[j, 0]):
                continue
            lo, hi = zones[:, j, 0], zones[:, j, 1]
            out[key] = [
                (self.actor_ids[a], float(lo[a]), float(hi[a]))
                for a in np.argsort(lo)
                if self.cares[a, j] and (lo[a] > self.lower[j] or hi[a] < self.upper[j])
            ]
        return out

    def issue_zopa(self) -> np.ndarray:
        """``(..., I, 2)``: the zone of possible agreement per issue; NaN where empty."""
        z = self.issue_zones()
        lo, hi = z[..., 0].max(axis=-2), z[..., 1].min(axis=-2)
        empty = lo > hi + _EPS * self.span
        return np.stack([np.where(empty, np.nan, lo), np.where(empty, np.nan, hi)], axis=-1)
