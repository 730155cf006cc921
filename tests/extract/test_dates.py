"""Date expressions resolved against the publication date (never today's date)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.extract.dates import find_dates

PUB = "2025-11-27"  # a Thursday


def _one(text: str, published: str | None = PUB, lang: str = "de"):
    found = find_dates(text, published, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "span", "day"),
    [
        ("Trump schickte Witkoff am Dienstag nach Moskau.", "am Dienstag", "2025-11-25"),
        ("Das Treffen endete in der Nacht zu Mittwoch.", "in der Nacht zu Mittwoch", "2025-11-25"),
        ("Im Telefonat vom 14. Oktober riet Witkoff zu Lob.", "vom 14. Oktober", "2025-10-14"),
        ("Der Mitschnitt stammt von Mitte Oktober.", "Mitte Oktober", "2025-10-15"),
        ("Die Einigung fiel vor einer Woche in Dschidda.", "vor einer Woche", "2025-11-20"),
        ("Anfang Dezember reisen die Gesandten erneut.", "Anfang Dezember", "2024-12-01"),
        ("Ende vergangener Woche entschied man.", "Ende vergangener Woche", "2025-11-21"),
        ("Am Wochenende beriet Witkoff in Florida.", "Am Wochenende", "2025-11-22"),
        ("Er sprach am Sonntagabend mit Reportern.", "am Sonntagabend", "2025-11-23"),
        ("Es galt vom 20. Januar dieses Jahres an.", "vom 20. Januar dieses Jahres", "2025-01-20"),
        ("Die Rede vom 14. Juni 2024 blieb gültig.", "vom 14. Juni 2024", "2024-06-14"),
    ],
)
def test_german_expressions(sentence, span, day):
    found = _one(sentence)
    assert found.text == span and found.date == day
    assert sentence[found.start : found.end] == span


@pytest.mark.parametrize(
    ("sentence", "span", "day"),
    [
        ("Witkoff met Putin on Tuesday in Moscow.", "on Tuesday", "2025-11-25"),
        ("The envoys met last week in Geneva.", "last week", "2025-11-17"),
        ("The call on October 14 was recorded.", "on October 14", "2025-10-14"),
        ("Talks resumed in mid-October.", "in mid-October", "2025-10-15"),
        ("The plan leaked two weeks ago.", "two weeks ago", "2025-11-13"),
    ],
)
def test_english_expressions(sentence, span, day):
    found = _one(sentence, lang="en")
    assert found.text == span and found.date == day


def test_without_publication_date_relative_dates_stay_null_but_keep_their_words():
    found = _one("Witkoff traf Putin am Dienstag.", published=None)
    assert (found.text, found.date) == ("am Dienstag", None)
    assert _one("Der Plan vom 14. Juni 2024 galt.", published=None).date == "2024-06-14"


def test_night_wins_over_the_weekday_inside_it():
    found = find_dates("Sie trennten sich in der Nacht zum Mittwoch.", PUB)
    assert [d.text for d in found] == ["in der Nacht zum Mittwoch"]


@given(st.dates(min_value=__import__("datetime").date(2000, 1, 1)), st.sampled_from(range(7)))
def test_plain_weekday_is_within_the_week_before_publication(pub, weekday):
    from datetime import date

    names = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    found = find_dates(f"Das geschah am {names[weekday]}.", pub.isoformat())
    day = date.fromisoformat(found[0].date)
    assert day.weekday() == weekday and 0 <= (pub - day).days <= 6


@pytest.mark.parametrize(
    ("sentence", "lang", "span"),
    [
        ("Schon im Oktober trafen sich die Unterhändler in Miami.", "de", "im Oktober"),
        ("Seit März 2022 verhandeln beide Seiten.", "de", "Seit März 2022"),
        ("The envoys first met in October in Miami.", "en", "in October"),
    ],
)
def test_a_whole_month_keeps_its_words_but_names_no_day(sentence, lang, span):
    found = _one(sentence, lang=lang)
    assert found.text == span and found.approximate


def test_weeks_ago_name_a_day_months_ago_a_stretch():
    assert not _one("Die Einigung fiel vor einer Woche.").approximate
    assert _one("Die Gespräche begannen vor zwei Monaten.").approximate


# Pieces of date expressions and their near misses, for the anchor property below.
_DATE_PIECES = [
    *["Oktober", "Okt.", "Jänner", "März", "Mai", "May", "October", "Oct", "Sept."],
    *["Dienstag", "Sonntagabend", "Tuesday", "Friday", "Wochenende", "weekend"],
    *["am", "im", "in", "In", "seit", "since", "vor", "ago", "Anfang", "Mitte", "mid", "late"],
    *["Tag", "Tags", "darauf", "folgenden", "später", "day", "next", "following", "later"],
    *["Nacht", "zu", "der", "the", "vergangener", "last", "Woche", "week", "Monaten", "days"],
    *["14", "3", "2025", "1.", " ", " ", "\n", ".", ",", "-", "a", "einen", "gestern", "today"],
    *["Tags darauf", "am folgenden Tag", "einen Tag später", "the next day", "a day later"],
    *["vor zwei Wochen", "three days ago", "in der Nacht zu Mittwoch", "14. Oktober"],
    *["October 14th", "Mitte Oktober", "mid-October", "im Oktober", "in October", "last week"],
    *["am Wochenende", "over the weekend", "Ende vergangener Woche", "on Tuesday"],
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=10).map("".join))
def test_a_pattern_skipped_for_want_of_its_anchors_could_not_have_matched(text):
    # find_dates runs a pattern only when the text holds its anchors: that must never
    # lose a date, so wherever a pattern matches, all its anchors hold
    from parley.extract.dates import _ANCHORS, _COMPILED, _anchors_in

    for lang, patterns in _COMPILED.items():
        held = _anchors_in(text, lang)
        for kind, pattern in patterns:
            if pattern.search(text):
                assert all(not needed.isdisjoint(held) for needed in _ANCHORS[lang][kind]), kind
