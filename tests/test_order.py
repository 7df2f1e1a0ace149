"""Ranks from the partial order (newsline.order.rank.rank): relations between any two events are respected,
anchored or not; what the relations leave free goes by time, then by the telling. Property tests over
random events and relations, and a few table cases. None of these needs ../shared.
"""

from __future__ import annotations

import newsline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsline.model import INF, Event, Mention, Relation, RelType
from newsline.order.rank import rank

DAY = 1440.0


def event(n: int, day: int | None, pos: int, article: str = "a") -> Event:
    """Event n told at character `pos`; `day` gives it bounds on that day, None leaves it unanchored."""
    mention = Mention(article, 0, (pos, pos + 1), "", (0, 0))
    e = Event(f"{article}:e{n}", f"event {n}", "x", "occurrence", [mention])
    if day is not None:
        e.lo, e.hi = day * DAY, day * DAY + DAY
    return e


def rel(a: Event, b: Event, kind: RelType = RelType.BEFORE) -> Relation:
    return Relation(a.id, b.id, kind, "", "a", (0.0, INF), "end-start")


def test_unanchored_events_follow_their_relations():
    # Both undated: "testing positive ... following his loss" puts the loss first, against the telling.
    testing, loss = event(1, None, 10), event(2, None, 50)
    events = [testing, loss]
    rank(events, [rel(testing, loss, RelType.AFTER)])
    assert loss.rank < testing.rank


def test_an_event_comes_after_what_it_happens_during():
    found, search = event(1, 5, 10), event(2, 5, 50)
    events = [found, search]
    rank(events, [rel(found, search, RelType.IS_INCLUDED)])
    assert search.rank < found.rank


def test_free_events_go_by_time_then_telling():
    later, earlier, same_day_told_after = event(1, 6, 10), event(2, 5, 20), event(3, 5, 30)
    loose = event(4, None, 25)  # told right after `earlier`: it follows it
    events = [later, earlier, same_day_told_after, loose]
    rank(events, [])
    assert [e.id for e in events] == ["a:e2", "a:e4", "a:e3", "a:e1"]


def test_a_cycle_still_gives_every_event_a_rank():
    a, b, c = event(1, 5, 10), event(2, 5, 20), event(3, None, 30)
    events = [a, b, c]
    rank(events, [rel(a, b), rel(b, c), rel(c, a)])
    assert sorted(e.rank for e in events) == [1, 2, 3]


SETTINGS = settings(
    max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def timelines(draw: st.DrawFn) -> tuple[list[Event], list[Relation]]:
    n = draw(st.integers(1, 12))
    days = draw(st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=n, max_size=n))
    positions = draw(st.permutations(list(range(n))))
    events = [event(i, days[i], 10 * positions[i]) for i in range(n)]
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=2 * n))
    # Relations only from a lower to a higher index: no cycle, whatever the times say.
    relations = [
        rel(events[i], events[j], draw(st.sampled_from([RelType.BEFORE, RelType.INCLUDES])))
        if draw(st.booleans())
        else rel(events[j], events[i], draw(st.sampled_from([RelType.AFTER, RelType.IS_INCLUDED])))
        for i, j in pairs
        if i < j
    ]
    return events, relations


@SETTINGS
@given(timelines())
def test_ranks_are_dense_and_respect_every_relation(data: tuple[list[Event], list[Relation]]):
    events, relations = data
    rank(events, relations)
    assert sorted(e.rank for e in events) == list(range(1, len(events) + 1))
    by_id = {e.id: e for e in events}
    for r in relations:
        a, b = by_id[r.source], by_id[r.target]
        if r.type in (RelType.BEFORE, RelType.INCLUDES):
            assert a.rank < b.rank
        else:
            assert b.rank < a.rank


@SETTINGS
@given(timelines())
def test_without_relations_anchored_events_keep_time_order(data: tuple[list[Event], list[Relation]]):
    events, _ = data
    rank(events, [])
    placed = sorted((e for e in events if e.hi != INF), key=lambda e: e.rank)
    assert [e.lo for e in placed] == sorted(e.lo for e in placed)


def _kahn_over_everything(events: list[Event], relations: list[Relation]) -> list[str]:
    """The order as rank took it before it ranked group by group: one Kahn's algorithm over all events."""
    import heapq

    from newsline.order.rank import _precedence, anchored, order_key, text_keys, tie_keys

    text_order = sorted(events, key=lambda e: (e.mentions[0].article, e.mentions[0].trigger[0]))
    flags = {e.id: anchored(e) for e in events}
    keys = dict(
        text_keys(
            (e.id, e.mentions[0].article, e.mentions[0].trigger[0], order_key(e) if flags[e.id] else None)
            for e in text_order
        )
    )
    tie_keys(relations, keys, flags)
    succ: dict[str, set[str]] = {e.id: set() for e in events}
    indeg = dict.fromkeys(succ, 0)
    for r in relations:
        pair = _precedence(r)
        if pair and pair[1] not in succ[pair[0]]:
            succ[pair[0]].add(pair[1])
            indeg[pair[1]] += 1
    heap = [(keys[i], i) for i in succ if indeg[i] == 0]
    heapq.heapify(heap)
    out = []
    while heap:
        _, i = heapq.heappop(heap)
        out.append(i)
        for j in succ[i]:
            indeg[j] -= 1
            if indeg[j] == 0:
                heapq.heappush(heap, (keys[j], j))
    return out


