"""Reading a saved newsline/1 timeline back, so that timelines parsed apart can be merged later.

What the JSON does not keep (article texts, clause spans, the exact gaps of signal relations) comes back
as neutral values: enough to merge and re-rank, not to re-parse.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from newsline.model import (
    INF,
    AnchorKind,
    Article,
    Event,
    Mention,
    Modality,
    Reference,
    Relation,
    RelType,
    Timeline,
    TimeMention,
    to_minutes,
)

SCHEMA = "newsline/1"


class LoadError(ValueError):
    """The data is not a newsline/1 timeline; the message says what is wrong."""


# when.source back to Event.time_source (newsline.formats.document.time_source is the way out).
_SOURCE_BACK = {
    "clause": None,
    "sentence": "sentence",
    "narrative": "narrative",
    "lead": "lead",
    "tense": "tense",
    "speech": "speech time",
}


def _published(value: Any) -> date | datetime | None:
    if not value:
        return None
    text = str(value)
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def _minutes(value: Any, default: float) -> float:
    if not value:
        return default
    return to_minutes(datetime.fromisoformat(str(value)).replace(tzinfo=None))


def _time(w: dict[str, Any] | None, article: str, sentence: int) -> TimeMention | None:
    if not w:
        return None
    return TimeMention(
        article=article,
        start=-1,
        end=-1,
        text=str(w.get("text") or ""),
        type=str(w.get("type") or "DATE"),
        value=str(w.get("value") or ""),
        rule="loaded",
        anchor=AnchorKind(w.get("anchor") or "absolute"),
        granularity=w.get("granularity"),
        mod=w.get("mod"),
        lo=_minutes(w.get("start"), -INF),
        hi=_minutes(w.get("end"), INF),
        rel_days=w.get("relative_day"),
        sentence=sentence,
    )


def from_dict(doc: dict[str, Any]) -> Timeline:
    """A Timeline from the newsline/1 dict that `newsline.to_dict` makes (or `json.load` of its JSON)."""
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise LoadError(f'not a {SCHEMA} timeline (no "schema": "{SCHEMA}")')
    try:
        articles = []
        refs: dict[str, Reference] = {}
        for a in doc["articles"]:
            pub = _published(a.get("published"))
            articles.append(
                Article(str(a["id"]), "", pub, a.get("source"), a.get("title"), a.get("published_from"))
            )
            day = pub.date() if isinstance(pub, datetime) else pub
            refs[str(a["id"])] = Reference(day or date(2001, 1, 1), day is not None)
        events = []
        for e in doc["events"]:
            sources = e.get("sources") or []
            mentions = [
                Mention(
                    str(s["article"]),
                    int(s.get("sentence", -1)),
                    (int(s["trigger"][0]), int(s["trigger"][1])),
                    str(e.get("text") or "") if k == 0 else "",
                    (int(s["trigger"][0]), int(s["trigger"][1])),
                )
                for k, s in enumerate(sources)
            ]
            if not mentions:
                raise LoadError(f"event {e.get('id')!r} has no sources")
            bounds = e.get("bounds") or {}
            ev = Event(
                id=str(e["id"]),
                title=str(e.get("title") or ""),
                trigger=str(e.get("title") or ""),
                kind=str(e.get("kind") or "event"),
                mentions=mentions,
                actors=[str(x) for x in e.get("actors") or []],
                place=e.get("place"),
                speaker=e.get("speaker"),
                modality=Modality(e.get("modality") or "asserted"),
                time=_time(e.get("when"), mentions[0].article, mentions[0].sentence),
                time_source=_SOURCE_BACK.get(str((e.get("when") or {}).get("source") or "clause")),
                lo=_minutes(bounds.get("earliest_start"), -INF),
                hi=_minutes(bounds.get("latest_start"), INF),
                rank=int(e.get("rank") or 0),
                minor=e.get("minor") is True,
            )
            events.append(ev)
        relations = []
        for r in doc.get("relations") or []:
            rtype = RelType(r["type"])
            gap: tuple[float, float] = (-120.0, 120.0) if rtype == RelType.SIMULTANEOUS else (0.0, INF)
            point = (
                "start-start"
                if rtype == RelType.SIMULTANEOUS
                else ("overlap" if rtype in (RelType.INCLUDES, RelType.IS_INCLUDED) else "end-start")
            )
            relations.append(
                Relation(
                    str(r["from"]),
                    str(r["to"]),
                    rtype,
                    r.get("signal") or "",
                    events[0].mentions[0].article if events else "",
                    gap,
                    point,
                )
            )
        mentions_out = [
            TimeMention(
                article=str(m["article"]),
                start=int(m["start"]),
                end=int(m["end"]),
                text=str(m["text"]),
                type=str(m["type"]),
                value=str(m["value"]),
                rule=str(m.get("rule") or "loaded"),
                anchor=AnchorKind(m.get("anchor") or "absolute"),
                mod=m.get("mod"),
            )
            for m in doc.get("time_mentions") or []
        ]
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, LoadError):
            raise
        raise LoadError(f"malformed {SCHEMA} timeline: {type(exc).__name__}: {exc}") from None
    for e in events:
        if math.isnan(e.lo):
            e.lo = -INF
    warnings = [str(w) for w in doc.get("warnings") or []]
    # An entity timeline's shared ranks stay shared, and said to be, when it is read back as it was.
    return Timeline(articles, events, relations, mentions_out, refs, warnings, ties=doc.get("ties") is True)
