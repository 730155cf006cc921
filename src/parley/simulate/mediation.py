"""An interested mediator shuttling a single negotiating text.

The single-negotiating-text procedure (Fisher's and Raiffa's "one-text" method, used at Camp
David): nobody bargains over offers; the mediator holds one draft, shows it to each party in
turn, hears what the party rejects, and revises. Here the mediator is itself a party with
preferences (the United States carrying the 28-point plan), so every revision weighs three
things: the objections it has heard, weighted by the objecting party's clout; its own utility;
and its wish for a quick result, which shrinks the weight of its own utility round by round
(``impatience``).

Protocol, per stage (:mod:`parley.simulate.staging`) and round, for each party in ``order``:

1. Levers take their scheduled level (plus carrot-and-stick offsets); they set every party's
   disagreement utility and clout (:mod:`parley.simulate.levers`).
2. The party answers the current draft: it accepts when its utility is at least its no-deal
   utility and no red line or active conditional limit is crossed; otherwise it names the points
   it rejects and how strongly (its loss on each point below its no-deal value on the issues of
   that point), flagging those that cross a red line.
3. The mediator learns from the answer: red lines and conditional limits cited are never crossed
   again; the party's no-deal utility is now known to it.
4. If the party rejected, the mediator repairs the draft (moves every value back inside what it
   has been told), then amends up to ``max_changes`` points, each time the single change (a new
   value for an issue, adding a point, or dropping a non-required point) that raises most::

       J = α_t · G_m  +  (1 − α_t) · Σ_b ĉ_b · min(G_b, 0)  −  (required issues left open)

   where ``G_b`` is party ``b``'s gain over no deal, ``ĉ_b`` its clout relative to the other
   parties, the sum running over the parties that have answered, and ``α_t = own_weight ·
   (1 − impatience)^t``. The mediator never proposes a draft worse for itself than no deal.
5. When every party has accepted the current draft since its last change, all parties sign
   (checked again at the current lever levels) and the veto players rule
   (:mod:`parley.simulate.veto`); a failed veto teaches the mediator a bound and talks go on.

A stage ends with **agreement**, **deadlock** (``stall_rounds`` rounds without a new draft or
a lever move, or red lines it was told of that no value reconciles on a required issue), or the
**deadline** (``max_rounds``). Every draft is kept with its diff from the one before.

All Monte Carlo draws run at once: the state is arrays with a leading draw axis, the Python loop
runs over rounds and visits only. Draw 0 is the point estimate; its history is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from parley.model.mediation_setup import MediationSetup
from parley.model.scenario import Scenario, ScenarioArrays
from parley.simulate.bargaining import issue_grids
from parley.simulate.levers import LeverPlan
from parley.simulate.montecarlo import sample_inputs
from parley.simulate.staging import DraftPoints, StagePlan
from parley.simulate.utility import Utilities
from parley.simulate.veto import LimitPlan, VetoPlan

_EPS = 1e-9
_POLISH_CHUNK = 256
ACTIVE, AGREED, DEADLOCK, DEADLINE = 0, 1, 2, 3
STATUS = {ACTIVE: "active", AGREED: "agreement", DEADLOCK: "deadlock", DEADLINE: "deadline"}


@dataclass
class Answer:
    """One party's answer to one draft (recorded for draw 0)."""

    round: int
    stage: str
    party: str
    draft: int
    accepted: bool
    gap: float
    """Utility the party still misses to prefer the draft to no deal (≤ 0: it does not)."""
    rejects: list[dict[str, Any]]
    """Points rejected, strongest first: ``{point, strength, red_line, issues}``."""
    levers: dict[str, float]


@dataclass
class Draft:
    """One version of the text (recorded for draw 0): its package and what changed."""

    number: int
    round: int
    stage: str
    cause: str
    """What prompted it: ``opening``, ``answer of <party>``, ``veto <id>``."""
    package: dict[str, float | None]
    points: int
    changes: list[dict[str, Any]]
    """``{point, issue, old, new}`` (None = open) in the order the mediator made them."""
    told: list[str]
    """Red lines, limits and vetoes the mediator had been told of when it wrote this draft."""
    told_red_lines: list[tuple[str, str]]
    """The (party, issue) red lines among them."""


