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


HELP = (
    "Forecast the outcome of a scenario with one or more bargaining models.\n\n"
    "Spatial models (compromise, weighted median, Bueno de Mesquita's expected utility model, "
    "KTAB's Spatial Model of Politics) forecast a value per issue and show how positions move "
    "round by round; package models (Nash, Kalai–Smorodinsky) pick the package that every "
    "party accepts and bargaining theory predicts. With [bold]--runs N[/] every uncertain "
    "input is drawn N times: the table then shows the 5–95 % band, how often the forecast "
    "lies inside every party's zone, and which input moves each forecast most (its share of "
    "the outcome's variance, signed by the direction it pushes).\n\n"
    "Examples:\n\n"
    "  parley simulate ../shared/datasets/bargaining-references/bdm-ec-example.csv -m bdm\n\n"
    "  parley simulate ukraine-2025 -m bdm,nash --runs 2000 --seed 1 --plot ukraine.png\n\n"
    "  parley simulate dummyData_3Dim.csv -m bdm,median --runs 1000 --spread 5 --seed 2\n\n"
    "  parley simulate scenario.yaml -m all --format json"
)


def register(app: typer.Typer) -> None:
    app.command("simulate", help=HELP)(simulate)


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
    soft_red_lines: bool = typer.Option(
        False, "--soft-red-lines", help="Ignore red lines: where would a deal land without them?"
    ),
    on: str | None = typer.Option(None, "--on", help="Case packs: positions as of YYYY-MM-DD."),
    context: str | None = typer.Option(None, "--context", help="Case packs: one episode only."),
    package: str | None = typer.Option(
        None,
        "--package",
        help="Test a package, e.g. 'territory-donbas=80,agreement-form=framework' (other "
        "issues take each model's forecast): who accepts it, and with --runs how often it lies "
        "inside every party's zone.",
    ),
) -> None:
    """Forecast the outcome of a scenario with one or more bargaining models (see HELP)."""
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
    if soft_red_lines:
        sc = sc.model_copy(deep=True)
        for a in sc.actors:
            for stance in a.stances.values():
                stance.red_line = None
    keys = [i.key for i in sc.issues]
    for k in issue:
        if k not in keys:
            raise ParleyError(f"--issue {k!r}: not an issue of {sc.name} ({', '.join(keys)})")

    fixed = _parse_package(sc, package) if package else None
    results: list[dict[str, Any]] = []
    for m in models:
        forecast = m.run(sc, np.random.default_rng(seed))
        mc = run_monte_carlo(sc, m, runs=runs, seed=seed) if runs > 1 else None
        result = {"forecast": forecast, "mc": mc}
        if fixed is not None:
            result["package"] = _test_package(sc, forecast, mc, fixed)
        results.append(result)

    if fmt == "json":
        out = {
            "scenario": sc.name,
            "actors": [a.id for a in sc.actors],
            "issues": keys,
            "results": [
                {
                    **r["forecast"].to_dict(),
                    "monte_carlo": r["mc"].to_dict() if r["mc"] else None,
                    "package": r.get("package"),
                }
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


def _parse_package(sc: Any, text: str) -> dict[str, float]:
    """``issue=value,…`` (value a number on the scale or an option key) as scale values."""
    out = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, raw = part.partition("=")
        if not sep:
            raise ParleyError(f"--package {part!r}: expected issue=value")
        try:
            issue = sc.issue(key.strip())
        except KeyError:
            raise ParleyError(f"--package: {sc.name} has no issue {key.strip()!r}") from None
        raw = raw.strip()
        try:
            value: float | str = float(raw)
        except ValueError:
            value = raw
        try:
            out[issue.key] = issue.value(value)
        except ValueError as exc:
            raise ParleyError(f"--package: {exc}") from None
    return out


def _test_package(sc: Any, forecast: Any, mc: Any, fixed: dict[str, float]) -> dict[str, Any]:
    """The package (fixed issues, the rest from the forecast) checked against every zone."""
    import numpy as np

    from parley.simulate.utility import Utilities

    values = np.array([fixed.get(k, v) for k, v in forecast.outcome.items()])
    info: dict[str, Any] = {"values": dict(zip(forecast.issue_keys, values.tolist(), strict=True))}
    if np.isnan(values).any():
        info["complete"] = False  # the model gave no value for an issue the package leaves open
        return info
    ut = Utilities.from_scenario(sc)
    accepts = ut.accepts(values[None])[0]
    info["rejected_by"] = [a for a, ok in zip(ut.actor_ids, accepts, strict=True) if not ok]
    if mc is not None:
        info["in_every_zone"] = mc.zone_probability(values)
    return info


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
        zopa = f.details.get("issue_zopa")
        if zopa is not None and all(z == [sc.issue(k).scale[0], sc.issue(k).scale[1]]
                                    for k, z in zopa.items()):  # fmt: skip
            zopa = None  # every issue open over its whole scale: nothing to show
        # Fixed-width number columns; the label column gets what is left of the terminal.
        fixed = 18 + 8 + (6 + 13 if mc else 0) + (9 if zopa is not None else 0)
        borders = 3 * (3 + (2 if mc else 0) + (1 if zopa is not None else 0)) + 1
        label_width = max(8, console.width - fixed - borders)
        table.add_column("issue", no_wrap=True, max_width=18, overflow="ellipsis")
        table.add_column("forecast", justify="right", no_wrap=True, min_width=8)
        table.add_column("reads as", no_wrap=True, max_width=label_width, overflow="ellipsis")
        summary = mc.summary() if mc else {}
        sens = mc.sensitivity() if mc else {}
        if mc:
            table.add_column("mean", justify="right", no_wrap=True, min_width=6)
            table.add_column("5–95 %", justify="right", no_wrap=True, min_width=13)
        if zopa is not None:
            table.add_column("ZOPA", justify="right", no_wrap=True, min_width=9)
        for key, value in f.outcome.items():
            row = [key, _fmt(value), "" if value != value else _label(sc, key, value)]
            if mc:
                s = summary[key]
                q = s["quantiles"]
                row += [_fmt(s["mean"]), f"{_fmt(q['0.05'])} – {_fmt(q['0.95'])}"]
            if zopa is not None:
                z = zopa.get(key)
                row.append("empty" if z is None else f"{z[0]:g}–{z[1]:g}")
            table.add_row(*row)
        console.print(table)
        if sens:
            _print_drivers(sens)
        if f.model in ("nash", "ks"):
            _print_package_zone(sc, f)
        if mc and not mc.inputs:
            console.print("  [yellow]no uncertain inputs: every run is the same (see --spread)[/]")
        elif mc:
            console.print(
                f"  {mc.runs} runs (seed {mc.seed}): converged in {mc.converged.mean():.0%}, "
                f"forecast inside every party's zone in {mc.forecast_accepted.mean():.0%}"
            )
        if "package" in r:
            _print_package(r["package"], mc)
        if f.rounds:
            _print_history(sc, f, history_issues)


def _print_drivers(sens: dict[str, dict[str, Any]]) -> None:
    """The uncertain input that moves each issue's forecast most, and which way."""
    table = Table(title="moved most by", title_justify="left")
    table.add_column("issue", no_wrap=True, max_width=24, overflow="ellipsis")
    table.add_column("input", no_wrap=True, overflow="ellipsis")
    table.add_column("share of variance", justify="right")
    table.add_column("direction", justify="center")
    for key, info in sens.items():
        top = next(iter(info.get("first_order", {}).items()), None)
        if top is None:
            continue
        up = info["direction"][top[0]] >= 0
        # the issue is the row already: "position:russia", not "position:russia/issue"
        table.add_row(key, top[0].removesuffix(f"/{key}"), f"{top[1]:.0%}", "↑" if up else "↓")
    console.print(table)


def _print_package(info: dict[str, Any], mc: Any) -> None:
    if info.get("complete") is False:
        console.print("  package: the model gives no value for an issue the package leaves open")
        return
    rejected = ", ".join(info["rejected_by"]) or "nobody"
    line = f"  package: rejected by {rejected}"
    if mc is not None:
        line += f"; inside every party's zone in {info['in_every_zone']:.0%} of {mc.runs} runs"
    console.print(line)


def _print_package_zone(sc: Any, f: Any) -> None:
    """How many packages every party accepts, how many are Pareto-optimal, and, without a
    deal, whose limits leave no room on which issue."""
    from parley.simulate.bargaining import issue_grids, pareto_frontier
    from parley.simulate.utility import Utilities

    ut = Utilities.from_scenario(sc)
    for key, zones in ut.blocking().items():
        limits = ", ".join(f"{a} {lo:g}–{hi:g}" for a, lo, hi in zones)
        console.print(f"  [red]{key}[/]: no overlap of acceptable ranges ({limits})")
    grids = issue_grids(sc.to_arrays())
    size = 1
    for g in grids:
        size *= len(g)
    accepted = f.details.get("acceptable_packages", -1)
    if accepted < 0 or size > 50_000:
        console.print(f"  {size:,} packages: searched ({f.details.get('method')})")
        return
    front, _ = pareto_frontier(ut, grids)
    console.print(
        f"  {accepted:,} of {size:,} packages inside every party's zone, "
        f"{len(front):,} of them Pareto-optimal"
    )


def _round_columns(n_rounds: int, most: int = 10) -> list[int]:
    """Rounds to show: all of them if few, else the first ones, a few in between, the last."""
    if n_rounds + 1 <= most:
        return list(range(n_rounds + 1))
    first = max(2, most // 2)
    k = most - first
    rest = [round(first + (n_rounds - first) * i / (k - 1)) for i in range(k)] if k > 1 else []
    return sorted({*range(first), *rest, n_rounds})


def _print_history(sc: Any, f: Any, keys: list[str]) -> None:
    """Positions by actor (rows) and round (columns), one table per issue."""
    for key in keys:
        traj = f.trajectory(key)
        width = max(len(a.id) for a in sc.actors) + 4
        lo, hi = sc.issue(key).scale
        digits = 2 if hi - lo <= 10 else 1  # a tenth of a point matters on a 1–10 scale
        cols = _round_columns(traj.shape[0] - 1, most=max(4, (console.width - width) // 8))
        table = Table(title=f"{f.model} positions by round: {key}", title_justify="left")
        table.add_column("actor", no_wrap=True)
        for rnd in cols:
            table.add_column(str(rnd), justify="right")
        for a_i, a in enumerate(sc.actors):
            table.add_row(a.id, *[f"{traj[rnd, a_i]:.{digits}f}" for rnd in cols])
        console.print(table)
