"""Behavioural tests for extraction: an inventory of constructions, scored case by case.

Gold articles measure accuracy on whole stories, but a few dozen articles say little
about *which* ways of reporting a meeting or a position the rules understand, and rules
tuned on them cover the phrasings they were written from. A challenge file lists
constructions (in the spirit of CheckList, Ribeiro et al. 2020), each with short news
sentences and the records they must give (or none, for negated and hypothetical
meetings). Scoring reports the share of cases passed per construction, so that a gap
names the construction to work on, and record-level precision, recall and F1 over all
cases.

A file (YAML)::

    kind: events            # or stances
    language: en
    published: 2025-11-20   # default for the cases: relative dates resolve against it
    types: [CONSULT]        # events only: the event types compared
    cases:
      - construction: host
        text: Trump hosted Zelensky at the White House on Monday.
        expect:
          - {type: CONSULT, participants: [donald-trump, volodymyr-zelensky], date: 2025-11-17}

Events compare (type, participant set, date); stances compare (actor, issue, stance)
and, where the expectation gives one, the value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from parley.errors import InputError
from parley.evaluate.gold import PRF, norm_value
from parley.extract.records import EVENT_TYPES, Record

Key = tuple[Any, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ExpectedEvent(_Strict):
    type: Literal[EVENT_TYPES]  # type: ignore[valid-type]
    participants: list[str] = Field(min_length=1)
    date: dt.date | None = None

    def key(self) -> Key:
        return (self.type, frozenset(self.participants), _iso(self.date))


class ExpectedStance(_Strict):
    actor: str
    issue: str
    stance: Literal["demand", "offer", "accept", "reject", "conditional", "open"]
    value: float | str | None = None

    def key(self) -> Key:
        return (self.actor, self.issue, self.stance)


class ChallengeCase(_Strict):
    construction: str = Field(min_length=1)
    text: str = Field(min_length=1)
    published: dt.date | None = None
    types: list[Literal[EVENT_TYPES]] | None = None  # type: ignore[valid-type]
    expect: list[dict[str, Any]] = Field(default_factory=list)


class ChallengeFile(_Strict):
    kind: Literal["events", "stances"]
    language: Literal["de", "en"]
    published: dt.date | None = None
    types: list[Literal[EVENT_TYPES]] | None = None  # type: ignore[valid-type]
    cases: list[ChallengeCase] = Field(min_length=1)

    @model_validator(mode="after")
    def _expectations_fit_the_kind(self) -> ChallengeFile:
        model = ExpectedEvent if self.kind == "events" else ExpectedStance
        for number, case in enumerate(self.cases, 1):
            for item in case.expect:
                try:
                    model.model_validate(item)
                except ValidationError as error:
                    first = error.errors()[0]
                    where = ".".join(str(p) for p in first["loc"])
                    raise ValueError(
                        f"case {number} ({case.construction}): expect {where}: {first['msg']}"
                    ) from None
            if self.kind == "events" and not (case.types or self.types):
                raise ValueError(
                    f"case {number} ({case.construction}): events need `types` "
                    "(on the file or the case): the event types compared"
                )
        return self


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(slots=True)
class CaseResult:
    """One case: what was expected, what came out, and whether they agree."""

    file: str
    construction: str
    text: str
    expected: list[Key]
    predicted: list[Key]
    passed: bool
    counts: PRF

    def to_dict(self) -> dict[str, Any]:
        def plain(keys: list[Key]) -> list[list[Any]]:
            return [[sorted(x) if isinstance(x, frozenset) else x for x in k] for k in keys]

        return {
            "file": self.file,
            "construction": self.construction,
            "text": self.text,
            "expected": plain(self.expected),
            "predicted": plain(self.predicted),
            "passed": self.passed,
        }


@dataclass(slots=True)
class ChallengeReport:
    """All cases of the files scored, with totals per (file kind, language, construction)."""

    results: list[CaseResult] = field(default_factory=list)

    def by_construction(self) -> dict[tuple[str, str], tuple[int, int]]:
        """(file, construction) -> (cases passed, cases), in file order."""
        table: dict[tuple[str, str], tuple[int, int]] = {}
        for r in self.results:
            passed, total = table.get((r.file, r.construction), (0, 0))
            table[(r.file, r.construction)] = (passed + r.passed, total + 1)
        return table

    def totals(self, file: str | None = None) -> tuple[int, int, PRF]:
        chosen = [r for r in self.results if file is None or r.file == file]
        counts = sum((r.counts for r in chosen), PRF())
        return sum(r.passed for r in chosen), len(chosen), counts

    def files(self) -> list[str]:
        return list(dict.fromkeys(r.file for r in self.results))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"files": {}}
        for name in self.files():
            passed, total, counts = self.totals(name)
            out["files"][name] = {
                "passed": passed,
                "cases": total,
                "records": counts.to_dict(),
                "constructions": {
                    c: {"passed": p, "cases": n}
                    for (f, c), (p, n) in self.by_construction().items()
                    if f == name
                },
            }
        passed, total, counts = self.totals()
        out["passed"], out["cases"], out["records"] = passed, total, counts.to_dict()
        out["failures"] = [r.to_dict() for r in self.results if not r.passed]
        return out


def challenge_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those inside the folders named, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.yaml") if p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(str(path), "no such file or folder")
    if not found:
        raise InputError(", ".join(str(p) for p in paths), "no challenge files (*.yaml) found")
    return found


def load_challenge(path: Path) -> ChallengeFile:
    """One challenge file, validated; any problem is an :class:`InputError` naming the file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(str(path), f"cannot read as YAML: {error}") from None
    try:
        return ChallengeFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        message = first["msg"].removeprefix("Value error, ")
        raise InputError(str(path), f"{where}: {message}") from None


