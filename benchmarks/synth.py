"""A seeded synthetic news corpus for ingest benchmarks and soak tests.

German and English news-style articles about multi-party talks, written from
sentence templates (no published text), wrapped in the boilerplate scrapers
really meet: photo credits, consent banners, paywall fields, embedded posts,
republishers' disclaimers, bylines, datelines and dates. The corpus mixes the
formats ``parley ingest`` reads: plain text in nested folders, gzip, HTML pages
and JSON Lines feeds; a share of articles reappears as exact copies and as
agency copy with small edits, so deduplication does real work.

The same seed always gives the same corpus, byte for byte.

    python benchmarks/synth.py /tmp/corpus --articles 10000 --seed 7
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
from dataclasses import dataclass
from pathlib import Path

ACTORS = {
    "de": [
        "Kremlchef Wladimir Putin",
        "US-Präsident Donald Trump",
        "der Sondergesandte Steve Witkoff",
        "Präsident Wolodymyr Selenskyj",
        "Außenminister Sergej Lawrow",
        "Kremlsprecher Dmitri Peskow",
        "Nato-Generalsekretär Mark Rutte",
        "Außenminister Johann Wadephul",
        "der Berater Juri Uschakow",
        "Verhandlungsführer Rustem Umerow",
    ],
    "en": [
        "President Vladimir Putin",
        "President Donald Trump",
        "special envoy Steve Witkoff",
        "President Volodymyr Zelensky",
        "Foreign Minister Sergei Lavrov",
        "Kremlin spokesman Dmitry Peskov",
        "NATO Secretary General Mark Rutte",
        "Secretary of State Marco Rubio",
        "adviser Yuri Ushakov",
        "chief negotiator Rustem Umerov",
    ],
}
PLACES = {
    "de": ["in Moskau", "in Genf", "in Miami", "in Kiew", "in Berlin", "in Abu Dhabi"],
    "en": ["in Moscow", "in Geneva", "in Miami", "in Kyiv", "in Berlin", "in Abu Dhabi"],
}
TOPICS = {
    "de": [
        "den 28-Punkte-Plan",
        "Sicherheitsgarantien für die Ukraine",
        "einen Waffenstillstand",
        "die Zukunft des Donbass",
        "eingefrorene russische Vermögen",
        "die Lockerung von Sanktionen",
        "die Größe der ukrainischen Armee",
        "das Atomkraftwerk Saporischschja",
        "einen Gefangenenaustausch",
        "europäische Truppen in der Ukraine",
    ],
    "en": [
        "the 28-point plan",
        "security guarantees for Ukraine",
        "a ceasefire",
        "the future of the Donbas",
        "frozen Russian assets",
        "easing sanctions",
        "the size of Ukraine's army",
        "the Zaporizhzhia nuclear plant",
        "a prisoner exchange",
        "European troops in Ukraine",
    ],
}
VERBS = {
    "de": [
        ("sprach mit {o} über {t}", "sagte"),
        ("lehnte {t} entschieden ab", "betonte"),
        ("forderte von {o} Zugeständnisse bei {t}", "erklärte"),
        ("traf {o} {p} zu Gesprächen über {t}", "teilte mit"),
        ("telefonierte am {d} mit {o}", "berichtete"),
        ("zeigte sich offen für {t}", "hieß es"),
        ("warnte {o} vor einem Scheitern der Gespräche über {t}", "sagte"),
    ],
    "en": [
        ("spoke with {o} about {t}", "said"),
        ("firmly rejected {t}", "stressed"),
        ("pressed {o} for concessions on {t}", "said"),
        ("met {o} {p} for talks on {t}", "announced"),
        ("spoke by phone with {o} on {d}", "reported"),
        ("signalled openness to {t}", "said"),
        ("warned {o} that talks on {t} could collapse", "told reporters"),
    ],
}
DAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Sonntag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Sunday"],
}
MONTHS_DE = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
OUTLETS = {
    "de": ["Rheinischer Bote", "Hansepost", "Alpenkurier", "Spreeblick Online"],
    "en": ["The Harbour Times", "Northern Wire", "Capital Ledger", "Daily Meridian"],
}
AGENCIES = ["REUTERS", "IMAGO", "AFP", "dpa", "AP"]
NAMES = ["Anna Berger", "Jonas Keller", "Mira Hofmann", "Sam Porter", "Lena Vogt", "Tom Hale"]


@dataclass(frozen=True, slots=True)
class Synthetic:
    language: str
    outlet: str
    title: str
    published: str  # YYYY-MM-DD
    body: list[str]  # paragraphs of prose
    text: str  # the scraped text: prose wrapped in boilerplate


def _sentence(rng: random.Random, lang: str) -> str:
    actor, other = rng.sample(ACTORS[lang], 2)
    verb, speech = rng.choice(VERBS[lang])
    clause = verb.format(
        o=other, t=rng.choice(TOPICS[lang]), p=rng.choice(PLACES[lang]), d=rng.choice(DAYS[lang])
    )
    subject = actor[0].upper() + actor[1:]
    if rng.random() < 0.3:
        said = rng.choice(TOPICS[lang])
        if lang == "de":
            return f"„Über {said} wird nicht verhandelt“, {speech} {actor}."
        return f'"We will not negotiate {said}," {actor} {speech}.'
    return f"{subject} {clause}."


def _date(rng: random.Random) -> tuple[int, int, int]:
    return 2025, rng.randint(1, 12), rng.randint(1, 28)


def article(rng: random.Random) -> Synthetic:
    """One article: prose plus the boilerplate of a scraped news page."""
    lang = "de" if rng.random() < 0.6 else "en"
    year, month, day = _date(rng)
    outlet = rng.choice(OUTLETS[lang])
    author = rng.choice(NAMES)
    body = [
        " ".join(_sentence(rng, lang) for _ in range(rng.randint(3, 6)))
        for _ in range(rng.randint(4, 9))
    ]
    topic = rng.choice(TOPICS[lang])
    if lang == "de":
        title = f"Gespräche über {topic} {rng.choice(PLACES[lang])}"
        header = f"Ausland – Diplomatie {day}. {MONTHS_DE[month - 1][:3]} {year}"
        credit = f"© {rng.choice(AGENCIES)}/{rng.choice(NAMES).upper()}"
        byline = rng.choice([f"Von {author}", f"{author} berichtet für {outlet}"])
        consent = [
            "Empfohlener redaktioneller Inhalt",
            "Hier ergänzt ein externer Inhalt den Artikel; die Redaktion hat ihn ausgewählt.",
            "Wer einverstanden ist, bekommt den Inhalt des Drittanbieters zu sehen. Die "
            "Einwilligung lässt sich in den Datenschutz-Einstellungen jederzeit zurücknehmen.",
        ]
        paywall = ["- showPaywall:", "- false", "- isSubscriber:", "- false", "- isPaid:", "- true"]
        disclaimer = (
            "Haftungsausschluss: Das Urheberrecht an diesem Beitrag liegt beim ursprünglichen "
            "Verlag; die Wiedergabe dient nur der Information."
        )
        stamp = rng.choice(["Stand:", f"Stand: {day:02d}.{month:02d}.{year}"])
        dateline = rng.choice(["Moskau.", "Washington.", "GENF (dpa-AFX) -", ""])
    else:
        title = f"Talks on {topic} {rng.choice(PLACES[lang])}"
        header = f"World | Europe {MONTHS_EN[month - 1]} {day}, {year}"
        credit = f"Photo: {rng.choice(NAMES)}/{rng.choice(['Reuters', 'Getty Images', 'AP'])}"
        byline = f"By {author}"
        consent = ["We use cookies to give you the best experience on our website.", "Accept all"]
        paywall = ["Subscribe to continue reading"]
        disclaimer = (
            "Disclaimer: Copyright of this article stays with the original publisher; it is "
            "reproduced for information purposes only."
        )
        stamp = f"Updated {MONTHS_EN[month - 1]} {day}, {year}"
        dateline = rng.choice(["WASHINGTON (Reuters) -", "KYIV, Dec 2 -", ""])
    handle = rng.choice(["kadmitriev", "envoy_news", "diplo_watch"])
    embedded = [
        f"Productive talks 🕊️ pic.twitter.com/{rng.randrange(16**10):010x}",
        f"— {rng.choice(NAMES)} (@{handle}) {MONTHS_EN[month - 1]} {day}, {year}",
    ]
    if dateline:
        body[0] = f"{dateline} {body[0]}"
    lines = [header, "", title, "", credit, ""]
    insert_at = rng.randint(1, len(body) - 1)
    for i, paragraph in enumerate(body):
        if i == insert_at:
            lines += [*consent, ""]
            if rng.random() < 0.5:
                lines += [*embedded, ""]
        lines += [paragraph, ""]
    if rng.random() < 0.5:
        lines += [*paywall, ""]
    lines += [byline, stamp]
    if rng.random() < 0.3:
        lines += ["", disclaimer]
    return Synthetic(
        language=lang,
        outlet=outlet,
        title=title,
        published=f"{year}-{month:02d}-{day:02d}",
        body=body,
        text="\n".join(lines) + "\n",
    )


def agency_copy(rng: random.Random, original: Synthetic) -> Synthetic:
    """The same report republished by another outlet with a few words changed."""
    words = original.text.split(" ")
    for i in rng.sample(range(len(words)), max(1, len(words) // 60)):
        words[i] = rng.choice(["zudem", "laut", "bereits", "also", "reportedly", "still"])
    other = rng.choice([o for o in OUTLETS[original.language] if o != original.outlet])
    return Synthetic(
        original.language, other, original.title, original.published, original.body, " ".join(words)
    )


def as_html(item: Synthetic) -> str:
    """A news page: navigation, header metadata, article body, footer."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in item.text.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html><html lang="{item.language}"><head><meta charset="utf-8">'
        f"<title>{html.escape(item.title)} | {html.escape(item.outlet)}</title>"
        f'<meta property="og:site_name" content="{html.escape(item.outlet)}">'
        f'<meta property="article:published_time" content="{item.published}T08:00:00Z">'
        "</head><body><nav><a href='/'>Home</a> | <a href='/politik'>Politik</a></nav>"
        f"<article><h1>{html.escape(item.title)}</h1>\n{paragraphs}\n</article>"
        "<footer>Impressum · Datenschutz · Kontakt</footer></body></html>\n"
    )