@SETTINGS
@given(timelines())
def test_ranking_group_by_group_is_one_order_over_everything(data: tuple[list[Event], list[Relation]]):
    # rank orders each group of related events apart and merges the groups by a sort key, so that a
    # timeline on disk can be ranked a group at a time: the order must be the one over all events at once.
    events, relations = data
    want = _kahn_over_everything(events, relations)
    rank(events, relations)
    assert [e.id for e in events] == want


@st.composite
def lone_events(draw: st.DrawFn) -> tuple[Event, dict]:
    from datetime import date

    from newsline.model import AnchorKind, Modality, Reference, TimeMention

    e = event(0, None, 0)
    e.modality = draw(st.sampled_from(list(Modality)))
    if draw(st.booleans()):
        lo = draw(st.one_of(st.just(-INF), st.integers(0, 8).map(lambda d: d * DAY / 2)))
        hi = draw(st.one_of(st.just(INF), st.integers(0, 8).map(lambda d: d * DAY / 2)))
        if not (lo == -INF or hi == INF) and hi < lo and draw(st.booleans()):
            lo, hi = hi, lo  # else a contradictory time: the network then gives no bounds
        value = draw(st.sampled_from(["1970-01-02", "PAST_REF", "FUTURE_REF"]))
        e.time = TimeMention("a", 0, 1, "x", "DATE", value, "r", AnchorKind.PUBLICATION, lo=lo, hi=hi)
    refs = {}
    if draw(st.booleans()):
        refs["a"] = Reference(date(1970, 1, 1 + draw(st.integers(0, 4))), True)
    return e, refs


@SETTINGS
@given(lone_events())
def test_an_event_alone_gets_the_bounds_its_network_gives(data: tuple[Event, dict]):
    from copy import deepcopy

    from newsline.order.solve import _solve_alone, _solve_network

    e, refs = data
    by_network = deepcopy(e)
    _solve_network([by_network], [], refs, [])
    _solve_alone(e, refs)
    got = (e.lo, e.hi, e.end_lo, e.end_hi)
    assert got == (by_network.lo, by_network.hi, by_network.end_lo, by_network.end_hi)


def test_an_event_alone_with_a_contradictory_time_has_no_bounds():
    from newsline.model import AnchorKind, TimeMention
    from newsline.order.solve import _solve_alone, _solve_network

    a, b = event(0, None, 0), event(1, None, 0)
    for e in (a, b):
        # It starts on day 2 and ends on day 1: the network finds no bounds, and neither may the shortcut.
        e.time = TimeMention("a", 0, 1, "x", "DATE", "1970-01-03", "r", AnchorKind.PUBLICATION)
        e.time.lo, e.time.hi = 2 * DAY, DAY
    _solve_network([a], [], {}, [])
    _solve_alone(b, {})
    assert (a.lo, a.hi, a.end_lo, a.end_hi) == (b.lo, b.hi, b.end_lo, b.end_hi) == (-INF, INF, -INF, INF)


def test_a_relation_that_contradicts_the_times_does_not_order_the_table():
    # "labeled on Monday" AFTER "the rebellion" dated Wednesday: the network ignores the relation, and so
    # must the ranks, or the table steps back from Wednesday to Monday.
    from newsline.model import AnchorKind, TimeMention
    from newsline.order.solve import order

    rebellion, labeled = event(1, None, 10), event(2, None, 50)
    for e, day in ((rebellion, 3), (labeled, 1)):
        e.time = TimeMention("a", 0, 1, "x", "DATE", f"1970-01-0{day + 1}", "r", AnchorKind.PUBLICATION)
        e.time.lo, e.time.hi = day * DAY, day * DAY + DAY
    events = [rebellion, labeled]
    warnings: list[str] = []
    order(events, [rel(labeled, rebellion, RelType.AFTER)], {}, None, None, warnings)
    assert warnings and "ignored" in warnings[0]
    assert labeled.rank < rebellion.rank


def test_what_is_only_known_to_come_after_the_telling_ranks_after_that_day():
    # "Russia may soon deploy ..." (after publication, open-ended) comes after the night's events that end
    # on the publication day, though its earliest start is that day's midnight
    text = (
        "Kyiv attack\n"
        "Russia launched a drone assault on Kyiv overnight. The attack killed one person.\n"
        "A commander warned on Friday that Russia may soon deploy more drones."
    )
    tl = newsline.parse_text(text, published="2025-07-04")
    ranks = {text[e.mentions[0].trigger[0] : e.mentions[0].trigger[1]]: e.rank for e in tl.events}
    assert ranks["deploy"] > ranks["assault"] and ranks["deploy"] > ranks["killed"]


def test_an_unanchored_event_before_several_takes_the_earliest_of_their_places():
    # "the deal had been killed" comes before both a November speech and an October vote: it goes before
    # October, and so the November headline told first does not jump ahead of the October vote
    headline, speech, vote = event(1, 30, 0), event(2, 30, 10), event(3, 0, 20)
    killed = event(4, None, 30)
    events = [headline, speech, vote, killed]
    rank(events, [rel(killed, speech), rel(killed, vote)])
    assert killed.rank < vote.rank < headline.rank < speech.rank
