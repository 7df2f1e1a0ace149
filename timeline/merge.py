"""Many timelines, one: the same event told by several articles becomes one event with every source."""

from __future__ import annotations

import copy
import functools
import math
import re

from timeline.build import order
from timeline.model import Article, Event, Modality, Reference, Timeline, TimeMention


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
    if t is None or math.isinf(t.lo) or math.isinf(t.hi) or t.hi - t.lo > 3 * DAY:
        return range(0)
    return range(math.floor(t.lo / DAY), math.floor((t.hi - 1e-6) / DAY) + 1)


def _lemma(e: Event) -> str:
    return e.trigger.lower().rstrip("s")[:5]


def same_event(a: Event, b: Event) -> bool:
    """Two articles tell one event: same class, compatible times (both precise to a few days), and
    shared actors or a similar title."""
    if a.kind != b.kind or a.mentions[0].article == b.mentions[0].article or not _overlap(a, b):
        return False
    if a.modality != b.modality and Modality.ASSERTED not in (a.modality, b.modality):
        return False
    last = _surnames(tuple(a.actors)) & _surnames(tuple(b.actors))
    wa, wb = _words(a.title), _words(b.title)
    similar = len(wa & wb) / max(1, min(len(wa), len(wb)))
    # The same word for the happening ("unveiled" / "unveils") makes shared actors enough.
    if last and _lemma(a) == _lemma(b):
        return True
    return (bool(last) and similar >= 0.3) or similar >= 0.6


def merge(timelines: list[Timeline]) -> Timeline:
    """One timeline from many. The result does not depend on the order of `timelines`, and merging a
    timeline with itself (or with a part of it) changes nothing: an event already present is recognised
    by its sources, an article already present is not counted twice."""
    timelines = sorted(timelines, key=lambda t: [a.id for a in t.articles])
    if len(timelines) == 1:
        return timelines[0]
    # The inputs stay as they were: merging moves mentions between events and renames relation ends.
    timelines = copy.deepcopy(timelines)
    articles: list[Article] = []
    seen_articles: set[str] = set()
    refs: dict[str, Reference] = {}
    mentions: list[TimeMention] = []
    seen_mentions: set[tuple[str, int, int]] = set()
    grew = False  # whether any timeline after the first adds an article, an event or a source
    for n, t in enumerate(timelines):
        for a in t.articles:
            if a.id not in seen_articles:
                seen_articles.add(a.id)
                articles.append(a)
                grew = grew or n > 0
        refs.update({k: v for k, v in t.references.items() if k not in refs})
        for m in t.time_mentions:
            if (m.article, m.start, m.end) not in seen_mentions:
                seen_mentions.add((m.article, m.start, m.end))
                mentions.append(m)
    warnings: list[str] = []  # recomputed by order() over the merged events
    events: list[Event] = []
    by_source: dict[tuple[str, int, int], Event] = {}
    # Only events of one class whose precise times share a day can be one event: index them so.
    by_day: dict[tuple[str, int], list[int]] = {}
    alias: dict[str, str] = {}
    for n, t in enumerate(timelines):
        for e in sorted(t.events, key=lambda e: e.id):
            keys = [(m.article, m.trigger[0], m.trigger[1]) for m in e.mentions]
            target = next((by_source[k] for k in keys if k in by_source), None)
            if target is None:
                candidates = sorted({n for d in _days(e) for n in by_day.get((e.kind, d), [])})
                target = next((events[n] for n in candidates if same_event(events[n], e)), None)
            if target is None:
                grew = grew or n > 0
                for d in _days(e):
                    by_day.setdefault((e.kind, d), []).append(len(events))
                events.append(e)
                for k in keys:
                    by_source[k] = e
                continue
            alias[e.id] = target.id
            for m, k in zip(e.mentions, keys, strict=True):
                if k not in by_source:
                    by_source[k] = target
                    target.mentions.append(m)
                    grew = True
            for actor in e.actors:
                if actor not in target.actors:
                    target.actors.append(actor)
            if (
                e.time is not None
                and target.time is not None
                and (e.time.hi - e.time.lo) < (target.time.hi - target.time.lo)
            ):
                target.time = e.time  # the most specific time wins
    if not grew:
        # Nothing new (the same timeline again, or a part of it): the first one as it was.
        return timelines[0]
    relations = []
    seen = set()
    for t in timelines:
        for r in t.relations:
            r.source, r.target = alias.get(r.source, r.source), alias.get(r.target, r.target)
            key = (r.source, r.target, r.type, r.point, r.gap)
            if r.source != r.target and key not in seen:
                seen.add(key)
                relations.append(r)
    order(events, relations, refs, None, None, warnings)
    return Timeline(articles, events, relations, mentions, refs, warnings)