def generate(out: Path, articles: int, seed: int) -> tuple[int, int]:
    """Write the corpus under ``out``; returns (documents, bytes of text before compression)."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    text_bytes = documents = 0
    feed: list[str] = []
    recent: list[Synthetic] = []

    def flush_feed(final: bool = False) -> None:
        nonlocal text_bytes
        if feed and (final or len(feed) >= 500):
            path = out / "feeds" / f"feed_{documents:06d}.jsonl"
            path.parent.mkdir(exist_ok=True)
            data = ("\n".join(feed) + "\n").encode("utf-8")
            path.write_bytes(data)
            text_bytes += len(data)
            feed.clear()

    for n in range(articles):
        roll = rng.random()
        if recent and roll < 0.03:
            item = rng.choice(recent)  # exact copy, elsewhere
        elif recent and roll < 0.08:
            item = agency_copy(rng, rng.choice(recent))
        else:
            item = article(rng)
            recent = [*recent[-49:], item]
        kind = rng.random()
        folder = out / item.language / f"{n // 1000:02d}"
        if kind < 0.2:
            record = {"text": item.text, "outlet": item.outlet, "url": f"https://news.example/{n}"}
            feed.append(json.dumps(record, ensure_ascii=False))
            flush_feed()
        else:
            folder.mkdir(parents=True, exist_ok=True)
            if kind < 0.3:
                data = as_html(item).encode("utf-8")
                path = folder / f"{n:06d}.html"
            else:
                data = item.text.encode("utf-8")
                path = folder / f"{n:06d}.txt"
            text_bytes += len(data)
            if 0.3 <= kind < 0.4:
                data = gzip.compress(data, mtime=0)
                path = path.with_suffix(".txt.gz")
            path.write_bytes(data)
        documents += 1
    flush_feed(final=True)
    return documents, text_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    documents, size = generate(args.out, args.articles, args.seed)
    print(f"{documents} documents, {size / 1e6:.1f} MB of text in {args.out}")


if __name__ == "__main__":
    main()
