"""Pictures of a mediation: how the text moved, how pressure moved, how talks end.

Four panels: (1) the draft's value on the most contested issues, draft by draft (open points
drawn as gaps), with each party's position as a dotted line; (2) the number of points of the
text; (3) the lever levels the parties faced at each visit; (4) with Monte Carlo, how the runs
ended (agreement, deadlock, deadline) and the rounds to agreement.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAX_ISSUES = 5


def figure(result: Any):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, axes = plt.subplots(2, 2, figsize=(12, 8))
    drafts = result.drafts
    keys = result.issue_keys
    moved = {k: sum(1 for d in drafts for c in d.changes if c["issue"] == k) for k in keys}
    top = [k for k in sorted(keys, key=lambda k: -moved[k]) if moved[k]][:MAX_ISSUES]
    ax = axes[0, 0]
    xs = [d.number for d in drafts]
    for k in top:
        ys = [np.nan if d.package[k] is None else d.package[k] for d in drafts]
        ax.plot(xs, ys, marker="o", label=k)
    ax.set_xlabel("draft")
    ax.set_ylabel("value on the issue's scale")
    ax.set_title("the text, draft by draft")
    if top:
        ax.legend(fontsize=7)
    ax = axes[0, 1]
    ax.step(xs, [d.points for d in drafts], where="post")
    ax.set_xlabel("draft")
    ax.set_ylabel("points")
    ax.set_title("length of the text")
    ax = axes[1, 0]
    answers = result.answers
    scales = {lv.key: lv.scale for lv in result.setup.levers}
    for key in result.lever_keys:
        lo, hi = scales[key]
        ys = [(a.levers[key] - lo) / (hi - lo) for a in answers]
        ax.plot(range(len(answers)), ys, label=f"{key} ({lo:g}–{hi:g})")
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel("visit")
    ax.set_ylabel("share of the lever's scale")
    ax.set_title("levers (level at each visit)")
    if result.lever_keys:
        ax.legend(fontsize=7)
    ax = axes[1, 1]
    s = result.summary()
    names = list(s["outcomes"])
    ax.bar(names, [s["outcomes"][n] for n in names], color=["tab:green", "tab:red", "tab:gray"])
    ax.set_ylim(0, 1)
    ax.set_title(f"how {result.runs} run(s) ended")
    fig.suptitle(f"{result.scenario.name}: {result.mediator} mediates")
    fig.tight_layout()
    return fig


def write_plot(result: Any, path: Path) -> None:
    import matplotlib.pyplot as plt

    fig = figure(result)
    fig.savefig(path, dpi=110)
    plt.close(fig)
