"""Drafts made of points, and agreements made in stages.

A **draft** is a set of numbered points; each point sets one or more issues (point 21 of a plan
may fix both the Donbas line and the Zaporizhzhia front). An issue no point sets is *open*: a
deal leaves it as it is, so it counts for every party at its no-deal value (its reservation
value, see :mod:`parley.simulate.utility`). Dropping a point opens its issues, which is how a
plan shrinks from 28 points to 19; amending a point changes the value it sets; the mediator may
also add a point for an open issue. Issues that no opening point mentions get a point of their
own (numbered after the plan's) for the mediator to add when it needs one.

A **staged agreement** negotiates issue sets one after another (a ceasefire, then a treaty):
each stage may change only its own issues, the values agreed in earlier stages stay fixed, and a
stage counts as agreed only when every *required* issue of it is settled. Without stages there
is one stage with every issue, all required.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parley.model.mediation_setup import MediationSetup
from parley.model.scenario import Scenario


@dataclass
class DraftPoints:
    """Points of the opening draft: ``members`` ``(P, I)`` which issues each point sets,
    ``owner`` ``(I,)`` the last point setting an issue (named in diffs), ``value`` and
    ``settled`` ``(I,)`` the opening package (NaN where open)."""

    numbers: list[str]
    summaries: list[str]
    members: np.ndarray
    owner: np.ndarray
    value: np.ndarray
    settled: np.ndarray
    fixed_points: int
    """Points that set no issue (general clauses): always part of the draft."""

    @classmethod
    def opening(cls, scenario: Scenario, setup: MediationSetup, mediator: int) -> DraftPoints:
        keys = [i.key for i in scenario.issues]
        numbers, summaries, sets = [], [], []
        fixed = 0
        if setup.opening:
            for p in setup.opening:
                if not p.sets:
                    fixed += 1
                    continue
                numbers.append(str(p.number))
                summaries.append(p.summary)
                sets.append({k: scenario.issue(k).value(v) for k, v in p.sets.items()})
        else:
            med = scenario.actors[mediator]
            for k in keys:
                st = med.stances.get(k)
                if st is not None:
                    numbers.append(str(len(numbers) + 1))
                    summaries.append(scenario.issue(k).name or k)
                    sets.append({k: scenario.issue(k).value(st.position)})
        total, times = np.zeros(len(keys)), np.zeros(len(keys))
        owner = np.full(len(keys), -1)
        for p, s in enumerate(sets):
            for k, v in s.items():
                j = keys.index(k)
                total[j] += v  # several points on one issue: their mean
                times[j] += 1
                owner[j] = p
        value = np.where(times > 0, total / np.maximum(times, 1), np.nan)
        for j, k in enumerate(keys):  # open issues get a point the mediator may add
            if owner[j] < 0:
                owner[j] = len(numbers)
                numbers.append(f"+{k}")
                summaries.append(f"new point on {scenario.issue(k).name or k}")
                sets.append({k: np.nan})
        members = np.zeros((len(numbers), len(keys)), dtype=bool)
        for p, s in enumerate(sets):
            for k in s:
                members[p, keys.index(k)] = True
        return cls(numbers, summaries, members, owner, value, ~np.isnan(value), fixed)

    def label(self, issue: int) -> str:
        """The numbers of the points that set ``issue`` ("2,3,4,16,17")."""
        return ",".join(self.numbers[p] for p in np.flatnonzero(self.members[:, issue]))

    def dropped_with(self, issue: int) -> np.ndarray:
        """``(I,)`` the issues opened when the points setting ``issue`` are dropped."""
        return self.members[self.members[:, issue]].any(axis=0)

    def count(self, settled: np.ndarray) -> np.ndarray:
        """``(...)`` points in a draft: the general clauses plus every point setting an issue."""
        return self.fixed_points + (settled[..., None, :] & self.members).any(axis=-1).sum(-1)


@dataclass
class StagePlan:
    """Stages as issue masks ``(S, I)``: ``issues`` it may change, ``required`` it must settle."""

    names: list[str]
    issues: np.ndarray
    required: np.ndarray
    stop: int
    """Index of the last stage negotiated."""

    @classmethod
    def compile(cls, scenario: Scenario, setup: MediationSetup) -> StagePlan:
        keys = [i.key for i in scenario.issues]
        stages = setup.stages or []
        names, issues, required = [], [], []
        taken = np.zeros(len(keys), dtype=bool)
        for st in stages:
            mask = np.zeros(len(keys), dtype=bool)
            for k in st.issues:
                mask[keys.index(k)] = True
            if not st.issues:
                mask = ~taken
            mask &= ~taken
            req = mask.copy()
            if st.required is not None:
                req = np.zeros(len(keys), dtype=bool)
                for k in st.required:
                    req[keys.index(k)] = True
                req &= mask
            taken |= mask
            names.append(st.name)
            issues.append(mask)
            required.append(req)
        if not names:
            names, issues, required = ["agreement"], [np.ones(len(keys), bool)], [None]
            required[0] = issues[0].copy()
        stop = names.index(setup.stop_after) if setup.stop_after else len(names) - 1
        return cls(names, np.array(issues), np.array(required), stop)
