"""The forecast time line: how the news moved each issue's forecast, article by article.

:mod:`parley.model.evidence` turns stored stances into an updated scenario; this module
re-estimates that scenario as of every publication date, runs a bargaining model on each
state, and splits every change among the articles of its date by Shapley value. It lives in
the ``simulate`` stage because it runs the engines; the update rule itself stays in ``model``.
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from parley.model.evidence import (
    HALF_LIFE_DAYS,
    Evidence,
    EvidenceUpdate,
    _design,
    _pack,
    _positions,
    _update,
    priors,
    read_evidence,
)
from parley.model.from_case import scenario_from_case
from parley.model.scenario import ScenarioArrays
from parley.simulate.base import get_model
from parley.store.kb import KnowledgeBase

if TYPE_CHECKING:
    from parley.cases import CasePack

MAX_EXACT_SHAPLEY = 8
"""Up to this many articles on one date, attribution evaluates every subset (2^n runs)."""
SHAPLEY_PERMUTATIONS = 64


@dataclass(frozen=True, slots=True)
class Attribution:
    """How much one article moved one issue's forecast on its date (Shapley share)."""

    article: str
    published: date
    title: str | None
    issue: str
    delta: float
    evidence: tuple[Evidence, ...]


@dataclass(slots=True)
class Step:
    """The forecast as of one date: only evidence published by then."""

    day: date | None  # None: the prior, before any news
    outcome: dict[str, float]
    delta: dict[str, float]
    articles: list[str]
    attributions: list[Attribution]


@dataclass(slots=True)
class Timeline:
    model: str
    update: EvidenceUpdate
    steps: list[Step]

    @property
    def prior_outcome(self) -> dict[str, float]:
        return self.steps[0].outcome

    @property
    def final_outcome(self) -> dict[str, float]:
        return self.steps[-1].outcome

    def top(self, n: int = 5, issue: str | None = None) -> list[Attribution]:
        """The attributions that moved a forecast most, largest first."""
        every = [a for s in self.steps for a in s.attributions if issue in (None, a.issue)]
        return sorted(every, key=lambda a: -abs(a.delta))[:n]


def _batched(arrays: ScenarioArrays, positions: np.ndarray) -> ScenarioArrays:
    b = positions.shape[0]

    def rep(x: np.ndarray) -> np.ndarray:
        return np.broadcast_to(x, (b, *x.shape)).copy()

    return ScenarioArrays(
        actor_ids=arrays.actor_ids,
        issue_keys=arrays.issue_keys,
        capability=rep(arrays.capability),
        position=positions,
        salience=rep(arrays.salience),
        reservation=rep(arrays.reservation),
        red_line=rep(arrays.red_line),
        has_position=rep(arrays.has_position),
        lower=arrays.lower,
        upper=arrays.upper,
        status_quo=arrays.status_quo,
        options=arrays.options,
    )