def _predicted_keys(
    kind: str, records: Sequence[Record], types: Sequence[str]
) -> tuple[list[Key], dict[Key, Any]]:
    if kind == "events":
        keys = [
            (r.type, frozenset(r.participants), r.date)  # type: ignore[attr-defined]
            for r in records
            if getattr(r, "kind", "") == "event" and r.type in types  # type: ignore[attr-defined]
        ]
        return list(dict.fromkeys(keys)), {}
    values: dict[Key, Any] = {}
    keys = []
    for r in records:
        if getattr(r, "kind", "") != "stance":
            continue
        key = (r.actor, r.issue, r.stance)  # type: ignore[attr-defined]
        keys.append(key)
        values.setdefault(key, r.value)  # type: ignore[attr-defined]
    return list(dict.fromkeys(keys)), values


def score_file(path: Path, challenge: ChallengeFile, extractor: Any) -> list[CaseResult]:
    """Run the extractor on every case of one file and compare."""
    from parley.ingest.article import Article

    results = []
    for number, case in enumerate(challenge.cases, 1):
        published = case.published or challenge.published
        article = Article(
            text=case.text,
            source=f"{path.name}#{number}",
            published=_iso(published),
            language=challenge.language,
        )
        records = extractor.extract(article)
        types = case.types or challenge.types or []
        predicted, values = _predicted_keys(challenge.kind, records, types)
        model = ExpectedEvent if challenge.kind == "events" else ExpectedStance
        wanted = [model.model_validate(item) for item in case.expect]
        expected = list(dict.fromkeys(w.key() for w in wanted))
        gold, pred = set(expected), set(predicted)
        counts = PRF(len(gold & pred), len(pred - gold), len(gold - pred))
        values_agree = all(
            norm_value(values.get(w.key())) == norm_value(w.value)
            for w in wanted
            if isinstance(w, ExpectedStance) and w.value is not None
        )
        results.append(
            CaseResult(
                file=path.name,
                construction=case.construction,
                text=case.text,
                expected=expected,
                predicted=predicted,
                passed=gold == pred and values_agree,
                counts=counts,
            )
        )
    return results


def run_challenges(paths: Iterable[Path], case_pack: Any) -> ChallengeReport:
    """Every case of every challenge file, extracted with ``case_pack``.

    All files are read and validated before any extraction, so a bad file costs a
    clear error and no half report.
    """
    from parley.extract.pipeline import Extractor

    loaded = [(path, load_challenge(path)) for path in challenge_files(paths)]
    extractor = Extractor(case_pack)
    report = ChallengeReport()
    for path, challenge in loaded:
        report.results += score_file(path, challenge, extractor)
    return report
