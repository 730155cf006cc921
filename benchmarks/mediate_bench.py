"""Single-text mediation, side by side with negmas' single-text mechanisms.

Usage: PYTHONPATH=src python benchmarks/mediate_bench.py [--runs 2000] [--negmas-runs 200]

Domain: the shared 4-party, 5-issue benchmark domain (``benchmarks/domains.py``, 6 options per
issue). Every tool starts each run from the same random opening text (seeded) and must end
with a text that all four parties accept (utility at least their no-deal utility, the
reservation package of the domain). Preferences are identical: negmas gets linear additive
utility functions with parley's issue values, weights and reserved values.

* negmas ``VetoSTMechanism``: proposes random texts, kept when every party prefers them.
* negmas ``HillClimbingSTMechanism``: proposes single-issue neighbours of the current text,
  kept when every party prefers them; stops when no neighbour is left.
* parley ``Mediation``: the ``broker`` is the interested mediator, visiting north, south and
  allies; all runs go through one vectorised call.

Agreement = the final text is acceptable to all four. Nash product = Π (u − d) over the four,
on agreements ("per run": over all runs, 0 without agreement); min utility = the worst-off
party's utility, on agreements. negmas' step budget
is ``--steps`` per run. Run time is wall clock on this (shared) machine; parley's runs/s is for
a batch, and also shown for a single run at a time.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parent))

from domains import four_party_five_issues

from parley.model.mediation_setup import MediationSetup
from parley.simulate.mediation import Mediation
from parley.simulate.utility import Utilities

MEDIATOR, ORDER = "broker", ["north", "south", "allies"]


def openings(n: int, seed: int) -> np.ndarray:
    """``(n, 5)`` random opening texts on the domain's option grid."""
    rng = np.random.default_rng(seed)
    return rng.choice(np.arange(0, 101, 20), size=(n, 5)).astype(float)


def score(ut: Utilities, texts: np.ndarray) -> dict[str, float]:
    """Agreement rate, mean Nash product and mean minimum utility of the agreements."""
    u = ut.utility(texts)  # (n, A)
    ok = ut.accepts(texts, u).all(axis=-1)
    gain = np.clip(u - ut.disagreement, 0, None)
    return {
        "agreement": float(ok.mean()),
        "nash": float(gain[ok].prod(axis=-1).mean()) if ok.any() else float("nan"),
        "nash_run": float(np.where(ok, gain.prod(axis=-1), 0.0).mean()),
        "min_u": float(u[ok].min(axis=-1).mean()) if ok.any() else float("nan"),
    }


def run_parley(n: int, seed: int, batch: bool = True) -> tuple[np.ndarray, float]:
    sc = four_party_five_issues()
    engine = Mediation(
        sc, MediationSetup(mediator=MEDIATOR, order=ORDER, max_rounds=12, margin=0.1)
    )
    start = openings(n, seed)
    t = time.perf_counter()
    if batch:
        res = engine.run(n, seed, record=False, openings=start)
        texts = res.package
    else:
        texts = np.vstack(
            [engine.run(1, seed, record=False, openings=start[i : i + 1]).package
             for i in range(n)]
        )  # fmt: skip
    return np.nan_to_num(texts, nan=-1.0), time.perf_counter() - t


def run_negmas(kind: str, n: int, seed: int, steps: int) -> tuple[np.ndarray, float]:
    from negmas import BinaryComparatorNegotiator, make_issue
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.st import HillClimbingSTMechanism, VetoSTMechanism

    sc = four_party_five_issues()
    ut = Utilities.from_scenario(sc)
    values = list(range(0, 101, 20))
    issues = [make_issue(values=values, name=k) for k in ut.issue_keys]
    mech_cls = HillClimbingSTMechanism if kind == "hill" else VetoSTMechanism
    start = openings(n, seed)
    random.seed(seed)
    texts = np.empty((n, len(issues)))
    t = time.perf_counter()
    for r in range(n):
        mech = mech_cls(
            issues=issues, n_steps=steps, initial_outcome=tuple(int(v) for v in start[r])
        )
        for a, party in enumerate(ut.actor_ids):
            ufun = LinearAdditiveUtilityFunction(
                values={
                    k: {v: 1 - abs(v - ut.ideal[a, j]) / 100 for v in values}
                    for j, k in enumerate(ut.issue_keys)
                },
                weights={k: float(ut.weight[a, j]) for j, k in enumerate(ut.issue_keys)},
                issues=issues,
                reserved_value=float(ut.disagreement[a]),
            )
            mech.add(BinaryComparatorNegotiator(name=party), preferences=ufun)
        mech.run()
        final = mech.agreement
        if isinstance(final, tuple) and len(final) == 1 and isinstance(final[0], tuple):
            final = final[0]  # HillClimbingST wraps its final text in a 1-tuple
        if final is None:
            final = mech.current_offer
        texts[r] = final
    return texts, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=2000, help="parley runs (one batch)")
    ap.add_argument("--negmas-runs", type=int, default=200, help="negmas runs per mechanism")
    ap.add_argument("--steps", type=int, default=200, help="negmas step budget per run")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    ut = Utilities.from_scenario(four_party_five_issues())
    rows = []
    for name, fn in (
        ("negmas VetoST", lambda: run_negmas("veto", args.negmas_runs, args.seed, args.steps)),
        ("negmas HillClimbingST",
         lambda: run_negmas("hill", args.negmas_runs, args.seed, args.steps)),
        ("parley mediate (one run at a time)",
         lambda: run_parley(min(args.runs, 200), args.seed, batch=False)),
        ("parley mediate (batch)", lambda: run_parley(args.runs, args.seed)),
    ):  # fmt: skip
        texts, secs = fn()
        rows.append((name, len(texts), score(ut, texts), len(texts) / secs))
    peer = next(r[3] for r in rows if r[0] == "negmas HillClimbingST")
    table = Table(title="Single-text mediation, 4 parties × 5 issues (6 options each)")
    for col in ("mechanism", "runs", "agreement", "Nash product", "per run", "min utility",
                "runs/s", "× HillClimbingST"):  # fmt: skip
        table.add_column(col, justify="left" if col == "mechanism" else "right")
    for name, n, s, rps in rows:
        table.add_row(
            name, str(n), f"{s['agreement']:.1%}", f"{s['nash']:.4f}", f"{s['nash_run']:.4f}",
            f"{s['min_u']:.3f}", f"{rps:,.0f}", f"{rps / peer:.1f}",
        )  # fmt: skip
    Console().print(table)


if __name__ == "__main__":
    main()
