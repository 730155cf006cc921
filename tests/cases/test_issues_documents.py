"""Issues, reported positions and documents of ukraine-2025: complete and machine-readable."""

from datetime import date
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.cases import load_case, slugify
from parley.cases.schema import SLUG_RE

PARTIES = ("russia", "ukraine", "united-states", "europe")


@cache
def _pack():
    return load_case("ukraine-2025")


@pytest.fixture(scope="module")
def case():
    return _pack()


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2025, 3, 31), "March"),
        (date(2025, 11, 30), "November"),
        (date(2025, 12, 31), "December"),
    ],
)
def test_every_party_has_a_position_on_every_issue_in_each_period(case, day, label):
    table = case.positions_at(day)
    missing = [(p, i.key) for p in PARTIES for i in case.issues if (p, i.key) not in table]
    assert not missing, f"{label}: {missing}"


def test_positions_cover_the_three_rounds_and_carry_sources(case):
    months = {(p.date.year, p.date.month) for p in case.positions}
    assert {(2025, 3), (2025, 11), (2025, 12)} <= months
    for pos in case.positions:
        assert pos.source and all(s.outlet and s.date <= date(2026, 1, 31) for s in pos.source)
        assert pos.party in {p.id for p in case.parties}


def test_disagreeing_reports_of_one_day_are_all_kept(case):
    reports = case.positions_at(date(2025, 11, 23))[("europe", "army-size")]
    assert sorted(r.position for r in reports) == [0, 20]
    assert {s.outlet.split(" ")[0] for r in reports for s in r.source} >= {"Reuters", "The"}


def test_later_reports_replace_earlier_ones(case):
    march = case.positions_at(date(2025, 3, 31))[("united-states", "nato-membership")]
    nov = case.positions_at(date(2025, 11, 21))[("united-states", "nato-membership")]
    assert [p.position for p in march] == [75] and [p.position for p in nov] == [100]


def test_army_cap_numbers_map_onto_the_scale(case):
    quantity = case.issue("army-size").quantity
    assert quantity.to_scale(600_000) == 40
    assert quantity.to_scale(800_000) == 20
    assert quantity.to_scale(2_000_000) == 0
    assert quantity.to_amount(95) == 85_000


@given(st.floats(min_value=50_000, max_value=1_000_000))
def test_quantity_mapping_round_trips(amount):
    quantity = _pack().issue("army-size").quantity
    assert quantity.to_amount(quantity.to_scale(amount)) == pytest.approx(amount, rel=1e-9)


@given(st.text(max_size=40))
def test_slugify_yields_slugs_and_is_idempotent(name):
    slug = slugify(name)
    assert slug == "" or SLUG_RE.match(slug)
    assert slugify(slug) == slug


def test_documents_have_their_reported_point_counts_and_lineage(case):
    counts = {d.id: d.point_count for d in case.documents}
    assert counts["28-point-plan"] == 28 and counts["geneva-framework"] == 19
    assert counts["european-counter-proposal"] == 24 and counts["20-point-plan"] == 20
    plan = case.document("28-point-plan")
    assert [p.number for p in plan.points] == list(range(1, 29))
    assert case.document("geneva-framework").parent == "28-point-plan"
    assert case.document("20-point-plan").status == "official"
    assert case.document("28-point-plan").status == "leaked"


def test_28_point_plan_sets_the_reported_values(case):
    sets = {
        (v.issue, v.value if v.value is not None else case.issue(v.issue).option(v.option).value)
        for p in case.document("28-point-plan").points
        for v in p.sets
    }
    assert ("army-size", 40) in sets and ("nato-membership", 100) in sets
    assert ("territory-donbas", 90) in sets and ("amnesty", 100) in sets
    assert ("elections-ukraine", 70) in sets


def test_positions_feed_the_simulation_scenario(case):
    from_case = pytest.importorskip("parley.model.from_case")  # simcore branch
    scenario = from_case.scenario_from_case(case, on=date(2025, 12, 31))
    assert {a.id for a in scenario.actors} == set(PARTIES)
    assert len(scenario.issues) == 20
    ukraine = scenario.actor("ukraine")
    assert ukraine.stances["army-size"].position == 20
    assert scenario.actor("russia").stances["territory-donbas"].red_line == 90
