"""From news evidence to bargaining inputs: the case pack's positions updated by stance records.

A case pack holds the positions an analyst coded from reporting (the *prior*). The knowledge
base holds what extraction found in every article: which actor took which stance on which
issue, in which sentence. This module reads those stance records, rolls each actor up to the
party it acts for, turns every stance into an *observation* of the party's position on the
issue's 0–100 scale, and combines observations with the prior by precision weighting with
exponential forgetting. Every updated input keeps the articles, dates and character spans
behind it. ``docs/forecast.md`` explains the rule for readers; in short:

* **Prior**: per (party, issue) the pack's latest reports on or before ``prior_on``, their mean
  as position, read as a Gaussian whose standard deviation is the pack's confidence band
  (``reported`` 5, ``inferred`` 10, ``uncertain`` 20 points, plus half the spread between
  disagreeing reports), dated by the report.
* **Observations** (``observe``): a stance with a value gives a point (numbers go through the
  issue's numeric mapping, option keys through the option's value; a number outside the
  mapped range is an extraction slip and is ignored); ``accept``/``offer``/``open``/
  ``conditional`` without a value point at the *reference draft's* value on the issue (a draft
  the article names, else the latest draft published by then); a ``reject`` says on which side
  of the rejected value the party stands (the side its prior is on): it is an observation at
  least ``REJECT_GAP`` points beyond the value, or at the prior itself when the prior is
  already beyond (a rejection of what one never wanted is no news); a ``demand`` without a
  value reaffirms the prior. Each kind has its own noise (``NOISE``): a stated number is
  sharper than an "open to talk".
* **Combination**: precision-weighted mean (the Gaussian posterior) where every weight decays
  with age, ``w = 2^(-age/half_life) / sd²``. Because every piece of information (the prior
  included) decays at the same rate, the posterior mean depends only on the *differences*
  between dates, so re-estimating later never moves a position unless news arrives; only the
  posterior's spread widens. An article counts once per (party, issue): its observations on
  the pair share one unit of weight, so a long article does not outvote a short one, and of
  near-duplicates (one wire story in several outlets) only the earliest counts.
* The posterior mean is a convex combination of points on the scale, so it stays in
  [0, 100], and a sum is blind to the order of articles.

Salience, clout and red lines stay the pack's: stance records say nothing reliable about them.
Pairs with evidence but no prior are reported (``without_prior``), not invented.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from parley.model.from_case import CONFIDENCE_SPREAD, scenario_from_case
from parley.model.scenario import Distribution, Scenario, ScenarioArrays
from parley.store.kb import KnowledgeBase
from parley.store.records import query_records

if TYPE_CHECKING:
    from parley.cases import CasePack

HALF_LIFE_DAYS = 30.0
"""Evidence loses half its weight in this many days (news of a month ago counts half)."""

NOISE = {
    "value": 10.0,  # a stated number (troops, days, share of territory) or option
    "accept": 12.0,
    "reject": 12.0,
    "offer": 15.0,
    "demand": 15.0,  # a demand without a number: the party holds where it stood
    "open": 20.0,
    "conditional": 20.0,
}
"""Standard deviation (scale points) of each kind of observation: how far a stance of this
kind may lie from the party's true position, extraction errors included."""

REJECT_GAP = 10.0
"""A party that rejects value ``r`` is taken to stand at least this far beyond ``r``."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stance record read as an observation of a party's position, with its provenance."""

    party: str
    issue: str
    actor: str
    stance: str
    value: float | str | None
    article: str
    published: date
    title: str | None
    start: int
    end: int
    sentence: str
    observation: float
    sd: float
    rule: str
    """How the observation was derived ("value 800000 troops -> 20.0", "rejects 28-point-plan
    at 40 -> at most 30"), so a reader can check the reasoning."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "published": self.published.isoformat(),
            "title": self.title,
            "span": [self.start, self.end],
            "sentence": self.sentence,
            "actor": self.actor,
            "stance": self.stance,
            "value": self.value,
            "observation": round(self.observation, 2),
            "sd": self.sd,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Prior:
    """The pack's position on one (party, issue), read as a Gaussian dated by its report."""

    position: float
    sd: float
    reported: date


