"""Dates in news text, resolved against the article's publication date.

News rarely writes full dates: "am Dienstag", "in der Nacht zu Mittwoch",
"Mitte Oktober", "vor einer Woche", "on Tuesday", "last week". Each of these
only means something relative to when the article appeared, so resolution
takes the publication date as its only anchor. Without one, relative
expressions stay unresolved (``date`` is None) rather than silently
anchoring on today's date, which would make output depend on when it runs.

Detection is a small set of regular expressions per language (fast, and the
span must be exact for provenance); the absolute part ("14. Oktober",
"October 14") is handed to dateparser with the publication date as
``RELATIVE_BASE`` and a preference for past dates, since news reports what
happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

WEEKDAYS = {
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}
MONTHS = {
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"],
    "en": ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"],
}  # fmt: skip
_MONTH_ALT = {"jänner": 1, "maerz": 3}
# Abbreviated months as newswires write them ("Feb. 28", "14. Okt."); the period is optional.
_ABBREV = {
    "de": ["Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez"],
    "en": ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"],
}

# German numerals that appear in relative spans ("vor zwei Wochen").
_NUMBERS = {
    "einem": 1, "einer": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
    "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "anderthalb": 1.5,
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in text: its span, its words, and the day it names."""

    start: int
    end: int
    text: str
    date: str | None  # YYYY-MM-DD, None when it cannot be pinned to a day
    approximate: bool = False  # names a stretch of time ("Mitte Oktober"), dated by a day in it


