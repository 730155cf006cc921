"""Score extraction records against gold annotations, per kind of record.

Both sides are SPEC §1 JSON Lines. They are aligned by the *basename* of each
article's ``source``, never by article id: the id is a hash of the cleaned text,
so any change to the cleaner would otherwise silently disconnect gold from
predictions. Only articles present in the gold are scored; a gold article with
no predicted counterpart counts every gold record as missed.

What is compared, per article:

* ``actors``: the set of actor ids mentioned (``persons``: only ``type == person``).
  Mention spans are not scored; who is in the article is.
* ``quotes``: spans matched one-to-one by character overlap (largest overlap
  first); ``quote speaker``: matched pairs whose speaker ids agree, counted
  against all predicted and all gold quotes (the convention of quote-attribution
  corpora, so a missed quote also costs speaker recall).
* ``events``: the set of (type, participants, date) keys. An article that
  reports the same meeting three times still describes one meeting, so keys are
  de-duplicated on both sides. ``consult`` restricts to CONSULT;
  ``consult + mode`` also requires the CONSULT mode to agree.
* ``… detected``, ``… detected + date`` and ``… participants`` take the strict key
  apart the way event-extraction campaigns (ACE) score triggers and arguments: an
  event is *detected* when a predicted event of the same type shares at least one
  participant with a gold one (paired one-to-one, same date first, then largest
  overlap); ``+ date`` also wants the date; ``participants`` counts participants
  over all events (those of paired events that agree are right, all others wrong
  or missed). A meeting found with one of five attendees missing fails the strict
  row but is detected, with four of five participants.
* ``stances``: the set of (actor, issue, stance) keys; ``stances + value`` adds
  the value, where the gold gives one. With an affiliation map (from the case
  pack) ``stances (party)`` compares after rolling each actor up to its party,
  so "Putin demands" and "Russia demands" count as the same position.
  ``stances, any label`` compares (actor, issue) only: who takes a position on what.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from parley.errors import InputError

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class PRF:
    """True positives, false positives and false negatives, with the derived scores.

    Empty on both sides counts as perfect (nothing to find, nothing invented), so
    an article without quotes does not drag the averages down.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class ArticleRecords:
    """All records of one article, grouped by kind."""

    source: str
    article: Record | None = None
    mentions: list[Record] = field(default_factory=list)
    quotes: list[Record] = field(default_factory=list)
    events: list[Record] = field(default_factory=list)
    stances: list[Record] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    """Per-kind scores summed over all gold articles, plus which articles had no prediction."""

    scores: dict[str, PRF]
    articles: list[str]
    unmatched: list[str]
    per_article: dict[str, dict[str, PRF]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "unmatched": self.unmatched,
            "scores": {kind: prf.to_dict() for kind, prf in self.scores.items()},
            "per_article": {
                key: {kind: prf.to_dict() for kind, prf in kinds.items()}
                for key, kinds in self.per_article.items()
            },
        }


def source_key(source: str) -> str:
    """The basename an article is aligned by (works for paths and URLs alike)."""
    return PurePosixPath(source.replace("\\", "/").rstrip("/")).name or source