@dataclass(slots=True)
class Estimate:
    """Prior and evidence-updated position of one party on one issue."""

    party: str
    issue: str
    prior: Prior
    position: float
    sd: float
    evidence: list[tuple[Evidence, float]] = field(default_factory=list)
    """Observations with their share of the posterior weight (prior's share: the rest)."""

    @property
    def moved(self) -> float:
        return self.position - self.prior.position


@dataclass(slots=True)
class EvidenceUpdate:
    """The scenario before and after the evidence, and how each input was estimated."""

    prior: Scenario
    scenario: Scenario
    estimates: dict[tuple[str, str], Estimate]
    as_of: date
    skipped: Counter[str]
    without_prior: Counter[tuple[str, str]]


# --- reading the evidence ------------------------------------------------------------------


def _pack(case: CasePack | str | Path) -> CasePack:
    from parley.cases import load_case

    return case if not isinstance(case, str | Path) else load_case(case)


def _connection(kb: KnowledgeBase | sqlite3.Connection) -> sqlite3.Connection:
    return kb.connection if isinstance(kb, KnowledgeBase) else kb


def priors(pack: CasePack, on: date | None = None) -> dict[tuple[str, str], Prior]:
    """The pack's positions on or before ``on`` (default: all) as Gaussians (see module doc)."""
    latest = pack.positions_at(on or date.max)
    out = {}
    for key, reports in latest.items():
        values = [r.position for r in reports]
        sd = max(CONFIDENCE_SPREAD[r.confidence] for r in reports)
        sd += (max(values) - min(values)) / 2
        out[key] = Prior(sum(values) / len(values), sd, reports[0].date)
    return out


def draft_values(pack: CasePack) -> list[tuple[date, str, str, float]]:
    """``(date, document, issue, value)`` for every draft point that sets an issue (a
    document's several points on one issue are averaged), in date order."""
    out = []
    for doc in pack.documents:
        per_issue: dict[str, list[float]] = defaultdict(list)
        for point in doc.points:
            for s in point.sets:
                if s.value is not None:
                    per_issue[s.issue].append(s.value)
                elif s.option is not None:
                    try:
                        per_issue[s.issue].append(pack.issue(s.issue).option(s.option).value)
                    except KeyError:
                        continue
        for issue, values in per_issue.items():
            out.append((doc.date, doc.id, issue, sum(values) / len(values)))
    return sorted(out)


def _reference(
    drafts: list[tuple[date, str, str, float]], issue: str, day: date, named: set[str]
) -> tuple[str, float] | None:
    """The draft a stance on ``issue`` on ``day`` most likely refers to: one the article names
    (latest such), else the latest published by then (same-date drafts averaged)."""
    known = [d for d in drafts if d[2] == issue and d[0] <= day]
    if not known:
        return None
    cited = [d for d in known if d[1] in named]
    if cited:
        _, doc, _, value = cited[-1]
        return doc, value
    newest = known[-1][0]
    same = [d for d in known if d[0] == newest]
    return "+".join(d[1] for d in same), sum(d[3] for d in same) / len(same)


def _scale_value(pack: CasePack, issue: str, value: Any) -> tuple[float, str] | None:
    """A stance's value on the issue's 0–100 scale, or None if it cannot be one."""
    iss = pack.issue(issue)
    if isinstance(value, str):
        try:
            return iss.option(value).value, f"option {value}"
        except KeyError:
            return None
    if iss.quantity is None:
        return None
    amounts = [p.amount for p in iss.quantity.points]
    if not min(amounts) <= float(value) <= max(amounts):
        return None  # "20-Punkte-Plan" read as 20 troops: not an amount of this issue
    return iss.quantity.to_scale(float(value)), f"{value:g} {iss.quantity.unit}"


