"""Choosing events: the timeline of one entity.

An event belongs to an entity's timeline when the entity takes part in it: it is named in the clause that
tells the event (its subject, its object, the noun phrase of a nominal event), not merely somewhere in the
same sentence. Articles name an entity in several ways ("Boeing 787 Dreamliner", "the 787", "Dreamliner";
"United States Air Force", "USAF"; "Steve Jobs", "Jobs"); `variants` lists them.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.lexicon import events_data
from timeline.model import Event, Modality, Timeline


@cache
def _generic() -> frozenset[str]:
    return frozenset(events_data()["entity"]["generic_words"])


def _brand_like(word: str) -> bool:
    """A word that names one thing on its own: mixed case ("iTunes"), or letters with digits ("A380")."""
    return bool(re.search(r"\d", word)) or (word[:1].islower() and any(c.isupper() for c in word))


def variants(entity: str) -> list[str]:
    """Ways an article may name the entity: the whole name; the name without a generic last word
    ("China Eastern Airlines" -> "China Eastern", "iTunes store" -> "iTunes"); its initials ("USAF");
    a model number ("787", "A380"); and the last word when it is distinctive ("Jobs", "Dreamliner")."""
    words = re.findall(r"[\w'-]+", entity)
    out = [entity]
    if len(words) < 2:
        return out
    generic = _generic()
    core = list(words)
    while len(core) > 1 and core[-1].lower() in generic:
        core.pop()
    if core != words and (len(core) >= 2 or _brand_like(core[0])):
        out.append(" ".join(core))
    if len(words) >= 3:
        out.append(" ".join(words[1:]))  # "Beatles Apple Corps" -> "Apple Corps"
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) >= 3:
        out.append("".join(w[0] for w in capitals))  # "United States Air Force" -> "USAF"
    for w in words[1:]:
        if re.search(r"\d", w) and len(w) >= 3:
            out.append(w)  # a model number: "the 787", "the A380"
    last = words[-1]
    if last.lower() not in generic and last[:1].isupper() and len(last) >= 4 and not re.search(r"\d", last):
        out.append(last)
    return list(dict.fromkeys(out))


def _pattern(entity: str) -> re.Pattern[str]:
    alts = sorted(variants(entity), key=len, reverse=True)
    # Case matters for initials and brand names ("USAF", "iTunes"); plain names match in any case.
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in alts) + r")(?![\w-])", re.I)


def takes_part(e: Event, texts: dict[str, str], pattern: re.Pattern[str]) -> bool:
    """Whether the entity is named in the clause of one of the event's mentions (or in its title or among
    its actors, which come from those clauses)."""
    if pattern.search(e.title) or any(pattern.search(a) for a in e.actors):
        return True
    for m in e.mentions:
        text = texts.get(m.article)
        if text is None:
            if pattern.search(m.text):
                return True
            continue
        a, b = m.clause
        if pattern.search(text, a, b) or pattern.search(text[a:b]):
            return True
    return False


def on_the_line(e: Event) -> bool:
    """Whether an event belongs on an entity's timeline: it happened, or it is planned for a time the text
    gives. What may happen or did not happen ("may deploy", "did not offer") is not a point of a timeline."""
    if e.modality in (Modality.POSSIBLE, Modality.NEGATED):
        return False
    return e.modality != Modality.PLANNED or e.time is not None


def keep_entity(tl: Timeline, entity: str) -> Timeline:
    """Only the events in which `entity` (or one of its variants) takes part and that are on the time line
    (see `on_the_line`), ranked 1..n in the same order as in the whole timeline."""
    pattern = _pattern(entity)
    texts = {a.id: a.text for a in tl.articles}
    kept = [e for e in tl.events if takes_part(e, texts, pattern) and on_the_line(e)]
    ids = {e.id for e in kept}
    for n, e in enumerate(kept, 1):
        e.rank = n
    rel = [r for r in tl.relations if r.source in ids and r.target in ids]
    return type(tl)(tl.articles, kept, rel, tl.time_mentions, tl.references, tl.warnings)
