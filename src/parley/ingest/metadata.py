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
from parley.ingest.language import detect_language

__all__ = [
    "KnownOutlet",
    "Metadata",
    "extract_metadata",
    "find_dates",
    "known_outlet",
    "normalise_date",
]


@dataclass(slots=True)
class Metadata:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = None  # ISO 639-1
    dateline: str | None = None


# ---------------------------------------------------------------------------- outlets


@dataclass(frozen=True, slots=True)
class KnownOutlet:
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
_EMBEDDED_POST = re.compile(r"\(@\w{1,30}\)|pic\.twitter\.com/|https?://t\.co/")
HEADER_LINES = 8
FOOTER_LINES = 3


def _inside_quote(line: str, start: int) -> bool:
    return any(q.start() < start < q.end() for q in _QUOTED.finditer(line))


def _stamp_date(line: str) -> tuple[str, str] | None:
    """(date, kind) if the whole line is a date stamp: labelled, a kicker, or date | byline.

    kind is "published", "label" (an update/as-of label) or "line" (unlabelled stamp).
    """
    if len(line) > 140 or _EMBEDDED_POST.search(line):
        return None
    label = _STAMP_LABEL.match(line)
    dates = [d for d in find_dates(line) if not _inside_quote(line, d.start)]
    if not dates:
        return None
    first = dates[0]
    if label:
        if first.start == label.end() or not line[label.end() : first.start].strip(" ,"):
            kind = "published" if _PUBLISHED_LABEL.match(line) else "label"
            return first.date, kind
        return None
    before = line[: first.start].rstrip()
    after = line[first.end :].strip()
    if line.rstrip(" .").endswith((".", "!", "?")) and after:
        return None  # a sentence, not a stamp
    # Date first, then a separator and a short rest (byline, place, time).
    if not before and (not after or (after[0] in _SEPARATORS and len(after) <= 80)):
        return first.date, "line"
    # Kicker or caption ending in the date: "USA – Diplomatie 27. Nov 2025".
    if (
        not after.strip(" .")
        and len(before) <= 80
        and not _PREPOSITION_BEFORE.search(before)
        and not re.search(r"[.!?;]", before)
    ):
        return first.date, "line"
    return None


def _nonempty(text: str) -> list[str]:
    return [s for s in (ln.strip() for ln in text.splitlines()) if s]


