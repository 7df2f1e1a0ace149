"""Shared ranks in an entity timeline (`newsline.entity.ties`): events that nothing orders share a rank;
a relation, even through an event left off the entity's timeline, keeps them apart."""

from __future__ import annotations

import json
from datetime import date

import newsline
import pytest
from newsline.entity.select import keep_entity
from newsline.entity.ties import share_ranks, time_key
from newsline.model import AnchorKind, Event, Relation, RelType, TimeMention

DAY = 1440.0
PUB = date(2023, 4, 21)


def _event(n: int, lo: float | None, hi: float | None) -> Event:
    e = Event(f"e{n}", f"event {n}", "did", "action", [])
    if lo is not None and hi is not None:
        e.time = TimeMention("a", 0, 1, "x", "DATE", "v", "test", AnchorKind.ABSOLUTE, lo=lo, hi=hi)
    return e


# Times as (lo, hi) in days; None: no time. Relations as (from, to, type). The ranks expected.
CASES = [
    # Same day, nothing between them: one rank.
    ([(0, 1), (0, 1)], [], [1, 1]),
    # A part of the day is still that day.
    ([(0, 1), (0.5, 0.75)], [], [1, 1]),
    # Different days: their own ranks.
    ([(0, 1), (1, 2)], [], [1, 2]),
    # Same day but a relation orders them.
    ([(0, 1), (0, 1)], [(1, 2, RelType.BEFORE)], [1, 2]),
    ([(0, 1), (0, 1)], [(2, 1, RelType.AFTER)], [1, 2]),
    # Ordered through an event that is not on this timeline (e9).
    ([(0, 1), (0, 1)], [(1, 9, RelType.BEFORE), (9, 2, RelType.BEFORE)], [1, 2]),
    # Said to be simultaneous: still one rank.
    ([(0, 1), (0, 1)], [(1, 2, RelType.SIMULTANEOUS)], [1, 1]),
    # The same year: one rank; a year and a day inside it are not the same time.
    ([(0, 365), (0, 365), (3, 4)], [], [1, 1, 2]),
    # No time: never shares.
    ([None, None], [], [1, 2]),
    # Only consecutive events share: a different day between them keeps them apart.
    ([(0, 1), (1, 2), (0, 1)], [], [1, 2, 3]),
    # The third joins the group only if nothing orders it with any of the group.
    ([(0, 1), (0, 1), (0, 1)], [(1, 3, RelType.BEFORE)], [1, 1, 2]),
]


@pytest.mark.parametrize(("times", "relations", "ranks"), CASES)
def test_share_ranks(times: list, relations: list, ranks: list[int]):
    events = [_event(n, *((t[0] * DAY, t[1] * DAY) if t else (None, None))) for n, t in enumerate(times, 1)]
    rels = [Relation(f"e{a}", f"e{b}", kind, "", "a") for a, b, kind in relations]
    share_ranks(events, rels)
    assert [e.rank for e in events] == ranks


def test_time_key_of_a_day_and_of_an_open_time():
    assert time_key(_event(1, 0.25 * DAY, 0.5 * DAY)) == (0.0, DAY)
    assert time_key(_event(1, None, None)) is None
    assert time_key(_event(1, float("-inf"), DAY)) is None


def test_entity_document_says_ranks_are_shared():
    text = "Boeing delivered a jet on Monday. Boeing announced orders on Monday. Boeing cut jobs on Tuesday."
    tl = keep_entity(newsline.parse_text(text, published=PUB, id="a"), "Boeing")
    doc = json.loads(newsline.to_json(tl))
    assert doc["ties"] is True
    ranks = {e["title"].split()[1]: e["rank"] for e in doc["events"]}
    assert ranks == {"delivered": 1, "announced": 1, "cut": 2}


def test_whole_timeline_keeps_ranks_one_to_n():
    text = "Boeing delivered a jet on Monday. Boeing announced orders on Monday."
    doc = json.loads(newsline.to_json(newsline.parse_text(text, published=PUB, id="a")))
    assert "ties" not in doc
    assert [e["rank"] for e in doc["events"]] == list(range(1, len(doc["events"]) + 1))


def test_a_saved_entity_timeline_keeps_its_ties_and_a_merge_that_reranks_drops_them(newsline, tmp_path):
    text = "Boeing delivered a jet on Monday. Boeing announced orders on Monday. Boeing cut jobs on Tuesday."
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text("Airbus sold jets on Monday.")
    entity = newsline(
        "parse", str(tmp_path / "a.txt"), "-p", "2023-04-21", "--entity", "Boeing", "-f", "json"
    )
    (tmp_path / "a.json").write_text(entity.stdout)
    other = newsline("parse", str(tmp_path / "b.txt"), "-p", "2023-04-21", "-f", "json")
    (tmp_path / "b.json").write_text(other.stdout)
    alone = json.loads(newsline("merge", str(tmp_path / "a.json"), "-f", "json").stdout)
    assert alone["ties"] is True and [e["rank"] for e in alone["events"]] == [1, 1, 2]
    both = json.loads(
        newsline("merge", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "-f", "json").stdout
    )
    assert "ties" not in both
    assert sorted(e["rank"] for e in both["events"]) == list(range(1, len(both["events"]) + 1))
