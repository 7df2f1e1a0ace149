"""Plain, typed data that flows through the pipeline: articles, time mentions, events, relations, timelines.

Every stage is a pure function from one of these to the next; none of them holds a clock, a terminal or a
file handle. Times on the internal axis are minutes (floats, so that +-inf can mean "unbounded") counted from
1970-01-01 00:00 on the article's local clock, so that timelines of several articles share one axis;
`Reference` converts between that axis and real datetimes.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

INF = math.inf
EPOCH = datetime(1970, 1, 1)


class AnchorKind(StrEnum):
    """What a time expression's value was computed from (the two-phase design of HeidelTime)."""

    ABSOLUTE = "absolute"  # the text names the date fully: "4 July 2025"
    PUBLICATION = "publication"  # relative to the article's publication: "yesterday", "on Thursday"
    SPEECH = "speech"  # relative to when a quote was said: "yesterday" inside Friday's quote
    PREVIOUS = "previous"  # relative to the last time mentioned: "the next day", "two days later"
    NONE = "none"  # durations and sets: not a point on the time line


class Modality(StrEnum):
    """Whether the text says an event happened."""

    ASSERTED = "asserted"
    REPORTED = "reported"  # somebody says it happened (said, according to, a quote)
    PLANNED = "planned"  # will, plans to, is expected to
    POSSIBLE = "possible"  # may, might, could
    NEGATED = "negated"  # did not, never


class RelType(StrEnum):
    BEFORE = "BEFORE"
    AFTER = "AFTER"
    SIMULTANEOUS = "SIMULTANEOUS"
    INCLUDES = "INCLUDES"
    IS_INCLUDED = "IS_INCLUDED"


def to_minutes(moment: datetime | date) -> float:
    """A naive local datetime (or a date, at its midnight) as minutes on the axis."""
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return (moment.replace(tzinfo=None) - EPOCH).total_seconds() / 60.0


def to_datetime(minutes: float) -> datetime | None:
    """The naive local datetime at `minutes` on the axis, or None for an open bound (or one beyond the years
    1-9999 a datetime can hold)."""
    if math.isinf(minutes) or math.isnan(minutes):
        return None
    try:
        return EPOCH + timedelta(minutes=minutes)
    except OverflowError:
        # Past the calendar's end (year 9999): an open bound, as far as any output can say.
        return None


_INSERTED = re.compile(r"\[[^\]]*\]")


def written(title: str) -> str:
    """A title without the words put into it in brackets ("[Alexei Navalny] fell ill" -> " fell ill"):
    what the article itself says there. Two titles are compared on these: a name the pipeline inferred
    for a pronoun is no evidence that two rows tell one happening."""
    return _INSERTED.sub("", title)


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. `published` may be a date, an aware or naive datetime, or unknown; a string is
    parsed as `timeline.parse_published` does (ValueError when it is not a date)."""

    id: str
    text: str
    published: date | datetime | None = None
    source: str | None = None
    title: str | None = None
    # Where the publication time came from: "given" (--published / the input record), "dateline", or None.
    published_from: str | None = None

    def __post_init__(self) -> None:
        # `published` may be given as a string ("2025-07-04", "July 4, 2025"), as parse_text takes it: it is
        # parsed here, so that a wrong one is a clear error now, not an AttributeError deep in the parse.
        if isinstance(self.published, str):
            from newsline.published import parse_published

            try:
                value = parse_published(self.published)
            except ValueError as exc:
                raise ValueError(f"Article {self.id!r}: published: {exc}") from None
            object.__setattr__(self, "published", value)
        elif self.published is not None and not isinstance(self.published, date):
            raise TypeError(
                f"Article {self.id!r}: published must be a date, a datetime, a string such as "
                f"'2025-07-04' or None, not {type(self.published).__name__}"
            )


@dataclass(slots=True)
class Reference:
    """The reference time of one article: its publication day on a local clock.

    When the publication date is unknown, `known` is False and `day` is a stand-in whose weekday was
    inferred from the text; values anchored on it are then reported relative to publication, never as
    absolute dates.
    """

    day: date
    known: bool
    tz: tzinfo | None = None
    moment: datetime | None = None  # the publication instant, when the input gave a clock time
    weekday_inferred: bool = False

    @property
    def midnight(self) -> float:
        """The reference day's start on the axis."""
        return to_minutes(datetime(self.day.year, self.day.month, self.day.day))

    def to_datetime(self, minutes: float) -> datetime | None:
        return to_datetime(minutes)

    def day_offset(self, minutes: float) -> int | None:
        """Whole days between the reference day and the day containing `minutes`."""
        if math.isinf(minutes):
            return None
        return math.floor((minutes - self.midnight) / 1440.0)

    def iso(self, minutes: float) -> str | None:
        """ISO 8601 local time (with the UTC offset when a time zone is known)."""
        moment = self.to_datetime(minutes)
        if moment is None:
            return None
        if self.tz is not None:
            return moment.replace(tzinfo=self.tz).isoformat(timespec="minutes")
        return moment.isoformat(timespec="minutes")


