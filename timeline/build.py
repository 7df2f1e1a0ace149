"""The pipeline: an article to a Timeline, and the ordering of events by a temporal network."""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta, tzinfo

from timeline.events import extract
from timeline.excerpt import note_sentence_starts
from timeline.model import (
    INF,
    AnchorKind,
    Article,
    Event,
    Modality,
    Reference,
    Relation,
    RelType,
    Timeline,
    TimeMention,
    to_minutes,
)
from timeline.stn import ORIGIN, STN
from timeline.text import Document, segment, tense_near
from timeline.timex import _lex, recognise, tag
from timeline.timex import data as time_data

DAY = 1440.0


def reference_for(article: Article, doc: Document, tz: tzinfo | None = None) -> tuple[Reference, str | None]:
    """The article's reference day: given, or read from a dateline, or a stand-in with an inferred weekday.

    Returns the reference and where it came from ("given", "dateline" or None for unknown).
    """
    pub = article.published
    if pub is not None:
        if isinstance(pub, datetime):
            moment = pub
            if pub.tzinfo is not None and tz is not None:
                moment = pub.astimezone(tz)
            return Reference(moment.date(), True, tz or pub.tzinfo, moment), article.published_from or "given"
        return Reference(pub, True, tz), article.published_from or "given"
    found = dateline(article.text)
    if found is not None:
        return Reference(found, True, tz), "dateline"
    return Reference(_stand_in_day(doc), False, tz, weekday_inferred=True), None


_DATELINE_HINT = re.compile(r"(?:published|posted|updated|date|dateline)\s*:?\s*$", re.I)


def dateline(text: str) -> date | None:
    """A full date standing alone on one of the first lines, or after "Published:" and the like."""
    head = text[:400]
    for cand in recognise(head):
        if cand.rule.anchor != AnchorKind.ABSOLUTE or not {"year", "month", "day"} <= cand.groups.keys():
            continue
        line_start = head.rfind("\n", 0, cand.start) + 1
        line_end = head.find("\n", cand.end)
        line = head[line_start : line_end if line_end >= 0 else len(head)]
        before = head[line_start : cand.start]
        if len(line.strip()) <= 60 or _DATELINE_HINT.search(before):
            month = cand.groups["month"]
            m = int(month) if month.isdigit() else _lex("month", month)
            try:
                return date(int(cand.groups["year"]), m, int(cand.groups["day"]))
            except ValueError:
                continue
    return None


def _stand_in_day(doc: Document) -> date:
    """With no publication date, a stand-in day whose weekday best explains the weekdays the article uses
    in the past tense (news tells the last few days): the day that puts them all closest before it."""
    weekdays = time_data()["lexicon"]["weekday"]
    pattern = re.compile(r"\b(" + "|".join(weekdays) + r")\b", re.I)
    seen: list[int] = []
    for m in pattern.finditer(doc.text):
        if tense_near(doc, m.start(), m.end()) != "future":
            seen.append(weekdays[m.group(1).lower()])
    best = 0
    if seen:
        best = min(range(7), key=lambda w: (sum((w - s) % 7 for s in seen), w))
    # Any day with that weekday serves: values tied to it are printed relative to publication.
    base = date(2001, 1, 1)  # a Monday
    return base + timedelta(days=best)


