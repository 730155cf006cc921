"""Metadata of every demo-corpus article, read through the public ingest path.

The demo files open with the page chrome scrapers meet (breadcrumbs, consent banners and
their buttons, section labels) above the headline; the title must be the headline, and every
other field must be what the article states, nothing guessed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.ingest.pipeline import Prepared, prepare
from parley.ingest.sources import Skipped

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"

# source -> (title start, outlet, author, published, dateline, language)
EXPECTED = {
    "de_20_punkte_plan_2025-12-24.txt.gz": (
        "Selenskyj legt 20-Punkte-Plan offen",
        None,  # the page names no outlet
        "Markus Feldhaus und Oksana Lytvyn",
        "2025-12-24",
        None,
        "de",
    ),
    "de_berlin_gespraeche_2025-12-15.html": (
        "Ukraine-Gespräche in Berlin: Selenskyj bietet Verzicht",
        "Rheinischer Beobachter",
        "Jana Kollwitz",
        "2025-12-15",
        "Berlin.",
        "de",
    ),
    "de_budapest_gipfel_abgesagt_2025-10-23.txt": (
        "ROUNDUP: Gipfel in Budapest auf Eis",
        "dpa",
        None,  # agency copy without a byline
        "2025-10-23",
        "WASHINGTON/MOSKAU (dpa-AFX) -",
        "de",
    ),
    "de_istanbul_memoranden_2025-06-03.html": (
        "Istanbul: Kiew und Moskau tauschen Memoranden",
        "Bodensee-Kurier",
        "Lea Hartmann",
        "2025-06-03",
        "Istanbul.",
        "de",
    ),
    "de_moskau_witkoff_kushner_2025-12-03.txt": (
        "ROUNDUP: Fünf Stunden im Kreml",
        "dpa",
        None,  # agency copy without a byline
        "2025-12-03",
        "MOSKAU (dpa-AFX) -",
        "de",
    ),
    "de_florida_umerow_witkoff_2025-12-01.html": (
        "Gespräche in Florida: Rubio sieht Fortschritte",
        "Hanseatische Rundschau",
        "Tobias Rehwinkel",
        "2025-12-01",
        "Hallandale Beach.",
        "de",
    ),
    "de_istanbul_direktgespraeche_2025-05-17.txt": (
        "ROUNDUP 2: Erste direkte Gespräche seit 2022",
        "dpa",
        None,  # agency copy without a byline
        "2025-05-17",
        "ISTANBUL (dpa-AFX) -",
        "de",
    ),
    "de_mar_a_lago_selenskyj_2025-12-29.html": (
        "Treffen in Mar-a-Lago: Trump und Selenskyj kommen voran",
        "Westfälischer Kurier",
        "Carolin Brandstätter",
        "2025-12-29",
        "Palm Beach.",
        "de",
    ),
    "de_istanbul_dritte_runde_2025-07-24.txt": (
        "Dritte Runde in Istanbul: Kiew und Moskau einigen sich",
        "AFP",
        None,  # agency copy without a byline
        "2025-07-24",
        "ISTANBUL (AFP) -",
        "de",
    ),
    "de_kreml_witkoff_kushner_2026-01-23.txt": (
        "Nächtliches Treffen im Kreml: Putin empfängt Witkoff und Kushner",
        None,  # the outlet is named only in the footer
        "Jana Oberländer",
        "2026-01-23",
        None,
        "de",
    ),
    "en_alaska_summit_2025-08-16.html": (
        "No deal in Anchorage: Trump and Putin part without a ceasefire",
        "Harbor Street Journal",
        "Elise Marchetti",
        "2025-08-16",
        None,
        "en",
    ),
    "en_riyadh_rubio_lavrov_2025-02-19.txt": (
        "U.S. and Russia agree to work toward ending Ukraine war",
        "Reuters",
        "Oliver Haskins and Nadia Rahimova",
        "2025-02-19",
        "RIYADH (Reuters) -",
        "en",
    ),
    "en_white_house_europeans_2025-08-19.txt": (
        "Trump starts arranging Putin–Zelensky meeting",
        "Reuters",
        "Marcus Delacroix and Ingrid Solheim",
        "2025-08-19",
        "WASHINGTON (Reuters) -",
        "en",
    ),
    "en_28_point_plan_leak_2025-11-22.html": (
        "What is in the leaked 28-point plan for Ukraine",
        "The Meridian Ledger",
        "Clara Benedetti",
        "2025-11-22",
        None,
        "en",
    ),
    "en_driscoll_abu_dhabi_2025-11-25.txt": (
        "U.S. Army chief holds talks with Russians in Abu Dhabi",
        "Reuters",
        "Rachel Ostrowski",
        "2025-11-25",
        "ABU DHABI (Reuters) -",
        "en",
    ),
    "en_geneva_talks_2025-11-24.html": (
        "Geneva talks trim U.S. peace plan as Europeans table their own draft",
        "The Lakeside Courier",
        "Tom Ashworth",
        "2025-11-24",
        None,
        "en",
    ),
    "en_jeddah_ceasefire_2025-03-12.txt": (
        "Ukraine backs 30-day truce plan after Jeddah talks",
        "Reuters",
        "Hannah Calloway and Tomasz Wrobel",
        "2025-03-12",
        "JEDDAH, Saudi Arabia (Reuters) -",
        "en",
    ),
    "en_trump_putin_call_2025-03-19.txt": (
        "Putin agrees to pause strikes on energy sites",
        "Reuters",
        "Daniel Okafor",
        "2025-03-19",
        "WASHINGTON (Reuters) -",
        "en",
    ),
    "en_oval_office_clash_2025-03-01.txt": (
        "Zelensky leaves White House early after shouting match",
        "Reuters",
        "Hannah Lowery",
        "2025-03-01",
        "WASHINGTON (Reuters) -",
        "en",
    ),
    "en_witkoff_putin_moscow_2025-08-07.txt": (
        "Kremlin says Putin-Trump summit is being prepared",
        "Reuters",
        "Helen Marchetti and Pavel Orlov",
        "2025-08-07",
        "MOSCOW (Reuters) -",
        "en",
    ),
    "en_witkoff_putin_st_petersburg_2025-04-12.txt": (
        "Putin gives Trump envoy four hours in St Petersburg",
        "Reuters",
        "Anton Weisz and Carla Mendes",
        "2025-04-12",
        "ST PETERSBURG (Reuters) -",
        "en",
    ),
    "en_vatican_trump_zelensky_2025-04-27.html": (
        "Fifteen minutes in St Peter's: Trump and Zelensky talk",
        "The Pennine Observer",
        "Giulia Ferrante",
        "2025-04-27",
        None,
        "en",
    ),
    "en_zelensky_white_house_tomahawks_2025-10-18.txt": (
        "Trump urges freeze on front line as Zelensky leaves White House",
        None,  # the page names no outlet
        "Nora Whitfield and Daniel Ruiz",
        "2025-10-18",
        "WASHINGTON —",
        "en",
    ),
    "de_miami_dmitrijew_witkoff_2025-10-27.html": (
        "Putins Unterhändler in Miami",
        "Rheinpfalz-Bote",
        "Jonas Weigand",
        "2025-10-27",
        "Miami/Moskau.",
        "de",
    ),
    "de_abu_dhabi_dreiergespraeche_2026-01-24.txt": (
        "ROUNDUP 2: Erste Dreiergespräche in Abu Dhabi",
        "dpa",
        None,  # agency copy without a byline
        "2026-01-24",
        "ABU DHABI (dpa-AFX) -",
        "de",
    ),
    "en_paris_coalition_summit_2026-01-07.html": (
        "Allies in Paris sign up to post-ceasefire force",
        "The Northgate Herald",
        "Claire Dunmore",
        "2026-01-07",
        None,
        "en",
    ),
    "mixed_feed_2025.jsonl:1": (
        "Geneva talks produce 'refined' peace framework",
        "Wirewatch",
        "Samuel Achterberg",
        "2025-11-24",
        "GENEVA, Nov 24 -",
        "en",
    ),
    "mixed_feed_2025.jsonl:2": (
        "Trump und Putin vereinbaren Gipfel in Budapest",
        "Nordkurier Online",
        "Lena Brückner",
        "2025-10-17",
        None,
        "de",
    ),
}


@pytest.fixture(scope="module")
def demo_articles():
    articles = {}
    for item in prepare([str(DEMO)]):
        if isinstance(item, Skipped):  # the corpus README
            continue
        assert isinstance(item, Prepared), item
        name = Path(item.source).name + (f":{item.line}" if item.line else "")
        articles[name] = item.article
    return articles


def test_every_demo_article_is_read(demo_articles):
    assert set(demo_articles) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_demo_metadata(demo_articles, name):
    article = demo_articles[name]
    title, outlet, author, published, dateline, language = EXPECTED[name]
    assert article.title is not None and article.title.startswith(title), article.title
    got = (article.outlet, article.author, article.published, article.dateline, article.language)
    assert got == (outlet, author, published, dateline, language)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_demo_chrome_above_the_headline_is_removed(demo_articles, name):
    """Breadcrumbs and consent lines are recorded as removed, never left in the text."""
    article = demo_articles[name]
    for line in article.text.splitlines():
        assert "›" not in line and "cookie" not in line.casefold(), line
        assert line.strip() not in {"Accept all", "Alle akzeptieren", "Einstellungen", "Settings"}
