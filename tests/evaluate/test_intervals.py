"""Bootstrap intervals of gold-set F1 (``parley eval gold --ci``)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.evaluate.gold import PRF
from parley.evaluate.intervals import f1_interval, micro_f1

counts = st.builds(PRF, st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
articles = st.dictionaries(st.text("abcdefgh", min_size=1, max_size=6), counts, min_size=1)


def _per_article(scores: dict[str, PRF]) -> dict[str, dict[str, PRF]]:
    return {key: {"events": prf} for key, prf in scores.items()}


@given(st.lists(counts, min_size=1, max_size=8))
def test_micro_f1_is_the_f1_of_summed_counts(parts):
    total = sum(parts, PRF())
    array = np.array([[p.tp, p.fp, p.fn] for p in parts]).sum(axis=0)
    assert micro_f1(*array) == pytest.approx(total.f1)


@settings(max_examples=60, deadline=None)
@given(articles)
def test_interval_is_ordered_within_unit_range_and_reproducible(scores):
    per = _per_article(scores)
    low, high = f1_interval(per, "events", resamples=300)
    assert 0.0 <= low <= high <= 1.0
    assert f1_interval(per, "events", resamples=300) == (low, high)
    # Articles are resampled by name, not by the order they were scored in.
    assert f1_interval(dict(reversed(per.items())), "events", resamples=300) == (low, high)


@settings(max_examples=40, deadline=None)
@given(counts, st.integers(1, 6))
def test_identical_articles_leave_no_uncertainty(prf, n):
    per = _per_article({f"a{i}": prf for i in range(n)})
    low, high = f1_interval(per, "events", resamples=200)
    assert low == pytest.approx(prf.f1) and high == pytest.approx(prf.f1)


def test_a_larger_set_of_the_same_mix_gives_a_narrower_interval():
    mix = {"good": PRF(9, 1, 1), "bad": PRF(1, 5, 6), "mid": PRF(4, 2, 3)}
    small = _per_article(mix)
    large = _per_article({f"{k}{i}": v for i in range(8) for k, v in mix.items()})
    low_s, high_s = f1_interval(small, "events")
    low_l, high_l = f1_interval(large, "events")
    assert high_l - low_l < high_s - low_s
    # Both surround the F1 of the pooled counts.
    pooled = sum(mix.values(), PRF()).f1
    assert low_l < pooled < high_l


def test_bad_arguments_are_refused_with_the_reason():
    per = _per_article({"a": PRF(1, 0, 0)})
    with pytest.raises(ValueError, match="level"):
        f1_interval(per, "events", level=1.5)
    with pytest.raises(ValueError, match="stances"):
        f1_interval(per, "stances")
