"""The benchmark metric: hand-computed cases, properties, and a run on a slice of dev."""

from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from parley.errors import InputError
from parley.evaluate.quotes_benchmark import (
    Group,
    TokenIndex,
    evaluate_split,
    gold_groups,
    load_split,
    overlap_f1,
    score,
)

DATASET = Path(__file__).resolve().parents[2] / ".." / "shared" / "datasets" / "german-news-quotes"


def g(quote, speaker=(), cue=(), form="Direct", medium="Speech"):
    return Group(tuple(quote), {"speaker": tuple(speaker), "cue": tuple(cue)}, form, medium)


def test_perfect_prediction_scores_one_everywhere():
    gold = [g(range(0, 5), [6], [7]), g(range(10, 20), [21, 22], [23], "Indirect")]
    s = score([(list(gold), gold)])
    for prf in (s.message, s.roles, s.joint, s.form, s.speaker, s.exact, s.partial):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)


def test_partial_overlap_hand_computed():
    # Gold quote 0..9 (10 tokens), speaker [20,21]; system quote 5..14 (10), speaker [21].
    gold = [g(range(0, 10), [20, 21], [], "Indirect")]
    sys = [g(range(5, 15), [21], [], "Indirect")]
    s = score([(sys, gold)])
    assert s.message.precision == pytest.approx(0.5)
    assert s.message.recall == pytest.approx(0.5)
    assert s.speaker.precision == pytest.approx(1.0)
    assert s.speaker.recall == pytest.approx(0.5)
    # Roles: speaker gives P=1 (1/1), R=0.5; the empty cue contributes nothing.
    assert (s.roles.precision, s.roles.recall) == (pytest.approx(1.0), pytest.approx(0.5))
    # Joint macro over (quote, speaker): P=(0.5+1)/2, R=(0.5+0.5)/2.
    assert s.joint.precision == pytest.approx(0.75)
    assert s.joint.recall == pytest.approx(0.5)
    assert (s.exact.precision, s.partial.precision) == (0.0, 1.0)
    assert s.form.f1 == 1.0


def test_unmatched_quotes_count_as_false_positive_and_negative():
    gold = [g(range(0, 4)), g(range(10, 14))]
    sys = [g(range(0, 4)), g(range(30, 32)), g(range(40, 42))]
    s = score([(sys, gold)])
    # One exact pair; the assignment still pairs gold 10..13 with a disjoint prediction
    # (as the official script does) and leaves one prediction alone.
    assert s.message.precision == pytest.approx(1 / 3)
    assert s.message.recall == pytest.approx(1 / 2)
    assert (s.exact.precision, s.exact.recall) == (pytest.approx(1 / 3), 0.5)
    # Form compares types per pair, overlap or not: 2 of 3 predictions agree with their pair.
    assert s.form.precision == pytest.approx(2 / 3)


def test_type_breaks_ties_in_the_assignment():
    gold = [g(range(0, 4), form="Indirect"), g(range(0, 4), form="Direct")]
    sys = [g(range(0, 4), form="Direct")]
    s = score([(sys, gold)])
    assert s.by_type["Direct"].precision == 1.0
    assert s.form.precision == 1.0
    assert s.by_type["Indirect"].recall == 0.0


def test_token_index_maps_character_spans_onto_tokens():
    tokens = [
        {"id": 0, "charBegin": 0, "charEnd": 3},
        {"id": 1, "charBegin": 4, "charEnd": 9},
        {"id": 2, "charBegin": 9, "charEnd": 10},
        {"id": 3, "charBegin": 11, "charEnd": 15},
    ]
    index = TokenIndex(tokens)
    assert index.tokens([(4, 10)]) == (1, 2)
    assert index.tokens([(0, 2), (12, 13)]) == (0, 3)
    assert index.tokens([(3, 4)]) == ()


def test_missing_split_is_a_readable_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_split(tmp_path, "dev")
    with pytest.raises(InputError, match="unknown split"):
        load_split(tmp_path, "validation")
    (tmp_path / "dev.jsonl").write_text('{"x": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"dev\.jsonl:1"):
        load_split(tmp_path, "dev")


spans = st.lists(st.integers(0, 40), min_size=1, max_size=12).map(lambda xs: tuple(sorted(set(xs))))
groups = st.lists(
    st.builds(
        g,
        spans,
        speaker=st.lists(st.integers(0, 40), max_size=3),
        form=st.sampled_from(["Direct", "Indirect", "Reported"]),
    ),
    max_size=5,
)


@given(groups, groups)
def test_scores_are_fractions(sys, gold):
    s = score([(sys, gold)])
    for prf in (s.message, s.roles, s.joint, s.form, s.speaker, s.exact, s.partial):
        assert 0.0 <= prf.precision <= 1.0 and 0.0 <= prf.recall <= 1.0
        assert 0.0 <= prf.f1 <= 1.0


@given(groups)
def test_a_prediction_equal_to_gold_is_perfect(gold):
    s = score([(list(gold), gold)])
    if gold:
        assert s.message.f1 == pytest.approx(1.0)
        assert s.exact.f1 == pytest.approx(1.0)


def _unique_best_pairing(sys, gold):
    """Is one pairing strictly best? Where two pairings tie for the best total overlap
    (even with disjoint quotes: {1,2,3,8} overlaps {1} and {2,...,7} with the same F1),
    the official assignment may pick either, and after a swap the other one."""
    small, large = (sys, gold) if len(sys) <= len(gold) else (gold, sys)
    totals = sorted(
        (
            sum(overlap_f1(a.quote, large[j].quote) for a, j in zip(small, chosen, strict=True))
            for chosen in permutations(range(len(large)), len(small))
        ),
        reverse=True,
    )
    return len(totals) < 2 or totals[0] - totals[1] > 1e-9


@given(groups, groups)
def test_swapping_system_and_gold_swaps_precision_and_recall(sys, gold):
    assume(_unique_best_pairing(sys, gold))
    a, b = score([(sys, gold)]), score([(gold, sys)])
    assert a.message.precision == pytest.approx(b.message.recall)
    assert a.exact.recall == pytest.approx(b.exact.precision)


@pytest.mark.shared
def test_eval_runs_on_a_slice_of_dev_and_gold_scores_perfectly():
    if not (DATASET / "dev.jsonl").is_file():
        pytest.skip("german-news-quotes dataset not present")
    s = evaluate_split(DATASET, "dev", limit=10)
    assert s.n_docs == 10 and s.n_gold > 0
    for prf in (s.message, s.roles, s.joint, s.form):
        assert 0.0 <= prf.f1 <= 1.0
    docs = load_split(DATASET, "dev")[:10]
    perfect = score((gold_groups(d), gold_groups(d)) for d in docs)
    assert perfect.message.f1 == pytest.approx(1.0)
    assert perfect.joint.f1 == pytest.approx(1.0)
