"""The merge of a stream too large for memory: the merged timeline kept in an SQLite file, not in objects.

`newsline.merge.fold.Fold` holds the whole merged timeline: every event, source and relation. For a JSON Lines
stream of many stories that grows with the input. `SpillFold` does the same fold (the same steps, in the
same order: tests/test_spill.py checks that its output is `merge`'s) but writes each event as it comes,
and holds in memory only what a later article's event must be compared with: the events precise enough to
be merged into (their times, actors, title words), by day. Everything else is on disk:

- events (packed, with a few columns the ranking reads), and the sources that merges add to them;
- which article span is already which event (a timeline folded twice must not add its events again);
- relations, and which event ids merges renamed.

Then `result()` ranks the events the way `newsline.order.solve.order` does, one group of related events at a
time (only the largest group is in memory at once), and sorts them on disk: `SpilledTimeline.events` reads
them back in rank order, one at a time. SQLite is in the standard library; its sorter and page cache
spill to temporary files, so memory stays bounded by the cache size and the largest group.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from newsline.merge.packing import NO_SPAN, Packed, pack, unpack_event
from newsline.merge.same import (
    Side,
    Told,
    _surnames,
    alike_sides,
    day_span,
    sentence_sign,
    side,
    side_of,
    telling_key,
    told_alike,
    told_the_same,
)
from newsline.merge.spilled import SpilledTimeline
from newsline.model import (
    INF,
    Article,
    Mention,
    Modality,
    Reference,
    Relation,
    RelType,
    Timeline,
)
from newsline.order.rank import order_key, placed, sequence, text_keys, tie_keys
from newsline.order.solve import solve_group

_SCHEMA = """
CREATE TABLE events (
    n INTEGER PRIMARY KEY, id TEXT, article TEXT, pos INTEGER, modality TEXT,
    tlo REAL, thi REAL, tval TEXT, title TEXT, data BLOB
);
CREATE TABLE extra (seq INTEGER PRIMARY KEY, n INTEGER, data BLOB);
CREATE TABLE reactor (n INTEGER PRIMARY KEY, actors BLOB);
CREATE TABLE retime (n INTEGER PRIMARY KEY, tlo REAL, thi REAL, tval TEXT, time BLOB);
CREATE TABLE shown (n INTEGER PRIMARY KEY);
CREATE TABLE sources (article TEXT, lo INTEGER, hi INTEGER, n INTEGER);
CREATE TABLE alias (id TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;
CREATE TABLE relations (
    seq INTEGER PRIMARY KEY, source TEXT, target TEXT, type TEXT, signal TEXT, article TEXT,
    glo REAL, ghi REAL, point TEXT, grp INTEGER
);
"""

_ASSERTED = Modality.ASSERTED.value


@dataclass(slots=True)
class _Slot:
    """What the fold keeps in memory of an event that later events may be merged into: as little as
    the comparison needs (its id, a newer time and its actors go to the file)."""

    lo: float | None  # its time's interval (None: no time)
    hi: float | None
    modality: str
    article: str
    actors: tuple[str, ...]
    side: Side
    changed: bool = False  # whether merges added actors
    sentence: int = 0  # sentence_sign of its first mention


@dataclass(slots=True)
class _Told:
    """What the fold keeps in memory of an event without a precise time (see newsline.merge)."""

    n: int
    sentence: int  # sentence_sign of its first mention
    surnames: frozenset[str]
    article: str
    modality: str
    value: str | None  # its time's value, None without a time


def _first_mention(data: bytes) -> Mention:
    """The first mention of a packed event (`pack_event`)."""
    a, s, tr, x, c, st = marshal.loads(data)[4][0]
    return Mention(a, s, tuple(tr), x, tuple(c), st)


@dataclass(slots=True)
class _Stub:
    """The parts of an event that `_solve`, `anchored` and `_key` read, without unpickling the event."""

    n: int
    id: str
    title: str
    modality: Modality
    time: Any
    mentions: list[Any]
    lo: float = -INF
    hi: float = INF
    end_lo: float = -INF
    end_hi: float = INF


@dataclass(slots=True)
class _Time:
    lo: float
    hi: float
    value: str


@dataclass(slots=True)
class _First:
    article: str
    trigger: tuple[int, int]


class SpillFold:
    """`newsline.merge.fold.Fold` with the merged timeline in an SQLite file in `directory`: `add` the
    timelines in merge's order, then `result()`. The file is the caller's to remove (with the directory)."""

    def __init__(self, directory: str, light: bool = False, cache_mb: int = 4) -> None:
        # cache_mb bounds SQLite's page cache and its sorter's memory (then it uses temporary files): 16 MB
        # held 60-70% more memory at the end of a 4,000-article run for no clear gain in time.
        self.light = light
        self.path = os.path.join(directory, "fold.sqlite")
        self.db = sqlite3.connect(self.path, isolation_level=None)
        # A scratch file: nothing to recover after a crash, so no journal and no syncing.
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{cache_mb * 1024}"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self.count = 0
        self.events = 0
        self._last: list[str] | None = None
        self._first: Packed | None = None
        self._grew = False
        self.articles: list[Article] = []
        self._seen_articles: set[str] = set()
        self.refs: dict[str, Reference] = {}
        self._by_day: dict[int, list[int]] = {}
        self._slots: dict[int, _Slot] = {}
        self._indexed = False  # whether sources are indexed by span (only needed once an article repeats)
        # What the next flush writes.
        self._rows: list[tuple] = []
        self._extras: list[tuple[int, bytes]] = []
        self._sources: list[tuple[str, int, int, int]] = []
        self._aliases: list[tuple[str, int]] = []
        self._retimes: list[tuple] = []
        self._shown: list[tuple[int]] = []  # events a row joined: shown whatever their first source was
        self._strings: dict[str, str] = {}
        self._kinds: dict[str, int] = {}
        # Events without a precise time, by telling key, as Fold keeps them (newsline.merge): what the
        # comparison needs of each, in memory (an int, two short strings, a few names).
        self._told: dict[Told, list[_Told]] = {}
        self._story: set[str] = set()
        self._before = 0

    def add(self, t: Timeline | Packed) -> None:
        """Fold one more timeline in (a worker's `Packed` one, or a Timeline, which is packed here);
        ValueError if it comes before the previous one in merge's order."""
        key = [a.id for a in t.articles]
        if self._last is not None and key < self._last:
            raise ValueError(
                f"SpillFold.add: {key[:1]} comes before {self._last[:1]}; sort the timelines first"
            )
        self._last = key
        later = self.count > 0
        p = t if isinstance(t, Packed) else pack(t)
        if not later:
            self._first = p  # kept: when nothing comes after it, the merge is this timeline as it was
        self.count += 1
        # Only a span of an article folded before can already be an event: only those are looked up.
        repeated = {a.id for a in p.articles if a.id in self._seen_articles}
        if repeated and not self._indexed:
            self.db.execute("CREATE INDEX sources_span ON sources (article, lo, hi)")
            self._indexed = True
        for a in p.articles:
            if a.id not in self._seen_articles:
                self._seen_articles.add(a.id)
                self.articles.append(a)
                self._grew = self._grew or later
        self.refs.update({k: v for k, v in p.references.items() if k not in self.refs})
        self._story = self._story_of(p)
        self._before = self.events
        for e in sorted(p.events, key=lambda rec: rec[0]):
            self._add_event(e, later, repeated)
            if repeated:
                self._flush()  # the next event's lookups must see this one's sources
        self._flush()
        self.db.executemany(
            "INSERT INTO relations (source, target, type, signal, article, glo, ghi, point) "
            "VALUES (?,?,?,?,?,?,?,?)",
            p.relations,
        )

    def _flush(self) -> None:
        db = self.db
        db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)", self._rows)
        db.executemany("INSERT INTO extra (n, data) VALUES (?,?)", self._extras)
        db.executemany("INSERT INTO sources VALUES (?,?,?,?)", self._sources)
        db.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", self._aliases)
        db.executemany("INSERT OR REPLACE INTO retime VALUES (?,?,?,?,?)", self._retimes)
        self._retimes.clear()
        db.executemany("INSERT OR IGNORE INTO shown VALUES (?)", self._shown)
        self._shown.clear()
        self._rows.clear()
        self._extras.clear()
        self._sources.clear()
        self._aliases.clear()

    def _source(self, k: tuple[str, int, int]) -> int | None:
        row = self.db.execute("SELECT n FROM sources WHERE article = ? AND lo = ? AND hi = ?", k).fetchone()
        return None if row is None else int(row[0])

    def _slot(self, n: int) -> _Slot:
        """The in-memory state of event n: kept for an event with a precise time; for another one (found
        by its sources, when an article is folded again) read back from the file."""
        slot = self._slots.get(n)
        if slot is None:
            e = unpack_event(self.db.execute("SELECT data FROM events WHERE n = ?", (n,)).fetchone()[0])
            t = e.time
            slot = self._slots[n] = _Slot(
                None if t is None else t.lo,
                None if t is None else t.hi,
                e.modality.value,
                e.mentions[0].article,
                tuple(e.actors),
                side(e),
                sentence=sentence_sign(e.mentions[0]),
            )
        return slot

    def _intern(self, s: str) -> str:
        # Articles, modalities, actors and lemmas repeat across many events: one string each.
        return self._strings.setdefault(s, s)

    def _day_key(self, kind: str, day: int) -> int:
        # One int per (class, day), not a tuple: the index has an entry for every day of every event.
        k = self._kinds.setdefault(kind, len(self._kinds))
        return day * (1 << 20) + k

    def _add_event(self, rec: tuple, later: bool, repeated: set[str]) -> None:
        # The same steps as Fold._add_event, in the same order, so the result is the same.
        eid, kind, modality, lo, hi, value, title, trigger, actors, keys, data = rec[:11]
        target = None
        if repeated:
            target = next((n for k in keys if k[0] in repeated and (n := self._source(k)) is not None), None)
        days = day_span(lo, hi) if lo is not None else range(0)
        by_day = self._by_day
        told = None if days else telling_key(kind, title)
        if target is None and days:
            candidates = sorted({n for d in days for n in by_day.get(self._day_key(kind, d), ())})
            if candidates:
                target = self._first_same(rec, candidates)
        elif target is None and told in self._told:
            target = self._first_told(rec, self._told[told])
        if target is None:
            self._grew = self._grew or later
            n = self.events
            self.events += 1
            for d in days:
                by_day.setdefault(self._day_key(kind, d), []).append(n)
            article, pos = keys[0][0], keys[0][1]
            if days:
                intern = self._intern
                surnames, words, lemma = side_of(actors, title, trigger)
                self._slots[n] = _Slot(
                    lo,
                    hi,
                    intern(modality),
                    intern(article),
                    tuple(intern(a) for a in actors),
                    (surnames, words, intern(lemma)),
                    sentence=rec[12],
                )
            elif told is not None:
                first = _first_mention(data)
                entry = _Told(n, sentence_sign(first), _surnames(tuple(actors)), article, modality, value)
                self._told.setdefault(told, []).append(entry)
            self._rows.append((n, eid, article, pos, modality, lo, hi, value, title, data))
            self._sources.extend((*k, n) for k in keys)
            return
        slot = self._slot(target)
        self._aliases.append((eid, target))
        packed = marshal.loads(data)  # its sources and time, as pack_event left them
        if not packed[17]:
            self._shown.append((target,))  # as Fold: a row wherever one of its sources is
        for m, k in zip(packed[4], keys, strict=True):
            if k[0] in repeated and self._source(k) is not None:
                continue
            self._sources.append((*k, target))
            if repeated:
                self._flush()
            if self.light:
                m = (m[0], m[1], m[2], "", NO_SPAN, -1)  # it joins another event's sources: never the first
            self._extras.append((target, marshal.dumps(m)))
            self._grew = True
        new = [a for a in dict.fromkeys(actors) if a not in slot.actors]
        if new:
            slot.actors = (*slot.actors, *(self._intern(a) for a in new))
            slot.side = (_surnames(slot.actors), slot.side[1], slot.side[2])
            slot.changed = True
        if lo is not None and slot.lo is not None and (hi - lo) < (slot.hi - slot.lo):  # type: ignore[operator]
            # The most specific time wins.
            slot.lo, slot.hi = lo, hi
            self._retimes.append((target, lo, hi, value, marshal.dumps(packed[9])))

    def _first_same(self, rec: tuple, candidates: list[int]) -> int | None:
        # Fold._first_same over the slots.
        _, _, modality, lo, hi, _, title, trigger, actors, keys = rec[:10]
        article = keys[0][0]
        mine: Side | None = None
        best: int | None = None
        best_tier = 0
        slots = self._slots
        for n in candidates:
            a = slots[n]
            if a.article == article or a.lo is None or not (a.lo < hi and lo < a.hi):  # type: ignore[operator]
                continue
            if a.modality != modality and _ASSERTED not in (a.modality, modality):
                continue
            if mine is None:
                mine = side_of(actors, title, trigger)
            if alike_sides(a.side, mine):
                tier = 1
                if told_the_same(a.side, mine):
                    tier = 2
                    if a.sentence == rec[12] != 0:
                        return n
                if tier > best_tier:
                    best, best_tier = n, tier
        return best

    def _story_of(self, p: Packed) -> set[str]:
        # Fold._story_of over the slots.
        if not any(
            (rec[3] is None or not day_span(rec[3], rec[4])) and telling_key(rec[1], rec[6]) in self._told
            for rec in p.events
        ):
            return set()
        story = set()
        for rec in p.events:
            kind, lo, hi = rec[1], rec[3], rec[4]
            days = day_span(lo, hi) if lo is not None else range(0)
            candidates = sorted({n for d in days for n in self._by_day.get(self._day_key(kind, d), ())})
            if candidates:
                found = self._first_same(rec, candidates)
                if found is not None:
                    story.add(self._slots[found].article)
        return story

    def _first_told(self, rec: tuple, candidates: list[_Told]) -> int | None:
        # Fold._first_told over what _told keeps.
        modality, value, actors, keys, data = rec[2], rec[5], rec[8], rec[9], rec[10]
        article = keys[0][0]
        mine: tuple[int, frozenset[str]] | None = None
        for c in candidates:
            if c.n >= self._before:
                break
            if c.article == article or c.value != value:
                continue
            if c.modality != modality and _ASSERTED not in (c.modality, modality):
                continue
            if mine is None:
                mine = (sentence_sign(_first_mention(data)), _surnames(tuple(actors)))
            if told_alike(c.sentence, c.surnames, *mine) and c.article in self._story:
                return c.n
        return None

    @property
    def grew(self) -> bool:
        """Whether a timeline after the first added an article, an event or a source."""
        return self._grew

    def result(self) -> Timeline | SpilledTimeline:
        """The merged timeline, ranked (call once). Nothing new after the first timeline: that one, as it
        was; otherwise a `SpilledTimeline` reading its events from the file in rank order."""
        if self._first is None:
            self.db.execute("COMMIT")
            return Timeline([], [], [], [], {}, [])
        if not self._grew:
            self.db.execute("COMMIT")
            p = self._first
            events = [unpack_event(rec[10]) for rec in sorted(p.events, key=lambda rec: rec[11])]
            return Timeline(p.articles, events, [], [], p.references, p.warnings)
        self._first = None
        warnings: list[str] = []
        self._finish_merge()
        self._slots.clear()
        self._by_day.clear()
        self._rank(warnings)
        self.db.execute("COMMIT")
        return SpilledTimeline(self.articles, self.refs, warnings, self.db)

    def _finish_merge(self) -> None:
        db = self.db
        db.executemany(
            "INSERT INTO reactor VALUES (?,?)",
            [(n, marshal.dumps(list(s.actors))) for n, s in self._slots.items() if s.changed],
        )
        # The time the ranking reads is the newest (the most specific).
        db.execute(
            "UPDATE events SET (tlo, thi, tval) = (SELECT tlo, thi, tval FROM retime r WHERE r.n = events.n) "
            "WHERE n IN (SELECT n FROM retime)"
        )
        db.execute("CREATE INDEX events_id ON events (id)")
        # Relation ends are renamed once every alias is known, and repeated relations dropped (the first
        # one kept), as Fold.result does.
        for end in ("source", "target"):
            db.execute(
                f"UPDATE relations SET {end} = (SELECT e.id FROM alias a JOIN events e ON e.n = a.n "
                f"WHERE a.id = relations.{end}) WHERE {end} IN (SELECT id FROM alias)"
            )
        db.execute(
            "DELETE FROM relations WHERE source = target OR seq NOT IN "
            "(SELECT MIN(seq) FROM relations GROUP BY source, target, type, point, glo, ghi)"
        )

    def _rank(self, warnings: list[str]) -> None:
        db = self.db
        # Groups of events that relations connect (relations whose ends are both events), as order() has.
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        linked = db.execute(
            "SELECT r.seq, r.source, r.target FROM relations r JOIN events a ON a.id = r.source "
            "JOIN events b ON b.id = r.target"
        ).fetchall()
        for _, s, t in linked:
            parent[find(s)] = find(t)
        number: dict[str, int] = {}
        for x in list(parent):
            number.setdefault(find(x), len(number) + 1)
        db.executemany(
            "UPDATE relations SET grp = ? WHERE seq = ?", [(number[find(s)], q) for q, s, _ in linked]
        )
        db.execute("CREATE TEMP TABLE grp (id TEXT PRIMARY KEY, g INTEGER) WITHOUT ROWID")
        db.executemany("INSERT INTO grp VALUES (?,?)", [(x, number[find(x)]) for x in parent])
        parent.clear()  # only the group numbers on disk are needed from here on
        number.clear()
        linked.clear()
        db.execute("CREATE INDEX relations_grp ON relations (grp, seq)")
        db.execute(
            "CREATE TEMP TABLE place (n INTEGER PRIMARY KEY, g INTEGER, lo REAL, hi REAL, elo REAL, "
            "ehi REAL, "
            "anch INTEGER, k0 REAL, k1 REAL, k2 REAL, k3 REAL, k4 REAL)"
        )
        # 1. Bounds, group by group (an event no relation touches is a group of its own).
        out: list[tuple] = []
        for g, stubs in self._groups():
            rels = self._relations(g) if g else []
            # a relation that contradicts the times is ignored by the ranks too (as order() does)
            for r in solve_group(stubs, rels, self.refs, warnings):
                db.execute(
                    "DELETE FROM relations WHERE grp = ? AND source = ? AND target = ? AND type = ? "
                    "AND point = ? AND glo = ? AND ghi = ?",
                    (g, r.source, r.target, r.type.value, r.point, r.gap[0], r.gap[1]),
                )
            for s in stubs:
                k = order_key(s) if placed(s) else (None,) * 4
                out.append((s.n, g, s.lo, s.hi, s.end_lo, s.end_hi, int(placed(s)), *k, None))
            if len(out) >= 4096:
                db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", out)
                out.clear()
        db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", out)
        # 2. Keys, in text order (an unanchored event takes the key of the one told before it).
        rows = db.execute(
            "SELECT e.n, e.article, e.pos, p.anch, p.k0, p.k1, p.k2, p.k3 "
            "FROM events e JOIN place p USING (n) "
            "ORDER BY e.article, e.pos, e.n"
        )
        keyed = text_keys(
            (n, art, pos, (k0, k1, k2, k3) if anch else None) for n, art, pos, anch, k0, k1, k2, k3 in rows
        )
        pending: list[tuple] = []
        for n, k in keyed:
            pending.append((*k, n))
            if len(pending) >= 4096:
                db.executemany("UPDATE place SET k0 = ?, k1 = ?, k2 = ?, k3 = ?, k4 = ? WHERE n = ?", pending)
                pending.clear()
        db.executemany("UPDATE place SET k0 = ?, k1 = ?, k2 = ?, k3 = ?, k4 = ? WHERE n = ?", pending)
        # 3. Each group's order, as a sort key; an event on its own is its own key.
        db.execute(
            "CREATE TEMP TABLE ord (n INTEGER PRIMARY KEY, p0 REAL, p1 REAL, p2 REAL, p3 REAL, p4 REAL, "
            "pid TEXT, ppos INTEGER)"
        )
        db.execute(
            "INSERT INTO ord SELECT p.n, k0, k1, k2, k3, k4, e.id, 0 FROM place p JOIN events e USING (n) "
            "WHERE p.g IS NULL"
        )
        grouped = db.execute(
            "SELECT p.g, e.id, p.anch, k0, k1, k2, k3, k4, p.n FROM place p JOIN events e USING (n) "
            "WHERE p.g IS NOT NULL ORDER BY p.g, p.n"
        )
        out = []
        for g, run in groupby(grouped, key=itemgetter(0)):
            members = list(run)
            keys = {eid: (k0, k1, k2, k3, k4) for _, eid, _, k0, k1, k2, k3, k4, _ in members}
            anchored_ids = {eid: bool(anch) for _, eid, anch, *_ in members}
            n_of = {eid: n for _, eid, *_, n in members}
            rels = self._relations(g)
            tie_keys(rels, keys, anchored_ids)
            for eid, (top, top_id, pos) in sequence(list(keys), rels, keys):
                out.append((n_of[eid], *top, top_id, pos))
            if len(out) >= 4096:
                db.executemany("INSERT INTO ord VALUES (?,?,?,?,?,?,?,?)", out)
                out.clear()
        db.executemany("INSERT INTO ord VALUES (?,?,?,?,?,?,?,?)", out)
        # 4. The ranks: one sort, on disk, of the keys alone.
        db.execute("CREATE TEMP TABLE ranked (rank INTEGER PRIMARY KEY, n INTEGER)")
        db.execute("INSERT INTO ranked (n) SELECT n FROM ord ORDER BY p0, p1, p2, p3, p4, pid, ppos")
        db.execute("CREATE INDEX extra_n ON extra (n)")

    def _groups(self) -> Iterator[tuple[int | None, list[_Stub]]]:
        """Every event as a stub, group by group: (None, [one event]) for an event no relation touches."""
        rows = self.db.execute(
            "SELECT g.g, e.n, e.id, e.title, e.modality, e.tlo, e.thi, e.tval, e.article, e.pos "
            "FROM events e LEFT JOIN grp g ON g.id = e.id ORDER BY g.g, e.n"
        )
        for g, run in groupby(rows, key=itemgetter(0)):
            # Lazily: the events no relation touches are one run here, and most of the events.
            stubs = (
                _Stub(n, eid, title, Modality(modality), None if tval is None else _Time(tlo, thi, tval),
                      [_First(article, (pos, pos))])
                for _, n, eid, title, modality, tlo, thi, tval, article, pos in run
            )  # fmt: skip
            if g is None:
                for stub in stubs:
                    yield None, [stub]
            else:
                yield g, list(stubs)

    def _relations(self, g: int) -> list[Relation]:
        return [
            Relation(s, t, RelType(ty), sig, art, (glo, ghi), point)
            for s, t, ty, sig, art, glo, ghi, point in self.db.execute(
                "SELECT source, target, type, signal, article, glo, ghi, point FROM relations "
                "WHERE grp = ? ORDER BY seq",
                (g,),
            )
        ]
