"""Protocol invariants of the single-negotiating-text mediation engine."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.model.mediation_setup import DraftPoint, MediationSetup
from parley.model.scenario import Distribution, Scenario
from parley.simulate.mediation import AGREED, Mediation
from parley.simulate.utility import Utilities


def scenario(actors: dict, issues: list[str], options: bool = False, sq: float | None = None):
    """A scenario from {actor: (capability, {issue: (position, salience, reservation, red)})}."""
    return Scenario.from_dict(
        {
            "name": "t",
            "issues": [
                {
                    "key": k,
                    **(
                        {"options": [{"key": f"{k}{v}", "value": v} for v in range(0, 101, 20)]}
                        if options
                        else {}
                    ),
                    **({"status_quo": sq} if sq is not None else {}),
                }
                for k in issues
            ],
            "actors": [
                {
                    "id": a,
                    "capability": cap,
                    "stances": {
                        k: {
                            "position": p,
                            "salience": s,
                            **({"reservation": r} if r is not None else {}),
                            **({"red_line": red} if red is not None else {}),
                        }
                        for k, (p, s, r, red) in stances.items()
                    },
                }
                for a, (cap, stances) in actors.items()
            ],
        }
    )


def three_parties(red_b: float | None = 40.0) -> Scenario:
    return scenario(
        {
            "med": (1.0, {"x": (70, 0.5, 20, None), "y": (50, 0.5, 10, None)}),
            "a": (0.8, {"x": (100, 0.6, 40, None), "y": (0, 0.4, 60, None)}),
            "b": (0.6, {"x": (0, 0.7, 70, red_b), "y": (100, 0.3, 30, None)}),
        },
        ["x", "y"],
    )


OPENING_A = [DraftPoint(number=1, sets={"x": 100}), DraftPoint(number=2, sets={"y": 0})]


def test_mediator_revises_after_rejections_and_reaches_agreement():
    res = Mediation(three_parties(), MediationSetup(mediator="med", opening=OPENING_A)).run()
    assert res.status[0] == AGREED
    assert len(res.drafts) >= 2
    first = res.answers[0]
    assert first.party == "a" and first.accepted  # the opening is a's ideal
    rejected = [a for a in res.answers if not a.accepted]
    assert rejected and rejected[0].party == "b"
    assert rejected[0].rejects[0]["red_line"]  # b cites its red line on point 1 (x)
    # every draft after the opening says what changed
    assert all(d.changes for d in res.drafts[1:])


def test_a_told_red_line_is_never_crossed_again():
    res = Mediation(three_parties(), MediationSetup(mediator="med", opening=OPENING_A)).run()
    told_at = next(i for i, d in enumerate(res.drafts) if ("b", "x") in d.told_red_lines)
    for d in res.drafts[told_at:]:
        assert d.package["x"] is None or d.package["x"] <= 40 + 1e-9


def test_accepted_draft_lies_inside_every_zone():
    sc = three_parties()
    res = Mediation(sc, MediationSetup(mediator="med", opening=OPENING_A)).run()
    ut = Utilities.from_scenario(sc)
    pkg = res.package[0]
    assert not np.isnan(pkg).any()  # all issues required by default: fully settled
    assert ut.accepts(pkg[None])[0].all()
    # the engine's incremental utilities agree with the shared utility model
    np.testing.assert_allclose(res.utility[0], ut.utility(pkg[None])[0], atol=1e-9)


def test_same_seed_same_history_and_outcomes():
    sc = three_parties()
    for actor in sc.actors:
        for stance in actor.stances.values():
            stance.uncertainty["position"] = Distribution(dist="uniform", low=0, high=100)
    setup = MediationSetup(mediator="med", opening=OPENING_A)
    r1 = Mediation(sc, setup).run(200, seed=5)
    r2 = Mediation(sc, setup).run(200, seed=5)
    assert [d.__dict__ for d in r1.drafts] == [d.__dict__ for d in r2.drafts]
    assert [a.__dict__ for a in r1.answers] == [a.__dict__ for a in r2.answers]
    np.testing.assert_array_equal(r1.package, r2.package)
    np.testing.assert_array_equal(r1.status, r2.status)
    r3 = Mediation(sc, setup).run(200, seed=6)
    assert not np.array_equal(np.nan_to_num(r1.package[1:]), np.nan_to_num(r3.package[1:]))
    # draw 0 is the point estimate whatever the seed
    np.testing.assert_array_equal(r1.package[0], r3.package[0])


def test_visit_order_and_mediator_are_parameters():
    sc = three_parties()
    res = Mediation(sc, MediationSetup(mediator="med", order=["b", "a"], opening=OPENING_A)).run()
    assert res.answers[0].party == "b"
    assert res.order == ["b", "a"] and res.mediator == "med"
    with pytest.raises(Exception, match="unknown actor"):
        Mediation(sc, MediationSetup(mediator="nobody"))


def test_conflicting_red_lines_on_a_required_issue_deadlock():
    sc = scenario(
        {
            "med": (1.0, {"x": (50, 1.0, None, None)}),
            "a": (1.0, {"x": (100, 1.0, None, 80)}),
            "b": (1.0, {"x": (0, 1.0, None, 20)}),
        },
        ["x"],
    )
    res = Mediation(sc, MediationSetup(mediator="med")).run()
    assert res.summary()["outcomes"]["deadlock"] == 1.0
    assert not res.agreed.any()


@st.composite
def random_case(draw):
    n_i = draw(st.integers(2, 4))
    issues = [f"i{j}" for j in range(n_i)]
    actors = {}
    for a in ("med", "p", "q", "r")[: draw(st.integers(3, 4))]:
        stances = {}
        for k in issues:
            pos = draw(st.sampled_from([0, 20, 40, 60, 80, 100]))
            sal = draw(st.floats(0.1, 1.0))
            res = draw(st.none() | st.sampled_from([0, 20, 40, 60, 80, 100]))
            red = None
            if a != "med" and draw(st.booleans()):
                red = float(np.clip(pos + draw(st.sampled_from([-60, -40, 40, 60])), 0, 100))
            stances[k] = (pos, sal, res, red)
        actors[a] = (draw(st.floats(0.2, 1.0)), stances)
    return scenario(actors, issues, options=True, sq=draw(st.sampled_from([0, 50, 100])))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_case(), st.integers(0, 2**16))
def test_invariants_hold_on_random_scenarios(sc, seed):
    res = Mediation(sc, MediationSetup(mediator="med", max_rounds=6)).run(1, seed)
    ut = Utilities.from_scenario(sc)
    arrays = sc.to_arrays()
    keys = arrays.issue_keys
    # 1. no draft crosses a red line the mediator has been told of
    for d in res.drafts:
        for party, issue in d.told_red_lines:
            a, j = arrays.actor_ids.index(party), keys.index(issue)
            v, red, pos = d.package[issue], arrays.red_line[a, j], arrays.position[a, j]
            if v is None:
                continue
            assert not (red <= pos and v < red - 1e-9) and not (red >= pos and v > red + 1e-9)
    # 2. an agreement lies inside every party's zone, and the mediator's too
    if res.status[0] == AGREED:
        pkg = res.package[0]
        assert ut.accepts(pkg[None])[0].all()
    # 3. the history is consistent: each draft's diff leads from the previous package
    for prev, cur in zip(res.drafts, res.drafts[1:], strict=False):
        after = dict(prev.package)
        for c in cur.changes:
            assert after[c["issue"]] == c["old"]
            after[c["issue"]] = c["new"]
        assert after == cur.package
