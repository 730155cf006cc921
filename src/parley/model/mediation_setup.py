"""How a mediated negotiation is set up: who carries the text, to whom, under which pressure.

A :class:`~parley.model.scenario.Scenario` says what the parties want. Mediation needs more,
and this module holds it as plain data (YAML on disk, validated by Pydantic) so that an analyst
can write it by hand and a case pack can ship the parts the news does not report:

* the **mediator** (itself a party with preferences) and the **order** of its visits;
* the **opening draft**: a set of *points*, each setting one or more issues (a plan such as the
  28-point plan), or by default one point per issue at the mediator's positions;
* **levers**: time series (a level per round, e.g. sanctions intensity 1–10) whose change from
  the opening level moves parties' disagreement utility (BATNA) and clout, with a schedule
  ("3 from round 0, 7 from round 4") and optionally a *carrot-and-stick* rule: the level rises
  while the target rejects the draft and falls step by step while it accepts;
* **stages** (e.g. a ceasefire before a treaty), each with its issues and the issues a deal of
  that stage must settle;
* **conditional limits** (linked issues): a party's limit on one issue that applies only while
  another issue is beyond a threshold (territory only with guarantees);
* **veto players** with their own acceptance rule: an interval on issues (EU unanimity on
  sanctions and assets) or a vote whose support falls with the concessions (a referendum).

A mediation file is a YAML mapping with the fields of :class:`MediationSetup` plus ``scenario``:
an inline scenario mapping, a path to a scenario file (relative to the mediation file), or
``{case: NAME, as_of: DATE}`` for a case pack's reported positions on a day. A plain scenario file
is also a valid input: every mediation field then takes its default.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from parley.model.scenario import Distribution, Scenario, ScenarioError, Value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LeverEffect(_Strict):
    """What one unit of a lever (above its opening level) does to one party.

    ``disagreement``: change of the party's no-deal utility per unit (negative = pressure: the
    party's BATNA worsens, so it accepts more). ``capability``: relative change of its clout per
    unit (0.05 = +5 % per unit). Either may carry uncertainty for Monte Carlo.
    """

    disagreement: float = 0.0
    capability: float = 0.0
    uncertainty: dict[Literal["disagreement", "capability"], Distribution] = Field(
        default_factory=dict
    )


class CarrotStick(_Strict):
    """Conditional pressure: after each answer of ``target``, the lever moves ``step`` towards
    ``high`` if the target rejected the draft (stick) and towards ``low`` if it accepted
    (gradual relief, the carrot). Bounds default to the lever's scale."""

    target: str
    step: float = Field(default=1.0, gt=0)
    low: float | None = None
    high: float | None = None


class Lever(_Strict):
    """A time series held by one party that changes other parties' BATNA and clout."""

    key: str
    name: str = ""
    holder: str | None = None
    scale: tuple[float, float] = (0.0, 10.0)
    schedule: dict[int, float] = Field(default_factory=dict)
    """Level from each round on (round → level); round 0 is the opening level."""
    levels: dict[str, float] = Field(default_factory=dict)
    """Numeric level of a status reported as text ("paused": 0), for levers read from a pack."""
    effects: dict[str, LeverEffect] = Field(default_factory=dict)
    strategy: CarrotStick | None = None
    pack_key: str | None = None
    """Case packs: the pack lever whose latest reported value is the opening level."""
    pack_target: str | None = None
    """Case packs: only the pack's reports of ``pack_key`` aimed at this party."""
    source: str = ""

    @model_validator(mode="after")
    def _check(self) -> Lever:
        lo, hi = self.scale
        if not lo < hi:
            raise ValueError(f"lever {self.key!r}: scale must be (low, high) with low < high")
        for r, v in self.schedule.items():
            if r < 0:
                raise ValueError(f"lever {self.key!r}: round {r} is negative")
            if not lo <= v <= hi:
                raise ValueError(f"lever {self.key!r}: level {v} outside its scale {lo}–{hi}")
        return self

    def level_at(self, round_: int) -> float:
        """The scheduled level in ``round_`` (the last change at or before it)."""
        past = [r for r in self.schedule if r <= round_]
        if not past:
            return float(self.schedule[min(self.schedule)]) if self.schedule else self.scale[0]
        return float(self.schedule[max(past)])


class Stage(_Strict):
    """One stage of a staged agreement: the issues negotiated in it and those it must settle.

    ``issues`` empty = every issue not taken by an earlier stage; ``required`` empty = all the
    stage's issues (the mediator may then drop no point of it)."""

    name: str
    issues: list[str] = Field(default_factory=list)
    required: list[str] | None = None