def observe(
    stance: str,
    prior: float,
    value: float | None = None,
    reference: float | None = None,
) -> tuple[float, float, str] | None:
    """One stance as ``(observation, sd, rule)`` on the 0–100 scale, or None if it says
    nothing about the position. ``value`` is the stance's own value already on the scale,
    ``reference`` the value of the draft it responds to, ``prior`` the party's prior position."""
    if stance == "reject":
        target = value if value is not None else reference
        if target is None or target == prior:
            return None
        if prior < target:
            return min(prior, max(0.0, target - REJECT_GAP)), NOISE["reject"], "below"
        return max(prior, min(100.0, target + REJECT_GAP)), NOISE["reject"], "above"
    if value is not None:
        return value, NOISE["value"] if stance != "conditional" else NOISE["conditional"], "point"
    if stance == "demand":
        return prior, NOISE["demand"], "holds"
    if reference is not None:
        return reference, NOISE[stance], "toward draft"
    return None


@dataclass(frozen=True, slots=True)
class _Row:
    record: dict[str, Any]
    party: str
    published: date


def read_evidence(
    kb: KnowledgeBase | sqlite3.Connection,
    case: CasePack | str | Path,
    prior: dict[tuple[str, str], Prior],
    *,
    until: date | None = None,
) -> tuple[list[Evidence], Counter[str], Counter[tuple[str, str]]]:
    """Every stance record published by ``until`` read as an :class:`Evidence`.

    Returns the evidence (date order), a count of records skipped by reason, and a count of
    usable records on (party, issue) pairs the prior does not cover.
    """
    pack = _pack(case)
    conn = _connection(kb)
    parties = {p.id for p in pack.parties}
    drafts = draft_values(pack)
    skipped: Counter[str] = Counter()
    without_prior: Counter[tuple[str, str]] = Counter()
    copies = _later_copies(conn)
    rows: list[_Row] = []
    for rec in query_records(conn, "stance"):
        if rec["article"] in copies:
            skipped["near-duplicate of an earlier article"] += 1
            continue
        if not rec.get("_published"):
            skipped["undated article"] += 1
            continue
        day = date.fromisoformat(rec["_published"])
        if until is not None and day > until:
            continue
        actor = rec.get("actor")
        party = pack.party_of(actor) if actor and pack.has_actor(actor) else None
        if party not in parties:
            skipped["actor is no negotiating party"] += 1
            continue
        if not any(i.key == rec["issue"] for i in pack.issues):
            skipped["issue not in case"] += 1
            continue
        rows.append(_Row(rec, party, day))
    texts, named = _article_context(conn, {r.record["article"] for r in rows})
    out = []
    for row in rows:
        rec = row.record
        key = (row.party, rec["issue"])
        if key not in prior:
            without_prior[key] += 1
            continue
        value = rec.get("value")
        scaled = _scale_value(pack, rec["issue"], value) if value is not None else None
        if value is not None and scaled is None:
            skipped["value outside the issue's mapping"] += 1
        ref = _reference(drafts, rec["issue"], row.published, named[rec["article"]])
        obs = observe(
            rec["stance"],
            prior[key].position,
            value=scaled[0] if scaled else None,
            reference=ref[1] if ref else None,
        )
        if obs is None:
            skipped["no position information"] += 1
            continue
        x, sd, how = obs
        rule = _rule(rec["stance"], how, x, scaled, ref)
        text = texts[rec["article"]]
        out.append(
            Evidence(
                party=row.party,
                issue=rec["issue"],
                actor=rec["actor"],
                stance=rec["stance"],
                value=value,
                article=rec["article"],
                published=row.published,
                title=rec.get("_title"),
                start=rec["start"],
                end=rec["end"],
                sentence=" ".join(text[rec["start"] : rec["end"]].split()),
                observation=float(x),
                sd=sd,
                rule=rule,
            )
        )
    return out, skipped, without_prior


def _rule(
    stance: str,
    how: str,
    x: float,
    scaled: tuple[float, str] | None,
    ref: tuple[str, float] | None,
) -> str:
    if stance == "reject":
        what = f"{scaled[1]} ({scaled[0]:.0f})" if scaled else f"{ref[0]} at {ref[1]:.0f}"  # type: ignore[index]
        return f"rejects {what}: stands {how} it -> {x:.0f}"
    if how == "point":
        return f"{stance} {scaled[1]} -> {x:.0f}"  # type: ignore[index]
    if how == "holds":
        return f"demand without a number: holds its prior {x:.0f}"
    return f"{stance} of {ref[0]} at {ref[1]:.0f}"  # type: ignore[index]


