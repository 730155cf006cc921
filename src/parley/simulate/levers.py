"""Levers as time series: how sanctions, aid, battlefield and frozen assets move BATNAs.

A lever has a level per round (its schedule, e.g. sanctions 3 from round 0 and 7 from round 4)
plus, under a carrot-and-stick strategy, an offset that the mediator adds while the target
rejects and takes away while it accepts. Only the *change* from the opening level matters: the
parties' reported positions and reservation points already reflect the opening level, so

    d_a(t) = d_a + Σ_l e_la · (level_l(t) − level_l(0))
    c_a(t) = c_a · max(0, 1 + Σ_l k_la · (level_l(t) − level_l(0)))

with ``e`` and ``k`` the lever effects (per unit) of the setup. A negative ``e`` is pressure:
the party's no-deal outcome worsens, so more drafts clear its bar. Effects may be uncertain;
Monte Carlo draws them per run like any other input.

The parser :func:`parse_lever_option` reads the CLI form ``sanctions=3@0,7@4``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from parley.errors import ParleyError
from parley.model.mediation_setup import Lever


@dataclass
class LeverPlan:
    """Levers compiled to arrays for ``N`` draws, ``L`` levers, ``A`` actors, rounds 0..R.

    ``schedule`` ``(R+1, L)``; ``base`` ``(L,)`` the opening levels; ``effect_d`` and
    ``effect_c`` ``(N, L, A)``; ``target`` ``(L,)`` the actor index a carrot-and-stick lever
    reacts to (−1: none) with its ``step``, ``low`` and ``high`` ``(L,)``.
    """

    keys: list[str]
    schedule: np.ndarray
    base: np.ndarray
    effect_d: np.ndarray
    effect_c: np.ndarray
    target: np.ndarray
    step: np.ndarray
    low: np.ndarray
    high: np.ndarray

    @classmethod
    def compile(
        cls,
        levers: list[Lever],
        actor_ids: list[str],
        rounds: int,
        runs: int,
        rng: np.random.Generator,
    ) -> LeverPlan:
        n_l, n_a = len(levers), len(actor_ids)
        sched = np.array(
            [[lv.level_at(r) for lv in levers] for r in range(rounds + 1)], dtype=float
        ).reshape(rounds + 1, n_l)
        eff_d = np.zeros((runs, n_l, n_a))
        eff_c = np.zeros((runs, n_l, n_a))
        for li, lv in enumerate(levers):
            for actor, eff in lv.effects.items():
                ai = actor_ids.index(actor)
                eff_d[:, li, ai] = eff.disagreement
                eff_c[:, li, ai] = eff.capability
                for name, dist in eff.uncertainty.items():
                    target = eff_d if name == "disagreement" else eff_c
                    draws = dist.sample(getattr(eff, name), rng, runs)
                    draws[0] = getattr(eff, name)  # draw 0 is the point estimate
                    target[:, li, ai] = draws
        target = np.array(
            [actor_ids.index(lv.strategy.target) if lv.strategy else -1 for lv in levers],
            dtype=int,
        )
        step = np.array([lv.strategy.step if lv.strategy else 0.0 for lv in levers])
        low = np.array(
            [lv.strategy.low if lv.strategy and lv.strategy.low is not None else lv.scale[0]
             for lv in levers], dtype=float
        )  # fmt: skip
        high = np.array(
            [lv.strategy.high if lv.strategy and lv.strategy.high is not None else lv.scale[1]
             for lv in levers], dtype=float
        )  # fmt: skip
        return cls(
            keys=[lv.key for lv in levers],
            schedule=sched,
            base=sched[0] if rounds >= 0 else np.zeros(n_l),
            effect_d=eff_d,
            effect_c=eff_c,
            target=target,
            step=step,
            low=low,
            high=high,
        )

    @property
    def n_levers(self) -> int:
        return len(self.keys)

    def levels(self, rounds: np.ndarray, offset: np.ndarray) -> np.ndarray:
        """``(N, L)`` levels of each draw at its round ``rounds`` ``(N,)`` plus its offset."""
        r = np.minimum(rounds, self.schedule.shape[0] - 1)
        lv = self.schedule[r] + offset
        scheduled = self.target < 0
        return np.where(scheduled, lv, np.clip(lv, self.low, self.high))

    def disagreement(self, d0: np.ndarray, levels: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``(n, A)`` no-deal utilities of draws ``rows`` at ``levels`` ``(n, L)``, from their
        opening ``d0`` ``(n, A)``."""
        return d0 + np.einsum("nl,nla->na", levels - self.base, self.effect_d[rows])

    def capability(self, c0: np.ndarray, levels: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """``(n, A)`` clout of draws ``rows`` at ``levels``; never negative."""
        rel = 1.0 + np.einsum("nl,nla->na", levels - self.base, self.effect_c[rows])
        return c0 * np.clip(rel, 0.0, None)

    def react(
        self, offset: np.ndarray, actor: int, accepted: np.ndarray, rounds: np.ndarray
    ) -> np.ndarray:
        """Carrot and stick: the new offsets after ``actor`` answered (``accepted`` ``(N,)``).

        Levers aimed at ``actor`` step up while it rejects and down while it accepts; the
        offset is kept so that the level stays inside the strategy's bounds."""
        mine = self.target == actor
        if not mine.any():
            return offset
        move = np.where(accepted[:, None], -self.step, self.step) * mine
        r = np.minimum(rounds, self.schedule.shape[0] - 1)
        sched = self.schedule[r]
        new = np.clip(sched + offset + move, self.low, self.high) - sched
        return np.where(mine, new, offset)


def parse_lever_option(text: str, known: dict[str, Lever]) -> Lever:
    """A lever from the CLI form ``KEY=LEVEL@ROUND,LEVEL@ROUND`` (``sanctions=3@0,7@4``).

    An existing lever of that key keeps its effects and strategy and gets the new schedule;
    an unknown key is an error (a lever without effects would change nothing)."""
    key, sep, spec = text.partition("=")
    key = key.strip()
    if not sep or not spec.strip():
        raise ParleyError(f"--lever {text!r}: expected KEY=LEVEL@ROUND[,LEVEL@ROUND…]")
    if key not in known:
        names = ", ".join(sorted(known)) or "none in this scenario"
        raise ParleyError(f"--lever {text!r}: unknown lever {key!r} (levers: {names})")
    schedule: dict[int, float] = {}
    for part in spec.split(","):
        level, at, rnd = part.strip().partition("@")
        try:
            schedule[int(rnd) if at else 0] = float(level)
        except ValueError:
            raise ParleyError(f"--lever {text!r}: {part.strip()!r} is not LEVEL@ROUND") from None
    try:
        return Lever.model_validate({**known[key].model_dump(), "schedule": schedule})
    except ValueError as exc:
        raise ParleyError(f"--lever {text!r}: {exc}") from None
