"""The resolvers of expressions counted from their anchor, one per rule kind: "yesterday", "overnight",
"next week", "three days ago", durations, sets ("every Monday"), past/present/future references and clock
times.

Reads a match's named groups, its rule's fields, an `Anchor` and a tense. Writes a `Resolved`
(RELATIVE_KINDS).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from newsline.model import INF, to_minutes
from newsline.timex.recognise import data, lex
from newsline.timex.resolve import (
    DAY_MIN,
    Anchor,
    Kind,
    Resolved,
    Tense,
    _day,
    _day_bounds,
    _duration_value,
    _mod_code,
    _narrow,
    _number,
    _quarter,
    _quarter_of,
    _shifted,
    _unit_code,
    _unit_minutes,
)
from newsline.timex.tense import _weekday_date, _year_for


def _k_dayref(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    offset = int(f["dayref"]) if "dayref" in f else int(lex("dayref", g["dayref"]))
    pod = f.get("pod") or (lex("pod", g["pod"]) if g.get("pod") else None)
    if g.get("pod2"):
        pod = {"day": "MI", "morning": "MO", "afternoon": "AF"}[re.sub(r"^mid-?", "", g["pod2"].lower())]
    if "daytime" in g:  # "during the day"
        pod = "DT"
    if f.get("story_day") and pod == "NI" and not anchor.from_story and tense() in ("past", "perfect"):
        offset -= 1  # "Sirens sounded during the night", no day named: the night before, as "overnight"
    if g.get("hours"):
        # "in the early hours" is the start of the story's day; what went on "into the small hours" of a
        # day named before ran past its midnight, to the start of the next.
        into = "into" in g and anchor.from_story
        return _day(anchor.day + timedelta(days=offset + into), None, "START")
    return _day(anchor.day + timedelta(days=offset), pod, _mod_code(g.get("mod")))


def _k_overnight(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    night_of = anchor.day if tense() == "future" else anchor.day - timedelta(days=1)
    return _day(night_of, "NI")


def _k_shift(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    rel = re.sub(r"\s+", " ", (g.get("rel") or f["rel"]).lower())
    unit = (g.get("unit") or f["unit"]).lower()
    mod = _mod_code(g.get("mod") or g.get("mod2"))
    if rel in ("the past", "the coming", "the last", "past"):
        # "the past year" is a stretch of time that ends now: a duration.
        value = {
            "week": "P1W",
            "month": "P1M",
            "year": "P1Y",
            "weekend": "P2D",
            "decade": "P10Y",
            "century": "P100Y",
        }[unit]
        return Resolved(
            value,
            "DURATION",
            quantity=_unit_minutes(value[2:] if unit != "weekend" else "D") * (2 if unit == "weekend" else 1),
        )
    shift = int(lex("rel", rel))
    if rel == "this coming" and unit == "weekend" and anchor.day.weekday() < 5:
        shift = 0  # on a weekday, "this coming weekend" is this week's
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        first = (anchor.day.year // size + shift) * size
        lo, hi = _narrow(to_minutes(date(first, 1, 1)), to_minutes(date(first + size, 1, 1)), mod)
        return Resolved(str(first // size), "DATE", lo, hi, unit, mod, date(first, 1, 1))
    return _shifted(anchor.day, unit, shift, mod)


def _unit_bounds(d: date, unit: str) -> tuple[float, float]:
    """The day, week, month or year (by TIMEX3 unit code) that holds `d`, in minutes: what "a few weeks
    later" counts on from."""
    if unit.endswith("Y") or unit.endswith("Q"):
        return to_minutes(date(d.year, 1, 1)), to_minutes(date(d.year + 1, 1, 1))
    if unit.endswith("M"):
        first = date(d.year, d.month, 1)
        return to_minutes(first), to_minutes((first + timedelta(days=32)).replace(day=1))
    if unit.endswith("W"):
        monday = d - timedelta(days=d.weekday())
        return to_minutes(monday), to_minutes(monday + timedelta(days=7))
    return _day_bounds(d)


# An unknown time of a unit's size: a day, a week, a month, a year (TIMEX3 placeholders).
_UNKNOWN_OF_UNIT = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX"}