def _published(raw: str, cleaned_lines: list[str]) -> str | None:
    """The date the page states as its own: a labelled stamp first, then header/footer stamps."""
    labelled: list[tuple[str, str]] = []
    for line in _nonempty(raw):
        if _STAMP_LABEL.match(line):
            stamp = _stamp_date(line)
            if stamp:
                labelled.append(stamp)
    for date, kind in labelled:
        if kind == "published":
            return date
    if labelled:
        return labelled[0][0]
    zone = cleaned_lines[:HEADER_LINES] + cleaned_lines[-FOOTER_LINES:]
    for line in zone:
        stamp = _stamp_date(line)
        if stamp:
            return stamp[0]
    return None


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
        kommentare artikel news update live video audio foto bild quelle ende""",
    )
)
_BYLINE = re.compile(
    rf"^(?:von|by|text|autor(?:in)?|author|written\s+by)\s*:?\s+(?P<names>{_NAMES})(?:\s*[,|–—-].*)?$",
    re.IGNORECASE,
)
_REPORTS_FOR = re.compile(
    rf"^(?P<name>{_NAME})\s+(?:berichtet|schreibt|arbeitet|ist|war|reports|writes|works|is)\b"
    r"[^.\n]{0,60}?\b(?:für|bei|for|at)\s+(?:die\s+|den\s+|das\s+|the\s+)?(?P<outlet>[^\s,.]+(?:\s+[A-ZÄÖÜ][^\s,.]*)?)"
)
_REPORTING_BY = re.compile(
    rf"^(?:Reporting|Writing)\s+by\s+(?P<names>{_NAMES})(?=\s*(?:;|\bin\b|$))"
)
_TAG = re.compile(r"(?<=[.!?“”\"»«)])\s*\((?P<tag>[^()\n]{2,120})\)\s*$")
_AGENCY_ITEM = re.compile(
    r"^(?:mit\s+(?:agenturen|material\s+von\s+.+)|with\s+agencies|agenturen|dpa|afp|ap|reuters|kna|epd|rtr|dpa-afx)$",
    re.IGNORECASE,
)
_KUERZEL = re.compile(rf"^[{_LO}]{{2,5}}(?:/[{_LO}]{{2,5}})*$")


def _looks_like_name(text: str) -> bool:
    if not _NAME_ONLY.match(text):
        return False
    return not any(w.casefold().strip(".") in _NOT_NAME_WORDS for w in text.split())


def _author(raw_lines: list[str], cleaned_lines: list[str]) -> str | None:
    header = cleaned_lines[:HEADER_LINES]
    footer = cleaned_lines[-FOOTER_LINES:]
    for line in header + footer:
        m = _BYLINE.match(line)
        if m and all(
            _looks_like_name(n) for n in re.split(r"\s*(?:,|\bund\b|\band\b|&)\s*", m["names"])
        ):
            return m["names"]
        stamp = _stamp_date(line)
        if stamp:  # "8. Dezember 2025 | Alastair Crooke"
            rest = re.sub(_DATE, "", line).strip(_SEPARATORS + " ")
            if rest and _looks_like_name(rest):
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
            marker = any(_AGENCY_ITEM.match(i) or _KUERZEL.match(i) for i in items)
            if (
                names
                and marker
                and len(names)
                + sum(bool(_AGENCY_ITEM.match(i) or _KUERZEL.match(i)) for i in items)
                == len(items)
            ):
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
_CAPS_DATELINE = re.compile(rf"^(?P<dl>[{_UP}]{{2,}}(?:[ /-][{_UP}]{{2,}}){{0,2}}\s*[-–—])\s")
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
    for line in raw_lines:
        m = _REPORTS_FOR.match(line)
        if m:
            alias = table.alias_regex.match(m["outlet"])
            if alias:
                return table.by_key[_norm_key(alias.group(0))].name
    if dateline_agency:
        known = known_outlet(dateline_agency)
        return known.name if known else dateline_agency
    return None


def _title(cleaned_lines: list[str]) -> str | None:
    for line in cleaned_lines[:3]:
        if _stamp_date(line) or _BYLINE.match(line):
            continue
        words = line.split()
        if (
            len(line) <= 200
            and len(words) >= 2
            and not line.endswith((".", ",", ";", ":"))
            and not line[0].islower()
            and not _PLACE_DATELINE.match(line)
            and not _AGENCY_DATELINE.match(line)
        ):
            return line
        return None
    return None


def _dateline(cleaned_lines: list[str]) -> tuple[str | None, str | None]:
    """(dateline as written, agency named in it) from the first lines of prose."""
    for line in cleaned_lines[:4]:
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
    return value.strip() if isinstance(value, str) and value.strip() else None


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
) -> Metadata:
    """Metadata of one article from its raw text, cleaned text, URL and source fields.

    ``hints`` are fields given by a JSON record or an HTML page (title, outlet, author,
    published, language); a valid hint wins over what the text says, and dates are
    normalised to YYYY-MM-DD. ``languages`` restricts language detection.
    """
    raw_lines = _nonempty(raw)
    cleaned_lines = _nonempty(cleaned)
    dateline, agency = _dateline(cleaned_lines)
    published = normalise_date(_hint(hints, "published")) or _published(raw, cleaned_lines)
    language = _language_hint(_hint(hints, "language"))
    if language is None or (languages and language not in languages):
        language = detect_language(cleaned, languages)
    return Metadata(
        title=_hint(hints, "title") or _title(cleaned_lines),
        outlet=_outlet(url, _hint(hints, "outlet"), raw_lines, agency),
        author=_hint(hints, "author") or _author(raw_lines, cleaned_lines),
        published=published,
        language=language,
        dateline=_hint(hints, "dateline") or dateline,
    )