def read_jsonl(path: Path) -> Iterator[Record]:
    """Records of a JSON Lines file; a malformed line is an error naming file and line."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON ({exc.msg})", number) from exc
            if not isinstance(record, dict) or "kind" not in record:
                raise InputError(str(path), "record without a 'kind' field", number)
            yield record


def gold_files(directory: Path) -> list[Path]:
    """The gold JSONL files under a directory, recursively (sorted, so reports are stable)."""
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise InputError(str(directory), "no such gold file or directory")
    files = sorted(directory.rglob("*.jsonl"))
    if not files:
        raise InputError(str(directory), "no *.jsonl gold files here")
    return files


_KIND_FIELD = {"mention": "mentions", "quote": "quotes", "event": "events", "stance": "stances"}


def group_records(records: Iterable[Record], origin: str = "") -> dict[str, ArticleRecords]:
    """Group records by the source basename of the article they point into.

    Records name their article by id; the ``article`` record maps that id to a
    source. A record whose article record is missing cannot be aligned and is an
    error, since silently dropping it would inflate scores.
    """
    by_id: dict[str, ArticleRecords] = {}
    pending: list[Record] = []
    for record in records:
        if record.get("kind") == "article":
            key = source_key(str(record.get("source") or record.get("id")))
            group = ArticleRecords(source=key, article=record)
            by_id[str(record.get("id"))] = group
        elif record.get("kind") in _KIND_FIELD:
            pending.append(record)
    for record in pending:
        group = by_id.get(str(record.get("article")))
        if group is None:
            raise InputError(
                origin or "records",
                f"{record['kind']} points to unknown article {record.get('article')!r}",
            )
        getattr(group, _KIND_FIELD[record["kind"]]).append(record)
    grouped: dict[str, ArticleRecords] = {}
    for group in by_id.values():
        if group.source in grouped:  # one source split over records: merge
            other = grouped[group.source]
            for name in _KIND_FIELD.values():
                getattr(other, name).extend(getattr(group, name))
        else:
            grouped[group.source] = group
    return grouped


def _set_prf(gold: set[Any], pred: set[Any]) -> PRF:
    tp = len(gold & pred)
    return PRF(tp, len(pred) - tp, len(gold) - tp)


def _span(record: Record) -> tuple[int, int]:
    return int(record["start"]), int(record["end"])


def match_quotes(gold: list[Record], pred: list[Record]) -> list[tuple[Record, Record]]:
    """Pair gold and predicted quotes one-to-one, largest character overlap first.

    Any overlap counts as a match (quote boundaries differ legitimately: with or
    without the quotation marks, with or without "so Uschakow"); the greedy
    order keeps a long prediction from claiming a small gold quote when a
    better partner exists.
    """
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        gs, ge = _span(g)
        for pi, p in enumerate(pred):
            ps, pe = _span(p)
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                candidates.append((overlap, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Record, Record]] = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def _event_key(record: Record, with_mode: bool = False) -> tuple[Any, ...]:
    key: tuple[Any, ...] = (
        record.get("type"),
        frozenset(record.get("participants") or ()),
        record.get("date"),
    )
    return (*key, record.get("mode")) if with_mode else key


EventKey = tuple[Any, frozenset[str], Any]


def match_events(gold: list[EventKey], pred: list[EventKey]) -> list[tuple[EventKey, EventKey]]:
    """Pair gold and predicted events one-to-one: same type and at least one shared
    participant; pairs with the same date first, then the largest share of
    participants in common (Jaccard), so that "met on Sunday and again on Monday"
    pairs each day with its own report."""
    candidates = []
    for gi, (g_type, g_who, g_date) in enumerate(gold):
        for pi, (p_type, p_who, p_date) in enumerate(pred):
            common = len(g_who & p_who)
            if g_type == p_type and common:
                jaccard = common / len(g_who | p_who)
                candidates.append((g_date != p_date, -jaccard, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


def _decomposed(name: str, gold: list[Record], pred: list[Record]) -> dict[str, PRF]:
    """The detected / detected + date / participants rows (see the module docstring)."""
    g = list(dict.fromkeys(_event_key(e) for e in gold))
    p = list(dict.fromkeys(_event_key(e) for e in pred))
    pairs = match_events(g, p)
    dated = sum(1 for a, b in pairs if a[2] == b[2])
    shared = sum(len(a[1] & b[1]) for a, b in pairs)
    singular = "event" if name == "events" else name
    return {
        f"{name} detected": PRF(len(pairs), len(p) - len(pairs), len(g) - len(pairs)),
        f"{name} detected + date": PRF(dated, len(p) - dated, len(g) - dated),
        f"{singular} participants": PRF(
            shared, sum(len(k[1]) for k in p) - shared, sum(len(k[1]) for k in g) - shared
        ),
    }


_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+")


def norm_value(value: Any) -> Any:
    """Numbers compare as floats whatever their grouping ("800.000", "800,000")."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().lower()
    if _GROUPED_NUMBER.fullmatch(text):
        text = re.sub(r"[.,\u202f\u00a0 ]", "", text)
    try:
        return float(text)
    except ValueError:
        return text


def _stance_keys(
    records: list[Record],
    with_value: bool = False,
    party: Callable[[str], str] | None = None,
    only_valued: bool = False,
) -> set[tuple[Any, ...]]:
    keys: set[tuple[Any, ...]] = set()
    for r in records:
        if only_valued and r.get("value") is None:
            continue
        actor = str(r.get("actor"))
        if party is not None:
            actor = party(actor)
        key: tuple[Any, ...] = (actor, r.get("issue"), r.get("stance"))
        if with_value:
            key = (*key, norm_value(r.get("value")))
        keys.add(key)
    return keys


KINDS: tuple[str, ...] = (
    "actors",
    "persons",
    "quotes",
    "quote speaker",
    "events",
    "events detected",
    "events detected + date",
    "event participants",
    "consult",
    "consult detected",
    "consult detected + date",
    "consult participants",
    "consult + mode",
    "stances",
    "stances, any label",
    "stances + value",
)


