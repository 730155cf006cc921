"""Numerical core of the Spatial Model of Politics (SMP), batched over independent runs.

The model follows KTAB's SMP (KAPSARC Toolkit for Behavioral Analysis): actors hold vector
positions, judge each other's positions by salience-weighted distance, infer each other's
risk attitudes from a probabilistic Condorcet election, challenge the actor whose defeat
gains them most, interpolate a bargain, and every actor then adopts the bargain that wins the
election among the bargains it is party to. Repeat until positions stop moving.

Everything works on arrays with a leading batch axis ``B`` (independent runs, e.g. Monte Carlo
draws), so thousands of scenarios advance in one NumPy call per sub-step instead of one Python
loop per run. Shapes: capabilities ``(B, n)``, positions and saliences ``(B, n, d)``.
Positions live on [0, 1] and saliences on [0, 1] with each actor's total at most 1, as inside
KTAB (its CSV reader divides both by 100); this matters because KTAB rounds bargains to four
decimals and adds an absolute 1e-4 in the stopping rule on that scale.

Index names used throughout: ``h`` estimating actor, ``i`` challenger, ``j`` target,
``k`` actor choosing among bargains, ``a`` voter, ``m``/``l`` options.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

VotingRule = Literal["Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"]
VictoryProbModel = Literal["Linear", "Square", "Quartic", "Octic"]
BigRRange = Literal["Min", "Mid", "Max"]
BigRAdjust = Literal["Full", "TwoThirds", "Half", "OneThird", "None"]
ThirdPartyCommit = Literal["Full", "Semi", "None"]
InterVecBrgn = Literal["S1P1", "S2P2"]
StateTransitions = Literal["Deterministic", "Stochastic"]

# KTAB's small constants, kept so results match its reference logs.
MIN_COALITION = 1e-8  # floor of coalition strength in elections over options
MIN_CHALLENGE_COALITION = 1e-10  # floor of coalition strength in a single challenge
MIN_SIG_GAIN = 1e-5  # smallest expected gain worth a challenge
MIN_BARGAIN_WEIGHT = 1e-6  # keeps interpolation defined when neither side cares
POSITION_TOLERANCE = 1e-3  # positions closer than this are one option (0.1 on 0-100)
MIN_SIG_DELTA = 1e-4  # guards the stopping ratio against 0/0
TIE_TOLERANCE = 1e-12  # gains or probabilities closer than this are ties


@dataclass(frozen=True)
class SMPSettings:
    """Model options, named as in KTAB; the defaults are the reference-run settings."""

    victory_prob_model: VictoryProbModel = "Linear"
    voting_rule: VotingRule = "Prop"
    big_r_range: BigRRange = "Mid"
    big_r_adjust: BigRAdjust = "OneThird"
    third_party_commit: ThirdPartyCommit = "Semi"
    inter_vec_brgn: InterVecBrgn = "S2P2"
    state_transitions: StateTransitions = "Deterministic"
    min_iterations: int = 2
    max_iterations: int = 100
    min_delta_ratio: float = 0.02  # stop when a step moves < 2 % of the first step


@dataclass
class StepDetail:
    """Intermediate quantities of one step (all batched), exposed for verification."""

    risk: np.ndarray  # (B, n) inferred risk attitudes
    utility: np.ndarray  # (B, n, n) risk-aware utility of j's position to i
    estimates: np.ndarray  # (B, h, n, n) h's estimate of that matrix
    option_prob: np.ndarray | None  # (B, n) win probability of each distinct position
    win_prob: np.ndarray | None  # (B, n) probability that each actor's position wins
    challenge_prob: np.ndarray  # (B, i, j) i's estimate that i beats j
    challenge_gain: np.ndarray  # (B, i, j) i's expected gain from challenging j
    target: np.ndarray  # (B, n) chosen target, -1 for none
    bargain_init: np.ndarray  # (B, n, d) bargain position for the challenger
    bargain_rcvr: np.ndarray  # (B, n, d) bargain position for its target
    choice: np.ndarray  # (B, n) chosen option: -1 status quo, else initiator index
    new_positions: np.ndarray  # (B, n, d)


@dataclass
class SMPBatchResult:
    """Trajectories of a batch: ``positions[t]`` is the state after ``t`` steps."""

    positions: list[np.ndarray]  # each (B, n, d)
    steps: np.ndarray  # (B,) number of steps each run took
    final_option_prob: np.ndarray  # (B, n) P(distinct final position wins), sums to 1
    final_win_prob: np.ndarray  # (B, n) P(actor's final position wins)
    win_probs: list[np.ndarray] = field(default_factory=list)  # per state, if tracked
    option_probs: list[np.ndarray] = field(default_factory=list)  # per state, if tracked
    details: list[StepDetail] = field(default_factory=list)

    def final_positions(self) -> np.ndarray:
        """Each run's positions at its own last state, (B, n, d)."""
        stacked = np.stack(self.positions)  # (T, B, n, d)
        return stacked[self.steps, np.arange(stacked.shape[1])]


