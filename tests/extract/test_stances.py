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