def _k_ago(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    res = _k_ago_point(g, f, anchor, tense)
    mod2 = re.sub(r"\s+", " ", (g.get("mod2") or "").lower())
    if res is None or res.value in ("PAST_REF", "FUTURE_REF") or mod2 not in _AGO_BOUNDS:
        return res
    # "more than four decades ago" is before that year, "less than a week ago" after that week's start and
    # by now; "more than a year later" after, "nearly two weeks ago" close to it
    direction = re.sub(r"\s+", " ", (g.get("dir") or f["dir"]).lower())
    back = direction in ("ago", "earlier", "before")
    side = _AGO_BOUNDS[mod2]
    if not back:
        side = {"BEFORE": "AFTER", "AFTER": "BEFORE"}.get(side, side)
    res.mod = side
    anchor_lo, anchor_hi = _day_bounds(anchor.day)
    if side == "BEFORE":
        res.lo, res.hi = (-INF, res.hi) if back else (anchor_lo, res.hi)
    elif side == "AFTER":
        res.lo, res.hi = (res.lo, anchor_hi) if back else (res.lo, INF)
    return res


_AGO_BOUNDS = {"more than": "BEFORE", "less than": "AFTER", "nearly": "APPROX", "almost": "APPROX"}


def _k_ago_point(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    num = _number(g.get("num") or f["num"])
    if (g.get("half") or g.get("half2")) and not isinstance(num, str):
        num += 0.5  # "a minute and a half later", "two and a half years earlier"
    unit = _unit_code(g.get("unit") or f["unit"])
    direction = re.sub(r"\s+", " ", (g.get("dir") or f["dir"]).lower())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    # "a week or so ago", "about three years ago": the day or period is a guess around the count's.
    mod2 = re.sub(r"\s+", " ", (g.get("mod2") or "").lower())
    approx = g.get("orso") or mod2 in ("about", "around", "some")
    mod = "APPROX" if approx else None
    if isinstance(num, str):
        # "a few days later", "several years ago": no count, but the side of the anchor is known, and a few
        # or several of a unit are fewer than ten. Told from a past time ("The bank failed on Monday. A few
        # days later ..."), the day is not after publication: an unknown day of the unit's kind, not
        # FUTURE_REF.
        lo, hi = _unit_bounds(anchor.day, unit)
        reach = 10 * _unit_minutes(unit)
        if reach >= DAY_MIN:
            reach = round(reach / DAY_MIN) * DAY_MIN  # whole days: the span ends at a midnight
        lo, hi = (hi, hi + reach) if sign > 0 else (lo - reach, lo)
        if not anchor.from_story:
            value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        else:
            value = _UNKNOWN_OF_UNIT.get(unit[-1], "XXXX")
        return Resolved(value, "DATE", lo, hi, "vague")
    minutes = _unit_minutes(unit) * num * sign
    if unit == "Y" and anchor.quarter is not None and float(num).is_integer():
        # "a year earlier" after "the third quarter" is that quarter a year before.
        return _quarter(anchor.quarter[0] + int(num) * sign, anchor.quarter[1])
    if unit == "Q":
        year, q = anchor.quarter or _quarter_of(anchor.day)
        total = year * 4 + (q - 1) + round(num) * sign
        return _quarter(total // 4, total % 4 + 1)
    if unit in ("H", "MIN", "S") or unit == "D":
        d = anchor.day + timedelta(days=round(minutes / DAY_MIN))
        return _day(d, None, mod)
    if unit.endswith("W"):
        return _shifted(anchor.day, "week", round(minutes / _unit_minutes("W")), mod)
    if unit.endswith("M"):
        return _shifted(anchor.day, "month", round(minutes / _unit_minutes("M")), mod)
    return _shifted(anchor.day, "year", round(minutes / _unit_minutes("Y")), mod)


def _k_shift_day(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    word = re.sub(r"\s+", " ", (g.get("dir") or g.get("dir2") or g.get("dir3") or "").lower())
    sign = -1 if word in ("previous", "preceding", "day before", "before", "prior") else 1
    unit = (g.get("unit") or g.get("unit3") or "day").lower()
    if unit in ("morning", "evening", "night"):
        pod = lex("pod", unit)
        return _day(anchor.day + timedelta(days=sign), pod)
    if unit == "day":
        # "the early hours of the next day": its start
        return _day(anchor.day + timedelta(days=sign), None, "START" if g.get("hours") else None)
    return _shifted(anchor.day, unit, sign, None)


_DURATION_MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "nearly": "EQUAL_OR_LESS",
    "almost": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "a minimum of": "EQUAL_OR_MORE",
    "a maximum of": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "roughly": "APPROX",
    "approximately": "APPROX",
}


def _k_duration(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    num_word = g.get("num") or g.get("num2")
    fixed = str(f.get("num", 1))
    num: float | str = _number(num_word) if num_word else (fixed if fixed == "X" else float(fixed))
    if g.get("ordinal"):  # "the third in as many days"
        num = float(lex("ordinal_count", g["ordinal"]))
    unit = _unit_code(g.get("unit") or g.get("unit2") or f.get("unit", ""))
    mod_word = g.get("mod") or g.get("mod2")
    mod = _DURATION_MODS.get(re.sub(r"\s+", " ", mod_word.lower())) if mod_word else None
    if g.get("range") and mod is None:
        # "12 to 18 months" is at least its lower end; "two or three days" is a guess around it.
        mod = "EQUAL_OR_MORE" if g["range"].lower() == "to" else "APPROX"
    half = g.get("half") or re.search(r"and\s+a\s+half\s*$", g.get("t", ""), re.I)
    if half and not isinstance(num, str):
        num = num + 0.5
    if isinstance(num, str) and num_word and num_word.lower() in ("a couple of", "a couple", "couple of"):
        mod = "APPROX"
    quantity = None if isinstance(num, str) else _unit_minutes(unit) * num
    value = _duration_value(num, unit)
    if g.get("unit_b") and not isinstance(num, str):
        # "1 hour 45 minutes", "two years and six months": one duration of both parts
        num_b = _number(g["num_b"])
        unit_b = _unit_code(g["unit_b"])
        if isinstance(num_b, str):  # "two hours and a few minutes": more than the first part
            return Resolved(value, "DURATION", mod=mod or "MORE_THAN", quantity=quantity)
        second = _duration_value(num_b, unit_b)
        bigger_first = _unit_minutes(unit_b) < _unit_minutes(unit)
        value = _add_durations(value, second) if bigger_first else _add_durations(second, value)
        quantity = (quantity or 0) + _unit_minutes(unit_b) * num_b
    return Resolved(value, "DURATION", mod=mod, quantity=quantity)


_DURATION_PARTS = re.compile(r"P((?:[\d.]+[YMWDQ])*)(?:T((?:[\d.]+[HMS])*))?")


def _add_durations(a: str, b: str) -> str:
    """Two TIMEX3 durations of different units as one: PT1H + PT45M is PT1H45M, P2Y + P6M is P2Y6M."""
    ma, mb = _DURATION_PARTS.fullmatch(a), _DURATION_PARTS.fullmatch(b)
    if not ma or not mb:
        return a
    date_part = (ma.group(1) or "") + (mb.group(1) or "")
    time_part = (ma.group(2) or "") + (mb.group(2) or "")
    return "P" + date_part + ("T" + time_part if time_part else "")


def _k_in_units(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    if g.get("time") or tense() in ("future", "scheduled"):
        return _k_ago({**g, "dir": "from now"}, f, Anchor(anchor.day, anchor.kind, anchor.granularity), tense)
    return _k_duration(g, f, anchor, tense)


def _k_set(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    if g.get("freq"):
        return Resolved(lex("freq", g["freq"]), "SET")
    wd = g.get("weekday") or g.get("weekday2") or g.get("weekday3")
    if wd:
        pod_word = g.get("pod") or (g.get("pod2") or "").rstrip("s")
        pod = f"T{lex('pod', pod_word)}" if pod_word else ""
        return Resolved(f"XXXX-WXX-{lex('weekday', wd) + 1}{pod}", "SET")
    if g.get("month"):
        return Resolved(f"XXXX-{lex('month', g['month']):02d}", "SET")
    if g.get("holiday"):  # "every Christmas": the day when fixed, else once a year
        code = str(lex("holiday", g["holiday"]))
        return Resolved(f"XXXX-{code}" if re.fullmatch(r"\d\d-\d\d", code) else "P1Y", "SET")
    if g.get("pod3"):  # "every night"
        return Resolved(f"XXXX-XX-XXT{lex('pod', g['pod3'])}", "SET")
    if g.get("season"):  # "each winter"
        return Resolved(f"XXXX-{lex('season', g['season'])}", "SET")
    if g.get("weekends") or g.get("weekends2"):
        return Resolved("XXXX-WXX-WE", "SET")
    if g.get("units"):
        word = re.sub(r"\s+", " ", g["num"].lower())
        vague = {"other": 2.0, "half": 0.5, "few": "X", "several": "X"}
        num = vague[word] if word in vague else _number(word)
        return Resolved(_duration_value(num, _unit_code(g["units"])), "SET")
    return Resolved(_duration_value(1, _unit_code(g["unit"])), "SET")


def _k_ref(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    if "value" in f:  # a rule that names its value ("will one day be")
        value = f["value"]
    else:
        table = "ref" if re.sub(r"\s+", " ", g["ref"].lower()) in data()["lexicon"]["ref"] else "ref_adj"
        value = lex(table, g["ref"])
    lo, hi = _day_bounds(anchor.day)
    if value == "PAST_REF":
        return Resolved(value, "DATE", -INF, hi, "vague")
    if value == "FUTURE_REF":
        return Resolved(value, "DATE", lo, INF, "vague")
    return Resolved(value, "DATE", lo, hi, "vague")


def _k_clock(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense) -> Resolved | None:
    if g.get("noon"):
        g = {**g, "hour": "0" if g["noon"].lower() == "midnight" else "12"}
    if g.get("minute2"):  # "17:00 CET": a 24-hour clock time known by its zone
        g = {**g, "hour": g["hour2"], "minute": g["minute2"]}
    elif g.get("hour2"):
        hour = int(g["hour2"]) % 12
        part = (g.get("part") or "").lower()
        if part in ("afternoon", "evening") or (g.get("night") and hour >= 6):
            hour += 12  # "10 at night" is 22:00, "2 at night" 02:00
        g = {**g, "hour": str(hour)}
    hour = int(g["hour"])
    minute = int(g.get("minute") or 0)
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    weekday_word = g.get("weekday") or g.get("weekday2") or g.get("weekday3") or g.get("weekday4")
    d = _weekday_date(anchor.day, lex("weekday", weekday_word), tense()) if weekday_word else anchor.day
    dayref = (g.get("dayref") or "").lower()
    if dayref:  # "10 a.m. tomorrow"; "10 p.m. tonight" is today's
        d = anchor.day + timedelta(days=0 if dayref == "tonight" else int(lex("dayref", dayref)))
    month_word, day_s = g.get("month") or g.get("month2"), g.get("day") or g.get("day2")
    if month_word and day_s:
        month = lex("month", month_word)
        try:
            year = int(g["year"]) if g.get("year") else _year_for(anchor.day, month, int(day_s), tense)
            d = date(year, month, int(day_s))
        except ValueError:
            return None
    day_named = bool(weekday_word or day_s or dayref)
    if g.get("noon") and g["noon"].lower() == "midnight" and day_named:
        hour = 24  # "midnight on Thursday" ends Thursday
    lo = to_minutes(d) + hour * 60 + minute
    approx = re.sub(r"\s+", " ", (g.get("approx") or "").lower())
    mod, hi = None, lo + 1
    if approx.endswith("before"):
        mod, lo, hi = "BEFORE", lo - 60, lo  # "shortly before": within the hour before
    elif approx.endswith("after"):
        mod, hi = "AFTER", lo + 60
    elif approx:
        mod, lo, hi = "APPROX", lo - 30, lo + 30
    return Resolved(f"{d.isoformat()}T{hour:02d}:{minute:02d}", "TIME", lo, hi, "minute", mod, d)


def _k_clock_words(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: Tense
) -> Resolved | None:
    word = g.get("h") or g["h2"]
    hour = int(word) if word.isdigit() else int(lex("clock_hour", word))
    minute = 0
    q = re.sub(r"\s+", " ", (g.get("q") or g.get("q2") or "").lower()).removesuffix(" minutes")
    if q:
        minute = 30 if q == "half" else 15 if q in ("quarter", "a quarter") else int(_number(q))
        if minute >= 60:
            return None
        if g.get("rel2"):  # "a quarter to five"
            hour, minute = hour - 1, 60 - minute
    part = (g.get("part") or "").lower()
    if (part in ("afternoon", "evening") or (g.get("night") and hour >= 6)) and hour < 12:
        hour += 12
    return _k_clock(
        {"hour": str(hour % 24), "minute": f"{minute:02d}", "approx": g.get("approx", "")}, f, anchor, tense
    )


# The resolver of each rule kind for expressions counted from their anchor, durations, sets and clock times.
RELATIVE_KINDS: dict[str, Kind] = {
    "dayref": _k_dayref,
    "overnight": _k_overnight,
    "shift": _k_shift,
    "ago": _k_ago,
    "shift_day": _k_shift_day,
    "duration": _k_duration,
    "in_units": _k_in_units,
    "set": _k_set,
    "ref": _k_ref,
    "clock": _k_clock,
    "clock_words": _k_clock_words,
}
