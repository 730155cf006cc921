"""How far a gold-set F1 can be trusted: percentile bootstrap over articles.

A held-out set of a handful of articles gives an F1 that would move a lot with other
articles of the same kind. Resampling whole articles (not records) keeps each article's
records together, as they really are correlated: one article's unusual phrasing costs
all of its events at once. The interval is the middle ``level`` share of the micro F1
over ``resamples`` resampled sets, seeded so that a report is reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from parley.evaluate.gold import PRF


def micro_f1(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray) -> np.ndarray:
    """:attr:`PRF.f1` of summed counts, elementwise: nothing to find and nothing found is
    1.0, as for one article."""
    denominator = 2 * tp + fp + fn
    return np.where(denominator == 0, 1.0, 2 * tp / np.maximum(denominator, 1))


def f1_interval(
    per_article: Mapping[str, Mapping[str, PRF]],
    kind: str,
    resamples: int = 2000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """The bootstrap interval of the micro F1 of ``kind`` over the articles.

    The articles are taken in sorted order, so the interval does not depend on the
    order in which they were scored.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must lie between 0 and 1, not {level}")
    counts = np.array(
        [
            (prf.tp, prf.fp, prf.fn)
            for _, scores in sorted(per_article.items())
            if (prf := scores.get(kind)) is not None
        ],
        dtype=np.int64,
    ).reshape(-1, 3)
    if len(counts) == 0:
        raise ValueError(f"no article has a score for {kind!r}")
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(counts), size=(resamples, len(counts)))
    totals = counts[picks].sum(axis=1)  # (resamples, 3)
    f1 = micro_f1(totals[:, 0], totals[:, 1], totals[:, 2])
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(f1, [tail, 100 - tail])
    return float(low), float(high)
