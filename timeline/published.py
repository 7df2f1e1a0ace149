"""Publication dates written as strings (`--published`, a JSON Lines record's `published`, an `Article`
built with a string): ISO 8601 or a full date as feeds and pages write it, in English or another
language. At the level of the dataclasses, which take such a string too; the readers use it as well.
"""

from __future__ import annotations

import re
from datetime import date, datetime


def parse_published(value: str) -> date | datetime:
    """A publication date or date-time given as a string; ValueError when it does not name one.

    ISO 8601 first ("2025-07-04", "2025-07-04T09:30+03:00"); then what feeds and pages write, by dateutil
    ("July 4, 2025", "Fri, 04 Jul 2025 09:30:00 GMT"); then other languages' month names, by dateparser
    ("4 juillet 2025", "4. Juli 2025"), imported only for those. A day, a month and a year are required and
    relative words ("yesterday") are refused: a publication date is the reference, nothing to resolve it on.
    A string without a clock time gives a date. A date in year 1 or 9999 is refused (`OUT_OF_RANGE`):
    what the article dates relative to it ("next year", "tomorrow") would fall off the calendar.
    """
    found = _parse_published(value)
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise ValueError(OUT_OF_RANGE.format(value=value))
    return found


# The calendar of Python's dates runs from year 1 to 9999; a publication date keeps a year of it on either
# side, so that "last year" and "next year" stay on it.
FIRST_YEAR, LAST_YEAR = 2, 9998
OUT_OF_RANGE = f"{{value!r}} is outside the years {FIRST_YEAR}-{LAST_YEAR} a publication date may have"


def _parse_published(value: str) -> date | datetime:
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    if not re.search(r"\d{4}", text) or not re.search(r"[^\W\d_]{3,}|\d{1,2}[/.]\d{1,2}[/.]\d{4}", text):
        raise ValueError(f"not a date: {value!r}")
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.]\d{4}", text)
    parts = [int(n) for n in numeric.groups()] if numeric else []
    if parts and max(parts) <= 12 and parts[0] != parts[1]:
        raise ValueError(f"{value!r} could be day/month or month/day: write it as YYYY-MM-DD")
    found = _by_dateutil(text)
    if found is None:
        found = _by_dateparser(text)
    if found is None:
        raise ValueError(f"not a date: {value!r}")
    return found


# Two defaults that differ in every field: what the string did not give comes out different.
_DEFAULTS = (datetime(1901, 1, 1, 0, 0), datetime(1902, 2, 2, 1, 1))


# Zone abbreviations news feeds use, as UTC offsets in hours (dateutil knows only UTC and GMT by itself).
_ZONES = {"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "BST": 1,
          "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "IST": 5.5, "JST": 9, "AEST": 10, "AEDT": 11}


def _by_dateutil(text: str) -> date | datetime | None:
    import warnings

    from dateutil import parser, tz

    zones = {name: tz.tzoffset(name, int(hours * 3600)) for name, hours in _ZONES.items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # an unknown zone name: the clock time is kept, naive
            a, b = (parser.parse(text, default=d, tzinfos=zones, dayfirst=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # "July 4": no year, "2025": no day
    if (a.hour, a.minute) != (b.hour, b.minute):
        return a.date()
    return a


def _by_dateparser(text: str) -> date | datetime | None:
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["absolute-time"]}
    try:
        moment = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        return None
    if moment is None:
        return None
    clock = re.search(r"\d{1,2}[:h]\d{2}", text)
    return moment if clock else moment.date()


__all__ = ["FIRST_YEAR", "LAST_YEAR", "OUT_OF_RANGE", "parse_published"]
