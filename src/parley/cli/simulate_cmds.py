"""``parley simulate``: forecast where a negotiation can land, with its uncertainty."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from parley.errors import ParleyError

console = Console()

MODEL_HELP = (
    "Engine: compromise, median, bdm, smp, nash, ks; several separated by commas, or 'all'."
)


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)


def simulate(
    scenario: str = typer.Argument(
        ...,
        help="Scenario file (.yaml/.json, KTAB .csv, BDM table .csv) or a case pack name.",
    ),
    model: str = typer.Option("bdm", "--model", "-m", help=MODEL_HELP),
    runs: int = typer.Option(1, "--runs", "-n", min=1, help="Monte Carlo draws of the inputs."),
    seed: int | None = typer.Option(None, "--seed", help="Seed for reproducible draws."),
    spread: float = typer.Option(
        0.0,
        "--spread",
        min=0,
        help="Monte Carlo: ± this many scale points on positions without a declared range "
        "(and ± spread/100 on their saliences).",
    ),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    plot: Path | None = typer.Option(
        None, "--plot", help="Write trajectories and outcome distributions (.png or .html)."
    ),
    issue: list[str] = typer.Option(
        [], "--issue", "-i", help="Issue(s) whose round history to print (default: up to 3)."
    ),
    on: str | None = typer.Option(None, "--on", help="Case packs: positions as of YYYY-MM-DD."),
    context: str | None = typer.Option(None, "--context", help="Case packs: one episode only."),
) -> None:
    """Forecast the outcome of a scenario with one or more bargaining models.

    Spatial models (compromise, weighted median, Bueno de Mesquita's expected utility model,
    KTAB's Spatial Model of Politics) forecast a value per issue and show how positions move
    round by round; package models (Nash, Kalai–Smorodinsky) pick the package all parties
    accept that bargaining theory predicts. With [bold]--runs N[/] every uncertain input is
    drawn N times: the table then shows the 5–95 % band, how often the forecast lies in every
    party's zone, and which input moves each forecast most.

    Examples:

      parley simulate ../shared/datasets/bargaining-references/bdm-ec-example.csv -m bdm

      parley simulate ukraine-2025 -m bdm,nash --runs 2000 --seed 1 --plot ukraine.png

      parley simulate dummyData_3Dim.csv -m bdm,median --runs 1000 --spread 5 --seed 2

      parley simulate scenario.yaml -m all --format json
    """
    import numpy as np

    from parley.model.from_case import resolve_scenario, scenario_from_case
    from parley.simulate.base import available_models, get_model
    from parley.simulate.montecarlo import run_monte_carlo, with_default_uncertainty

    if fmt not in ("table", "json"):
        raise ParleyError(f"--format must be table or json, not {fmt!r}")
    if plot is not None and plot.suffix.lower() not in (".png", ".html"):
        raise ParleyError(f"{plot}: --plot writes .png or .html")
    names = available_models() if model == "all" else [m.strip() for m in model.split(",")]
    models = [get_model(n) for n in names if n]
    if on or context:
        day = _parse_day(on) if on else None
        sc = scenario_from_case(scenario, on=day, context=context)
    else:
        sc = resolve_scenario(scenario)
    if spread > 0:
        sc = with_default_uncertainty(sc, spread, spread / 100)
    keys = [i.key for i in sc.issues]
    for k in issue:
        if k not in keys:
            raise ParleyError(f"--issue {k!r}: not an issue of {sc.name} ({', '.join(keys)})")

    results: list[dict[str, Any]] = []
    for m in models:
        forecast = m.run(sc, np.random.default_rng(seed))
        mc = run_monte_carlo(sc, m, runs=runs, seed=seed) if runs > 1 else None
        results.append({"forecast": forecast, "mc": mc})

    if fmt == "json":
        out = {
            "scenario": sc.name,
            "actors": [a.id for a in sc.actors],
            "issues": keys,
            "results": [
                {**r["forecast"].to_dict(), "monte_carlo": r["mc"].to_dict() if r["mc"] else None}
                for r in results
            ],
        }
        typer.echo(json.dumps(out, indent=2, ensure_ascii=False, default=_jsonable))
    else:
        _print_tables(sc, results, issue or keys[:3])
    if plot is not None:
        from parley.report.simulation_plot import write_plot

        write_plot(sc, results, plot)
        if fmt == "table":
            console.print(f"[green]wrote[/] {plot}")


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ParleyError(f"--on {text!r}: expected a date as YYYY-MM-DD") from None


def _jsonable(value: Any) -> Any:
    import numpy as np

    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _label(sc: Any, key: str, value: float) -> str:
    """The option or the nearest labelled point of an issue, to read a number in words."""
    issue = sc.issue(key)
    if issue.discrete:
        opt = issue.nearest_option(value)
        return opt.label or opt.key
    if issue.labels:
        near = min(issue.labels, key=lambda p: abs(p.value - value))
        if abs(near.value - value) <= 0.1 * (issue.scale[1] - issue.scale[0]):
            return f"≈ {near.label}"
    return ""


def _fmt(v: float | None) -> str:
    return "—" if v is None or v != v else f"{v:.2f}"


def _print_tables(sc: Any, results: list[dict[str, Any]], history_issues: list[str]) -> None:
    console.print(
        f"[bold]{sc.name}[/]: {len(sc.actors)} actors × {len(sc.issues)} issues"
        + (f" — {sc.description}" if sc.description else "")
    )
    for r in results:
        f, mc = r["forecast"], r["mc"]
        status = "converged" if f.converged else "did not converge"
        if f.model in ("nash", "ks"):
            status = "agreement" if f.converged else "no package inside every party's zone"
        title = f"{f.model}: {status}" + (f" after {f.rounds} rounds" if f.rounds else "")
        table = Table(title=title, title_justify="left")
        table.add_column("issue")
        table.add_column("forecast", justify="right")
        table.add_column("reads as")
        summary = mc.summary() if mc else {}
        sens = mc.sensitivity() if mc else {}
        zopa = f.details.get("issue_zopa")
        if mc:
            table.add_column("mean", justify="right")
            table.add_column("5–95 %", justify="right")
            table.add_column("moved most by")
        if zopa is not None:
            table.add_column("ZOPA", justify="right")
        for key, value in f.outcome.items():
            row = [key, _fmt(value), "" if value != value else _label(sc, key, value)]
            if mc:
                s = summary[key]
                q = s["quantiles"]
                row += [_fmt(s["mean"]), f"{_fmt(q['0.05'])} – {_fmt(q['0.95'])}"]
                src = sens.get(key, {}).get("src", {})
                top = next(iter(src.items()), None)
                if top:  # the issue is the row already: "position:russia", not ".../issue"
                    name = top[0].removesuffix(f"/{key}")
                    row.append(f"{name} ({top[1]:+.2f})")
                else:
                    row.append("")
            if zopa is not None:
                z = zopa.get(key)
                row.append("empty" if z is None else f"{z[0]:g}–{z[1]:g}")
            table.add_row(*row)
        console.print(table)
        if mc and not mc.inputs:
            console.print("  [yellow]no uncertain inputs: every run is the same (see --spread)[/]")
        elif mc:
            console.print(
                f"  {mc.runs} runs (seed {mc.seed}): converged in {mc.converged.mean():.0%}, "
                f"forecast inside every party's zone in {mc.forecast_accepted.mean():.0%}"
            )
        if f.rounds:
            _print_history(sc, f, history_issues)


def _round_columns(n_rounds: int, most: int = 10) -> list[int]:
    """Rounds to show: all of them if few, else the first ones, a few in between, the last."""
    if n_rounds + 1 <= most:
        return list(range(n_rounds + 1))
    head = list(range(5))
    k = most - 5
    rest = [round(5 + (n_rounds - 5) * i / (k - 1)) for i in range(k)]
    return sorted(set(head + rest))


def _print_history(sc: Any, f: Any, keys: list[str]) -> None:
    """Positions by actor (rows) and round (columns), one table per issue."""
    for key in keys:
        traj = f.trajectory(key)
        cols = _round_columns(traj.shape[0] - 1)
        table = Table(title=f"{f.model} positions by round: {key}", title_justify="left")
        table.add_column("actor", no_wrap=True)
        for rnd in cols:
            table.add_column(str(rnd), justify="right")
        for a_i, a in enumerate(sc.actors):
            table.add_row(a.id, *[f"{traj[rnd, a_i]:.2f}" for rnd in cols])
        console.print(table)
