"""The gold scorer counts TP/FP/FN exactly as documented, per kind of record."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from parley.cli.app import app
from parley.errors import InputError
from parley.evaluate.gold import PRF, group_records, match_events, match_quotes, score

ART = {"kind": "article", "id": "a1", "source": "seeds/000_x.txt"}


def _mention(actor: str, type_: str = "person", art: str = "a1") -> dict:
    return {"kind": "mention", "article": art, "start": 0, "end": 1, "actor": actor, "type": type_}


def _quote(start: int, end: int, speaker: str | None, art: str = "a1") -> dict:
    return {"kind": "quote", "article": art, "start": start, "end": end, "speaker": speaker}


def _event(type_: str, participants: list[str], date: str | None, mode: str | None = None) -> dict:
    return {
        "kind": "event",
        "article": "a1",
        "start": 0,
        "end": 1,
        "type": type_,
        "mode": mode,
        "participants": participants,
        "date": date,
    }


def _stance(actor: str, issue: str, stance: str, value=None) -> dict:
    return {
        "kind": "stance",
        "article": "a1",
        "start": 0,
        "end": 1,
        "actor": actor,
        "issue": issue,
        "stance": stance,
        "value": value,
    }


def _score(gold: list[dict], pred: list[dict], pred_article: dict | None = None, **kw):
    g = group_records([ART, *gold])
    p = group_records([pred_article or ART, *pred])
    return score(g, p, **kw).scores


def test_prf_arithmetic():
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 1.0  # nothing to find and nothing invented
    assert PRF(fn=2).precision == 0.0 and PRF(fp=2).recall == 0.0


def test_actor_sets_are_compared_per_article():
    gold = [_mention("vladimir-putin"), _mention("vladimir-putin"), _mention("yuri-ushakov"),
            _mention("russia", "state")]  # fmt: skip
    pred = [_mention("vladimir-putin"), _mention("steve-witkoff"), _mention("russia", "state")]
    s = _score(gold, pred)
    assert (s["actors"].tp, s["actors"].fp, s["actors"].fn) == (2, 1, 1)
    assert (s["persons"].tp, s["persons"].fp, s["persons"].fn) == (1, 1, 1)
    assert s["persons"].f1 == pytest.approx(0.5)


def test_articles_align_by_source_basename_not_id():
    # Same file, different cleaner version: the id differs, the basename does not.
    pred_article = {"kind": "article", "id": "zz", "source": "/other/dir/000_x.txt"}
    s = _score([_mention("donald-trump")], [_mention("donald-trump", art="zz")], pred_article)
    assert s["actors"] == PRF(1, 0, 0)


def test_missing_prediction_counts_all_gold_as_missed():
    g = group_records([ART, _mention("donald-trump"), _quote(0, 10, "donald-trump")])
    report = score(g, {})
    assert report.unmatched == ["000_x.txt"]
    assert report.scores["actors"] == PRF(0, 0, 1)
    assert report.scores["quotes"] == PRF(0, 0, 1)


def test_quotes_match_by_overlap_and_speakers_are_checked_on_pairs():
    gold = [
        _quote(10, 50, "yuri-ushakov"),
        _quote(60, 90, "steve-witkoff"),
        _quote(100, 120, "donald-trump"),
    ]
    pred = [
        _quote(12, 48, "yuri-ushakov"),  # inside gold 1, right speaker
        _quote(85, 95, "yuri-ushakov"),  # partial overlap with gold 2, wrong speaker
        _quote(200, 220, "donald-trump"),  # matches nothing
    ]
    s = _score(gold, pred)
    assert s["quotes"] == PRF(tp=2, fp=1, fn=1)
    assert s["quote speaker"] == PRF(tp=1, fp=2, fn=2)
    assert s["quote speaker"].f1 == pytest.approx(1 / 3)


def test_quote_matching_is_one_to_one_and_prefers_larger_overlap():
    gold = [_quote(0, 10, "a"), _quote(10, 40, "b")]
    pred = [_quote(5, 40, "b")]  # overlaps both; the larger overlap is gold 2
    pairs = match_quotes(gold, pred)
    assert [(g["speaker"], p["speaker"]) for g, p in pairs] == [("b", "b")]
    assert _score(gold, pred)["quotes"] == PRF(1, 0, 1)


def test_touching_spans_do_not_overlap():
    assert match_quotes([_quote(0, 10, "a")], [_quote(10, 20, "a")]) == []


def test_events_are_deduplicated_keys_and_consult_mode_is_stricter():
    meeting = ["steve-witkoff", "vladimir-putin"]
    gold = [
        _event("CONSULT", meeting, "2025-12-02", "meet"),
        _event("CONSULT", ["donald-trump", "vladimir-putin"], "2025-10-16", "phone"),
        _event("LEAK", ["bloomberg"], "2025-11-25"),
    ]
    pred = [
        _event("CONSULT", list(reversed(meeting)), "2025-12-02", "visit"),  # mode differs
        _event("CONSULT", meeting, "2025-12-02", "visit"),  # same meeting again
        _event("CONSULT", ["donald-trump", "vladimir-putin"], "2025-10-15", "phone"),  # date off
    ]
    s = _score(gold, pred)
    assert s["events"] == PRF(tp=1, fp=1, fn=2)
    assert s["consult"] == PRF(tp=1, fp=1, fn=1)
    assert s["consult + mode"] == PRF(tp=0, fp=2, fn=2)
    # Both meetings are detected; the call on the wrong day counts as detected only.
    assert s["consult detected"] == PRF(tp=2, fp=0, fn=0)
    assert s["consult detected + date"] == PRF(tp=1, fp=1, fn=1)
    assert s["consult participants"] == PRF(tp=4, fp=0, fn=0)
    assert s["events detected"] == PRF(tp=2, fp=0, fn=1)  # the LEAK was not found


def test_detection_pairs_same_day_first_and_counts_participants_over_all_events():
    gold = [
        _event("CONSULT", ["a", "b", "c", "d", "e"], "2025-12-14", "meet"),
        _event("CONSULT", ["a", "b", "c"], "2025-12-15", "meet"),
        _event("CONSULT", ["x", "y"], "2025-12-15", "phone"),
    ]
    pred = [
        _event("CONSULT", ["a", "b", "c"], "2025-12-15", "meet"),  # Monday's, exactly
        _event("CONSULT", ["a", "b", "c", "d"], "2025-12-14", "meet"),  # Sunday's, one missed
        _event("CONSULT", ["q", "r"], "2025-12-15", "phone"),  # nobody in common: invented
    ]
    s = _score(gold, pred)
    assert s["consult"] == PRF(tp=1, fp=2, fn=2)
    assert s["consult detected"] == PRF(tp=2, fp=1, fn=1)
    assert s["consult detected + date"] == PRF(tp=2, fp=1, fn=1)
    # 3 + 4 participants agree; q, r are wrong; e, x, y are missed.
    assert s["consult participants"] == PRF(tp=7, fp=2, fn=3)


def test_stances_with_values_and_party_rollup():
    gold = [
        _stance("russia", "territory-donbas", "demand"),
        _stance("ukraine", "army-size", "demand", 800000),
        _stance("ukraine", "nato-membership", "offer"),
    ]
    pred = [
        _stance("vladimir-putin", "territory-donbas", "demand"),
        _stance("ukraine", "army-size", "demand", "800.000"),  # German grouping
        _stance("ukraine", "nato-membership", "reject"),
        _stance("russia", "sanctions-relief", "demand", 1),  # no gold value: ignored by value row
    ]
    s = _score(gold, pred, affiliations={"vladimir-putin": "russia"})
    assert s["stances"] == PRF(tp=1, fp=3, fn=2)
    assert s["stances + value"] == PRF(tp=1, fp=0, fn=0)
    assert s["stances (party)"] == PRF(tp=2, fp=2, fn=1)
    # Ukraine's NATO position is found with the wrong label: right for "any label".
    assert s["stances, any label"] == PRF(tp=2, fp=2, fn=1)


def test_record_pointing_to_unknown_article_is_an_error():
    with pytest.raises(InputError, match="unknown article"):
        group_records([ART, _mention("x", art="nope")])


spans = st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1]))
speakers = st.sampled_from(["a", "b", "c", None])
quote_lists = st.lists(st.tuples(spans, speakers), max_size=8).map(
    lambda xs: [_quote(s, e, sp) for (s, e), sp in xs]
)
actor_lists = st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=6).map(
    lambda xs: [_mention(a) for a in xs]
)


@given(quote_lists, quote_lists, actor_lists, actor_lists)
def test_scores_are_probabilities(gq, pq, ga, pa):
    for prf in _score(gq + ga, pq + pa).values():
        assert 0.0 <= prf.precision <= 1.0
        assert 0.0 <= prf.recall <= 1.0
        assert 0.0 <= prf.f1 <= 1.0
        assert prf.tp + prf.fn >= 0 and prf.tp + prf.fp >= 0


@given(quote_lists, actor_lists)
def test_perfect_prediction_scores_one(quotes, mentions):
    gold = quotes + mentions + [_stance("russia", "army-size", "demand", 600000)]
    for kind, prf in _score(gold, [dict(r) for r in gold]).items():
        assert prf.f1 == 1.0, kind


runner = CliRunner()


def test_cli_prints_table_and_json(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    gold = [ART, _mention("donald-trump"), _mention("vladimir-putin")]
    (gold_dir / "000.jsonl").write_text("\n".join(json.dumps(r) for r in gold) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(r) for r in [ART, _mention("donald-trump")]) + "\n")

    result = runner.invoke(app, ["eval", "gold", str(gold_dir), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "actors" in result.stdout and "0.667" in result.stdout

    result = runner.invoke(
        app, ["eval", "gold", str(gold_dir), "--pred", str(pred), "--format", "json"]
    )
    data = json.loads(result.stdout)
    assert data["scores"]["actors"] == {
        "tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667,
    }  # fmt: skip


def test_cli_names_the_bad_line(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "bad.jsonl").write_text(json.dumps(ART) + "\n{oops\n")
    result = runner.invoke(
        app, ["eval", "gold", str(gold_dir), "--pred", str(gold_dir / "bad.jsonl")]
    )
    assert result.exit_code != 0
    assert "bad.jsonl:2" in str(result.exception)


def test_missing_gold_source_file_is_named(tmp_path):
    from parley.evaluate.gold import locate_sources

    gold = group_records([ART])
    with pytest.raises(InputError, match=r"seeds/000_x\.txt: gold source file not found"):
        locate_sources(gold, [tmp_path])
    (tmp_path / "000_x.txt").write_text("Putin traf Witkoff.\n")
    assert locate_sources(gold, [tmp_path]) == {"000_x.txt": tmp_path / "000_x.txt"}


_people = st.frozensets(st.sampled_from("abcdef"), min_size=1, max_size=4)
_events = st.lists(
    st.tuples(st.sampled_from(["CONSULT", "REJECT"]), _people, st.sampled_from(["d1", "d2"])),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(_events, _events)
def test_decomposed_rows_are_never_stricter_than_the_strict_row(gold_keys, pred_keys):
    gold = [_event(t, sorted(who), d, "meet") for t, who, d in gold_keys]
    pred = [_event(t, sorted(who), d, "meet") for t, who, d in pred_keys]
    s = _score(gold, pred)
    strict, dated, found = s["events"], s["events detected + date"], s["events detected"]
    assert strict.tp <= dated.tp <= found.tp
    # Every row counts each side's distinct events once.
    for row in (strict, dated, found):
        assert row.tp + row.fp == len(set(pred_keys))
        assert row.tp + row.fn == len(set(gold_keys))
    pairs = match_events(list(dict.fromkeys(gold_keys)), list(dict.fromkeys(pred_keys)))
    assert len({g for g, _ in pairs}) == len(pairs) == len({p for _, p in pairs})  # one-to-one
    assert all(g[0] == p[0] and g[1] & p[1] for g, p in pairs)
