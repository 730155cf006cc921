"""Speed of the simulation core, side by side with negmas for package bargaining.

Run: ``PYTHONPATH=src python benchmarks/simulate_bench.py`` (negmas from the ``bench`` extra;
without it the side-by-side rows are skipped). Prints one table:

* spatial models (BDM, SMP when registered, compromise, median): runs per second for one
  scenario at a time (``run``) and for Monte Carlo batches (``run_batch`` on N draws), on
  7 actors × 3 issues (KTAB's ``dummyData_3Dim`` when ../shared is present, else a seeded
  random scenario of that size) and on 20 × 20 (seeded random);
* Nash bargaining on the shared 4-party, 5-issue domain (``benchmarks/domains.py``): parley and
  negmas (``pareto_frontier`` + ``nash_points``) compute it from the same utilities and
  reservation values; the table says whether the agreements are equal, the time of each, and
  the ratio.

Timings are the best of several repeats of a loop lasting at least ``MIN_SECONDS``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from domains import four_party_five_issues

from parley.model.formats import load_scenario
from parley.model.scenario import Scenario
from parley.simulate.base import available_models, get_model
from parley.simulate.montecarlo import run_monte_carlo, with_default_uncertainty
from parley.simulate.utility import Utilities

MIN_SECONDS = 0.5
REPEATS = 3
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def best_time(fn, min_seconds: float = MIN_SECONDS, repeats: int = REPEATS) -> float:
    """Seconds per call: best over ``repeats`` loops, each at least ``min_seconds`` long."""
    fn()  # warm up (imports, caches)
    best = float("inf")
    for _ in range(repeats):
        n, start = 0, time.perf_counter()
        while True:
            fn()
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        best = min(best, elapsed / n)
    return best


def random_scenario(n_actors: int, n_issues: int, seed: int) -> Scenario:
    rng = np.random.default_rng(seed)
    return Scenario.from_dict(
        {
            "name": f"random-{n_actors}x{n_issues}",
            "issues": [{"key": f"i{j}"} for j in range(n_issues)],
            "actors": [
                {
                    "id": f"a{i}",
                    "capability": float(rng.uniform(10, 200)),
                    "stances": {
                        f"i{j}": {
                            "position": float(rng.uniform(0, 100)),
                            "salience": float(rng.uniform(0.05, 0.5)),
                        }
                        for j in range(n_issues)
                    },
                }
                for i in range(n_actors)
            ],
        }
    )


def spatial_rows() -> list[tuple[str, ...]]:
    ktab = SHARED / "datasets" / "bargaining-references" / "ktab-smp" / "dummyData_3Dim.csv"
    small = load_scenario(ktab) if ktab.exists() else random_scenario(7, 3, 1)
    cases = [("7×3 " + ("KTAB dummyData_3Dim" if ktab.exists() else "random"), small),
             ("20×20 random", random_scenario(20, 20, 2))]  # fmt: skip
    names = [m for m in ("bdm", "smp", "compromise", "median") if m in available_models()]
    rows = []
    for label, sc in cases:
        noisy = with_default_uncertainty(sc, 5.0, 0.05)
        for name in names:
            model = get_model(name)
            single = best_time(lambda m=model, s=sc: m.run(s), min_seconds=0.3)
            rounds = model.run(sc).rounds
            draws = 1000 if sc.actors.__len__() <= 7 else 100
            batch = best_time(
                lambda m=model, s=noisy, n=draws: run_monte_carlo(s, m, runs=n, seed=0),
                min_seconds=0.3,
                repeats=2,
            )
            rows.append(
                (name, label, str(rounds), f"{1 / single:,.0f}", f"{draws / batch:,.0f}",
                 f"{draws}")
            )  # fmt: skip
    return rows


def negmas_nash(sc: Scenario):
    """negmas' Nash point on the same utilities: returns (outcome, seconds per call)."""
    from negmas import LinearAdditiveUtilityFunction, make_issue
    from negmas.outcomes import enumerate_issues
    from negmas.preferences import nash_points, pareto_frontier
    from negmas.preferences.value_fun import TableFun

    ut = Utilities.from_scenario(sc)
    issues = [make_issue(values=[int(v) for v in i.option_values()], name=i.key)
              for i in sc.issues]  # fmt: skip
    ufuns = []
    for a in range(len(sc.actors)):
        values = {
            i.key: TableFun({int(v): 1 - abs(v - ut.ideal[a, j]) / 100 for v in i.option_values()})
            for j, i in enumerate(sc.issues)
        }
        weights = {i.key: float(ut.weight[a, j]) for j, i in enumerate(sc.issues)}
        ufuns.append(
            LinearAdditiveUtilityFunction(
                values=values,
                weights=weights,
                issues=issues,
                reserved_value=float(ut.disagreement[a]),
            )
        )
    outcomes = list(enumerate_issues(issues))

    def run():
        # negmas' fast path for linear ufuns: hand it the issues, not the outcome list.
        frontier, idx = pareto_frontier(ufuns, issues=issues, sort_by_welfare=True)
        pts = nash_points(ufuns, frontier, issues=issues)
        return outcomes[idx[pts[0][1]]] if pts else None

    outcome = run()
    return outcome, best_time(run, min_seconds=1.0, repeats=2)


def bargaining_rows() -> list[tuple[str, ...]]:
    sc = four_party_five_issues()
    model = get_model("nash")
    ours = model.run(sc)
    t_ours = best_time(lambda: model.run(sc))
    pkg = tuple(int(v) for v in ours.outcome_values)
    rows = [("parley nash", "4×5 (7,776 packages)", str(pkg), "—", f"{t_ours * 1e3:.2f} ms", "")]
    try:
        outcome, t_neg = negmas_nash(sc)
    except ImportError:
        rows.append(("negmas nash", "not installed (pip install -e '.[bench]')", "", "", "", ""))
        return rows
    neg = tuple(int(v) for v in outcome) if outcome is not None else None
    ut = Utilities.from_scenario(sc)
    same = neg == pkg
    if not same and neg is not None:  # equal Nash products count as equal answers (ties)
        gains = ut.utility(np.array([pkg, neg], dtype=float)) - ut.disagreement
        same = bool(np.isclose(np.prod(gains[0]), np.prod(gains[1])))
    rows.append(
        ("negmas nash", "same domain and utilities", str(neg), "yes" if same else "NO",
         f"{t_neg * 1e3:.2f} ms", f"parley {t_neg / t_ours:,.1f}× faster")
    )  # fmt: skip
    return rows


def main() -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=130)
    t = Table(title="Spatial models: runs per second", title_justify="left")
    for col in ("model", "scenario", "rounds", "runs/s (one at a time)",
                "runs/s (Monte Carlo batch)", "draws"):  # fmt: skip
        t.add_column(col, justify="left" if col in ("model", "scenario") else "right")
    for row in spatial_rows():
        t.add_row(*row)
    console.print(t)
    b = Table(title="Package bargaining: Nash solution, parley vs negmas", title_justify="left")
    for col in ("engine", "domain", "agreement", "equal", "time per solution", "ratio"):
        b.add_column(col)
    for row in bargaining_rows():
        b.add_row(*row)
    console.print(b)


if __name__ == "__main__":
    main()
