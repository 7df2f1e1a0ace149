"""The merge, one timeline at a time: the same happening told by several articles becomes one event with
all its sources.

`merge` is order-independent because it sorts its inputs (by their article ids) before folding them one
after the other. `Fold` is that loop, open: it takes the timelines one at a time, in that sorted order,
and keeps only the merge state, so a stream of articles (newsline.run.stream) merges in bounded memory.
What memory holds is the merged timeline itself plus the timeline being folded.

Reads Timelines; writes one Timeline (events re-ranked over the merged set).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from newsline.merge.packing import lighten
from newsline.merge.same import Side, _days, alike_sides, side
from newsline.model import Article, Event, Modality, Reference, Relation, Timeline, TimeMention
from newsline.order.solve import order

if TYPE_CHECKING:
    from newsline.merge.spill import SpilledTimeline, SpillFold


def merge(timelines: list[Timeline]) -> Timeline:
    """One timeline from many. The result does not depend on the order of `timelines`, and merging a
    timeline with itself (or with a part of it) changes nothing: an event already present is recognised
    by its sources, an article already present is not counted twice."""
    timelines = sorted(timelines, key=lambda t: [a.id for a in t.articles])
    if len(timelines) == 1:
        return timelines[0]
    # One loop for both: the streaming fold is this merge taken one timeline at a time.
    fold = Fold()
    # The inputs stay as they were: merging moves mentions between events and renames relation ends.
    for t in copy.deepcopy(timelines):
        fold.add(t)
    if not fold.grew:
        return timelines[0]  # nothing new (the same timeline again, or a part of it): the first as it was
    return fold.result()


class Fold:
    """`newsline.merge`, one timeline at a time: `add` each timeline in the order merge sorts them in (by
    the list of their article ids), then `result()` is `merge(all of them)`. The fold takes the timelines
    it is given (their events become the merged events); pass copies to keep the originals."""

    def __init__(self, light: bool = False) -> None:
        # light: the merged timeline will not need the mentions' texts (see `lighten`).
        self.light = light
        self.count = 0
        self._last: list[str] | None = None
        self._first: Timeline | None = None
        self._grew = False  # whether any timeline after the first adds an article, an event or a source
        self.articles: list[Article] = []
        self._seen_articles: set[str] = set()
        self.refs: dict[str, Reference] = {}
        self.mentions: list[TimeMention] = []
        self._seen_mentions: set[tuple[str, int, int]] = set()
        self.events: list[Event] = []
        self._by_source: dict[tuple[str, int, int], Event] = {}
        # Only events of one class whose precise times share a day can be one event: index them so.
        self._by_day: dict[tuple[str, int], list[int]] = {}
        # Each indexed event's side of the `alike` test, kept up to date as merges add actors: taking it
        # anew for every comparison was most of what the fold's candidate test cost.
        self._sides: dict[int, Side] = {}
        self._alias: dict[str, str] = {}
        # Relation ends are renamed once every alias is known, as merge does.
        self._relations: list[list[Relation]] = []

    def add(self, t: Timeline) -> None:
        """Fold one more timeline in; ValueError if it comes before the previous one in merge's order."""
        key = [a.id for a in t.articles]
        if self._last is not None and key < self._last:
            raise ValueError(f"Fold.add: {key[:1]} comes before {self._last[:1]}; sort the timelines first")
        self._last = key
        later = self.count > 0
        if not later:
            self._first = t
        self.count += 1
        for a in t.articles:
            if a.id not in self._seen_articles:
                self._seen_articles.add(a.id)
                self.articles.append(a)
                self._grew = self._grew or later
        self.refs.update({k: v for k, v in t.references.items() if k not in self.refs})
        for m in t.time_mentions:
            if (m.article, m.start, m.end) not in self._seen_mentions:
                self._seen_mentions.add((m.article, m.start, m.end))
                self.mentions.append(m)
        for e in sorted(t.events, key=lambda e: e.id):
            self._add_event(e, later)
        self._relations.append(t.relations)

    def _add_event(self, e: Event, later: bool) -> None:
        # The same steps as newsline.merge, in the same order, so the result is the same.
        events, by_source, by_day = self.events, self._by_source, self._by_day
        keys = [(m.article, m.trigger[0], m.trigger[1]) for m in e.mentions]
        target = next((by_source[k] for k in keys if k in by_source), None)
        if target is None:
            candidates = sorted({n for d in _days(e) for n in by_day.get((e.kind, d), [])})
            if candidates:
                target = self._first_same(e, [events[n] for n in candidates])
        if target is None:
            self._grew = self._grew or later
            days = _days(e)
            for d in days:
                by_day.setdefault((e.kind, d), []).append(len(events))
            if days:
                self._sides[id(e)] = side(e)
            events.append(e)
            for k in keys:
                by_source[k] = e
            return
        self._alias[e.id] = target.id
        for m, k in zip(e.mentions, keys, strict=True):
            if k not in by_source:
                by_source[k] = target
                if self.light:
                    lighten([m])  # it joins another event's mentions: never the first
                target.mentions.append(m)
                self._grew = True
        if not e.minor:
            target.minor = False  # a row wherever one of its sources is
        grown = False
        for actor in e.actors:
            if actor not in target.actors:
                target.actors.append(actor)
                grown = True
        if grown and id(target) in self._sides:
            self._sides[id(target)] = side(target)
        if (
            e.time is not None
            and target.time is not None
            and (e.time.hi - e.time.lo) < (target.time.hi - target.time.lo)
        ):
            target.time = e.time  # the most specific time wins

    def _first_same(self, e: Event, candidates: list[Event]) -> Event | None:
        """The first of `candidates` that `same_event` takes for `e`, tested faster: this is most of a
        large fold's time, which the main process spends alone. Every candidate comes from `e`'s kind and
        days in the index, so both times are precise (an indexed event's time can only become narrower)
        and the class is the same; what is left of `same_event` is tested here in its order, with `e`'s
        side of the comparison computed once."""
        assert e.time is not None  # e has days: its time is precise
        article, lo, hi, modality = e.mentions[0].article, e.time.lo, e.time.hi, e.modality
        mine: Side | None = None
        sides = self._sides
        for a in candidates:
            t = a.time
            if a.mentions[0].article == article or t is None or not (t.lo < hi and lo < t.hi):
                continue
            if a.modality != modality and Modality.ASSERTED not in (a.modality, modality):
                continue
            if mine is None:
                mine = side(e)
            if alike_sides(sides[id(a)], mine):
                return a
        return None

    @property
    def grew(self) -> bool:
        """Whether a timeline after the first added an article, an event or a source."""
        return self._grew

    def result(self) -> Timeline:
        """The merged timeline (call once: ranking it changes the merged events)."""
        if self._first is None:
            return Timeline([], [], [], [], {}, [])
        if not self._grew:
            # Nothing new (one timeline, or the same again, or a part of it): the first one as it was.
            return self._first
        relations: list[Relation] = []
        seen = set()
        for rels in self._relations:
            for r in rels:
                r.source = self._alias.get(r.source, r.source)
                r.target = self._alias.get(r.target, r.target)
                key = (r.source, r.target, r.type, r.point, r.gap)
                if r.source != r.target and key not in seen:
                    seen.add(key)
                    relations.append(r)
        warnings: list[str] = []  # recomputed by order() over the merged events
        order(self.events, relations, self.refs, None, None, warnings)
        return Timeline(self.articles, self.events, relations, self.mentions, self.refs, warnings)


