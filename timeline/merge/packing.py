"""Timelines and events packed for the trip between processes and into the spill file: plain tuples
marshalled to bytes (several times faster both ways than pickling the dataclasses).

Also `lighten`: mentions without the texts the merged timeline will not need, which is what makes what a
worker sends back and what a merge holds smaller.

Reads `Timeline`s and `Event`s. Writes `Packed` timelines and event bytes, and reads them back.
"""

from __future__ import annotations

import marshal
from collections.abc import Sequence
from dataclasses import dataclass

from newsline.merge.same import sentence_sign
from newsline.model import AnchorKind, Article, Event, Mention, Modality, Reference, Timeline, TimeMention


def _pack_time(t: TimeMention | None) -> tuple | None:
    if t is None:
        return None
    return (
        t.article,
        t.start,
        t.end,
        t.text,
        t.type,
        t.value,
        t.rule,
        t.anchor.value,
        t.granularity,
        t.mod,
        t.lo,
        t.hi,
        t.rel_days,
        t.quantity,
        t.sentence,
    )


def _unpack_time(t: tuple | None) -> TimeMention | None:
    if t is None:
        return None
    return TimeMention(*t[:7], AnchorKind(t[7]), *t[8:])  # type: ignore[arg-type]


def _pack_mention(m: Mention) -> tuple:
    return (m.article, m.sentence, m.trigger, m.text, m.clause, m.sentence_start)


def pack_event(e: Event) -> bytes:
    """An event as bytes (marshal of plain tuples: several times faster both ways than pickling the
    dataclasses, whose slots pickle through Python code)."""
    return marshal.dumps(
        (
            e.id,
            e.title,
            e.trigger,
            e.kind,
            [_pack_mention(m) for m in e.mentions],
            e.actors,
            e.place,
            e.speaker,
            e.modality.value,
            _pack_time(e.time),
            e.time_source,
            e.lo,
            e.hi,
            e.end_lo,
            e.end_hi,
            e.rank,
            e.nominal,
            e.minor,
        )
    )


def unpack_event(data: bytes) -> Event:
    """`pack_event` undone."""
    t = marshal.loads(data)
    mentions = [Mention(a, s, tuple(tr), x, tuple(c), st) for a, s, tr, x, c, st in t[4]]
    return Event(
        t[0], t[1], t[2], t[3], mentions, t[5], t[6], t[7], Modality(t[8]), _unpack_time(t[9]), *t[10:]
    )


@dataclass(slots=True)
class Packed:
    """A timeline as a worker sends it to a `SpillFold`: its events already as the rows the fold stores
    (`pack`), so that the process folding them does not unpickle and re-pickle every event."""

    articles: list[Article]
    references: dict[str, Reference]
    relations: list[tuple]
    events: list[tuple]  # (id, kind, modality, time lo, hi, value, title, trigger, actors, mention spans,
    #                       the event packed, rank, sentence_sign of its first mention)
    warnings: list[str]


def pack(t: Timeline) -> Packed:
    """`t` as a `Packed` timeline."""
    events = []
    for e in t.events:
        time = e.time
        events.append(
            (
                e.id,
                e.kind,
                e.modality.value,
                None if time is None else time.lo,
                None if time is None else time.hi,
                None if time is None else time.value,
                e.title,
                e.trigger,
                list(e.actors),
                [(m.article, *m.trigger) for m in e.mentions],
                pack_event(e),
                e.rank,
                sentence_sign(e.mentions[0]),
            )
        )
    relations = [
        (r.source, r.target, r.type.value, r.signal, r.article, *r.gap, r.point) for r in t.relations
    ]
    return Packed(t.articles, t.references, relations, events, list(t.warnings))


NO_SPAN = (0, 0)


def lighten(mentions: Sequence[Mention]) -> None:
    """Without the texts, a mention that is not its event's first needs only where it is (article,
    sentence, trigger) for the output: its sentence and clause serve the parse, the first mention's
    sentence is the event's `text`, and only `--entity` (which keeps the texts) reads the others. Letting
    them go makes what a worker sends back and what the merge holds smaller."""
    for m in mentions:
        m.text = ""
        m.clause = NO_SPAN
