"""Bargaining scenarios: who negotiates, over what, from where, and how sure we are.

A :class:`Scenario` is the one input every engine in :mod:`parley.simulate` reads. It is
deliberately plain data (Pydantic, YAML/JSON on disk) so an analyst can write one by hand, a
case pack can generate one, and published reference scenarios (KTAB's CSV, the classic
Bueno de Mesquita tables, see :mod:`parley.model.formats`) load into the same shape.

Conventions, chosen so that every model can read the numbers the same way:

* **Positions** are on each issue's own scale (``Issue.scale``, default 0–100). Discrete
  issues list ordered ``options``; each option sits at a point of the scale, so positions,
  reservation points and red lines may be given as an option key or as a number.
* **Salience** is in [0, 1]: the share of an actor's attention the issue gets (KTAB's 0–100
  saliences are divided by 100 on reading).
* **Capability** (clout) is any non-negative number; only ratios between actors matter.
* **Reservation point**: the least favourable value an actor still prefers to no deal. With
  single-peaked preferences it defines the actor's zone: every value at least as close to its
  position as the reservation point.
* **Red line**: a hard limit. Values beyond it (seen from the actor's position) are vetoed
  whatever the rest of the package offers.
* **Uncertainty**: any numeric input may carry a distribution (``uncertainty`` maps a field
  name to a :class:`Distribution`, or to ``[low, high]`` as shorthand for a uniform range).
  Monte Carlo draws from these; the point values stay the best estimate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from parley.errors import ParleyError

Value = float | str
"""A point on an issue: a number on its scale or the key of one of its options."""


class ScenarioError(ParleyError):
    """A scenario that cannot be read or is inconsistent; the message names the source."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Distribution(_Strict):
    """Uncertainty about one number.

    ``uniform`` needs ``low``/``high``; ``normal`` needs ``sd`` (``mean`` defaults to the point
    value it belongs to) and may be truncated to ``[low, high]`` by clipping; ``triangular``
    needs ``low``/``high`` (``mode`` defaults to the point value).
    """

    dist: Literal["uniform", "normal", "triangular"]
    low: float | None = None
    high: float | None = None
    mean: float | None = None
    sd: float | None = Field(default=None, ge=0)
    mode: float | None = None

    @model_validator(mode="before")
    @classmethod
    def _range_shorthand(cls, data: Any) -> Any:
        if isinstance(data, list | tuple):
            if len(data) != 2:
                raise ValueError("a range must be [low, high]")
            return {"dist": "uniform", "low": data[0], "high": data[1]}
        return data

    @model_validator(mode="after")
    def _complete(self) -> Distribution:
        if self.dist in ("uniform", "triangular") and (self.low is None or self.high is None):
            raise ValueError(f"{self.dist} needs low and high")
        if self.dist == "normal" and self.sd is None:
            raise ValueError("normal needs sd")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low must not exceed high")
        return self

    def sample(self, center: float, rng: np.random.Generator, size: int) -> np.ndarray:
        """``size`` draws; ``center`` is the point value, used where mean/mode are left out."""
        if self.dist == "uniform":
            return rng.uniform(self.low, self.high, size)
        if self.dist == "triangular":
            mode = center if self.mode is None else self.mode
            mode = min(max(mode, self.low), self.high)
            if self.low == self.high:
                return np.full(size, float(self.low))
            return rng.triangular(self.low, mode, self.high, size)
        mean = center if self.mean is None else self.mean
        draws = rng.normal(mean, self.sd, size)
        if self.low is not None or self.high is not None:
            draws = np.clip(draws, self.low, self.high)
        return draws


class ScalePoint(_Strict):
    """A labelled point on a numeric scale ("0 = Ukraine keeps all of Donbas")."""

    value: float
    label: str


class Option(_Strict):
    """One discrete outcome of an issue; ``value`` places it on the issue's scale."""

    key: str
    label: str = ""
    value: float | None = None