def _response(rule: VotingRule, du: np.ndarray) -> np.ndarray:
    """Vote per unit of weight for option 1 over option 2, given utility difference ``du``.

    Every KTAB voting rule is weight x response, so coalitions can sum weights once.
    """
    if rule == "Prop":
        return du
    if rule == "Binary":
        return np.clip(du / 1e-8, -1.0, 1.0)
    if rule == "PropBin":
        return 0.8 * du + 0.2 * np.clip(du / 1e-8, -1.0, 1.0)
    if rule == "PropCbc":
        return 0.5 * du + 0.5 * du**3
    if rule == "Cubic":
        return du**3
    if rule == "ASymProsp":
        return np.where(du < 0, du, 2.0 * du / 3.0)
    raise ValueError(f"unknown voting rule {rule!r}")


def _vote(rule: VotingRule, w: np.ndarray, du: np.ndarray) -> np.ndarray:
    """Vote of weight ``w`` for option 1 over option 2 given utility difference ``du``."""
    return w * _response(rule, du)


_VPM_POWER = {"Linear": 1, "Square": 2, "Quartic": 4, "Octic": 8}


def _victory(vpm: VictoryProbModel, c: np.ndarray) -> np.ndarray:
    """Pairwise victory probabilities p[m, l] = f(c[m, l]) / (f(c[m, l]) + f(c[l, m]))."""
    x = c ** _VPM_POWER[vpm]
    xt = np.swapaxes(x, -1, -2)
    p = x / (x + xt)
    n = c.shape[-1]
    p[..., np.arange(n), np.arange(n)] = 0.5
    return p


def log_victory(util: np.ndarray, weights: np.ndarray, settings: SMPSettings) -> np.ndarray:
    """log P[option m beats option l] in a pairwise vote, (..., m, l).

    ``util[..., a, m]`` is voter a's utility of option m, ``weights[..., a]`` its strength;
    a coalition's strength is the summed votes on its side.
    """
    du = util[..., :, :, None] - util[..., :, None, :]  # (..., a, m, l)
    support = np.maximum(_response(settings.voting_rule, du), 0.0)
    m = util.shape[-1]
    summed = weights[..., None, :] @ support.reshape(*support.shape[:-2], m * m)
    coalition = MIN_COALITION + summed.reshape(*support.shape[:-3], m, m)
    return np.log(_victory(settings.victory_prob_model, coalition))


