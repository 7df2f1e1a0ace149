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
from newsline.merge.same import (
    Side,
    Told,
    _days,
    _surnames,
    alike_sides,
    same_time,
    sentence_sign,
    side,
    telling_key,
    told_alike,
    told_the_same,
)
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
        # Events without a precise time, by `telling_key` (see newsline.merge.same: only the text can tell
        # which are one happening), each with its sentence and its people's surnames.
        self._told: dict[Told, list[tuple[int, int, frozenset[str]]]] = {}
        self._story: set[str] = set()  # see `_story_of`
        self._signs: dict[int, int] = {}  # id(event) -> sentence_sign of its first mention
        self._before = 0
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
        self._story = self._story_of(t)
        self._before = len(self.events)  # the events of timelines folded before this one
        for e in sorted(t.events, key=lambda e: e.id):
            self._add_event(e, later)
        self._story = set()
        self._relations.append(t.relations)

    def _add_event(self, e: Event, later: bool) -> None:
        # The same steps as newsline.merge, in the same order, so the result is the same.
        events, by_source, by_day = self.events, self._by_source, self._by_day
        keys = [(m.article, m.trigger[0], m.trigger[1]) for m in e.mentions]
        target = next((by_source[k] for k in keys if k in by_source), None)
        days = _days(e)
        told = None if days else telling_key(e.kind, e.title)
        if target is None and days:
            candidates = sorted({n for d in days for n in by_day.get((e.kind, d), [])})
            if candidates:
                target = self._first_same(e, [events[n] for n in candidates])
        elif target is None and told in self._told:
            target = self._first_told(e, self._told[told])
        if target is None:
            self._grew = self._grew or later
            for d in days:
                by_day.setdefault((e.kind, d), []).append(len(events))
            if days:
                self._sides[id(e)] = side(e)
            elif told is not None:
                entry = (len(events), sentence_sign(e.mentions[0]), _surnames(tuple(e.actors)))
                self._told.setdefault(told, []).append(entry)
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
        """The first of `candidates` that `same_event` takes for `e` (one told in the same words and
        sentence, or failing that in the same words, when there is one: `told_the_same`), tested faster:
        this is most of a large fold's time, which the main process spends alone. Every candidate comes
        from `e`'s kind and days in the index, so both times are precise (an indexed event's time can only
        become narrower) and the class is the same; what is left of `same_event` is tested here in its
        order, with `e`'s side of the comparison computed once."""
        assert e.time is not None  # e has days: its time is precise
        article, lo, hi, modality = e.mentions[0].article, e.time.lo, e.time.hi, e.modality
        mine: Side | None = None
        best: Event | None = None
        best_tier = 0
        my_sentence: int | None = None
        sides = self._sides
        for a in candidates:
            t = a.time
            if a.mentions[0].article == article or t is None or not (t.lo < hi and lo < t.hi):
                continue
            if a.modality != modality and Modality.ASSERTED not in (a.modality, modality):
                continue
            if mine is None:
                mine = side(e)
            theirs = sides[id(a)]
            if alike_sides(theirs, mine):
                # The same words in the same sentence, then the same words, then the first alike one.
                tier = 1
                if told_the_same(theirs, mine):
                    tier = 2
                    if my_sentence is None:
                        my_sentence = sentence_sign(e.mentions[0])
                    if self._sentence(a) == my_sentence != 0:
                        return a
                if tier > best_tier:
                    best, best_tier = a, tier
        return best

    def _sentence(self, e: Event) -> int:
        # Only for the fold's own events, which stay alive (an id is not reused while they do).
        sign = self._signs.get(id(e))
        if sign is None:
            sign = self._signs[id(e)] = sentence_sign(e.mentions[0])
        return sign

    def _first_told(self, e: Event, candidates: list[tuple[int, int, frozenset[str]]]) -> Event | None:
        """The first of `candidates` (events without a precise time, with `e`'s telling key) that is the
        same happening as `e` (newsline.merge.same, `told_alike`), from an article of the same story."""
        article, modality = e.mentions[0].article, e.modality
        mine: tuple[int, frozenset[str]] | None = None
        for n, sentence, surnames in candidates:
            if n >= self._before:
                break  # an event of this same timeline: only earlier ones are its story's other tellings
            a = self.events[n]
            if a.mentions[0].article == article or not same_time(a.time, e.time):
                continue
            if a.modality != modality and Modality.ASSERTED not in (a.modality, modality):
                continue
            if mine is None:
                mine = (sentence_sign(e.mentions[0]), _surnames(tuple(e.actors)))
            if told_alike(sentence, surnames, *mine) and a.mentions[0].article in self._story:
                return a
        return None

    def _story_of(self, t: Timeline) -> set[str]:
        """The articles folded before that tell the same story as `t`: those with an event of a precise
        time that one of `t`'s is merged into (by `_first_same`). Found before `t`'s events are added, and
        only when one of them without a precise time has candidates (else it is not needed)."""
        if not any(not _days(e) and telling_key(e.kind, e.title) in self._told for e in t.events):
            return set()
        story = set()
        for e in t.events:
            candidates = sorted({n for d in _days(e) for n in self._by_day.get((e.kind, d), [])})
            if candidates:
                found = self._first_same(e, [self.events[n] for n in candidates])
                if found is not None:
                    story.add(found.mentions[0].article)
        return story

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
