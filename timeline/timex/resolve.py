"""The building blocks of resolution: the `Anchor` an expression is resolved against, the `Resolved` value
it gets, and the calendar arithmetic the resolvers share (days, weeks, months, quarters, years, numbers,
units and durations, "early"/"mid"/"late"), plus `underspecify` for a publication day that is not known.

Reads the lexicons of rules/time.toml. Writes TIMEX3 values with interval bounds in minutes.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsline.model import INF, AnchorKind, to_minutes
from newsline.timex.recognise import data, lex

DAY_MIN = 1440.0


@dataclass(slots=True)
class Anchor:
    """A day (and granularity) that relative expressions are resolved against."""

    day: date
    kind: AnchorKind
    granularity: str = "day"
    # The quarter the text last spoke of (year, quarter), if any nearby: business news measures "a year
    # earlier" and "the quarter" against it.
    quarter: tuple[int, int] | None = None
    # Whether the expression is a time adjunct of its clause ("fell in September", "met on March 5"):
    # the clause's tense then holds more firmly than for a date inside a noun phrase or a plan.
    adjunct: bool = False
    # Whether the day is a time the story named ("on Monday ... a few days later"), not the publication or
    # speech day it fell back on.
    from_story: bool = False


@dataclass(slots=True)
class Resolved:
    value: str
    type: str
    lo: float = -INF
    hi: float = INF
    granularity: str | None = None
    mod: str | None = None
    day: date | None = None  # the day it names, for anchoring later expressions
    quantity: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# The tense of an expression's clause ('past', 'future', ... or None), asked for when a resolver needs
# it: working it out (the sentence's words, its tensed ones, the future markers) was over a third of the
# tagger's time, and most expressions never read it ("2011", "three years", "March 5, 2012").
Tense = Callable[[], str | None]
# A resolver: the named groups of a match, the rule's fields, the anchor and the tense -> a value, or None.
Kind = Callable[[dict[str, str], dict[str, Any], Anchor, Tense], Resolved | None]


def known_tense(tense: str | None) -> Tense:
    """A `Tense` that is already known (`tense`, or None for the nearest reading)."""
    return lambda: tense


def _weekday_index(word: str) -> int:
    """Monday 0 ... Sunday 6, from the name or its abbreviation ("Mon", "Thurs.")."""
    key = word.lower().rstrip(".")
    table = data()["lexicon"]
    return int(table["weekday"].get(key, table["weekday_abbr"].get(key, 0)))


def _number(word: str) -> float | str:
    """ "3", "3.5", "5 1/2", "three", "twenty-four", "a couple of" -> a number, or "X" for a vague one."""
    w = re.sub(r"\s+", " ", word.lower().replace(",", "")).strip()
    try:
        return float(w)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d+) (\d+)/(\d+)", w)
    if m:
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    table = data()["lexicon"]["num"]
    if w in table:
        return table[w]
    parts = re.split(r"[ -]", w)
    if all(p in table and not isinstance(table[p], str) for p in parts):
        return float(sum(table[p] for p in parts))
    raise KeyError(word)


def _day_bounds(d: date) -> tuple[float, float]:
    lo = to_minutes(d)
    return lo, lo + DAY_MIN


def _pod_bounds(d: date, pod: str) -> tuple[float, float]:
    a, b = data()["pod_hours"][pod]
    base = to_minutes(d)
    return base + a * 60, base + b * 60


def _mod_code(word: str | None) -> str | None:
    if not word:
        return None
    key = re.sub(r"\s+", " ", word.lower())
    return lex("span_mod" if key in data()["lexicon"]["span_mod"] else "mod", word)


def _narrow(lo: float, hi: float, mod: str | None) -> tuple[float, float]:
    """The part of [lo, hi) that "early", "mid" and "late" name: the first, middle or last part."""
    if mod is None or math.isinf(lo) or math.isinf(hi):
        return lo, hi
    span = hi - lo
    if span == DAY_MIN:
        # A day's parts as news uses them: "early Thursday" is the small hours and the morning, "late
        # Thursday" the evening and the night.
        if mod == "START":
            return lo, lo + 9 * 60
        if mod == "MID":
            return lo + 9 * 60, lo + 17 * 60
        if mod == "END":
            return lo + 18 * 60, hi
    if mod == "START":
        return lo, lo + span * 0.4
    if mod == "MID":
        return lo + span * 0.3, lo + span * 0.7
    if mod == "END":
        return lo + span * 0.6, hi
    return lo, hi


def _unit_code(word: str) -> str:
    return lex("unit", word)


def _duration_value(num: float | str, unit: str) -> str:
    mult = 1
    m = re.match(r"(\d+)(\w+)", unit)
    if m:
        mult, unit = int(m.group(1)), m.group(2)
    letter = {"MIN": "M"}.get(unit, unit)
    time_part = unit in ("H", "MIN", "S")
    if isinstance(num, str):
        return f"PT{num}{letter}" if time_part else f"P{num}{letter}"
    q = num * mult
    whole = int(q)
    rest = q - whole
    if rest:
        # TIMEX3 values have whole numbers: "5 1/2 hours" is PT5H30M, "2 1/2 years" P2Y6M.
        smaller = {
            "Y": ("M", 12),
            "M": ("D", 30),
            "W": ("D", 7),
            "D": ("H", 24),
            "H": ("MIN", 60),
            "MIN": ("S", 60),
            "Q": ("M", 3),
        }.get(unit)
        if smaller is not None and float(rest * smaller[1]).is_integer():
            first = _duration_value(whole, unit) if whole else ("PT" if time_part else "P")
            second = _duration_value(rest * smaller[1], smaller[0])
            if not whole:
                return second
            if smaller[0] in ("H", "MIN", "S") and not time_part:
                return first + "T" + second[2:]
            return first + second[2 if time_part else 1 :]
    return f"PT{whole if not rest else q}{letter}" if time_part else f"P{whole if not rest else q}{letter}"


def _unit_minutes(unit: str) -> float:
    mult = 1
    m = re.match(r"(\d+)(\w+)", unit)
    if m:
        mult, unit = int(m.group(1)), m.group(2)
    return float(data()["unit_minutes"][unit]) * mult


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _day(d: date, pod: str | None = None, mod: str | None = None) -> Resolved:
    if pod:
        lo, hi = _pod_bounds(d, pod)
        return Resolved(f"{d.isoformat()}T{pod}", "TIME", lo, hi, "part_of_day", mod, d)
    lo, hi = _narrow(*_day_bounds(d), mod)
    return Resolved(d.isoformat(), "DATE", lo, hi, "day", mod, d)


def _month(year: int, month: int, mod: str | None) -> Resolved:
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    lo, hi = _narrow(to_minutes(first), to_minutes(last) + DAY_MIN, mod)
    return Resolved(f"{year:04d}-{month:02d}", "DATE", lo, hi, "month", mod, first)


def _year(year: int, mod: str | None) -> Resolved:
    lo, hi = _narrow(to_minutes(date(year, 1, 1)), to_minutes(date(year + 1, 1, 1)), mod)
    return Resolved(f"{year:04d}", "DATE", lo, hi, "year", mod, date(year, 1, 1))


def _quarter(year: int, q: int) -> Resolved:
    first = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return Resolved(f"{year:04d}-Q{q}", "DATE", to_minutes(first), to_minutes(end), "quarter", None, first)


def _quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _shifted(anchor: date, unit: str, shift: int, mod: str | None) -> Resolved:
    if unit == "week":
        d = anchor + timedelta(weeks=shift)
        monday = d - timedelta(days=d.weekday())
        lo, hi = _narrow(to_minutes(monday), to_minutes(monday + timedelta(days=7)), mod)
        return Resolved(_week(d), "DATE", lo, hi, "week", mod, monday)
    if unit == "weekend":
        # The weekend of the anchor's ISO week (Saturday and Sunday close it), moved by whole weeks.
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        sat = monday + timedelta(days=5)
        lo, hi = to_minutes(sat), to_minutes(sat + timedelta(days=2))
        return Resolved(_week(sat) + "-WE", "DATE", lo, hi, "weekend", mod, sat)
    if unit == "month":
        m = anchor.month - 1 + shift
        return _month(anchor.year + m // 12, m % 12 + 1, mod)
    return _year(anchor.year + shift, mod)


def underspecify(value: str, keep_month_day: bool = False) -> str:
    """A value with its calendar part replaced by X's, for a publication date that is not known.

    `keep_month_day` keeps a month and day the text itself gave ("Christmas Day" is "XXXX-12-25").
    """
    if re.fullmatch(r"\d{2,3}", value):  # a century or a decade worked out from the stand-in day
        return "X" * len(value)
    if keep_month_day:
        return re.sub(r"^\d{4}", "XXXX", value)
    return re.sub(
        r"^\d{4}(-W\d\d|-\d\d)?(-\d\d)?", lambda m: "XXXX" + re.sub(r"\d", "X", m.group(0)[4:]), value
    )
