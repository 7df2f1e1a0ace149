"""Bounds for every event: its time and its relations as a Simple Temporal Network, solved one group of
related events at a time.

Reads events (with their times) and relations; writes each event's `lo`, `hi`, `end_lo`, `end_hi` and
ranks (through `newsline.order.rank`), and warnings for the relations that contradict the rest.
"""

from __future__ import annotations

import math
from datetime import date

from newsline.language.text import Document
from newsline.model import INF, Event, Modality, Reference, Relation, RelType, TimeMention
from newsline.order.network import ORIGIN, STN
from newsline.order.rank import rank_groups, related_groups

DAY = 1440.0


def _relation_edges(r: Relation, idx: dict[str, int]) -> list[tuple[int, int, float]]:
    a, b = idx[r.source], idx[r.target]
    a_s, a_e, b_s, b_e = 2 * a + 1, 2 * a + 2, 2 * b + 1, 2 * b + 2
    lo, hi = r.gap
    edges: list[tuple[int, int, float]] = []
    if r.type == RelType.AFTER:  # A happens after B: A.start - B.<point> in [lo, hi]
        ref_point = b_e if r.point == "end-start" else b_s
        edges += [(ref_point, a_s, hi), (a_s, ref_point, -lo)]
    elif r.type == RelType.BEFORE:  # B.start - A.<point> in [lo, hi]
        ref_point = a_e if r.point == "end-start" else a_s
        edges += [(ref_point, b_s, hi), (b_s, ref_point, -lo)]
    elif r.type == RelType.SIMULTANEOUS:
        edges += [(b_s, a_s, hi), (a_s, b_s, -lo)]
    elif r.type == RelType.IS_INCLUDED:  # A happens during B: B.start <= A.start and A.end <= B.end
        edges += [(a_s, b_s, 0.0), (b_e, a_e, 0.0)]
    elif r.type == RelType.INCLUDES:  # B happens during A
        edges += [(b_s, a_s, 0.0), (a_e, b_e, 0.0)]
    elif r.point == "overlap":  # the two share some time: A.start <= B.end and B.start <= A.end
        edges += [(b_e, a_s, 0.0), (a_e, b_s, 0.0)]
    return [(u, v, w) for u, v, w in edges if w != INF]


def order(
    events: list[Event],
    relations: list[Relation],
    refs: dict[str, Reference],
    speech: dict[int, date] | None,
    doc: Document | None,
    warnings: list[str],
) -> None:
    """Bounds and ranks for every event, from its time and its relations (an STN), then a topological
    order over the relations with ties broken by bounds and by position in the text.

    Events that no relation connects constrain each other only through their own times, so each
    connected group gets its own small network: the cost grows with the largest group, not with the
    number of events (a merged timeline of thousands of articles stays fast)."""
    groups, rels = related_groups(events, relations)
    ignored: list[Relation] = []
    for root in sorted(groups):
        ignored += solve_group(groups[root], rels.get(root, []), refs, warnings)
    if ignored:
        # a relation that contradicts the times is ignored by the ranks too: else the table steps back
        gone = {id(r) for r in ignored}
        relations = [r for r in relations if id(r) not in gone]
        rels = {k: [r for r in rs if id(r) not in gone] for k, rs in rels.items()}
    rank_groups(events, relations, groups, rels)


_DONE = (Modality.ASSERTED, Modality.REPORTED, Modality.NEGATED)


def _last_start(t: TimeMention) -> float:
    """The last minute an event of this time can start in: a time is a half-open interval (a day ends
    before the next midnight), so an event 'on Tuesday' cannot start at Wednesday 00:00 to fit a relation."""
    return max(t.lo, t.hi - 1.0)


def solve_group(
    events: list[Event], relations: list[Relation], refs: dict[str, Reference], warnings: list[str]
) -> list[Relation]:
    """One connected group of events: its STN, the relations it can take, and everyone's bounds. Returns
    the relations it could not take (they contradict the rest)."""
    if len(events) == 1 and not relations:
        _solve_alone(events[0], refs)  # most events: no network needed
        return []
    return _solve_network(events, relations, refs, warnings)


def _solve_alone(e: Event, refs: dict[str, Reference]) -> None:
    """`_solve_network` for one event and no relation, in closed form: its start lies in its time, and
    before the end of the publication day when it is told as done; its end lies between its start and its
    time's end. (tests/test_order.py checks this against the network.)"""
    ref = refs.get(e.mentions[0].article)
    cap = ref.midnight + DAY if ref is not None and e.modality in _DONE else INF
    t = e.time
    lo, hi, end_hi = -INF, INF, INF
    if t is not None and not (math.isinf(t.lo) and math.isinf(t.hi)):
        if not math.isinf(t.lo):
            lo = t.lo
        if not math.isinf(t.hi):
            hi = _last_start(t)
            if not t.value.endswith("_REF"):
                end_hi = t.hi
        if t.lo < cap:
            hi = min(hi, cap)
    else:
        hi = cap
    hi = min(hi, end_hi)  # it starts before it ends
    if hi - lo < -1e-9:  # contradictory, as the network finds it: no bounds
        lo, hi, end_hi = -INF, INF, INF
    e.lo, e.hi, e.end_lo, e.end_hi = lo, hi, lo, end_hi


def _solve_network(
    events: list[Event], relations: list[Relation], refs: dict[str, Reference], warnings: list[str]
) -> list[Relation]:
    """`solve_group` by a Simple Temporal Network over the group's start and end points."""
    idx = {e.id: i for i, e in enumerate(events)}
    net = STN(2 * len(events) + 1)
    for i, e in enumerate(events):
        s, t = 2 * i + 1, 2 * i + 2
        net.add(t, s, 0.0)  # an event starts before it ends
        ref = refs.get(e.mentions[0].article)
        if e.time is not None and not (math.isinf(e.time.lo) and math.isinf(e.time.hi)):
            if not math.isinf(e.time.lo):
                net.add(s, ORIGIN, -e.time.lo)
            if not math.isinf(e.time.hi):
                net.add(ORIGIN, s, _last_start(e.time))
                if e.time.value.endswith("_REF") is False:
                    net.add(ORIGIN, t, e.time.hi)
            if (
                ref is not None
                and e.modality in (Modality.ASSERTED, Modality.REPORTED, Modality.NEGATED)
                and e.time.lo < ref.midnight + DAY
            ):
                # Told as done, it was done by publication: "closed earlier this year" is in the part of
                # the year before the article (a coarse time's midpoint could otherwise be months later).
                net.add(ORIGIN, s, ref.midnight + DAY)
        elif ref is not None and e.modality in (Modality.ASSERTED, Modality.REPORTED, Modality.NEGATED):
            # What a news article reports as done was done by the time it was published.
            net.add(ORIGIN, s, ref.midnight + DAY)
    ignored: list[Relation] = []
    for r in relations:
        if r.source not in idx or r.target not in idx:
            continue
        if not net.try_add(_relation_edges(r, idx)):
            ignored.append(r)
            a, b = events[idx[r.source]], events[idx[r.target]]
            why = f" (signal '{r.signal}')" if r.signal else ""
            warnings.append(
                f"contradiction: {r.source} '{a.title[:50]}' {r.type.value} {r.target} '{b.title[:50]}'{why} "
                "does not fit their times; the relation was ignored"
            )
    bounds = net.bounds() or [(-INF, INF)] * net.size
    for i, e in enumerate(events):
        e.lo, e.hi = bounds[2 * i + 1]
        e.end_lo, e.end_hi = bounds[2 * i + 2]
    return ignored
