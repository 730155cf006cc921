"""Properties of the evidence update rule, on generated evidence (no knowledge base needed)."""

from datetime import date, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.cases import load_case
from parley.model.evidence import NOISE, Evidence, estimate, observe, priors

PACK = load_case("ukraine-2025")
PAIRS = sorted(priors(PACK))
KINDS = sorted(NOISE)
START = date(2025, 11, 1)


@st.composite
def evidence_items(draw):
    party, issue = draw(st.sampled_from(PAIRS))
    article = draw(st.integers(0, 5))
    day = START + timedelta(days=draw(st.integers(0, 90)))
    return Evidence(
        party=party,
        issue=issue,
        actor=party,
        stance=draw(st.sampled_from(["demand", "offer", "accept", "reject", "open"])),
        value=None,
        article=f"{article:016x}",
        published=day,
        title=None,
        start=0,
        end=1,
        sentence="x",
        observation=draw(st.floats(0, 100)),
        sd=NOISE[draw(st.sampled_from(KINDS))],
        rule="generated",
    )


def _dated_consistently(items):
    """An article has one publication date: give each the date of its first item."""
    first = {}
    for e in items:
        first.setdefault(e.article, e.published)
    return [
        Evidence(
            **{**{f: getattr(e, f) for f in Evidence.__slots__}, "published": first[e.article]}
        )
        for e in items
    ]


def _positions(items):
    return estimate(PACK, items).scenario.to_arrays().position


@settings(max_examples=40, deadline=None)
@given(st.lists(evidence_items(), max_size=25))
def test_positions_stay_on_the_scale(items):
    upd = estimate(PACK, _dated_consistently(items))
    pos = upd.scenario.to_arrays().position
    assert np.all((pos >= 0) & (pos <= 100))
    for est in upd.estimates.values():
        assert est.sd > 0
        shares = sum(s for _e, s in est.evidence)
        assert 0 <= shares <= 1 + 1e-9


@settings(max_examples=40, deadline=None)
@given(st.lists(evidence_items(), min_size=1, max_size=25), st.randoms())
def test_order_of_the_evidence_does_not_matter(items, random):
    items = _dated_consistently(items)
    shuffled = list(items)
    random.shuffle(shuffled)
    assert np.allclose(_positions(items), _positions(shuffled), atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(evidence_items())
def test_one_observation_pulls_the_position_toward_it_and_no_further(item):
    upd = estimate(PACK, [item])
    est = upd.estimates[item.party, item.issue]
    lo, hi = sorted((est.prior.position, item.observation))
    assert lo - 1e-9 <= est.position <= hi + 1e-9


@settings(max_examples=40, deadline=None)
@given(evidence_items(), st.integers(1, 200))
def test_the_same_evidence_counts_less_when_older(item, days):
    newer = estimate(PACK, [item]).estimates[item.party, item.issue]
    older_item = Evidence(
        **{
            **{f: getattr(item, f) for f in Evidence.__slots__},
            "published": item.published - timedelta(days=days),
        }
    )
    older = estimate(PACK, [older_item]).estimates[item.party, item.issue]
    if newer.prior.reported <= older_item.published:
        assert abs(older.moved) <= abs(newer.moved) + 1e-9
    assert older.evidence[0][1] <= newer.evidence[0][1] + 1e-12


@given(
    st.sampled_from(["demand", "offer", "accept", "reject", "open", "conditional"]),
    st.floats(0, 100),
    st.none() | st.floats(0, 100),
    st.none() | st.floats(0, 100),
)
def test_every_observation_is_on_the_scale_and_a_rejection_keeps_its_side(
    stance, prior, value, reference
):
    obs = observe(stance, prior, value=value, reference=reference)
    if obs is None:
        return
    x, sd, _how = obs
    assert 0 <= x <= 100 and sd > 0
    target = value if value is not None else reference
    if stance == "reject":
        # The party stands on its prior's side of what it rejects, never on the other side.
        # (Compared as signs: a product of two tiny differences can underflow to 0.)
        assert x != target and (x < target) == (prior < target)
        assert abs(x - target) >= min(abs(prior - target), 10.0) - 1e-9
