"""One row per happening: an article that tells one happening twice with the same verb ("Fires broke out
across six districts ... The fires broke out after debris fell") gets one event with both mentions.

Two rows of one article are one happening when they have the same class and the same verb (its lemma,
from the parse), times that are precise and overlap, compatible statuses (or one asserted), and either a
participant in common or titles of mostly the same words. Different verbs are left apart: "the fire broke
out" and "the fire engulfed 140 buildings" may be one happening, but nothing in the structure says so.

Reads: events (after `roles.judge`) and the `Syntax`. Writes: the events kept, and for each event folded
into another, the one it joined.
"""

from __future__ import annotations

import math
import re

from newsline.language.syntax import Syntax
from newsline.model import Event, Modality

_WORD = re.compile(r"[a-z]{3,}")


def _lemma(e: Event, syntax: Syntax) -> str | None:
    m = e.mentions[0]
    w = syntax.at(m.trigger[0], m.trigger[1])
    return w.lemma.lower() if w is not None and syntax.is_predicate(w) else None


def _precise(e: Event) -> bool:
    t = e.time
    return t is not None and not (math.isinf(t.lo) or math.isinf(t.hi)) and t.hi - t.lo <= 3 * 1440


def _alike(a: Event, b: Event) -> bool:
    if {x.lower() for x in a.actors} & {x.lower() for x in b.actors}:
        return True
    wa, wb = set(_WORD.findall(a.title.lower())), set(_WORD.findall(b.title.lower()))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def join_retellings(events: list[Event], syntax: Syntax) -> dict[int, Event]:
    """Fold every row that retells an earlier row of the article into it (its mentions and actors join);
    returns {id(folded event): the event it joined}. Minor events are left alone."""
    joined: dict[int, Event] = {}
    kept: list[tuple[Event, str]] = []
    for e in sorted(events, key=lambda e: e.mentions[0].trigger[0]):
        if e.minor or not _precise(e):
            continue
        lemma = _lemma(e, syntax)
        if lemma is None:
            continue
        target = next(
            (
                a
                for a, la in kept
                if la == lemma
                and a.kind == e.kind
                and a.time is not None
                and e.time is not None
                and a.time.lo < e.time.hi
                and e.time.lo < a.time.hi
                and (a.modality == e.modality or Modality.ASSERTED in (a.modality, e.modality))
                and _alike(a, e)
            ),
            None,
        )
        if target is None:
            kept.append((e, lemma))
            continue
        target.mentions.extend(e.mentions)
        target.actors.extend(x for x in e.actors if x not in target.actors)
        if e.time.hi - e.time.lo < target.time.hi - target.time.lo:  # type: ignore[union-attr]
            target.time, target.time_source = e.time, e.time_source  # the more precise time
        joined[id(e)] = target
    return joined
