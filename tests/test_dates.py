import datetime as dt

import pytest

from geonews.dates import DateSpan, article_date, find_dates, parse_date
from geonews.errors import InvalidInput

TUESDAY = dt.date(2025, 12, 2)


def one(text, anchor=TUESDAY, future=False):
    spans = find_dates(text, anchor=anchor, future=future)
    assert len(spans) == 1, spans
    span = spans[0]
    assert text[span.start : span.end] == span.text
    return span


@pytest.mark.parametrize(
    ("text", "future", "date"),
    [
        ("on Tuesday", False, "2025-12-02"),  # the article's own day
        ("on Monday", False, "2025-12-01"),
        ("on Wednesday", False, "2025-11-26"),
        ("on Wednesday", True, "2025-12-03"),
        ("on Tuesday", True, "2025-12-02"),
        ("last Tuesday", False, "2025-11-25"),
        ("next Monday", False, "2025-12-08"),
        ("yesterday", False, "2025-12-01"),
        ("tomorrow", False, "2025-12-03"),
        ("overnight", False, "2025-12-02"),
        ("three days ago", False, "2025-11-29"),
    ],
)
def test_relative_days(text, future, date):
    span = one(text, future=future)
    assert (span.date.isoformat(), span.date_end, span.kind) == (date, None, "day")


@pytest.mark.parametrize(
    ("text", "anchor", "first", "last"),
    [
        ("last month", TUESDAY, "2025-11-01", "2025-11-30"),
        ("last month", dt.date(2026, 1, 15), "2025-12-01", "2025-12-31"),
        ("in November", TUESDAY, "2025-11-01", "2025-11-30"),
        ("in November", dt.date(2026, 1, 5), "2025-11-01", "2025-11-30"),
        ("in February", dt.date(2024, 3, 1), "2024-02-01", "2024-02-29"),
        ("since March 2022", TUESDAY, "2022-03-01", "2022-03-31"),
        ("last week", TUESDAY, "2025-11-24", "2025-11-30"),
        ("earlier this month", TUESDAY, "2025-12-01", "2025-12-02"),
        ("over the past month", TUESDAY, "2025-11-02", "2025-12-02"),
        ("in 2024", TUESDAY, "2024-01-01", "2024-12-31"),
        # ranges of days, as coded notes and wire copy write them
        ("On 1-3 March 2024,", TUESDAY, "2024-03-01", "2024-03-03"),
        ("between 6 and 8 March", TUESDAY, "2025-03-06", "2025-03-08"),
        ("from 1 to 3 March 2024", TUESDAY, "2024-03-01", "2024-03-03"),
        ("March 1\u20133, 2024", TUESDAY, "2024-03-01", "2024-03-03"),
        ("on 28 February - 2 March 2024", TUESDAY, "2024-02-28", "2024-03-02"),
        ("on 28 December - 2 January 2025", TUESDAY, "2024-12-28", "2025-01-02"),
    ],
)
def test_ranges(text, anchor, first, last):
    span = one(text, anchor=anchor)
    assert (span.date.isoformat(), span.date_end.isoformat(), span.kind) == (first, last, "range")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025-11-30", "2025-11-30"),
        ("30.11.2025", "2025-11-30"),
        ("11/30/2025", "2025-11-30"),
        ("November 30, 2025", "2025-11-30"),
        ("Nov. 30, 2025", "2025-11-30"),
        ("30 November 2025", "2025-11-30"),
        ("on 30th November", "2025-11-30"),
        ("on Dec 28", "2024-12-28"),  # a date well after the anchor is last year's
    ],
)
def test_explicit_dates(text, date):
    assert one(text).date.isoformat() == date


def test_explicit_dates_need_no_anchor_but_relative_ones_do():
    assert one("30 November 2025", anchor=None).date == dt.date(2025, 11, 30)
    assert one("on Monday", anchor=None).date is None
    assert one("in November", anchor=None).date is None


def test_a_backward_or_impossible_day_range_is_no_range():
    assert all(s.kind != "range" for s in find_dates("on 5-2 March 2024", anchor=TUESDAY))
    assert find_dates("between 20 and 40 March recruits", anchor=TUESDAY) == []


def test_invalid_calendar_dates_are_not_dates():
    assert find_dates("2025-02-30 and 31.04.2025", anchor=TUESDAY) == []


def test_eve_of_is_left_for_the_caller():
    span = one("On the eve of the talks")
    assert (span.kind, span.ref, span.date) == ("eve", "talks", None)


def test_several_expressions_in_order_without_overlap():
    text = "Talks in Florida on Sunday followed rounds in Geneva last month, on 2025-11-14."
    spans = find_dates(text, anchor=TUESDAY)
    assert [s.text for s in spans] == ["on Sunday", "last month", "2025-11-14"]
    assert isinstance(spans[0], DateSpan)


def test_article_date():
    assert article_date("KYIV, Dec 2, 2025 (Wire) - Drones hit Kyiv.") == TUESDAY
    assert article_date("Published: 2025-12-02\n\nDrones hit Kyiv.") == TUESDAY
    assert article_date("Drones hit Kyiv on Monday.") is None
    assert article_date("x" * 400 + " 2 December 2025") is None  # only the top counts


def test_parse_date():
    assert parse_date("Tue, 02 Dec 2025 08:15:00 +0000") == TUESDAY
    assert parse_date(dt.datetime(2025, 12, 2, 23, 0)) == TUESDAY
    assert parse_date(TUESDAY) == TUESDAY
    assert parse_date("") is None and parse_date(None) is None
    assert parse_date(float("nan")) is None
    with pytest.raises(InvalidInput, match="'not a date'"):
        parse_date("not a date")
    with pytest.raises(InvalidInput):
        parse_date(12)