def score_article(
    gold: ArticleRecords,
    pred: ArticleRecords,
    affiliations: Mapping[str, str] | None = None,
) -> dict[str, PRF]:
    """Per-kind counts for one article."""
    scores: dict[str, PRF] = {}
    scores["actors"] = _set_prf(
        {m["actor"] for m in gold.mentions}, {m["actor"] for m in pred.mentions}
    )
    scores["persons"] = _set_prf(
        {m["actor"] for m in gold.mentions if m.get("type") == "person"},
        {m["actor"] for m in pred.mentions if m.get("type") == "person"},
    )

    pairs = match_quotes(gold.quotes, pred.quotes)
    scores["quotes"] = PRF(len(pairs), len(pred.quotes) - len(pairs), len(gold.quotes) - len(pairs))
    right = sum(1 for g, p in pairs if g.get("speaker") == p.get("speaker"))
    scores["quote speaker"] = PRF(right, len(pred.quotes) - right, len(gold.quotes) - right)

    scores["events"] = _set_prf(
        {_event_key(e) for e in gold.events}, {_event_key(e) for e in pred.events}
    )
    scores.update(_decomposed("events", gold.events, pred.events))
    gold_consult = [e for e in gold.events if e.get("type") == "CONSULT"]
    pred_consult = [e for e in pred.events if e.get("type") == "CONSULT"]
    scores["consult"] = _set_prf(
        {_event_key(e) for e in gold_consult}, {_event_key(e) for e in pred_consult}
    )
    scores.update(_decomposed("consult", gold_consult, pred_consult))
    scores["consult + mode"] = _set_prf(
        {_event_key(e, True) for e in gold_consult}, {_event_key(e, True) for e in pred_consult}
    )

    scores["stances"] = _set_prf(_stance_keys(gold.stances), _stance_keys(pred.stances))
    # Who holds a position on which issue, whatever the position: beside the strict row
    # it tells a missed or misattributed stance from a wrongly labelled one.
    scores["stances, any label"] = _set_prf(
        {k[:2] for k in _stance_keys(gold.stances)}, {k[:2] for k in _stance_keys(pred.stances)}
    )
    # Values are scored only where the gold states one: a predicted value for a
    # stance the text gives no number for is not an error of its own.
    gold_valued = _stance_keys(gold.stances, with_value=True, only_valued=True)
    valued_issues = {k[:3] for k in gold_valued}
    pred_valued = {k for k in _stance_keys(pred.stances, with_value=True) if k[:3] in valued_issues}
    scores["stances + value"] = _set_prf(gold_valued, pred_valued)
    if affiliations is not None:

        def party(actor: str) -> str:
            return affiliations.get(actor, actor)

        scores["stances (party)"] = _set_prf(
            _stance_keys(gold.stances, party=party), _stance_keys(pred.stances, party=party)
        )
    return scores


def score(
    gold: Mapping[str, ArticleRecords],
    pred: Mapping[str, ArticleRecords],
    affiliations: Mapping[str, str] | None = None,
) -> Report:
    """Sum per-article counts over every gold article (micro-averaged P/R/F1)."""
    totals: dict[str, PRF] = {}
    unmatched: list[str] = []
    per_article: dict[str, dict[str, PRF]] = {}
    for key in sorted(gold):
        predicted = pred.get(key)
        if predicted is None:
            unmatched.append(key)
            predicted = ArticleRecords(source=key)
        per_article[key] = score_article(gold[key], predicted, affiliations)
        for kind, prf in per_article[key].items():
            totals[kind] = totals.get(kind, PRF()) + prf
    return Report(totals, sorted(gold), unmatched, per_article)


def load_gold(directory: Path) -> dict[str, ArticleRecords]:
    """Every gold file of a directory, grouped by source basename."""
    grouped: dict[str, ArticleRecords] = {}
    for path in gold_files(directory):
        for key, group in group_records(read_jsonl(path), str(path)).items():
            if key in grouped:
                raise InputError(str(path), f"article {key!r} is annotated in two gold files")
            grouped[key] = group
    return grouped


def _record_suffix(source: str) -> tuple[str, int | None]:
    """``feed.jsonl:2`` -> (``feed.jsonl``, 2): one record of a JSON Lines file."""
    head, sep, tail = source.rpartition(":")
    return (head, int(tail)) if sep and tail.isdigit() else (source, None)


