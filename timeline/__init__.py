"""newsline's library: news articles in, a dated, ordered, merged timeline of events out.

    >>> import newsline
    >>> tl = newsline.parse_text(text, published="2025-07-04", source="kyiv.txt")
    >>> [e.title for e in tl.events]
    >>> newsline.to_json(tl)

No clock is read anywhere in this package: the reference time is the article's publication time, given or
found in the text, or unknown (then days are reported relative to publication).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from newsline.model import (
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
)
from newsline.readers.files import parse_published

if TYPE_CHECKING:
    from newsline.formats.document import SCHEMA, to_dict, to_json, to_jsonl
    from newsline.merge.fold import merge
    from newsline.pipeline import parse_article

__version__ = "0.1.0"



def __getattr__(name: str) -> Any:
    """The writers, the merge and the event pipeline, imported on first use: `newsline tag` needs none of
    them, and importing them was most of its cold start (`import newsline` runs before `newsline.cli`)."""
    if name in ("SCHEMA", "to_dict", "to_json", "to_jsonl"):
        from newsline.formats import document

        value = getattr(document, name)
    elif name == "parse_article":
        from newsline.pipeline import parse_article as value
    elif name == "merge":
        from newsline.merge.fold import merge as value
    else:
        raise AttributeError(f"module 'newsline' has no attribute {name!r}")
    globals()[name] = value
    return value


def parse_text(
    text: str,
    published: str | date | datetime | None = None,
    source: str | None = None,
    id: str = "article",
    title: str | None = None,
    tz: tzinfo | None = None,
) -> Timeline:
    """The timeline of one article's text.

    `published` is the publication date or date-time (ISO string or object); without it, a dateline in
    the text is used, and failing that the days are relative to the unknown publication day.
    """
    from newsline.pipeline import parse_article

    pub = parse_published(published) if isinstance(published, str) else published
    article = Article(id, text, pub, source, title, "given" if pub is not None else None)
    return parse_article(article, tz)


def parse_articles(
    articles: list[Article],
    tz: tzinfo | None = None,
    on_error: Callable[[Article, Exception], None] | None = None,
) -> Timeline:
    """One timeline from several articles: each is parsed on its own, then they are merged.

    With `on_error`, an article whose parsing fails is reported to it and left out (the others go on);
    without it, the exception propagates.
    """
    from newsline.merge.fold import merge
    from newsline.pipeline import parse_article

    parsed = []
    for a in articles:
        try:
            parsed.append(parse_article(a, tz))
        except Exception as exc:
            if on_error is None:
                raise
            on_error(a, exc)
    if not parsed:
        return Timeline([], [], [], [], {}, [])
    return merge(parsed)


__all__ = [
    "SCHEMA",
    "AnchorKind",
    "Article",
    "Event",
    "Mention",
    "Modality",
    "Reference",
    "RelType",
    "Relation",
    "TimeMention",
    "Timeline",
    "__version__",
    "merge",
    "parse_article",
    "parse_articles",
    "parse_published",
    "parse_text",
    "to_dict",
    "to_json",
    "to_jsonl",
]


class _Package(types.ModuleType):
    """`newsline.merge` is the function `merge`, as when it was imported here eagerly: importing the
    subpackage newsline.merge (which sets that attribute to the subpackage) must not replace it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "merge" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
