"""Metadata extraction on synthetic articles: each field, and what must NOT be taken."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.ingest.clean import clean_text
from parley.ingest.metadata import extract_metadata, find_dates, known_outlet, normalise_date


def meta(raw: str, **kwargs):
    return extract_metadata(raw, clean_text(raw).text, **kwargs)


PROSE_DE = (
    "Die Europäer legten am Sonntag in Genf einen eigenen Entwurf vor, der den Plan in "
    "mehreren Punkten abschwächt. Kiew begrüßte den Schritt, Moskau lehnte ihn ab."
)
PROSE_EN = (
    "European negotiators tabled their own draft in Geneva on Sunday, softening several points "
    "of the plan. Kyiv welcomed the move while Moscow rejected it."
)


# ------------------------------------------------------------------ published


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Politik – Diplomatie 27. Nov 2025", "2025-11-27"),
        ("8. Dezember 2025 | Erika Muster", "2025-12-08"),
        ("Stand: 03.12.2025 14:05 Uhr", "2025-12-03"),
        ("Veröffentlicht am 1. März 2025", "2025-03-01"),
        ("2025-12-02", "2025-12-02"),
        ("Published Dec. 2, 2025", "2025-12-02"),
        ("Updated December 3, 2025 10:04 am ET", "2025-12-03"),
        ("Tue 2 Dec 2025 10.04 GMT", "2025-12-02"),
        ("Published: 12:05 EST, 2 December 2025", "2025-12-02"),
        ("Dienstag, 02.12.2025, 14:05 Uhr", "2025-12-02"),
    ],
)
def test_published_from_stated_date_stamp(header, date):
    assert meta(f"Ein Titel für den Test\n{header}\n{PROSE_DE}").published == date


@pytest.mark.parametrize(
    "text",
    [
        # A date inside a quote is not the publication date.
        "„Am 2. Dezember 2025 werden wir es wissen“, sagte ein Diplomat in Genf.",
        # Nor a date in running prose.
        "Die Gespräche hatten am 14. Oktober 2025 in Miami begonnen und dauerten lange an.",
        # Nor the date of an embedded post.
        "Gut gelaufen pic.twitter.com/Abc123\n— Erika Muster (@erika) December 2, 2025",
        # Nor a heading that names an event's date.
        "Treffen am 2. Dezember 2025",
        # Nor a bare date heading after the first paragraph of prose.
        f"{PROSE_DE}\nFreitag, 5. Dezember 2025",
        "Ergebnisse vom Wochenende\nSamstag, 6. Dezember 2025:",
    ],
)
def test_no_publication_date_is_invented(text):
    assert meta(f"Ein Titel für den Test\n{text}\n{PROSE_DE}").published is None


STANDFIRST = "Both armies should stop where they stand, the president said after the meeting."


@pytest.mark.parametrize(
    "header",
    [
        f"{STANDFIRST}\nBy Jane Doe and John Roe\nOct. 18, 2025",
        f"{STANDFIRST}\nOct. 18, 2025\nBy Jane Doe",
        f"{STANDFIRST}\nOct. 18, 2025",
        f"{STANDFIRST}\nOct. 18, 2025, 9:14 a.m. ET",
        f"{STANDFIRST}\nThe envoy leaving the White House on Friday evening.\nOct. 18, 2025",
        f"{STANDFIRST}\nVon Erika Muster\n18. Oktober 2025",
    ],
)
def test_date_line_under_the_standfirst_is_the_stamp(header):
    assert meta(f"Trump presses Zelensky on the front line\n{header}\n{PROSE_EN}").published == (
        "2025-10-18"
    )


@pytest.mark.parametrize(
    "body",
    [
        # A weekday heading over a day's events.
        f"{STANDFIRST}\nSaturday, Oct. 18, 2025\n{PROSE_EN}",
        # A chronology: several bare date lines, none of them the page's stamp.
        f"{STANDFIRST}\nOct. 18, 2025\n{PROSE_EN}\nOct. 20, 2025\n{PROSE_EN}",
        # Below more than a standfirst and a caption, a bare date heads a section.
        f"{STANDFIRST}\n{PROSE_EN}\n{PROSE_EN}\nOct. 18, 2025\n{PROSE_EN}",
        # A date inside the prose under the standfirst.
        f"{STANDFIRST}\nThe talks on Oct. 18, 2025 would be the next test, an official said.",
    ],
)
def test_no_stamp_read_from_dates_below_the_standfirst(body):
    assert meta(f"Trump presses Zelensky on the front line\n{body}").published is None


def test_first_stamp_outranks_the_update_label_under_it():
    """The update label dates the last change; the stamp above it, the publication."""
    header = f"{STANDFIRST}\nBy Jane Doe\nOct. 17, 2025\nUpdated Oct. 18, 2025, 9:14 a.m. ET"
    raw = f"Trump presses Zelensky on the front line\n{header}\n{PROSE_EN}"
    assert meta(raw).published == "2025-10-17"
    assert meta(raw.replace("Oct. 17, 2025\n", "")).published == "2025-10-18"


def test_labelled_stamp_found_below_long_page_chrome():
    chrome = "\n".join(f"Rubrik {i}" for i in range(20))
    raw = f"{chrome}\nEin Titel für den Test\nVeröffentlicht am 8. Dezember 2025\n{PROSE_DE}"
    assert meta(raw).published == "2025-12-08"


def test_html_page_text_is_read_for_a_stamp_only_when_the_article_states_none():
    page = f"Ein Titel für den Test\nVon Erika Muster\n8. Dezember 2025\n{PROSE_DE}\n{PROSE_DE}"
    body = f"Ein Titel für den Test\n{PROSE_DE}"
    assert extract_metadata(body, body, page=page).published == "2025-12-08"
    stamped = f"Ein Titel für den Test\nStand: 09.12.2025\n{PROSE_DE}"
    assert extract_metadata(stamped, clean_text(stamped).text, page=page).published == (
        "2025-12-09"
    )


def test_footer_date_only_as_last_line_or_date_byline():
    assert meta(f"Ein Titel\n{PROSE_DE}\n08.12.2025").published == "2025-12-08"
    assert meta(f"Ein Titel\n{PROSE_DE}\n8. Dezember 2025 | Erika Muster").published == (
        "2025-12-08"
    )
    # A bare date followed by more lines heads a section (a match day's results).
    assert (
        meta(f"Ein Titel\n{PROSE_DE}\nSonntag, 7. Dezember 2025\nKiew – Lwiw 2:1").published is None
    )


def test_quoted_date_on_a_short_line_is_not_a_stamp():
    assert meta(f"„Wir kommen am 2. Dezember 2025“\n{PROSE_DE}").published is None


def test_published_label_preferred_over_update_stamp():
    raw = f"Titel\nStand: 04.12.2025\nVeröffentlicht am 02.12.2025\n{PROSE_DE}"
    assert meta(raw).published == "2025-12-02"


def test_hint_date_wins_and_is_normalised():
    raw = f"Titel hier\nStand: 03.12.2025\n{PROSE_DE}"
    assert meta(raw, hints={"published": "2025-12-01T23:30:00+01:00"}).published == "2025-12-01"
    assert meta(raw, hints={"published": "Tue, 02 Dec 2025 10:00:00 GMT"}).published == "2025-12-02"
    # An invalid hint is ignored in favour of what the text states.
    assert meta(raw, hints={"published": "gestern"}).published == "2025-12-03"


def test_normalise_date_forms_and_invalid_dates():
    assert normalise_date("8. Dezember 2025") == "2025-12-08"
    assert normalise_date("Dec. 2, 2025") == "2025-12-02"
    assert normalise_date("2 December 2025") == "2025-12-02"
    assert normalise_date("03.12.2025") == "2025-12-03"
    assert normalise_date("31.02.2025") is None
    assert normalise_date("") is None and normalise_date(None) is None


@given(st.dates())
def test_find_dates_round_trips_written_dates(day):
    months_de = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember"]  # fmt: skip
    if day.year < 1000:
        return
    for text in (
        f"{day.day}. {months_de[day.month - 1]} {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        day.strftime("%B %-d, %Y"),
        day.isoformat(),
    ):
        assert [d.date for d in find_dates(f"x {text} y")] == [day.isoformat()]


LINES = st.sampled_from(
    [
        "Ein Titel für den Test",
        PROSE_DE,
        PROSE_EN,
        "„Am 2. Dezember 2025 werden wir es wissen“, sagte ein Diplomat.",
        "Die Gespräche hatten am 14. Oktober 2025 in Miami begonnen und dauerten an.",
        "— Erika Muster (@erika) December 2, 2025",
        "Treffen am 3. Dezember 2025",
        "8. Dezember 2025 | Erika Muster",
        "Stand: 04.12.2025",
        "Stand:",
        "Politik – Diplomatie 27. Nov 2025",
        STANDFIRST,
        "By Jane Doe and John Roe",
        "Oct. 18, 2025",
        "Saturday, Oct. 18, 2025",
        "Updated Oct. 19, 2025, 9:14 a.m. ET",
        "Audio starten | Artikel vorlesen lassen",
        "",
    ]
)


@given(st.lists(LINES, max_size=12), st.text(max_size=200))
def test_published_is_always_a_date_written_in_the_text(lines, noise):
    raw = "\n".join([*lines, noise])
    published = meta(raw).published
    assert published is None or published in {d.date for d in find_dates(raw)}


# ------------------------------------------------------------------ title, author, outlet


def test_title_is_first_headline_after_kicker():
    raw = f"Politik – Diplomatie 27. Nov 2025\n\nTrump verteidigt seinen Gesandten\n\n{PROSE_DE}"
    assert meta(raw).title == "Trump verteidigt seinen Gesandten"


def test_no_title_when_text_starts_with_prose():
    assert meta(PROSE_DE).title is None


def test_title_after_one_word_kicker():
    assert meta(f"Ukraine-Krieg\nGespräche in Genf ohne Ergebnis\n{PROSE_DE}").title == (
        "Gespräche in Genf ohne Ergebnis"
    )


@pytest.mark.parametrize(
    ("hint", "title"),
    [
        ("Gespräche in Genf ohne Ergebnis | WELT", "Gespräche in Genf ohne Ergebnis"),
        ("Talks end without result - BBC News", "Talks end without result"),
        ("Talks end - for now | Lokalblatt", "Talks end - for now | Lokalblatt"),
        ("Russland – Ukraine: Gespräche in Genf", "Russland – Ukraine: Gespräche in Genf"),
    ],
)
def test_title_hint_loses_outlet_suffix_only(hint, title):
    assert meta(PROSE_DE, hints={"title": hint}).title == title


@pytest.mark.parametrize(
    "chrome",
    [
        "Startseite › Politik › Ausland",
        "Home / World / Europe",
        "Accept cookies? This site uses cookies for analytics. [Accept] [Reject] [Settings]",
        "Alle akzeptieren | Einstellungen",
        "Audio starten | Artikel vorlesen lassen",
        "Listen to this story · 6:05 min",
        "Share full article",
        "Supported by",
        "Skip to content Skip to site index",
    ],
)
def test_page_chrome_is_never_the_title(chrome):
    """Breadcrumbs, consent lines, player and share controls above the headline, or stored
    as the title field."""
    headline = "Gespräche in Genf ohne Ergebnis"
    assert meta(f"{chrome}\n{headline}\n\n{PROSE_DE}").title == headline
    assert meta(f"{headline}\n\n{PROSE_DE}", hints={"title": chrome}).title == headline


def test_headline_that_resembles_chrome_stays_the_title():
    for headline in ("Home / Away: Zelensky's two lives", "Accept all terms, Putin tells envoys"):
        assert meta(f"{headline}\n\n{PROSE_EN}").title == headline
        assert meta(PROSE_EN, hints={"title": headline}).title == headline


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # A topic label over the headline, then a stamp, a byline or the text.
        ("Krieg in der Ukraine\nPutin empfängt die US-Gesandten im Kreml\nStand: 23.01.2026", 2),
        ("Russia-Ukraine war\nTrump presses Zelensky to accept a freeze\nBy Jane Doe", 2),
        ("Gespräche in Moskau\nNächtliche Runde im Kreml ohne Durchbruch", 2),
        # A short headline keeps the title over its deck, a standfirst or a subheading.
        ("Putin empfängt Witkoff\nEnthüllungen um diskrete Beratungen mit Vertrauten.", 1),
        (
            "Trump warnt Kiew\nDer US-Präsident drängt die Ukraine, einem Plan zuzustimmen, den "
            "Europa in mehreren Punkten ablehnt und der Moskau weit entgegenkommt",
            1,
        ),
        (
            "Putin empfängt Witkoff\nFünf Stunden im Kreml ohne Einigung\n"
            "Keine Einigung über Gebiete",
            1,
        ),
        ("Waffenruhe in Sicht?\nUnterhändler in Genf sprechen von Fortschritten", 1),
    ],
)
def test_title_skips_a_topic_kicker_over_the_headline(head, title):
    lines = head.splitlines()
    assert meta(f"{head}\n{PROSE_DE}").title == lines[title - 1]


def test_title_hint_wins():
    assert meta(f"Titel aus dem Text\n{PROSE_DE}", hints={"title": "Der echte Titel"}).title == (
        "Der echte Titel"
    )


@pytest.mark.parametrize(
    ("raw", "author"),
    [
        (f"Titel des Artikels\nVon Erika Muster\n{PROSE_DE}", "Erika Muster"),
        (f"Headline of the piece\nBy Jane Doe and John Roe\n{PROSE_EN}", "Jane Doe and John Roe"),
        (f"Titel des Artikels\nVon Erika Muster, ARD-Studio Moskau\n{PROSE_DE}", "Erika Muster"),
        (f"Headline of the piece\nBy Jane Doe, Foreign Desk\n{PROSE_EN}", "Jane Doe"),
        (f"Titel des Artikels\n8. Dezember 2025 | Erika Muster\n{PROSE_DE}", "Erika Muster"),
        (f"Titel des Artikels\n{PROSE_DE}\n\nErika Muster", "Erika Muster"),
        (f"Titel des Artikels\n{PROSE_DE} (ben, Erika Muster, mit Agenturen)", "Erika Muster"),
        (
            f"Titel des Artikels\n{PROSE_DE}\nErika Muster berichtet für WELT aus Kiew.",
            "Erika Muster",
        ),
        (f"{PROSE_EN}\nReporting by Jane Doe in Kyiv; Editing by John Roe", "Jane Doe"),
        (
            "Titel des Artikels\n02.12.2025, 10:30 Uhr | Von Erika Muster und Max Beispiel\n"
            + PROSE_DE,
            "Erika Muster und Max Beispiel",
        ),
    ],
)
def test_author_from_bylines(raw, author):
    assert meta(raw).author == author


def test_author_hint_wins_without_its_prefix_and_urls_are_not_names():
    raw = f"Titel des Artikels\nVon Erika Muster\n{PROSE_DE}"
    assert meta(raw, hints={"author": "By  Jane Doe"}).author == "Jane Doe"
    assert meta(raw, hints={"author": "https://example.org/authors/jd"}).author == "Erika Muster"
    # A byline's newsroom, listed by the page as one more author, is not a person.
    hint = {"author": "Jane Doe; ARD-Studio Moskau"}
    assert meta(raw, hints=hint).author == "Jane Doe"


@pytest.mark.parametrize(
    "tail",
    [
        "Mehr zum Thema Ukraine",  # a heading, not a name
        "(dpa)",  # agency only
        "Das sagte Präsident (Wolodymyr Selenskyj)",  # parenthesis inside a sentence
    ],
)
def test_no_author_invented(tail):
    assert meta(f"Titel des Artikels\n{PROSE_DE}\n{tail}").author is None


def test_outlet_from_url_hint_and_text_cue():
    assert meta(PROSE_DE, url="https://www.welt.de/politik/article1.html").outlet == "WELT"
    assert meta(PROSE_DE, url="https://news.example.org/a/1").outlet == "news.example.org"
    assert meta(PROSE_DE, hints={"outlet": "Spiegel Online"}).outlet == "DER SPIEGEL"
    assert meta(PROSE_DE, hints={"outlet": "Lokalblatt"}).outlet == "Lokalblatt"
    cue = f"{PROSE_DE}\nErika Muster berichtet für WELT seit 2025 aus Kiew."
    assert meta(cue).outlet == "WELT"
    assert meta(f"KYIV (Reuters) - {PROSE_EN}").outlet == "Reuters"
    assert meta(f"Headline of the piece\nBy Jane Doe | The Guardian\n{PROSE_EN}").outlet == (
        "The Guardian"
    )
    assert meta(f"Titel des Artikels\nVon Erika Muster, Kiew\n{PROSE_DE}").outlet is None
    assert meta(PROSE_DE).outlet is None


def test_known_outlet_lookup():
    assert known_outlet("edition.cnn.com").name == "CNN"
    assert known_outlet("https://www.theguardian.com/world/x").slug == "guardian"
    assert known_outlet("Frankfurter Allgemeine").name == "Frankfurter Allgemeine Zeitung"
    assert known_outlet("nothing-known") is None


# ------------------------------------------------------------------ dateline, language


@pytest.mark.parametrize(
    ("first", "dateline"),
    [
        (f"Washington. {PROSE_DE}", "Washington."),
        (f"MOSKAU (dpa-AFX) - {PROSE_DE}", "MOSKAU (dpa-AFX) -"),
        (f"KYIV (Reuters) - {PROSE_EN}", "KYIV (Reuters) -"),
        (f"WASHINGTON, Dec 2 (Reuters) - {PROSE_EN}", "WASHINGTON, Dec 2 (Reuters) -"),
        (f"BERLIN – {PROSE_DE}", "BERLIN –"),
        (f"GENEVA, Nov 24 - {PROSE_EN}", "GENEVA, Nov 24 -"),
        (f"KIEW, 3. Dezember – {PROSE_DE}", "KIEW, 3. Dezember –"),
        (f"USA, EU - {PROSE_DE}", None),
        (PROSE_DE, None),
        (f"Ja. {PROSE_DE}", None),
    ],
)
def test_dateline(first, dateline):
    assert meta(f"Ein Titel zum Test\n{first}").dateline == dateline


def test_language_detected_and_restricted():
    assert meta(PROSE_DE).language == "de"
    assert meta(PROSE_EN).language == "en"
    assert meta(PROSE_DE, hints={"language": "de-DE"}).language == "de"
    # A hint outside the allowed set is not trusted; the detector decides.
    assert meta(PROSE_EN, hints={"language": "nl"}, languages=["de", "en"]).language == "en"
