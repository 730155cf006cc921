"""Load a case pack from the package or a folder, check it, and query it.

``load_case("ukraine-2025")`` reads the pack shipped in ``parley/cases/``;
``load_case("path/to/pack")`` reads any folder. Every problem is reported with
file, line and field, all at once, so an analyst can fix a pack in one pass.
"""

from __future__ import annotations

import importlib.resources
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from parley.cases.schema import (
    Actor,
    ActorsFile,
    Ambiguity,
    CaseContext,
    CaseMeta,
    Document,
    DocumentsFile,
    Issue,
    IssuesFile,
    Lever,
    LexiconFile,
    PartyClout,
    Position,
    Role,
    normalize_alias,
)
from parley.cases.yamlpos import Loc, YamlProblem, line_of, load_with_lines
from parley.errors import ParleyError

PACK_FILES: tuple[str, ...] = ("actors.yaml", "issues.yaml", "documents.yaml", "lexicon.yaml")
META_FILE = "case.yaml"
EVENT_TYPES: tuple[str, ...] = (  # SPEC §4; kept here so cases/ imports no later stage
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    "LEAK", "PROPOSE",
)  # fmt: skip
CONSULT_MODES: tuple[str, ...] = ("meet", "phone", "visit", "host", "third-party", "multilateral")
_LEADING_ARTICLES = ("der ", "die ", "das ", "des ", "dem ", "den ", "the ")

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a pack, located as precisely as the YAML allows."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {field}{self.message}"