@dataclass(slots=True)
class TimeMention:
    """A time expression found in an article, TIMEX3-like.

    `value` is the TimeML value ("2025-07-03", "2025-07-03TNI", "P1D", "PAST_REF", "XXXX-WXX-4").
    `lo`/`hi` bound the interval it denotes on the reference axis (minutes, +-inf when open); durations
    and sets have none. `rel_days` is the day relative to the publication day, when the value is tied to it.
    """

    article: str
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    rule: str
    anchor: AnchorKind
    granularity: str | None = None  # year, month, week, day, part_of_day, hour, minute, vague
    mod: str | None = None
    lo: float = -INF
    hi: float = INF
    rel_days: int | None = None
    quantity: float | None = None  # a duration's length in minutes, when it has one
    sentence: int = -1


@dataclass(slots=True)
class Mention:
    """One place in one article where an event is told."""

    article: str
    sentence: int
    trigger: tuple[int, int]
    text: str  # the source sentence
    clause: tuple[int, int]  # the clause's character span, used for the title and for time attachment
    sentence_start: int = -1  # where the sentence starts in the article (-1: unknown); see language.excerpt


@dataclass(slots=True)
class Event:
    """Something that happened (or is said, planned or feared to happen), with its sources and time."""

    id: str
    title: str
    trigger: str  # the trigger word(s) of the first mention
    kind: str  # the event class from the trigger lexicon: attack, call, statement, ...
    mentions: list[Mention]
    actors: list[str] = field(default_factory=list)
    place: str | None = None
    speaker: str | None = None
    modality: Modality = Modality.ASSERTED
    time: TimeMention | None = None  # the expression that dates it
    time_source: str | None = None  # "same clause", "speech time", "coreference", ...
    lo: float = -INF  # tightened bounds of the event's start after propagation
    hi: float = INF
    end_lo: float = -INF
    end_hi: float = INF
    rank: int = 0
    nominal: bool = False
    # not a row of the table: a bare attribution, a fragment, a frame, a state (the JSON keeps it)
    minor: bool = False


@dataclass(slots=True)
class Relation:
    """An event-event relation found in the text; `gap` bounds (minutes) how far apart the points are."""

    source: str  # event id
    target: str  # event id
    type: RelType
    signal: str
    article: str
    gap: tuple[float, float] = (0.0, INF)
    point: str = "end-start"  # which points the gap is measured between: "end-start" or "start-start"


@dataclass(slots=True)
class Timeline:
    """The result: events ordered by rank, with the articles, relations and time mentions behind them."""

    articles: list[Article]
    events: list[Event]
    relations: list[Relation]
    time_mentions: list[TimeMention]
    references: dict[str, Reference]
    warnings: list[str] = field(default_factory=list)
    # Whether events that nothing orders share a rank (an entity timeline, `newsline.entity.ties`); else
    # ranks are 1..n.
    ties: bool = False
