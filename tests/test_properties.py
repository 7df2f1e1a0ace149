"""Properties that must hold for any input: no crash, exact spans, dense ranks, well-formed TIMEX3 values,
weekdays resolved into the week before publication, yearless dates that follow the tense, and merging that
does not depend on order.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import newsline
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from newsline import Timeline
from newsline.timex.values import is_valid

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# fmt: off
NEWS_WORDS = [
    "Russia", "Ukraine", "Kyiv", "Trump", "Putin", "Zelensky", "officials", "said", "stated", "will",
    "launched", "attack", "drone", "drones", "strike", "killed", "injured", "call", "talks", "ended", "met",
    "meet", "may", "March", "May", "the", "a", "an", "of", "on", "in", "at", "by", "since", "until",
    "after", "before", "with", "and", "later", "earlier", "ago", "next", "last", "this", "past", "coming",
    "following", "previous", "day", "days", "week", "weeks", "month", "months", "year", "years", "hours",
    "hour-long", "two-day", "per", "every", "nightly", "daily", "overnight", "tonight", "yesterday",
    "today", "tomorrow", "morning", "evening", "night", "late", "early", "mid", "recently", "soon", "now",
    "summer", "winter", "1990s", "U.S.", "Gen.", "Dr.", "decade", "century", "quarter", "third", "first",
    "fiscal", "weekend", "over", "Christmas", "Easter", "Thanksgiving", "year-earlier", "half", "fortnight",
    "midweek", "small", "other", "midnight", "noon", "dawn", "time", "opens", "expires", "within", "minutes",
]
DATE_WORDS = [
    "July", "January", "Sept.", "Dec.", "4", "31", "2025", "2003", "1999", "12", "9:30", "a.m.", "p.m.",
    "20:00", "2025-07-03", "3rd", "28th", "2024/25", "2025/7/3", "2025.07.13", "1800s", "end-June",
    "twenty-first", "fifth",
]
NUMBERS = [
    "539", "476", "1,000", "11", "23", "0", "three", "five", "several", "few",
]
PUNCTUATION = [
    '"', "“", "”", "'", "’", ",", ".", ";", ":", "!", "?", "-", "(", ")", "\n", "\n\n",
]
# fmt: on
VOCABULARY = [*NEWS_WORDS, *WEEKDAYS, *DATE_WORDS, "4 am", *NUMBERS, *PUNCTUATION]

words = st.sampled_from(VOCABULARY)
news_text = st.lists(words, max_size=60).map(" ".join)
# Also glue words without spaces sometimes, and mix in arbitrary characters.
glued_text = st.lists(st.one_of(words, st.text(max_size=3)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=300), news_text, glued_text)
publication_day = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
published = st.one_of(st.none(), publication_day)

_DATE = (
    r"(?:\d{4}|XXXX)"
    r"(?:-(?:\d\d|XX)(?:-(?:\d\d|XX))?|-W(?:\d\d|XX)(?:-(?:WE|[1-7]))?|-(?:SP|SU|FA|WI)|-Q[1-4]|-H[12])?"
)
_TIME = r"T(?:MO|AF|EV|NI|MI|DT|\d\d:\d\d)"
_NUM = r"(?:\d+(?:\.\d+)?|X)"
# Q (quarters) as in TimeBank's own values ("the past two quarters" is P2Q).
_DURATION = rf"P(?:{_NUM}[YMWDQ])+(?:T(?:{_NUM}[HMS])+)?|PT(?:{_NUM}[HMS])+"
# "199" is the 1990s, "20" the 21st century, "10" the 11th; "XXX" a decade counted from an unknown day.
_DECADE = r"(?:[012]\d)\d?|XXX?"
_SET = r"XXXX-WXX-[1-7]"  # every Monday; "nightly" (XXXX-XX-XXTNI) is a date form
# The forms newsline writes: narrower than what TimeML allows (newsline.timexval.is_valid, which the gold
# is held to), so every value must pass both.
TIMEX_VALUE = re.compile(rf"{_DATE}(?:{_TIME})?|{_SET}|{_DECADE}|{_DURATION}|PAST_REF|PRESENT_REF|FUTURE_REF")


# "next decade" / "this century" without a publication date come out as digits computed from the stand-in
# day: a library bug pinned by test_time_rules.py::test_known_bug_relative_decade_without_publication.
KNOWN_BUG_GRANULARITIES = {"decade", "century"}


def check_invariants(text: str, tl: Timeline) -> None:
    ranks = [e.rank for e in tl.events]
    assert sorted(ranks) == list(range(1, len(ranks) + 1)), ranks
    assert len({e.id for e in tl.events}) == len(tl.events)
    for m in tl.time_mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text, (m.text, m.start, m.end)
    for e in tl.events:
        assert e.mentions
        for mention in e.mentions:
            start, end = mention.trigger
            assert 0 <= start < end <= len(text), (e.title, mention.trigger)


@SETTINGS
@given(text=any_text, pub=published)
def test_parse_never_raises(text: str, pub: date | None):
    tl = newsline.parse_text(text, published=pub)
    check_invariants(text, tl)
    d = newsline.to_dict(tl)
    assert d["schema"] == "newsline/1"
    newsline.to_json(tl)


@SETTINGS
@given(weekday=st.sampled_from(WEEKDAYS), pub=publication_day)
def test_past_weekday_is_in_the_week_before_publication(weekday: str, pub: date):
    text = f"Officials said the talks ended on {weekday}."
    tl = newsline.parse_text(text, published=pub)
    found = [m for m in tl.time_mentions if m.text == weekday]
    assert len(found) == 1, [(m.text, m.value) for m in tl.time_mentions]
    value = date.fromisoformat(found[0].value)
    assert pub - timedelta(days=6) <= value <= pub
    assert value.weekday() == WEEKDAYS.index(weekday)
    assert found[0].rel_days == (value - pub).days


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@SETTINGS
@given(month=st.integers(1, 12), day=st.integers(1, 28), pub=publication_day, future=st.booleans())
def test_a_yearless_date_follows_the_tense(month: int, day: int, pub: date, future: bool):
    """A past-tense "March 5" lies within the year before publication, or at most a few weeks after it
    (when the year before is far farther); a future one mirrors it."""
    verb = "will begin" if future else "began"
    text = f"The talks {verb} on {MONTHS[month - 1]} {day}."
    tl = newsline.parse_text(text, published=pub)
    found = [m for m in tl.time_mentions if m.text == f"{MONTHS[month - 1]} {day}"]
    assert len(found) == 1, [(m.text, m.value) for m in tl.time_mentions]
    offset = (date.fromisoformat(found[0].value) - pub).days
    if future:
        assert -78 <= offset < 366, offset
    else:
        assert -366 < offset <= 78, offset


@SETTINGS
@given(text=st.one_of(news_text, glued_text), pub=published)
@example(text="Christmas 2025", pub=None)  # a stated year needs no publication date
@example(text="next decade", pub=None)
def test_values_are_timex3(text: str, pub: date | None):
    tl = newsline.parse_text(text, published=pub)
    for m in tl.time_mentions:
        assert TIMEX_VALUE.fullmatch(m.value), (m.text, m.value, m.rule)
        assert is_valid(m.value), (m.text, m.value, m.rule)
        assert m.type in ("DATE", "TIME", "DURATION", "SET"), (m.text, m.type)
        # Without a publication date (given or from a dateline), relative values have no calendar part,
        # unless the expression states its year ("Christmas 2025", "the summer of 2008").
        unknown = tl.articles[0].published is None
        relative = m.anchor not in (newsline.AnchorKind.ABSOLUTE, newsline.AnchorKind.NONE)
        states_year = re.search(r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|nineteen|twenty|thousand", m.text, re.I)
        if unknown and relative and not states_year and m.granularity not in KNOWN_BUG_GRANULARITIES:
            assert not re.match(r"\d", m.value), (m.text, m.value, m.rule)


def test_timex_regex_accepts_the_documented_forms():
    good = [
        "2025",
        "2025-07",
        "2025-07-03",
        "2025-W28",
        "2025-W27-WE",
        "2025-SU",
        "2025-07-03TNI",
        "2025-07-04T09:30",
        "199",
        "20",
        "2025-Q3",
        "XXXX-Q3",
        "P1D",
        "PT1H",
        "PTXH",
        "P5Y",
        "P180D",
        "P2W",
        "P10Y",
        "P2.5D",
        "PAST_REF",
        "PRESENT_REF",
        "FUTURE_REF",
        "XXXX-XX-XX",
        "XXXX-XX-XXTMO",
        "XXXX-WXX",
        "XXXX-WXX-WE",
        "XXXX-WXX-4",
        "XXXX-XX-XXT09:30",
        "10",
        "XXX",
        "2025-H2",
        "XXXX-H1",
        "2025-07-03T24:00",
    ]
    bad = ["539", "2", "2025-Q5", "2025-7-3", "Thursday", "P", "PT", "2025-07-03TXX", "", "XXXX-PAST"]
    for v in good:
        assert TIMEX_VALUE.fullmatch(v), v
        assert is_valid(v), v
    for v in bad:
        assert not TIMEX_VALUE.fullmatch(v), v


ARTICLE_SENTENCES = [
    "Russia launched a drone assault on Kyiv overnight.",
    "Officials said the talks ended on Thursday.",
    "Trump confirmed Thursday's hour-long phone call with Putin.",
    "The first air raid alerts began yesterday.",
    "Zelensky spoke with Trump again on Friday morning.",
    "Late Thursday, Russian shelling killed five civilians near Pokrovsk.",
    "The leaders will meet next week.",
    "Drones hit Kyiv, officials said.",
    "Fires broke out across six districts.",
]
article = st.lists(st.sampled_from(ARTICLE_SENTENCES), min_size=1, max_size=6).map(" ".join)


@SETTINGS
@given(
    text_a=article,
    text_b=article,
    pub_a=published,
    pub_b=published,
)
def test_merge_does_not_depend_on_order(text_a: str, text_b: str, pub_a: date | None, pub_b: date | None):
    def a() -> Timeline:
        return newsline.parse_text(text_a, published=pub_a, id="alpha")

    def b() -> Timeline:
        return newsline.parse_text(text_b, published=pub_b, id="beta")

    ab = newsline.merge([a(), b()])
    ba = newsline.merge([b(), a()])
    assert newsline.to_dict(ab) == newsline.to_dict(ba)
    ranks = [e.rank for e in ab.events]
    assert sorted(ranks) == list(range(1, len(ranks) + 1))