class ConditionalLimit(_Strict):
    """Linked issues: while ``when_issue`` is beyond ``when`` (above it when ``when_above``),
    ``party`` accepts ``issue`` only up to ``limit`` (on its own side, like a red line)."""

    party: str
    issue: str
    limit: Value
    when_issue: str
    when: float
    when_above: bool = True
    note: str = ""


class Veto(_Strict):
    """A veto player and its acceptance rule, checked when all parties accept a draft.

    ``kind: interval`` — the draft must keep each issue in ``bounds`` (issue → [low, high]);
    ``kind: vote`` — support = ``support`` + Σ ``slopes[issue]`` × value, and the draft passes
    when support ≥ ``threshold``; held only when ``trigger_issue`` exceeds ``trigger`` (a
    referendum only on a territorial concession). ``support`` may be uncertain.
    """

    id: str
    name: str = ""
    kind: Literal["interval", "vote"] = "interval"
    bounds: dict[str, tuple[float, float]] = Field(default_factory=dict)
    support: float = 0.5
    support_uncertainty: Distribution | None = None
    slopes: dict[str, float] = Field(default_factory=dict)
    threshold: float = 0.5
    trigger_issue: str | None = None
    trigger: float | None = None
    source: str = ""

    @model_validator(mode="after")
    def _check(self) -> Veto:
        if self.kind == "interval" and not self.bounds:
            raise ValueError(f"veto {self.id!r}: an interval rule needs bounds")
        if self.kind == "vote" and not self.slopes:
            raise ValueError(f"veto {self.id!r}: a vote needs slopes (issue → change per point)")
        return self


class BatnaShift(_Strict):
    """A party's no-deal utility above (or below) what the status quo package is worth to it:
    a side that expects to gain by fighting on values no deal more than today's lines."""

    shift: float
    uncertainty: Distribution | None = None
    source: str = ""


class DraftPoint(_Strict):
    """A point of a draft: what it sets on which issues (``{issue: value or option}``)."""

    number: int | str
    summary: str = ""
    sets: dict[str, Value] = Field(default_factory=dict)


class MediationSetup(_Strict):
    """Everything mediation needs beyond the scenario; see the module docstring."""

    mediator: str | None = None
    """Default: the actor with the highest capability."""
    order: list[str] = Field(default_factory=list)
    """Visit order; default: the other actors in scenario order."""
    opening: list[DraftPoint] = Field(default_factory=list)
    """Opening draft; default: one point per issue at the mediator's positions."""
    opening_name: str = "opening draft"
    opening_document: str | None = None
    """Case packs: the id of the document (plan) in ``documents.yaml`` that opens the talks."""
    opening_context: str | None = None
    """Case packs, when the document is missing: the episode whose reported positions of the
    mediator stand for its opening text."""
    levers: list[Lever] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    stop_after: str | None = None
    """Stop after this stage is agreed (e.g. a ceasefire without a treaty)."""
    limits: list[ConditionalLimit] = Field(default_factory=list)
    vetoes: list[Veto] = Field(default_factory=list)
    status_quo: dict[str, Value] = Field(default_factory=dict)
    """Status quo per issue (what no deal keeps): the parties' disagreement point."""
    batna: dict[str, BatnaShift] = Field(default_factory=dict)
    """Per party, a shift of its no-deal utility (before levers)."""
    max_rounds: int = Field(default=12, ge=1)
    impatience: float = Field(default=0.15, ge=0, lt=1)
    """Per round, the mediator's weight on its own utility shrinks by this share."""
    own_weight: float = Field(default=0.5, ge=0, le=1)
    """Opening weight of the mediator's own utility against the others' acceptance."""
    margin: float = Field(default=0.0, ge=0)
    """Cushion the mediator seeks above each party's no-deal utility (it is unsure of them):
    gaps count until a party gains this much, not just until it accepts."""
    deal_bonus: float = Field(default=0.05, ge=0)
    """What bringing one more party to accept is worth to the mediator (utility units, shared
    out over the parties): its wish for a result, beyond closing the gaps."""
    polish: int = Field(default=20, ge=0)
    """Changes every party prefers that the mediator makes at most before signing (0: none)."""
    max_changes: int = Field(default=3, ge=1)
    """Points the mediator amends at most after one visit."""
    max_step: float = Field(default=1.0, gt=0, le=1)
    """Largest move of one value in one amendment, as a share of the issue's scale."""
    stall_rounds: int = Field(default=2, ge=1)
    """Rounds without a new draft and without a lever move before a deadlock is declared."""
    points: int = Field(default=11, ge=2)
    """Grid of values tried on continuous issues."""
    curvature: float = Field(default=1.0, gt=0)
    metadata: dict[str, Any] = Field(default_factory=dict)

    def check_against(self, scenario: Scenario, source: str = "<mediation>") -> None:
        """Every name used here must exist in the scenario; raise a ScenarioError if not."""
        actors = {a.id for a in scenario.actors}
        issues = {i.key for i in scenario.issues}

        def need(kind: str, name: str | None, known: set[str], where: str) -> None:
            if name is not None and name not in known:
                raise ScenarioError(f"{source}: {where}: unknown {kind} {name!r}")

        need("actor", self.mediator, actors, "mediator")
        for a in self.order:
            need("actor", a, actors, "order")
        if self.mediator is not None and self.mediator in self.order:
            raise ScenarioError(f"{source}: order: the mediator {self.mediator!r} visits itself")
        for p in self.opening:
            for k, v in p.sets.items():
                need("issue", k, issues, f"opening point {p.number}")
                try:
                    scenario.issue(k).value(v)
                except ValueError as exc:
                    raise ScenarioError(f"{source}: opening point {p.number}: {exc}") from None
        for lever in self.levers:
            for a in lever.effects:
                need("actor", a, actors, f"lever {lever.key} effects")
            if lever.strategy is not None:
                need("actor", lever.strategy.target, actors, f"lever {lever.key} strategy")
        for s in self.stages:
            for k in [*s.issues, *(s.required or [])]:
                need("issue", k, issues, f"stage {s.name}")
        if self.stop_after is not None and self.stop_after not in {s.name for s in self.stages}:
            raise ScenarioError(f"{source}: stop_after: no stage named {self.stop_after!r}")
        for lim in self.limits:
            need("actor", lim.party, actors, "limits")
            need("issue", lim.issue, issues, "limits")
            need("issue", lim.when_issue, issues, "limits")
        for v in self.vetoes:
            for k in [*v.bounds, *v.slopes, *([v.trigger_issue] if v.trigger_issue else [])]:
                need("issue", k, issues, f"veto {v.id}")
        for a in self.batna:
            need("actor", a, actors, "batna")
        for k, v in self.status_quo.items():
            need("issue", k, issues, "status_quo")
            try:
                scenario.issue(k).value(v)
            except ValueError as exc:
                raise ScenarioError(f"{source}: status_quo: {exc}") from None

    def apply_status_quo(self, scenario: Scenario) -> Scenario:
        """A copy of ``scenario`` with this setup's status quo set on its issues."""
        if not self.status_quo:
            return scenario
        out = scenario.model_copy(deep=True)
        for issue in out.issues:
            if issue.key in self.status_quo:
                issue.status_quo = self.status_quo[issue.key]
        return out