class CaseError(ParleyError):
    """A pack that cannot be loaded; ``problems`` lists every finding."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        head = str(problems[0]) if problems else "invalid case pack"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(head + more)


def _field_name(loc: Iterable[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class CasePack:
    """A loaded case pack with lookups used by extraction and simulation.

    Aliases map to actor ids (``aliases()``); time-bound role phrases map to the
    holder on a date (``role_phrases_at``); ``resolve`` combines both with the
    pack's ambiguity rules.
    """

    name: str
    path: Path
    meta: CaseMeta
    actors: list[Actor]
    ambiguous: list[Ambiguity]
    redirects: dict[str, str]
    issues: list[Issue]
    contexts: list[CaseContext]
    parties: list[PartyClout]
    positions: list[Position]
    levers: list[Lever]
    documents: list[Document]
    lexicon: LexiconFile
    _by_id: dict[str, Actor] = field(default_factory=dict, repr=False)
    _aliases: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _rules: dict[str, Ambiguity] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # A pack is read-only after loading, so the lookup tables are built once.
        self._by_id = {a.id: a for a in self.actors}
        table: dict[str, set[str]] = defaultdict(set)
        for actor in self.actors:
            for _lang, form in actor.surface_forms():
                table[normalize_alias(form)].add(actor.id)
        self._aliases = {k: tuple(sorted(v)) for k, v in table.items()}
        self._rules = {normalize_alias(a.alias): a for a in self.ambiguous}

    # --- actors -----------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        """The actor with this id, following redirects (``kremlin`` -> ``russia``)."""
        actor_id = self.redirects.get(actor_id, actor_id)
        try:
            return self._by_id[actor_id]
        except KeyError:
            raise KeyError(f"case {self.name!r} has no actor {actor_id!r}") from None

    def has_actor(self, actor_id: str) -> bool:
        return self.redirects.get(actor_id, actor_id) in self._by_id

    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Normalised surface form -> ids of the actors that carry it (names,
        aliases, inflected forms; role phrases are date-bound, see
        ``role_phrases_at``). More than one id means the form is listed in
        ``ambiguous`` and ``resolve`` applies its rule."""
        return dict(self._aliases)

    def ambiguity(self, surface: str) -> Ambiguity | None:
        """The ambiguity rule for a surface form, if the pack declares one."""
        return self._rules.get(normalize_alias(surface))

    def roles_at(self, day: date) -> list[tuple[Actor, Role]]:
        """Every (holder, role) valid on ``day``."""
        return [(a, r) for a in self.actors for r in a.roles if r.valid_on(day)]

    def role_phrases_at(self, day: date) -> dict[str, str]:
        """Normalised role phrase -> holder id on ``day`` ("kremlsprecher" -> dmitry-peskov)."""
        out: dict[str, str] = {}
        for actor, role in self.roles_at(day):
            for _lang, phrase in role.phrases.all():
                out[normalize_alias(phrase)] = actor.id
        return out

    def resolve(self, surface: str, on: date | None = None, context: str = "") -> str | None:
        """Actor id for a surface form, or None if the pack does not know it.

        Order: ambiguity rule (cues found in ``context``, else its default),
        unique alias, role phrase valid ``on`` the date (without a date only
        phrases with a single holder ever). A leading article is dropped if the
        form with it is unknown ("der Kremlchef" -> "Kremlchef").
        """
        key = normalize_alias(surface)
        found = self._resolve_key(key, on, context)
        if found is None:
            for article in _LEADING_ARTICLES:
                if key.startswith(article):
                    return self._resolve_key(key[len(article) :], on, context)
        return found

    def _resolve_key(self, key: str, on: date | None, context: str) -> str | None:
        amb = self.ambiguity(key)
        if amb is not None:
            ctx = normalize_alias(context)
            for actor_id, cues in amb.cues.items():
                if any(normalize_alias(c) in ctx for c in cues):
                    return actor_id
            return amb.default
        ids = self._aliases.get(key)
        if ids:
            return ids[0]
        if on is not None:
            return self.role_phrases_at(on).get(key)
        holders = {
            a.id
            for a in self.actors
            for r in a.roles
            if any(normalize_alias(p) == key for _l, p in r.phrases.all())
        }
        return holders.pop() if len(holders) == 1 else None

    def party_of(self, actor_id: str) -> str:
        """The negotiating party an actor rolls up to (follows affiliations)."""
        parties = {p.id for p in self.parties}
        seen: set[str] = set()
        current = self.actor(actor_id)
        while current.id not in parties and current.affiliation and current.id not in seen:
            seen.add(current.id)
            current = self.actor(current.affiliation)
        return current.id

    # --- issues, positions, documents -------------------------------------------
    def issue(self, key: str) -> Issue:
        for issue in self.issues:
            if issue.key == key:
                return issue
        raise KeyError(f"case {self.name!r} has no issue {key!r}")

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(f"case {self.name!r} has no document {doc_id!r}")

    def clout(self, party: str) -> float:
        for p in self.parties:
            if p.id == party:
                return p.clout
        raise KeyError(f"case {self.name!r} has no party {party!r}")

    def positions_at(self, day: date) -> dict[tuple[str, str], list[Position]]:
        """Latest reported positions on or before ``day`` per (party, issue).

        Several reports of the same latest date are all returned: where outlets
        disagree the caller sees the spread instead of an arbitrary pick.
        """
        latest: dict[tuple[str, str], list[Position]] = {}
        for pos in sorted(self.positions, key=lambda p: p.date):
            if pos.date > day:
                continue
            key = (pos.party, pos.issue)
            if key in latest and latest[key][0].date == pos.date:
                latest[key].append(pos)
            else:
                latest[key] = [pos]
        return latest


# --- locating and reading a pack --------------------------------------------------
def available_cases() -> list[str]:
    """Names of the packs shipped inside the package."""
    root = importlib.resources.files("parley.cases")
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "actors.yaml").is_file())


def case_dir(name_or_path: str | Path) -> Path:
    """Folder of a pack: an existing path wins, else a pack shipped in the package."""
    candidate = Path(name_or_path).expanduser()
    if candidate.is_dir():
        return candidate
    name = str(name_or_path)
    if "/" not in name and name in available_cases():
        return Path(str(importlib.resources.files("parley.cases") / name))
    known = ", ".join(available_cases()) or "none"
    raise CaseError(
        [Problem(name, None, "", f"no such case pack folder or shipped pack (shipped: {known})")]
    )