class Issue(_Strict):
    """A question the parties must settle: a numeric scale or an ordered set of options.

    Options without a ``value`` are spread evenly over the scale in the order given, so the
    spatial models can treat every issue as a line; the package models read the options back.
    """

    key: str
    name: str = ""
    description: str = ""
    scale: tuple[float, float] = (0.0, 100.0)
    labels: list[ScalePoint] = Field(default_factory=list)
    options: list[Option] = Field(default_factory=list)
    status_quo: Value | None = None

    @model_validator(mode="after")
    def _check(self) -> Issue:
        lo, hi = self.scale
        if not lo < hi:
            raise ValueError(f"issue {self.key!r}: scale must be (low, high) with low < high")
        keys = [o.key for o in self.options]
        if len(set(keys)) != len(keys):
            raise ValueError(f"issue {self.key!r}: duplicate option keys")
        n = len(self.options)
        for i, opt in enumerate(self.options):
            if opt.value is None:
                opt.value = lo + (hi - lo) * (i / (n - 1) if n > 1 else 0.5)
        if self.status_quo is not None:
            self.value(self.status_quo)
        return self

    @property
    def discrete(self) -> bool:
        return bool(self.options)

    def value(self, v: Value) -> float:
        """A number on the scale for ``v`` (an option key or a number inside the scale)."""
        if isinstance(v, str):
            for opt in self.options:
                if opt.key == v:
                    return float(opt.value)  # type: ignore[arg-type]
            raise ValueError(f"issue {self.key!r} has no option {v!r}")
        lo, hi = self.scale
        if not lo <= v <= hi:
            raise ValueError(f"issue {self.key!r}: {v} is outside its scale {lo}–{hi}")
        return float(v)

    def option_values(self) -> np.ndarray:
        """The scale values of the options (empty for a continuous issue)."""
        return np.array([o.value for o in self.options], dtype=float)

    def nearest_option(self, x: float) -> Option:
        """The option closest to ``x`` on the scale (how a continuous forecast reads back)."""
        vals = self.option_values()
        return self.options[int(np.argmin(np.abs(vals - x)))]


class Stance(_Strict):
    """One actor's stand on one issue."""

    position: Value
    salience: float = Field(default=1.0, ge=0, le=1)
    reservation: Value | None = None
    red_line: Value | None = None
    uncertainty: dict[Literal["position", "salience", "reservation"], Distribution] = Field(
        default_factory=dict
    )
    source: str | None = None
    """Where the estimate comes from (a record id, an article, "analyst")."""


class Actor(_Strict):
    """A party at the table (or with a stake in its outcome)."""

    id: str
    name: str = ""
    description: str = ""
    capability: float = Field(default=1.0, ge=0)
    capability_uncertainty: Distribution | None = None
    stances: dict[str, Stance] = Field(default_factory=dict)
    """Stances by issue key; an actor may stay silent on an issue."""

    @property
    def label(self) -> str:
        return self.name or self.id


class IssueLink(_Strict):
    """A dependency between two issues that the analyst wants the engines to know about.

    ``kind``: ``tradeoff`` (parties trade one against the other, e.g. territory for
    guarantees), ``complement`` (they move together), ``conditional`` (``target`` is only
    acceptable once ``source`` reaches ``threshold``; used by mediation).
    """

    source: str
    target: str
    kind: Literal["tradeoff", "complement", "conditional"] = "tradeoff"
    threshold: float | None = None
    strength: float = Field(default=1.0, ge=0)
    note: str = ""


