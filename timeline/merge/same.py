"""Many timelines, one: the same event told by several articles becomes one event with every source."""

from __future__ import annotations

import functools
import math
import re
import zlib

from newsline.language.excerpt import excerpt
from newsline.model import Event, Mention, Modality, TimeMention, written


@functools.lru_cache(maxsize=1 << 16)
def _words(title: str) -> frozenset[str]:
    # Cached: a large merge compares each title with many candidates, and rebuilding its word set every
    # time was most of the merge's cost (the part of a parallel run that the main process does alone).
    return frozenset(re.findall(r"[a-z]{4,}", written(title).lower()))


@functools.lru_cache(maxsize=1 << 16)
def _surnames(actors: tuple[str, ...]) -> frozenset[str]:
    return frozenset(x.split()[-1].lower() for x in actors if x.split())


DAY = 1440.0


def _overlap(a: Event, b: Event) -> bool:
    """Both events have a time no wider than a few days, and the two share some of it: a vague time
    ("recently", "this year") says too little to tell two happenings apart."""
    if a.time is None or b.time is None:
        return False
    for t in (a.time, b.time):
        if math.isinf(t.lo) or math.isinf(t.hi) or t.hi - t.lo > 3 * DAY:
            return False
    return a.time.lo < b.time.hi and b.time.lo < a.time.hi


def _days(e: Event) -> range:
    """The days an event's time touches, when it is precise enough to merge on (else none)."""
    t = e.time
    return range(0) if t is None else day_span(t.lo, t.hi)


def day_span(lo: float, hi: float) -> range:
    """The days a time from `lo` to `hi` touches, when it is precise enough to merge on (else none)."""
    if math.isinf(lo) or math.isinf(hi) or hi - lo > 3 * DAY:
        return range(0)
    return range(math.floor(lo / DAY), math.floor((hi - 1e-6) / DAY) + 1)


def _lemma(e: Event) -> str:
    return e.trigger.lower().rstrip("s")[:5]


def same_event(a: Event, b: Event) -> bool:
    """Two articles tell one event: same class, compatible times (both precise to a few days), and
    shared actors or a similar title. (The fold merges an event into the first earlier event this holds
    for, or into one `told_the_same` when there is one.)"""
    if a.kind != b.kind or a.mentions[0].article == b.mentions[0].article or not _overlap(a, b):
        return False
    if a.modality != b.modality and Modality.ASSERTED not in (a.modality, b.modality):
        return False
    return alike(a, _surnames(tuple(b.actors)), _words(b.title), _lemma(b))


Side = tuple[frozenset[str], frozenset[str], str]


def side(e: Event) -> Side:
    """What `alike` compares of an event: its actors' surnames, its title's words, its trigger's lemma."""
    return _surnames(tuple(e.actors)), _words(e.title), _lemma(e)


def side_of(actors: list[str], title: str, trigger: str) -> Side:
    """`side` of an event given by its actors, title and trigger."""
    return _surnames(tuple(actors)), _words(title), trigger.lower().rstrip("s")[:5]


def alike(a: Event, surnames: frozenset[str], words: frozenset[str], lemma: str) -> bool:
    """The last test of `same_event`, against the other event's actors' surnames, title words and
    trigger lemma (taken once when one event is compared with many): shared actors or a similar title."""
    return alike_sides(side(a), (surnames, words, lemma))


def alike_sides(a: Side, b: Side) -> bool:
    """`alike` on two sides taken beforehand (a large merge compares each event with many)."""
    sa, wa, la = a
    sb, wb, lb = b
    last = sa & sb
    if not last and wa.isdisjoint(wb):
        return False  # nothing shared: neither test below can pass
    similar = len(wa & wb) / max(1, min(len(wa), len(wb)))
    # The same word for the happening ("unveiled" / "unveils") makes shared actors enough.
    if last and la == lb:
        return True
    return (bool(last) and similar >= 0.3) or similar >= 0.6


def told_the_same(a: Side, b: Side) -> bool:
    """Two `alike` events told in the same words: the same title words and trigger. Among the events an
    event could be merged into, such a one is taken before the first alike one: in eight copies of one
    article, "He added" was merged into "Trump said" of the same day, leaving "He added" on its own."""
    return a[1] == b[1] and a[2] == b[2]


# Events without a precise time ("undated", or as vague as "recently"): the day cannot tell two happenings
# apart, so the text must. Two such events are one happening told twice when they are of one class, as
# sure as each other (or one asserted), with the same time (none, or the same value), with titles of the
# same words (`telling_key`: order, case and inflection aside), told in the same sentence or by the same
# people; and their articles already share a happening with a precise time (the same story: the same
# words in two unrelated stories, "did not respond to a request for comment", are two happenings).

Told = tuple[str, frozenset[str]]


@functools.lru_cache(maxsize=1 << 16)
def telling_key(kind: str, title: str) -> Told:
    """The key under which an event without a precise time is looked up: its class and its title's words
    (lower case, each cut to five letters, so that "reports" and "reported" are one)."""
    return kind, frozenset(w[:5] for w in re.findall(r"[a-z]+", written(title).lower()))


def sentence_key(m: Mention) -> str:
    """A mention's sentence as `told_alike` compares it: its words in lower case (as the output gives
    the sentence: `newsline.language.excerpt`), or "" when it has fewer than five words (too short to tell one
    telling from another: "He added.")."""
    words = re.findall(r"\w+", excerpt(m).lower())
    return " ".join(words) if len(words) >= 5 else ""


def sentence_sign(m: Mention) -> int:
    """`sentence_key` as a number (CRC-32: the same in every process, unlike `hash`), 0 when it is ""."""
    key = sentence_key(m)
    return zlib.crc32(key.encode("utf-8")) or 1 if key else 0


def told_alike(
    sentence_a: int, surnames_a: frozenset[str], sentence_b: int, surnames_b: frozenset[str]
) -> bool:
    """The last test for two events without a precise time and with the same `telling_key`: the same
    sentence (`sentence_sign`, a number: what the merge on disk keeps in memory per event), or people in
    common."""
    return (sentence_a != 0 and sentence_a == sentence_b) or bool(surnames_a & surnames_b)


def same_time(a: TimeMention | None, b: TimeMention | None) -> bool:
    """Both without a time, or both with the same value ("PAST_REF")."""
    return (a is None and b is None) or (a is not None and b is not None and a.value == b.value)