def _read(path: Path, model: type[M], problems: list[Problem]) -> tuple[M | None, dict]:
    rel = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(rel, None, "", "file missing"))
        return None, {}
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(rel, None, "", f"cannot read: {exc}"))
        return None, {}
    try:
        data, lines = load_with_lines(text)
    except YamlProblem as exc:
        problems.append(Problem(rel, exc.line, "", exc.message))
        return None, {}
    if data is None:
        data = {}
    try:
        return model.model_validate(data), lines
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            problems.append(Problem(rel, line_of(lines, loc), _field_name(loc), err["msg"]))
        return None, lines


def load_case(name_or_path: str | Path) -> CasePack:
    """Load and fully check a pack; raise ``CaseError`` listing every problem."""
    pack, problems = _load(name_or_path)
    if problems or pack is None:
        raise CaseError(problems)
    return pack


def check_case(name_or_path: str | Path) -> list[Problem]:
    """Every problem of a pack (empty list = valid); the pack folder must exist."""
    return _load(name_or_path)[1]


def _load(name_or_path: str | Path) -> tuple[CasePack | None, list[Problem]]:
    folder = case_dir(name_or_path)
    problems: list[Problem] = []
    meta: CaseMeta | None = CaseMeta(title=folder.name)
    if (folder / META_FILE).exists():
        meta, _ = _read(folder / META_FILE, CaseMeta, problems)
    actors, actor_lines = _read(folder / "actors.yaml", ActorsFile, problems)
    issues, issue_lines = _read(folder / "issues.yaml", IssuesFile, problems)
    docs, doc_lines = _read(folder / "documents.yaml", DocumentsFile, problems)
    lexicon, lex_lines = _read(folder / "lexicon.yaml", LexiconFile, problems)
    if problems or not (meta and actors and issues and docs and lexicon):
        return None, problems
    pack = CasePack(
        name=folder.name,
        path=folder,
        meta=meta,
        actors=actors.actors,
        ambiguous=actors.ambiguous,
        redirects=actors.redirects,
        issues=issues.issues,
        contexts=issues.contexts,
        parties=issues.parties,
        positions=issues.positions,
        levers=issues.levers,
        documents=docs.documents,
        lexicon=lexicon,
    )
    lines = {
        "actors.yaml": actor_lines,
        "issues.yaml": issue_lines,
        "documents.yaml": doc_lines,
        "lexicon.yaml": lex_lines,
    }
    found = [
        *_check_actors(pack),
        *_check_issues(pack),
        *_check_documents(pack),
        *_check_lexicon(pack),
    ]
    for file, loc, message in found:
        problems.append(Problem(file, line_of(lines[file], loc), _field_name(loc), message))
    return (None if problems else pack), problems


# --- cross-file rules ---------------------------------------------------------------
Finding = tuple[str, Loc, str]


def _check_actors(pack: CasePack) -> list[Finding]:
    out: list[Finding] = []
    f = "actors.yaml"
    seen: dict[str, int] = {}
    for i, actor in enumerate(pack.actors):
        if actor.id in seen:
            out.append((f, ("actors", i, "id"), f"duplicate id {actor.id!r}"))
        seen.setdefault(actor.id, i)
    for i, actor in enumerate(pack.actors):
        for attr in ("affiliation", "within"):
            ref = getattr(actor, attr)
            if ref and not pack.has_actor(ref):
                out.append((f, ("actors", i, attr), f"unknown actor id {ref!r}"))
    for src, target in pack.redirects.items():
        if src in seen:
            out.append((f, ("redirects", src), f"{src!r} is both an actor id and a redirect"))
        if target not in seen:
            out.append((f, ("redirects", src), f"redirect target {target!r} is not an actor"))
    out += _check_aliases(pack)
    out += _check_roles(pack)
    return out


def _alias_locs(pack: CasePack) -> dict[str, list[tuple[str, Loc]]]:
    """Normalised alias -> [(actor id, YAML path of the form)]."""
    table: dict[str, list[tuple[str, Loc]]] = defaultdict(list)
    for i, actor in enumerate(pack.actors):
        table[normalize_alias(actor.name)].append((actor.id, ("actors", i, "name")))
        for section in ("aliases", "inflected"):
            names = getattr(actor, section)
            for lang in ("de", "en", "ru", "uk"):
                for j, form in enumerate(getattr(names, lang)):
                    loc = ("actors", i, section, lang, j)
                    table[normalize_alias(form)].append((actor.id, loc))
    return table