def forecast_timeline(
    kb: KnowledgeBase | sqlite3.Connection,
    case: CasePack | str | Path,
    model: str = "bdm",
    *,
    until: date | None = None,
    prior_on: date | None = None,
    half_life: float = HALF_LIFE_DAYS,
    seed: int = 0,
    **model_params: Any,
) -> Timeline:
    """Re-estimate the scenario as of every publication date with evidence and run ``model``.

    Step 0 is the prior (no news). At each later date the articles of that date join the
    evidence; the step's change of each issue's forecast is split among them by their Shapley
    values (every subset of the date's articles is run, or ``SHAPLEY_PERMUTATIONS`` random
    orders when there are more than ``MAX_EXACT_SHAPLEY``), so the attributions of a step sum
    exactly to its change and, over the time line, to the total change (for deterministic
    models; a stochastic one gets the same ``seed`` at every step). All subsets of one date go
    through the model as one batch.
    """
    pack = _pack(case)
    engine = get_model(model, **model_params)
    prior_sc = scenario_from_case(pack, on=prior_on)
    prior = priors(pack, prior_on)
    evidence, skipped, without = read_evidence(kb, pack, prior, until=until)
    update = _update(pack, prior_sc, prior, evidence, skipped, without, half_life)
    arrays = prior_sc.to_arrays()
    design = _design(arrays, prior, evidence, half_life)
    keys = arrays.issue_keys
    by_article: dict[str, list[Evidence]] = defaultdict(list)
    titles: dict[str, str | None] = {}
    for e in evidence:
        by_article[e.article].append(e)
        titles[e.article] = e.title

    def outcomes(mask: np.ndarray) -> np.ndarray:
        positions = _positions(design, arrays.position, mask)
        batch = engine.batch_outcomes(_batched(arrays, positions), np.random.default_rng(seed))
        return np.asarray(batch.outcome, dtype=float)

    n = len(design.articles)
    taken = np.zeros(n)
    first = outcomes(taken[None])[0]
    steps = [Step(None, dict(zip(keys, first.tolist(), strict=True)), {}, [], [])]
    rng = np.random.default_rng(seed)
    for day, group in itertools.groupby(range(n), key=lambda k: design.dates[k]):
        members = list(group)
        masks, combine = _shapley_plan(len(members), rng)
        full = np.tile(taken, (len(masks), 1))
        full[:, members] = masks
        out = outcomes(full)  # (subsets, issues)
        phi = combine @ out  # (members, issues)
        before, after = out[0], out[-1]
        taken[members] = 1.0
        attributions = [
            Attribution(
                article=design.articles[k],
                published=day,
                title=titles[design.articles[k]],
                issue=issue,
                delta=float(phi[m, j]),
                evidence=tuple(e for e in by_article[design.articles[k]] if e.issue == issue),
            )
            for m, k in enumerate(members)
            for j, issue in enumerate(keys)
            if abs(phi[m, j]) > 1e-9
        ]
        steps.append(
            Step(
                day,
                dict(zip(keys, after.tolist(), strict=True)),
                dict(zip(keys, (after - before).tolist(), strict=True)),
                [design.articles[k] for k in members],
                attributions,
            )
        )
    return Timeline(model, update, steps)


def _shapley_plan(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Masks to evaluate (first row: nobody, last row: everybody) and the matrix that turns
    their outcomes into each player's Shapley value: ``phi = combine @ outcomes``."""
    if n <= MAX_EXACT_SHAPLEY:
        subsets = np.array(list(itertools.product((0.0, 1.0), repeat=n)))[:, ::-1]
        sizes = subsets.sum(axis=1).astype(int)
        combine = np.zeros((n, len(subsets)))
        index = {tuple(row): r for r, row in enumerate(subsets.astype(int).tolist())}
        for r, row in enumerate(subsets.astype(int).tolist()):
            s = sizes[r]
            for i in range(n):
                if row[i]:
                    continue
                with_i = list(row)
                with_i[i] = 1
                weight = math.factorial(s) * math.factorial(n - s - 1) / math.factorial(n)
                combine[i, index[tuple(with_i)]] += weight
                combine[i, r] -= weight
        return subsets, combine
    rows = [np.zeros(n)]
    combine_rows: list[tuple[int, int, int]] = []  # (player, with-row, without-row)
    for _ in range(SHAPLEY_PERMUTATIONS):
        order = rng.permutation(n)
        current = np.zeros(n)
        prev = 0
        for i in order:
            current = current.copy()
            current[i] = 1.0
            rows.append(current)
            combine_rows.append((int(i), len(rows) - 1, prev))
            prev = len(rows) - 1
    rows.append(np.ones(n))
    combine = np.zeros((n, len(rows)))
    for i, with_row, without_row in combine_rows:
        combine[i, with_row] += 1.0 / SHAPLEY_PERMUTATIONS
        combine[i, without_row] -= 1.0 / SHAPLEY_PERMUTATIONS
    return np.array(rows), combine
