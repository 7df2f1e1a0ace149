"""A merged timeline kept on disk (what `SpillFold.result` returns): its events read back in rank order."""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from newsline.merge.packing import _unpack_time, unpack_event
from newsline.model import Article, Event, Mention, Reference, Relation


@dataclass
class SpilledTimeline:
    """A merged timeline on disk: its articles, references and warnings in memory, its events read back
    one at a time in rank order (`events` can be iterated once; `close()` when done)."""

    articles: list[Article]
    references: dict[str, Reference]
    warnings: list[str]
    db: sqlite3.Connection
    relations: list[Relation] = field(default_factory=list)  # not kept: JSON Lines output has none

    @property
    def events(self) -> Iterator[Event]:
        """The events in rank order, each with every source, its bounds and its rank."""
        db = self.db
        # Events and their added sources are read by rank through indexes: no sort holds the rows.
        main = db.execute(
            "SELECT e.n, e.data, ra.actors, rt.time, p.lo, p.hi, p.elo, p.ehi, sh.n FROM ranked r "
            "JOIN events e ON e.n = r.n JOIN place p ON p.n = r.n LEFT JOIN reactor ra ON ra.n = r.n "
            "LEFT JOIN retime rt ON rt.n = r.n LEFT JOIN shown sh ON sh.n = r.n ORDER BY r.rank"
        )
        more = db.cursor().execute(
            "SELECT x.n, x.data FROM ranked r JOIN extra x ON x.n = r.n ORDER BY r.rank, x.seq"
        )
        ahead = more.fetchone()
        for rank, (n, data, actors, time, lo, hi, elo, ehi, shown) in enumerate(main, 1):
            e = unpack_event(data)
            if shown is not None:
                e.minor = False
            if actors is not None:
                e.actors = marshal.loads(actors)
            if time is not None:
                e.time = _unpack_time(marshal.loads(time))
            while ahead is not None and ahead[0] == n:
                a, s, tr, x, c, st = marshal.loads(ahead[1])
                e.mentions.append(Mention(a, s, tuple(tr), x, tuple(c), st))
                ahead = more.fetchone()
            e.lo, e.hi, e.end_lo, e.end_hi = lo, hi, elo, ehi
            e.rank = rank
            yield e

    def close(self) -> None:
        self.db.close()
