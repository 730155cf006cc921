"""Article metadata from what the source states: title, outlet, author, date, language, dateline.

The rule throughout is "stated, never guessed". A publication date is taken only from a
JSON/HTML field or from a line whose shape says it is the article's date stamp (a kicker
"USA – Diplomatie 27. Nov 2025", a byline "8. Dezember 2025 | Name", a label
"Stand: 03.12.2025"). A date inside running prose, inside a quotation or inside an embedded
post is an event date, not the publication date, so such lines are never read for it.
Fields given by the source (``hints``) win when they are valid.

Outlet names, domains and aliases are data (rules/outlets.yaml).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import yaml

from parley.errors import ParleyError
from parley.ingest.clean import clean_text
from parley.ingest.language import detect_language

__all__ = [
    "DateMatch",
    "KnownOutlet",
    "Metadata",
    "extract_metadata",
    "find_dates",
    "known_outlet",
    "normalise_date",
]


@dataclass(slots=True)
class Metadata:
    """What the source states about an article; None wherever it states nothing."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None  # ISO 639-1
    dateline: str | None = None


# ---------------------------------------------------------------------------- outlets


@dataclass(frozen=True, slots=True)
class KnownOutlet:
    """An outlet of rules/outlets.yaml; ``slug`` names its rule file rules/outlets/<slug>.yaml."""

    name: str
    slug: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _OutletTable:
    by_key: dict[str, KnownOutlet]  # casefolded name/alias/domain -> outlet
    domains: dict[str, KnownOutlet]
    alias_regex: re.Pattern[str]  # any name or alias as a whole word


def _norm_key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@lru_cache(maxsize=1)
def _outlets() -> _OutletTable:
    source = "rules/outlets.yaml"
    try:
        data = yaml.safe_load(
            resources.files("parley.ingest.rules").joinpath("outlets.yaml").read_text("utf-8")
        )
        entries = data["outlets"]
        outlets = [
            KnownOutlet(
                name=e["name"],
                slug=e["slug"],
                domains=tuple(e.get("domains") or ()),
                aliases=tuple(e.get("aliases") or ()),
            )
            for e in entries
        ]
    except (yaml.YAMLError, KeyError, TypeError) as err:
        raise ParleyError(f"{source}: invalid outlet table: {err}") from None
    by_key: dict[str, KnownOutlet] = {}
    domains: dict[str, KnownOutlet] = {}
    names: list[str] = []
    for outlet in outlets:
        for key in (outlet.name, outlet.slug, *outlet.aliases, *outlet.domains):
            by_key.setdefault(_norm_key(key), outlet)
        for domain in outlet.domains:
            domains[domain.casefold()] = outlet
        names.extend((outlet.name, *outlet.aliases))
    names.sort(key=len, reverse=True)
    alias_regex = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    return _OutletTable(by_key, domains, alias_regex)


def _domain(url_or_host: str) -> str | None:
    text = url_or_host.strip()
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    if not host or "." not in host:
        return None
    return host.casefold().removeprefix("www.")


def known_outlet(name_or_domain: str) -> KnownOutlet | None:
    """The known outlet for a name, alias, domain or URL ("WELT", "www.welt.de", "https://…")."""
    table = _outlets()
    hit = table.by_key.get(_norm_key(name_or_domain))
    if hit is not None:
        return hit
    host = _domain(name_or_domain)
    while host:
        if host in table.domains:
            return table.domains[host]
        host = host.partition(".")[2] if host.count(".") > 1 else None
    return None


# ---------------------------------------------------------------------------- dates

_MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "feb": 2, "febr": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"""
    (?<![\w.])(?:
        (?P<iso_y>\d{{4}})-(?P<iso_m>\d{{2}})-(?P<iso_d>\d{{2}})(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}})?(?:\.\d+)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
      | (?P<num_d>\d{{1,2}})\.\s?(?P<num_m>\d{{1,2}})\.\s?(?P<num_y>\d{{4}})
      | (?P<dmy_d>\d{{1,2}})\.?\s+(?P<dmy_m>{_MONTH})\.?\s+(?P<dmy_y>\d{{4}})
      | (?P<mdy_m>{_MONTH})\.?\s+(?P<mdy_d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<mdy_y>\d{{4}})
    )(?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A written date found in text, with its character span."""

    date: str  # YYYY-MM-DD
    start: int
    end: int