def _later_copies(conn: sqlite3.Connection) -> set[str]:
    """Articles whose near-duplicate cluster has an earlier member (by publication date, then
    ingest order): a wire story reprinted by five outlets is one piece of evidence, not five."""
    rows = conn.execute(
        "SELECT n.cluster, n.article_id FROM near_duplicates n JOIN articles a ON a.id = "
        "n.article_id ORDER BY n.cluster, a.published IS NULL, a.published, a.seq"
    ).fetchall()
    later, seen = set(), set()
    for cluster, article in rows:
        if cluster in seen:
            later.add(article)
        seen.add(cluster)
    return later


def _article_context(
    conn: sqlite3.Connection, ids: set[str]
) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Cleaned text and the documents named, per article."""
    texts: dict[str, str] = {}
    named: dict[str, set[str]] = defaultdict(set)
    for aid in ids:
        (texts[aid],) = conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()
        for (doc,) in conn.execute(
            "SELECT DISTINCT actor FROM records WHERE article_id = ? AND kind = 'mention' "
            "AND label = 'document'",
            (aid,),
        ):
            named[aid].add(doc)
    return texts, named


# --- combining -----------------------------------------------------------------------------


def _decay(day: date, ref: date, half_life: float) -> float:
    return math.pow(2.0, (day - ref).days / half_life)


@dataclass
class _Design:
    """The evidence as arrays, for fast re-estimation with any subset of articles.

    Weights are relative to ``ref`` (the latest date), so the posterior mean is
    ``(W0X0 + Σ_a WX_a) / (W0 + Σ_a W_a)`` over the articles ``a`` taken in.
    """

    articles: list[str]
    dates: list[date]
    wx: np.ndarray  # (articles, actors, issues)
    w: np.ndarray
    w0x0: np.ndarray  # (actors, issues)
    w0: np.ndarray
    ref: date


def _design(
    arrays: ScenarioArrays,
    prior: dict[tuple[str, str], Prior],
    evidence: list[Evidence],
    half_life: float,
) -> _Design:
    dates = [p.reported for p in prior.values()] + [e.published for e in evidence]
    ref = max(dates)
    a_idx = {a: i for i, a in enumerate(arrays.actor_ids)}
    i_idx = {k: j for j, k in enumerate(arrays.issue_keys)}
    shape = (arrays.n_actors, arrays.n_issues)
    w0, w0x0 = np.zeros(shape), np.zeros(shape)
    for (party, issue), p in prior.items():
        if party in a_idx and issue in i_idx:
            wt = _decay(p.reported, ref, half_life) / p.sd**2
            w0[a_idx[party], i_idx[issue]] = wt
            w0x0[a_idx[party], i_idx[issue]] = wt * p.position
    articles = sorted({e.article for e in evidence}, key=lambda a: (_date_of(evidence, a), a))
    art_idx = {a: k for k, a in enumerate(articles)}
    per_pair = Counter((e.article, e.party, e.issue) for e in evidence)
    w = np.zeros((len(articles), *shape))
    wx = np.zeros_like(w)
    for e in evidence:
        k, r, c = art_idx[e.article], a_idx[e.party], i_idx[e.issue]
        wt = _decay(e.published, ref, half_life) / e.sd**2 / per_pair[e.article, e.party, e.issue]
        w[k, r, c] += wt
        wx[k, r, c] += wt * e.observation
    return _Design(articles, [_date_of(evidence, a) for a in articles], wx, w, w0x0, w0, ref)


def _date_of(evidence: list[Evidence], article: str) -> date:
    return next(e.published for e in evidence if e.article == article)


def _positions(design: _Design, base: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Posterior positions for each row of ``mask`` (rows × articles of 0/1) over ``base``
    (the prior's positions where nothing is known): shape ``(rows, actors, issues)``."""
    num = design.w0x0 + np.tensordot(mask, design.wx, axes=1)
    den = design.w0 + np.tensordot(mask, design.w, axes=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        post = num / den
    return np.where(den > 0, np.clip(post, 0.0, 100.0), base)


def update_scenario(
    kb: KnowledgeBase | sqlite3.Connection,
    case: CasePack | str | Path,
    *,
    prior_on: date | None = None,
    until: date | None = None,
    half_life: float = HALF_LIFE_DAYS,
) -> EvidenceUpdate:
    """The case pack's scenario (as of ``prior_on``) updated by the knowledge base's stances
    published up to ``until``; see the module docstring for the rule."""
    pack = _pack(case)
    prior = priors(pack, prior_on)
    evidence, skipped, without = read_evidence(kb, pack, prior, until=until)
    return estimate(
        pack,
        evidence,
        prior_on=prior_on,
        half_life=half_life,
        skipped=skipped,
        without_prior=without,
    )


def estimate(
    case: CasePack | str | Path,
    evidence: list[Evidence],
    *,
    prior_on: date | None = None,
    half_life: float = HALF_LIFE_DAYS,
    skipped: Counter[str] | None = None,
    without_prior: Counter[tuple[str, str]] | None = None,
) -> EvidenceUpdate:
    """The pack's scenario updated by ``evidence`` already read (the update rule alone)."""
    pack = _pack(case)
    return _update(
        pack,
        scenario_from_case(pack, on=prior_on),
        priors(pack, prior_on),
        evidence,
        skipped or Counter(),
        without_prior or Counter(),
        half_life,
    )


def _update(
    pack: CasePack,
    prior_sc: Scenario,
    prior: dict[tuple[str, str], Prior],
    evidence: list[Evidence],
    skipped: Counter[str],
    without: Counter[tuple[str, str]],
    half_life: float,
) -> EvidenceUpdate:
    arrays = prior_sc.to_arrays()
    design = _design(arrays, prior, evidence, half_life)
    post = _positions(design, arrays.position, np.ones((1, len(design.articles))))[0]
    den = design.w0 + design.w.sum(axis=0)
    as_of = max([design.ref, *(e.published for e in evidence)])
    by_pair: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_pair[e.party, e.issue].append(e)
    per_pair = Counter((e.article, e.party, e.issue) for e in evidence)
    estimates: dict[tuple[str, str], Estimate] = {}
    updated = prior_sc.model_copy(deep=True)
    provenance: list[dict[str, Any]] = []
    for r, actor in enumerate(updated.actors):
        for c, issue in enumerate(arrays.issue_keys):
            key = (actor.id, issue)
            if key not in prior or issue not in actor.stances:
                continue
            sd = 1.0 / math.sqrt(den[r, c] * _decay(design.ref, as_of, half_life))
            shares = [
                (
                    e,
                    float(
                        _decay(e.published, design.ref, half_life)
                        / e.sd**2
                        / per_pair[e.article, e.party, e.issue]
                        / den[r, c]
                    ),
                )
                for e in by_pair.get(key, [])
            ]
            est = Estimate(actor.id, issue, prior[key], float(post[r, c]), sd, shares)
            estimates[key] = est
            if not shares:
                continue
            stance = actor.stances[issue]
            stance.position = round(est.position, 2)
            lo, hi = max(0.0, est.position - 2 * sd), min(100.0, est.position + 2 * sd)
            stance.uncertainty["position"] = Distribution(
                dist="normal", sd=round(sd, 3), low=round(lo, 2), high=round(hi, 2)
            )
            arts = sorted({e.article[:12] for e, _ in shares})
            stance.source = f"{stance.source}; news evidence: {', '.join(arts)}"
            provenance.append(
                {
                    "party": actor.id,
                    "issue": issue,
                    "prior": round(est.prior.position, 2),
                    "position": round(est.position, 2),
                    "sd": round(sd, 3),
                    "evidence": [dict(e.to_dict(), share=round(s, 4)) for e, s in shares],
                }
            )
    updated.description = (
        f"{prior_sc.description}; updated by news evidence up to {as_of.isoformat()}"
    )
    updated.metadata = dict(
        prior_sc.metadata,
        format="case-pack+evidence",
        evidence_as_of=as_of.isoformat(),
        half_life_days=half_life,
        evidence=provenance,
    )
    return EvidenceUpdate(prior_sc, updated, estimates, as_of, skipped, without)