@dataclass
class MediationResult:
    """Outcomes of every draw and the history of draw 0 (the point estimate)."""

    scenario: Scenario
    setup: MediationSetup
    actor_ids: list[str]
    issue_keys: list[str]
    mediator: str
    order: list[str]
    stages: list[str]
    status: np.ndarray  # (N,) of the last stage negotiated
    stage_reached: np.ndarray  # (N,) index of the last stage agreed, −1: none
    rounds: np.ndarray  # (N,) rounds used
    package: np.ndarray  # (N, I) final draft (NaN where open)
    opening: np.ndarray  # (I,)
    utility: np.ndarray  # (N, A) of the final draft
    opening_utility: np.ndarray  # (N, A)
    disagreement: np.ndarray  # (N, A) at the end
    lever_keys: list[str]
    final_levels: np.ndarray  # (N, L)
    drafts: list[Draft] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    seed: int | None = None

    @property
    def runs(self) -> int:
        return len(self.status)

    @property
    def agreed(self) -> np.ndarray:
        """``(N,)`` the last stage to negotiate was agreed."""
        return self.status == AGREED

    def summary(self) -> dict[str, Any]:
        """Probability of agreement (and per stage), rounds, expected package, concessions."""
        ok = self.agreed
        n = self.runs
        out: dict[str, Any] = {
            "runs": n,
            "seed": self.seed,
            "agreement": float(ok.mean()),
            "outcomes": {STATUS[s]: float((self.status == s).mean()) for s in STATUS if s},
            "stages": {
                name: float((self.stage_reached >= k).mean()) for k, name in enumerate(self.stages)
            },
            "rounds_to_agreement": _describe(self.rounds[ok]),
        }
        pkg = {}
        for j, key in enumerate(self.issue_keys):
            col = self.package[ok, j]
            settled = col[~np.isnan(col)]
            pkg[key] = {
                "mean": float(settled.mean()) if settled.size else None,
                "sd": float(settled.std()) if settled.size else None,
                "settled": float(settled.size / ok.sum()) if ok.any() else None,
                "opening": None if np.isnan(self.opening[j]) else float(self.opening[j]),
            }
            issue = self.scenario.issue(key)
            if issue.discrete and settled.size:
                keys = [issue.nearest_option(float(v)).key for v in settled]
                vals, counts = np.unique(keys, return_counts=True)
                pkg[key]["option"] = str(vals[np.argmax(counts)])
        out["expected_package"] = pkg
        out["concessions"] = self.concessions()
        return out

    def concessions(self) -> dict[str, dict[str, Any]]:
        """Who conceded what: per party, its mean utility change from the opening draft to the
        agreement, and the issues on which the text moved furthest away from it."""
        ok = self.agreed
        out: dict[str, dict[str, Any]] = {}
        if not ok.any():
            return out
        arrays = self.scenario.to_arrays()
        for a, actor in enumerate(self.actor_ids):
            moved = {}
            for j, key in enumerate(self.issue_keys):
                if not arrays.has_position[a, j] or np.isnan(self.opening[j]):
                    continue
                fin = self.package[ok, j]
                fin = np.where(np.isnan(fin), self.opening[j], fin)
                p = arrays.position[a, j]
                away = np.abs(fin - p) - abs(self.opening[j] - p)
                moved[key] = float(away.mean())
            worst = sorted((k for k in moved if moved[k] > 0.5), key=lambda k: -moved[k])
            out[actor] = {
                "utility_change": float((self.utility[ok, a] - self.opening_utility[ok, a]).mean()),
                "gave_ground_on": {k: round(moved[k], 1) for k in worst[:4]},
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario.name,
            "mediator": self.mediator,
            "order": self.order,
            "stages": self.stages,
            "summary": self.summary(),
            "drafts": [d.__dict__ for d in self.drafts],
            "answers": [a.__dict__ for a in self.answers],
        }


def _describe(x: np.ndarray) -> dict[str, float] | None:
    if not x.size:
        return None
    q = np.quantile(x, [0.05, 0.5, 0.95])
    return {"mean": float(x.mean()), "p05": float(q[0]), "median": float(q[1]),
            "p95": float(q[2])}  # fmt: skip


class Mediation:
    """The engine for one scenario and setup; :meth:`run` is seeded and vectorised."""

    def __init__(self, scenario: Scenario, setup: MediationSetup | None = None) -> None:
        self.setup = setup or MediationSetup()
        self.setup.check_against(scenario)
        self.scenario = self.setup.apply_status_quo(scenario)
        ids = [a.id for a in self.scenario.actors]
        if len(ids) < 2:
            raise ValueError("mediation needs at least two actors")
        med = self.setup.mediator or max(self.scenario.actors, key=lambda a: a.capability).id
        self.mediator = ids.index(med)
        order = self.setup.order or [a for a in ids if a != med]
        self.order = [ids.index(a) for a in order]
        self.points = DraftPoints.opening(self.scenario, self.setup, self.mediator)
        self.stages = StagePlan.compile(self.scenario, self.setup)
        self.limits = LimitPlan.compile(self.setup.limits, self.scenario)
        self.grids = issue_grids(self.scenario.to_arrays(), self.setup.points)

    # -- inputs -------------------------------------------------------------------------

    def _inputs(self, runs: int, rng: np.random.Generator) -> ScenarioArrays:
        arrays, _ = sample_inputs(self.scenario, runs, rng)
        base = self.scenario.to_arrays()
        for name in ("capability", "position", "salience", "reservation"):
            getattr(arrays, name)[0] = getattr(base, name)  # draw 0: the point estimate
        return arrays

    def _shift(self, runs: int, rng: np.random.Generator) -> np.ndarray:
        """``(N, A)`` the setup's BATNA shifts per party, drawn where uncertain."""
        ids = [a.id for a in self.scenario.actors]
        out = np.zeros((runs, len(ids)))
        for actor, b in self.setup.batna.items():
            a = ids.index(actor)
            out[:, a] = b.shift
            if b.uncertainty is not None:
                out[:, a] = b.uncertainty.sample(b.shift, rng, runs)
                out[0, a] = b.shift
        return out

    # -- run ------------------------------------------------------------------------------

    def run(
        self,
        runs: int = 1,
        seed: int | None = None,
        record: bool = True,
        openings: np.ndarray | None = None,
    ) -> MediationResult:
        """Mediate ``runs`` draws of the uncertain inputs at once (draw 0 = point values).

        ``openings`` ``(runs, I)`` gives every draw its own opening package (all points set),
        e.g. random starting texts, in place of the setup's opening draft."""
        rng = np.random.default_rng(seed)
        arrays = self._inputs(runs, rng)
        s = self.setup
        levers = LeverPlan.compile(s.levers, arrays.actor_ids, s.max_rounds, runs, rng)
        vetoes = VetoPlan.compile(s.vetoes, self.scenario, runs, rng)
        ut = Utilities.from_arrays(arrays, s.curvature)
        shift = self._shift(runs, rng)
        state = _State.start(self, ut, arrays, levers, vetoes, shift, runs, record)
        if openings is not None:
            openings = np.asarray(openings, dtype=float)
            if openings.shape != (runs, arrays.n_issues):
                raise ValueError(f"openings must have shape {(runs, arrays.n_issues)}")
            state.open_x, state.open_st = openings.copy(), np.ones(openings.shape, dtype=bool)
        for stage in range(self.stages.stop + 1):
            state.negotiate(stage)
        return state.result(seed)