def find_dates(text: str) -> list[DateMatch]:
    """Every valid calendar date written in ``text`` (German, English, numeric, ISO forms)."""
    found = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["iso_y"]:
            y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        elif g["num_y"]:
            y, mo, d = int(g["num_y"]), int(g["num_m"]), int(g["num_d"])
        elif g["dmy_y"]:
            y, mo, d = int(g["dmy_y"]), _MONTHS[g["dmy_m"].casefold()], int(g["dmy_d"])
        else:
            y, mo, d = int(g["mdy_y"]), _MONTHS[g["mdy_m"].casefold()], int(g["mdy_d"])
        try:
            found.append(DateMatch(dt.date(y, mo, d).isoformat(), m.start(), m.end()))
        except ValueError:
            continue
    return found


def normalise_date(value: str | None) -> str | None:
    """A stated date or timestamp as YYYY-MM-DD, or None when it is not a full valid date.

    Accepts ISO dates and timestamps (the calendar date as written, not shifted to UTC),
    RFC 2822 ("Tue, 02 Dec 2025 10:00:00 GMT"), German and English written dates.
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    dates = find_dates(text)
    if dates:
        return dates[0].date
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


_STAMP_LABEL = re.compile(
    r"""^(?:stand|aktualisiert(?:\s+am)?|veröffentlicht(?:\s+am)?|erstellt(?:\s+am)?|datum
        |published(?:\s+on)?|updated(?:\s+on)?|last\s+updated|posted(?:\s+on)?|date)\s*:?\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_PUBLISHED_LABEL = re.compile(r"^(?:veröffentlicht|erstellt|published|posted)", re.IGNORECASE)
_QUOTED = re.compile(r"„[^“”\n]*[“”]|“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|»[^«\n]*«|‚[^‘’\n]*[‘’]")
_SEPARATORS = " \t|·•–—-,/:"
_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:am|vom|bis|seit|ab|zum|zur|dem|den|der|on|since|until|till|by|from|of|the|at|to)"
    r"|[.!?])\s*$",
    re.IGNORECASE,
)
# A clock time, time zone or weekday next to a date in a stamp ("12:05 EST, ", ", 10.04 Uhr").
_TIME_OR_WEEKDAY_RE = r"""[\s,|–-]*(?:(?:um|at)\s+)?
    (?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?
       (?:\s*(?:MEZ|MESZ|CET|CEST|ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|MSK))?
      |(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))
    (?![\w])[\s,|–-]*"""
_TIME_OR_WEEKDAY = re.compile(_TIME_OR_WEEKDAY_RE, re.VERBOSE | re.IGNORECASE)
_UPDATE_NOTE = re.compile(
    r"(?:updated|aktualisiert|last\s+updated|zuletzt\s+aktualisiert)\b[^.!?\n]{0,40}",
    re.IGNORECASE,
)
_EMBEDDED_POST = re.compile(r"\(@\w{1,30}\)|pic\.twitter\.com/|https?://t\.co/")
HEADER_LINES = 8
DATELINE_LINES = 8  # title, kicker, stamp, byline, photo credit and caption may come first
RAW_EDGE_LINES = 15
RAW_HEAD_MAX = 40  # a page's chrome may push its stamp further down, but never past this
FOOTER_LINES = 3
_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?"
    r"|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b",
    re.IGNORECASE,
)


def _inside_quote(line: str, start: int) -> bool:
    return any(q.start() < start < q.end() for q in _QUOTED.finditer(line))


