"""Page furniture met on broadcaster, agency and newspaper pages, through the public ingest path.

The pages in tests/ingest/pages/ are written for these tests (invented outlets and people's
words): a broadcaster page with a read-aloud player and a teaser list, an agency text with
newsletter prompts between its paragraphs, and a newspaper page whose date line sits under
the standfirst next to the byline. Each test pins what is removed, so a lost prose line
fails as surely as a surviving furniture line.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.ingest.clean import clean_text
from parley.ingest.html import page_lines
from parley.ingest.metadata import extract_metadata
from parley.ingest.pipeline import Prepared, prepare

PAGES = Path(__file__).resolve().parent / "pages"


def _article(name: str, tmp_path: Path | None = None, text: str | None = None):
    path = PAGES / name
    if text is not None:
        assert tmp_path is not None
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
    (item,) = prepare([str(path)])
    assert isinstance(item, Prepared), item
    return item.article


def _removed(article) -> list[tuple[str, str]]:
    return [(r.reason, r.text) for r in article.removed]


# ------------------------------------------------------------------ broadcaster page


def test_broadcaster_text_loses_audio_player_and_teaser_list():
    article = _article("de_sender_kreml.txt")
    assert article.title == "Nächtliche Runde im Kreml: Putin empfängt die US-Gesandten"
    assert (article.published, article.author) == ("2026-01-23", "Katrin Albers")
    assert _removed(article) == [
        ("page-navigation", "Zum Inhalt springen"),
        ("breadcrumb", "Startseite › Ausland › Europa"),
        ("audio-player", "Audio starten | Artikel vorlesen lassen"),
        ("page-timestamp", "Stand: 23.01.2026 07:45 Uhr"),
        ("audio-player", "Audio: 03:12 min"),
        ("audio-player", "Hören Sie diesen Artikel"),
        ("read-more-list", "Mehr zu diesem Thema"),
        ("read-more-list", "Selenskyj in Davos: Europa soll schneller liefern"),
        ("read-more-list", "22.01.2026"),
        ("read-more-list", "Video"),
        ("read-more-list", "Was die neue Arbeitsgruppe leisten soll"),
        ("read-more-list", "Audio"),
        ("read-more-list", "Sicherheitsgarantien: Wer sichert einen Waffenstillstand ab?"),
    ]
    # The prose right after the teaser list survives.
    assert "Über Gebiete sei in dieser Nacht nicht abschließend gesprochen worden" in article.text


def test_broadcaster_audio_line_is_never_the_title():
    """Above the headline in the text, and as the HTML page's <title>: the headline wins."""
    raw = (PAGES / "de_sender_kreml.txt").read_text(encoding="utf-8")
    headline = "Nächtliche Runde im Kreml: Putin empfängt die US-Gesandten"
    for audio in ("Listen to this story", "Artikel anhören · 4 Min.", "Vorlesen lassen"):
        varied = raw.replace("Audio starten | Artikel vorlesen lassen", audio)
        assert extract_metadata(varied, clean_text(varied).text).title == headline
    page = _article("de_sender_kreml.html")
    assert (page.title, page.published, page.author) == (headline, "2026-01-23", "Katrin Albers")
    assert not any("Audio" in line for line in page.text.splitlines())


def test_teaser_list_stops_at_prose_even_when_it_ends_in_a_quote():
    raw = "\n".join(
        [
            "Mehr zu diesem Thema",
            "Selenskyj: „Wir geben nicht auf“",
            "21.01.2026",
            "Peskow sagte: „Wir sind zu weiteren Treffen bereit.“",
            "Die Gespräche sollen in Abu Dhabi weitergehen, hieß es aus dem Kreml.",
        ]
    )
    result = clean_text(raw)
    assert [r.text for r in result.removed] == raw.splitlines()[:3]
    assert result.text.splitlines() == raw.splitlines()[3:]


# ------------------------------------------------------------------ agency text


def test_agency_text_loses_newsletter_prompts_but_not_prose_about_a_newsletter():
    article = _article("de_agentur_newsletter.txt")
    newsletter = [text for reason, text in _removed(article) if reason == "newsletter-promo"]
    assert newsletter == [
        "Newsletter abonnieren",
        "Der Nachrichten-Newsletter: Jeden Morgen die wichtigsten Nachrichten des Tages direkt "
        "in Ihr Postfach.",
        "Melden Sie sich für unseren Newsletter an",
        "Unser Newsletter zum Krieg in der Ukraine: Hier kostenlos abonnieren",
        "Ihre E-Mail-Adresse",
        "Jetzt anmelden",
        "Mit der Anmeldung stimmen Sie unseren Datenschutzbestimmungen zu.",
    ]
    assert ("audio-player", "Artikel anhören · 3 Min.") in _removed(article)
    body = [line for line in article.text.splitlines() if len(line.split()) > 8]
    assert len(body) == 4  # every paragraph, the one that mentions a newsletter included
    assert any("Im Newsletter des französischen Außenministeriums" in line for line in body)
    assert (article.title, article.published, article.dateline) == (
        "Ukraine-Gespräche: Europäer wollen an den Verhandlungstisch",
        "2026-01-12",
        "PARIS (AFP) -",
    )


# ------------------------------------------------------------------ newspaper page

NEWSPAPER_TITLE = "Trump Presses Zelensky to Accept a Freeze on the Front Line"


