"""Time expressions: recognition by rules kept as data (rules/time.toml), then resolution against anchors.

Recognition yields a `Candidate`: a span, the rule that fired and its named groups. Resolution turns it into
a `TimeMention` with a TIMEX3 value and an interval, given the anchor the rule asks for: the publication day,
the speech time of the quote it stands in, or the last time mentioned before it. The tense of the clause
decides between the past and the coming "Thursday".
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from newsline.language.text import Document, Sentence, is_target, lexicon, tense_near, token_tense
from newsline.model import INF, AnchorKind, Reference, TimeMention, to_minutes
from newsline.rules import load

DAY_MIN = 1440.0


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    type: str
    anchor: AnchorKind
    regex: re.Pattern[str]
    fields: dict[str, Any]
    examples: tuple[dict[str, Any], ...]
    order: int
    needs: tuple[str, ...] = ()


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str]


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


@cache
def data() -> dict[str, Any]:
    return load("time")


def _alternation(entries: list[str], capital: bool = False) -> str:
    # Longest first so that "the day before yesterday" wins over "yesterday".
    out = []
    for e in sorted(entries, key=len, reverse=True):
        body = re.escape(e).replace(r"\ ", r"\s+")
        if capital and e[:1].isalpha():
            body = f"(?-i:{e[0].upper()})" + re.escape(e[1:]).replace(r"\ ", r"\s+")
        out.append(body)
    return "|".join(out)


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order."""
    d = data()
    lexicons = {name: _alternation(list(words)) for name, words in d["lexicon"].items()}
    lexicons.update(
        {name.capitalize(): _alternation(list(words), capital=True) for name, words in d["lexicon"].items()}
    )
    out = []
    for i, r in enumerate(d["rule"]):
        pattern = re.sub(r"\{(\w+)\}", lambda m: "(?:" + lexicons[m.group(1)] + ")", r["pattern"])
        regex = re.compile(r"(?<![\w’'-])(?:" + pattern + r")(?!\w|-\w)", re.IGNORECASE)
        fields = {
            k: v
            for k, v in r.items()
            if k not in ("name", "kind", "type", "anchor", "pattern", "examples", "needs")
        }
        out.append(
            Rule(
                r["name"],
                r["kind"],
                r["type"],
                AnchorKind(r["anchor"]),
                regex,
                fields,
                tuple(r.get("examples", ())),
                i,
                tuple(r["needs"]) if "needs" in r else (),
            )
        )
    return tuple(out)


_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _needs_index() -> tuple[dict[str, int], tuple[tuple[str, ...], ...], tuple[re.Pattern[str] | None, ...]]:
    """What the rules need, compiled once: word -> bit mask of the distinct `needs` it satisfies, the
    distinct `needs` themselves, and for each a regex for its "digit" and "re:" parts (None if none).

    Words are matched as runs of letters, so "third-quarter" offers "third" and "quarter"."""
    d = data()
    stop = set(d["triggers"]["not_triggers"])
    keys = tuple(sorted({r.needs for r in rules() if r.needs}))
    word_mask: dict[str, int] = {}
    raws: list[re.Pattern[str] | None] = []
    for bit, needs in enumerate(keys):
        parts: list[str] = []
        for need in needs:
            if need == "digit":
                parts.append(r"\d")
            elif need.startswith("re:"):
                parts.append(need[3:])
            else:
                entries = d["lexicon"][need.strip("{}")] if need.startswith("{") else [need]
                for entry in entries:
                    for w in _LETTERS.findall(entry.lower()):
                        if len(w) > 1 and w not in stop:
                            word_mask[w] = word_mask.get(w, 0) | (1 << bit)
        raws.append(re.compile("|".join(parts)) if parts else None)
    return word_mask, keys, tuple(raws)


WINDOW = 60  # characters of context a rule may need on either side of a word it needs


