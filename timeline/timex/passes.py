"""Passes over an article's resolved time mentions, after each was resolved alone: a clock time joined to
the day named after it, clock ranges past midnight, ranges of weekdays, and ranges of months (a year
carried back to the first month, a range that runs forward across the new year).

Reads and rewrites a list of `TimeMention`s in place (values and bounds), given the `Document`.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta

from newsline.language.text import Document, tense_near
from newsline.model import TimeMention, to_minutes
from newsline.timex.resolve import DAY_MIN

_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
_HAS_YEAR = re.compile(r"\d{4}")


def _month_pair(first: TimeMention, second: TimeMention) -> bool:
    """Whether two mentions of one sentence are each a month (YYYY-MM), the first without a year written."""
    return (
        first.granularity == "month"
        and second.granularity == "month"
        and first.sentence == second.sentence
        and _MONTH_VALUE.fullmatch(first.value) is not None
        and _MONTH_VALUE.fullmatch(second.value) is not None
        and not _HAS_YEAR.search(first.text)
    )


def _year_carried_back(doc: Document, mentions: list[TimeMention]) -> None:
    """The year that closes a range of months closes both ends ("from June to August 2024", "June-August
    2024"): the first month, which has none of its own, is in that year (the year before when it comes later
    in the calendar: "December to February 2025")."""
    text = doc.text
    for first, second in itertools.pairwise(mentions):
        if (
            not _month_pair(first, second)
            or not _HAS_YEAR.search(second.text)
            or not _RANGE_JOIN.fullmatch(text, first.end, second.start)
        ):
            continue
        month, end_year, end_month = int(first.value[5:7]), int(second.value[:4]), int(second.value[5:7])
        year = end_year if month <= end_month else end_year - 1
        shift = to_minutes(date(year, month, 1)) - to_minutes(date(int(first.value[:4]), month, 1))
        first.value = f"{year:04d}-{month:02d}{first.value[7:]}"
        first.lo += shift
        first.hi += shift


def _shift_month(m: TimeMention, years: int) -> None:
    year, month = int(m.value[:4]) + years, int(m.value[5:7])
    m.value = f"{year:04d}-{month:02d}{m.value[7:]}"
    span = to_minutes(date(year, month, 1)) - to_minutes(date(year - years, month, 1))
    m.lo += span
    m.hi += span


def _month_ranges(doc: Document, mentions: list[TimeMention], today: date) -> None:
    """A range of two months with no year ("from November to February", "Dec.-Feb.") runs forward: each
    month alone goes to the year its tense and distance give, which can put the end before the start. Then
    a past clause moves the start a year back, any other the end a year on. A past range that would end
    after publication ("The exhibition ran from May to August", in July) is the one a year before."""
    text = doc.text
    now = to_minutes(today)
    for first, second in itertools.pairwise(mentions):
        if (
            _month_pair(first, second)
            and not _HAS_YEAR.search(second.text)
            and first.lo <= second.lo
            and second.lo > now
            and _RANGE_JOIN.fullmatch(text, first.end, second.start)
            and _RANGE_OPEN.search(text, max(0, first.start - 20), first.start)
            and tense_near(doc, first.start, second.end) == "past"
        ):
            _shift_month(first, -1)
            _shift_month(second, -1)
            continue
        if (
            not _month_pair(first, second)
            or _HAS_YEAR.search(second.text)
            or second.lo >= first.lo
            or not _joined_as_range(text, first, second)
        ):
            continue
        back = tense_near(doc, first.start, second.end) in ("past", "perfect")
        if back:
            _shift_month(first, -1)
        else:
            _shift_month(second, 1)


_NAMED_DAY = ("weekday", "weekday2", "month", "month2", "dayref")
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|and|through|-|–|—)\s*$", re.I)
_CLOCK_ONLY = re.compile(r"[\d:.\s]+(?:[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,5}|local\s+time))?", re.I)


_ON_DAY = re.compile(r",?\s+(?:on|of)\s+(?:the\s+)?|\s+", re.I)
_DAY_PART_VALUE = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}T(MO|AF|EV|NI)")
_AM_PM = re.compile(r"\d\s*[ap]\.?m\b|morning|afternoon|evening|night|noon|midnight", re.I)
_DAY_VALUE = re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}")


def _clock_on_day(text: str, mentions: list[TimeMention], dayless: set[int]) -> list[TimeMention]:
    """A clock time followed by the day it is on, which no clock rule spells ("at midnight on Christmas
    Eve", "noon on New Year's Day", "at dawn on July 3"): one TIME on that day. Alone, the clock time went to
    the story's day and the day stood apart. A restatement in another zone in parentheses ("(0735 GMT)") is
    no clock time of its own (rule zone_restated), so the day after it goes to the local time."""
    out: list[TimeMention] = []
    skip = False
    for i, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            i in dayless
            and nxt is not None
            and i + 1 not in dayless
            and m.granularity == "minute"
            and nxt.granularity == "minute"
            and nxt.sentence == m.sentence
            and m.rel_days is not None
            and nxt.rel_days is not None
            and _RANGE_JOIN.fullmatch(text, m.end, nxt.start)
            and _DAY_VALUE.fullmatch(nxt.value[:10])
        ):
            # "from 6am to 9pm on Saturday": the start is on the end's day (the day before, when its clock
            # time is later: "from 10pm to 6am on Saturday" begins on Friday)
            days = nxt.rel_days - m.rel_days - (1 if m.value[10:] > nxt.value[10:] else 0)
            if days and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value[:10]):
                m.value = (date.fromisoformat(m.value[:10]) + timedelta(days=days)).isoformat() + m.value[10:]
            elif days:
                m.value = nxt.value[:10] + m.value[10:]
            m.lo += days * DAY_MIN
            m.hi += days * DAY_MIN
            m.rel_days += days
            out.append(m)
            continue
        if (
            i in dayless
            and nxt is not None
            and m.granularity in ("minute", "part_of_day")
            and (
                (nxt.type == "DATE" and nxt.granularity == "day" and _DAY_VALUE.fullmatch(nxt.value))
                # "11 o'clock on Monday night": the clock time in that part of the day
                or (
                    m.granularity == "minute"
                    and nxt.granularity == "part_of_day"
                    and _DAY_PART_VALUE.fullmatch(nxt.value) is not None
                )
            )
            and nxt.sentence == m.sentence
            and m.rel_days is not None
            and nxt.rel_days is not None
            and _ON_DAY.fullmatch(text, m.end, nxt.start)
        ):
            shift = (nxt.rel_days - m.rel_days) * DAY_MIN
            clock = m.value[10:]
            late = _DAY_PART_VALUE.fullmatch(nxt.value)
            if late and late.group(1) in ("AF", "EV", "NI") and not _AM_PM.search(m.text):
                hour = int(clock[1:3])
                if (late.group(1) != "NI" or hour >= 6) and hour < 12:  # "11 o'clock at night": 23:00
                    clock, shift = f"T{hour + 12:02d}{clock[3:]}", shift + 12 * 60
            if clock == "T00:00" and re.search(r"midnight", m.text, re.I):
                clock, shift = "T24:00", shift + DAY_MIN  # "midnight on Christmas Eve" ends that day
            out.append(
                TimeMention(
                    article=m.article,
                    start=m.start,
                    end=nxt.end,
                    text=text[m.start : nxt.end],
                    type="TIME",
                    value=nxt.value[:10] + clock,
                    rule=m.rule,
                    anchor=nxt.anchor,
                    granularity=m.granularity,
                    mod=m.mod,
                    lo=m.lo + shift,
                    hi=m.hi + shift,
                    rel_days=nxt.rel_days,
                    sentence=m.sentence,
                )
            )
            skip = True
            continue
        out.append(m)
    return out


def _ranges_past_midnight(text: str, mentions: list[TimeMention]) -> None:
    """A range of clock times that runs past midnight ("a curfew from 22:00 to 06:00", "from 10 p.m. until
    6 a.m."): its end, a bare clock time earlier than its start on the same day, is on the next day."""
    for first, second in itertools.pairwise(mentions):
        if (
            first.type != "TIME"
            or second.type != "TIME"
            or first.granularity != "minute"
            or second.granularity != "minute"
            or first.sentence != second.sentence
            or not _RANGE_JOIN.fullmatch(text, first.end, second.start)
            or not _CLOCK_ONLY.fullmatch(second.text)
            or second.value[:10] != first.value[:10]
            or second.value[11:] >= first.value[11:]
        ):
            continue
        if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", second.value):
            next_day = date.fromisoformat(second.value[:10]) + timedelta(days=1)
            second.value = next_day.isoformat() + second.value[10:]
        second.lo += DAY_MIN
        second.hi += DAY_MIN
        if second.rel_days is not None:
            second.rel_days += 1


_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+(?:(?:early|late)\s+)?$", re.I)
_WEEKDAY_RULES = frozenset(["weekday"])
_AND_JOIN = re.compile(r"\s*and\s*", re.I)


def _joined_as_range(text: str, first: TimeMention, second: TimeMention) -> bool:
    """Whether two time expressions are the ends of one range: "Monday to Friday", "June-August"; joined by
    "and" only after "between" ("Tuesday and Thursday" can be two days)."""
    if not _RANGE_JOIN.fullmatch(text, first.end, second.start):
        return False
    return not (
        _AND_JOIN.fullmatch(text, first.end, second.start)
        and not _RANGE_OPEN.search(text, max(0, first.start - 20), first.start)
    )


def _weekday_ranges(doc: Document, mentions: list[TimeMention]) -> None:
    """A range of two weekdays ("between Monday and Wednesday", "from Friday to Sunday") runs forward: each
    weekday alone goes to its nearer day, which can put the end before the start when publication falls
    inside the range. Then the range is the one the clause's tense points to (a present one holds now or
    lies ahead), else the one nearer the publication day (the past on a tie)."""
    text = doc.text
    for first, second in itertools.pairwise(mentions):
        if (
            first.rule not in _WEEKDAY_RULES
            or second.rule not in _WEEKDAY_RULES
            or first.sentence != second.sentence
            or first.rel_days is None
            or second.rel_days is None
            or second.rel_days >= first.rel_days
            or not _joined_as_range(text, first, second)
        ):
            continue
        ahead = (first.rel_days, second.rel_days + 7)  # the end moved a week on
        behind = (first.rel_days - 7, second.rel_days)  # the start moved a week back

        def gap(span: tuple[int, int]) -> int:
            return 0 if span[0] <= 0 <= span[1] else min(abs(span[0]), abs(span[1]))

        tense = tense_near(doc, first.start, second.end)
        if tense in ("future", "scheduled"):
            forward = True
        elif tense in ("past", "perfect"):
            forward = False
        elif tense == "present":
            forward = gap(behind) > 0  # "is closed from Saturday to Monday": now or ahead, not all behind
        else:
            forward = gap(ahead) < gap(behind)
        moved, days = (second, 7) if forward else (first, -7)
        if re.match(r"\d{4}-\d\d-\d\d", moved.value):
            day = date.fromisoformat(moved.value[:10]) + timedelta(days=days)
            moved.value = day.isoformat() + moved.value[10:]
        moved.lo += days * DAY_MIN
        moved.hi += days * DAY_MIN
        moved.rel_days = (moved.rel_days or 0) + days
