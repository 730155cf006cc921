"""News evidence updates the case pack's positions: through ingest, the knowledge base, the CLI.

Every knowledge base here is built from articles written for the test, ingested with
extraction on, exactly as a user would (``parley ingest``).
"""

import json
from datetime import date

import pytest
import yaml
from typer.testing import CliRunner

from parley.cases import load_case
from parley.cli.app import app
from parley.model.evidence import priors, update_scenario
from parley.model.scenario import Scenario
from parley.simulate.timeline import forecast_timeline
from parley.store.kb import KnowledgeBase
from parley.store.records import query_records

runner = CliRunner()
PACK = load_case("ukraine-2025")
ARMY = ("ukraine", "army-size")

# Ukraine's prior on the army cap is 20 (≈ 800,000 troops); these move it toward a smaller army.
OFFER_600K = {
    "title": "Kiew zeigt sich bei der Armee flexibel",
    "published": "2025-12-26",
    "text": "Kiew. Der ukrainische Präsident Wolodymyr Selenskyj ist bereit, die Armee auf "
    "600.000 Mann zu begrenzen. Das sagte er am Freitag in Kiew vor Journalisten.\n\n"
    "Die Gespräche sollen in der kommenden Woche weitergehen.",
}
ACCEPT_250K = {
    "title": "Zelensky accepts a smaller army",
    "published": "2025-12-28",
    "text": "Kyiv. Volodymyr Zelensky accepted a cap on the army of 250,000 troops on Sunday.\n\n"
    "Talks are expected to continue next week.",
}
RUSSIA_REJECTS = {
    "title": "Moskau lehnt ab",
    "published": "2025-12-27",
    "text": "Moskau. Kremlsprecher Dmitri Peskow lehnte eine Obergrenze von 800.000 Soldaten für "
    "die ukrainische Armee ab. Russland wolle eine deutlich kleinere Armee, sagte Peskow.\n\n"
    "Die Gespräche sollen weitergehen.",
}
NO_STANCE = {
    "title": "Wetter in Genf",
    "published": "2025-12-20",
    "text": "Genf. In der Stadt regnete es am Dienstag den ganzen Tag. Viele Menschen blieben zu "
    "Hause.\n\nAm Mittwoch soll die Sonne wieder scheinen.",
}


def build_kb(tmp_path, articles, name="kb.db"):
    feed = tmp_path / f"{name}.jsonl"
    feed.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    db = tmp_path / name
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(db), "--case", "ukraine-2025"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def news_db(tmp_path_factory):
    return build_kb(tmp_path_factory.mktemp("news"), [OFFER_600K, ACCEPT_250K, RUSSIA_REJECTS])


def test_without_evidence_the_prior_is_unchanged(tmp_path):
    db = build_kb(tmp_path, [NO_STANCE])
    with KnowledgeBase(db) as kb:
        upd = update_scenario(kb, PACK)
        timeline = forecast_timeline(kb, PACK, "compromise")
    assert upd.scenario.to_arrays().position.tolist() == upd.prior.to_arrays().position.tolist()
    assert all(not e.evidence for e in upd.estimates.values())
    assert upd.scenario.metadata["evidence"] == []
    assert len(timeline.steps) == 1
    assert timeline.final_outcome == timeline.prior_outcome


def test_a_stated_number_moves_the_party_toward_it(news_db):
    with KnowledgeBase(news_db) as kb:
        upd = update_scenario(kb, PACK, until=date(2025, 12, 26))
    est = upd.estimates[ARMY]
    (evidence, share), *_ = est.evidence
    assert evidence.actor == "volodymyr-zelensky" and evidence.value == 600000
    assert evidence.observation == pytest.approx(40.0)  # 600,000 troops on the pack's mapping
    assert est.prior.position < est.position < evidence.observation
    assert 0 < share < 1
    assert upd.scenario.actor("ukraine").stances["army-size"].position == pytest.approx(
        est.position, abs=0.01
    )


def test_older_evidence_weighs_less_than_newer(news_db):
    with KnowledgeBase(news_db) as kb:
        est = update_scenario(kb, PACK).estimates[ARMY]
    shares = {e.published: s for e, s in est.evidence}
    assert shares[date(2025, 12, 28)] > shares[date(2025, 12, 26)]
    # Both are stated numbers with the same noise: the ratio is the decay over two days.
    assert shares[date(2025, 12, 28)] / shares[date(2025, 12, 26)] == pytest.approx(2 ** (2 / 30))


def test_a_rejection_of_what_the_party_never_wanted_does_not_move_it(news_db):
    with KnowledgeBase(news_db) as kb:
        upd = update_scenario(kb, PACK)
    est = upd.estimates["russia", "army-size"]
    (evidence, _share), *_ = est.evidence
    assert evidence.stance == "reject" and evidence.actor == "dmitry-peskov"
    # Russia (prior 50, a small Ukrainian army) rejects 800,000 (20 on the scale): it stands
    # above 20, where it already stood.
    assert evidence.observation == pytest.approx(est.prior.position)
    assert est.position == pytest.approx(est.prior.position)


