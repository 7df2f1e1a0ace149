"""Ranks: a topological order of the relations, ties broken by each event's bounds and its place in the
text. The one ranking of the project: per article, over a merged timeline, and on disk (group by group).

Reads events with bounds and relations; writes each event's `rank`.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta

from newsline.model import INF, Event, Relation, RelType

DAY = 1440.0


def related_groups(
    events: list[Event], relations: list[Relation]
) -> tuple[dict[str, list[Event]], dict[str, list[Relation]]]:
    """The events that relations connect, group by group (keyed by a member's id), and each group's
    relations (those whose two ends are events)."""
    parent = {e.id: e.id for e in events}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    linked = [r for r in relations if r.source in parent and r.target in parent]
    for r in linked:
        parent[find(r.source)] = find(r.target)
    groups: dict[str, list[Event]] = {}
    for e in events:
        groups.setdefault(find(e.id), []).append(e)
    rels: dict[str, list[Relation]] = {}
    for r in linked:
        rels.setdefault(find(r.source), []).append(r)
    return groups, rels


def order_key(e: Event) -> tuple[float, float, float, int]:
    lo, hi = e.lo, e.hi
    if math.isinf(lo) and math.isinf(hi):
        mid = INF
    elif e.time is None and not math.isinf(lo):
        mid = lo  # placed only by what it follows: soon after that
    elif math.isinf(lo):
        mid = -INF
    elif math.isinf(hi):
        # what is known only to come after the telling ("soon", "in the future") comes after what the
        # story tells of that day; another open end ("since Monday", after an event) starts where it can
        mid = lo + DAY if e.time is not None and e.time.value == "FUTURE_REF" else lo
    else:
        mid = (lo + hi) / 2
    return (mid, hi, lo, e.mentions[0].trigger[0])


def placed(e: Event) -> bool:
    """Whether the event has a place of its own to be ranked by: anchored, and bounded from below. A time
    open at its start ("recently", "has closed": some time before publication) says it happened, not
    where among the story's events: such an event is ranked where it is told, as one with no time is."""
    return anchored(e) and not math.isinf(e.lo)


def anchored(e: Event) -> bool:
    """Whether the event has a place on the time line of its own (a time, or bounds from relations)."""
    return e.time is not None or not math.isinf(e.lo)


def rank(events: list[Event], relations: list[Relation]) -> None:
    """Ranks 1..n, a topological order of the BEFORE/AFTER relations (Kahn's algorithm) with a key as
    priority, so that among the events the relations leave free the key decides:

    - an anchored event (a time, or bounds from relations) goes by the midpoint of its feasible start,
      then its bounds, then its position in the text;
    - an event with no place of its own takes the key of the anchored event told just before it in the
      same article, and its own position (it follows that event in the telling), or opens the timeline
      when none is told before it.

    Relations count between any two events, anchored or not: an event comes after the one it is said to
    follow, and after the one it happens during, which started first ("found the door while conducting a
    search"). A cycle among relations (which the network refuses, but merged timelines may carry) falls
    back to the key alone for the events on it, within the group of events the relations connect.

    The order is computed group by group (`sequence`) and the groups' orders are then merged by a sort
    key of each event's own (`sequence` explains why that is the one global order): so a timeline too
    large for memory can be ranked one group at a time and sorted on disk (newsline.merge.spill)."""
    groups, rels = related_groups(events, relations)
    rank_groups(events, relations, groups, rels)


def rank_groups(
    events: list[Event],
    relations: list[Relation],
    groups: dict[str, list[Event]],
    rels: dict[str, list[Relation]],
) -> None:
    """`rank`, given the groups of related events (`order` has them already)."""
    text_order = sorted(events, key=lambda e: (e.mentions[0].article, e.mentions[0].trigger[0]))
    anchored_ids = {e.id: placed(e) for e in events}
    keys = dict(
        text_keys(
            (
                e.id,
                e.mentions[0].article,
                e.mentions[0].trigger[0],
                order_key(e) if anchored_ids[e.id] else None,
            )
            for e in text_order
        )
    )
    tie_keys(relations, keys, anchored_ids)
    place: dict[str, tuple] = {}
    for root, members in groups.items():
        place.update(sequence([e.id for e in members], rels.get(root, []), keys))
    events.sort(key=lambda e: place[e.id])
    for n, e in enumerate(events, 1):
        e.rank = n


Key = tuple[float, float, float, float, float]


def text_keys(rows: Iterable[tuple[str, str, int, tuple | None]]) -> Iterator[tuple[str, Key]]:
    """Each event's ranking key, from rows (id, article, position of its trigger, `order_key` of the event or
    None when it is not anchored) given in text order (by article, then position). Every key has five
    parts: an anchored event repeats its position, so that an event told after an anchored one with the
    same time sorts right after it; an unanchored one takes the key of the anchored event told just before
    it in its article (or opens the timeline) and its own position."""
    last: dict[str, tuple] = {}
    for eid, article, pos, key in rows:
        if key is not None:
            last[article] = key
            yield eid, (key[0], key[1], key[2], key[3], key[3])
        else:
            base = last.get(article, (-INF, -INF, -INF, -1))
            yield eid, (base[0], base[1], base[2], base[3], pos)


def tie_keys(relations: Iterable[Relation], keys: dict[str, Key], anchored_ids: dict[str, bool]) -> None:
    """An unanchored event that a relation puts just before or after an anchored one ("it had passed an
    inspection" before the crash) takes that event's key instead of its predecessor's in the text. Put
    before several, it takes the earliest of their keys (it must come before them all: "the deal had been
    killed" before both a November speech and an October vote goes before October); put only after
    some, the latest of theirs."""
    before: dict[str, Key] = {}
    after: dict[str, Key] = {}
    for r in relations:
        if r.gap[0] < 0 or r.type not in (RelType.BEFORE, RelType.AFTER):
            continue
        for a, b in ((r.source, r.target), (r.target, r.source)):
            if a in keys and b in keys and not anchored_ids[a] and anchored_ids[b]:
                k = keys[b]
                if (r.type == RelType.BEFORE) == (a == r.source):
                    key = (k[0], k[1], k[2], k[3], k[4] - 0.5)
                    if a not in before or key < before[a]:
                        before[a] = key
                else:
                    key = (k[0], k[1], k[2], k[3], k[4] + 0.5)
                    if a not in after or key > after[a]:
                        after[a] = key
    keys.update(after)
    keys.update(before)


def _precedence(r: Relation) -> tuple[str, str] | None:
    """(first, second) when the relation puts one event's start before the other's, else None."""
    if r.type == RelType.AFTER and r.gap[0] >= 0:
        return r.target, r.source
    if r.type == RelType.BEFORE and r.gap[0] >= 0:
        return r.source, r.target
    if r.type == RelType.IS_INCLUDED:  # what a thing happens during started first
        return r.target, r.source
    if r.type == RelType.INCLUDES:
        return r.source, r.target
    return None


def sequence(
    ids: Sequence[str], relations: Iterable[Relation], keys: dict[str, Key]
) -> Iterator[tuple[str, tuple[Key, str, int]]]:
    """The order of one group of events (the ones `relations` connect): Kahn's algorithm, the smallest
    (key, id) first among the events the relations leave free; a cycle releases its smallest waiting event.

    Each event comes with its place: the largest (key, id) of the group's order up to it, and its position.
    Sorting all events of all groups by place gives the order Kahn's algorithm takes over everything at
    once (when it picks among the groups' next events the smallest, a group's events keep their order and
    wait behind the largest key before them), so groups can be ranked apart and merged by a plain sort."""
    members = set(ids)
    succ: dict[str, set[str]] = {i: set() for i in ids}
    indeg = dict.fromkeys(ids, 0)
    for r in relations:
        pair = _precedence(r)
        if pair is None or pair[0] not in members or pair[1] not in members:
            continue
        first, second = pair
        if first != second and second not in succ[first]:
            succ[first].add(second)
            indeg[second] += 1
    heap = [(keys[i], i) for i in ids if indeg[i] == 0]
    heapq.heapify(heap)
    done: set[str] = set()
    waiting: list[tuple[Key, str]] | None = None  # built only when a cycle blocks the order
    w = 0
    top: tuple[Key, str] | None = None
    while len(done) < len(members):
        if not heap:
            # A cycle among relations: release the waiting event with the smallest key.
            if waiting is None:
                waiting = sorted((keys[i], i) for i in ids)
            while waiting[w][1] in done:
                w += 1
            heap.append(waiting[w])
        item = heapq.heappop(heap)
        eid = item[1]
        if eid in done:
            continue
        if top is None or item > top:
            top = item
        yield eid, (top[0], top[1], len(done))
        done.add(eid)
        for nxt in succ[eid]:
            indeg[nxt] -= 1
            if indeg[nxt] == 0 and nxt not in done:
                heapq.heappush(heap, (keys[nxt], nxt))


def to_day(minutes: float) -> date | None:
    if math.isinf(minutes):
        return None
    return date(1970, 1, 1) + timedelta(days=math.floor(minutes / DAY))
