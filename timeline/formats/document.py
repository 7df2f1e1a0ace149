"""The newsline/1 contract: one serialiser that every output format builds on.

Key order is fixed (dicts are built in the documented order), values are plain JSON types, and times are
ISO 8601 on the article's local clock (with its UTC offset when a time zone is known).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from newsline.language.excerpt import excerpt
from newsline.model import AnchorKind, Event, Reference, Timeline, TimeMention

SCHEMA = "newsline/1"


def _iso_published(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")
    return value.isoformat()


def relative_label(days: int | None) -> str | None:
    """ "publication day", "1 day before publication", ... for a day offset."""
    if days is None:
        return None
    if days == 0:
        return "publication day"
    n = abs(days)
    unit = "day" if n == 1 else "days"
    return f"{n} {unit} {'before' if days < 0 else 'after'} publication"


# Where an event's time came from, as the JSON says it: its own clause, its sentence, or inferred from
# the story (the last dated happening told before it, the lead's time, or the tense of a present-tense
# report, which dates it to the publication day).
_SOURCES = {"sentence": "sentence", "narrative": "narrative", "lead": "lead", "speech time": "speech"}


def time_source(raw: str | None) -> str:
    """The `when.source` value for an Event.time_source."""
    if raw is None:
        return "clause"
    if raw.startswith("tense") or "present" in raw:
        return "tense"
    return _SOURCES.get(raw, "clause")


def when_dict(
    m: TimeMention | None, ref: Reference | None, source: str | None = None
) -> dict[str, Any] | None:
    """The `when` object of an event: the expression that dates it, its value, its interval, and where
    the time came from (`source`: clause, sentence, narrative, lead, tense)."""
    if m is None:
        return None
    absolute = ref is not None and (ref.known or m.anchor == AnchorKind.ABSOLUTE)
    start = ref.iso(m.lo) if ref is not None and absolute and not math.isinf(m.lo) else None
    end = ref.iso(m.hi) if ref is not None and absolute and not math.isinf(m.hi) else None
    return {
        "text": m.text,
        "value": m.value,
        "type": m.type,
        "start": start,
        "end": end,
        "granularity": m.granularity,
        "mod": m.mod,
        "anchor": m.anchor.value,
        "relative_day": m.rel_days,
        "relative": relative_label(m.rel_days),
        "source": time_source(source),
    }


def event_dict(e: Event, refs: dict[str, Reference]) -> dict[str, Any]:
    first = e.mentions[0]
    ref = refs.get(e.time.article if e.time else first.article)
    known = ref is not None and ref.known
    return {
        "id": e.id,
        "rank": e.rank,
        "title": e.title,
        "text": excerpt(first),
        "kind": e.kind,
        "modality": e.modality.value,
        "minor": e.minor,
        "when": when_dict(e.time, ref, e.time_source),
        "bounds": {
            "earliest_start": ref.iso(e.lo) if known and ref else None,
            "latest_start": ref.iso(e.hi) if known and ref else None,
        },
        "actors": list(e.actors),
        "place": e.place,
        "speaker": e.speaker,
        "sources": [
            {"article": m.article, "trigger": [m.trigger[0], m.trigger[1]], "sentence": m.sentence}
            for m in e.mentions
        ],
    }


def mention_dict(m: TimeMention) -> dict[str, Any]:
    return {
        "article": m.article,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type,
        "value": m.value,
        "mod": m.mod,
        "anchor": m.anchor.value,
        "rule": m.rule,
    }


def to_dict(tl: Timeline) -> dict[str, Any]:
    """The whole timeline as the newsline/1 JSON object."""
    return {
        "schema": SCHEMA,
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "title": a.title,
                "published": _iso_published(a.published),
                "published_from": a.published_from,
            }
            for a in tl.articles
        ],
        "events": [event_dict(e, tl.references) for e in tl.events],
        "relations": [
            {"from": r.source, "to": r.target, "type": r.type.value, "signal": r.signal or None}
            for r in tl.relations
        ],
        "time_mentions": [mention_dict(m) for m in tl.time_mentions],
        "warnings": list(tl.warnings),
        # Optional, so that a timeline with ranks 1..n reads exactly as before it existed.
        **({"ties": True} if getattr(tl, "ties", False) else {}),
    }


def to_json(tl: Timeline, indent: int | None = 2) -> str:
    return json.dumps(to_dict(tl), ensure_ascii=False, indent=indent) + "\n"


def to_jsonl(tl: Timeline) -> Iterator[str]:
    """One event a line (each with its article ids in `sources`), nothing else."""
    for e in to_dict(tl)["events"]:
        yield json.dumps(e, ensure_ascii=False) + "\n"