_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _speech_days(doc: Document, mentions: list[TimeMention], ref: Reference) -> dict[int, date]:
    """The day each quote was said: a day-precise time in its reporting frame, else the speaker's previous
    quote's day when the frame only says "he added", else the publication day."""
    out: dict[int, date] = {}
    previous: tuple[int, date] | None = None
    # Day-precise mentions outside quotes, by sentence: each quote looks at its own sentences only (a scan
    # of every mention for every quote was quadratic in a text with thousands of quotes).
    by_sentence: dict[int, list[TimeMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for qi, q in enumerate(doc.quotes):
        sent_idx = {q.sentence, doc.sentence_at(max(q.start, q.end - 1)).index}
        frame = [
            m
            for si in sorted(sent_idx)
            for m in by_sentence.get(si, [])
            if doc.quote_at(m.start) is None
            and (m.rel_days is not None or _FULL_DAY.match(m.value))
            and m.granularity in ("day", "part_of_day", "minute")
        ]
        if frame:
            near = min(frame, key=lambda m: min(abs(m.start - q.start), abs(m.start - q.end)))
            # a day the frame states in full ("said on 15 January 2024") is that day, whatever publication
            if near.rel_days is not None:
                out[qi] = ref.day + timedelta(days=near.rel_days)
            else:
                out[qi] = date.fromisoformat(near.value[:10])
        else:
            sent = doc.sentences[q.sentence]
            frame_text = doc.text[sent.start : q.start]
            if (
                previous is not None
                and q.sentence - previous[0] <= 2
                and re.search(
                    r"\b(?:he|she|they)\s+(?:also\s+)?(?:added|continued|went on)\b", frame_text, re.I
                )
            ):
                out[qi] = previous[1]
        if qi in out:
            previous = (q.sentence, out[qi])
    return out


def parse_article(article: Article, tz: tzinfo | None = None) -> Timeline:
    """One article to its timeline: time mentions, events, relations, bounds and ranks."""
    doc = segment(article.text)
    ref, origin = reference_for(article, doc, tz)
    first = tag(doc, article.id, ref)
    speech = _speech_days(doc, first, ref)
    mentions = tag(doc, article.id, ref, speech) if speech else first
    events, relations = extract(doc, article.id, mentions, publication_mention(article.id, ref))
    note_sentence_starts(events, doc)  # for the bounded `text` of the output (timeline.excerpt)
    article = Article(
        article.id,
        article.text,
        ref.day if origin == "dateline" else (article.published if origin is not None else None),
        article.source,
        article.title,
        origin,
    )
    # Stable ids: the article id and the order in which events are first told.
    events.sort(key=lambda e: e.mentions[0].trigger[0])
    remap: dict[str, str] = {}
    for n, e in enumerate(events, 1):
        old = f"@{id(e)}"
        e.id = f"{article.id}:e{n}"
        remap[old] = e.id
    for r in relations:
        r.source = remap.get(r.source, r.source)
        r.target = remap.get(r.target, r.target)
    known = set(remap.values())
    unique: dict[tuple, Relation] = {}
    for r in relations:
        if r.source != r.target and r.source in known and r.target in known:
            unique.setdefault((r.source, r.target, r.type, r.point, r.gap), r)
    relations = list(unique.values())
    warnings: list[str] = []
    order(events, relations, {article.id: ref}, speech, doc, warnings)
    return Timeline([article], events, relations, mentions, {article.id: ref}, warnings)


def publication_mention(article_id: str, ref: Reference) -> TimeMention:
    """The publication day as a time mention (no text of its own): what an event told in the present
    tense is dated by."""
    lo = ref.midnight
    value = ref.day.isoformat() if ref.known else "XXXX-XX-XX"
    return TimeMention(
        article_id,
        0,
        0,
        "",
        "DATE",
        value,
        "publication",
        AnchorKind.PUBLICATION,
        "day",
        None,
        lo,
        lo + DAY,
        0,
        None,
        -1,
    )


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
    for root in sorted(groups):
        _solve(groups[root], rels.get(root, []), refs, warnings)
    _rank(events, relations, groups, rels)


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


_DONE = (Modality.ASSERTED, Modality.REPORTED, Modality.NEGATED)


def _solve(
    events: list[Event], relations: list[Relation], refs: dict[str, Reference], warnings: list[str]
) -> None:
    """One connected group of events: its STN, the relations it can take, and everyone's bounds."""
    if len(events) == 1 and not relations:
        _solve_alone(events[0], refs)  # most events: no network needed
    else:
        _solve_network(events, relations, refs, warnings)


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
            hi = t.hi
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
) -> None:
    """`_solve` by a Simple Temporal Network over the group's start and end points."""
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
                net.add(ORIGIN, s, e.time.hi)
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
    for r in relations:
        if r.source not in idx or r.target not in idx:
            continue
        if not net.try_add(_relation_edges(r, idx)):
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


def _key(e: Event) -> tuple[float, float, float, int]:
    lo, hi = e.lo, e.hi
    if math.isinf(lo) and math.isinf(hi):
        mid = INF
    elif e.time is None and not math.isinf(lo):
        mid = lo  # placed only by what it follows: soon after that
    elif math.isinf(lo):
        mid = -INF
    elif math.isinf(hi):
        mid = lo
    else:
        mid = (lo + hi) / 2
    return (mid, hi, lo, e.mentions[0].trigger[0])


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
    large for memory can be ranked one group at a time and sorted on disk (timeline.spill)."""
    groups, rels = related_groups(events, relations)
    _rank(events, relations, groups, rels)


def _rank(
    events: list[Event],
    relations: list[Relation],
    groups: dict[str, list[Event]],
    rels: dict[str, list[Relation]],
) -> None:
    """`rank`, given the groups of related events (`order` has them already)."""
    text_order = sorted(events, key=lambda e: (e.mentions[0].article, e.mentions[0].trigger[0]))
    anchored_ids = {e.id: anchored(e) for e in events}
    keys = dict(
        text_keys(
            (e.id, e.mentions[0].article, e.mentions[0].trigger[0], _key(e) if anchored_ids[e.id] else None)
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
    """Each event's ranking key, from rows (id, article, position of its trigger, `_key` of the event or
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
    inspection" before the crash) takes that event's key instead of its predecessor's in the text (the
    first such relation counts)."""
    tied: set[str] = set()
    for r in relations:
        if r.gap[0] < 0 or r.type not in (RelType.BEFORE, RelType.AFTER):
            continue
        for a, b in ((r.source, r.target), (r.target, r.source)):
            if a in keys and b in keys and a not in tied and not anchored_ids[a] and anchored_ids[b]:
                before = (r.type == RelType.BEFORE) == (a == r.source)
                k = keys[b]
                keys[a] = (k[0], k[1], k[2], k[3], k[4] - 0.5 if before else k[4] + 0.5)
                tied.add(a)


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


__all__ = ["dateline", "order", "parse_article", "rank", "reference_for", "to_minutes"]
