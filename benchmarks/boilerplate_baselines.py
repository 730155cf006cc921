"""How much scraped-text boilerplate trafilatura and jusText keep, next to parley's cleaner.

The issue asks for a line-level cleaner "because trafilatura and jusText keep most of it";
this script measures that claim. Each document is a list of lines with a gold label
(boilerplate or content). Plain text has no markup, so for the two peers every line is
wrapped as an HTML paragraph of an <article>, which is how such text reaches them when a
page is rebuilt from a scrape. A line counts as kept when its text (white space collapsed,
markdown link residue reduced to its text) appears in the tool's output.

Corpora:
  seeds      the five real articles in ../shared/corpus/seeds (when present), labelled by
             hand below by line number (no seed text is copied here);
  synthetic  seeded German and English articles written from templates in this file, with
             realistic boilerplate inserted at random places;
  clean      articles of ../shared/datasets/german-news-quotes (Wikinews, no furniture): every
             line is content, so this measures what each tool wrongly drops.

Run:  PYTHONPATH=src python benchmarks/boilerplate_baselines.py [--docs 200] [--seed 7]
      [--clean-docs 300]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parley.ingest.clean import clean_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
CLEAN_NEWS = SHARED / "datasets" / "german-news-quotes"

# Hand labels: 1-based line numbers of boilerplate lines in each seed (all other non-blank
# lines are content). Read off the files; see tests/ingest/test_clean_seeds.py.
SEED_BOILERPLATE = {
    "000": set(),
    "001": {19},  # re-publisher disclaimer
    "002": {11, 12},  # embedded post text and signature
    "003": set(),  # inline link residue only
    "004": {2, 5, 10, 16, 21, 22, 23, 37, 38, 39, 40, 41},  # credits, Stand:, consent, paywall
}


@dataclass
class Doc:
    name: str
    language: str  # "de" or "en"
    lines: list[tuple[str, bool]]  # (text, is_boilerplate)

    @property
    def text(self) -> str:
        return "\n".join(t for t, _ in self.lines)


# ----------------------------------------------------------------------------- corpora


def seed_docs() -> list[Doc]:
    docs = []
    for prefix, gold in SEED_BOILERPLATE.items():
        paths = sorted(SEEDS.glob(f"{prefix}_*.txt"))
        if not paths:
            continue
        raw = paths[0].read_text(encoding="utf-8")
        lines = [(t, n in gold) for n, t in enumerate(raw.splitlines(), start=1) if t.strip()]
        docs.append(Doc(f"seed {prefix}", "de", lines))
    return docs


def clean_news_docs(limit: int) -> list[Doc]:
    docs: list[Doc] = []
    for path in sorted(CLEAN_NEWS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if len(docs) >= limit:
                    return docs
                text = json.loads(line)["originalText"]
                content = [(t, False) for t in text.splitlines() if t.strip()]
                docs.append(Doc(f"{path.name}:{number}", "de", content))
    return docs


PEOPLE = ["Anna Keller", "Boris Lenz", "Clara Wolff", "David Stein", "Eva Brandt", "Felix Roth"]
PLACES_DE = ["Genf", "Moskau", "Kiew", "Washington", "Brüssel", "Istanbul", "Riad"]
PLACES_EN = ["Geneva", "Moscow", "Kyiv", "Washington", "Brussels", "Istanbul", "Riyadh"]
DAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Wochenende"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend"]
AGENCIES = ["REUTERS", "IMAGO", "dpa", "AFP", "AP", "picture alliance", "Getty Images"]

DE_SENTENCES = [
    "{p} sagte am {d} in {c}, die Gespräche seien schwierig, aber nicht gescheitert.",
    "Nach Angaben von Diplomaten lag am {d} noch kein gemeinsamer Text vor.",
    "Die Delegation aus {c} wollte sich zu den Einzelheiten des Entwurfs nicht äußern.",
    "„Wir sind zu einem Kompromiss bereit, aber nicht um jeden Preis“, sagte {p}.",
    "Beobachter in {c} rechnen nicht vor dem Frühjahr mit einer Einigung.",
    "Die Nachrichtenagentur Reuters berichtete, die Sitzung habe bis in die Nacht gedauert.",
    "Stand der Verhandlungen sei, dass beide Seiten weiter miteinander reden wollten.",
    "{p} kündigte an, am {d} erneut nach {c} zu reisen.",
    "Umstritten bleiben vor allem die Sicherheitsgarantien und der Verlauf der Grenze.",
    "Die Regierung in {c} wies den Bericht am {d} als unzutreffend zurück.",
]
EN_SENTENCES = [
    "{p} said on {d} in {c} that the talks were difficult but had not failed.",
    "According to diplomats, no joint text was ready by {d}.",
    "The delegation from {c} declined to comment on the details of the draft.",
    '"We are ready for a compromise, but not at any price," {p} said.',
    "Observers in {c} do not expect an agreement before the spring.",
    "A Reuters tally showed the session ran late into the night.",
    "Share prices in {c} rose after the meeting ended on {d}.",
    "{p} announced another trip to {c} on {d}.",
    "Security guarantees and the line of the border remain the main points of dispute.",
    "The government in {c} rejected the report on {d} as inaccurate.",
]
DE_HEADLINES = [
    "Gespräche in {c} ohne Ergebnis",
    "Was der neue Entwurf vorsieht",
    "{p} reist nach {c}",
]
EN_HEADLINES = ["Talks in {c} end without result", "What the new draft says", "{p} travels to {c}"]


def _fill(rng: random.Random, template: str, lang: str) -> str:
    return template.format(
        p=rng.choice(PEOPLE),
        c=rng.choice(PLACES_DE if lang == "de" else PLACES_EN),
        d=rng.choice(DAYS_DE if lang == "de" else DAYS_EN),
    )


def _boilerplate(rng: random.Random, lang: str) -> list[str]:
    """One realistic piece of page furniture (one or more lines)."""
    name = rng.choice(PEOPLE).upper()
    headline = _fill(rng, rng.choice(DE_HEADLINES if lang == "de" else EN_HEADLINES), lang)
    common = [
        [f"© {rng.choice(AGENCIES)}/{name}"],
        ["- showPaywall:", "- false", "- isPaid:"],
        [
            f"{rng.choice(['Productive', 'Good talks', 'Next round'])} pic.twitter.com/"
            f"{rng.randrange(16**8):08x}",
            f"— {rng.choice(PEOPLE)} (@{rng.choice(PEOPLE).split()[1].lower()}) December "
            f"{rng.randint(1, 28)}, 2025",
        ],
    ]
    german = [
        [f"Foto: {rng.choice(PEOPLE)}/{rng.choice(AGENCIES)}"],
        ["Anzeige"],
        [f"Lesen Sie auch: {headline}"],
        ["Stand:"],
        ["Artikel teilen"],
        ["Facebook Twitter WhatsApp E-Mail"],
        ["Lesezeit: 4 Min."],
        [
            "Empfohlener redaktioneller Inhalt",
            "Die Redaktion bindet hier einen externen Inhalt ein, der zum Thema passt.",
            "Einverstanden? Dann laden wir den Inhalt des Anbieters. Ihre Zustimmung ändern Sie "
            "jederzeit in den Datenschutz-Einstellungen.",
        ],
        [
            "Haftungsausschluss: Das Urheberrecht an diesem Beitrag hat sein Verfasser. Wir "
            "geben ihn nur zu Informationszwecken wieder."
        ],
        ["Newsletter abonnieren"],
    ]
    english = [
        [f"Photo: {rng.choice(PEOPLE)}/Getty Images"],
        ["Advertisement"],
        [f"Read more: {headline}"],
        ["Sign up for our newsletter"],
        ["Share this article"],
        ["We use cookies to improve your experience on our site. By continuing you accept them."],
        ["Skip advertisement"],
        ["Story continues below advertisement"],
        [
            "We value your privacy",
            "We and our partners store and access information on your device.",
            "Accept all",
        ],
    ]
    return rng.choice(common + (german if lang == "de" else english))


def synthetic_docs(n: int, seed: int) -> list[Doc]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lang = "de" if i % 2 == 0 else "en"
        sentences = DE_SENTENCES if lang == "de" else EN_SENTENCES
        headlines = DE_HEADLINES if lang == "de" else EN_HEADLINES
        content = [_fill(rng, rng.choice(headlines), lang)]
        for _ in range(rng.randint(6, 12)):
            content.append(" ".join(_fill(rng, rng.choice(sentences), lang) for _ in range(3)))
        # Furniture goes between paragraphs (never inside another piece of furniture).
        gaps: dict[int, list[str]] = {}
        for _ in range(rng.randint(3, 7)):
            gaps.setdefault(rng.randint(1, len(content)), []).extend(_boilerplate(rng, lang))
        lines: list[tuple[str, bool]] = []
        for at, paragraph in enumerate(content):
            lines += [(t, True) for t in gaps.get(at, [])]
            lines.append((paragraph, False))
        lines += [(t, True) for t in gaps.get(len(content), [])]
        docs.append(Doc(f"synthetic {i}", lang, lines))
    return docs


# ----------------------------------------------------------------------------- tools

_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^)\s]*\)")


def _norm(text: str) -> str:
    return " ".join(_LINK.sub(r"\1", text).replace(" (Link)", "").split())


def _as_html(doc: Doc) -> str:
    body = "".join(f"<p>{html.escape(t)}</p>\n" for t, _ in doc.lines)
    return f"<html><head><title>x</title></head><body><article>\n{body}</article></body></html>"


def run_parley(doc: Doc) -> str:
    return clean_text(doc.text).text


def run_trafilatura(doc: Doc, *, precision: bool = False) -> str:
    import trafilatura

    out = trafilatura.extract(
        _as_html(doc), include_comments=False, deduplicate=False, favor_precision=precision
    )
    return out or ""


def run_justext(doc: Doc) -> str:
    import justext

    stoplist = justext.get_stoplist("German" if doc.language == "de" else "English")
    paragraphs = justext.justext(_as_html(doc).encode("utf-8"), stoplist)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


TOOLS: dict[str, Callable[[Doc], str]] = {
    "parley": run_parley,
    "trafilatura": run_trafilatura,
    "trafilatura*": lambda doc: run_trafilatura(doc, precision=True),
    "jusText": run_justext,
}


@dataclass
class Score:
    boiler_kept: int = 0
    boiler_total: int = 0
    content_kept: int = 0
    content_total: int = 0
    seconds: float = 0.0
    megabytes: float = 0.0


def score(docs: list[Doc], tool: Callable[[Doc], str]) -> Score:
    s = Score()
    for doc in docs:
        start = time.perf_counter()
        output = tool(doc)
        s.seconds += time.perf_counter() - start
        s.megabytes += len(doc.text.encode("utf-8")) / 1e6
        kept = _norm(output)
        for text, is_boiler in doc.lines:
            present = _norm(text) in kept
            if is_boiler:
                s.boiler_total += 1
                s.boiler_kept += present
            else:
                s.content_total += 1
                s.content_kept += present
    return s


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="synthetic documents (default 200)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--clean-docs", type=int, default=300, help="clean news articles to read (default 300)"
    )
    args = parser.parse_args()

    corpora = {
        "seeds": seed_docs(),
        "synthetic": synthetic_docs(args.docs, args.seed),
        "clean": clean_news_docs(args.clean_docs),
    }
    for tool in TOOLS.values():  # warm up imports and caches outside the timings
        tool(corpora["synthetic"][0])
    header = (
        f"{'corpus':<10} {'tool':<12} {'boilerplate lines kept':>24} "
        f"{'content lines kept':>22} {'MB/s':>8}"
    )
    print(header)
    print("-" * len(header))
    for corpus, docs in corpora.items():
        if not docs:
            print(f"{corpus:<10} (not present)")
            continue
        for name, tool in TOOLS.items():
            s = score(docs, tool)
            print(
                f"{corpus:<10} {name:<12} {_pct(s.boiler_kept, s.boiler_total):>24} "
                f"{_pct(s.content_kept, s.content_total):>22} {s.megabytes / s.seconds:>8.2f}"
            )
    print(
        "\nkept = the line's text appears in the tool's output; peers get each line as an "
        "HTML <p> in an <article>.\ntrafilatura* = favor_precision=True."
    )


if __name__ == "__main__":
    main()