def _check_aliases(pack: CasePack) -> list[Finding]:
    f = "actors.yaml"
    out: list[Finding] = []
    rules: dict[str, tuple[int, Ambiguity]] = {}
    for k, amb in enumerate(pack.ambiguous):
        key = normalize_alias(amb.alias)
        if key in rules:
            out.append((f, ("ambiguous", k, "alias"), f"alias {amb.alias!r} has two rules"))
        rules[key] = (k, amb)
        for c, cand in enumerate(amb.candidates):
            if not pack.has_actor(cand):
                out.append((f, ("ambiguous", k, "candidates", c), f"unknown actor id {cand!r}"))
    table = _alias_locs(pack)
    phrase_holders = _phrase_holders(pack)
    for key, holders in table.items():
        ids = {actor_id for actor_id, _ in holders}
        if len(ids) < 2:
            continue
        rule = rules.get(key)
        if rule is None:
            loc = holders[-1][1]
            out.append(
                (
                    f,
                    loc,
                    f"alias {key!r} is carried by {sorted(ids)}; add an "
                    "'ambiguous' rule or remove it from all but one actor",
                )
            )
        elif not ids <= set(rule[1].candidates):
            out.append(
                (
                    f,
                    ("ambiguous", rule[0], "candidates"),
                    f"alias {key!r} is also carried by {sorted(ids - set(rule[1].candidates))}",
                )
            )
    for key, (k, _amb) in rules.items():
        if key not in table and key not in phrase_holders:
            out.append((f, ("ambiguous", k, "alias"), f"no actor carries the alias {key!r}"))
    for key, holders in phrase_holders.items():
        alias_ids = {actor_id for actor_id, _ in table.get(key, [])}
        role_ids = {actor_id for actor_id, _, _ in holders}
        if alias_ids and alias_ids != role_ids and key not in rules:
            out.append(
                (
                    f,
                    holders[0][1],
                    f"role phrase {key!r} is also a plain alias of "
                    f"{sorted(alias_ids)}; add an 'ambiguous' rule",
                )
            )
    return out


def _phrase_holders(pack: CasePack) -> dict[str, list[tuple[str, Loc, Role]]]:
    table: dict[str, list[tuple[str, Loc, Role]]] = defaultdict(list)
    for i, actor in enumerate(pack.actors):
        for r, role in enumerate(actor.roles):
            for lang in ("de", "en", "ru", "uk"):
                for j, phrase in enumerate(getattr(role.phrases, lang)):
                    loc = ("actors", i, "roles", r, "phrases", lang, j)
                    table[normalize_alias(phrase)].append((actor.id, loc, role))
    return table


def _overlap(a: Role, b: Role) -> bool:
    a_start, b_start = a.start or date.min, b.start or date.min
    a_end, b_end = a.end or date.max, b.end or date.max
    return a_start < b_end and b_start < a_end


def _check_roles(pack: CasePack) -> list[Finding]:
    """One holder per office at a time; one holder per role phrase at a time."""
    f = "actors.yaml"
    out: list[Finding] = []
    offices: dict[str, list[tuple[str, Loc, Role]]] = defaultdict(list)
    for i, actor in enumerate(pack.actors):
        for r, role in enumerate(actor.roles):
            offices[role.office].append((actor.id, ("actors", i, "roles", r), role))
    for office, held in offices.items():
        for x in range(len(held)):
            for y in range(x + 1, len(held)):
                if _overlap(held[x][2], held[y][2]):
                    out.append(
                        (
                            f,
                            (*held[y][1], "start"),
                            f"office {office!r}: window of "
                            f"{held[y][0]} overlaps that of {held[x][0]}",
                        )
                    )
    rules = {normalize_alias(a.alias) for a in pack.ambiguous}
    for phrase, holders in _phrase_holders(pack).items():
        if phrase in rules:
            continue
        for x in range(len(holders)):
            for y in range(x + 1, len(holders)):
                same = holders[x][0] == holders[y][0] and holders[x][2] is holders[y][2]
                if not same and _overlap(holders[x][2], holders[y][2]):
                    out.append(
                        (
                            f,
                            holders[y][1],
                            f"role phrase {phrase!r} names both "
                            f"{holders[x][0]} and {holders[y][0]} at the same time",
                        )
                    )
    return out