def _merge(points: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    points.sort()
    out: list[tuple[int, int]] = []
    for s, e in points:
        a, b = max(0, s - WINDOW), min(size, e + WINDOW)
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def windows(text: str) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """For each distinct `needs` of the rules, the merged stretches of `text` around what it needs;
    every match of a rule lies inside one of its stretches."""
    word_mask, keys, raws = _needs_index()
    hits: list[list[tuple[int, int]]] = [[] for _ in keys]
    for m in _LETTERS.finditer(text):
        mask = word_mask.get(m.group().lower())
        while mask:
            bit = (mask & -mask).bit_length() - 1
            hits[bit].append(m.span())
            mask &= mask - 1
    for bit, raw in enumerate(raws):
        if raw is not None:
            hits[bit].extend(m.span() for m in raw.finditer(text))
    return {needs: _merge(hits[bit], len(text)) for bit, needs in enumerate(keys)}


_SECOND = frozenset(["t", "day", "month", "year"])
# "The following month" and "the year before" count from the last time mentioned, whatever its precision.
_COARSE = frozenset(["week", "month", "year", "decade"])


def _coarse_previous(mode: str | None, groups: dict[str, str], sentences_back: int) -> bool:
    """Whether a rule's week, month or year counts from any time named before, not only a day: always
    ("the year before"), or "near", when that time is in this or the previous sentence ("In 1988 ... A year
    later"; from further back "a year earlier" usually means the year before the period being reported)."""
    unit = (groups.get("unit") or groups.get("unit3") or "").lower().rstrip("s")
    if mode is None or unit not in _COARSE:
        return False
    return mode == "always" or (mode == "near" and sentences_back <= 1)


def recognise(text: str, everywhere: bool = False) -> list[Candidate]:
    """Every time expression in `text`: longest match wins, then the rule listed first.

    Each rule runs only in the windows around the words it needs (`windows`), which makes tagging
    several times faster on news text than running every rule over every character; `everywhere=True`
    runs them over all of it (the test suite checks both give the same result).
    """
    spans = {} if everywhere else windows(text)
    whole = [(0, len(text))]
    found: list[Candidate] = []
    for rule in rules():
        for a, b in spans.get(rule.needs, whole):
            # A match starts inside its window but may run past its end, and its lookaheads must see the
            # text after it: a window ending inside "weekend" offered "30 week" as a duration.
            for m in rule.regex.finditer(text, a, min(len(text), b + WINDOW)):
                if m.start() >= b:
                    break
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                span = "t2" if "t2" in groups else "t"
                if span == "t2":  # a rule's second alternative names its parts with a trailing 2
                    groups = {k[:-1] if k[:-1] in _SECOND else k: v for k, v in groups.items()}
                start, end = (m.start(span), m.end(span)) if "t" in groups else (m.start(), m.end())
                if end > start:
                    found.append(Candidate(start, end, rule, groups))
    found.sort(key=lambda c: (-(c.end - c.start), c.rule.order, c.start))
    taken: list[Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in found:
        # Non-overlapping spans kept sorted by start: a new span overlaps only its neighbours.
        i = bisect.bisect_left(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


# --------------------------------------------------------------------------------------------------------
# Resolution helpers


def _weekday_index(word: str) -> int:
    """Monday 0 ... Sunday 6, from the name or its abbreviation ("Mon", "Thurs.")."""
    key = word.lower().rstrip(".")
    table = data()["lexicon"]
    return int(table["weekday"].get(key, table["weekday_abbr"].get(key, 0)))


def lex(name: str, word: str) -> Any:
    table = data()["lexicon"][name]
    key = re.sub(r"\s+", " ", word.lower())
    return table[key]


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


def _weekday_date(anchor: date, weekday: int, tense: str | None) -> date:
    """The day with `weekday` that the tense points to: the past looks back, the future ahead, the anchor
    day itself when it is that weekday; without a tense, the nearer one (the past on a tie)."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if tense == "future":
        return anchor + timedelta(days=ahead)
    if tense == "past" or back <= ahead:
        return anchor - timedelta(days=back)
    return anchor + timedelta(days=ahead)


# How many days farther a year must be for the tense to lose: about seven months, or nine for a time
# adjunct ("Sales fell in September", written in July, is last September, ten months back).
WRONG_TENSE_DAYS = 210
WRONG_TENSE_DAYS_ADJUNCT = 270
_ADJUNCT_BEFORE = re.compile(r"(?<![\w-])(?:in|on|during)\s+(?:early\s+|late\s+|mid-?)?$", re.I)
_UNTIL_BEFORE = re.compile(r"(?<![\w-])(?:through|until|till|into)\s+$", re.I)
# A weekday at either end of a range of weekdays ("open Monday to Friday"), and the end of a sentence of a
# story's body (a headline has no full stop)
_WEEKDAY_JOIN_AFTER = re.compile(r"\s*(?:to|through|till|until|and|-|–)\s*[A-Z][a-z]+day\b")
_WEEKDAY_JOIN_BEFORE = re.compile(r"\b[A-Z][a-z]+day\s*(?:to|through|till|until|and|-|–)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s*$")
# "since Sunday", "ever since March": the time a state began, behind the story whatever the verb's tense
_SINCE_BEFORE = re.compile(r"(?<![\w-])since\s+(?:early\s+|late\s+|mid-?)?$", re.I)
# A past perfect just before a deadline ("it had been due to expire Friday") tells of a target already
# behind the story: the deadline words then do not point ahead.
_PLUPERFECT_BEFORE = re.compile(r"\bhad(?:n't|\s+not)?(?:\s+[\w'’-]+){1,5}\s+$", re.I)


def _year_for(anchor: date, month: int, day: int | None, tense: str | None, adjunct: bool = False) -> int:
    """The year of a "March 5" or "October" with no year: the clause's tense points back or ahead, unless
    that year is more than WRONG_TENSE_DAYS (WRONG_TENSE_DAYS_ADJUNCT for a time `adjunct`) farther than the
    other; without a past or future tense, the nearest."""
    options: list[tuple[int, int]] = []  # (signed distance in days, year)
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        month_end = calendar.monthrange(year, month)[1]
        if day is not None and day > month_end:
            continue  # "February 29" only in leap years
        first = date(year, month, day or 1)
        last = date(year, month, day or month_end)
        if first <= anchor <= last:
            return year
        signed = (first - anchor).days if first > anchor else (last - anchor).days
        options.append((signed, year))
    if not options:
        return anchor.year
    nearest = min(options, key=lambda o: abs(o[0]))
    if tense == "perfect":
        tense = "past"  # "has risen since March": a month the perfect tells of is behind
    elif tense == "scheduled":
        tense = "future"  # "the trial begins in March": a planned event is ahead
    if tense not in ("past", "future"):
        return nearest[1]
    # The tense decides, unless the year it points to is much farther away than the other: "the Jan. 14
    # deadline" in a past-tense sentence written on Jan. 6 is eight days ahead, not a year back.
    wrong = WRONG_TENSE_DAYS_ADJUNCT if adjunct else WRONG_TENSE_DAYS

    def cost(o: tuple[int, int]) -> int:
        agrees = (o[0] < 0) == (tense == "past")
        return abs(o[0]) + (0 if agrees else wrong)

    return min(options, key=cost)[1]


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


# --------------------------------------------------------------------------------------------------------
# One resolver per rule kind


def _k_date(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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
        return _day(_weekday_date(anchor.day, weekday, tense), pod, mod)
    return None


def _k_days_around(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None
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
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None
) -> Resolved | None:
    """ "a week on Monday", "Monday week": a week after the coming Monday; "a week last Monday" a week before
    the last one."""
    back = (g.get("wrel") or "").lower() == "last"
    word = g.get("weekday") or g.get("weekday2") or g["weekday3"]
    inner = _k_date({"weekday": word, "wrel": "last" if back else "next"}, f, anchor, tense)
    if inner is None or inner.day is None:
        return None
    return _day(inner.day + timedelta(days=-7 if back else 7))


def _year_of_weekday(anchor: date, month: int, day: int, weekday: int, guess: int) -> int:
    """ "Saturday, April 25" with no year: the year near `anchor` in which April 25 is a Saturday, the
    nearest to the tense's `guess` ("Saturday, April 25" written on April 24 is not last year's, whatever
    the tense). The guess stands when no nearby year has that weekday (a typo in the article)."""
    fits = []
    for year in (guess, anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            if date(year, month, day).weekday() == weekday:
                fits.append(year)
        except ValueError:
            continue
    return min(fits, key=lambda y: abs(y - guess)) if fits else guess


def _k_numeric_date(
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None
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
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None
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
    if tense in ("past", "perfect"):
        options = [d for d in options if d <= anchor.day] or options
        best = max(options)
    elif tense in ("future", "scheduled"):
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


def _k_holiday(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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
    if rel == "last" or (not rel and tense == "past"):
        pick = max((d for d in options if d < anchor.day), default=options[0])
    elif rel == "next" or (not rel and tense in ("future", "scheduled")):
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


def _k_year_end(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    year = int(g["year"]) if g.get("year") else anchor.day.year
    if not g.get("year") and tense == "past" and anchor.day.month < 3:
        year -= 1  # "at year-end" told in January or February is the year just ended
    return _day(date(year, 12, 31))


def _k_weekend(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    """ "over the weekend": the last one (this one on a Saturday or Sunday), or the next in the future."""
    day = anchor.day
    if tense == "future":
        sat = day + timedelta(days=(5 - day.weekday()) % 7)
    else:
        sat = day - timedelta(days=(day.weekday() - 5) % 7)
    lo, hi = to_minutes(sat), to_minutes(sat + timedelta(days=2))
    return Resolved(_week(sat) + "-WE", "DATE", lo, hi, "weekend", None, sat)


def _k_century(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    n = int(g["n"]) if g.get("n") else int(lex("day_ordinal", g["word"]))
    if not 1 <= n <= 21:
        return None
    first = (n - 1) * 100
    mod = _mod_code(g.get("mod"))
    lo, hi = _narrow(to_minutes(date(max(first, 1), 1, 1)), to_minutes(date(first + 100, 1, 1)), mod)
    return Resolved(f"{n - 1:02d}", "DATE", lo, hi, "century", mod, date(max(first, 1), 1, 1))


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


def _k_decade(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _part_year(anchor: date, det: str, tense: str | None, first_month: int) -> int:
    """The year of a part of a year named without one ("the fourth quarter", "last year's second half"):
    the determiner's year, else this year, or last year when a past-tense part has not begun yet (a
    "fourth quarter" that ended, told in January)."""
    if det.startswith("last year"):
        return anchor.year - 1
    if det.startswith("next year"):
        return anchor.year + 1
    if not det.startswith("this year") and tense == "past" and date(anchor.year, first_month, 1) > anchor:
        return anchor.year - 1
    return anchor.year


def _quarter(year: int, q: int) -> Resolved:
    first = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return Resolved(f"{year:04d}-Q{q}", "DATE", to_minutes(first), to_minutes(end), "quarter", None, first)


def _quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _quarter_ended(day: date, today: date | None) -> bool:
    """Whether the calendar quarter of `day` has ended by `today` (when today is unknown, assume it has)."""
    if today is None:
        return True
    year, q = _quarter_of(day)
    return date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) <= today


def _k_quarter(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    det = re.sub(r"\s+", " ", (g.get("det") or g.get("det2") or "").lower())
    if g.get("period") and g.get("year"):
        q = anchor.quarter[1] if anchor.quarter else _quarter_of(anchor.day - timedelta(days=45))[1]
        return _quarter(int(g["year"]), q)
    if g.get("quarter") or g.get("quarter2"):
        q = int(lex("ordinal_quarter", g.get("quarter") or g["quarter2"]))
        if g.get("year"):
            return _quarter(int(g["year"]), q)
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
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None
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


def _k_half(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    word = (g.get("half") or g.get("halfq") or g.get("half2") or g["half3"]).lower()
    n = 1 if word == "first" else 2
    rel = re.sub(r"\s+", " ", (g.get("rel") or g.get("det2") or g.get("det") or "").lower())
    year = int(g["year"]) if g.get("year") else _part_year(anchor.day, rel, tense, 6 * n - 5)
    first = date(year, 6 * n - 5, 1)
    end = date(year + (n == 2), 7 if n == 1 else 1, 1)
    return Resolved(f"{year:04d}-H{n}", "DATE", to_minutes(first), to_minutes(end), "half", None, first)


def _k_season(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_dayref(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    offset = int(f["dayref"]) if "dayref" in f else int(lex("dayref", g["dayref"]))
    pod = f.get("pod") or (lex("pod", g["pod"]) if g.get("pod") else None)
    if g.get("pod2"):
        pod = {"day": "MI", "morning": "MO", "afternoon": "AF"}[re.sub(r"^mid-?", "", g["pod2"].lower())]
    if "daytime" in g:  # "during the day"
        pod = "DT"
    if f.get("story_day") and pod == "NI" and not anchor.from_story and tense in ("past", "perfect"):
        offset -= 1  # "Sirens sounded during the night", no day named: the night before, as "overnight"
    if g.get("hours"):
        # "in the early hours" is the start of the story's day; what went on "into the small hours" of a
        # day named before ran past its midnight, to the start of the next.
        into = "into" in g and anchor.from_story
        return _day(anchor.day + timedelta(days=offset + into), None, "START")
    return _day(anchor.day + timedelta(days=offset), pod, _mod_code(g.get("mod")))


def _k_overnight(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    night_of = anchor.day if tense == "future" else anchor.day - timedelta(days=1)
    return _day(night_of, "NI")


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


def _k_shift(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_ago(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_ago_point(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_shift_day(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_duration(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_in_units(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
    if g.get("time") or tense in ("future", "scheduled"):
        return _k_ago({**g, "dir": "from now"}, f, Anchor(anchor.day, anchor.kind, anchor.granularity), tense)
    return _k_duration(g, f, anchor, tense)


def _k_set(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_ref(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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


def _k_clock(g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None) -> Resolved | None:
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
    d = _weekday_date(anchor.day, lex("weekday", weekday_word), tense) if weekday_word else anchor.day
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
    g: dict[str, str], f: dict[str, Any], anchor: Anchor, tense: str | None
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


KINDS: dict[str, Callable[[dict[str, str], dict[str, Any], Anchor, str | None], Resolved | None]] = {
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
    "numeric_date": _k_numeric_date,
    "day_of_month": _k_day_of_month,
}


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


# --------------------------------------------------------------------------------------------------------
# The tagger


def tag(
    doc: Document, article_id: str, ref: Reference, speech_days: dict[int, date] | None = None
) -> list[TimeMention]:
    """Every time mention of `doc`, resolved.

    `speech_days` maps a quote's index in `doc.quotes` to the day its words were said; expressions inside
    that quote anchor there. Relative expressions of the "previous" kind anchor on the last day-precise
    mention before them (a week, month or year on any dated mention, as the rule's `coarse_previous`
    says), falling back to the publication day.
    """
    speech_days = speech_days or {}
    out: list[TimeMention] = []
    last: Anchor | None = None
    last_any: Anchor | None = None
    last_any_sentence = -1
    last_quarter: tuple[int, tuple[int, int]] | None = None
    last_sentence = -1
    last_day: tuple[int, date] | None = None  # the last day named as a whole day, for "overnight"
    # The last date with its year stated, outside quotes, when that year is not the publication's: a
    # story told in the past ("On April 3, 2011, ... In May, ...") goes on in that year.
    story_year: tuple[int, date] | None = None
    publication = Anchor(ref.day, AnchorKind.PUBLICATION)
    dayless_clocks: set[int] = set()  # indexes in `out` of clock times that name no day of their own
    for cand in recognise(doc.text):
        rule = cand.rule
        if rule.kind == "none":
            continue
        anchor = publication
        kind = rule.anchor
        if rule.kind == "clock" and any(cand.groups.get(k) for k in _NAMED_DAY):
            # A clock time that names its day ("4 a.m. Friday", "10 a.m. tomorrow") is placed as the day
            # alone is: from publication, or from when a quote was spoken.
            kind = AnchorKind.PUBLICATION
        quote_index = doc.quote_index(cand.start)  # a binary search: a scan was quadratic in quotes
        if kind == AnchorKind.PUBLICATION and quote_index is not None:
            kind = AnchorKind.SPEECH
            anchor = Anchor(speech_days.get(quote_index, ref.day), AnchorKind.SPEECH)
        sent = doc.sentence_at(cand.start)
        sent_index = sent.index
        any_previous = rule.fields.get("any_previous") or _coarse_previous(
            rule.fields.get("coarse_previous"), cand.groups, sent_index - last_any_sentence
        )
        if kind == AnchorKind.PREVIOUS and rule.kind == "overnight":
            if last_day is not None and sent_index - last_day[0] <= 1:
                # The night before a day named in its own sentence or the one before ("closed lower
                # Friday. ... overnight losses in New York"); a night or an hour is no such day.
                anchor = Anchor(last_day[1], kind, from_story=True)
            else:
                # No day near: the night before publication (or before the quote was spoken), said so.
                kind = AnchorKind.PUBLICATION
                if quote_index is not None:
                    kind = AnchorKind.SPEECH
                    anchor = Anchor(speech_days.get(quote_index, ref.day), AnchorKind.SPEECH)
        elif (
            kind == AnchorKind.PREVIOUS
            and rule.fields.get("near_previous")
            and (last is None or sent_index - last_sentence > 1)
        ):
            # "Later in the day" far from any day named: the story's main day, which the events' narrative
            # time finds better than the last day named or publication would
            continue
        elif kind == AnchorKind.PREVIOUS and any_previous:
            # "that year", "the year before": any dated mention will do, a bare "1988" too
            anchor = last_any or anchor
        elif (
            kind == AnchorKind.PREVIOUS
            and last is not None
            and (rule.kind != "clock" or last_sentence == sent_index)
        ):
            # A clock time takes a day named in its own sentence; otherwise it is on the story's day.
            anchor = last
        recent_quarter = last_quarter[1] if last_quarter and sent_index - last_quarter[0] <= 3 else None
        adjunct = _ADJUNCT_BEFORE.search(doc.text, max(0, cand.start - 20), cand.start) is not None
        anchor = Anchor(
            anchor.day, anchor.kind, anchor.granularity, recent_quarter, adjunct, anchor.from_story
        )
        if rule.fields.get("not_in_play") and _play_re().search(sent.text):
            continue  # "left in the fourth quarter": a period of a game
        if rule.fields.get("not_past") and _past_beside(sent, cand.start, cand.end):
            continue  # "was soon released": shortly after a past event, no time of its own
        tense = tense_near(doc, cand.start, cand.end)
        target = is_target(doc, cand.start)
        since = _SINCE_BEFORE.search(doc.text, max(0, cand.start - 16), cand.start) is not None
        if (
            target
            and cand.groups.get("weekday")
            and not any(cand.groups.get(k) for k in ("month", "day", "year", "rel"))
            and not _PLUPERFECT_BEFORE.search(doc.text, max(0, cand.start - 50), cand.start)
        ):
            # A deadline named by its weekday alone ("postponed until Tuesday morning") is the coming one:
            # a target already passed would be given its date, or told in the past perfect.
            tense = "future"
        elif (
            tense in ("past", "perfect", "present", None)
            and cand.groups.get("weekday")
            and not any(cand.groups.get(k) for k in ("month", "day", "year", "rel", "wrel"))
            and _planned_before(doc, cand.start, cand.end)
        ):
            tense = "future"  # "Protesters planned a rally on Saturday": the plan's day is ahead
        elif since:
            tense = "past"
        elif (
            tense == "scheduled"
            and cand.groups.get("weekday")
            and not any(cand.groups.get(k) for k in ("month", "day", "year", "rel", "wrel"))
            and _SENTENCE_END.search(sent.text)
            # a range of weekdays ("open Monday to Friday") is the range pass's to place
            and not _WEEKDAY_JOIN_AFTER.match(doc.text, cand.end)
            and not _WEEKDAY_JOIN_BEFORE.search(doc.text, max(0, cand.start - 25), cand.start)
        ):
            # "The trial resumes on Wednesday." in a story's body is the coming Wednesday; a headline's
            # present ("Russia launches drones on Thursday", no full stop) tells the past
            tense = "future"
        elif tense in ("past", "perfect") and target:
            tense = None  # a deadline in a past clause ("extended to Nov. 20") is the nearer Nov. 20
        elif tense == "perfect" and _UNTIL_BEFORE.search(doc.text, max(0, cand.start - 12), cand.start):
            # A perfect holds now, so what it has made last "through January" runs on from now: the
            # nearer January, not the one behind ("has extended loans through January", in October).
            tense = None
        in_story_year = (
            story_year is not None
            and kind == AnchorKind.PUBLICATION
            and ((rule.kind == "date" and "month" in cand.groups) or rule.kind == "season")
            and not any(cand.groups.get(k) for k in ("year", "year2", "spelled", "yrel", "wrel", "rel"))
            and sent_index - story_year[0] <= 2
            and tense in ("past", "perfect")
        )
        if in_story_year and story_year is not None:
            # The nearer such month to the story's day: the tense of a past story says nothing about it.
            kind, tense = AnchorKind.PREVIOUS, None
            anchor = Anchor(story_year[1], kind, anchor.granularity, recent_quarter, adjunct, True)
        try:
            res = KINDS[rule.kind](cand.groups, rule.fields, anchor, tense)
            if (
                since
                and res is not None
                and res.day is not None
                and res.day > anchor.day
                and rule.kind == "date"
                and cand.groups.get("month")
                and not any(cand.groups.get(k) for k in ("year", "year2", "spelled", "yrel", "wrel"))
            ):
                # "has been closed since September", in July: the September behind, however near the next
                earlier = {**cand.groups, "year": str(res.day.year - 1)}
                res = KINDS[rule.kind](earlier, rule.fields, anchor, tense)
        except (ValueError, OverflowError):
            # Off the calendar ("1999 decades earlier" is year -17989): no date to give, and no reason to
            # lose the article over it.
            continue
        if res is None:
            continue
        value = res.value
        # A year the text states ("the summer of 2008", "the third quarter of 1998") needs no reference.
        stated_year = any(cand.groups.get(k) for k in ("year", "year2", "spelled"))
        rel_days = None
        if (
            res.day is not None
            and kind != AnchorKind.ABSOLUTE
            and not stated_year
            and res.granularity in ("day", "part_of_day", "minute")
        ):
            rel_days = (res.day - ref.day).days
        if not ref.known and kind != AnchorKind.ABSOLUTE and not stated_year and not in_story_year:
            fixed_holiday = rule.kind == "holiday" and re.fullmatch(
                r"\d\d-\d\d", str(lex("holiday", cand.groups["holiday"]))
            )
            textual = "month" in cand.groups or bool(fixed_holiday)
            value = underspecify(value, keep_month_day=textual)
        mention = TimeMention(
            article=article_id,
            start=cand.start,
            end=cand.end,
            text=doc.text[cand.start : cand.end],
            type=res.type,
            value=value,
            rule=rule.name,
            anchor=kind,
            granularity=res.granularity,
            mod=res.mod,
            lo=res.lo,
            hi=res.hi,
            rel_days=rel_days,
            quantity=res.quantity,
            sentence=sent.index,
        )
        out.append(mention)
        if (rule.kind in ("clock", "clock_words") or rule.name == "daylight") and not any(
            cand.groups.get(k) for k in _NAMED_DAY
        ):
            dayless_clocks.add(len(out) - 1)
        if (
            res.day is not None
            and (rule.name == "quarter" or _reporting_quarter(rule.name, cand.groups))
            and (tense in ("past", "perfect") or _quarter_ended(res.day, ref.day if ref.known else None))
        ):
            # A quarter still to end that is not told in the past ("will result in a fourth-quarter
            # charge", "no estimate of fourth-quarter results" in November) is not the one the results
            # are about, which "the latest quarter" and "a year ago" then refer to.
            last_quarter = (sent_index, (res.day.year, (res.day.month - 1) // 3 + 1))
        # A day outside quotes that is not only a thing's name: where the story is.
        story_day = (
            res.day is not None
            and quote_index is None
            and res.granularity in ("day", "part_of_day", "minute")
            and not _names_a_thing(doc.text, cand.start, cand.end)
        )
        if res.day is not None and quote_index is None and not in_story_year:
            # A day with its year stated sets the story's year; any other year the story moves to ("the
            # following year") ends it.
            if stated_year and story_day:
                story_year = (sent_index, res.day) if res.day.year != ref.day.year else None
            elif story_year is not None and res.day.year != story_year[1].year:
                story_year = None
        if res.day is not None and quote_index is None and res.granularity not in ("decade", "century"):
            last_any = Anchor(res.day, kind, from_story=True)
            last_any_sentence = sent_index
        if story_day and res.day is not None:
            last = Anchor(res.day, kind, from_story=True)
            last_sentence = sent_index
            if res.granularity == "day":
                last_day = (sent_index, res.day)
    out = _clock_on_day(doc.text, out, dayless_clocks)
    _ranges_past_midnight(doc.text, out)
    _weekday_ranges(doc, out)
    _year_carried_back(doc, out)
    _month_ranges(doc, out, ref.day)
    return out


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


def _past_beside(sent: Sentence, start: int, end: int) -> bool:
    """Whether the verb right beside [start, end) is in the past: a past auxiliary just before it ("was
    soon released") or a past form just after it ("soon became"). A modal before it ("may soon deploy")
    or a participle ("to be applied soon") is not."""
    tokens = sent.tokens
    i = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    before = tokens[i - 1] if i > 0 else None
    j = bisect.bisect_left(tokens, end, key=lambda t: t.start)
    after = tokens[j] if j < len(tokens) else None
    if before is not None and before.lower in lexicon()["auxiliaries_past"]:
        return True
    return after is not None and token_tense(after) == "past"


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


PLAN_REACH = 80  # characters between a plan verb and the weekday it governs


# Before a plan verb, words that make the plan an old one: "as (previously) planned", "had planned".
_OLD_PLAN = frozenset(["as", "had", "previously", "originally", "initially", "once"])
# After the weekday, words that end the plan's stretch of clause.
_STRETCH_END = frozenset(["and", "but", "while", "when", "after", "before", "because"])


def _planned_before(doc: Document, start: int, end: int) -> bool:
    """Whether a plan verb ("planned", "scheduled") governs the expression at [start, end) from before it, in
    the same stretch of clause (no comma, no other tensed word between): "planned a rally in the square on
    Saturday", not "planned the raid that killed 12 people on Saturday". A plan that a past verb after the
    expression undoes ("a service planned for Saturday was canceled") or an old one ("as planned") is not
    ahead."""
    sent = doc.sentence_at(start)
    lo = max(sent.start, start - PLAN_REACH)
    stop = max(doc.text.rfind(c, lo, start) for c in ',;:()"“”')
    lo = max(lo, stop + 1)
    plans = _plan_verbs()
    tokens = sent.tokens
    i = bisect.bisect_left(tokens, start, key=lambda t: t.start) - 1
    while i >= 0 and tokens[i].start >= lo:
        tok = tokens[i]
        if tok.lower in plans:
            if i > 0 and tokens[i - 1].lower in _OLD_PLAN:
                return False
            break
        if token_tense(tok) is not None:
            return False
        i -= 1
    else:
        return False
    hi = min((k for k in (doc.text.find(c, end, sent.end) for c in ",;:()") if k >= 0), default=sent.end)
    j = bisect.bisect_left(tokens, end, key=lambda t: t.start)
    while j < len(tokens) and tokens[j].start < hi and tokens[j].lower not in _STRETCH_END:
        if token_tense(tokens[j]) == "past":
            return False
        j += 1
    return True


@cache
@cache
def _play_re() -> re.Pattern[str]:
    words = sorted(lexicon()["play_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r"|led\s+by\s+\d+(?!\s*%))\b", re.I)


def _plan_verbs() -> frozenset[str]:
    return frozenset(lexicon()["plan_verbs"])


_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an|its|their|his|her|our|this|that)\s+$", re.I)
_NOUN_AFTER = re.compile(
    r",?\s+(?!(?:and|or|but|to|of|in|on|at|by|for|from|with|when|while|as|that|which|who|"
    r"is|was|were|are|has|had|have|will|would|after|before|until|since)\b)[a-z][a-z-]+"
)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether a date only names a thing ("the November 27 agreement", "the March 5 vote"): it says when
    that thing was, not where the story is, so "the following day" does not count from it."""
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 8), start)) and bool(
        _NOUN_AFTER.match(text, end)
    )
