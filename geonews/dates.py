"""Dates: the one place where geonews turns a value or an expression into a date.

:func:`as_date` reads a ``date=`` argument (a date, or an ISO 8601 string);
:func:`parse_date` reads a date given as metadata.

War reporting dates events relative to the day the article was written ("on
Tuesday", "yesterday", "last month", "in November", "on the eve of the talks").
:func:`find_dates` finds every such expression in a text and resolves it
against an anchor date into a :class:`DateSpan` (a day, or a range such as a
whole month), and :func:`article_date` looks for the article's own date in its first lines
(a dateline such as ``"KYIV, Dec 2, 2025 -"`` or ``"Published: 2025-12-02"``).

Rules
-----
* Weekdays point back to the latest such day on or before the anchor, or
  forward to the next one on or after it when the statement is about the future
  (``future=True``); ``last``/``next`` exclude the anchor day itself.
* A month without a year ("in November") is the latest such month not after the
  anchor's month (the next one when ``future=True``), as a whole-month range.
* ``1.12.2025`` is read day first (European), ``12/1/2025`` month first (US wire style);
  ISO ``2025-12-01`` is unambiguous.
* "on the eve of the X" gives a span with ``kind="eve"`` and ``ref="X"``; the caller
  resolves it to the day before the X (the events module does that with the date
  of the document's event of that kind) or, failing that, to the anchor.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from dataclasses import dataclass

from geonews.errors import InvalidInput

__all__ = [
    "EARLIEST",
    "LATEST",
    "DateSpan",
    "article_date",
    "as_date",
    "find_dates",
    "in_range",
    "parse_date",
]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
#: What joins the two ends of a day range: "1-3", "6 and 8", "1 to 3", "28 February - 2 March".
_TO = r"(?:[-\u2013\u2014]|\band\b|\bto\b|\buntil\b|\bthrough\b)"

_I = re.IGNORECASE
# (name, compiled pattern); earlier patterns win over later overlapping ones.
_PATTERNS = [
    ("iso", re.compile(rf"\b({_YEAR})-(\d\d)-(\d\d)\b")),
    ("dotted", re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b")),
    ("slashed", re.compile(rf"\b(\d{{1,2}})/(\d{{1,2}})/({_YEAR})\b")),
    ("eve", re.compile(r"\bon the eve of (?:the |this |next |a |his |her |their )?(\w+)", _I)),
    # day ranges first: "1-3 March 2024", "between 6 and 8 March", "28 February - 2 March
    # 2024", "March 1-3, 2024"
    (
        "dmy_span",
        re.compile(
            rf"\b(?:on\s+|from\s+|between\s+)?({_DAY})\s+(?:of\s+)?({_MONTH})\s*{_TO}\s*"
            rf"({_DAY})\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?\b",
            _I,
        ),
    ),
    (
        "dmy_range",
        re.compile(
            rf"\b(?:on\s+|from\s+|between\s+)?({_DAY})\s*{_TO}\s*({_DAY})\s+(?:of\s+)?"
            rf"({_MONTH})(?:,?\s+({_YEAR}))?\b",
            _I,
        ),
    ),
    (
        "mdy_range",
        re.compile(
            rf"\b(?:on\s+|from\s+|between\s+)?({_MONTH})\s+({_DAY})\s*{_TO}\s*({_DAY})\b"
            rf"(?:,?\s+({_YEAR})\b)?",
            _I,
        ),
    ),
    ("mdy", re.compile(rf"\b(?:on\s+)?({_MONTH})\s+({_DAY})\b(?:,?\s+({_YEAR})\b)?", _I)),
    ("dmy", re.compile(rf"\b(?:on\s+)?({_DAY})\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?\b", _I)),
    (
        "month",
        re.compile(
            rf"\b(?:(?:in|during|since|through|throughout|until|by|for|of|"
            rf"early|late|mid-?)\s+(?:early\s+|late\s+|mid-?)?)({_MONTH})(?:\s+({_YEAR}))?\b"
            rf"|\b({_MONTH})\s+({_YEAR})\b",
            _I,
        ),
    ),
    ("weekday", re.compile(rf"\b(?:(on|last|this|next|early|late)\s+)?({_WEEKDAY})\b", _I)),
    (
        "relative",
        re.compile(
            r"\b(yesterday|today|tomorrow|overnight|last night|tonight|"
            r"(?:earlier |later )?this (?:week|month|year)|(?:last|next) (?:week|month|year)|"
            r"(?:over |in |during )?the (?:past|last) (?:24 hours|day|week|month|year|"
            r"(?:two|three|four|\d+) (?:days|weeks|months))|"
            r"(?:\d+|two|three|four|five|six|seven|ten) days (?:ago|earlier))\b",
            _I,
        ),
    ),
    ("year", re.compile(rf"\b(?:in|since|during|throughout)\s+({_YEAR})\b", _I)),
]
#: Cheap cues: a pattern runs only when its cue occurs in the text.
_CUES = re.compile(
    rf"(?P<digit>\d)|(?P<month>\b{_MONTH.lower()})|(?P<weekday>\b{_WEEKDAY.lower()})"
    r"|(?P<relative>\b(?:yesterday|today|tomorrow|overnight|night|tonight|week|month|year"
    r"|ago|earlier|past|last)\b)|(?P<eve>\beve\b)"
)
_CUES_CI = re.compile(_CUES.pattern, _I)
_NEEDS = {
    "iso": "digit",
    "dotted": "digit",
    "slashed": "digit",
    "eve": "eve",
    "dmy_span": "month",
    "dmy_range": "month",
    "mdy_range": "month",
    "mdy": "month",
    "dmy": "month",
    "month": "month",
    "weekday": "weekday",
    "relative": "relative",
    "year": "digit",
}
#: The same patterns for lower-cased text, without IGNORECASE (several times faster).
_LOWER_PATTERNS = [(name, re.compile(p.pattern.lower())) for name, p in _PATTERNS]
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression found in a text, resolved against an anchor.

    Parameters
    ----------
    start, end : int
        Character offsets of the expression in the text.
    text : str
        The expression as written.
    date : datetime.date or None
        The day (or the first day of a range); ``None`` when it cannot be resolved
        (no anchor, or an unresolved ``"eve"``).
    date_end : datetime.date or None
        The last day of a range ("last month", "in November"), else ``None``.
    kind : str
        ``"day"``, ``"range"`` or ``"eve"``.
    ref : str or None
        For ``kind="eve"``, the noun after "the eve of the" (e.g. ``"talks"``).
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    date_end: dt.date | None = None
    kind: str = "day"
    ref: str | None = None


def as_date(value: dt.date | str | None) -> dt.date | None:
    """Read a ``date=`` argument: a date, an ISO 8601 string (``YYYY-MM-DD...``) or None.

    Parameters
    ----------
    value : datetime.date, str or None

    Returns
    -------
    datetime.date or None

    Raises
    ------
    InvalidInput
        When a string does not start with an ISO date, or the date is outside
        :data:`EARLIEST` .. :data:`LATEST`.

    Examples
    --------
    >>> as_date("2025-12-02T08:00:00Z")
    datetime.date(2025, 12, 2)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return in_range(value.date())
    if isinstance(value, dt.date):
        return in_range(value)
    try:
        return in_range(dt.date.fromisoformat(str(value)[:10]))
    except ValueError as err:
        raise InvalidInput(f"date must be ISO 8601 (YYYY-MM-DD): {value!r}") from err


