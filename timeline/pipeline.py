"""The pipeline: one article to its timeline, each stage called once, in order.

    text -> Document (language) -> reference day and time mentions (timex) -> events and relations (events)
         -> bounds and ranks (order) -> Timeline
"""

from __future__ import annotations

from datetime import tzinfo

from newsline.events.extract import extract
from newsline.events.retell import join_retellings
from newsline.events.roles import judge
from newsline.events.when import clause_times
from newsline.language.excerpt import note_sentence_starts
from newsline.language.syntax import analyse
from newsline.language.text import Document, segment
from newsline.model import Article, Relation, Timeline
from newsline.order.solve import order
from newsline.timex.reference import article_times, publication_mention


def parse_article(article: Article, tz: tzinfo | None = None, doc: Document | None = None) -> Timeline:
    """One article to its timeline: time mentions, events, relations, bounds and ranks. `doc`: the
    article's text segmented already (`segment(article.text)`, by a runner that parses the sentences of
    several articles at once: `newsline.language.syntax.prefetch`); it is not to be used again."""
    if doc is None:
        doc = segment(article.text)
    mentions, ref, origin, speech = article_times(article, doc, tz)
    publication = publication_mention(article.id, ref)
    events, relations = extract(doc, article.id, mentions, publication)
    syntax = analyse(doc)
    judge(doc, syntax, events, mentions, publication)
    clause_times(events, syntax, mentions)  # the time its own clause governs, as the parse reads it
    joined = join_retellings(events, syntax)  # one row per happening
    events = [e for e in events if id(e) not in joined]
    note_sentence_starts(events, doc)  # for the bounded `text` of the output (newsline.language.excerpt)
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
    for folded, target in joined.items():
        remap[f"@{folded}"] = remap[f"@{id(target)}"]
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
