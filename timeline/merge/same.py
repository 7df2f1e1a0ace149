"""Many timelines, one: the same event told by several articles becomes one event with every source."""

from __future__ import annotations

import functools
import math
import re

from newsline.model import Event, Modality


@functools.lru_cache(maxsize=1 << 16)
def _words(title: str) -> frozenset[str]:
    # Cached: a large merge compares each title with many candidates, and rebuilding its word set every
    # time was most of the merge's cost (the part of a parallel run that the main process does alone).
    return frozenset(re.findall(r"[a-z]{4,}", title.lower()))


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
    shared actors or a similar title."""
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


