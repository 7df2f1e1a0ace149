"""Many articles: the parallel map gives the same timeline as one process; merge is idempotent; saved
timelines load back and merge."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsline import Article, merge, to_dict, to_json
from newsline.readers.saved import LoadError, from_dict
from newsline.run.pool import map_article, parse_many

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt").read_text(encoding="utf-8")
OTHER = (
    "Officials said on Monday that the talks ended without a deal. Protesters gathered in the capital "
    "overnight, and police arrested 12 people. The minister will travel to Brussels next week."
)


def _articles() -> list[Article]:
    from datetime import date

    return [
        Article("seed", SEED, date(2025, 7, 4)),
        Article("other", OTHER, date(2025, 7, 8)),
        Article("third", OTHER.replace("Monday", "Tuesday"), None),
    ]


def test_parse_many_is_the_same_whatever_the_number_of_processes() -> None:
    one = to_json(parse_many(_articles(), jobs=1))
    two = to_json(parse_many(_articles(), jobs=2))
    assert one == two
    assert one == to_json(parse_many(list(reversed(_articles())), jobs=2))


def test_merge_with_itself_changes_nothing() -> None:
    tl = parse_many(_articles(), jobs=1)
    assert to_json(merge([tl, tl])) == to_json(tl)


def test_map_article_returns_errors_as_values() -> None:
    bad = Article("bad", None, None)  # type: ignore[arg-type]
    result = map_article(bad)
    assert isinstance(result, tuple) and result[0] == "bad"
    seen: list[str] = []
    tl = parse_many([*_articles(), bad], jobs=1, on_error=lambda aid, msg: seen.append(aid))
    assert seen == ["bad"] and {a.id for a in tl.articles} == {"seed", "other", "third"}


def test_saved_timelines_load_back_and_merge() -> None:
    a = parse_many(_articles()[:1], jobs=1)
    b = parse_many(_articles()[1:], jobs=1)
    da, db = json.loads(to_json(a)), json.loads(to_json(b))
    loaded = from_dict(da)
    assert [e.title for e in loaded.events] == [e["title"] for e in da["events"]]
    merged = to_dict(merge([from_dict(da), from_dict(db)]))
    assert {x["id"] for x in merged["articles"]} == {"seed", "other", "third"}

    # Every source of the inputs is in the merged timeline, once.
    def sources(doc: dict) -> list[tuple[str, int, int]]:
        return sorted((s["article"], *s["trigger"]) for e in doc["events"] for s in e["sources"])

    assert sources(merged) == sorted(sources(da) + sources(db))
    assert len(merged["events"]) <= len(da["events"]) + len(db["events"])
    assert sorted(e["rank"] for e in merged["events"]) == list(range(1, len(merged["events"]) + 1))


def test_loading_something_else_is_a_clear_error() -> None:
    with pytest.raises(LoadError, match="newsline/1"):
        from_dict({"events": []})
    with pytest.raises(LoadError, match="malformed"):
        from_dict({"schema": "newsline/1", "articles": [{}], "events": []})


def test_an_article_without_events_is_not_lost_in_a_merge() -> None:
    tl = parse_many([*_articles()[:1], Article("empty", "No news here.", None)], jobs=1)
    assert {a.id for a in tl.articles} == {"seed", "empty"}
