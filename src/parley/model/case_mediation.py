"""Fill a mediation setup from a case pack: the opening plan and the levers as reported.

A case's ``scenario-mediation.yaml`` holds only what the news does not report as data (who
mediates, the visit order, stages, vetoes, status quo, lever effects). Everything the pack
records is read from it at run time, so the scenario follows the pack as it grows:

* the opening draft is the pack document named by ``opening_document`` (e.g. the 28-point
  plan): one draft point per document point, setting what the pack says it sets (a point that
  sets an issue twice, e.g. bracketed alternatives, sets their mean); points that set no issue
  stay in the draft as general clauses. Without that document, the mediator's positions
  reported in ``opening_context`` stand in for the text;
* each lever with a ``pack_key`` opens at the latest level the pack reports for that key (from
  the lever's holder, to ``pack_target`` when given) on or before the scenario's date, else at
  the earliest report after it (the nearest measurement); a status reported as text
  ("paused") is read through the lever's ``levels`` map.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.model.mediation_setup import DraftPoint, Lever, MediationSetup
from parley.model.scenario import Scenario, ScenarioError


def complete_from_case(
    setup: MediationSetup, case: str, scenario: Scenario, source: Path
) -> MediationSetup:
    """``setup`` with its opening draft and opening lever levels taken from ``case``."""
    from parley.cases import load_case

    pack = load_case(case)
    as_of = date.fromisoformat(scenario.metadata.get("as_of", date.max.isoformat()))
    update: dict = {}
    if not setup.opening and setup.opening_document:
        docs = {d.id: d for d in pack.documents}
        if setup.opening_document in docs:
            doc = docs[setup.opening_document]
            update["opening"] = _points(doc, scenario)
            update["opening_name"] = doc.name
        elif setup.opening_context is None:
            raise ScenarioError(
                f"{source}: opening_document: case {case!r} has no document "
                f"{setup.opening_document!r} (and no opening_context to fall back on)"
            )
    if "opening" not in update and not setup.opening and setup.opening_context:
        update["opening"] = _context_points(case, setup, scenario)
        update["opening_name"] = f"{setup.mediator} positions in {setup.opening_context}"
    update["levers"] = [_opening_level(lv, pack, as_of, source) for lv in setup.levers]
    return setup.model_copy(update=update)


def _points(doc, scenario: Scenario) -> list[DraftPoint]:
    known = {i.key for i in scenario.issues}
    out = []
    for p in doc.points:
        values: dict[str, list[float]] = {}
        for s in p.sets:
            if s.issue not in known:
                continue
            v = scenario.issue(s.issue).value(s.option if s.option is not None else s.value)
            values.setdefault(s.issue, []).append(v)
        out.append(
            DraftPoint(
                number=p.number,
                summary=p.summary,
                sets={k: sum(v) / len(v) for k, v in values.items()},
            )
        )
    return out


def _context_points(case: str, setup: MediationSetup, scenario: Scenario) -> list[DraftPoint]:
    from parley.model.from_case import scenario_from_case

    ctx = scenario_from_case(case, context=setup.opening_context)
    med = setup.mediator or scenario.actors[0].id
    try:
        actor = ctx.actor(med)
    except KeyError:
        raise ScenarioError(
            f"case {case!r}: no positions of {med!r} in context {setup.opening_context!r}"
        ) from None
    return [
        DraftPoint(number=n + 1, summary=ctx.issue(k).name or k, sets={k: st.position})
        for n, (k, st) in enumerate(actor.stances.items())
    ]


def _opening_level(lever: Lever, pack, as_of: date, source: Path) -> Lever:
    if lever.pack_key is None or 0 in lever.schedule:
        return lever
    reports = [
        r
        for r in pack.levers
        if r.key == lever.pack_key
        and (lever.holder is None or r.holder == lever.holder)
        and (lever.pack_target is None or r.target == lever.pack_target)
    ]
    if not reports:
        raise ScenarioError(f"{source}: lever {lever.key}: the pack reports no {lever.pack_key!r}")
    before = [r for r in reports if r.date <= as_of]
    latest = max(before, key=lambda r: r.date) if before else min(reports, key=lambda r: r.date)
    value = latest.value
    if isinstance(value, str):
        if value not in lever.levels:
            raise ScenarioError(
                f"{source}: lever {lever.key}: no level for the reported status {value!r}"
            )
        value = lever.levels[value]
    lo, hi = lever.scale
    level = min(max(float(value), lo), hi)
    origin = f"{latest.unit}, {latest.date.isoformat()}"
    return lever.model_copy(
        update={
            "schedule": {0: level, **lever.schedule},
            "source": (lever.source + "; " if lever.source else "") + f"opening: {origin}",
        }
    )
