"""Staged agreements, linked issues (conditional limits) and veto players."""

from __future__ import annotations

import numpy as np
import pytest
from test_mediation import scenario

from parley.model.mediation_setup import ConditionalLimit, MediationSetup, Stage, Veto
from parley.model.scenario import Distribution, ScenarioError
from parley.simulate.mediation import AGREED, Mediation
from parley.simulate.utility import Utilities


def four_issues():
    """cease (ceasefire), mon (monitoring), terr (territory), guar (guarantees)."""
    return scenario(
        {
            "med": (1.0, {"cease": (40, 0.3, None, None), "mon": (50, 0.2, None, None),
                          "terr": (60, 0.3, None, None), "guar": (50, 0.2, None, None)}),
            "east": (1.0, {"cease": (100, 0.3, 20, None), "mon": (100, 0.1, 0, None),
                           "terr": (100, 0.4, 20, None), "guar": (100, 0.2, 0, None)}),
            "west": (0.7, {"cease": (0, 0.3, 80, None), "mon": (0, 0.2, 100, None),
                           "terr": (0, 0.3, 80, 60), "guar": (0, 0.2, 100, None)}),
        },
        ["cease", "mon", "terr", "guar"],
    )  # fmt: skip


STAGES = [Stage(name="ceasefire", issues=["cease", "mon"]), Stage(name="treaty")]


def test_stop_after_the_ceasefire_settles_only_its_issues():
    setup = MediationSetup(mediator="med", stages=STAGES, stop_after="ceasefire")
    res = Mediation(four_issues(), setup).run()
    assert res.stages == ["ceasefire"]
    assert res.status[0] == AGREED and res.stage_reached[0] == 0
    pkg = dict(zip(res.issue_keys, res.package[0], strict=True))
    assert not np.isnan(pkg["cease"]) and not np.isnan(pkg["mon"])
    assert np.isnan(pkg["terr"]) and np.isnan(pkg["guar"])
    assert {c["issue"] for d in res.drafts for c in d.changes} <= {"cease", "mon"}


def test_treaty_stage_keeps_the_ceasefire_terms():
    sc = four_issues()
    one = Mediation(sc, MediationSetup(mediator="med", stages=STAGES, stop_after="ceasefire"))
    two = Mediation(sc, MediationSetup(mediator="med", stages=STAGES))
    r1, r2 = one.run(), two.run()
    assert r2.stages == ["ceasefire", "treaty"]
    assert r2.stage_reached[0] == 1 and r2.agreed[0]
    j = [r2.issue_keys.index(k) for k in ("cease", "mon")]
    np.testing.assert_array_equal(r2.package[0, j], r1.package[0, j])
    treaty_drafts = [d for d in r2.drafts if d.stage == "treaty"]
    assert treaty_drafts and all(
        c["issue"] in ("terr", "guar") for d in treaty_drafts for c in d.changes
    )
    assert Utilities.from_scenario(sc).accepts(r2.package[0][None])[0].all()


def test_a_failed_first_stage_never_opens_the_second():
    sc = four_issues()
    sc.actor("east").stances["cease"].red_line = 90  # east: no ceasefire below 90
    sc.actor("west").stances["cease"].red_line = 30  # west: nothing above 30
    res = Mediation(sc, MediationSetup(mediator="med", stages=STAGES)).run()
    assert res.stage_reached[0] == -1 and not res.agreed[0]
    assert all(d.stage == "ceasefire" for d in res.drafts)


def test_dropped_points_are_only_optional_ones():
    setup = MediationSetup(mediator="med", stages=[Stage(name="all", required=["terr"])])
    res = Mediation(four_issues(), setup).run(100, seed=1)
    assert not np.isnan(res.package[res.agreed, res.issue_keys.index("terr")]).any()


def test_conditional_limit_binds_only_while_its_condition_holds():
    """west accepts terr above 30 only while guar is at most 40 (strong guarantees)."""
    sc = four_issues()
    limit = ConditionalLimit(party="west", issue="terr", limit=30, when_issue="guar", when=40)
    res = Mediation(sc, MediationSetup(mediator="med", limits=[limit])).run()
    assert res.agreed[0]
    pkg = dict(zip(res.issue_keys, res.package[0], strict=True))
    assert pkg["guar"] <= 40 or pkg["terr"] <= 30


def test_interval_veto_keeps_agreements_inside_its_bounds():
    veto = Veto(id="eu", kind="interval", bounds={"guar": (0, 30)})
    res = Mediation(four_issues(), MediationSetup(mediator="med", vetoes=[veto])).run(50, 2)
    assert res.agreed.any()
    j = res.issue_keys.index("guar")
    assert (res.package[res.agreed, j] <= 30 + 1e-9).all()
    assert any("veto eu" in d.told for d in res.drafts) or res.package[0, j] <= 30


def test_referendum_passes_or_the_concession_is_withdrawn():
    """A vote held when terr > 40; support falls with terr; uncertain base support."""
    veto = Veto(
        id="referendum",
        kind="vote",
        trigger_issue="terr",
        trigger=40,
        support=0.9,
        support_uncertainty=Distribution(dist="uniform", low=0.6, high=1.1),
        slopes={"terr": -0.01},
        threshold=0.5,
    )
    res = Mediation(four_issues(), MediationSetup(mediator="med", vetoes=[veto])).run(300, 4)
    assert res.agreed.mean() > 0.5
    terr = res.package[res.agreed, res.issue_keys.index("terr")]
    # pass rule: terr ≤ 40 (no vote) or support − 0.01·terr ≥ 0.5, support at most 1.1
    assert (terr <= np.maximum(40, (1.1 - 0.5) / 0.01) + 1e-9).all()
    assert (terr[:1] <= max(40, (0.9 - 0.5) / 0.01) + 1e-9).all()  # draw 0: point estimate


def test_a_veto_that_nothing_satisfies_blocks_agreement():
    sc = four_issues()
    sc.actor("east").stances["guar"].red_line = 80  # east: guarantees only weak
    veto = Veto(id="eu", kind="interval", bounds={"guar": (0, 30)})
    res = Mediation(sc, MediationSetup(mediator="med", vetoes=[veto])).run()
    assert not res.agreed[0]


def test_setup_names_are_checked_against_the_scenario():
    sc = four_issues()
    for bad, msg in (
        (MediationSetup(order=["med", "east"], mediator="med"), "visits itself"),
        (MediationSetup(stages=[Stage(name="x", issues=["nope"])]), "unknown issue"),
        (MediationSetup(stop_after="nope", stages=STAGES), "no stage named"),
        (MediationSetup(vetoes=[Veto(id="v", bounds={"nope": (0, 1)})]), "unknown issue"),
    ):
        with pytest.raises(ScenarioError, match=msg):
            Mediation(sc, bad)
