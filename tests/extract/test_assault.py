"""ASSAULT events: attacks with weapons or troops, attacker first (German and English).

Attacks in words ("griff scharf an", "attacked the plan"), threatened, possible or
denied strikes report no event."""

from __future__ import annotations

import pytest


def _assaults(result) -> list[tuple]:
    return [
        (e["source_actor"], e["target_actors"], e["date"])
        for e in result["event"]
        if e["type"] == "ASSAULT"
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the subject after the verb (German verb-second), the capital standing for its state
        (
            "In der Nacht zu Dienstag griff Russland Kiew mit Drohnen und Raketen an, "
            "Tausende Haushalte waren danach ohne Strom.",
            "de",
            ("russia", ["ukraine"], "2025-12-01"),
        ),
        # the attacker as a nationality adjective on the attack noun, the target "in" a state
        (
            "Am Sonntag traf ein ukrainischer Drohnenangriff eine Raffinerie tief in Russland.",
            "de",
            ("ukraine", ["russia"], "2025-11-30"),
        ),
        # the adjective on the weapons; the capital as the verb's object
        (
            "American missiles struck targets near Moscow on Monday, officials said.",
            "en",
            ("united-states", ["russia"], "2025-12-01"),
        ),
        # passive: the subject is hit, "von" names the attacker
        (
            "Kiew wurde am Dienstag von Russland mit Marschflugkörpern angegriffen.",
            "de",
            ("russia", ["ukraine"], "2025-12-02"),
        ),
        # troops as the attacker, an adjective on what they hit
        (
            "Russische Truppen beschossen am Montag ukrainische Stellungen.",
            "de",
            ("russia", ["ukraine"], "2025-12-01"),
        ),
        # those killed tell force; "said" reports the fact
        (
            "Zelensky said Russian strikes on Kyiv killed five people on Monday.",
            "en",
            ("russia", ["ukraine"], "2025-12-01"),
        ),
        (
            "Ukraine launched a drone attack on Moscow on Tuesday.",
            "en",
            ("ukraine", ["russia"], "2025-12-02"),
        ),
    ],
)
def test_an_attack_with_weapons_is_an_assault(run, text, lang, expected):
    assert _assaults(run(text, lang=lang)) == [expected]


def test_a_relative_clause_takes_its_attacker_from_the_noun_before_it(run):
    r = run(
        "Witkoff reiste nach einer Eskalation seitens der USA, bei der Raketen tief "
        "nach Russland abgefeuert wurden, nach Moskau."
    )
    assert _assaults(r) == [("united-states", ["russia"], None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # attacks in words
        ("Trump griff Selenskyj am Montag scharf an.", "de"),
        ("Russland griff den 28-Punkte-Plan als einseitig an.", "de"),
        ("Zelensky attacked the plan on Tuesday, saying it favoured Russia.", "en"),
        ("Russia launched a new peace initiative with Ukraine on Monday.", "en"),
        # threatened, possible, planned or feared strikes
        ("Russland drohte mit weiteren Raketenangriffen auf Kiew.", "de"),
        ("Russia threatened to strike Kyiv with missiles.", "en"),
        ("Russland könnte Kiew schon bald mit Raketen angreifen.", "de"),
        ("Ukraine would strike Moscow with drones if the talks failed.", "en"),
        ("Die Ukraine befürchtet neue russische Drohnenangriffe auf Kiew.", "de"),
        # negated
        ("Russia did not attack Kyiv with drones on Monday.", "en"),
        ("Am Montag griff Russland Kiew nicht mit Raketen an.", "de"),
        # a weapon far from a verbal attack is another clause's
        (
            "Selenskyj griff Putin scharf an und warf Russland vor, "
            "Kiew mit Raketen zu beschießen.",
            "de",
        ),
        # capable of, asked permission for, or agreed to stop
        ("The United States sent Ukraine missiles which can strike deep into Russia.", "en"),
        ("Zelensky asked for permission to strike Russia with long-range missiles.", "en"),
        ("Russland und die Ukraine einigten sich, Angriffe mit Drohnen einzustellen.", "de"),
        # one side only: no event between two parties
        ("Am Montag wurden in Charkiw mehrere Drohnen abgefeuert.", "de"),
    ],
)
def test_no_assault_without_a_real_armed_attack(run, text, lang):
    assert _assaults(run(text, lang=lang)) == [], text


def test_a_nationality_adjective_on_weapons_does_not_join_other_events(run):
    # "Russian missiles" attack; they do not meet anyone
    r = run("Witkoff met Umerov in Geneva on Monday to discuss Russian missiles.", lang="en")
    assert [e["type"] for e in r["event"]] == ["CONSULT"]
    assert sorted(r["event"][0]["participants"]) == ["rustem-umerov", "steve-witkoff"]


def test_defence_against_attacks_does_not_turn_the_attack_around(run):
    # "gegen russische Angriffe": the adjective names who attacks, not who is attacked
    r = run("Die Ukraine verlangt Luftabwehr gegen russische Angriffe mit Drohnen.")
    assert ("ukraine", ["russia"]) not in [(a, t) for a, t, _ in _assaults(r)]