def _stamp_date(line: str) -> tuple[str, str] | None:
    """(date, kind) if the whole line is a date stamp, else None.

    kind: "published" (a publication label), "label" (an as-of/update label like "Stand:"),
    "bare" (the line is a date, maybe with weekday and time), "byline" (the date opens a
    line that goes on after a separator: "8. Dezember 2025 | Name") or "kicker"
    (a short label ending in the date: "USA – Diplomatie 27. Nov 2025").
    """
    if len(line) > 140 or _EMBEDDED_POST.search(line):
        return None
    label = _STAMP_LABEL.match(line)
    dates = [d for d in find_dates(line) if not _inside_quote(line, d.start)]
    if not dates:
        return None
    first = dates[0]
    if label:
        between = line[label.end() : first.start]
        if not between.strip(" ,") or _TIME_OR_WEEKDAY.fullmatch(between):
            kind = "published" if _PUBLISHED_LABEL.match(line) else "label"
            return first.date, kind
        return None
    before = line[: first.start].rstrip()
    if _TIME_OR_WEEKDAY.fullmatch(before):  # "Dienstag, 02.12.2025" opens with its date
        before = ""
    after = line[first.end :].strip()
    separated = after[:1] in tuple(_SEPARATORS)
    if t := _TIME_OR_WEEKDAY.match(after):  # ", 10:30 Uhr | …": the time separates too
        after, separated = after[t.end() :], True
    if _UPDATE_NOTE.fullmatch(after):  # "March 12, 2025 6:14 AM UTC Updated 3 hours ago"
        after = ""
    if line.rstrip(" .").endswith((".", "!", "?")) and after:
        return None  # a sentence, not a stamp
    if line.endswith(":"):
        return None  # a heading introducing what follows ("Samstag, 5. November 2005:")
    if not before and not after:
        return first.date, "bare"
    if not before and separated and after.strip(_SEPARATORS) and len(after) <= 80:
        return first.date, "byline"
    if (
        not after.strip(" .")
        and len(before) <= 80
        and not _PREPOSITION_BEFORE.search(before)
        and not re.search(r"[.!?;]", before)
    ):
        return first.date, "kicker"
    return None


def _nonempty(text: str) -> list[str]:
    return [s for s in (ln.strip() for ln in text.splitlines()) if s]


def _is_prose(line: str) -> bool:
    """A line of running text: several words ending like a sentence (headlines do not)."""
    return len(line.split()) >= 6 and line.rstrip("“”\"»«’')").endswith((".", "!", "?"))


def _raw_head(raw_lines: list[str]) -> list[str]:
    """The raw lines above the body: the first lines, or up to the second prose line when a
    page's chrome (menus, share bars, a standfirst) pushes the stamp further down."""
    prose = [i for i, line in enumerate(raw_lines[:RAW_HEAD_MAX]) if _is_prose(line)][:2]
    return raw_lines[: max(RAW_EDGE_LINES, prose[-1] + 1 if len(prose) == 2 else 0)]


def _stamp_below_standfirst(cleaned_lines: list[str], i: int, prose_before: int) -> bool:
    """Whether a bare date line after prose is the page's stamp, not a section heading.

    Newspaper pages put the stamp under the standfirst (and maybe a photo caption), next to
    the byline ("By Jane Doe" / "Oct. 18, 2025"); a stamp there is one line of its own. It
    counts when it sits next to a byline, or under at most a standfirst and a caption when
    it names no weekday and no other line of the text is a bare date (a chronology or a
    day-by-day page has several, and a heading over a day's events names the weekday:
    "Freitag, 5. Dezember 2025").
    """
    neighbours = cleaned_lines[max(0, i - 1) : i] + cleaned_lines[i + 1 : i + 2]
    if any(_BYLINE.match(n) for n in neighbours):
        return True
    if prose_before > 2:
        return False
    if _WEEKDAY.search(cleaned_lines[i]):
        return False
    bare = [
        line
        for line in cleaned_lines
        if len(line) <= 140 and (stamp := _stamp_date(line)) and stamp[1] in {"bare", "kicker"}
    ]
    return len(bare) == 1


def _header_stamp(cleaned_lines: list[str]) -> str | None:
    prose_before = 0
    for i, line in enumerate(cleaned_lines[:HEADER_LINES]):
        stamp = _stamp_date(line)
        if stamp and (
            not prose_before
            or stamp[1] == "byline"
            or (
                stamp[1] in {"bare", "kicker"}
                and _stamp_below_standfirst(cleaned_lines, i, prose_before)
            )
        ):
            return stamp[0]
        prose_before += _is_prose(line)
    return None


