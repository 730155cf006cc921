"""One interface for every forecasting engine, and the registry the CLI resolves names with.

Every model follows the scikit-learn habit of a small object configured in ``__init__`` and
one verb::

    forecast = BDM().run(scenario, rng=np.random.default_rng(7))
    forecast.outcome            # {issue key: forecast value}
    forecast.history            # rounds+1 × actors × issues positions (round 0 = input)

Engines compute on :class:`~parley.model.scenario.ScenarioArrays` with a leading batch axis
(``run_batch``), so Monte Carlo pushes thousands of perturbed scenarios through one call
instead of a Python loop per run. ``run`` is the single-scenario view of the same kernel.

Register a model with :func:`register`; :func:`get_model` also imports the modules of the
known engines lazily (``smp`` lives in its own module and appears once it exists).
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from parley.errors import ParleyError
from parley.model.scenario import Scenario, ScenarioArrays


@dataclass
class Forecast:
    """What a model says about one scenario.

    ``history`` has shape ``(rounds + 1, actors, issues)``: the positions actors hold at the
    start (row 0) and after every round. ``outcome`` is the forecast value per issue, on each
    issue's own scale. ``details`` carries model-specific extras (risk attitudes, utilities,
    the chosen package, …) as plain JSON-able values.
    """

    model: str
    actor_ids: list[str]
    issue_keys: list[str]
    outcome_values: np.ndarray
    history: np.ndarray
    converged: bool
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def rounds(self) -> int:
        return self.history.shape[0] - 1

    @property
    def outcome(self) -> dict[str, float]:
        return {k: float(v) for k, v in zip(self.issue_keys, self.outcome_values, strict=True)}

    def trajectory(self, issue: str) -> np.ndarray:
        """Positions on one issue: rounds+1 × actors."""
        return self.history[:, :, self.issue_keys.index(issue)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "outcome": {k: None if np.isnan(v) else v for k, v in self.outcome.items()},
            "rounds": self.rounds,
            "converged": self.converged,
            "actors": self.actor_ids,
            "issues": self.issue_keys,
            "history": self.history.round(6).tolist(),
            "details": self.details,
        }


@dataclass
class BatchForecast:
    """Outcomes of ``N`` scenario draws at once: ``outcome`` ``(N, I)``; ``rounds`` and
    ``converged`` ``(N,)``; ``history`` ``(N, R+1, A, I)`` when the model keeps it (runs
    that converge early repeat their final positions to the common length)."""

    outcome: np.ndarray
    rounds: np.ndarray
    converged: np.ndarray
    history: np.ndarray | None = None
    details: dict[str, Any] = field(default_factory=dict)


class Model(ABC):
    """Base class of the engines: subclasses set ``name`` and implement ``run_batch``."""

    name: ClassVar[str]
    description: ClassVar[str] = ""

    @abstractmethod
    def run_batch(
        self, arrays: ScenarioArrays, rng: np.random.Generator | None = None
    ) -> BatchForecast:
        """Run on batched arrays (leading axis = draws). Must not loop in Python over draws."""

    def batch_outcomes(
        self, arrays: ScenarioArrays, rng: np.random.Generator | None = None
    ) -> BatchForecast:
        """Like ``run_batch`` when only outcomes, rounds and convergence are needed (Monte
        Carlo); models that keep a long history override it to save the memory."""
        return self.run_batch(arrays, rng)

    def run(self, scenario: Scenario, rng: np.random.Generator | None = None) -> Forecast:
        """Forecast one scenario; ``rng`` only matters for stochastic models."""
        arrays = scenario.to_arrays()
        batch = self.run_batch(arrays.batched(), rng)
        history = batch.history[0] if batch.history is not None else arrays.position[None]
        return Forecast(
            model=self.name,
            actor_ids=arrays.actor_ids,
            issue_keys=arrays.issue_keys,
            outcome_values=batch.outcome[0],
            history=history,
            converged=bool(batch.converged[0]),
            details=self.describe(scenario, batch),
        )

    def describe(self, scenario: Scenario, batch: BatchForecast) -> dict[str, Any]:
        """Model-specific details for a single run (override to add more)."""
        return {k: _first(v) for k, v in batch.details.items()}


def _first(v: Any) -> Any:
    if isinstance(v, np.ndarray):
        return v[0].tolist() if v.ndim else v.item()
    return v


REGISTRY: dict[str, type[Model]] = {}

# Where the known engines live, so ``get_model`` can import them on first use and the CLI
# stays fast. A model registered elsewhere appears once its module is imported.
_KNOWN_MODULES: dict[str, str] = {
    "compromise": "parley.simulate.spatial",
    "median": "parley.simulate.spatial",
    "bdm": "parley.simulate.bdm",
    "smp": "parley.simulate.smp",
    "nash": "parley.simulate.bargaining",
    "ks": "parley.simulate.bargaining",
}


def register(cls: type[Model]) -> type[Model]:
    """Class decorator: make a model available by its ``name``."""
    REGISTRY[cls.name] = cls
    return cls


def available_models() -> list[str]:
    """Names of the models that can be run here (imports the known engine modules)."""
    for module in set(_KNOWN_MODULES.values()):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
    return sorted(REGISTRY)


def get_model(name: str, **params: Any) -> Model:
    """An instance of the model called ``name`` configured with ``params``."""
    if name not in REGISTRY and name in _KNOWN_MODULES:
        try:
            importlib.import_module(_KNOWN_MODULES[name])
        except ModuleNotFoundError as exc:
            if exc.name != _KNOWN_MODULES[name]:
                raise
    if name not in REGISTRY:
        known = ", ".join(available_models())
        raise ParleyError(f"unknown model {name!r} (available: {known})")
    return REGISTRY[name](**params)