@dataclass
class _Candidates:
    """The single changes the mediator may make: ``issue`` ``(K,)``, ``value`` ``(K,)`` (NaN =
    drop the issue's point), ``drop`` ``(K, I)`` the issues a drop opens."""

    issue: np.ndarray
    value: np.ndarray
    drop: np.ndarray


class _State:
    """Mutable state of all draws during a run (see the module docstring for the protocol)."""

    @classmethod
    def start(cls, m: Mediation, ut, arrays, levers, vetoes, shift, runs, record) -> _State:
        self = cls()
        self.m, self.ut, self.levers, self.vetoes, self.record = m, ut, levers, vetoes, record
        self.n, self.n_a, self.n_i = runs, arrays.n_actors, arrays.n_issues
        self.ids, self.keys = arrays.actor_ids, arrays.issue_keys
        span = ut.span
        worst = np.maximum(ut.ideal - ut.lower, ut.upper - ut.ideal)
        # Per-issue no-deal value r: an open issue is worth this to each party.
        self.r = 1.0 - (np.minimum(ut.zone_radius, worst) / span) ** ut.curvature
        self.w, self.p, self.span = ut.weight, ut.ideal, span
        self.d0 = ut.disagreement
        self.shift = shift
        self.c0 = arrays.capability
        # A red line's side is that of the stated position (not of a Monte Carlo draw of it);
        # as in Utilities.violates, a red line at the position bars movement either way.
        stated = m.scenario.to_arrays().position
        self.red_lo = np.where(ut.red_line <= stated, ut.red_line, -np.inf)
        self.red_hi = np.where(ut.red_line >= stated, ut.red_line, np.inf)
        self.red_lo = np.where(np.isnan(ut.red_line), -np.inf, self.red_lo)
        self.red_hi = np.where(np.isnan(ut.red_line), np.inf, self.red_hi)
        pts = m.points
        self.open_x = np.broadcast_to(np.nan_to_num(pts.value), (runs, self.n_i)).copy()
        self.open_st = np.broadcast_to(pts.settled, (runs, self.n_i)).copy()
        self.x = self.open_x.copy()
        self.st = np.zeros((runs, self.n_i), dtype=bool)
        self.fixed = np.zeros(self.n_i, dtype=bool)
        self.told = np.zeros((runs, self.n_a, self.n_i), dtype=bool)
        self.lim_known = np.zeros((runs, m.limits.n_limits), dtype=bool)
        self.veto_lo = np.full((runs, self.n_i), -np.inf)
        self.veto_hi = np.full((runs, self.n_i), np.inf)
        self.answered = np.zeros((runs, self.n_a), dtype=bool)
        self.offset = np.zeros((runs, levers.n_levers))
        self.clock = np.zeros(runs, dtype=int)
        self.status = np.full(runs, ACTIVE)
        self.stage_reached = np.full(runs, -1)
        self.opening_u = None
        self.drafts: list[Draft] = []
        self.answers: list[Answer] = []
        self.told_names: list[str] = []
        return self

    # -- utilities ------------------------------------------------------------------------

    def _value(self, x: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``(n, A, I)`` issue values of drafts ``x`` ``(n, I)`` for draws ``rows``."""
        dist = np.abs(x[:, None, :] - self.p[rows]) / self.span
        return 1.0 - dist**self.ut.curvature

    def _terms(self, x, st, rows) -> np.ndarray:
        """``(n, A, I)`` each settled issue's contribution to the gain over no deal."""
        return np.where(st[:, None, :], self.w[rows] * (self._value(x, rows) - self.r[rows]), 0.0)

    def _d(self, rows: np.ndarray, levels: np.ndarray) -> np.ndarray:
        """``(n, A)`` no-deal utility: the status quo's, the analyst's shift, the levers'."""
        return self.levers.disagreement(self.d0[rows] + self.shift[rows], levels, rows)

    def _levels(self, rows):
        return self.levers.levels(self.clock[rows], self.offset[rows])

    def _gain(self, x, st, rows, levels) -> np.ndarray:
        """``(n, A)``: utility minus the no-deal utility at the given lever levels."""
        d = self._d(rows, levels)
        return self._terms(x, st, rows).sum(-1) + self.d0[rows] - d

    def _red_crossed(self, x, st, rows) -> np.ndarray:
        """``(n, A, I)`` settled values beyond a party's red line."""
        xv = x[:, None, :]
        beyond = (xv < self.red_lo[rows] - _EPS) | (xv > self.red_hi[rows] + _EPS)
        return beyond & st[:, None, :]

    def _accepts(self, x, st, rows, levels) -> np.ndarray:
        """``(n, A)`` each party accepts (gain ≥ 0, no red line, no active limit crossed)."""
        ok = (self._gain(x, st, rows, levels) >= -_EPS) & ~self._red_crossed(x, st, rows).any(-1)
        lim = self.m.limits
        if lim.n_limits:
            bad = lim.violated(x, st)  # (n, C)
            for c in range(lim.n_limits):
                ok[:, lim.party[c]] &= ~bad[:, c]
        return ok

    def _bounds(self, rows) -> tuple[np.ndarray, np.ndarray]:
        """``(n, I)`` the bounds the mediator has been told of (red lines, vetoes, its own)."""
        told = self.told[rows]
        told[:, self.m.mediator] = True  # it knows its own red lines
        lo = np.where(told, self.red_lo[rows], -np.inf).max(axis=1)
        hi = np.where(told, self.red_hi[rows], np.inf).min(axis=1)
        return np.maximum(lo, self.veto_lo[rows]), np.minimum(hi, self.veto_hi[rows])

    # -- stages ---------------------------------------------------------------------------

    def negotiate(self, stage: int) -> None:
        plan = self.m.stages
        mine = plan.issues[stage]
        self.free = mine & ~self.fixed
        self.required = plan.required[stage]
        self.stage_name = plan.names[stage]
        go = self.stage_reached == stage - 1
        if stage > 0:
            go &= self.status == AGREED
        self.status = np.where(go, ACTIVE, self.status)
        if stage > 0:
            self.clock = np.where(go, self.clock + 1, self.clock)
        self.st[go] = (self.open_st[go] & mine) | (self.st[go] & self.fixed)
        self.x[go] = np.where(mine, self.open_x[go], self.x[go])
        self.answered[:] = False
        self.said_yes = np.zeros((self.n, self.n_a), dtype=bool)
        self.stall = np.zeros(self.n, dtype=int)
        self.cands = self._candidates()
        all_rows = np.arange(self.n)
        if self.opening_u is None:
            self.opening_u = self._gain(self.x, self.st, all_rows, self._levels(all_rows))
            self.opening_u += self._d(all_rows, self._levels(all_rows))
        self._record_draft(int(self.clock[0]), "opening", [])
        for _ in range(self.m.setup.max_rounds):
            act = self.status == ACTIVE
            if not act.any():
                break
            changed_round = np.zeros(self.n, dtype=bool)
            levels_before = self._levels(all_rows)
            for a in self.m.order:
                changed_round |= self._visit(a)
            lever_moved = np.abs(self._levels(all_rows) - levels_before).sum(-1) > _EPS
            still = self.status == ACTIVE
            self.stall = np.where(still & ~changed_round & ~lever_moved, self.stall + 1, 0)
            self.status = np.where(
                still & (self.stall >= self.m.setup.stall_rounds), DEADLOCK, self.status
            )
            self.clock = np.where(self.status == ACTIVE, self.clock + 1, self.clock)
            over = (self.status == ACTIVE) & (self.clock >= self.m.setup.max_rounds)
            self.status = np.where(over, DEADLINE, self.status)
        self.stage_reached = np.where(go & (self.status == AGREED), stage, self.stage_reached)
        self.fixed |= mine

    def _candidates(self) -> _Candidates:
        issue, value, drop = [], [], []
        for j in np.flatnonzero(self.free):
            g = self.m.grids[j]
            issue.extend([j] * len(g))
            value.extend(g.tolist())
            drop.extend([np.zeros(self.n_i, dtype=bool)] * len(g))
            if not self.required[j]:
                issue.append(j)
                value.append(np.nan)
                drop.append(self.m.points.dropped_with(j) & self.free & ~self.required)
        return _Candidates(
            np.array(issue, dtype=int),
            np.array(value, dtype=float),
            np.array(drop, dtype=bool).reshape(len(issue), self.n_i),
        )

    # -- one visit ------------------------------------------------------------------------

    def _visit(self, a: int) -> np.ndarray:
        """Party ``a`` answers; the mediator learns and revises. Returns ``(N,)`` changed."""
        changed = np.zeros(self.n, dtype=bool)
        rows = np.flatnonzero(self.status == ACTIVE)
        if not rows.size:
            return changed
        x, st = self.x[rows], self.st[rows]
        levels = self._levels(rows)
        gain = self._gain(x, st, rows, levels)[:, a]
        red = self._red_crossed(x, st, rows)[:, a]
        lim = self.m.limits
        lim_bad = lim.violated(x, st) & (lim.party == a) if lim.n_limits else None
        accept = (gain >= -_EPS) & ~red.any(-1)
        if lim_bad is not None:
            accept &= ~lim_bad.any(-1)
        if self.record and rows[0] == 0:
            self._record_answer(a, x[0], st[0], gain[0], red[0], accept[0], levels[0], lim_bad)
        # The mediator learns what the party told it.
        self.told[rows, a] |= red
        if lim_bad is not None:
            self.lim_known[rows] |= lim_bad
        self.answered[rows, a] = True
        # Carrot and stick: more pressure while the party refuses; relief while it accepts,
        # as far as the relief does not undo its acceptance of the text on the table.
        new = self.levers.react(self.offset[rows], a, accept, self.clock[rows])
        if accept.any() and (new != self.offset[rows]).any():
            d_new = self.levers.disagreement(
                self.d0[rows] + self.shift[rows],
                self.levers.levels(self.clock[rows], new),
                rows,
            )
            still = self._terms(x, st, rows).sum(-1)[:, a] + self.d0[rows, a] - d_new[:, a]
            new = np.where((accept & (still < -_EPS))[:, None], self.offset[rows], new)
        self.offset[rows] = new
        self.said_yes[rows, a] = accept
        revise = rows[~accept]
        if revise.size:
            changed[revise] = self._revise(revise, f"answer of {self.ids[a]}")
        # Agreement: every visited party said yes to this text since it last changed.
        done = rows[accept]
        if done.size:
            changed |= self._sign(done)
        return changed

    def _sign(self, rows: np.ndarray) -> np.ndarray:
        changed = np.zeros(self.n, dtype=bool)
        ready = self.said_yes[rows][:, self.m.order].all(-1)
        ready &= (self.st[rows] | ~self.required).all(-1)
        rows = rows[ready]
        if not rows.size:
            return changed
        x, st = self.x[rows], self.st[rows]
        everyone = self._accepts(x, st, rows, self._levels(rows)).all(-1)
        rows = rows[everyone]
        if not rows.size:
            return changed
        changed[rows] = self._polish(rows)
        x, st = self.x[rows], self.st[rows]
        if self.vetoes.n_vetoes:
            passes = self.vetoes.passes(x, st, rows)
            for v in range(self.vetoes.n_vetoes):
                fail = ~passes[:, v]
                if fail.any():
                    lo, hi = self.vetoes.bound(v, x[fail], st[fail], rows[fail])
                    self.veto_lo[rows[fail]] = np.maximum(self.veto_lo[rows[fail]], lo)
                    self.veto_hi[rows[fail]] = np.minimum(self.veto_hi[rows[fail]], hi)
                    if self.record and rows[fail][0] == 0:
                        self.told_names.append(f"veto {self.vetoes.ids[v]}")
            failed = rows[~passes.all(-1)]
            if failed.size:
                self.said_yes[failed] = False
                changed[failed] = self._revise(failed, "veto")
            rows = rows[passes.all(-1)]
        self.status[rows] = AGREED
        return changed

    # -- the mediator revises -------------------------------------------------------------

    def _revise(self, rows: np.ndarray, cause: str) -> np.ndarray:
        """Repair then amend the drafts of ``rows``; returns ``(len(rows),)`` changed."""
        x0, st0 = self.x[rows].copy(), self.st[rows].copy()
        x, st = self._repair(rows, x0.copy(), st0.copy())
        levels = self._levels(rows)
        cap = self.levers.capability(self.c0[rows], levels, rows)
        others = np.ones(self.n_a, dtype=bool)
        others[self.m.mediator] = False
        rel = cap / np.where(others, cap, 0).sum(-1, keepdims=True) * others.sum()
        weight = np.where(self.answered[rows] & others, rel, 0.0)
        alpha = self.m.setup.own_weight * (1 - self.m.setup.impatience) ** self.clock[rows]
        d = self._d(rows, levels)
        lo, hi = self._bounds(rows)
        for _ in range(self.m.setup.max_changes):
            x, st, moved = self._improve(rows, x, st, d, weight, alpha, lo, hi)
            if not moved:
                break
        changed = (np.abs(np.where(st, x, 0) - np.where(st0, x0, 0)) > _EPS).any(-1)
        changed |= (st != st0).any(-1)
        self.x[rows], self.st[rows] = x, st
        self.said_yes[rows[changed]] = False
        if self.record and rows[0] == 0 and changed[0]:
            self._record_draft(self.clock[0], cause, self._diff(x0[0], st0[0]))
        return changed

    def _repair(self, rows, x, st):
        """Move every settled free value inside the told bounds (nearest grid value); open a
        point that no value can save, or deadlock if its issue is required."""
        lo, hi = self._bounds(rows)
        for j in np.flatnonzero(self.free):
            bad = st[:, j] & ((x[:, j] < lo[:, j] - _EPS) | (x[:, j] > hi[:, j] + _EPS))
            if not bad.any():
                continue
            g = self.m.grids[j]
            inside = (g >= lo[:, j, None] - _EPS) & (g <= hi[:, j, None] + _EPS)
            dist = np.where(inside, np.abs(g - x[:, j, None]), np.inf)
            has = inside.any(-1)
            fix = bad & has
            x[fix, j] = g[dist[fix].argmin(-1)]
            lost = bad & ~has
            if self.required[j]:
                self.status[rows[lost]] = DEADLOCK
            else:
                st[lost, j] = False
        lim = self.m.limits
        for c in range(lim.n_limits):
            j = lim.issue[c]
            if not self.free[j]:
                continue
            bad = self.lim_known[rows, c] & lim.violated(x, st)[:, c]
            if not bad.any():
                continue
            g = self.m.grids[j]
            side = g <= lim.limit[c] + _EPS if lim.upper[c] else g >= lim.limit[c] - _EPS
            inside = side & (g >= lo[:, j, None] - _EPS) & (g <= hi[:, j, None] + _EPS)
            dist = np.where(inside, np.abs(g - x[:, j, None]), np.inf)
            fix = bad & inside.any(-1)
            x[fix, j] = g[dist[fix].argmin(-1)]
        return x, st

    def _evaluate(self, rows, x, st, d, lo, hi, limits_known):
        """Every single change for every draw: gains ``(n, K+1, A)`` (column 0 = no change)
        and feasibility ``(n, K+1)`` (inside ``lo``/``hi``, within ``max_step``, no
        conditional limit of ``limits_known`` ``(n, C)`` crossed, the mediator not worse off
        than without a deal)."""
        cand = self.cands
        n = len(rows)
        terms = self._terms(x, st, rows)  # (n, A, I)
        gain = terms.sum(-1) + self.d0[rows] - d  # (n, A)
        k_issue, k_val = cand.issue, cand.value
        is_drop = np.isnan(k_val)
        # Change of each party's gain for each candidate: (n, K, A).
        gval = np.where(is_drop, 0.0, k_val)
        dist = np.abs(gval[None, :, None] - self.p[rows][:, :, k_issue].transpose(0, 2, 1))
        v_new = 1.0 - (dist / self.span[k_issue][None, :, None]) ** self.ut.curvature
        w_k = self.w[rows][:, :, k_issue].transpose(0, 2, 1)
        r_k = self.r[rows][:, :, k_issue].transpose(0, 2, 1)
        cur_k = terms[:, :, k_issue].transpose(0, 2, 1)
        delta_set = w_k * (v_new - r_k) - cur_k
        delta_drop = -np.einsum("nai,ki->nka", terms, cand.drop.astype(float))
        delta = np.where(is_drop[None, :, None], delta_drop, delta_set)
        g_c = np.concatenate([gain[:, None, :], gain[:, None, :] + delta], axis=1)
        in_bounds = is_drop[None] | ((k_val >= lo[:, k_issue] - _EPS)
                                     & (k_val <= hi[:, k_issue] + _EPS))  # fmt: skip
        step = self.m.setup.max_step * self.span[k_issue]
        near = is_drop[None] | ~st[:, k_issue] | (np.abs(k_val - x[:, k_issue]) <= step + _EPS)
        feasible = np.concatenate([np.ones((n, 1), bool), in_bounds & near], axis=1)
        feasible &= g_c[:, :, self.m.mediator] >= -_EPS
        lim = self.m.limits
        if lim.n_limits and limits_known.any():
            xc, sc = self._apply(x, st, np.arange(-1, len(k_issue)))
            bad = lim.violated(xc, sc) & limits_known[:, None, :]
            feasible &= ~bad.any(-1)
        return g_c, feasible

    def _improve(self, rows, x, st, d, weight, alpha, lo, hi):
        """The best single change for every draw, applied where it raises J."""
        cand = self.cands
        if not len(cand.issue):
            return x, st, False
        n = len(rows)
        g_c, feasible = self._evaluate(rows, x, st, d, lo, hi, self.lim_known[rows])
        k_issue, is_drop = cand.issue, np.isnan(cand.value)
        open_req = (~st & self.required).sum(-1)
        req_c = np.concatenate(
            [open_req[:, None],
             open_req[:, None] - (~is_drop[None] & ~st[:, k_issue] & self.required[k_issue])],
            axis=1,
        )  # fmt: skip
        short = np.minimum(g_c - self.m.setup.margin, 0.0)
        score = alpha[:, None] * g_c[:, :, self.m.mediator]
        score += (1 - alpha[:, None]) * (short * weight[:, None, :]).sum(-1)
        # The wish for a result: each party brought over the line is worth a bonus.
        won = ((g_c >= -_EPS) & (weight[:, None, :] > 0)).sum(-1) / max(1, len(self.m.order))
        score += (1 - alpha[:, None]) * self.m.setup.deal_bonus * won
        score -= req_c
        score = np.where(feasible, score, -np.inf)
        best = score.argmax(-1)
        better = score[np.arange(n), best] > score[:, 0] + 1e-9
        if not better.any():
            return x, st, False
        x, st = self._apply_one(x, st, np.where(better, best, 0) - 1)
        return x, st, True

    def _polish(self, rows: np.ndarray) -> np.ndarray:
        """Before signing, make changes every party prefers (the one-text method's last step).

        With opposed positions a change on one issue always costs someone, so the moves are
        trades: one or two settled issues each moved one grid step. Each time the move that
        raises the product of gains most among those that leave no party worse off and cross
        no red line or conditional limit is made. Returns ``(len(rows),)`` changed."""
        if not self.m.setup.polish:
            return np.zeros(len(rows), dtype=bool)
        x, st = self.x[rows].copy(), self.st[rows].copy()
        x0, st0 = x.copy(), st.copy()
        n = len(rows)
        d = self._d(rows, self._levels(rows))
        lo, hi = self._bounds(rows)
        lo = np.maximum(lo, self.red_lo[rows].max(axis=1))  # every party's red lines count
        hi = np.minimum(hi, self.red_hi[rows].min(axis=1))
        active = np.ones(n, dtype=bool)
        for _ in range(self.m.setup.polish):
            live = np.flatnonzero(active)
            if not live.size:
                break
            for c in range(0, live.size, _POLISH_CHUNK):  # bounds the (n, M, M, A) block
                sub = live[c : c + _POLISH_CHUNK]
                new, better = self._polish_step(
                    rows[sub], x[sub], st[sub], d[sub], lo[sub], hi[sub]
                )
                x[sub] = new
                active[sub] = better
        changed = (np.abs(np.where(st, x, 0) - np.where(st0, x0, 0)) > _EPS).any(-1)
        self.x[rows] = x
        if self.record and rows[0] == 0 and changed[0]:
            self._record_draft(self.clock[0], "polish", self._diff(x0[0], st0[0]))
        return changed

    def _polish_step(self, rows, x, st, d, lo, hi):
        """One polishing move for each of ``rows``: new ``x`` and whether it moved."""
        n = len(rows)
        free = np.flatnonzero(self.free)
        issue_m = np.repeat(free, 2)  # moves: (issue, down), (issue, up)
        m_n = len(issue_m)
        nb = np.full((n, m_n), np.nan)
        for k, j in enumerate(free):
            g = self.m.grids[j]
            at = np.abs(g[None, :] - x[:, j, None]).argmin(-1)
            for s_i, shift in enumerate((-1, 1)):
                idx = at + shift
                val = g[np.clip(idx, 0, len(g) - 1)]
                ok = (idx >= 0) & (idx < len(g)) & st[:, j]
                ok &= (val >= lo[:, j] - _EPS) & (val <= hi[:, j] + _EPS)
                nb[:, 2 * k + s_i] = np.where(ok, val, np.nan)
        valid = ~np.isnan(nb)
        # (n, M, A): change of each party's gain for each one-step move
        cur = x[:, issue_m]
        pa = self.p[rows][:, :, issue_m].transpose(0, 2, 1)
        wa = self.w[rows][:, :, issue_m].transpose(0, 2, 1)
        span = self.span[issue_m][None, :, None]
        c = self.ut.curvature
        v_old = 1.0 - (np.abs(cur[..., None] - pa) / span) ** c
        v_new = 1.0 - (np.abs(np.nan_to_num(nb)[..., None] - pa) / span) ** c
        dm = wa * (v_new - v_old)
        gain = self._terms(x, st, rows).sum(-1) + self.d0[rows] - d  # (n, A)
        both = dm[:, :, None, :] + dm[:, None, :, :]  # (n, M, M, A): pairs of moves
        diag = np.arange(m_n)
        both[:, diag, diag] = dm  # the diagonal holds the single moves
        pair_ok = issue_m[:, None] != issue_m[None, :]
        np.fill_diagonal(pair_ok, True)
        ok2 = valid[:, :, None] & valid[:, None, :] & pair_ok[None]
        pareto = (both >= -_EPS).all(-1) & (both > 1e-7).any(-1) & ok2
        after = np.log(np.clip(gain[:, None, None, :] + both, 1e-9, None)).sum(-1)
        flat = np.where(pareto, after, -np.inf).reshape(n, -1)
        best = flat.argmax(-1)
        better = np.isfinite(flat[np.arange(n), best])
        m1, m2 = np.divmod(best, m_n)
        new_x = x.copy()
        rr = np.flatnonzero(better)
        new_x[rr, issue_m[m1[rr]]] = nb[rr, m1[rr]]
        new_x[rr, issue_m[m2[rr]]] = nb[rr, m2[rr]]
        lim = self.m.limits
        if lim.n_limits:
            better &= ~lim.violated(new_x, st).any(-1)
        return np.where(better[:, None], new_x, x), better

    def _apply(self, x, st, ks):
        """Drafts after each candidate ``ks`` (−1 = unchanged): ``(n, len(ks), I)``."""
        cand = self.cands
        xc = np.repeat(x[:, None, :], len(ks), axis=1)
        sc = np.repeat(st[:, None, :], len(ks), axis=1)
        for col, k in enumerate(ks):
            if k < 0:
                continue
            j = cand.issue[k]
            if np.isnan(cand.value[k]):
                sc[:, col] &= ~cand.drop[k]
            else:
                xc[:, col, j] = cand.value[k]
                sc[:, col, j] = True
        return xc, sc

    def _apply_one(self, x, st, k):
        """Apply candidate ``k[i]`` (−1 = none) to each draw ``i``."""
        cand = self.cands
        x, st = x.copy(), st.copy()
        rows = np.flatnonzero(k >= 0)
        kk = k[rows]
        j = cand.issue[kk]
        drop = np.isnan(cand.value[kk])
        setr = rows[~drop]
        x[setr, j[~drop]] = cand.value[kk[~drop]]
        st[setr, j[~drop]] = True
        st[rows[drop]] &= ~cand.drop[kk[drop]]
        return x, st

    # -- records (draw 0) -------------------------------------------------------------------

    def _record_answer(self, a, x, st, gain, red, accept, levels, lim_bad) -> None:
        terms = self._terms(x[None], st[None], np.array([0]))[0, a]  # (I,)
        pts = self.m.points
        rejects = []
        for p, members in enumerate(pts.members):
            on = members & st
            if not on.any():
                continue
            loss = float(-np.minimum(terms[on], 0).sum())
            crossed = bool(red[on].any())
            if lim_bad is not None and lim_bad.shape[-1]:
                crossed |= bool(
                    any(lim_bad[0, c] and on[self.m.limits.issue[c]]
                        for c in range(self.m.limits.n_limits))
                )  # fmt: skip
            if loss > 1e-6 or crossed:
                rejects.append({
                    "point": pts.numbers[p],
                    "strength": round(loss, 4),
                    "red_line": crossed,
                    "issues": [self.keys[j] for j in np.flatnonzero(on)],
                })  # fmt: skip
        rejects.sort(key=lambda r: (not r["red_line"], -r["strength"]))
        for j in np.flatnonzero(red):
            name = f"{self.ids[a]} red line on {self.keys[j]}"
            if name not in self.told_names:
                self.told_names.append(name)
        if lim_bad is not None:
            for c in np.flatnonzero(lim_bad[0]):
                name = f"{self.ids[a]} limit: {self.m.limits.notes[c]}"
                if name not in self.told_names:
                    self.told_names.append(name)
        self.answers.append(
            Answer(
                round=int(self.clock[0]),
                stage=self.stage_name,
                party=self.ids[a],
                draft=len(self.drafts) - 1,
                accepted=bool(accept),
                gap=round(float(gain), 4),
                rejects=rejects if not accept else [],
                levers=dict(zip(self.levers.keys, np.round(levels, 3).tolist(), strict=True)),
            )
        )

    def _diff(self, x_old: np.ndarray, st_old: np.ndarray) -> list[tuple[int, Any, Any]]:
        """Changes of draw 0's draft against ``x_old``/``st_old``: (issue, old, new)."""
        out = []
        for j in range(self.n_i):
            old = float(x_old[j]) if st_old[j] else None
            new = float(self.x[0, j]) if self.st[0, j] else None
            if old != new:
                out.append((j, old, new))
        return out

    def _record_draft(self, rnd, cause, changes) -> None:
        if not self.record or self.status[0] != ACTIVE:
            return
        x, st = self.x[0], self.st[0]
        self.drafts.append(
            Draft(
                number=len(self.drafts),
                round=int(rnd),
                stage=self.stage_name,
                cause=cause,
                package={k: (float(x[j]) if st[j] else None) for j, k in enumerate(self.keys)},
                points=int(self.m.points.count(st)),
                changes=[
                    {
                        "point": self.m.points.label(j),
                        "issue": self.keys[j],
                        "old": old,
                        "new": new,
                    }
                    for j, old, new in changes
                ],
                told=list(self.told_names),
                told_red_lines=[
                    (self.ids[a], self.keys[j])
                    for a, j in zip(*np.nonzero(self.told[0]), strict=True)
                ],
            )
        )

    def result(self, seed) -> MediationResult:
        rows = np.arange(self.n)
        levels = self._levels(rows)
        d = self._d(rows, levels)
        u = self._gain(self.x, self.st, rows, levels) + d
        return MediationResult(
            scenario=self.m.scenario,
            setup=self.m.setup,
            actor_ids=self.ids,
            issue_keys=self.keys,
            mediator=self.ids[self.m.mediator],
            order=[self.ids[a] for a in self.m.order],
            stages=self.m.stages.names[: self.m.stages.stop + 1],
            status=self.status,
            stage_reached=self.stage_reached,
            rounds=self.clock + 1,
            package=np.where(self.st, self.x, np.nan),
            opening=np.where(self.open_st[0], self.open_x[0], np.nan),
            utility=u,
            opening_utility=self.opening_u,
            disagreement=d,
            lever_keys=self.levers.keys,
            final_levels=levels,
            drafts=self.drafts,
            answers=self.answers,
            seed=seed,
        )


def shift_lever(setup: MediationSetup, key: str, delta: float) -> MediationSetup:
    """A copy of ``setup`` with every scheduled level of lever ``key`` moved by ``delta``
    (clipped to its scale) from round 1 on: the opening level stays, so the change is pressure
    added during the talks."""
    levers = []
    for lv in setup.levers:
        if lv.key == key:
            lo, hi = lv.scale
            sched = dict(lv.schedule) or {0: lv.level_at(0)}
            start = sched.get(0, lv.level_at(0))
            later = {r: v for r, v in sched.items() if r > 0}
            last = lv.level_at(1)
            later.setdefault(1, last)
            new = {0: start, **{r: float(np.clip(v + delta, lo, hi)) for r, v in later.items()}}
            lv = lv.model_copy(update={"schedule": new})
        levers.append(lv)
    return setup.model_copy(update={"levers": levers})


def lever_sensitivity(
    scenario: Scenario, setup: MediationSetup, runs: int, seed: int | None, share: float = 0.2
) -> dict[str, dict[str, float]]:
    """Which lever changes the outcome most: probability of agreement and mean rounds when
    each lever is raised and lowered by ``share`` of its scale from round 1 on (same seed)."""
    base = Mediation(scenario, setup).run(runs, seed, record=False)
    p0 = float(base.agreed.mean())
    out = {}
    for lv in setup.levers:
        step = share * (lv.scale[1] - lv.scale[0])
        res = {}
        for sign, name in ((1, "up"), (-1, "down")):
            r = Mediation(scenario, shift_lever(setup, lv.key, sign * step)).run(
                runs, seed, record=False
            )
            res[name] = float(r.agreed.mean()) - p0
        res["step"] = step
        res["effect"] = max(abs(res["up"]), abs(res["down"]))
        out[lv.key] = res
    return dict(sorted(out.items(), key=lambda kv: -kv[1]["effect"]))


__all__ = [
    "Answer",
    "Draft",
    "Mediation",
    "MediationResult",
    "lever_sensitivity",
    "shift_lever",
]