#: Dates geonews stores (pandas' nanosecond timestamps cover 1677-09-21 to 2262-04-11).
EARLIEST, LATEST = dt.date(1678, 1, 1), dt.date(2261, 12, 31)


def in_range(day: dt.date | None) -> dt.date | None:
    """Return ``day`` if geonews can store it; raise :class:`InvalidInput` if not.

    Examples
    --------
    >>> in_range(dt.date(2300, 1, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geonews.errors.InvalidInput: date 2300-01-01 is outside the range geonews stores ...
    """
    if day is not None and not EARLIEST <= day <= LATEST:
        raise InvalidInput(
            f"date {day.isoformat()} is outside the range geonews stores "
            f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
        )
    return day


def parse_date(value: object) -> dt.date | None:
    """Read a date given as metadata (string, datetime, date, struct_time or None).

    Parameters
    ----------
    value : str, datetime.date, datetime.datetime, pandas.Timestamp, time.struct_time or None
        Strings may be ISO 8601, RFC 822 (feeds) or any common English form.

    Returns
    -------
    datetime.date or None
        ``None`` for ``None``, empty strings and NaT.

    Raises
    ------
    InvalidInput
        When a string cannot be read as a date, or the date is outside
        :data:`EARLIEST` .. :data:`LATEST`.

    Examples
    --------
    >>> parse_date("Tue, 02 Dec 2025 08:15:00 GMT")
    datetime.date(2025, 12, 2)
    >>> parse_date("2 December 2025")
    datetime.date(2025, 12, 2)
    """
    return in_range(_parse_date(value))


def _parse_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return None if value != value else value.date()  # NaT != NaT
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, float) and value != value:  # NaN from a CSV column
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"cannot read a date from {value!r}")
    text = value.strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass  # let dateutil say what is wrong
    import dateutil.parser  # on first use: keeps "import geonews" light

    try:
        return dateutil.parser.parse(text, default=dt.datetime(1900, 1, 1)).date()
    except (ValueError, OverflowError) as err:
        raise InvalidInput(f"cannot read a date from {value!r}") from err


