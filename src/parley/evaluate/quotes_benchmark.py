"""Quotation attribution scored on the German news quotes benchmark (WikiNews).

Petersen-Frey and Biemann (LREC-COLING 2024) annotated 1,000 German WikiNews
articles with quotes, speakers, cues, frames and addressees. This module runs
:func:`parley.extract.quotes.find_quotes` on each article's text, maps the
character spans onto the dataset's tokens, and scores with the official metric of
the SpkAtt-2023 shared task as the dataset's DATASET.md describes it:

* spans are token sets; gold and predicted quotes are paired one-to-one by a linear
  sum assignment on quote token-overlap F1, ties broken by the same type (+0.01) and
  then the same medium (+0.001) — like the official script, every row or column
  is paired, even at zero overlap;
* per pair, token true/false positives and negatives for the quote ("Message") and the
  roles addressee, cue, frame and speaker; unmatched quotes count wholly as FP or FN;
* Message, Roles and Joint are macro averages over pairs (precision over pairs with
  predicted tokens, recall over pairs with gold tokens, F1 their harmonic mean);
  Form (quote type) is counted micro over pairs.

Beyond the official figures it reports the speaker role alone, exact and partial
quote matches, and Message scores per quote type. No model is trained: the dataset
(CC BY-NC-SA) is read at run time only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from parley.errors import InputError

ROLES = ("addressee", "cue", "frame", "speaker")
PARTS = ("quote", *ROLES)
TYPES = ("Direct", "Indirect", "IndirectFreeIndirect", "FreeIndirect", "Reported")
SPLITS = ("train", "dev", "test")

#: Published test-split numbers (P, R, F1 in %) beside which ours are printed. Source: the
#: dataset's DATASET.md, quoting the SpkAtt-2023 overview (Rehbein et al., KONVENS 2023,
#: Table 10), rule-based system QUiTE on this test split.
PUBLISHED_BASELINES: dict[str, dict[str, tuple[float, float, float]]] = {
    "rule-based (QUiTE)": {
        "Message": (70.75, 36.22, 47.91),
        "Roles": (55.60, 26.05, 35.48),
        "Joint": (59.86, 28.99, 39.06),
        "Form": (63.48, 33.59, 43.93),
    },
}


@dataclass(frozen=True, slots=True)
class Group:
    """One quote with its roles as sorted token-id tuples, its type and medium."""

    quote: tuple[int, ...]
    roles: dict[str, tuple[int, ...]] = field(default_factory=dict)
    form: str | None = None
    medium: str | None = None

    def part(self, name: str) -> tuple[int, ...]:
        return self.quote if name == "quote" else self.roles.get(name, ())


EMPTY = Group(quote=())


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(slots=True)
class _PairScore:
    """Token counts per part for one (system, gold) pair, and the type verdict."""

    counts: dict[str, tuple[int, int, int]]
    sys_form: str | None
    gold_form: str | None


@dataclass(slots=True)
class Scores:
    """Everything the benchmark prints; fractions in [0, 1]."""

    message: PRF
    roles: PRF
    joint: PRF
    form: PRF
    speaker: PRF
    cue: PRF
    exact: PRF
    partial: PRF
    by_type: dict[str, PRF]
    gold_by_type: dict[str, int]
    n_gold: int
    n_sys: int
    n_docs: int


def overlap_f1(gold: tuple[int, ...], sys: tuple[int, ...]) -> float:
    """Token-set F1 between two spans (0 when either is empty)."""
    both = len(set(gold) & set(sys))
    if both == 0:
        return 0.0
    return 2 * both / (len(gold) + len(sys))


def assign(sys: list[Group], gold: list[Group]) -> list[tuple[int, int]]:
    """One-to-one (sys index, gold index) pairs maximising overlap F1 plus tie-breaks."""
    if not sys or not gold:
        return []
    scores = np.zeros((len(gold), len(sys)))
    for gi, g in enumerate(gold):
        for si, s in enumerate(sys):
            f = overlap_f1(g.quote, s.quote)
            if f > 0:
                f += 0.01 * (g.form == s.form) + 0.001 * (g.medium == s.medium)
            scores[gi, si] = f
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return [(int(c), int(r)) for r, c in zip(rows, cols, strict=True)]


def _count(gold: tuple[int, ...], sys: tuple[int, ...]) -> tuple[int, int, int]:
    g, s = set(gold), set(sys)
    return len(g & s), len(s - g), len(g - s)


def _pair(sys: Group, gold: Group) -> _PairScore:
    return _PairScore(
        counts={p: _count(gold.part(p), sys.part(p)) for p in PARTS},
        sys_form=sys.form,
        gold_form=gold.form,
    )


def _macro(pairs: list[_PairScore], parts: Iterable[str]) -> PRF:
    precisions, recalls = [], []
    for pair in pairs:
        for p in parts:
            tp, fp, fn = pair.counts[p]
            if tp + fp:
                precisions.append(tp / (tp + fp))
            if tp + fn:
                recalls.append(tp / (tp + fn))
    return PRF(
        sum(precisions) / len(precisions) if precisions else 0.0,
        sum(recalls) / len(recalls) if recalls else 0.0,
    )


def _by_type(pairs: list[_PairScore], form: str) -> PRF:
    """Message scores for one quote type: precision over quotes predicted with that
    type, recall over gold quotes of that type."""
    precisions, recalls = [], []
    for pair in pairs:
        tp, fp, fn = pair.counts["quote"]
        if pair.sys_form == form and tp + fp:
            precisions.append(tp / (tp + fp))
        if pair.gold_form == form and tp + fn:
            recalls.append(tp / (tp + fn))
    return PRF(
        sum(precisions) / len(precisions) if precisions else 0.0,
        sum(recalls) / len(recalls) if recalls else 0.0,
    )


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def score(documents: Iterable[tuple[list[Group], list[Group]]]) -> Scores:
    """Score (system groups, gold groups) per document with the official metric."""
    pairs: list[_PairScore] = []
    exact = partial = n_gold = n_sys = n_docs = 0
    gold_by_type = dict.fromkeys(TYPES, 0)
    for sys, gold in documents:
        n_docs += 1
        n_gold += len(gold)
        n_sys += len(sys)
        for g in gold:
            if g.form in gold_by_type:
                gold_by_type[g.form] += 1
        matched = assign(sys, gold)
        for si, gi in matched:
            pair = _pair(sys[si], gold[gi])
            pairs.append(pair)
            if set(sys[si].quote) == set(gold[gi].quote):
                exact += 1
            if overlap_f1(gold[gi].quote, sys[si].quote) > 0:
                partial += 1
        done_sys = {si for si, _ in matched}
        done_gold = {gi for _, gi in matched}
        pairs.extend(_pair(s, EMPTY) for i, s in enumerate(sys) if i not in done_sys)
        pairs.extend(_pair(EMPTY, g) for i, g in enumerate(gold) if i not in done_gold)
    form_tp = sum(1 for p in pairs if p.sys_form is not None and p.sys_form == p.gold_form)
    form_fp = sum(1 for p in pairs if p.sys_form is not None and p.sys_form != p.gold_form)
    form_fn = sum(1 for p in pairs if p.gold_form is not None and p.sys_form != p.gold_form)
    return Scores(
        message=_macro(pairs, ["quote"]),
        roles=_macro(pairs, ROLES),
        joint=_macro(pairs, PARTS),
        form=PRF(_ratio(form_tp, form_tp + form_fp), _ratio(form_tp, form_tp + form_fn)),
        speaker=_macro(pairs, ["speaker"]),
        cue=_macro(pairs, ["cue"]),
        exact=PRF(_ratio(exact, n_sys), _ratio(exact, n_gold)),
        partial=PRF(_ratio(partial, n_sys), _ratio(partial, n_gold)),
        by_type={t: _by_type(pairs, t) for t in TYPES},
        gold_by_type=gold_by_type,
        n_gold=n_gold,
        n_sys=n_sys,
        n_docs=n_docs,
    )


# ---- the dataset ------------------------------------------------------------


def load_split(dataset: Path, split: str) -> list[dict]:
    """The articles of one split (``train``, ``dev``, ``test``) as parsed JSON objects."""
    if split not in SPLITS:
        raise InputError(str(dataset), f"unknown split {split!r}; choose one of {SPLITS}")
    path = Path(dataset) / f"{split}.jsonl"
    if not path.is_file():
        raise InputError(str(path), "no such file: is --dataset the german-news-quotes folder?")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not JSON: {exc.msg}", line=no) from exc
            if not isinstance(doc, dict) or not {"originalText", "tokens", "annotations"} <= set(
                doc
            ):
                raise InputError(
                    str(path), "expected originalText, tokens and annotations", line=no
                )
            docs.append(doc)
    return docs


def gold_groups(doc: dict) -> list[Group]:
    """The gold quotes of one article."""
    groups = []
    for ann in doc["annotations"]:
        roles = {r: tuple(sorted(set((ann.get(r) or {}).get("tokenIds", [])))) for r in ROLES}
        quote = tuple(sorted(set(ann["quote"]["tokenIds"])))
        groups.append(Group(quote, roles, ann.get("type"), ann.get("medium")))
    return groups


class TokenIndex:
    """Maps character spans of the article text onto the dataset's token ids."""

    def __init__(self, tokens: list[dict]) -> None:
        self.ids = [t["id"] for t in tokens]
        self.begins = np.array([t["charBegin"] for t in tokens])
        self.ends = np.array([t["charEnd"] for t in tokens])

    def tokens(self, spans: Iterable[tuple[int, int]]) -> tuple[int, ...]:
        """Ids of the tokens overlapping any of ``spans`` (end exclusive)."""
        out: set[int] = set()
        for start, end in spans:
            lo = int(np.searchsorted(self.ends, start, side="right"))
            hi = int(np.searchsorted(self.begins, end, side="left"))
            out.update(self.ids[lo:hi])
        return tuple(sorted(out))


