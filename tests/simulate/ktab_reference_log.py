"""Reader for KTAB's SMP reference run logs (``20170530_ref-*.txt`` in ../shared).

The logs print every intermediate of a run. We pull out, per state ``t`` (0 = input): the
positions (4 decimals on 0-100, KTAB's own rounding, so exact), the inferred risk attitudes,
the objective utility matrix and each actor's estimate of it; per turn: every actor's chosen
target with its estimated win probability and gain, the bargain it proposes; and the final
tables (number of steps, winning probabilities per state).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
KTAB_DIR = SHARED / "datasets" / "bargaining-references" / "ktab-smp"

_NUM = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_PROPOSAL = re.compile(r"^ +\d+ proposes +\d+ adopt:")


@dataclass
class Challenge:
    target: int
    prob: float  # challenger's estimate that it beats the target
    gain: float  # challenger's expected gain
    bargain_init: np.ndarray | None = None  # (d,) on 0-100
    bargain_rcvr: np.ndarray | None = None


@dataclass
class KtabLog:
    n_actors: int
    n_dims: int
    actor_names: list[str]
    steps: int
    positions: list[np.ndarray]  # per state, (n, d) on 0-100
    risk: list[np.ndarray]  # per state, (n,)
    utility: list[np.ndarray]  # per state, (n, n)
    estimates: list[np.ndarray]  # per state, (n, n, n): [h, i, j]
    challenges: list[dict[int, Challenge | None]] = field(default_factory=list)  # per turn
    win_prob: np.ndarray | None = None  # (n, states)
    history: np.ndarray | None = None  # (n, d, states), 1 decimal


def _floats(line: str) -> list[float]:
    return [float(x) for x in re.findall(_NUM, line)]


def _matrix(lines: list[str], start: int, rows: int) -> np.ndarray:
    return np.array([_floats(lines[start + r]) for r in range(rows)])


@cache
def read_log(name: str) -> KtabLog:
    """Parse ``KTAB_DIR / name``."""
    text = (KTAB_DIR / name).read_text(encoding="utf-8", errors="replace")
    lines = text.splitlines()
    n = int(re.search(r"Number of actors: (\d+)", text).group(1))
    d = int(re.search(r"Number of dimensions: (\d+)", text).group(1))
    names = re.findall(r"Actor: \d+ name: (.*?) *$", text, flags=re.MULTILINE)
    steps = int(re.search(r"There were \d+ states, with (\d+) steps", text).group(1))

    initial = np.zeros((n, d))
    for m in re.finditer(rf"pos\[(\d+), (\d+)\] = +({_NUM})", text):
        initial[int(m.group(1)), int(m.group(2))] = float(m.group(3))

    risk, utility, estimates = [], [], []
    blocks: list[list[str]] = [[]]
    for idx, line in enumerate(lines):
        if line.startswith("Inferred risk attitudes"):
            risk.append(_matrix(lines, idx + 1, n)[:, 0])
        elif line.startswith("Risk-aware actor-pos utility matrix"):
            utility.append(_matrix(lines, idx + 1, n))
            estimates.append(np.zeros((n, n, n)))
        elif line.startswith("Estimate by "):
            h = int(line.split()[2])
            estimates[-1][h] = _matrix(lines, idx + 1, n)
        if line.startswith("Starting Model::run iteration"):
            blocks.append([])
        blocks[-1].append(line)

    positions = [initial]
    challenges = []
    for block in blocks[1:]:
        turn: dict[int, Challenge | None] = {}
        nxt = np.full((n, d), np.nan)
        for idx, line in enumerate(block):
            m = re.match(r"In turn \d+ actor (\d+) has most advantageous target (\d+)", line)
            if m:
                i, j = int(m.group(1)), int(m.group(2))
                est = next(s for s in block[idx + 1 :] if s.startswith("Est by"))
                m2 = re.search(rf"prob ({_NUM}) .* of ({_NUM})\s*$", est)
                turn[i] = Challenge(j, float(m2.group(1)), float(m2.group(2)))
            m = re.search(r"[Aa]ctor (\d+) has no advantageous targets", line)
            if m:
                turn[int(m.group(1))] = None
            m = re.match(r"Bargain \[\d+, (\d+):(\d+)\] from (\d+)'s perspective", line)
            if m and m.group(1) == m.group(3):
                # threads may interleave other lines: take the next two proposals
                ch = turn[int(m.group(1))]
                proposals = [s for s in block[idx + 1 : idx + 8] if _PROPOSAL.match(s)][:2]
                ch.bargain_init = np.array(_floats(proposals[0].split("adopt:")[1]))
                ch.bargain_rcvr = np.array(_floats(proposals[1].split("adopt:")[1]))
            m = re.match(r"postn +(\d+) , +\d+ :", line)
            if m:
                nxt[int(m.group(1))] = _floats(block[idx + 1])
        challenges.append(turn)
        positions.append(nxt)

    win = []
    hist = np.zeros((n, d, steps + 1))
    dim_row = 0
    for line in lines:
        m = re.match(r"(.*?), prob :(.*)$", line)
        if m and len(win) < n:
            win.append(_floats(m.group(2)))
        m = re.match(rf"(.*?), (.*?): ((?: +{_NUM}){{{steps + 1}}}) *$", line)
        if m and m.group(1) in names and dim_row < n * d:
            hist[dim_row // d, dim_row % d] = _floats(m.group(3))
            dim_row += 1
    return KtabLog(
        n_actors=n,
        n_dims=d,
        actor_names=names,
        steps=steps,
        positions=positions,
        risk=risk,
        utility=utility,
        estimates=estimates,
        challenges=challenges,
        win_prob=np.array(win),
        history=hist,
    )