def _alt(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_DAYPART_DE = r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?"
_DAYPART_EN = r"(?:\s+(?:morning|afternoon|evening|night))?"
_DE_WD = _alt(WEEKDAYS["de"])
_DE_MON = _alt(
    [m.capitalize() for m in MONTHS["de"]] + ["Jänner"] + [a + r"(?:\.|\b)" for a in _ABBREV["de"]]
)
_EN_WD = _alt([w.capitalize() for w in WEEKDAYS["en"]])
_EN_MON = _alt([m.capitalize() for m in MONTHS["en"]] + [a + r"(?:\.|\b)" for a in _ABBREV["en"]])

_WHICH_DE = (
    "vergangener|vergangenen|vergangene|letzter|letzten|letzte|dieser|diese|kommender|"
    "kommenden|kommende|nächster|nächsten|nächste"
)

_DE_PATTERNS: list[tuple[str, str]] = [
    # "in der Nacht zu(m) Mittwoch"
    ("night", rf"[Ii]n\s+der\s+Nacht\s+(?:zu|zum|auf)\s+(?:den\s+)?(?P<wd>{_DE_WD.title()})"),
    # "am 14. Oktober (2025)", "vom 29. Oktober", "14. Juni 2024"
    (
        "absolute",
        rf"(?i:(?:am|vom|bis\s+zum|seit\s+dem|zum)\s+)?(?P<day>[0-3]?\d)\.\s*(?P<mon>{_DE_MON})"
        r"(?:\s+(?P<year>(?:19|20)\d\d)|\s+(?P<this>dieses\s+Jahres))?",
    ),
    # "Mitte Oktober", "Anfang Dezember", "Ende November (2025)"
    (
        "part-month",
        rf"(?P<part>Anfang|Mitte|Ende)\s+(?P<mon>{_DE_MON})(?:\s+(?P<year>(?:19|20)\d\d))?",
    ),
    # "im Oktober", "seit März 2022": a whole month
    (
        "month",
        rf"(?:[Ii]m|[Ss]eit)\s+(?P<mon>{_DE_MON})(?:\s+(?P<year>(?:19|20)\d\d))?(?!\s*\d)",
    ),
    # "Ende vergangener Woche", "Anfang der Woche", "Anfang Woche", "vergangene Woche"
    (
        "week",
        rf"(?:(?P<part>Anfang|Mitte|Ende)\s+(?:der\s+)?(?:(?P<which>{_WHICH_DE})\s+)?"
        rf"|(?i:in\s+der\s+|der\s+)?(?P<which2>{_WHICH_DE})\s+)Woche(?=\W)",
    ),
    # "vor einer Woche", "vor zwei Wochen", "vor drei Tagen"
    ("ago", r"vor\s+(?P<n>\w+)\s+(?P<unit>Tag(?:en)?|Wochen?|Monat(?:en)?)\b"),
    # "am Dienstag(abend)", "an diesem Dienstag", "am vergangenen Sonntag", "Dienstagnachmittag"
    (
        "weekday",
        r"(?i:(?:am|an\s+diesem|diesen|kommenden|am\s+kommenden|nächsten|am\s+nächsten|"
        r"vergangenen|am\s+vergangenen|letzten|am\s+letzten|seit)\s+)?"
        rf"(?P<wd>{_DE_WD.title()}){_DAYPART_DE}\b"
        # "am Donnerstag vergangener Woche": that weekday of the week before
        r"(?P<lastweek>\s+(?:der\s+)?(?:vergangener|vergangenen|letzter|letzten)\s+Woche\b)?",
    ),
    ("deictic", r"\b(?P<rel>vorgestern|gestern|heute|übermorgen)\b"),
    ("weekend", r"(?P<pre>(?i:am|vom|seit\s+dem|am\s+vergangenen))\s+Wochenende\b"),
    # "Tags darauf", "am folgenden Tag": the day after the date told before
    (
        "next-day",
        r"\b(?:[Tt]ags\s+darauf|[Aa]m\s+(?:folgenden|nächsten|darauffolgenden)\s+Tag"
        r"|[Ee]inen\s+Tag\s+später)\b",
    ),
]

_EN_PATTERNS: list[tuple[str, str]] = [
    (
        "absolute",
        rf"(?:on\s+)?(?:(?P<mon>{_EN_MON})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        rf"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_EN_MON}))"
        r"(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    ),
    (
        "part-month",
        rf"(?:in\s+)?(?P<part>early|mid|late)[- ](?P<mon>{_EN_MON})(?:\s+(?P<year>(?:19|20)\d\d))?",
    ),
    ("month", rf"(?:[Ii]n|[Ss]ince)\s+(?P<mon>{_EN_MON})(?:\s+(?P<year>(?:19|20)\d\d))?(?!\s*\d)"),
    ("week", r"(?P<which>(?i:last|this|next))\s+week\b"),
    ("ago", r"(?P<n>\w+)\s+(?P<unit>days?|weeks?|months?)\s+ago\b"),
    (
        "weekday",
        rf"(?i:(?:on|last|this|next|on\s+last)\s+)?(?P<wd>{_EN_WD})(?P<part>{_DAYPART_EN})\b"
        r"(?P<lastweek>\s+(?:of\s+)?last\s+week\b)?",  # "on Thursday last week"
    ),
    ("deictic", r"\b(?P<rel>yesterday|today|tomorrow)\b"),
    ("weekend", r"(?P<pre>(?:at|over|on)\s+the|last|this)\s+weekend\b"),
    ("next-day", r"\b(?:[Tt]he\s+(?:next|following)\s+day|[Aa]\s+day\s+later)\b"),
]


# Named groups repeat across alternatives, which ``re`` forbids; so each pattern is compiled
# on its own and the matches merged, earliest and longest first.
_COMPILED: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "de": [(k, re.compile(p)) for k, p in _DE_PATTERNS],
    "en": [(k, re.compile(p)) for k, p in _EN_PATTERNS],
}


