"""Parsing many articles at once: a pure map (one article -> one Timeline) and an order-free reduce (merge).

`parse_many` runs the map in worker processes on one machine; `map_article` and `newsline.merge` are the
two halves to hand to a distributed engine (`newsline.run.dask` does it with Dask). The result never
depends on the number of workers or on the order in which they finish: merge sorts its inputs by article
id, and `newsline.run.stream` folds the timelines in that order as they arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import tzinfo

from newsline.model import Article, Timeline
from newsline.pipeline import parse_article


def map_article(article: Article, tz: tzinfo | None = None) -> Timeline | tuple[str, str]:
    """The map step: one article's timeline, or (article id, error message) when it cannot be parsed.

    Errors come back as values, not exceptions, so one bad article never stops a batch or a cluster job.
    """
    try:
        return parse_article(article, tz)
    except Exception as exc:  # a bug on one article must not cost the others
        return (article.id, f"{type(exc).__name__}: {exc}")


def parse_many(
    articles: Iterable[Article],
    jobs: int | None = None,
    tz: tzinfo | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> Timeline:
    """One merged timeline from `articles`, parsed by `jobs` processes (default: every core): the same as
    `merge` of each article's timeline, folded as they arrive (`newsline.run.stream.parse_stream`).

    `on_error(article_id, message)` hears about articles that could not be parsed; they are left out.
    """
    from newsline.run.stream import parse_stream

    return parse_stream(list(articles), jobs=jobs, tz=tz, on_error=on_error)