def load_mediation(spec: str | Path) -> tuple[Scenario, MediationSetup]:
    """The scenario and mediation setup named by ``spec``: a mediation YAML (with a
    ``scenario`` field), a plain scenario file, or a case pack name (its shipped mediation
    setup when it has one, else its reported positions with default mediation settings)."""
    from parley.model.from_case import resolve_scenario

    path = Path(spec)
    if path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
        data = _read_yaml(path)
        if "scenario" in data:
            return _from_mapping(data, path)
    if not path.exists():
        from parley.cases import available_cases, case_dir

        if str(spec) in available_cases():
            shipped = case_dir(str(spec)) / "scenario-mediation.yaml"
            if shipped.is_file():
                return _from_mapping(_read_yaml(shipped), shipped)
    scenario = resolve_scenario(spec)
    return scenario, MediationSetup()


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ScenarioError(f"{path}: expected a mapping at the top level")
    return data


def _from_mapping(data: dict[str, Any], path: Path) -> tuple[Scenario, MediationSetup]:
    data = dict(data)
    ref = data.pop("scenario")
    scenario = _scenario_ref(ref, path)
    try:
        setup = MediationSetup.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ScenarioError(f"{path}: {where}: {first['msg']}") from None
    if "case" in (ref if isinstance(ref, dict) else {}):
        from parley.model.case_mediation import complete_from_case

        setup = complete_from_case(setup, ref["case"], scenario, path)
    setup.check_against(scenario, str(path))
    return setup.apply_status_quo(scenario), setup


def _scenario_ref(ref: Any, path: Path) -> Scenario:
    from parley.model.formats import load_scenario
    from parley.model.from_case import scenario_from_case

    if isinstance(ref, str):
        return load_scenario(path.parent / ref)
    if isinstance(ref, dict) and "case" in ref:
        extra = set(ref) - {"case", "as_of", "context"}
        if extra:
            raise ScenarioError(f"{path}: scenario: unknown field(s) {sorted(map(str, extra))}")
        on = ref.get("as_of")
        if isinstance(on, str):
            on = date.fromisoformat(on)
        return scenario_from_case(ref["case"], on=on, context=ref.get("context"))
    if isinstance(ref, dict):
        return Scenario.from_dict(ref, source=f"{path}: scenario")
    raise ScenarioError(f"{path}: scenario must be a mapping, a file path or {{case: NAME}}")
