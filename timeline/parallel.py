"""Parsing many articles at once: a pure map (one article -> one Timeline) and an order-free reduce (merge).

`parse_many` runs the map in worker processes on one machine; `map_article` and `timeline.merge` are the two
halves to hand to a distributed engine (see `timeline.dask`). The result never depends on the number of
workers or on the order in which they finish: merge sorts its inputs by article id.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from datetime import tzinfo

from timeline.build import parse_article
from timeline.merge import merge
from timeline.model import Article, Timeline


def map_article(article: Article, tz: tzinfo | None = None) -> Timeline | tuple[str, str]:
    """The map step: one article's timeline, or (article id, error message) when it cannot be parsed.

    Errors come back as values, not exceptions, so one bad article never stops a batch or a cluster job.
    """
    try:
        return parse_article(article, tz)
    except Exception as exc:  # a bug on one article must not cost the others
        return (article.id, f"{type(exc).__name__}: {exc}")


def _map_star(args: tuple[Article, tzinfo | None]) -> Timeline | tuple[str, str]:
    return map_article(*args)


def parse_many(
    articles: Iterable[Article],
    jobs: int | None = None,
    tz: tzinfo | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> Timeline:
    """One merged timeline from `articles`, parsed by `jobs` processes (default: every core).

    `on_error(article_id, message)` hears about articles that could not be parsed; they are left out.
    """
    items = list(articles)
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(items) < 2:
        results = [map_article(a, tz) for a in items]
    else:
        # Chunks of several articles per task keep the inter-process traffic small.
        chunk = max(1, min(64, len(items) // (jobs * 4) or 1))
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_map_star, [(a, tz) for a in items], chunksize=chunk))
    timelines: list[Timeline] = []
    for r in results:
        if isinstance(r, Timeline):
            timelines.append(r)
        elif on_error is not None:
            on_error(*r)
    if not timelines:
        return Timeline([], [], [], [], {}, [])
    return merge(timelines)