def predict_groups(doc: dict, find: Callable) -> list[Group]:
    """Run ``find(text)`` (returning QuoteFindings) and express them as token groups."""
    index = TokenIndex(doc["tokens"])
    groups = []
    for f in find(doc["originalText"]):
        quote = index.tokens(f.spans)
        if not quote:
            continue
        roles = {
            "speaker": index.tokens([f.speaker_span]) if f.speaker_span else (),
            "cue": index.tokens(f.cue_spans),
            "frame": index.tokens(f.frame_spans),
            "addressee": index.tokens([f.addressee_span]) if f.addressee_span else (),
        }
        groups.append(Group(quote, roles, f.type, None))
    return groups


def evaluate_split(
    dataset: Path,
    split: str,
    limit: int | None = None,
    progress: Callable[[Iterator[dict], int], Iterator[dict]] | None = None,
) -> Scores:
    """Run parley's quote extractor on a split and score it."""
    from parley.extract.nlp import parse_many
    from parley.extract.quotes import find_quotes

    docs = load_split(dataset, split)[:limit]
    texts = (d["originalText"] for d in docs)
    parsed = parse_many(texts, "de")

    def run() -> Iterator[tuple[list[Group], list[Group]]]:
        items: Iterator[dict] = iter(docs)
        if progress is not None:
            items = progress(items, len(docs))
        for doc, parsed_doc in zip(items, parsed, strict=True):
            sys = predict_groups(doc, lambda text, d=parsed_doc: find_quotes(text, "de", doc=d))
            yield sys, gold_groups(doc)

    return score(run())
