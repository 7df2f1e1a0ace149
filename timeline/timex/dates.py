"""The resolvers of named dates and periods, one per rule kind: calendar dates, numeric dates, days of the
month, holidays, weekends, the year's end, decades, centuries, quarters, halves and seasons.

Reads a match's named groups, its rule's fields, an `Anchor` and a tense. Writes a `Resolved` (DATE_KINDS).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from newsline.model import to_minutes
from newsline.timex.recognise import data, lex
from newsline.timex.resolve import (
    DAY_MIN,
    Anchor,
    Kind,
    Resolved,
    Tense,
    _day,
    _mod_code,
    _month,
    _narrow,
    _number,
    _quarter,
    _quarter_of,
    _shifted,
    _week,
    _weekday_index,
    _year,
)
from newsline.timex.tense import _part_year, _weekday_date, _year_for, _year_of_weekday


def _k_date(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    # "the early hours of Friday" is early Friday; "the night of Oct. 23" is Oct. 23 at night.
    mod = _mod_code(g.get("mod") or ("early" if g.get("hours") else None))
    pod_word = g.get("pod") or g.get("pod2") or g.get("pod3") or g.get("pod4")
    pod = lex("pod", pod_word) if pod_word else None
    year = int(g["year"]) if g.get("year") else None
    month_word = g.get("month") or g.get("month3")
    if g.get("day3"):  # "2025.07.13"
        g = {**g, "day": g["day3"]}
    month = (int(month_word) if month_word.isdigit() else lex("month", month_word)) if month_word else None
    day = int(g["day"]) if g.get("day") else lex("day_ordinal", g["dayword"]) if g.get("dayword") else None
    weekday_word = g.get("weekday") or g.get("weekday2")
    if g.get("spelled"):
        year = _spelled_year(g["spelled"])
    if g.get("cent") and year is not None and year < 100:  # "1999-00": the second year of a range
        if year <= int(g["fyy"]) and g["fyy"] != "99":
            return None  # "2025-06" is no range of years ("2025-2106"); the first year stands alone
        year += int(g["cent"]) * 100 + (100 if year < int(g["fyy"]) else 0)
    if month and not day and g.get("yrel"):
        return _month(anchor.day.year + int(lex("rel", g["yrel"])), month, mod)
    rel = re.sub(r"\s+", " ", g.get("wrel", "").lower())
    if month and not day and rel:
        if rel in ("last", "this past"):
            y = anchor.day.year if month < anchor.day.month else anchor.day.year - 1
        elif rel in ("next", "this coming"):
            y = anchor.day.year if month > anchor.day.month else anchor.day.year + 1
        else:
            y = anchor.day.year
        return _month(y, month, mod)
    if month and day:
        mrel = re.sub(r"\s+", " ", g.get("mrel", "").lower())
        if year is None and mrel:
            # "last Oct. 23": the latest one before the anchor; "next Nov. 5" the first after it
            this_year = anchor.day.year
            try:
                if mrel in ("last", "this past"):
                    year = this_year if date(this_year, month, day) < anchor.day else this_year - 1
                else:
                    year = this_year if date(this_year, month, day) > anchor.day else this_year + 1
            except ValueError:
                return None
        if year is None:
            year = _year_for(anchor.day, month, day, tense, anchor.adjunct)
            if weekday_word and weekday_word.lower() in data()["lexicon"]["weekday"]:
                # a full weekday name settles the year; an abbreviation may be a name ("The Sun 30 June")
                year = _year_of_weekday(anchor.day, month, day, _weekday_index(weekday_word), year)
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if f.get("week"):  # "the week of March 6": the calendar week that holds the day
            monday = d - timedelta(days=d.weekday())
            lo = to_minutes(monday)
            return Resolved(_week(d), "DATE", lo, lo + 7 * DAY_MIN, "week", mod, monday)
        return _day(d, pod, mod)
    if month:
        if year is None:
            year = _year_for(anchor.day, month, None, tense, anchor.adjunct)
        return _month(year, month, mod)
    if year:
        return _year(year, mod)
    if weekday_word:
        weekday = lex("weekday", weekday_word)
        rel = re.sub(r"\s+", " ", g.get("wrel", "").lower())
        if rel in ("last", "this past", "the previous"):
            back = (anchor.day.weekday() - weekday) % 7 or 7
            return _day(anchor.day - timedelta(days=back), pod, mod)
        if rel in ("next", "this coming", "the following", "the next"):
            ahead = (weekday - anchor.day.weekday()) % 7 or 7
            return _day(anchor.day + timedelta(days=ahead), pod, mod)
        return _day(_weekday_date(anchor.day, weekday, tense()), pod, mod)
    return None


def _k_days_around(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense
) -> Resolved | None:
    """ "the day before last Tuesday": the inner day as `_k_date` finds it, moved by the count of days."""
    inner = _k_date(g, f, anchor, tense)
    if inner is None or inner.day is None:
        return None
    num = _number(g["num"]) if g.get("num") else 1.0
    if isinstance(num, str):
        return None  # "a few days before Friday": no day to give
    step = int(num) if g["dir"].lower() == "after" else -int(num)
    return _day(inner.day + timedelta(days=step))


def _k_weekday_week(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense
) -> Resolved | None:
    """ "a week on Monday", "Monday week": a week after the coming Monday; "a week last Monday" a week before
    the last one."""
    back = (g.get("wrel") or "").lower() == "last"
    word = g.get("weekday") or g.get("weekday2") or g["weekday3"]
    inner = _k_date({"weekday": word, "wrel": "last" if back else "next"}, f, anchor, tense)
    if inner is None or inner.day is None:
        return None
    return _day(inner.day + timedelta(days=-7 if back else 7))


def _k_numeric_date(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense
) -> Resolved | None:
    """ "23/06/2025" or "6/23/2025": a numeric date whose order a number over 12 settles. "04/07/2025" is
    the 4th of July in London and April 7 in New York, so it is left untagged rather than guessed."""
    a, b, year = int(g["a"]), int(g["b"]), int(g["year"])
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        month, day = a, b
    elif a == b:
        day = month = a
    else:
        return None
    try:
        return _day(date(year, month, day))
    except ValueError:
        return None


def _k_day_of_month(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense
) -> Resolved | None:
    """ "on the 15th": a day of this month, of the month before when the tense looks back past it, of the
    next when it looks ahead past it; without a tense, the nearer of the three."""
    day = int(g["day"])
    here = anchor.day.replace(day=1)
    options = []
    for shift in (-1, 0, 1):
        y, m = divmod(here.month - 1 + shift, 12)
        if day <= calendar.monthrange(here.year + y, m + 1)[1]:
            options.append(date(here.year + y, m + 1, day))
    clause = tense()
    if clause in ("past", "perfect"):
        options = [d for d in options if d <= anchor.day] or options
        best = max(options)
    elif clause in ("future", "scheduled"):
        options = [d for d in options if d >= anchor.day] or options
        best = min(options)
    else:
        best = min(options, key=lambda d: abs((d - anchor.day).days))
    return _day(best)


def _spelled_year(words: str) -> int:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p not in ("and",)]
    tens, ones = data()["lexicon"]["spelled_tens"], data()["lexicon"]["spelled_ones"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(tens.get(p, ones.get(p, 0)) for p in parts[2:])
    return tens[parts[0]] * 100 + sum(tens.get(p, ones.get(p, 0)) for p in parts[1:])


def _holiday_date(code: str, year: int) -> date:
    if code.startswith("EASTER"):
        # The Gregorian computus (anonymous algorithm), then the offset of Good Friday or Easter Monday.
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        ll = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * ll) // 451
        month, day = divmod(h + ll - 7 * m + 114, 31)
        return date(year, month, day + 1) + timedelta(days=int(code[6:] or 0))
    if code.startswith("OEASTER"):
        # The Julian computus, then the Julian calendar's lag behind the Gregorian in that century.
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        lag = year // 100 - year // 400 - 2
        return date(year, month, day + 1) + timedelta(days=lag + int(code[7:] or 0))
    month_s, rule = code.split("-")
    month = int(month_s)
    rule, plus, days_after = rule.partition("+")
    if plus:  # "11-TH4+1": Black Friday, the day after Thanksgiving
        return _holiday_date(f"{month_s}-{rule}", year) + timedelta(days=int(days_after))
    if rule.isdigit():
        return date(year, month, int(rule))
    if rule == "ELECTION":  # the Tuesday after the first Monday
        first_monday = date(year, month, 1) + timedelta(days=(0 - date(year, month, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(rule[:2])
    if rule[2] == "L":
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1) + timedelta(days=(weekday - date(year, month, 1).weekday()) % 7)
    return first + timedelta(weeks=int(rule[2]) - 1)


_NTH = {
    "first": "1",
    "1st": "1",
    "second": "2",
    "2nd": "2",
    "third": "3",
    "3rd": "3",
    "fourth": "4",
    "4th": "4",
    "last": "L",
    "final": "L",
}


def _k_holiday(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    if g.get("nth"):
        # "the first Sunday of October", "the last Friday in June": built as the holidays so defined are
        weekday = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][lex("weekday", g["weekday"])]
        code = f"{lex('month', g['month']):02d}-{weekday}{_NTH[g['nth'].lower()]}"
    else:
        code = lex("holiday", g["holiday"])
    pod = lex("pod", g["pod"]) if g.get("pod") else None
    if g.get("year"):
        return _holiday_day(_holiday_date(code, int(g["year"])), pod, bool(g.get("weekend")))
    rel = (g.get("wrel") or "").lower()
    options = [_holiday_date(code, y) for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)]
    if rel == "last" or (not rel and tense() == "past"):
        pick = max((d for d in options if d < anchor.day), default=options[0])
    elif rel == "next" or (not rel and tense() in ("future", "scheduled")):
        pick = min((d for d in options if d > anchor.day), default=options[-1])
    elif rel == "this":
        pick = options[1]
    else:
        pick = min(options, key=lambda d: abs((d - anchor.day).days))
    return _holiday_day(pick, pod, bool(g.get("weekend")))


def _holiday_day(d: date, pod: str | None, weekend: bool) -> Resolved:
    """The holiday's day, a part of it ("Christmas morning"), or the weekend it falls in or next to ("the
    Easter weekend", "the Thanksgiving weekend": the one from its Saturday to Sunday)."""
    if not weekend:
        return _day(d, pod)
    # The nearest Saturday and Sunday: Easter's own, the one before a Monday ("the Labor Day weekend"), the
    # one after a Thursday ("the Thanksgiving weekend").
    w = d.weekday()
    if w == 6:
        sat = d - timedelta(days=1)
    elif 5 - w <= w + 1:
        sat = d + timedelta(days=5 - w)
    else:
        sat = d - timedelta(days=w + 2)
    return _shifted(sat, "weekend", 0, None)


