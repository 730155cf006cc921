"""Does a shorter language-detection sample change any decision, and what does it save?

parley detects an article's language from its first SAMPLE_CHARS characters
(parley.ingest.language). This script runs the detector with several sample sizes over
the same texts and counts, per corpus, how many decisions differ from the 2000-character
sample, with the time detection takes. It then times ``build_article`` (clean + metadata,
what ``parley ingest --no-extract`` does per document) over the demo corpus, the seeds and
a seeded synthetic corpus, and reports the share of that time spent in language detection.

Corpora (all read at run time, nothing copied):
  seeds     ../shared/corpus/seeds (5 German articles), as ingested (cleaned text)
  demo      corpus/demo (9 articles, de and en), as ingested
  wikinews  ../shared/datasets/german-news-quotes, all splits (998 German articles), cleaned
  synth     benchmarks/synth.py, seeded (German and English, with boilerplate)

Run:  PYTHONPATH=src python benchmarks/language_sample.py [--synth 400] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import parley.ingest.language as language
import parley.ingest.metadata as metadata
from parley.ingest.clean import clean_text
from parley.ingest.pipeline import build_article
from parley.ingest.sources import RawDocument, iter_documents

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import generate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SIZES = (2000, 1000, 500, 300)


def documents(path: Path) -> list[RawDocument]:
    return [d for d in iter_documents([str(path)]) if isinstance(d, RawDocument)]


def cleaned_texts(docs: list[RawDocument]) -> list[str]:
    """The text language detection sees: the stored article text."""
    return [build_article(d).text for d in docs]


def wikinews_texts() -> list[str]:
    folder = SHARED / "datasets" / "german-news-quotes"
    texts = []
    for split in ("train", "dev", "test"):
        with (folder / f"{split}.jsonl").open(encoding="utf-8") as lines:
            texts.extend(clean_text(json.loads(line)["originalText"]).text for line in lines)
    return texts


def with_sample(size: int, fn: Callable[[], object]) -> object:
    saved = language.SAMPLE_CHARS
    language.SAMPLE_CHARS = size
    try:
        return fn()
    finally:
        language.SAMPLE_CHARS = saved


def decisions(texts: list[str], size: int) -> tuple[list[str | None], float]:
    def run() -> list[str | None]:
        return [language.detect_language(t) for t in texts]

    start = time.process_time()
    result = with_sample(size, run)
    return result, time.process_time() - start  # type: ignore[return-value]


def ingest_share(docs: list[RawDocument], size: int) -> tuple[float, float]:
    """(CPU seconds of build_article over docs, of which in language detection)."""
    spent = 0.0
    original = metadata.detect_language

    def timed(text, languages=None):
        nonlocal spent
        start = time.process_time()
        try:
            return original(text, languages)
        finally:
            spent += time.process_time() - start

    metadata.detect_language = timed
    try:
        start = time.process_time()
        with_sample(size, lambda: [build_article(d) for d in docs])
        total = time.process_time() - start
    finally:
        metadata.detect_language = original
    return total, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synth", type=int, default=400, help="synthetic articles (default 400)")
    parser.add_argument("--seed", type=int, default=7, help="synthetic corpus seed (default 7)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), args.synth, args.seed)
        synth_docs = documents(Path(tmp))
    seed_docs = documents(SHARED / "corpus" / "seeds")
    demo_docs = documents(ROOT / "corpus" / "demo")
    corpora = {
        "seeds": cleaned_texts(seed_docs),
        "demo": cleaned_texts(demo_docs),
        "wikinews": wikinews_texts(),
        "synth": cleaned_texts(synth_docs),
    }
    for texts in corpora.values():  # build both detectors before timing anything
        decisions(texts[:1], SIZES[0])
    language.detect_language("Kurz.")

    print("Decisions that differ from a 2000-character sample, and detection CPU time")
    columns = "".join(f"{f'{s} chars':>20}" for s in SIZES)
    header = f"{'corpus':<10}{'texts':>7}{'>1000':>7}{columns}"
    print(header)
    for name, texts in corpora.items():
        reference, _ = decisions(texts, SIZES[0])
        cells = []
        for size in SIZES:
            got, seconds = decisions(texts, size)
            changed = sum(a != b for a, b in zip(reference, got, strict=True))
            cells.append(f"{changed} diff, {seconds * 1000:6.0f} ms")
        counts = {code: reference.count(code) for code in sorted(set(reference), key=str)}
        longer = sum(len(" ".join(t.split())) > 1000 for t in texts)  # where 1000 cuts the sample
        print(f"{name:<10}{len(texts):>7}{longer:>7}" + "".join(f"{c:>20}" for c in cells), counts)

    print("\nShare of build_article (clean + metadata) CPU time spent in language detection")
    docs = seed_docs + demo_docs + synth_docs
    for size in SIZES[:2]:
        total, spent = min((ingest_share(docs, size) for _ in range(3)), key=lambda r: r[0])
        print(
            f"sample {size:>4}: {len(docs)} docs, {total * 1000:7.0f} ms total, "
            f"{spent * 1000:6.0f} ms detecting ({spent / total:.0%})"
        )


if __name__ == "__main__":
    main()