_DATELINE_WINDOW = 300


def article_date(text: str) -> dt.date | None:
    """Find the article's own date near the top of ``text`` (dateline or "Published:").

    Only a complete date (with a year) counts; relative expressions need an anchor
    and so cannot date the article.

    Parameters
    ----------
    text : str
        The article text.

    Returns
    -------
    datetime.date or None

    Examples
    --------
    >>> article_date("KYIV, Dec 2, 2025 (Wire) - Russian forces ...")
    datetime.date(2025, 12, 2)
    >>> article_date("Russian forces advanced on Tuesday.") is None
    True
    """
    head = text[:_DATELINE_WINDOW]
    for span in find_dates(head):
        if span.kind == "day" and span.date is not None:
            return span.date
    return None


def find_dates(text: str, *, anchor: dt.date | None = None, future: bool = False) -> list[DateSpan]:
    """Find and resolve the date expressions in ``text``.

    Parameters
    ----------
    text : str
        A sentence or a document.
    anchor : datetime.date, optional
        The article date that relative expressions count from.  Without it only
        complete explicit dates resolve; the others get ``date=None``.
    future : bool
        Resolve weekdays and bare months forward (for "will meet on Tuesday").

    Returns
    -------
    list of DateSpan
        In text order, without overlaps.

    Examples
    --------
    >>> d = dt.date(2025, 12, 2)  # a Tuesday
    >>> [(s.text, str(s.date), str(s.date_end)) for s in find_dates(
    ...     "Talks were held on Sunday after rounds last month.", anchor=d)]
    [('on Sunday', '2025-11-30', 'None'), ('last month', '2025-11-01', '2025-11-30')]
    >>> find_dates("They met on the eve of the summit.", anchor=d)[0].ref
    'summit'
    """
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    same = len(lowered) == len(text)
    present = {m.lastgroup for m in (_CUES.finditer(lowered) if same else _CUES_CI.finditer(text))}
    if not present:
        return found
    for name, pattern in _LOWER_PATTERNS if same else _PATTERNS:
        if _NEEDS[name] not in present:
            continue
        for match in pattern.finditer(lowered if same else text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            span = _resolve(name, match, text[start:end], anchor, future)
            if span is None:
                continue
            found.append(span)
            taken.append((start, end))
    found.sort(key=lambda s: s.start)
    return found


def _month_number(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _day_number(word: str) -> int:
    found = re.match(r"\d+", word)
    if found is None:
        raise ValueError(f"no day number in {word!r}")
    return int(found.group())


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _guess_year(month: int, day: int, anchor: dt.date | None, future: bool) -> int | None:
    """Year of a day-month without year: the occurrence nearest the anchor, past first."""
    if anchor is None:
        return None
    year = anchor.year
    candidate = _safe_date(year, month, day) or dt.date(year, month, 28)
    if not future and candidate > anchor + dt.timedelta(days=7):
        return year - 1
    if future and candidate < anchor - dt.timedelta(days=7):
        return year + 1
    return year


def _resolve(
    name: str, match: re.Match, text: str, anchor: dt.date | None, future: bool
) -> DateSpan | None:
    start, end = match.span()
    g = match.groups()
    if name in ("iso", "dotted", "slashed"):
        if name == "iso":
            year, month, day = int(g[0]), int(g[1]), int(g[2])
        elif name == "dotted":
            day, month, year = int(g[0]), int(g[1]), int(g[2])
        else:
            month, day, year = int(g[0]), int(g[1]), int(g[2])
        date = _safe_date(year, month, day)
        return None if date is None else DateSpan(start, end, text, date)
    if name in ("dmy_span", "dmy_range", "mdy_range"):
        return _day_range(name, g, start, end, text, anchor, future)
    if name in ("mdy", "dmy"):
        if name == "mdy":
            month, day = _month_number(g[0]), _day_number(g[1])
        else:
            day, month = _day_number(g[0]), _month_number(g[1])
        if g[0].lower() == "may" and name == "mdy" and not g[2] and anchor is None:
            return None
        guessed = int(g[2]) if g[2] else _guess_year(month, day, anchor, future)
        date = None if guessed is None else _safe_date(guessed, month, day)
        if guessed is not None and date is None:
            return None
        return DateSpan(start, end, text, date)
    if name == "eve":
        return DateSpan(start, end, text, None, kind="eve", ref=g[0].lower())
    if name == "month":
        word, year_text = (g[0], g[1]) if g[0] else (g[2], g[3])
        month = _month_number(word)
        if year_text:
            year = int(year_text)
        elif anchor is None:
            return DateSpan(start, end, text, None, kind="range")
        elif future:
            year = anchor.year + (month < anchor.month)
        else:
            year = anchor.year - (month > anchor.month)
        first, last = _month_range(year, month)
        return DateSpan(start, end, text, first, last, kind="range")
    if name == "weekday":
        if anchor is None:
            return DateSpan(start, end, text, None)
        qualifier = (g[0] or "").lower()
        target = _WEEKDAYS.index(g[1].lower())
        back = (anchor.weekday() - target) % 7
        ahead = (target - anchor.weekday()) % 7
        if qualifier == "next":
            date = anchor + dt.timedelta(days=ahead or 7)
        elif qualifier == "last":
            date = anchor - dt.timedelta(days=back or 7)
        elif future or (qualifier == "this" and ahead < back):
            date = anchor + dt.timedelta(days=ahead)
        else:
            date = anchor - dt.timedelta(days=back)
        return DateSpan(start, end, text, date)
    if name == "relative":
        if anchor is None:
            return DateSpan(start, end, text, None)
        return _relative(start, end, text, anchor)
    if name == "year":
        year = int(g[0])
        return DateSpan(start, end, text, dt.date(year, 1, 1), dt.date(year, 12, 31), "range")
    raise AssertionError(name)  # pragma: no cover - every pattern is handled above


def _day_range(name, g, start, end, text, anchor, future) -> DateSpan | None:
    """A range of days: "1-3 March 2024", "28 February - 2 March", "March 1-3, 2024"."""
    if name == "dmy_span":
        d1, m1, d2, m2, year_text = _day_number(g[0]), g[1], _day_number(g[2]), g[3], g[4]
    elif name == "dmy_range":
        d1, d2, m1, year_text = _day_number(g[0]), _day_number(g[1]), g[2], g[3]
        m2 = m1
    else:
        m1, d1, d2, year_text = g[0], _day_number(g[1]), _day_number(g[2]), g[3]
        m2 = m1
    month1, month2 = _month_number(m1), _month_number(m2)
    year2 = int(year_text) if year_text else _guess_year(month2, d2, anchor, future)
    if year2 is None:
        return DateSpan(start, end, text, None, kind="range")
    year1 = year2 - (month1 > month2)  # "28 December - 2 January 2025"
    first, last = _safe_date(year1, month1, d1), _safe_date(year2, month2, d2)
    if first is None or last is None or first >= last:
        return None  # "2-1 March", "31 February": not a range; the single-day patterns may read it
    return DateSpan(start, end, text, first, last, kind="range")


def _relative(start: int, end: int, text: str, anchor: dt.date) -> DateSpan:
    low = " ".join(text.lower().split())
    day = dt.timedelta(days=1)

    def one(date: dt.date) -> DateSpan:
        return DateSpan(start, end, text, date)

    def rng(first: dt.date, last: dt.date) -> DateSpan:
        return DateSpan(start, end, text, first, last, kind="range")

    if low in ("yesterday", "last night"):
        return one(anchor - day)
    if low in ("today", "tonight", "overnight"):
        return one(anchor)
    if low == "tomorrow":
        return one(anchor + day)
    if low.endswith(("ago", "earlier")):
        word = low.split()[0]
        return one(anchor - day * (_NUMBER_WORDS.get(word) or int(word)))
    monday = anchor - day * anchor.weekday()
    if low.endswith("this week"):
        return rng(monday, anchor if "earlier" in low else monday + day * 6)
    if low == "last week":
        return rng(monday - day * 7, monday - day)
    if low == "next week":
        return rng(monday + day * 7, monday + day * 13)
    if low.endswith("this month"):
        first, last = _month_range(anchor.year, anchor.month)
        return rng(first, anchor if "earlier" in low else last)
    if low == "last month":
        previous = anchor.replace(day=1) - day
        return rng(*_month_range(previous.year, previous.month))
    if low == "next month":
        following = anchor.replace(day=28) + day * 4
        return rng(*_month_range(following.year, following.month))
    if low.endswith("this year"):
        return rng(dt.date(anchor.year, 1, 1), anchor)
    if low == "last year":
        return rng(dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31))
    if low == "next year":
        return rng(dt.date(anchor.year + 1, 1, 1), dt.date(anchor.year + 1, 12, 31))
    # "(over) the past/last N units"
    words = low.split()
    unit = words[-1]
    count_word = words[-2]
    count = 1
    if count_word.isdigit():
        count = int(count_word)
    elif count_word in _NUMBER_WORDS:
        count = _NUMBER_WORDS[count_word]
    days = {"hours": 1, "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
    span = 365 if unit == "year" else days[unit] * (1 if unit == "hours" else count)
    return rng(anchor - day * span, anchor)
