"""Stances: actor x issue x stance, with negation, conditions and numbers."""

from __future__ import annotations

import pytest

from parley.extract.stances import parse_number


def _stances(result) -> list[tuple]:
    return [(s["actor"], s["issue"], s["stance"], s["value"]) for s in result["stance"]]


def test_demand_and_reject(run):
    r = run("Putin fordert den gesamten Donbass. Kiew lehnte das stets ab.")
    assert ("vladimir-putin", "territory-donbas", "demand", None) in _stances(r)


def test_negated_rejection_is_not_a_rejection(run):
    r = run("Selenskyj lehnt eine Waffenruhe nicht grundsätzlich ab.")
    assert _stances(r) == [("volodymyr-zelensky", "ceasefire", "open", None)]


def test_negated_readiness_is_a_rejection(run):
    r = run("Selenskyj ist nicht bereit zu einer Waffenruhe.")
    assert _stances(r) == [("volodymyr-zelensky", "ceasefire", "reject", None)]


def test_condition_is_kept(run):
    r = run("Putin akzeptiert eine Waffenruhe nur, wenn der Westen keine Waffen mehr liefert.")
    (stance,) = r["stance"]
    assert stance["stance"] == "conditional"
    assert stance["condition"].startswith("wenn der Westen")
    r = run("Putin ist zu einer Waffenruhe bereit, stellte aber drei harte Bedingungen.")
    assert _stances(r) == [("vladimir-putin", "ceasefire", "conditional", None)]


def test_number_becomes_the_value(run):
    r = run("Witkoff verlangt, die Streitkräfte der Ukraine auf 800.000 Mann zu begrenzen.")
    assert _stances(r) == [("steve-witkoff", "army-size", "demand", 800000)]


def test_obligation_modal_with_negation_still_demands(run):
    r = run("Russland fordert: Die Ukraine darf keinen Nato-Beitritt anstreben.")
    assert ("russia", "nato-membership", "demand", None) in _stances(r)


def test_subject_after_the_verb_and_names_in_phrases(run):
    r = run("Eine Waffenruhe in der Ukraine lehnt Russland allerdings ab.")
    assert _stances(r) == [("russia", "ceasefire", "reject", None)]


