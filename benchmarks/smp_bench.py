"""SMP runs per second, side by side with KTAB's reference run (0.1609 s for 7 actors x 3 dims).

Usage: PYTHONPATH=src python benchmarks/smp_bench.py [--repeat 3] [--batch 1000]

Rows: KTAB's own scenario (dummyData_3Dim.csv from ../shared, 10 steps) run once at a time
and as a batch of identical copies; a Monte Carlo batch of that scenario with every position
jittered (runs take different numbers of steps); and a random 20 x 20 scenario drawn the way
KTAB draws random SMP actors, alone and in a batch. Each timing is the best of ``--repeat``
(the machine is shared). KTAB's 0.16 s comes from its log of a run that also wrote SQLite
tables and a verbose log, on unknown hardware: the ratio is indicative, not a like-for-like
measurement.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from parley.model.formats import read_ktab_csv
from parley.simulate.smp_core import run_batch

KTAB_SECONDS_PER_RUN = 0.1609  # "Elapsed time" in 20170530_ref-dummyData_3Dim.txt
REFERENCE_CSV = (
    Path(__file__).resolve().parents[1]
    / ".."
    / "shared"
    / "datasets"
    / "bargaining-references"
    / "ktab-smp"
    / "dummyData_3Dim.csv"
)


def reference_7x3() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """KTAB's 7 x 3 scenario on the internal scale, or a random one if ../shared is absent."""
    if not REFERENCE_CSV.exists():
        return random_scenario(7, 3, np.random.default_rng(7))
    arrays = read_ktab_csv(REFERENCE_CSV).to_arrays()
    return arrays.capability, arrays.position / 100.0, arrays.salience


def random_scenario(n: int, d: int, rng: np.random.Generator):
    """Actors as KTAB randomises them: capability U(10, 200), total salience U(0.75, 0.99)
    split over dimensions in proportion to U(0.1, 1) draws, positions U(0, 1)."""
    caps = rng.uniform(10, 200, n)
    raw = rng.uniform(0.1, 1.0, (n, d))
    sal = raw / raw.sum(axis=1, keepdims=True) * rng.uniform(0.75, 0.99, (n, 1))
    return caps, rng.uniform(0, 1, (n, d)), sal


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timings per row (best kept)")
    parser.add_argument("--batch", type=int, default=1000, help="runs per 7x3 batch")
    parser.add_argument("--singles", type=int, default=20, help="one-at-a-time 7x3 runs")
    args = parser.parse_args()
    rng = np.random.default_rng(2017)

    caps, pos, sal = reference_7x3()
    n_b = args.batch
    jitter = np.clip(pos + rng.normal(0, 0.02, (n_b, *pos.shape)), 0, 1)
    big = random_scenario(20, 20, rng)
    big_b = 100
    big_jitter = np.clip(big[1] + rng.normal(0, 0.02, (big_b, 20, 20)), 0, 1)

    def one(c, p, s):
        return run_batch(c[None], p[None], s[None], track_win=False)

    def many(c, p, s):
        count = len(p)
        return run_batch(
            np.broadcast_to(c, (count, *c.shape)),
            p,
            np.broadcast_to(s, (count, *s.shape)),
            track_win=False,
        )

    rows = [
        (
            "7x3 KTAB scenario, one run at a time",
            args.singles,
            lambda: [one(caps, pos, sal) for _ in range(args.singles)],
            lambda: one(caps, pos, sal).steps,
        ),
        (
            f"7x3 KTAB scenario, batch of {n_b} copies",
            n_b,
            lambda: many(caps, np.broadcast_to(pos, (n_b, *pos.shape)), sal),
            lambda: many(caps, np.broadcast_to(pos, (n_b, *pos.shape)), sal).steps,
        ),
        (
            f"7x3 Monte Carlo batch of {n_b} (positions ±2 pts)",
            n_b,
            lambda: many(caps, jitter, sal),
            lambda: many(caps, jitter, sal).steps,
        ),
        ("20x20 random, one run", 1, lambda: one(*big), lambda: one(*big).steps),
        (
            f"20x20 Monte Carlo batch of {big_b}",
            big_b,
            lambda: many(big[0], big_jitter, big[2]),
            lambda: many(big[0], big_jitter, big[2]).steps,
        ),
    ]

    table = Table(title="SMP runs per second (KTAB: 0.1609 s per 7x3 run = 6.2 runs/s)")
    # KTAB's log only times the 7x3 scenario, so only those rows get a ratio.
    for col in ("case", "runs", "steps (mean)", "seconds", "runs/s", "× KTAB"):
        table.add_column(col, justify="left" if col == "case" else "right")
    for label, count, fn, steps_of in rows:
        seconds = best_of(args.repeat, fn)
        rate = count / seconds
        table.add_row(
            label,
            str(count),
            f"{np.mean(steps_of()):.1f}",
            f"{seconds:.3f}",
            f"{rate:,.0f}",
            f"{rate * KTAB_SECONDS_PER_RUN:,.0f}×" if label.startswith("7x3") else "n/a",
        )
    Console(width=110).print(table)


if __name__ == "__main__":
    main()