def fold(timelines: Sequence[Timeline]) -> Timeline:
    """`merge(timelines)` through a `Fold` (on copies: the inputs stay as they were)."""
    f = Fold()
    for t in sorted(timelines, key=lambda t: [a.id for a in t.articles]):
        f.add(copy.deepcopy(t))
    return f.result()


def merge_loaded(
    loaders: Sequence[tuple[list[str], Callable[[], Timeline]]], spill: str | None = None
) -> Timeline | SpilledTimeline:
    """`merge` of timelines that are loaded one at a time: each is given as (its article ids, a function
    that loads it afresh), so only the merge state and the timeline being folded are held, not every
    input plus a copy of each (what `merge` holds). A loader may raise; its error stops the merge.
    With `spill` (a directory) the merge state is kept in a file there, as `parse_stream` does."""
    ordered = sorted(loaders, key=lambda x: x[0])  # stable, as merge's sort: the same order
    if len(ordered) == 1:
        return ordered[0][1]()
    if spill is not None:
        from newsline.merge.spill import SpillFold

        f: Fold | SpillFold = SpillFold(spill)
    else:
        f = Fold()
    for _, load in ordered:
        f.add(load())
    if not f.grew:
        return ordered[0][1]()  # as merge: the first timeline as it was, not the one the fold changed
    return f.result()
