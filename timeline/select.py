"""Choosing events: the timeline of one entity."""

from __future__ import annotations

import re

from timeline.model import Timeline


def _variants(entity: str) -> list[str]:
    """Ways an article may name the entity: the whole name, and its distinctive words."""
    words = [w for w in re.findall(r"[\w'-]+", entity) if len(w) > 2 or w.isdigit()]
    out = [entity]
    # "Boeing 787 Dreamliner" is also "the 787" and "Dreamliner"; "Steve Jobs" is also "Jobs".
    out += [w for w in words[1:]]
    return out


def keep_entity(tl: Timeline, entity: str) -> Timeline:
    """Only the events whose title, actors or sentence name `entity` (or a distinctive part of it)."""
    pats = [re.compile(r"\b" + re.escape(v) + r"\b", re.I) for v in _variants(entity)]

    def names(text: str) -> bool:
        return any(p.search(text) for p in pats)

    kept = [
        e
        for e in tl.events
        if names(e.title) or any(names(a) for a in e.actors) or any(names(m.text) for m in e.mentions)
    ]
    ids = {e.id for e in kept}
    for n, e in enumerate(kept, 1):
        e.rank = n
    rel = [r for r in tl.relations if r.source in ids and r.target in ids]
    return type(tl)(tl.articles, kept, rel, tl.time_mentions, tl.references, tl.warnings)