# What every match of a pattern contains, as tests far cheaper than running the pattern
# (most sentences hold no date at all): for each kind, sets of anchors of which the text
# must hold one each. An anchor is a word the lower-cased text contains, or _A_DIGIT or
# _A_MONTH when the text holds a digit or a month's name as the pattern reads them.
_A_DIGIT, _A_MONTH = "<digit>", "<month>"  # anchors that are no words
_DIGIT = re.compile(r"\d")  # any script's digits, as ``\d`` reads them
_MONTH = {"de": re.compile(_DE_MON), "en": re.compile(_EN_MON)}
_ANCHORS: dict[str, dict[str, tuple[frozenset[str], ...]]] = {
    lang: {kind: tuple(map(frozenset, needs)) for kind, needs in table.items()}
    for lang, table in {
        "de": {
            "night": (("nacht",), WEEKDAYS["de"]),
            "absolute": ((_A_DIGIT,), (_A_MONTH,)),
            "part-month": (("anfang", "mitte", "ende"), (_A_MONTH,)),
            "month": (("im ", "seit "), (_A_MONTH,)),
            "week": (("woche",),),
            "ago": (("vor",), ("tag", "woche", "monat")),
            "weekday": (WEEKDAYS["de"],),
            "deictic": (("gestern", "heute", "morgen"),),
            "weekend": (("wochenende",),),
            "next-day": (("tag",), ("darauf", "folgenden", "nächsten", "später")),
        },
        "en": {
            "absolute": ((_A_DIGIT,), (_A_MONTH,)),
            "part-month": (("early", "mid", "late"), (_A_MONTH,)),
            "month": (("in ", "since "), (_A_MONTH,)),
            "week": (("week",),),
            "ago": (("ago",), ("day", "week", "month")),
            "weekday": (WEEKDAYS["en"],),
            "deictic": (("yesterday", "today", "tomorrow"),),
            "weekend": (("weekend",),),
            "next-day": (("day",), ("next", "following", "later")),
        },
    }.items()
}
# Each language's anchor words, looked for once per text.
_ANCHOR_WORDS = {
    lang: sorted(
        set().union(*(n for needs in table.values() for n in needs)) - {_A_DIGIT, _A_MONTH}
    )
    for lang, table in _ANCHORS.items()
}


def _anchors_in(text: str, lang: str) -> set[str]:
    """The anchors ``text`` holds (see _ANCHORS). Whitespace runs count as one space, as
    the patterns' ``\\s+`` do ("seit\\nOktober" holds "seit ")."""
    low = " ".join(text.lower().split())
    held = {word for word in _ANCHOR_WORDS[lang] if word in low}
    if _DIGIT.search(text):
        held.add(_A_DIGIT)
    if _MONTH[lang].search(text):
        held.add(_A_MONTH)
    return held


def _month(name: str | None, lang: str) -> int | None:
    if not name:
        return None
    low = name.lower().rstrip(".")
    if low in _MONTH_ALT:
        return _MONTH_ALT[low]
    for table in (MONTHS[lang], MONTHS["en"], MONTHS["de"]):
        for i, full in enumerate(table):
            if len(low) >= 3 and full.startswith(low):
                return i + 1
    for table in (MONTHS[lang], MONTHS["en"], MONTHS["de"]):
        if low in table:
            return table.index(low) + 1
    return None


