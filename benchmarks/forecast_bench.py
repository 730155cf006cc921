"""Speed of the news-driven forecast time line (``parley forecast``) on a synthetic corpus.

Builds a knowledge base of N synthetic articles (stance records written through the store's
public API, dates spread over a period so several articles share a date), then times:

* ``update``: reading every stance and updating the case pack's positions once;
* ``timeline``: ``forecast_timeline`` (re-estimation at every date, one batched model call per
  date over every subset of that date's articles for the Shapley attribution);
* ``naive``: the obvious alternative without attribution: per date, rebuild the scenario from
  the knowledge base (``update_scenario(until=date)``) and run the model once.

The ratio column is naive time / timeline time (above 1: the batched time line, which does
strictly more work, is faster).

    PYTHONPATH=src python benchmarks/forecast_bench.py [--articles 300] [--days 120]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from parley.cases import load_case
from parley.ingest.article import Article
from parley.model.evidence import update_scenario
from parley.simulate.base import get_model
from parley.simulate.timeline import forecast_timeline
from parley.store.kb import KnowledgeBase, SourceRef
from parley.store.records import write_records

SPEAKERS = ["volodymyr-zelensky", "vladimir-putin", "donald-trump", "friedrich-merz"]
STANCES = ["demand", "offer", "accept", "reject", "open", "conditional"]
START = date(2025, 9, 1)


def build(path: Path, n: int, days: int, seed: int) -> None:
    pack = load_case("ukraine-2025")
    issues = sorted({p.issue for p in pack.positions})
    rng = random.Random(seed)
    with KnowledgeBase(path) as kb:
        for k in range(n):
            day = START + timedelta(days=rng.randrange(days))
            sentences = []
            records = []
            for _ in range(rng.randint(1, 3)):
                issue = rng.choice(issues)
                value = rng.choice([None, 250000, 600000, 800000]) if issue == "army-size" else None
                text = f"Satz {k}-{len(sentences)} über {issue} mit {value or 'keiner Zahl'}."
                start = sum(len(s) + 1 for s in sentences)
                sentences.append(text)
                records.append(
                    {
                        "kind": "stance",
                        "start": start,
                        "end": start + len(text),
                        "actor": rng.choice(SPEAKERS),
                        "issue": issue,
                        "stance": rng.choice(STANCES),
                        "value": value,
                        "condition": None,
                    }
                )
            article = Article(
                text=" ".join(sentences), source=f"synthetic:{k}", published=day.isoformat()
            )
            for r in records:
                r["article"] = article.id

            def store(conn, art, records=records):
                write_records(conn, art.id, records)

            kb.add_article(
                article, origin=SourceRef(f"synthetic:{k}", None, None), digest=str(k), on_new=store
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--models", default="compromise,bdm")
    args = parser.parse_args()
    pack = load_case("ukraine-2025")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db, args.articles, args.days, args.seed)
        with KnowledgeBase(db) as kb:
            t0 = time.perf_counter()
            update_scenario(kb, pack)
            t_update = time.perf_counter() - t0
            print(f"{args.articles} articles over {args.days} days; update: {t_update:.3f} s\n")
            print(f"{'model':<11} {'dates':>5} {'timeline s':>10} {'naive s':>8} {'ratio':>6}")
            for name in args.models.split(","):
                t0 = time.perf_counter()
                timeline = forecast_timeline(kb, pack, name)
                t_line = time.perf_counter() - t0
                engine = get_model(name)
                t0 = time.perf_counter()
                for step in timeline.steps[1:]:
                    engine.run(update_scenario(kb, pack, until=step.day).scenario)
                t_naive = time.perf_counter() - t0
                print(
                    f"{name:<11} {len(timeline.steps) - 1:>5} {t_line:>10.2f} {t_naive:>8.2f} "
                    f"{t_naive / t_line:>6.1f}"
                )


if __name__ == "__main__":
    main()