def _published(
    raw_lines: list[str], cleaned_lines: list[str], *, footer: bool = True
) -> str | None:
    """The date the page states as its own, from where pages put it, never from the body.

    1. A publication label ("Veröffentlicht am …", "Published …") among the first or last
       raw lines, or above the second prose line when page chrome pushes it down (the
       cleaner drops these lines, so the raw text is read).
    2. In the header: any stamp before the first prose line (kicker, bare date); a date
       byline ("8. Dezember 2025 | Name") also after a teaser; a bare date under the
       standfirst when it reads as the page's stamp (see _stamp_below_standfirst). Any
       other bare date after prose is a section heading ("Freitag, 8. Februar 2008" over a
       day's results), not a stamp.
    3. An as-of or update label ("Stand: …", "Updated Oct. 18, 2025") found as in 1: the
       date of the last change, so a stamp of step 2 ("Oct. 17, 2025" above "Updated
       Oct. 18, 2025, 9:14 a.m. ET") outranks it.
    4. In the footer, after the last prose line: a date byline, or a bare date as the very
       last line (a bare date followed by more lines heads a section).
    """
    edges = _raw_head(raw_lines) + raw_lines[-RAW_EDGE_LINES:]
    labelled = [
        stamp
        for line in dict.fromkeys(edges)
        if _STAMP_LABEL.match(line) and (stamp := _stamp_date(line))
    ]
    for date, kind in labelled:
        if kind == "published":
            return date
    header = _header_stamp(cleaned_lines)
    if header:
        return header
    if labelled:
        return labelled[0][0]
    if not footer:
        return None
    for back, line in enumerate(reversed(cleaned_lines[-FOOTER_LINES:])):
        if _is_prose(line):
            break
        stamp = _stamp_date(line)
        if stamp and (stamp[1] == "byline" or (stamp[1] == "bare" and back == 0)):
            return stamp[0]
    return None


def _page_stamp(page_lines: list[str], title: str) -> str | None:
    """The stamp an HTML page shows around its headline but leaves out of the article body.

    Only the lines from just above the headline (a kicker with its date) down to the second
    prose line are read: what a page shows above that (tickers, teasers of other articles
    with their dates) and below it (the body, sidebars, the footer) never dates the article.
    When the headline cannot be found on the page, nothing is read.
    """
    long_title = len(title.split()) >= 3
    start = next(
        (
            i
            for i, line in enumerate(page_lines)
            if line == title or (long_title and line.startswith(title))
        ),
        None,
    )
    if start is None:
        return None
    head = page_lines[max(0, start - 1) :][:RAW_HEAD_MAX]
    prose = [i for i, line in enumerate(head) if _is_prose(line)]
    if len(prose) >= 2:
        head = head[: prose[1] + 1]
    return _published(head, _nonempty(clean_text("\n".join(head)).text), footer=False)


# ---------------------------------------------------------------------------- names

_UP = "A-ZÄÖÜÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_LO = "a-zäöüßà-öø-ÿāăąćčďđēėęěğģīįıķĺļľłńņňōőœŕřśşšţťūůűųźżž"
_TOKEN = rf"[{_UP}][{_LO}{_UP}'’-]*\.?"
_PARTICLE = r"(?:von|van|de|der|den|du|da|di|del|la|le|zu|al|el|bin|ibn|ter|ten)"
_NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_TOKEN}){{1,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\bund\b|\band\b|&)\s*{_NAME})*"
_NAME_ONLY = re.compile(rf"^{_NAME}$")
# Capitalised words that start headings and labels, never a person's name.
_NOT_NAME_WORDS = frozenset(
    re.findall(
        r"\w+",
        """der die das des dem den ein eine mehr zur zum weitere weiter lesen alle mit und oder
        nach vor für auf aus bei the a an more read all with and or after before for on of in
        kommentare artikel news update live video audio foto bild quelle quellen ende
        montag dienstag mittwoch donnerstag freitag samstag sonntag monday tuesday wednesday
        thursday friday saturday sunday""",
    )
)
# Words of a newsroom's name that follow a byline's names ("Von Jana Muster, ARD-Studio Moskau",
# "By Jane Doe, Foreign Desk"): the place the author reports from, not a second author.
_NEWSROOM_WORDS = frozenset(
    re.findall(
        r"\w+",
        """studio hauptstadtstudio korrespondent korrespondentin korrespondenten redaktion
        büro newsroom desk bureau correspondent correspondents staff""",
    )
)
_BYLINE = re.compile(
    r"^(?i:von|by|text|autor(?:in)?|author|written\s+by)\s*:?\s+"
    rf"(?P<names>{_NAMES})(?:\s*[,|–—-].*)?$"
)
_REPORTS_FOR = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:berichtet|schreibt|arbeitet|ist|war|reports|writes|works|is)\b"
    r"[^.\n]{0,60}?\b(?:für|bei|for|at)\s+(?:die\s+|den\s+|das\s+|the\s+)?(?P<outlet>[^\s,.]+(?:\s+[A-ZÄÖÜ][^\s,.]*)?)"
)
_REPORTING_BY = re.compile(
    rf"^\(?(?:Reporting|Writing)\s+by\s+(?P<names>{_NAMES})(?=\s*(?:;|\bin\b|$))"
)
_TAG = re.compile(r"(?<=[.!?“”\"»«)])\s*\((?P<tag>[^()\n]{2,120})\)\s*$")
_AGENCY_ITEM = re.compile(
    r"^(?:mit\s+(?:agenturen|material\s+von\s+.+)|with\s+agencies|agenturen|dpa|afp|ap|reuters|kna|epd|rtr|dpa-afx)$",
    re.IGNORECASE,
)
_KUERZEL = re.compile(rf"^[{_LO}]{{2,5}}(?:/[{_LO}]{{2,5}})*$")


