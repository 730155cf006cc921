"""A bargaining scenario from a case pack's reported positions.

A case pack (``parley.cases``) records, per party and issue, positions reported on a date, with
sources, a confidence grade and sometimes a red line; parties carry a clout. This module turns
the state of the talks on a given day (optionally within one episode, a pack *context*) into a
:class:`Scenario` that every engine can run. It is built on demand, so the scenario always
reflects the pack as it stands, and nothing generated is stored.

How reports become inputs, and why:

* **Position**: the latest report on or before the day; several reports of that date (outlets
  disagree) are averaged and their spread becomes a uniform uncertainty range.
* **Uncertainty** widens with how indirect the report is: ``reported`` ±5 points, ``inferred``
  ±10, ``uncertain`` ±20 on the 0–100 scale (``CONFIDENCE_SPREAD``), added around the spread of
  the reports; salience gets ±10 points unless reported.
* **Salience** and **clout** are 0–100 in the pack; salience becomes 0–1, clout is capability.
* **Red line**: the pack's ``limit`` on the issue scale, when the report gives one.
* Reservation points are not reported in the news, so none are set: the bargaining engines
  then treat an issue as open up to the red lines (see :mod:`parley.simulate.utility`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from parley.model.formats import load_scenario
from parley.model.scenario import (
    Actor,
    Distribution,
    Issue,
    Option,
    ScalePoint,
    Scenario,
    ScenarioError,
    Stance,
)

if TYPE_CHECKING:
    from parley.cases import CasePack

CONFIDENCE_SPREAD = {"reported": 5.0, "inferred": 10.0, "uncertain": 20.0}
SALIENCE_SPREAD = 10.0


def scenario_from_case(
    case: CasePack | str | Path, on: date | None = None, context: str | None = None
) -> Scenario:
    """The scenario of ``case`` on day ``on`` (default: its latest report), optionally restricted
    to the positions reported for one ``context`` (an episode key such as ``geneva-2025-11``)."""
    from parley.cases import load_case

    pack = case if not isinstance(case, str | Path) else load_case(case)
    reports = [p for p in pack.positions if context is None or p.context == context]
    if context is not None and not reports:
        known = ", ".join(sorted({p.context for p in pack.positions})) or "none"
        raise ScenarioError(f"case {pack.name!r}: no positions for context {context!r} ({known})")
    if on is not None:
        reports = [p for p in reports if p.date <= on]
    if not reports:
        raise ScenarioError(f"case {pack.name!r} has no reported positions to build a scenario")
    latest: dict[tuple[str, str], list] = {}
    for rep in sorted(reports, key=lambda p: p.date):
        key = (rep.party, rep.issue)
        if key in latest and latest[key][0].date == rep.date:
            latest[key].append(rep)
        else:
            latest[key] = [rep]

    clout = {p.id: p.clout for p in pack.parties}  # the pack checks every party has one
    used_issues = {issue for _, issue in latest}
    issues = [_issue(i) for i in pack.issues if i.key in used_issues]
    actors = []
    for party in sorted({party for party, _ in latest}, key=_party_order(pack)):
        stances = {
            issue: _stance(reps) for (p, issue), reps in sorted(latest.items()) if p == party
        }
        name = pack.actor(party).name if pack.has_actor(party) else party
        actors.append(Actor(id=party, name=name, capability=clout[party], stances=stances))
    day = max(r.date for reps in latest.values() for r in reps)
    return Scenario(
        name=f"{pack.name}" + (f"@{context}" if context else ""),
        description=f"{pack.meta.title}: reported positions as of {day.isoformat()}",
        issues=issues,
        actors=actors,
        metadata={
            "format": "case-pack",
            "case": pack.name,
            "as_of": day.isoformat(),
            "context": context,
            "reports": sum(len(r) for r in latest.values()),
            # Reported pressure instruments up to the day, for engines that model them
            # (mediation): the scenario itself does not interpret them.
            "levers": [
                {
                    "key": lv.key,
                    "holder": lv.holder,
                    "target": lv.target,
                    "value": lv.value,
                    "unit": lv.unit,
                    "date": lv.date.isoformat(),
                }
                for lv in sorted(pack.levers, key=lambda lv: lv.date)
                if on is None or lv.date <= on
            ],
        },
    )


def _party_order(pack: CasePack):
    order = {p.id: k for k, p in enumerate(pack.parties)}
    return lambda party: (order.get(party, len(order)), party)


def _issue(issue) -> Issue:
    return Issue(
        key=issue.key,
        name=issue.name,
        description=issue.description,
        scale=(0.0, 100.0),
        labels=[ScalePoint(value=p.value, label=p.label) for p in issue.points],
        options=[Option(key=o.key, label=o.label, value=o.value) for o in issue.options],
    )


def _stance(reports: list) -> Stance:
    values = [r.position for r in reports]
    spread = max(CONFIDENCE_SPREAD[r.confidence] for r in reports)
    lo, hi = max(0.0, min(values) - spread), min(100.0, max(values) + spread)
    position = sum(values) / len(values)
    salience = sum(r.salience for r in reports) / len(reports) / 100
    uncertainty = {"position": Distribution(dist="uniform", low=lo, high=hi)}
    if any(r.confidence != "reported" for r in reports):
        s_lo = max(0.0, salience - SALIENCE_SPREAD / 100)
        s_hi = min(1.0, salience + SALIENCE_SPREAD / 100)
        uncertainty["salience"] = Distribution(dist="uniform", low=s_lo, high=s_hi)
    limits = [r.red_line.limit for r in reports if r.red_line and r.red_line.limit is not None]
    sources = sorted({f"{s.outlet} {s.date.isoformat()}" for r in reports for s in r.source})
    return Stance(
        position=position,
        salience=salience,
        red_line=_tightest(limits, position),
        uncertainty=uncertainty,
        source="; ".join(sources),
    )


def _tightest(limits: list[float], position: float) -> float | None:
    """Of several reported red lines, the one closest to the position (the strictest)."""
    if not limits:
        return None
    return min(limits, key=lambda v: abs(v - position))


def resolve_scenario(spec: str | Path) -> Scenario:
    """A scenario from a file (YAML, JSON, KTAB CSV, BDM table) or from a case pack's name."""
    path = Path(spec)
    if path.is_file():
        return load_scenario(path)
    if path.is_dir():
        return scenario_from_case(path)
    from parley.cases import available_cases

    if str(spec) in available_cases():
        return scenario_from_case(str(spec))
    cases = ", ".join(available_cases()) or "none"
    raise ScenarioError(f"{spec}: no such scenario file or case pack (case packs: {cases})")
