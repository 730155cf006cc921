"""Pictures of a simulation: how positions moved, and how uncertain each outcome is.

One figure per run of ``parley simulate``: a panel per issue (at most ``MAX_PANELS``) with every
actor's trajectory over the rounds of each spatial model and the forecast as a dashed line, and,
when Monte Carlo ran, a histogram of the outcome over the draws. ``.png`` is written with
matplotlib; ``.html`` is the same picture embedded in a self-contained page (no JavaScript, no
network), so it opens anywhere.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

MAX_PANELS = 6


def figure(scenario: Any, results: list[dict[str, Any]]):
    """The matplotlib figure: rows = models, columns = issues (trajectory + distribution)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    keys = [i.key for i in scenario.issues][:MAX_PANELS]
    has_mc = any(r["mc"] is not None for r in results)
    n_rows = len(results) * (2 if has_mc else 1)
    fig, axes = plt.subplots(
        n_rows, len(keys), figsize=(3.6 * len(keys), 2.8 * n_rows), squeeze=False
    )
    names = [a.id for a in scenario.actors]
    for m_i, r in enumerate(results):
        f, mc = r["forecast"], r["mc"]
        row = m_i * (2 if has_mc else 1)
        for j, key in enumerate(keys):
            ax = axes[row, j]
            traj = f.trajectory(key)
            for a_i, name in enumerate(names):
                ax.plot(range(traj.shape[0]), traj[:, a_i], marker="o", ms=2, lw=1, label=name)
            value = f.outcome[key]
            if value == value:
                ax.axhline(value, color="black", ls="--", lw=1)
            lo, hi = scenario.issue(key).scale
            ax.set_ylim(lo, hi)
            ax.set_title(f"{f.model}: {key}", fontsize=9)
            ax.set_xlabel("round" if f.rounds else "input positions", fontsize=8)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.tick_params(labelsize=7)
            if has_mc:
                hist = axes[row + 1, j]
                if mc is not None:
                    col = mc.outcomes[:, mc.issue_keys.index(key)]
                    col = col[col == col]
                    hist.hist(col, bins=30, range=(lo, hi), color="tab:blue", alpha=0.8)
                hist.set_title(f"{f.model}: {key} over {mc.runs if mc else 0} runs", fontsize=9)
                hist.tick_params(labelsize=7)
    if len(names) <= 12:
        axes[0, 0].legend(fontsize=6, loc="best")
    fig.tight_layout()
    return fig


def write_plot(scenario: Any, results: list[dict[str, Any]], path: str | Path) -> None:
    """Write the figure as PNG or as a self-contained HTML page, by the file's suffix."""
    import matplotlib.pyplot as plt

    path = Path(path)
    fig = figure(scenario, results)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    plt.close(fig)
    data = buf.getvalue()
    if path.suffix.lower() == ".png":
        path.write_bytes(data)
        return
    img = base64.b64encode(data).decode("ascii")
    title = html.escape(f"parley simulate: {scenario.name}")
    path.write_text(
        f"<!doctype html><meta charset='utf-8'><title>{title}</title>"
        f"<h1>{title}</h1><img alt='trajectories and outcome distributions' "
        f"src='data:image/png;base64,{img}'>\n",
        encoding="utf-8",
    )
