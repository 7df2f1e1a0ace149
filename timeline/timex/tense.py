"""Which way the clause's tense points: the tense that places an expression (corrected by the cues around
it: a deadline, a plan, "since", a weekday in a body's present), and the year or weekday that tense picks
for a date that names neither ("March 5", "Thursday", "the third quarter").

Reads a `Document` and a candidate's span. Writes a tense word, a year or a day.
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, timedelta
from functools import cache

from newsline.language.text import Document, Sentence, is_target, lexicon, tense_near, token_tense
from newsline.timex.recognise import Candidate
from newsline.timex.resolve import Tense


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


def _year_for(anchor: date, month: int, day: int | None, clause: Tense, adjunct: bool = False) -> int:
    """The year of a "March 5" or "October" with no year: the clause's tense points back or ahead, unless
    that year is more than WRONG_TENSE_DAYS (WRONG_TENSE_DAYS_ADJUNCT for a time `adjunct`) farther than the
    other; without a past or future tense, the nearest. The tense is not asked for when the anchor day
    falls within that month or day."""
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
    tense = clause()
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


def _part_year(anchor: date, det: str, tense: Tense, first_month: int) -> int:
    """The year of a part of a year named without one ("the fourth quarter", "last year's second half"):
    the determiner's year, else this year, or last year when a past-tense part has not begun yet (a
    "fourth quarter" that ended, told in January)."""
    if det.startswith("last year"):
        return anchor.year - 1
    if det.startswith("next year"):
        return anchor.year + 1
    if not det.startswith("this year") and date(anchor.year, first_month, 1) > anchor and tense() == "past":
        return anchor.year - 1
    return anchor.year


def _clause_tense(doc: Document, cand: Candidate, sent: Sentence) -> tuple[str | None, bool]:
    """The tense that places `cand` (past, future, ... or None for the nearest), and whether it follows
    "since": the clause's tense, corrected by the cues around the expression (a deadline, a plan, "since",
    a weekday told in a body's present)."""
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
    return tense, since


def _placing(doc: Document, cand: Candidate, sent: Sentence) -> tuple[str | None, bool]:
    """`_clause_tense` of `cand`, worked out once and kept on it: it depends on the clause, not on the
    anchor, and the article is resolved again against its quotes' speech days."""
    if cand.tense is None:
        cand.tense = _clause_tense(doc, cand, sent)
    return cand.tense


def _tense_of(doc: Document, cand: Candidate, sent: Sentence) -> Tense:
    """The tense that places `cand`, worked out only if a resolver or the tagger asks for it."""
    return lambda: _placing(doc, cand, sent)[0]


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
def _plan_verbs() -> frozenset[str]:
    return frozenset(lexicon()["plan_verbs"])