def locate_sources(gold: Mapping[str, ArticleRecords], roots: Iterable[Path]) -> dict[str, Path]:
    """The file each gold article was annotated on, looked up under ``roots``.

    A gold ``source`` is a seed file name or a repo-relative path, with ``:N``
    for the N-th line of a JSON Lines file; a missing file is an error naming
    it, since scoring without it would report a silent zero.
    """
    roots = list(roots)
    found: dict[str, Path] = {}
    for key, group in gold.items():
        source = str((group.article or {}).get("source") or key)
        names = [_record_suffix(source)[0], _record_suffix(key)[0]]
        for candidate in (root / name for root in roots for name in names):
            if candidate.is_file():
                found[key] = candidate
                break
        else:
            where = ", ".join(str(r) for r in roots)
            raise InputError(source, f"gold source file not found under {where}")
    return found


# --- text-free gold -------------------------------------------------------
# Gold on third-party articles stores no text of theirs (the repo holds only what
# we wrote): a span is its offsets plus a fingerprint, the first 12 hex digits of
# the SHA-1 of the span with whitespace runs collapsed to one space, and that
# collapsed length. Collapsing keeps the fingerprint stable when a cleaner
# rewraps lines; the text itself is read from the cleaned article at run time.

FINGERPRINT_HEX = 12


def fingerprint(span: str) -> dict[str, Any]:
    """``{"sha1": …, "len": …}`` of a span, whitespace-insensitive."""
    flat = " ".join(span.split())
    digest = hashlib.sha1(flat.encode("utf-8")).hexdigest()[:FINGERPRINT_HEX]
    return {"sha1": digest, "len": len(flat)}


def is_fingerprint(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"sha1", "len"}


def _collapsed(text: str) -> tuple[str, list[int]]:
    """``text`` with whitespace runs as one space, and each kept char's offset in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    for match in re.finditer(r"\S+", text):
        if chars:
            chars.append(" ")
            where.append(match.start() - 1)
        chars.extend(match.group())
        where.extend(range(match.start(), match.end()))
    return "".join(chars), where


def find_fingerprint(text: str, print_: Mapping[str, Any], near: int = 0) -> tuple[int, int] | None:
    """Offsets of the span of ``text`` with this fingerprint, the one closest to ``near``.

    Spans start and end on non-space characters (as every annotated span does);
    ``None`` when no span of ``text`` has the fingerprint.
    """
    flat, where = _collapsed(text)
    size = int(print_["len"])
    found: list[tuple[int, int]] = []
    for i in range(len(flat) - size + 1):
        if flat[i] == " " or flat[i + size - 1] == " ":
            continue
        window = flat[i : i + size]
        if fingerprint(window)["sha1"] == print_["sha1"]:
            found.append((where[i], where[i + size - 1] + 1))
    return min(found, key=lambda span: abs(span[0] - near)) if found else None


def hydrate(group: ArticleRecords, text: str) -> list[Record]:
    """Fill in the text a text-free gold article leaves out, from its cleaned ``text``.

    A quote without ``text`` gets ``text[start:end]``; any other field stored as
    a fingerprint (a long title, condition or speaker phrase) gets the matching
    span nearest to its record. Returns the records whose span (checked against
    the record's own ``fingerprint``) or field no longer matches ``text``: gold
    anchored to another cleaner. Those are hydrated as far as possible.
    """
    stale: list[Record] = []
    records = [group.article or {}, *group.mentions, *group.quotes, *group.events, *group.stances]
    for record in records:
        near = int(record.get("start") or 0)
        own = record.get("fingerprint")
        if own is not None and fingerprint(text[near : int(record["end"])]) != own:
            stale.append(record)
        if record.get("kind") == "quote" and "text" not in record:
            record["text"] = text[near : int(record["end"])]
        for name, value in list(record.items()):
            if name == "fingerprint" or not is_fingerprint(value):
                continue
            span = find_fingerprint(text, value, near)
            if span is None:
                stale.append(record)
            else:
                record[name] = text[span[0] : span[1]]
    return stale


def predict(
    paths: Iterable[Path],
    case: Any,
    progress: Callable[[], None] | None = None,
) -> dict[str, ArticleRecords]:
    """Run ingestion's reader and cleaner and the extractor on ``paths``, in process."""
    from parley.extract.pipeline import Extractor
    from parley.ingest.pipeline import Prepared, prepare

    extractor = Extractor(case)
    records: list[Record] = []
    for path in dict.fromkeys(paths):  # a JSON Lines file may hold several gold articles
        for item in prepare([str(path)]):
            if not isinstance(item, Prepared):
                raise InputError(str(path), f"not ingested: {item}")
            records.append(item.article.to_record())
            records.extend(r.to_record() for r in extractor.extract(item.article))
        if progress is not None:
            progress()
    return group_records(records, "extraction")