def _k_year_end(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    year = int(g["year"]) if g.get("year") else anchor.day.year
    if not g.get("year") and anchor.day.month < 3 and tense() == "past":
        year -= 1  # "at year-end" told in January or February is the year just ended
    return _day(date(year, 12, 31))


def _k_weekend(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    """ "over the weekend": the last one (this one on a Saturday or Sunday), or the next in the future."""
    day = anchor.day
    if tense() == "future":
        sat = day + timedelta(days=(5 - day.weekday()) % 7)
    else:
        sat = day - timedelta(days=(day.weekday() - 5) % 7)
    lo, hi = to_minutes(sat), to_minutes(sat + timedelta(days=2))
    return Resolved(_week(sat) + "-WE", "DATE", lo, hi, "weekend", None, sat)


def _k_century(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    n = int(g["n"]) if g.get("n") else int(lex("day_ordinal", g["word"]))
    if not 1 <= n <= 21:
        return None
    first = (n - 1) * 100
    mod = _mod_code(g.get("mod"))
    lo, hi = _narrow(to_minutes(date(max(first, 1), 1, 1)), to_minutes(date(first + 100, 1, 1)), mod)
    return Resolved(f"{n - 1:02d}", "DATE", lo, hi, "century", mod, date(max(first, 1), 1, 1))


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def _k_decade(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    if not g.get("year"):
        spelled = (g.get("spelled_decade") or "").lower()
        digit = _DECADE_WORDS.index(spelled) + 2 if spelled else int(g.get("digit") or g["digit2"])
        # The last decade with that digit to have begun by the anchor: "the '80s" written in 1998 or 2025.
        century = anchor.day.year // 100
        if century * 100 + digit * 10 > anchor.day.year:
            century -= 1
        g = {**g, "year": str(century * 10 + digit)}
    first = int(g["year"]) * 10
    mod = _mod_code(g.get("mod"))
    if first % 100 == 0 and first < 2000 and g.get("year"):
        # "the 1800s", "the early 1900s": the hundred years, not their first ten. (The 2000s are told as
        # the decade: the century has a name, "this century", that they are seldom used for.)
        lo, hi = _narrow(to_minutes(date(first, 1, 1)), to_minutes(date(first + 100, 1, 1)), mod)
        return Resolved(f"{first // 100:02d}", "DATE", lo, hi, "century", mod, date(first, 1, 1))
    lo, hi = _narrow(to_minutes(date(first, 1, 1)), to_minutes(date(first + 10, 1, 1)), mod)
    return Resolved(g["year"], "DATE", lo, hi, "decade", mod, date(first, 1, 1))


def _quarter_ended(day: date, today: date | None) -> bool:
    """Whether the calendar quarter of `day` has ended by `today` (when today is unknown, assume it has)."""
    if today is None:
        return True
    year, q = _quarter_of(day)
    return date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) <= today


def _k_quarter(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    det = re.sub(r"\s+", " ", (g.get("det") or g.get("det2") or "").lower())
    if g.get("period") and g.get("year"):
        q = anchor.quarter[1] if anchor.quarter else _quarter_of(anchor.day - timedelta(days=45))[1]
        return _quarter(int(g["year"]), q)
    if g.get("quarter") or g.get("quarter2"):
        q = int(lex("ordinal_quarter", g.get("quarter") or g["quarter2"]))
        if g.get("year"):
            return _quarter(int(g["year"]), q)
        if g.get("yrel"):  # "the first quarter of next year"
            return _quarter(anchor.day.year + {"next": 1, "last": -1}.get(g["yrel"].lower(), 0), q)
        if "year-earlier" in det or "year-ago" in det:
            year = anchor.day.year - 1
            if date(year + 1, 3 * q - 2, 1) > anchor.day:
                year -= 1  # the year-ago quarter of a quarter not yet begun
            return _quarter(year, q)
        return _quarter(_part_year(anchor.day, det, tense, 3 * q - 2), q)
    if g.get("rel"):  # "last quarter", "next quarter": counted from the quarter the anchor day is in
        year, q = _quarter_of(anchor.day)
        step = -1 if g["rel"].lower() == "last" else 1
        year, q = year + (q - 1 + step) // 4, (q - 1 + step) % 4 + 1
        return _quarter(year, q)
    # "the quarter", "the latest quarter": the one being reported, which has usually just ended.
    which = re.sub(r"\s+", " ", (g.get("which") or g.get("which2") or "").lower())
    year, q = anchor.quarter or _quarter_of(anchor.day - timedelta(days=45))
    if which == "current":
        year, q = _quarter_of(anchor.day)
    elif which in ("previous", "past"):
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    elif which in ("year-earlier", "year-ago"):
        year -= 1
    return _quarter(year, q)


# "the quarter", "the latest quarter": the period an earnings report is about, which a later "a year ago"
# compares with; not "the year-ago quarter" or "last quarter", which are derived from it or from the date.
_REPORTED_QUARTER = frozenset(["", "latest", "current", "most recent", "just-ended", "just-completed"])


def _reporting_quarter(rule_name: str, groups: dict[str, str]) -> bool:
    if rule_name != "quarter_ref" or groups.get("rel") or groups.get("det2"):
        return False
    return re.sub(r"\s+", " ", (groups.get("which") or "").lower()) in _REPORTED_QUARTER


def _k_quarter_abbrev(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense
) -> Resolved | None:
    if not g.get("qh") and not g.get("qh2") and not g.get("qh3"):  # "FY2026", "FY26"
        return _year(int(g["year"]) if len(g["year"]) == 4 else 2000 + int(g["year"]), None)
    letter = (g.get("qh") or g.get("qh2") or g["qh3"]).upper()
    n = int(g.get("n") or g.get("n2") or g["n3"])
    if letter == "H" and n > 2:
        return None
    year_s = g.get("year") or g.get("year2") or g.get("year3")
    if year_s and len(year_s) == 2:  # "2Q25"; "1Q99" written in 1999 or 2025 is 1999
        year_s = str(2000 + int(year_s) if 2000 + int(year_s) <= anchor.day.year + 10 else 1900 + int(year_s))
    first_month = 3 * n - 2 if letter == "Q" else 6 * n - 5
    year = int(year_s) if year_s else _part_year(anchor.day, "", tense, first_month)
    if letter == "Q":
        return _quarter(year, n)
    return _k_half({"half": "first" if n == 1 else "second", "year": str(year)}, f, anchor, tense)


def _k_half(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    word = (g.get("half") or g.get("halfq") or g.get("half2") or g["half3"]).lower()
    n = 1 if word == "first" else 2
    rel = re.sub(r"\s+", " ", (g.get("rel") or g.get("det2") or g.get("det") or "").lower())
    year = int(g["year"]) if g.get("year") else _part_year(anchor.day, rel, tense, 6 * n - 5)
    first = date(year, 6 * n - 5, 1)
    end = date(year + (n == 2), 7 if n == 1 else 1, 1)
    return Resolved(f"{year:04d}-H{n}", "DATE", to_minutes(first), to_minutes(end), "half", None, first)


def _k_season(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    g = dict(g)
    if g.get("season2"):
        g["season"], g["year"] = g["season2"], g.get("year2", "")
    code = lex("season", g["season"])
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if g.get("year"):
        year = int(g["year"])
    elif g.get("spelled"):
        year = _spelled_year(g["spelled"])
    elif g.get("rel"):
        shift = lex("rel", re.sub(r"\s+", " ", g["rel"].lower()))
        year = anchor.day.year + shift

        # "last spring" is the latest spring over by the anchor day, "next spring" the first to begin after
        # it, "this winter" the one under way in January (December to February is one winter).
        def bounds(y: int) -> tuple[date, date]:
            end_month = start_month + 3
            return date(y, start_month, 1), date(y + (end_month > 12), (end_month - 1) % 12 + 1, 1)

        years = range(anchor.day.year - 2, anchor.day.year + 2)
        if shift < 0:
            year = max(y for y in years if bounds(y)[1] <= anchor.day)
        elif shift > 0:
            year = min(y for y in years if bounds(y)[0] > anchor.day)
        else:
            year = next((y for y in years if bounds(y)[0] <= anchor.day < bounds(y)[1]), anchor.day.year)
    else:
        year = _year_for(anchor.day, start_month, 1, tense)
    first = date(year, start_month, 1)
    last_month = start_month + 3
    end = date(year + (last_month > 12), (last_month - 1) % 12 + 1, 1)
    mod = _mod_code(g.get("mod"))
    lo, hi = _narrow(to_minutes(first), to_minutes(end), mod)
    return Resolved(f"{year:04d}-{code}", "DATE", lo, hi, "season", mod, first)


# The resolver of each rule kind for calendar dates and named periods.
DATE_KINDS: dict[str, Kind] = {
    "date": _k_date,
    "days_around": _k_days_around,
    "weekday_week": _k_weekday_week,
    "decade": _k_decade,
    "century": _k_century,
    "season": _k_season,
    "quarter": _k_quarter,
    "half": _k_half,
    "quarter_abbrev": _k_quarter_abbrev,
    "holiday": _k_holiday,
    "weekend": _k_weekend,
    "year_end": _k_year_end,
    "numeric_date": _k_numeric_date,
    "day_of_month": _k_day_of_month,
}