def conditional_choice(logp: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
    """Conditional PCE: each option's chance of beating every other valid option, renormalised.

    Invalid options get probability 0 and do not count as rivals. Works in logs so that
    large option sets do not underflow.
    """
    if valid is not None:
        logp = np.where(valid[..., None, :], logp, 0.0)
    score = logp.sum(axis=-1)
    if valid is not None:
        score = np.where(valid, score, -np.inf)
    prob = np.exp(score - score.max(axis=-1, keepdims=True))
    return prob / prob.sum(axis=-1, keepdims=True)


def condorcet_probabilities(
    util: np.ndarray,
    weights: np.ndarray,
    settings: SMPSettings,
    valid: np.ndarray | None = None,
) -> np.ndarray:
    """Conditional probabilistic Condorcet election among the (valid) options."""
    return conditional_choice(log_victory(util, weights, settings), valid)


def weighted_distance(ideal: np.ndarray, pos: np.ndarray, sal: np.ndarray) -> np.ndarray:
    """Salience-weighted Euclidean distance, normalised so it stays in [0, 1].

    ``ideal`` and ``sal`` have shape (B, a, d) and ``pos`` (B, p, d); returns (B, a, p):
    sqrt(sum_k (s_ak (x_ak - y_pk))^2 / sum_k s_ak^2).
    An actor with no salience at all is indifferent: distance 0 to everything (KTAB rejects
    such actors; we keep them so that silent parties in Monte Carlo draws do not crash).
    """
    diff = (ideal[:, :, None, :] - pos[:, None, :, :]) * sal[:, :, None, :]
    norm = np.einsum("bak,bak->ba", sal, sal)
    safe = np.where(norm > 0, norm, 1.0)
    return np.sqrt(np.einsum("bapk,bapk->bap", diff, diff) / safe[:, :, None])


def distance_utility(dist: np.ndarray, risk: np.ndarray) -> np.ndarray:
    """KTAB's utility of a normalised distance for risk attitude R in [-1, 1].

    u = (1 - d)(1 + d R): concave for R > 0 (risk averse), convex for R < 0.
    Beyond d = 1 (only through round-off) KTAB keeps the slope of d = 1.
    """
    return (1.0 - dist) * (1.0 + np.minimum(dist, 1.0) * risk)


def risk_from_probabilities(prob: np.ndarray, big_r_range: BigRRange) -> np.ndarray:
    """Map each position's win probability to a risk attitude (likely winners are cautious).

    Degenerate case: when every position is equally likely KTAB divides by zero; we treat
    everyone as risk neutral instead.
    """
    p_min = prob.min(axis=-1, keepdims=True)
    p_max = prob.max(axis=-1, keepdims=True)
    span = p_max - p_min
    safe = np.where(span > 0, span, 1.0)
    if big_r_range == "Min":
        r = (prob - p_min) / safe
    elif big_r_range == "Mid":
        r = (3.0 * prob - (p_max + 2.0 * p_min)) / (2.0 * safe)
    elif big_r_range == "Max":
        r = (2.0 * prob - (p_max + p_min)) / safe
    else:
        raise ValueError(f"unknown BigRRange {big_r_range!r}")
    return np.where(span > 0, r, 0.0)


_ADJUST_OWN = {"Full": 0.0, "TwoThirds": 1 / 3, "Half": 0.5, "OneThird": 2 / 3, "None": 1.0}


def _third_parties(n: int) -> np.ndarray:
    """(i, j, n) float mask: 1 where n is neither i nor j."""
    ar = np.arange(n)
    return (
        (ar[None, None, :] != ar[:, None, None]) & (ar[None, None, :] != ar[None, :, None])
    ).astype(float)


def _challenges(
    est: np.ndarray, strength: np.ndarray, sal_sum: np.ndarray, settings: SMPSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Each actor i's estimate of P[i beats j] and of its expected gain from challenging j.

    ``est`` is (B, h, n, n) with h == i used; ``strength`` (B, n) is salience x capability.
    The two principals vote by their own utilities; each third party n weighs the little
    three-actor contest it would join, then votes by the expected utility of joining either
    side (ThirdPartyCommit decides whether it keeps its own position when on the winning side).
    Returns two (B, i, j) arrays.
    """
    n = est.shape[-1]
    ar = np.arange(n)
    own = est[:, ar, ar, :]  # own[b, i, j] = U_i(i, j)
    u_ni = np.diagonal(est, axis1=1, axis2=3).transpose(0, 2, 1)  # [b, i, n] = U_i(n, i)
    u_nn = np.diagonal(est, axis1=2, axis2=3)  # [b, i, n] = U_i(n, n)
    u_nj = est.transpose(0, 1, 3, 2)  # [b, i, j, n] = U_i(n, j)
    u_ii = u_nn[:, ar, ar][:, :, None]  # (B, i, 1)
    u_ij = own
    u_ji = u_ni  # [b, i, j] = U_i(j, i)
    u_jj = u_nn  # [b, i, j] = U_i(j, j)
    rule = settings.voting_rule
    v_i = _vote(rule, strength[:, :, None], u_ii - u_ij)
    v_j = _vote(rule, strength[:, None, :], u_ji - u_jj)
    c_ij = MIN_CHALLENGE_COALITION + np.maximum(v_i, 0) + np.maximum(v_j, 0)
    c_ji = MIN_CHALLENGE_COALITION - np.minimum(v_i, 0) - np.minimum(v_j, 0)

    # A third party n compares joining i's side with joining j's. Its expected utility changes
    # by p_in (U[ik>j] - U[i>jk]) + p_jn (U[j>ik] - U[jk>i]), where p_in is its estimate of
    # the little contest (i and j plus n alone) and U sums the three positions after each
    # result. Under Semi commitment n keeps its own position when on the winning side; under
    # Full or no commitment both brackets vanish and third parties stay out (as in KTAB).
    # The (B, i, j, n) arrays dominate the cost, so this block works in place on two buffers.
    commit = settings.third_party_commit
    if commit == "Semi":
        w_n = strength[:, None, None, :]
        uni = u_ni[:, :, None, :]
        unn = u_nn[:, :, None, :]
        d = uni - u_nj  # n's utility gap between i's and j's positions
        j_side = (uni - unn) - d  # U[j>ik] - U[jk>i] = 3 u_nj - (2 u_nj + u_nn)
        little = _response(rule, d)
        little *= w_n  # n's vote in the little contest
        p_in = np.maximum(little, 0.0)
        p_in += c_ij[..., None]
        np.abs(little, out=little)
        little += (c_ij + c_ji)[..., None]
        p_in /= little  # n's estimate that i wins the little contest
        np.subtract(unn - uni, j_side, out=little)  # U[ik>j] - U[i>jk] = u_nn - u_ni, minus j_side
        little *= p_in
        little += j_side  # how much n prefers i's side
        vote = _response(rule, little)
        vote *= w_n
        vote *= _third_parties(n)  # n must be neither principal
        net = vote.sum(axis=-1)
        total = np.abs(vote, out=vote).sum(axis=-1)
        c_ij = c_ij + 0.5 * (total + net)
        c_ji = c_ji + 0.5 * (total - net)
    elif commit not in ("Full", "None"):
        raise ValueError(f"unknown ThirdPartyCommit {commit!r}")
    p_ij = c_ij / (c_ij + c_ji)

    s_j = sal_sum[:, None, :]
    eu_victory = 2 * u_ii
    eu_contest = p_ij * 2 * u_ii + (1 - p_ij) * 2 * u_ij
    gain = (1 - s_j) * eu_victory + s_j * eu_contest - (u_ii + u_ij)
    return p_ij, gain


def _first_best(x: np.ndarray) -> np.ndarray:
    """Index of the maximum along the last axis, the first one among near-ties.

    Exact ties in theory (actors with identical inputs) come out of floating point as
    differences of 1e-16 whose sign depends on summation order; treating values within
    ``TIE_TOLERANCE`` of the maximum as tied makes the choice follow list order, as KTAB
    intends, and keeps the outcome independent of how actors are listed.
    """
    best = x.max(axis=-1, keepdims=True)
    return np.argmax(x >= best - TIE_TOLERANCE, axis=-1)


def _round4(x: np.ndarray) -> np.ndarray:
    """KTAB rounds bargain coordinates to 4 decimals (0.01 on a 0-100 scale)."""
    return np.floor(0.5 + x * 10000.0) / 10000.0


def _interpolate(
    x_i: np.ndarray,
    s_i: np.ndarray,
    p_i: np.ndarray,
    x_j: np.ndarray,
    s_j: np.ndarray,
    p_j: np.ndarray,
    power: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Per-dimension bargain: positions weighted by (salience x win probability)^power."""
    w_i = (s_i * p_i[..., None]) ** power
    w_j = (s_j * p_j[..., None]) ** power
    total = w_i + MIN_BARGAIN_WEIGHT + w_j
    b_i = _round4(((w_i + MIN_BARGAIN_WEIGHT) * x_i + w_j * x_j) / total)
    b_j = _round4((w_i * x_i + (MIN_BARGAIN_WEIGHT + w_j) * x_j) / total)
    return b_i, b_j


def _unique_mask(pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Group (near-)identical positions as KTAB does (distance below ``POSITION_TOLERANCE``).

    Returns ``unique`` (B, n), True for the first actor of each group, and ``rep`` (B, n),
    the index of the group's first actor for every actor.
    """
    n = pos.shape[1]
    close = np.linalg.norm(pos[:, :, None, :] - pos[:, None, :, :], axis=-1) < POSITION_TOLERANCE
    earlier = np.tril(np.ones((n, n), dtype=bool), k=-1)  # earlier[i, j]: j < i
    unique = ~(close & earlier[None]).any(axis=-1)
    candidates = close & unique[:, None, :]
    rep = np.where(candidates.any(axis=-1), np.argmax(candidates, axis=-1), np.arange(n))
    return unique, rep


def option_probabilities(
    utility: np.ndarray, caps: np.ndarray, pos: np.ndarray, settings: SMPSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Election among the distinct positions of a state, each actor voting by its utility.

    Returns ``option`` (B, n), where the first actor holding a position carries that
    position's probability and actors sharing it get 0 (each run sums to 1), and ``actor``
    (B, n), the probability that each actor's position wins (shared positions share it, as in
    KTAB's history table).
    """
    unique, rep = _unique_mask(pos)
    option = condorcet_probabilities(utility, caps, settings, valid=unique)
    return option, np.take_along_axis(option, rep, axis=-1)


def objective(
    caps: np.ndarray, pos: np.ndarray, sal: np.ndarray, settings: SMPSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distances, inferred risk attitudes and risk-aware utilities of a state.

    Risk attitudes come from a risk-neutral election over all actors' positions (duplicates
    included, as in KTAB). Returns dist (B, n, n), risk (B, n) and utility (B, n, n).
    """
    dist = weighted_distance(pos, pos, sal)
    prob = condorcet_probabilities(1.0 - dist, caps, settings)
    risk = risk_from_probabilities(prob, settings.big_r_range)
    return dist, risk, distance_utility(dist, risk[:, :, None])


def assess(
    caps: np.ndarray, pos: np.ndarray, sal: np.ndarray, settings: SMPSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Risk attitudes, objective utilities and every actor's estimate of them for a state.

    Actor h estimates actor i's risk attitude as a blend of its own and i's (BigRAdjust).
    Returns risk (B, n), utility (B, n, n) and estimates (B, h, n, n).
    """
    dist, risk, utility = objective(caps, pos, sal, settings)
    own = _ADJUST_OWN[settings.big_r_adjust]
    est_risk = own * risk[:, :, None] + (1.0 - own) * risk[:, None, :]  # [b, h, i]
    estimates = distance_utility(dist[:, None, :, :], est_risk[:, :, :, None])
    return risk, utility, estimates


def step(
    caps: np.ndarray,
    pos: np.ndarray,
    sal: np.ndarray,
    settings: SMPSettings,
    rng: np.random.Generator | None = None,
    with_win: bool = True,
) -> StepDetail:
    """One round of challenges, bargains and elections for every run in the batch.

    ``with_win`` also reports how likely each position of the state is to win (KTAB's history
    table); the dynamics do not need it.
    """
    b_count, n, _ = pos.shape
    ar = np.arange(n)
    bidx = np.arange(b_count)[:, None]
    sal_sum = sal.sum(axis=-1)
    risk, utility, estimates = assess(caps, pos, sal, settings)
    option, win = option_probabilities(utility, caps, pos, settings) if with_win else (None, None)

    p_ij, gain = _challenges(estimates, sal_sum * caps, sal_sum, settings)
    masked = np.where((gain > MIN_SIG_GAIN) & (ar[:, None] != ar[None, :]), gain, -np.inf)
    target = _first_best(masked)  # KTAB scans j upwards and keeps the first best
    has_target = np.isfinite(np.take_along_axis(masked, target[..., None], axis=-1)[..., 0])
    target = np.where(has_target, target, -1)
    tgt = np.where(has_target, target, ar[None, :])  # placeholder index where no target
    prob_i = np.take_along_axis(p_ij, tgt[..., None], axis=-1)[..., 0]
    power = 1 if settings.inter_vec_brgn == "S1P1" else 2
    b_init, b_rcvr = _interpolate(
        pos, sal, prob_i, pos[bidx, tgt], sal[bidx, tgt], 1.0 - prob_i, power
    )

    # Utility to voter a of the state after i's bargain: only i and its target move.
    row = utility.sum(axis=-1)  # (B, a)
    u_init = distance_utility(weighted_distance(pos, b_init, sal), risk[:, :, None])
    u_rcvr = distance_utility(weighted_distance(pos, b_rcvr, sal), risk[:, :, None])
    old_i = utility
    old_j = np.take_along_axis(utility, np.broadcast_to(tgt[:, None, :], utility.shape), axis=-1)
    after = (row[:, :, None] - old_i - old_j + u_init + u_rcvr) / n  # (B, a, i)
    options = np.concatenate([row[:, :, None] / n, after], axis=-1)  # option 0: status quo

    # Actor k chooses among the status quo and the bargains it is party to.
    party = has_target[:, None, :] & (
        (ar[:, None] == ar[None, :])[None] | (target[:, None, :] == ar[None, :, None])
    )  # party[b, k, i]
    valid = np.concatenate([np.ones((b_count, n, 1), dtype=bool), party], axis=-1)
    # Every actor sees the same options, so the pairwise contests are computed once per run.
    choice_prob = conditional_choice(log_victory(options, caps, settings)[:, None], valid)
    if settings.state_transitions == "Deterministic":
        chosen = _first_best(choice_prob)
    else:
        generator = rng if rng is not None else np.random.default_rng()
        cumulative = choice_prob.cumsum(axis=-1)
        draw = generator.random((b_count, n, 1)) * cumulative[..., -1:]
        chosen = np.argmax(cumulative >= draw, axis=-1)  # first option reaching the draw
    choice = chosen - 1
    pick = np.maximum(choice, 0)
    from_init = b_init[bidx, pick]
    from_rcvr = b_rcvr[bidx, pick]
    new_pos = np.where(
        (choice < 0)[..., None],
        pos,
        np.where((pick == ar[None, :])[..., None], from_init, from_rcvr),
    )
    return StepDetail(
        risk=risk,
        utility=utility,
        estimates=estimates,
        option_prob=option,
        win_prob=win,
        challenge_prob=p_ij,
        challenge_gain=gain,
        target=target,
        bargain_init=b_init,
        bargain_rcvr=b_rcvr,
        choice=choice,
        new_positions=new_pos,
    )


def validate(caps: np.ndarray, pos: np.ndarray, sal: np.ndarray) -> None:
    """Reject inputs the model is undefined for, naming the problem."""
    if caps.ndim != 2 or pos.ndim != 3 or sal.shape != pos.shape or caps.shape != pos.shape[:2]:
        raise ValueError(
            "expected capabilities (B, n), positions and saliences (B, n, d); got "
            f"{caps.shape}, {pos.shape}, {sal.shape}"
        )
    if pos.shape[1] < 2:
        raise ValueError("the SMP needs at least two actors")
    if not (np.isfinite(caps).all() and np.isfinite(pos).all() and np.isfinite(sal).all()):
        raise ValueError("capabilities, positions and saliences must be finite")
    if (caps < 0).any():
        raise ValueError("capabilities must be non-negative")
    if (pos < 0).any() or (pos > 1).any():
        raise ValueError("positions must lie on the [0, 1] scale")
    total = sal.sum(axis=-1)
    if (sal < 0).any() or (total > 1 + 1e-9).any():
        raise ValueError("each actor's saliences must be >= 0 and sum to at most 1")


def run_batch(
    caps: np.ndarray,
    pos: np.ndarray,
    sal: np.ndarray,
    settings: SMPSettings | None = None,
    rng: np.random.Generator | None = None,
    keep_details: bool = False,
    track_win: bool = True,
) -> SMPBatchResult:
    """Run every scenario of the batch to its own stopping step.

    Stopping rule (KTAB's): after at least ``min_iterations`` steps, stop when the summed
    movement of all actors in the last step is below ``min_delta_ratio`` times the movement
    of the first step; never exceed ``max_iterations``. Finished runs keep their positions
    while the rest continue, so ``positions[t]`` is defined for every run and t.
    ``track_win`` keeps every state's winning probabilities (a third of the work); the final
    state's are always computed.
    """
    settings = settings or SMPSettings()
    caps = np.asarray(caps, dtype=float)
    pos = np.asarray(pos, dtype=float)
    sal = np.asarray(sal, dtype=float)
    validate(caps, pos, sal)
    b_count = pos.shape[0]
    positions = [pos.copy()]
    win_probs: list[np.ndarray] = []
    option_probs: list[np.ndarray] = []
    details: list[StepDetail] = []
    steps = np.zeros(b_count, dtype=int)
    active = np.arange(b_count)
    first_move = np.zeros(b_count)
    current = pos.copy()
    it = 0
    while active.size:
        it += 1
        detail = step(caps[active], current[active], sal[active], settings, rng, track_win)
        if track_win:
            for store, part in ((win_probs, detail.win_prob), (option_probs, detail.option_prob)):
                full = np.zeros(caps.shape)
                full[active] = part
                store.append(full)
        if keep_details:
            details.append(detail)
        moved = np.linalg.norm(detail.new_positions - current[active], axis=-1).sum(axis=-1)
        current = current.copy()
        current[active] = detail.new_positions
        positions.append(current)
        steps[active] = it
        if it == 1:
            first_move[active] = moved + MIN_SIG_DELTA
        quiet = moved / first_move[active] < settings.min_delta_ratio
        stop = (it >= settings.max_iterations) | ((it >= settings.min_iterations) & quiet)
        active = active[~stop]
    utility = objective(caps, current, sal, settings)[2]
    final_option, final_win = option_probabilities(utility, caps, current, settings)
    if track_win:
        win_probs.append(final_win)
        option_probs.append(final_option)
        for t in range(len(win_probs) - 1):  # stopped runs sit in their final state
            done = steps <= t
            win_probs[t][done] = final_win[done]
            option_probs[t][done] = final_option[done]
    return SMPBatchResult(
        positions=positions,
        steps=steps,
        final_option_prob=final_option,
        final_win_prob=final_win,
        win_probs=win_probs,
        option_probs=option_probs,
        details=details,
    )