_NAME_SEPARATOR = r"\s*(?:,|\bund\b|\band\b|&)\s*"


def _split_names(text: str) -> list[str]:
    return re.split(_NAME_SEPARATOR, text)


def _is_newsroom(text: str) -> bool:
    return any(
        part in _NEWSROOM_WORDS for w in text.split() for part in w.casefold().strip(".").split("-")
    )


def _looks_like_name(text: str) -> bool:
    if not _NAME_ONLY.match(text) or _is_newsroom(text):
        return False
    return not any(w.casefold().strip(".") in _NOT_NAME_WORDS for w in text.split())


def _byline_names(names: str) -> str | None:
    """The names a byline opens with, without a newsroom after them; None if any other part
    is not a name ("Von Jana Muster, ARD-Studio Moskau" -> "Jana Muster")."""
    parts = re.split(f"({_NAME_SEPARATOR})", names)
    kept = 0
    for k in range(0, len(parts), 2):
        if _is_newsroom(parts[k]) and kept:
            break
        if not _looks_like_name(parts[k]):
            return None
        kept = k + 1
    return "".join(parts[:kept]) or None


def _author(raw_lines: list[str], cleaned_lines: list[str]) -> str | None:
    header = cleaned_lines[:HEADER_LINES]
    footer = cleaned_lines[-FOOTER_LINES:]
    for line in header + footer:
        m = _BYLINE.match(line)
        if m and (names := _byline_names(m["names"])):
            return names
        stamp = _stamp_date(line)
        if stamp and stamp[1] == "byline":  # "8. Dezember 2025 | Alastair Crooke"
            rest = _DATE.sub("", line, count=1)
            rest = rest.strip(_SEPARATORS + " ")
            rest = rest[t.end() :] if (t := _TIME_OR_WEEKDAY.match(rest)) else rest
            byline = _BYLINE.match(rest)
            if byline:
                rest = byline["names"]
            if rest and all(_looks_like_name(n) for n in _split_names(rest)):
                return rest
    for line in footer:
        m = _REPORTS_FOR.match(line)
        if m and _looks_like_name(m["name"]):
            return m["name"]
    if footer:  # agency tag closing the last paragraph: "… (ben, Valeriia Semeniuk, mit Agenturen)"
        m = _TAG.search(footer[-1])
        if m:
            items = [i.strip() for i in re.split(r"[,;]", m["tag"]) if i.strip()]
            names = [i for i in items if _looks_like_name(i)]
            markers = [i for i in items if _AGENCY_ITEM.match(i) or _KUERZEL.match(i)]
            # Only a tag made of names plus an editor's initials or an agency is a byline;
            # "(Wolodymyr Selenskyj)" after a sentence is not.
            if names and markers and len(names) + len(markers) == len(items):
                return ", ".join(names)
        if _looks_like_name(footer[-1]):  # a trailing name line
            return footer[-1]
    for line in raw_lines:
        m = _REPORTING_BY.match(line)
        if m:
            return m["names"]
    return None