@lru_cache(maxsize=4096)
def _parse_absolute(phrase: str, base: date, lang: str) -> date | None:
    """Day and month (maybe year) via dateparser, anchored on the publication date."""
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(phrase, languages=[lang], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _absolute(m: re.Match[str], lang: str, base: date | None) -> date | None:
    g = m.groupdict()
    day = g.get("day") or g.get("day2")
    mon = _month(g.get("mon") or g.get("mon2"), lang)
    if not day or not mon:
        return None
    year = g.get("year")
    if year:
        try:
            return date(int(year), mon, int(day))
        except ValueError:
            return None
    if base is None:
        return None
    if g.get("this"):
        try:
            return date(base.year, mon, int(day))
        except ValueError:
            return None
    months = MONTHS[lang]
    phrase = f"{int(day)}. {months[mon - 1]}" if lang == "de" else f"{months[mon - 1]} {int(day)}"
    found = _parse_absolute(phrase, base, lang)
    if found is None or found.year == base.year:
        return found
    # News prefers the past, but a day without a year shortly after publication is this
    # year's, as is any later day this year in a sentence about the future: "Kiew schlug
    # vor, die Präsidenten bis zum 30. Juni zusammenzubringen" (published 3 June).
    try:
        ahead = date(base.year, mon, int(day))
    except ValueError:
        return found
    soon = timedelta(0) < ahead - base <= _SOON
    return ahead if soon or (ahead > base and _future(m)) else found


# A yearless date this close after publication is upcoming, not almost a year old.
_SOON = timedelta(days=45)


def _year_for_month(mon: int, base: date) -> int:
    """A month without a year is the latest such month not after publication."""
    return base.year if mon <= base.month else base.year - 1


def _part_month(m: re.Match[str], lang: str, base: date | None) -> date | None:
    mon = _month(m.group("mon"), lang)
    if mon is None:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif base is not None:
        year = _year_for_month(mon, base)
    else:
        return None
    day = {"anfang": 1, "early": 1, "mitte": 15, "mid": 15, "ende": 28, "late": 28}
    return date(year, mon, day[m.group("part").lower()])


def _whole_month(m: re.Match[str], lang: str, base: date | None) -> date | None:
    """ "im Oktober": a stretch of days, dated by its middle (the event keeps no day)."""
    mon = _month(m.group("mon"), lang)
    if mon is None:
        return None
    if m.group("year"):
        return date(int(m.group("year")), mon, 15)
    return date(_year_for_month(mon, base), mon, 15) if base is not None else None


def _weekday(m: re.Match[str], lang: str, base: date | None) -> date | None:
    if base is None:
        return None
    target = WEEKDAYS[lang].index(m.group("wd").lower())
    lead = m.group(0)[: m.start("wd") - m.start(0)].lower()
    delta = (target - base.weekday()) % 7  # days forward to the next such weekday (0 = today)
    if m.groupdict().get("lastweek"):  # "am Donnerstag vergangener Woche"
        return base - timedelta(days=base.weekday() + 7 - target)
    if any(w in lead for w in ("kommend", "nächst", "next")):
        return base + timedelta(days=delta or 7)
    if any(w in lead for w in ("vergangen", "letzt", "last")):
        return base - timedelta(days=(base.weekday() - target) % 7 or 7)
    if any(w in lead for w in ("diese", "this")):
        # "an diesem Dienstag": the weekday of the publication week, before or after.
        return base + timedelta(days=target - base.weekday())
    if _future(m):  # "will am Donnerstag treffen": the coming such day
        return base + timedelta(days=delta)
    # Plain "am Dienstag" in news: the most recent such day up to publication.
    return base - timedelta(days=(base.weekday() - target) % 7)


# Words that put a sentence in the future, so a bare weekday is the next one.
_FUTURE = frozenset(
    {"wird", "werden", "will", "wollen", "wollte", "wollten", "soll", "sollen", "plant"}
    | {"wolle", "möchte"}  # "er wolle am Freitag mit Selenskyj sprechen"
    | {"would"}  # reported plans: "negotiators would meet … on Sunday"
    | {"planen", "geplant", "geplante", "bevorstehend", "bevorstehende", "künftig"}
    | {"shall", "plans", "planned", "scheduled", "due", "expected"}
)


# A clause told in the past ("the leaders pledged in Paris on Tuesday", "hatte am Montag
# …"): its weekday is a past one even when another clause of the sentence looks ahead.
_PAST_AUX = frozenset({"hatte", "hatten", "war", "waren", "wurde", "wurden", "had", "was", "were"})
_PAST_EN = re.compile(r"[a-z]{3,}ed")
# One of those words standing as a whole word: a search, not a set of every word.
_FUTURE_WORD = re.compile(rf"(?<!\w)(?:{_alt(list(_FUTURE))})(?!\w)")


def _future(m: re.Match[str]) -> bool:
    text = m.string
    lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    hi_candidates = [i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    if _FUTURE_WORD.search(text[lo:hi].lower()) is None:
        return False
    c_lo = max(lo, *(text.rfind(p, lo, m.start()) + 1 for p in ",;:"))
    c_his = [i for p in ",;:" if (i := text.find(p, m.end(), hi)) >= 0]
    clause = text[c_lo : min(c_his, default=hi)].lower()
    if _FUTURE_WORD.search(clause) is not None:
        return True
    return not any(
        w in _PAST_AUX or (_PAST_EN.fullmatch(w) and w not in _FUTURE)
        for w in re.findall(r"\w+", clause)
    )


def _night(m: re.Match[str], lang: str, base: date | None) -> date | None:
    """ "In der Nacht zu Mittwoch" starts on Tuesday evening: date it by its start."""
    day = _weekday(m, lang, base)
    if day is None:
        return None
    # The night's morning is the most recent Wednesday (or publication day itself).
    return day - timedelta(days=1)


def _week(m: re.Match[str], lang: str, base: date | None) -> date | None:
    if base is None:
        return None
    g = m.groupdict()
    which = (g.get("which") or g.get("which2") or "").lower()
    monday = base - timedelta(days=base.weekday())
    if which.startswith(("vergangen", "letzt", "last")):
        monday -= timedelta(days=7)
    elif which.startswith(("kommend", "nächst", "next")):
        monday += timedelta(days=7)
    part = (g.get("part") or "").lower()
    offset = {"anfang": 0, "mitte": 2, "ende": 4}.get(part, 0)
    return monday + timedelta(days=offset)


def _ago(m: re.Match[str], lang: str, base: date | None) -> date | None:
    if base is None:
        return None
    raw = m.group("n").lower()
    n = float(raw) if raw.isdigit() else _NUMBERS.get(raw)
    if n is None:
        return None
    unit = m.group("unit").lower()
    days = (
        1 if unit.startswith(("tag", "day")) else 30 if unit.startswith(("monat", "month")) else 7
    )
    return base - timedelta(days=round(n * days))


def _deictic(m: re.Match[str], lang: str, base: date | None) -> date | None:
    if base is None:
        return None
    shift = {"vorgestern": -2, "gestern": -1, "yesterday": -1, "heute": 0, "today": 0,
             "übermorgen": 2, "tomorrow": 1}  # fmt: skip
    return base + timedelta(days=shift[m.group("rel").lower()])


def _weekend(m: re.Match[str], lang: str, base: date | None) -> date | None:
    """The weekend is dated by its Saturday: the last one before publication."""
    if base is None:
        return None
    return base - timedelta(days=(base.weekday() - 5) % 7)


def _next_day(m: re.Match[str], lang: str, base: date | None) -> None:
    """ "Tags darauf", "the next day": the day after a date the text told before, which
    a single sentence does not know; the sentence's reader adds the day (see
    ``day_after``)."""
    return None


def day_after(previous: DateMention) -> str | None:
    """The day after a resolved date, for "Tags darauf" / "the next day"."""
    if previous.date is None or previous.approximate:
        return None
    return (date.fromisoformat(previous.date) + timedelta(days=1)).isoformat()


def names_next_day(text: str) -> bool:
    """Is ``text`` a "Tags darauf" / "the next day" expression (in any language)?"""
    return any(dict(patterns)["next-day"].fullmatch(text) for patterns in _COMPILED.values())


_RESOLVERS = {
    "next-day": _next_day,
    "night": _night,
    "absolute": _absolute,
    "part-month": _part_month,
    "month": _whole_month,
    "week": _week,
    "ago": _ago,
    "weekday": _weekday,
    "deictic": _deictic,
    "weekend": _weekend,
}


# Expressions that name a stretch of time rather than a day.
_RANGES = frozenset({"part-month", "month", "week", "weekend"})


def parse_published(published: str | None) -> date | None:
    """The publication date as a ``date``; None when absent or malformed."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(text: str, published: str | date | None, lang: str = "de") -> list[DateMention]:
    """All date expressions in ``text`` with their resolved day (or None).

    Overlapping matches are resolved by taking the earliest, then the longest,
    so "in der Nacht zu Mittwoch" wins over its inner "Mittwoch".
    """
    base = (
        parse_published(published) if isinstance(published, str) or published is None else published
    )
    lang = lang if lang in _COMPILED else "en"
    found: list[tuple[int, int, str, re.Match[str]]] = []
    held = _anchors_in(text, lang)
    anchors = _ANCHORS[lang]
    for kind, rx in _COMPILED[lang]:
        for needed in anchors[kind]:
            if needed.isdisjoint(held):
                break
        else:  # the text holds an anchor of each set: the pattern may match
            for m in rx.finditer(text):
                if m.end() > m.start() and not m.group(0).isspace():
                    found.append((m.start(), m.end(), kind, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateMention] = []
    last_end = -1
    for start, end, kind, m in found:
        if start < last_end:
            continue
        resolved = _RESOLVERS[kind](m, lang, base)
        # "vor einer Woche" names the day a week back; "vor zwei Monaten" only a stretch
        approximate = kind in _RANGES or (
            kind == "ago" and m.group("unit").lower().startswith(("monat", "month"))
        )
        out.append(
            DateMention(
                start, end, m.group(0), resolved.isoformat() if resolved else None, approximate
            )
        )
        last_end = end
    return out
