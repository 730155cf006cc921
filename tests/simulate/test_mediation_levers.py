"""Levers: schedules, carrot and stick, and what pressure does to BATNAs and the zone."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_mediation import scenario

from parley.errors import ParleyError
from parley.model.mediation_setup import DraftPoint, Lever, MediationSetup
from parley.model.scenario import Distribution
from parley.simulate.bargaining import enumerate_packages, issue_grids
from parley.simulate.levers import LeverPlan, parse_lever_option
from parley.simulate.mediation import Mediation, lever_sensitivity
from parley.simulate.utility import Utilities


def pressure_lever(**kw) -> Lever:
    return Lever(
        key="sanctions",
        scale=(1, 10),
        effects={"a": {"disagreement": -0.03}},
        **kw,
    )


def hard_case():
    """'a' needs pressure: no value of x beats its high no-deal utility until sanctions rise."""
    return scenario(
        {
            "med": (1.0, {"x": (40, 1.0, None, None)}),
            "a": (1.0, {"x": (100, 1.0, 70, None)}),
            "b": (1.0, {"x": (0, 1.0, 50, None)}),
        },
        ["x"],
    )


def test_schedule_steps_at_the_given_rounds():
    lv = pressure_lever(schedule={0: 3, 4: 7})
    assert [lv.level_at(r) for r in range(6)] == [3, 3, 3, 3, 7, 7]
    with pytest.raises(ValueError, match="outside its scale"):
        pressure_lever(schedule={0: 11})


def test_parse_lever_option():
    known = {"sanctions": pressure_lever(schedule={0: 3})}
    lv = parse_lever_option("sanctions=3@0,7@4", known)
    assert lv.schedule == {0: 3.0, 4: 7.0} and lv.effects == known["sanctions"].effects
    for bad, msg in (
        ("sanctions", "expected"),
        ("oil=3@0", "unknown lever"),
        ("sanctions=x@1", "not LEVEL@ROUND"),
        ("sanctions=30@1", "outside"),
    ):
        with pytest.raises(ParleyError, match=msg):
            parse_lever_option(bad, known)


@settings(max_examples=50, deadline=None)
@given(
    st.floats(-0.05, -0.001),
    st.floats(1, 10),
    st.floats(0, 5),
    st.lists(st.sampled_from([0, 20, 40, 60, 80, 100]), min_size=6, max_size=6),
)
def test_more_pressure_lowers_the_batna_and_only_widens_the_zone(effect, level, extra, pos):
    """Raising a lever whose effect on a party is negative lowers that party's no-deal utility,
    and every package all parties accepted before is still accepted by all."""
    sc = scenario(
        {
            "med": (1.0, {"x": (pos[0], 0.5, None, None), "y": (pos[1], 0.5, None, None)}),
            "a": (1.0, {"x": (pos[2], 0.7, 50, None), "y": (pos[3], 0.3, 50, None)}),
            "b": (1.0, {"x": (pos[4], 0.4, 50, None), "y": (pos[5], 0.6, 50, None)}),
        },
        ["x", "y"],
    )
    lv = Lever(key="s", scale=(0, 20), schedule={0: level, 1: level + extra},
               effects={"a": {"disagreement": effect}})  # fmt: skip
    plan = LeverPlan.compile([lv], ["med", "a", "b"], 2, 1, np.random.default_rng(0))
    ut = Utilities.from_scenario(sc)
    rows = np.array([0])
    d0 = plan.disagreement(
        ut.disagreement[None], plan.levels(np.array([0]), np.zeros((1, 1))), rows
    )
    d1 = plan.disagreement(
        ut.disagreement[None], plan.levels(np.array([1]), np.zeros((1, 1))), rows
    )
    assert d1[0, 1] <= d0[0, 1] + 1e-12  # the target's BATNA falls
    np.testing.assert_allclose(d1[0, [0, 2]], d0[0, [0, 2]])  # nobody else's moves
    pkgs = enumerate_packages(issue_grids(sc.to_arrays()))
    before = ut.with_disagreement(d0[0]).accepts(pkgs).all(-1)
    after = ut.with_disagreement(d1[0]).accepts(pkgs).all(-1)
    assert not (before & ~after).any()


def test_scheduled_pressure_turns_deadlock_into_agreement():
    sc = hard_case()
    calm = MediationSetup(mediator="med", levers=[pressure_lever(schedule={0: 1})])
    squeeze = MediationSetup(mediator="med", levers=[pressure_lever(schedule={0: 1, 2: 10})])
    r0 = Mediation(sc, calm).run()
    r1 = Mediation(sc, squeeze).run()
    assert not r0.agreed[0] and r1.agreed[0]
    assert r1.disagreement[0, 1] < r0.disagreement[0, 1]
    levels = [a.levers["sanctions"] for a in r1.answers]
    assert levels[0] == 1 and levels[-1] == 10


def test_carrot_and_stick_rises_while_rejecting_and_relieves_while_accepting():
    """The stick rises while the target refuses; relief comes while it accepts, as far as it
    does not undo the acceptance (relief that breaks the deal would be no carrot)."""
    sc = hard_case()
    lv = pressure_lever(schedule={0: 2}, strategy={"target": "a", "step": 1})
    res = Mediation(sc, MediationSetup(mediator="med", levers=[lv], max_rounds=12)).run()
    seen = [(a.accepted, a.levers["sanctions"]) for a in res.answers if a.party == "a"]
    for (acc, level), (_, nxt) in itertools.pairwise(seen):
        if acc:  # relief, unless relief would undo the acceptance
            assert nxt in (max(1, level - 1), level)
        else:
            assert nxt == min(10, level + 1)
    assert any(not acc for acc, _ in seen)  # the stick was used
    assert res.agreed[0]


def test_lever_sensitivity_names_the_lever_that_matters():
    sc = hard_case()
    for actor in sc.actors:
        actor.stances["x"].uncertainty["reservation"] = Distribution(
            dist="uniform", low=40, high=90
        )
    idle = Lever(key="idle", scale=(0, 10), schedule={0: 5})  # moves nobody
    setup = MediationSetup(
        mediator="med",
        levers=[idle, pressure_lever(schedule={0: 4})],
        opening=[DraftPoint(number=1, sets={"x": 40})],
    )
    sens = lever_sensitivity(sc, setup, runs=200, seed=3)
    assert next(iter(sens)) == "sanctions"
    assert sens["sanctions"]["up"] > 0 and sens["idle"]["effect"] == 0
