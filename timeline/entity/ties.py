"""Shared ranks: events of an entity's timeline that nothing orders.

Two events told on the same day by different articles (or in one article without a word on which came
first) have no order the text supports; ranking one before the other is a guess that a reader, or a
scorer of timelines, takes for a claim. In an entity timeline such events share a rank: consecutive events
(in rank order) with the same time (the same day, or the same coarser interval: "in 2004", "in March")
and no relation between them, direct or through other events, that puts one before the other.
`newsline/1` says so with the document's optional `"ties": true`; without it, ranks are 1..n.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from newsline.model import Event, Relation, RelType

DAY = 1440.0


def time_key(e: Event) -> tuple[float, float] | None:
    """The interval an event is placed in, for comparing two events: within a day, its day (a morning and
    an evening of one day are not told apart by a day's anchor); else the interval itself. None when the
    event has no bounded time."""
    t = e.time
    if t is None or math.isinf(t.lo) or math.isinf(t.hi):
        return None
    if t.hi - t.lo <= DAY:
        day = math.floor(t.lo / DAY) * DAY
        if t.hi <= day + DAY:
            return (day, day + DAY)
    return (t.lo, t.hi)


def _precedes(relations: Iterable[Relation]) -> dict[str, set[str]]:
    """Event id -> ids of the events a relation puts after it (INCLUDES: the includer starts first)."""
    after: dict[str, set[str]] = {}
    for r in relations:
        if r.type in (RelType.BEFORE, RelType.INCLUDES):
            after.setdefault(r.source, set()).add(r.target)
        elif r.type in (RelType.AFTER, RelType.IS_INCLUDED):
            after.setdefault(r.target, set()).add(r.source)
    return after


def _reaches(after: dict[str, set[str]], a: str, b: str) -> bool:
    seen, todo = {a}, [a]
    while todo:
        for n in after.get(todo.pop(), ()):
            if n == b:
                return True
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return False


def share_ranks(events: list[Event], relations: Iterable[Relation]) -> None:
    """Rank `events` (already in rank order) 1..k, consecutive events with the same time (see `time_key`)
    and no ordering relation between them (`relations`, followed through any events) sharing a rank."""
    after = _precedes(relations)
    rank = 0
    group: list[str] = []
    key: tuple[float, float] | None = None
    for e in events:
        k = time_key(e)
        joins = (
            k is not None
            and k == key
            and not any(_reaches(after, g, e.id) or _reaches(after, e.id, g) for g in group)
        )
        if joins:
            group.append(e.id)
        else:
            rank += 1
            group = [e.id]
        key = k
        e.rank = rank