def _check_issues(pack: CasePack) -> list[Finding]:
    f = "issues.yaml"
    out: list[Finding] = []
    keys: dict[str, Issue] = {}
    for i, issue in enumerate(pack.issues):
        if issue.key in keys:
            out.append((f, ("issues", i, "key"), f"duplicate issue key {issue.key!r}"))
        keys[issue.key] = issue
        opts = [o.key for o in issue.options]
        if len(set(opts)) != len(opts):
            out.append((f, ("issues", i, "options"), "duplicate option key"))
    contexts = {c.key for c in pack.contexts}
    party_ids = {p.id for p in pack.parties}
    for i, party in enumerate(pack.parties):
        if not pack.has_actor(party.id):
            out.append((f, ("parties", i, "id"), f"unknown actor id {party.id!r}"))
    for i, pos in enumerate(pack.positions):
        if pos.party not in party_ids:
            out.append((f, ("positions", i, "party"), f"{pos.party!r} is not listed in 'parties'"))
        if pos.issue not in keys:
            out.append((f, ("positions", i, "issue"), f"unknown issue key {pos.issue!r}"))
        if contexts and pos.context not in contexts:
            out.append((f, ("positions", i, "context"), f"unknown context {pos.context!r}"))
    for i, lever in enumerate(pack.levers):
        for attr in ("holder", "target"):
            ref = getattr(lever, attr)
            if ref and not pack.has_actor(ref):
                out.append((f, ("levers", i, attr), f"unknown actor id {ref!r}"))
    return out


def _check_documents(pack: CasePack) -> list[Finding]:
    f = "documents.yaml"
    out: list[Finding] = []
    issues = {i.key: i for i in pack.issues}
    doc_ids = [d.id for d in pack.documents]
    for i, doc in enumerate(pack.documents):
        if doc_ids.count(doc.id) > 1:
            out.append((f, ("documents", i, "id"), f"duplicate document id {doc.id!r}"))
        if not pack.has_actor(doc.id) or pack.actor(doc.id).type != "document":
            out.append(
                (
                    f,
                    ("documents", i, "id"),
                    f"{doc.id!r} needs an actor of type 'document' in actors.yaml",
                )
            )
        if doc.parent and doc.parent not in doc_ids:
            out.append((f, ("documents", i, "parent"), f"unknown document {doc.parent!r}"))
        for attr in ("authors", "carriers"):
            for j, ref in enumerate(getattr(doc, attr)):
                if not pack.has_actor(ref):
                    out.append((f, ("documents", i, attr, j), f"unknown actor id {ref!r}"))
        for p, point in enumerate(doc.points):
            for s, val in enumerate(point.sets):
                loc = ("documents", i, "points", p, "sets", s)
                issue = issues.get(val.issue)
                if issue is None:
                    out.append((f, (*loc, "issue"), f"unknown issue key {val.issue!r}"))
                elif val.option and val.option not in {o.key for o in issue.options}:
                    msg = f"issue {val.issue!r} has no option {val.option!r}"
                    out.append((f, (*loc, "option"), msg))
    return out


def _check_lexicon(pack: CasePack) -> list[Finding]:
    f = "lexicon.yaml"
    out: list[Finding] = []
    for lang, lex in pack.lexicon.languages.items():
        for k, cue in enumerate(lex.event_cues):
            loc = ("languages", lang, "event_cues", k)
            if cue.type not in EVENT_TYPES:
                out.append((f, (*loc, "type"), f"{cue.type!r} is not a PLOVER/parley event type"))
            if cue.mode is not None and (cue.type != "CONSULT" or cue.mode not in CONSULT_MODES):
                out.append(
                    (
                        f,
                        (*loc, "mode"),
                        f"mode {cue.mode!r} is valid only for CONSULT "
                        f"and must be one of {', '.join(CONSULT_MODES)}",
                    )
                )
    return out
