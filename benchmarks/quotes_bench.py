"""Throughput of the text layer and the quote extractor on German news text.

Reads the article texts of the German news quotes benchmark (../shared, read at run
time, nothing stored) and times, in one run on the same texts:

* spaCy's stock rule pipeline (blank ``de`` + ``sentencizer`` + lookup lemmatizer), the peer;
* parley's text layer (:func:`parley.extract.nlp.parse_many`: quote-aware splitter + lemmas);
* parley's text layer plus :func:`parley.extract.quotes.find_quotes`.

Prints MB/s, sentences/s and articles/s per core, and each row's ratio to the peer.
Usage: ``PYTHONPATH=src python benchmarks/quotes_bench.py [--split train] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
DATASET = ROOT / ".." / "shared" / "datasets" / "german-news-quotes"


def _best_of(repeat: int, fn) -> tuple[float, int]:
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()  # CPU time: fair on a shared machine
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import spacy

    from parley.extract.nlp import get_nlp, parse_many
    from parley.extract.quotes import find_quotes

    path = DATASET / f"{args.split}.jsonl"
    texts = [json.loads(line)["originalText"] for line in path.open(encoding="utf-8")]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    peer = spacy.blank("de")
    peer.add_pipe("sentencizer")
    peer.add_pipe("lemmatizer", config={"mode": "lookup"})
    peer.initialize()
    get_nlp("de")
    find_quotes("Er sagte, es sei gut.", "de")  # warm caches and lexicons

    def run_peer() -> int:
        return sum(len(list(d.sents)) for d in peer.pipe(texts))

    def run_parley() -> int:
        return sum(len(list(d.sents)) for d in parse_many(texts, "de"))

    def run_quotes() -> int:
        n = 0
        for text, doc in zip(texts, parse_many(texts, "de"), strict=True):
            find_quotes(text, "de", doc=doc)
            n += len(list(doc.sents))
        return n

    rows = [
        ("spaCy blank de + sentencizer + lemmas (peer)", *_best_of(args.repeat, run_peer)),
        ("parley text layer (nlp.parse)", *_best_of(args.repeat, run_parley)),
        ("parley text layer + quotes", *_best_of(args.repeat, run_quotes)),
    ]
    table = Table(title=f"{len(texts)} articles, {mb:.2f} MB ({args.split}), best of {args.repeat}")
    for head in ("pipeline", "MB/s", "sentences/s", "articles/s", "vs peer"):
        table.add_column(head, justify="right" if head != "pipeline" else "left")
    peer_rate = mb / rows[0][1]
    for name, seconds, sentences in rows:
        table.add_row(
            name,
            f"{mb / seconds:.2f}",
            f"{sentences / seconds:,.0f}",
            f"{len(texts) / seconds:,.0f}",
            f"{(mb / seconds) / peer_rate:.2f}×",
        )
    Console().print(table)


if __name__ == "__main__":
    main()