def test_provenance_points_at_the_sentence_of_evidence(news_db):
    with KnowledgeBase(news_db) as kb:
        upd = update_scenario(kb, PACK)
        texts = {a.id: a.text for a in kb.articles()}
    records = [rec for item in upd.scenario.metadata["evidence"] for rec in item["evidence"]]
    assert len(records) == 3
    numbers = {"600.000", "250,000", "800.000"}
    for rec in records:
        start, end = rec["span"]
        span = texts[rec["article"]][start:end]
        assert " ".join(span.split()) == rec["sentence"]
        assert sum(n in span for n in numbers) == 1
        assert rec["published"] in {"2025-12-26", "2025-12-27", "2025-12-28"}


def test_time_line_is_in_date_order_and_attribution_adds_up(news_db):
    with KnowledgeBase(news_db) as kb:
        timeline = forecast_timeline(kb, PACK, "bdm")
    days = [s.day for s in timeline.steps[1:]]
    assert timeline.steps[0].day is None
    assert days == sorted(days) and len(set(days)) == len(days)
    for step in timeline.steps[1:]:
        assert all(a.published == step.day for a in step.attributions)
    for key, final in timeline.final_outcome.items():
        moved = sum(a.delta for s in timeline.steps for a in s.attributions if a.issue == key)
        assert moved == pytest.approx(final - timeline.prior_outcome[key], abs=1e-9)
    assert any(a.issue == "army-size" and a.delta != 0 for a in timeline.top(10))


def test_time_line_only_uses_news_published_by_each_date(news_db):
    with KnowledgeBase(news_db) as kb:
        timeline = forecast_timeline(kb, PACK, "compromise")
        first = update_scenario(kb, PACK, until=date(2025, 12, 26))
    assert timeline.steps[1].day == date(2025, 12, 26)
    arrays = first.scenario.to_arrays()
    from parley.simulate.base import get_model

    expected = get_model("compromise").run(first.scenario).outcome
    assert timeline.steps[1].outcome == pytest.approx(expected)
    assert arrays.n_actors == len(timeline.update.prior.actors)


def test_forecast_command_table_and_json(news_db):
    table = runner.invoke(app, ["forecast", "--db", str(news_db), "--case", "ukraine-2025"])
    assert table.exit_code == 0, table.output
    assert "army-size" in table.output and "Articles that moved the forecast most" in table.output
    out = runner.invoke(
        app, ["forecast", "--db", str(news_db), "--issue", "army-size", "--format", "json"]
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert list(data["issues"]) == ["army-size"]
    ukraine = data["issues"]["army-size"]["positions"]["ukraine"]
    assert ukraine["position"] > ukraine["prior"]
    assert data["top"][0]["evidence"][0]["sentence"]


def test_forecast_command_reports_bad_input_clearly(tmp_path, news_db):
    missing = runner.invoke(app, ["forecast", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0 and "no knowledge base" in str(missing.exception)
    bad_issue = runner.invoke(app, ["forecast", "--db", str(news_db), "--issue", "weather"])
    assert bad_issue.exit_code != 0 and "no issue 'weather'" in str(bad_issue.exception)
    bad_date = runner.invoke(app, ["forecast", "--db", str(news_db), "--until", "soon"])
    assert bad_date.exit_code != 0 and "not a date" in str(bad_date.exception)


def test_exported_scenario_loads_and_carries_provenance(tmp_path, news_db):
    out = tmp_path / "scenario.yaml"
    result = runner.invoke(app, ["scenario", "export", "--db", str(news_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    scenario = Scenario.load(out)
    prior = priors(PACK)
    assert scenario.actor("ukraine").stances["army-size"].position > prior[ARMY].position
    raw = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert raw["metadata"]["format"] == "case-pack+evidence"
    simulated = runner.invoke(app, ["simulate", str(out), "-m", "compromise"])
    assert simulated.exit_code == 0, simulated.output


def test_export_to_an_unwritable_place_fails_cleanly(tmp_path, news_db):
    target = tmp_path / "missing" / "scenario.yaml"
    result = runner.invoke(app, ["scenario", "export", "--db", str(news_db), "-o", str(target)])
    assert result.exit_code != 0 and "cannot write" in str(result.exception)
    assert not target.parent.exists()


def test_a_reprinted_wire_story_counts_once(tmp_path, prose):
    body = OFFER_600K["text"] + "\n\n" + prose(7, sentences=30)
    reprint = dict(OFFER_600K, published="2025-12-27", text=body.replace("Freitag", "Abend"))
    db = build_kb(tmp_path, [dict(OFFER_600K, text=body), reprint])
    with KnowledgeBase(db) as kb:
        first, second = (a.id for a in kb.articles())
        assert [other for other, _sim in kb.near_duplicates(first)] == [second]
        upd = update_scenario(kb, PACK)
        copied = list(query_records(kb.connection, "stance", article=second))
    (evidence, _share), *more = upd.estimates[ARMY].evidence
    assert not more and evidence.published == date(2025, 12, 26)
    assert upd.skipped["near-duplicate of an earlier article"] == len(copied) > 0