# ------------------------------------------------------------------- outlet, title, dateline

_AGENCY_DATELINE = re.compile(
    rf"^(?P<dl>(?P<place>[{_UP}][{_UP}'’./ -]{{1,40}}?)(?:,\s*[^()\n]{{1,30}}?)?\s*"
    r"\((?P<agency>[^()\n]{1,30})\)\s*[-–—:])\s"
)
# "MOSKAU -", "GENEVA, Nov 24 -": a capitalised place, optionally with the day, then a dash.
_CAPS_DATELINE = re.compile(
    rf"^(?P<dl>[{_UP}]{{2,}}(?:[ /-][{_UP}]{{2,}}){{0,2}}"
    rf"(?:,\s*(?i:(?:{_MONTH})\.?\s+\d{{1,2}}|\d{{1,2}}\.?\s+(?:{_MONTH})\.?))?\s*[-–—])\s"
)
_PLACE_DATELINE = re.compile(
    rf"^(?P<dl>(?P<place>[{_UP}][{_LO}]+(?:[- ][{_UP}][{_LO}]+)?(?:/[{_UP}][{_LO}]+)?"
    r"(?:,\s*D\.C\.)?)\.)"
    rf"\s+(?=[{_UP}„\"»])"
)
# One-word sentences that can open an article and are not a dateline's place.
_NOT_PLACES = frozenset(
    re.findall(
        r"\w+",
        "ja nein doch nun also gut danke genau stimmt richtig falsch und aber jetzt heute gestern "
        "yes no well so okay right now today yesterday",
    )
)


def _outlet(
    url: str | None, hint: str | None, raw_lines: list[str], dateline_agency: str | None
) -> str | None:
    if hint and hint.strip():
        known = known_outlet(hint)
        return known.name if known else hint.strip()
    if url:
        known = known_outlet(url)
        if known:
            return known.name
        domain = _domain(url)
        if domain:
            return domain
    table = _outlets()
    for line in raw_lines[:HEADER_LINES] + raw_lines[-RAW_EDGE_LINES:]:  # bylines, author bios
        m = _REPORTS_FOR.match(line)
        alias = table.alias_regex.match(m["outlet"]) if m else None
        if alias is None and (byline := _BYLINE.match(line)):  # "By Jane Doe | Reuters"
            alias = table.alias_regex.search(line, byline.end("names"))
        if alias:
            return table.by_key[_norm_key(alias.group(0))].name
    if dateline_agency:
        known = known_outlet(dateline_agency)
        return known.name if known else dateline_agency
    return None


KICKER_WORDS = 4  # "Krieg in der Ukraine", "Russia-Ukraine war": a topic label, not a headline
HEADLINE_WORDS = 18  # a longer unpunctuated line under a short one is a standfirst


def _reads_as_headline(line: str) -> bool:
    return (
        len(line.split()) >= 2
        and len(line) <= 200
        and not line.endswith((".", ",", ";", ":"))
        and not line[0].islower()
        and not _PLACE_DATELINE.match(line)
        and not _AGENCY_DATELINE.match(line)
    )


def _is_kicker(line: str, below: list[str]) -> bool:
    """A short topic label over the headline ("Krieg in der Ukraine" / the headline / a stamp,
    byline or prose): the next line reads as a longer headline, and what follows that is no
    third headline-like line (a short headline over its deck would be one)."""
    words = len(line.split())
    if words > KICKER_WORDS or ":" in line or line.endswith(("?", "!")) or not below:
        return False
    headline = below[0]
    if not (_reads_as_headline(headline) and words < len(headline.split()) <= HEADLINE_WORDS):
        return False
    if _stamp_date(headline) or _BYLINE.match(headline):
        return False
    after = below[1] if len(below) > 1 else None
    return after is None or bool(_stamp_date(after) or _BYLINE.match(after) or _is_prose(after))