def test_english_stance(run):
    r = run("Zelensky rejected any ceasefire without guarantees.", lang="en")
    assert _stances(r) == [("volodymyr-zelensky", "ceasefire", "reject", None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [("800.000 Mann", 800000), ("600,000 troops", 600000), ("1,5 Millionen", 1500000),
     ("50 000 Soldaten", 50000), ("30 Tage", 30)],
)  # fmt: skip
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_pronoun_object_carries_the_previous_issue(run):
    r = run("Putin fordert den gesamten Donbass. Kiew lehnte das stets ab.")
    assert ("ukraine", "territory-donbas", "reject", None) in _stances(r)


def test_the_option_set_aside_is_not_the_stance(run):
    r = run("Putin fordert einen Vertrag statt einer Waffenruhe.")
    assert all(s[1] != "ceasefire" for s in _stances(r))


@pytest.fixture(scope="module")
def run_pack():
    """Records of one text extracted with the shipped ukraine-2025 pack (its issue terms)."""
    from parley.cases.loader import load_case
    from parley.extract.pipeline import Extractor
    from parley.ingest.article import Article

    extractor = Extractor(load_case("ukraine-2025"))

    def _run(text: str, lang: str = "de") -> list[tuple]:
        article = Article(text=text, source="t.txt", published="2025-12-03", language=lang)
        records = [r.to_record() for r in extractor.extract(article)]
        return [
            (r["actor"], r["issue"], r["stance"], r["value"])
            for r in records
            if r["kind"] == "stance"
        ]

    return _run


def test_compound_head_names_the_issue(run_pack):
    assert run_pack("Kiew lehnt jede Truppenobergrenze ab.") == [
        ("ukraine", "army-size", "reject", None)
    ]
    assert ("russia", "ceasefire", "reject", "energy") in run_pack(
        "Russland lehnte eine Energiewaffenruhe ab."
    )


def test_split_issue_term_and_verb_final_cue(run_pack):
    assert run_pack("Russland verlangt, dass Kiew niemals der Nato beitreten darf.") == [
        ("russia", "nato-membership", "demand", None)
    ]
    assert ("united-states", "economic-cooperation", "demand", None) in run_pack(
        "Im Weißen Haus gibt es eine Fraktion; die USA sind es, die auf neue "
        "Wirtschaftsbeziehungen zu Russland setzen."
    )


def test_generic_territory_is_not_the_donbas(run_pack):
    assert run_pack("Russland fordert die Abtretung ukrainischer Gebiete.") == []
    assert run_pack("Russland fordert die Abtretung des Donbass.") == [
        ("russia", "territory-donbas", "demand", None)
    ]


def test_unit_noun_needs_its_number(run_pack):
    assert run_pack("Russland lehnt die Entsendung von Soldaten aus Europa ab.") == [
        ("russia", "foreign-troops", "reject", None)
    ]
    assert run_pack("Witkoff verlangt, die Armee auf 600.000 Soldaten zu begrenzen.") == [
        ("steve-witkoff", "army-size", "demand", 600000)
    ]
    assert run_pack("Washington wants Ukraine's army capped at 800,000 troops.", "en") == [
        ("united-states", "army-size", "demand", 800000)
    ]


def test_bracketed_cue_belongs_to_its_bracket(run):
    r = run(
        "Die USA verlangen eine Waffenruhe (statt eines Abkommens über den Donbass, "
        "wie es Russland fordert)."
    )
    got = _stances(r)
    assert ("united-states", "ceasefire", "demand", None) in got
    assert ("russia", "territory-donbas", "demand", None) in got
    assert ("russia", "ceasefire", "demand", None) not in got


def test_indirect_question_is_no_stance(run):
    assert _stances(run("Witkoff soll testen, ob Putin zu einer Waffenruhe bereit sei.")) == []
    assert (
        _stances(run("Witkoff will test whether Putin is ready for a ceasefire.", lang="en")) == []
    )


def test_cue_inside_the_condition_is_a_hypothesis(run):
    r = run("Neue Sanktionen drohen, sollte Putin einer Waffenruhe nicht zustimmen.")
    assert _stances(r) == []


def test_passive_offer_names_the_receiver(run):
    assert _stances(run("Russland wurde eine Waffenruhe angeboten.")) == []
    assert _stances(run("A ceasefire was offered to Russia.", lang="en")) == []
    assert _stances(run("Eine Waffenruhe wurde Russland von Witkoff angeboten.")) == [
        ("steve-witkoff", "ceasefire", "offer", None)
    ]


def test_passive_without_agent_is_held_by_its_place(run):
    r = run("Im Kreml wird eine Waffenruhe erwogen, während Zugeständnisse der Ukraine im Donbass "
            "noch diskutiert werden.")  # fmt: skip
    got = _stances(r)
    assert ("russia", "ceasefire", "open", None) in got
    assert all(s[0] != "ukraine" for s in got)


def test_plural_pronoun_points_to_everyone(run):
    r = run("Witkoff und Kushner reisten nach Moskau. Sie strebten eine Waffenruhe an.")
    got = _stances(r)
    assert ("steve-witkoff", "ceasefire", "demand", None) in got
    assert ("jared-kushner", "ceasefire", "demand", None) in got
    r = run("Witkoff and Kushner flew to Moscow: they demanded a ceasefire.", lang="en")
    assert {s[0] for s in _stances(r)} == {"steve-witkoff", "jared-kushner"}


def test_singular_pronoun_is_not_plural(run):
    r = run("Witkoff traf Kushner in Miami. Sie fordert eine Waffenruhe.")
    assert len(_stances(r)) <= 1


def test_essential_for_the_party_is_its_demand(run):
    r = run("Ungeklärt blieb die Frage der Waffenruhe, die für die Ukraine elementar ist.")
    assert _stances(r) == [("ukraine", "ceasefire", "demand", None)]


def test_open_question_is_not_openness(run):
    assert _stances(run("Putin: Über die Waffenruhe ist noch vieles offen.")) == []
    assert _stances(run("Putin ist offen für eine Waffenruhe.")) == [
        ("vladimir-putin", "ceasefire", "open", None)
    ]


def test_unless_makes_a_condition_anywhere(run):
    r = run("Zelensky will accept a ceasefire unless Russia keeps attacking.", lang="en")
    (stance,) = r["stance"]
    assert stance["stance"] == "conditional"
    assert stance["condition"] == "unless Russia keeps attacking"


def test_prohibition_in_reported_speech_is_a_demand(run):
    r = run(
        "Putin stellte Bedingungen. Die Ukraine dürfe keinen Nato-Beitritt anstreben, sagte er."
    )
    assert ("vladimir-putin", "nato-membership", "demand", None) in _stances(r)


def test_each_clause_has_its_own_holder(run):
    r = run("Ukraine wants a ceasefire, while Russia demands the whole Donbas.", lang="en")
    assert sorted(_stances(r)) == [
        ("russia", "territory-donbas", "demand", None),
        ("ukraine", "ceasefire", "demand", None),
    ]
    r = run("Kiew verlangt eine Waffenruhe, während Russland den gesamten Donbass fordert.")
    assert sorted(_stances(r)) == [
        ("russia", "territory-donbas", "demand", None),
        ("ukraine", "ceasefire", "demand", None),
    ]


def test_issue_words_stay_together(run_pack):
    got = run_pack(
        "European leaders insisted that any deal must include security guarantees.", "en"
    )
    assert got == [("europe", "security-guarantees", "demand", None)]


def test_ruling_out_a_cession_rejects_it(run_pack):
    assert run_pack("Zelensky has ruled out ceding any land in the Donbas.", "en") == [
        ("volodymyr-zelensky", "territory-donbas", "reject", None)
    ]


def test_plural_pronoun_after_colon_is_the_coordinated_subject(run):
    r = run("Witkoff und Kushner wollten Russland locken: Sie strebten eine Waffenruhe an.")
    assert {s[0] for s in _stances(r)} == {"steve-witkoff", "jared-kushner"}


def test_impersonal_subject_is_the_speaker(run):
    r = run(
        "Die Lage sei ernst, sagte Witkoff in Miami. Außerdem könne man eine Waffenruhe "
        "im Donbass prüfen."
    )
    assert ("steve-witkoff", "ceasefire", "open", None) in _stances(r)
    assert all(s[0] != "ukraine" for s in _stances(r))


def test_inflected_issue_words_match(run_pack):
    assert run_pack("Merz forderte, die eingefrorenen russischen Vermögenswerte zu nutzen.") == [
        ("friedrich-merz", "frozen-assets", "demand", None)
    ]


def test_longer_issue_term_wins(run_pack):
    got = run_pack("Witkoff schlug vor, das Atomkraftwerk Saporischschja gemeinsam zu betreiben.")
    assert got == [("steve-witkoff", "zaporizhzhia-npp", "offer", None)]


def test_document_cited_for_the_content_holds_it(run_pack):
    assert run_pack(
        "Laut dem 28-Punkte-Plan soll die Ukraine auf einen Nato-Beitritt verzichten."
    ) == [("28-point-plan", "nato-membership", "demand", None)]
    got = run_pack(
        "According to the 28-point plan, the United States would provide security "
        "guarantees to Ukraine.",
        "en",
    )
    assert got == [("28-point-plan", "security-guarantees", "offer", None)]


def test_plan_content_with_modal_or_plan_verb(run_pack):
    got = run_pack("Der 28-Punkte-Plan liegt vor. Die Ukraine müsste demnach den Donbass räumen.")
    assert got == [("28-point-plan", "territory-donbas", "demand", None)]
    got = run_pack(
        "The 28-point plan was leaked on Wednesday. It calls for Ukraine to cede the rest of "
        "the Donbas and cap its army at 600,000 troops.",
        "en",
    )
    assert sorted(got) == [
        ("28-point-plan", "army-size", "demand", 600000),
        ("28-point-plan", "territory-donbas", "demand", None),
    ]


def test_what_a_plan_gives_is_an_offer(run_pack):
    got = run_pack(
        "The 28-point plan was leaked. The document envisages lifting sanctions on Russia.", "en"
    )
    assert got == [("28-point-plan", "sanctions-relief", "offer", None)]


def test_named_option_is_the_value(run_pack):
    got = run_pack(
        "Putin agreed to a 30-day halt to strikes on energy infrastructure, but rejected "
        "a full ceasefire.",
        "en",
    )
    assert sorted(got) == [
        ("vladimir-putin", "ceasefire", "accept", "energy"),
        ("vladimir-putin", "ceasefire", "reject", "full"),
    ]
    got = run_pack("Selenskyj fordert eine vollständige Waffenruhe an allen Fronten.")
    assert got == [("volodymyr-zelensky", "ceasefire", "demand", "full")]


def test_english_noun_cue_after_determiner_gives_way_to_the_verb(run):
    r = run("Ukraine accepted the U.S. proposal for an immediate ceasefire.", lang="en")
    assert _stances(r) == [("ukraine", "ceasefire", "accept", None)]


def test_coordinated_subjects_share_the_stance(run):
    r = run("Russia and Ukraine agreed to a ceasefire.", lang="en")
    assert sorted(_stances(r)) == [
        ("russia", "ceasefire", "accept", None),
        ("ukraine", "ceasefire", "accept", None),
    ]
    r = run("Putin und Witkoff lehnten eine Waffenruhe ab.")
    assert {s[0] for s in _stances(r)} == {"vladimir-putin", "steve-witkoff"}


def test_english_if_needs_no_comma_and_its_content_is_no_stance(run):
    r = run("Trump would agree to a ceasefire if Russia accepted the Donbas line.", lang="en")
    (stance,) = r["stance"]
    assert (stance["actor"], stance["issue"], stance["stance"]) == (
        "donald-trump",
        "ceasefire",
        "conditional",
    )
    assert stance["condition"] == "if Russia accepted the Donbas line"


def test_reported_speaker_names_the_holder(run):
    r = run("Witkoff told reporters that Putin wanted all of the Donbas.", lang="en")
    assert _stances(r) == [("vladimir-putin", "territory-donbas", "demand", None)]
    r = run("Witkoff told Putin he rejected any ceasefire.", lang="en")
    assert all(s[0] != "vladimir-putin" for s in _stances(r))


def test_genitive_with_its_article_is_not_the_holder(run_pack):
    got = run_pack("Der Kremlsprecher sagte, ein Nato-Beitritt der Ukraine sei inakzeptabel.")
    assert got == [("dmitry-peskov", "nato-membership", "reject", None)]