def test_newspaper_text_title_date_and_furniture():
    article = _article("en_newspaper_dateline.txt")
    assert article.title == NEWSPAPER_TITLE
    assert article.published == "2025-10-18"
    assert article.author == "Nora Whitfield and Daniel Ruiz"
    reasons = {reason for reason, _ in _removed(article)}
    assert {
        "page-navigation", "advertisement", "share-buttons", "audio-player", "caption-credit",
        "reporting-from", "page-timestamp", "newsletter-promo", "read-more-list",
        "print-edition-note",
    } <= reasons  # fmt: skip
    lines = article.text.splitlines()
    assert lines[:2] == ["Europe", NEWSPAPER_TITLE]
    assert "Volodymyr Zelensky leaving the White House on Friday." in lines  # caption kept
    assert "Oct. 18, 2025" in lines  # the stamp stays in the text; it is not furniture


@pytest.mark.parametrize(
    "edit",
    [
        # Only the bare date line next to the byline.
        lambda raw: raw.replace("Updated Oct. 18, 2025, 9:14 a.m. ET\n", ""),
        # The bare date right under the standfirst, no byline.
        lambda raw: (
            raw.replace("Updated Oct. 18, 2025, 9:14 a.m. ET\n", "")
            .replace("By Nora Whitfield and Daniel Ruiz\n", "")
            .replace("Reporting from Washington\n", "")
        ),
        # A labelled stamp pushed below the fifteenth line by page chrome.
        lambda raw: (
            "Menu\n" * 20
            + raw.replace(
                "Oct. 18, 2025\nUpdated Oct. 18, 2025, 9:14 a.m. ET", "Published Oct. 18, 2025"
            )
        ),
        # The stamp with its clock time, unlabelled.
        lambda raw: raw.replace(
            "Oct. 18, 2025\nUpdated Oct. 18, 2025, 9:14 a.m. ET", "Oct. 18, 2025, 9:14 a.m. ET"
        ),
    ],
    ids=["next-to-byline", "under-standfirst", "labelled-after-chrome", "with-time"],
)
def test_newspaper_date_line_below_the_standfirst_is_the_publication_date(tmp_path, edit):
    raw = edit((PAGES / "en_newspaper_dateline.txt").read_text(encoding="utf-8"))
    article = _article("en_newspaper_dateline.txt", tmp_path, raw)
    assert (article.title, article.published) == (NEWSPAPER_TITLE, "2025-10-18")


def test_newspaper_dates_in_prose_heading_or_print_note_are_not_the_publication_date(tmp_path):
    """Without its stamp the page states no date: the prose date, the teasers' dates and the
    print note's date are other things' dates."""
    raw = (PAGES / "en_newspaper_dateline.txt").read_text(encoding="utf-8")
    raw = raw.replace("Oct. 18, 2025\nUpdated Oct. 18, 2025, 9:14 a.m. ET\n", "")
    assert _article("en_newspaper_dateline.txt", tmp_path, raw).published is None
    # A weekday heading under the first paragraph heads a day's events, not the page.
    heading = raw.replace("By Nora Whitfield and Daniel Ruiz\n", "").replace(
        "Reporting from Washington\n", "Saturday, Oct. 18, 2025\n"
    )
    assert _article("en_newspaper_dateline.txt", tmp_path, heading).published is None


def test_newspaper_html_date_line_outside_the_extracted_body(tmp_path):
    """trafilatura leaves the byline and date lines out of the body; the page states them."""
    article = _article("en_newspaper_dateline.html")
    assert (article.title, article.published) == (NEWSPAPER_TITLE, "2025-10-18")
    assert "Share full article" not in article.text
    html = (PAGES / "en_newspaper_dateline.html").read_text(encoding="utf-8")
    undated = html.replace('<p class="timestamp">Oct. 18, 2025</p>', "")
    assert _article("en_newspaper_dateline.html", tmp_path, undated).published is None
    # Teasers of other articles above the headline carry their own dates, never this one's.
    ticker = (
        '<aside class="latest"><p>Latest</p><ul><li><a href="/a">Kyiv braces for winter</a>'
        '</li><li>Oct. 12, 2025</li><li><a href="/b">Europe weighs new sanctions</a></li>'
        "<li>Oct. 11, 2025</li></ul></aside>"
    )
    teased = undated.replace('<main id="site-content">', ticker + '<main id="site-content">')
    assert _article("en_newspaper_dateline.html", tmp_path, teased).published is None


# ------------------------------------------------------------------ page lines


def test_page_lines_follow_the_layout_and_skip_what_is_not_shown():
    html = (
        "<?xml version='1.0' encoding='utf-8'?><html><head><title>T</title>"
        "<script>var stamp = 'Oct. 1, 2025';</script></head><body><p>By Jane Doe<br>"
        "Oct. 18, 2025</p><div>Text <b>bold</b> here</div></body></html>"
    )
    assert page_lines(html) == ["By Jane Doe", "Oct. 18, 2025", "Text bold here"]


@given(st.text(max_size=300))
def test_page_lines_never_fail_on_any_input(text):
    lines = page_lines(text)
    assert all(line and line == line.strip() and "\n" not in line for line in lines)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("scripts_only.html", "<html><body><script>var t = 1;</script></body></html>", "HTML"),
        (
            "chrome_only.html",
            "<html><body><p>Startseite › Politik</p><p>Listen to this story</p></body></html>",
            "boilerplate",
        ),
        (
            "player_only.txt",
            "Audio starten | Artikel vorlesen lassen\nListen to this story\n",
            "boilerplate",
        ),
        (
            "newsletter_only.txt",
            "Newsletter abonnieren\nIhre E-Mail-Adresse\nJetzt anmelden\n",
            "boilerplate",
        ),
    ],
)
def test_a_page_of_nothing_but_furniture_is_rejected_by_name(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (item,) = prepare([str(path)])
    assert not isinstance(item, Prepared)
    assert str(item).startswith(str(path)) and reason in str(item)