def _title(cleaned_lines: list[str]) -> str | None:
    """The headline: the first line, after any kicker, stamp or byline, if it reads like one."""
    for i, line in enumerate(cleaned_lines[:4]):
        if len(line.split()) < 2 or _stamp_date(line) or _BYLINE.match(line):
            continue  # a one-word kicker ("Ukraine-Krieg"), a date stamp, a byline
        if not _reads_as_headline(line):
            return None
        if _is_kicker(line, cleaned_lines[i + 1 : i + 3]):
            return cleaned_lines[i + 1]
        return line
    return None


def _dateline(cleaned_lines: list[str]) -> tuple[str | None, str | None]:
    """(dateline as written, agency named in it) from the first lines of prose."""
    for line in cleaned_lines[:DATELINE_LINES]:
        if len(line.split()) < 6 or _stamp_date(line):
            continue  # a heading or kicker, not the first line of prose
        m = _AGENCY_DATELINE.match(line)
        if m:
            return m["dl"], m["agency"].strip()
        m = _CAPS_DATELINE.match(line)
        if m:
            return m["dl"], None
        m = _PLACE_DATELINE.match(line)
        if m and m["place"].casefold() not in _NOT_PLACES:
            return m["dl"], None
    return None, None


def _hint(hints: Mapping[str, str | None] | None, key: str) -> str | None:
    if not hints:
        return None
    value = hints.get(key)
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _author_hint(value: str | None) -> str | None:
    """A page's author field without its "By"/"Von" prefix; profile URLs are not names."""
    if not value or re.search(r"https?://|www\.|@", value):
        return None
    # trafilatura lists a byline's newsroom as one more author: "Jana Muster; ARD-Studio Moskau".
    people = [p.strip() for p in value.split(";") if p.strip() and not _is_newsroom(p)]
    value = "; ".join(people)
    return re.sub(r"^(?:by|von)\s+", "", value, flags=re.IGNORECASE) or None


def _title_hint(value: str | None, outlet: str | None) -> str | None:
    """A page title without the outlet suffix pages append ("Headline | WELT", "… - BBC News").

    A title field that is itself page chrome (a breadcrumb, a consent banner's heading, as
    scrapers sometimes store) is no headline: the cleaner would drop it, so it is ignored and
    the headline is read from the text instead.
    """
    if not value or not clean_text(value).text:
        return None
    head, sep, tail = max(
        (value.rpartition(s) for s in (" | ", " - ", " – ", " — ", " :: ")),
        key=lambda parts: len(parts[0]),
    )
    if (
        sep
        and head
        and (known_outlet(tail) is not None or (outlet and _norm_key(tail) == _norm_key(outlet)))
    ):
        return head.strip()
    return value


def _language_hint(value: str | None) -> str | None:
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def extract_metadata(
    raw: str,
    cleaned: str,
    *,
    url: str | None = None,
    hints: Mapping[str, str | None] | None = None,
    languages: Sequence[str] | None = None,
    page: str | None = None,
) -> Metadata:
    """Metadata of one article from its raw text, cleaned text, URL and source fields.

    ``hints`` are fields given by a JSON record or an HTML page (title, outlet, author,
    published, language); a valid hint wins over what the text says, and dates are
    normalised to YYYY-MM-DD. ``languages`` restricts language detection. ``page`` is an
    HTML page's whole visible text (``parley.ingest.html.page_lines``): when neither the
    hints nor the article text state a date, the stamp is looked for around the headline
    there (see _page_stamp).
    """
    raw_lines = _nonempty(raw)
    cleaned_lines = _nonempty(cleaned)
    dateline, agency = _dateline(cleaned_lines)
    outlet = _outlet(url, _hint(hints, "outlet"), raw_lines, agency)
    title = _title_hint(_hint(hints, "title"), outlet) or _title(cleaned_lines)
    published = normalise_date(_hint(hints, "published")) or _published(raw_lines, cleaned_lines)
    if published is None and page and title:
        published = _page_stamp(_nonempty(page), title)
    language = _language_hint(_hint(hints, "language"))
    if language is None or (languages and language not in languages):
        language = detect_language(cleaned, languages)
    return Metadata(
        title=title,
        outlet=outlet,
        author=_author_hint(_hint(hints, "author")) or _author(raw_lines, cleaned_lines),
        published=published,
        language=language,
        dateline=_hint(hints, "dateline") or dateline,
    )
