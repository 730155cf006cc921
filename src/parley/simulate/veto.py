"""Veto players and linked issues: acceptance rules beyond "utility above the BATNA".

**Veto players** are checked when every party accepts a draft, the way a signed text still
needs ratification. Two rules (see :class:`parley.model.mediation_setup.Veto`):

* *interval*: each listed issue must lie in its bounds (EU unanimity: the most reluctant member
  state decides how much sanctions relief or use of frozen assets passes);
* *vote*: support = base + Σ slope_i · x_i must reach the threshold, the vote being held only
  when the trigger issue exceeds its trigger (a Ukrainian referendum on ceding territory).
  Base support may be uncertain, so Monte Carlo sees referendums that pass and fail.

When a veto fails, the mediator learns a bound it can respect next time (:meth:`VetoPlan.bound`):
the violated interval, or for a vote the value of its most decisive issue at which support just
reaches the threshold (given the rest of the draft), never below the trigger.

**Conditional limits** (linked issues): party P accepts issue B only up to a limit while issue A
is beyond a threshold — Kyiv might cede no territory without binding guarantees. They act like a
red line that switches on and off with another issue (:class:`LimitPlan`).

Unsettled issues (points dropped from the draft) trigger nothing and violate nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parley.model.mediation_setup import ConditionalLimit, Veto
from parley.model.scenario import Scenario


@dataclass
class VetoPlan:
    """Vetoes as arrays: ``V`` rules over ``I`` issues, ``N`` draws."""

    ids: list[str]
    names: list[str]
    is_vote: np.ndarray  # (V,)
    low: np.ndarray  # (V, I) interval bounds, NaN = none
    high: np.ndarray  # (V, I)
    support: np.ndarray  # (N, V)
    slopes: np.ndarray  # (V, I)
    threshold: np.ndarray  # (V,)
    trigger_issue: np.ndarray  # (V,) −1 = always held
    trigger: np.ndarray  # (V,)

    @classmethod
    def compile(
        cls, vetoes: list[Veto], scenario: Scenario, runs: int, rng: np.random.Generator
    ) -> VetoPlan:
        keys = [i.key for i in scenario.issues]
        n_v, n_i = len(vetoes), len(keys)
        low = np.full((n_v, n_i), np.nan)
        high = np.full((n_v, n_i), np.nan)
        slopes = np.zeros((n_v, n_i))
        support = np.zeros((runs, n_v))
        for v, veto in enumerate(vetoes):
            for k, (lo, hi) in veto.bounds.items():
                low[v, keys.index(k)], high[v, keys.index(k)] = lo, hi
            for k, s in veto.slopes.items():
                slopes[v, keys.index(k)] = s
            support[:, v] = veto.support
            if veto.support_uncertainty is not None:
                draws = veto.support_uncertainty.sample(veto.support, rng, runs)
                draws[0] = veto.support
                support[:, v] = draws
        return cls(
            ids=[v.id for v in vetoes],
            names=[v.name or v.id for v in vetoes],
            is_vote=np.array([v.kind == "vote" for v in vetoes], dtype=bool),
            low=low,
            high=high,
            support=support,
            slopes=slopes,
            threshold=np.array([v.threshold for v in vetoes], dtype=float),
            trigger_issue=np.array(
                [keys.index(v.trigger_issue) if v.trigger_issue else -1 for v in vetoes],
                dtype=int,
            ),
            trigger=np.array(
                [v.trigger if v.trigger is not None else -np.inf for v in vetoes], dtype=float
            ),
        )

    @property
    def n_vetoes(self) -> int:
        return len(self.ids)

    def vote_support(self, x: np.ndarray, settled: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``(n, V)`` support of each vote for drafts ``x`` ``(n, I)`` of draws ``rows``."""
        return self.support[rows] + np.where(settled, x, 0.0) @ self.slopes.T

    def held(self, x: np.ndarray, settled: np.ndarray) -> np.ndarray:
        """``(n, V)`` whether each rule applies (a vote's trigger issue is settled beyond it)."""
        ti = np.maximum(self.trigger_issue, 0)
        val = x[:, ti]
        on = settled[:, ti] & (val > self.trigger)
        return np.where(self.trigger_issue < 0, True, on)

    def passes(self, x: np.ndarray, settled: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``(n, V)``: True where the rule lets the draft through."""
        xv = x[:, None, :]
        st = settled[:, None, :]
        inside = ~st | np.isnan(self.low) | ((xv >= self.low - 1e-9) & (xv <= self.high + 1e-9))
        interval_ok = inside.all(axis=-1)
        vote_ok = self.vote_support(x, settled, rows) >= self.threshold - 1e-12
        ok = np.where(self.is_vote, vote_ok, interval_ok)
        return ok | ~self.held(x, settled)

    def bound(
        self, v: int, x: np.ndarray, settled: np.ndarray, rows: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(n, I)`` lower and upper bounds the mediator learns from veto ``v`` failing."""
        n, n_i = x.shape
        lo, hi = np.full((n, n_i), -np.inf), np.full((n, n_i), np.inf)
        if not self.is_vote[v]:
            lo[:] = np.where(np.isnan(self.low[v]), -np.inf, self.low[v])
            hi[:] = np.where(np.isnan(self.high[v]), np.inf, self.high[v])
            return lo, hi
        slope = self.slopes[v]
        j = int(np.argmax(np.abs(slope)))
        rest = self.support[rows, v] + np.where(settled, x, 0.0) @ slope - slope[j] * x[:, j]
        edge = (self.threshold[v] - rest) / slope[j]
        trig = self.trigger[v] if self.trigger_issue[v] == j else -np.inf
        if slope[j] < 0:
            hi[:, j] = np.maximum(edge, trig)
        else:
            lo[:, j] = edge
        return lo, hi


@dataclass
class LimitPlan:
    """Conditional limits: ``C`` rules, each for one party, as arrays."""

    party: np.ndarray  # (C,)
    issue: np.ndarray  # (C,)
    limit: np.ndarray  # (C,)
    upper: np.ndarray  # (C,) True: the limit caps the issue from above
    when_issue: np.ndarray  # (C,)
    when: np.ndarray  # (C,)
    when_above: np.ndarray  # (C,)
    notes: list[str]

    @classmethod
    def compile(cls, limits: list[ConditionalLimit], scenario: Scenario) -> LimitPlan:
        keys = [i.key for i in scenario.issues]
        ids = [a.id for a in scenario.actors]
        arrays = scenario.to_arrays()
        party = np.array([ids.index(c.party) for c in limits], dtype=int)
        issue = np.array([keys.index(c.issue) for c in limits], dtype=int)
        limit = np.array([scenario.issue(c.issue).value(c.limit) for c in limits], dtype=float)
        # A limit caps from above when it lies above the party's position (its own side).
        upper = limit >= arrays.position[party, issue] if limits else np.zeros(0, dtype=bool)
        return cls(
            party=party,
            issue=issue,
            limit=limit,
            upper=np.asarray(upper, dtype=bool),
            when_issue=np.array([keys.index(c.when_issue) for c in limits], dtype=int),
            when=np.array([c.when for c in limits], dtype=float),
            when_above=np.array([c.when_above for c in limits], dtype=bool),
            notes=[c.note or f"{c.party}: {c.issue} only with {c.when_issue}" for c in limits],
        )

    @property
    def n_limits(self) -> int:
        return len(self.party)

    def violated(self, x: np.ndarray, settled: np.ndarray) -> np.ndarray:
        """``(..., C)`` for drafts ``x``/``settled`` ``(..., I)``: the rule is on and broken."""
        if not self.n_limits:
            return np.zeros((*x.shape[:-1], 0), dtype=bool)
        src, tgt = x[..., self.when_issue], x[..., self.issue]
        on = np.where(self.when_above, src > self.when, src < self.when)
        on &= settled[..., self.when_issue] & settled[..., self.issue]
        beyond = np.where(self.upper, tgt > self.limit + 1e-9, tgt < self.limit - 1e-9)
        return on & beyond