class Scenario(_Strict):
    """Actors, issues, their links, and free-form metadata (source, date, case, format)."""

    name: str
    description: str = ""
    issues: list[Issue]
    actors: list[Actor]
    links: list[IssueLink] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)

    @field_validator("issues", "actors")
    @classmethod
    def _non_empty(cls, v: list) -> list:
        if not v:
            raise ValueError("needs at least one entry")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        keys = [i.key for i in self.issues]
        if len(set(keys)) != len(keys):
            raise ValueError("duplicate issue keys")
        ids = [a.id for a in self.actors]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate actor ids")
        by_key = {i.key: i for i in self.issues}
        for a in self.actors:
            for k, st in a.stances.items():
                if k not in by_key:
                    raise ValueError(f"actor {a.id!r} takes a stance on unknown issue {k!r}")
                for field in ("position", "reservation", "red_line"):
                    v = getattr(st, field)
                    if v is not None:
                        try:
                            by_key[k].value(v)
                        except ValueError as exc:
                            raise ValueError(f"actor {a.id!r}, {field}: {exc}") from None
        for link in self.links:
            for k in (link.source, link.target):
                if k not in by_key:
                    raise ValueError(f"link refers to unknown issue {k!r}")
        return self

    # -- lookup ---------------------------------------------------------------------------

    def issue(self, key: str) -> Issue:
        for i in self.issues:
            if i.key == key:
                return i
        raise KeyError(key)

    def actor(self, actor_id: str) -> Actor:
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)

    # -- numbers for the engines ------------------------------------------------------------

    def to_arrays(self) -> ScenarioArrays:
        """The scenario as NumPy arrays (actors × issues), the form every engine computes on."""
        n_a, n_i = len(self.actors), len(self.issues)
        pos = np.full((n_a, n_i), np.nan)
        sal = np.zeros((n_a, n_i))
        res = np.full((n_a, n_i), np.nan)
        red = np.full((n_a, n_i), np.nan)
        for a_i, a in enumerate(self.actors):
            for i_i, iss in enumerate(self.issues):
                st = a.stances.get(iss.key)
                if st is None:
                    continue
                pos[a_i, i_i] = iss.value(st.position)
                sal[a_i, i_i] = st.salience
                if st.reservation is not None:
                    res[a_i, i_i] = iss.value(st.reservation)
                if st.red_line is not None:
                    red[a_i, i_i] = iss.value(st.red_line)
        has = ~np.isnan(pos)
        # Silent actors get the mean of the others' positions and zero salience, so that they
        # weigh nothing yet never inject NaN into a computation.
        col_mean = np.array(
            [np.nanmean(pos[:, j]) if has[:, j].any() else np.mean(i.scale)
             for j, i in enumerate(self.issues)]
        )  # fmt: skip
        pos = np.where(has, pos, col_mean)
        sq = np.array(
            [i.value(i.status_quo) if i.status_quo is not None else np.nan for i in self.issues]
        )
        return ScenarioArrays(
            actor_ids=[a.id for a in self.actors],
            issue_keys=[i.key for i in self.issues],
            capability=np.array([a.capability for a in self.actors], dtype=float),
            position=pos,
            salience=sal,
            reservation=res,
            red_line=red,
            has_position=has,
            lower=np.array([i.scale[0] for i in self.issues], dtype=float),
            upper=np.array([i.scale[1] for i in self.issues], dtype=float),
            status_quo=sq,
            options=[i.option_values() if i.discrete else None for i in self.issues],
        )

    # -- files ------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=True)

    def dump(self, path: str | Path) -> None:
        """Write YAML (``.yaml``/``.yml``) or JSON (``.json``) by the file's suffix."""
        path = Path(path)
        data = self.to_dict()
        if path.suffix.lower() == ".json":
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        elif path.suffix.lower() in (".yaml", ".yml"):
            text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
        else:
            raise ScenarioError(f"{path}: write .yaml, .yml or .json (KTAB CSV: formats module)")
        path.write_text(text, encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Any, source: str = "<scenario>") -> Scenario:
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
            raise ScenarioError(f"{source}: {where}: {first['msg']}{more}") from None

    @classmethod
    def load(cls, path: str | Path) -> Scenario:
        """Read a YAML or JSON scenario file."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ScenarioError(f"{path}: cannot read ({exc.strerror})") from None
        try:
            data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
        except (json.JSONDecodeError, yaml.YAMLError) as exc:
            raise ScenarioError(f"{path}: not valid {path.suffix.lstrip('.')}: {exc}") from None
        if not isinstance(data, dict):
            raise ScenarioError(f"{path}: expected a mapping at the top level")
        return cls.from_dict(data, source=str(path))


@dataclass
class ScenarioArrays:
    """A scenario as arrays. Shapes: ``(A,)`` per actor, ``(A, I)`` per actor and issue,
    ``(I,)`` per issue. Monte Carlo stacks draws in front: ``(N, A)``, ``(N, A, I)``; engines
    accept both (they index from the right). ``reservation``/``red_line``/``status_quo`` are
    NaN where not given; ``has_position`` is False where an actor is silent (salience 0)."""

    actor_ids: list[str]
    issue_keys: list[str]
    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    reservation: np.ndarray
    red_line: np.ndarray
    has_position: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    status_quo: np.ndarray
    options: list[np.ndarray | None] | None = None
    """Scale values of the options of each discrete issue (None: continuous issue)."""

    @property
    def n_actors(self) -> int:
        return len(self.actor_ids)

    @property
    def n_issues(self) -> int:
        return len(self.issue_keys)

    @property
    def batch_shape(self) -> tuple[int, ...]:
        return self.position.shape[:-2]

    def batched(self) -> ScenarioArrays:
        """The same arrays with a leading batch axis of size 1 if they have none."""
        if self.batch_shape:
            return self
        return ScenarioArrays(
            actor_ids=self.actor_ids,
            issue_keys=self.issue_keys,
            capability=self.capability[None],
            position=self.position[None],
            salience=self.salience[None],
            reservation=self.reservation[None],
            red_line=self.red_line[None],
            has_position=self.has_position[None],
            lower=self.lower,
            upper=self.upper,
            status_quo=self.status_quo,
            options=self.options,
        )
