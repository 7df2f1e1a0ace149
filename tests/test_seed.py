"""The seed article (samples/kyiv-drone-strike-2025-07-04.txt), with and without its publication date."""

from __future__ import annotations

import re

import newsline
import pytest
from newsline import Event, Timeline

CALL = re.compile(r"call.{0,40}Putin|Putin.{0,40}call", re.I)
NOT_TIMES = ("539", "476", "1,000", "11 missiles", "23 others", "14 of the injured", "five civilians")
VAGUE = {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}


@pytest.fixture(scope="module")
def seed(sample_text: str) -> Timeline:
    return newsline.parse_text(sample_text, published="2025-07-04", id="seed")


@pytest.fixture(scope="module")
def seed_relative(sample_text: str) -> Timeline:
    return newsline.parse_text(sample_text, id="seed")


@pytest.fixture(scope="module")
def seed_json(seed: Timeline) -> dict:
    return newsline.to_dict(seed)


def _first(tl: Timeline, pred) -> Event:
    found = [e for e in tl.events if pred(e)]
    assert found, "no such event in: " + "; ".join(e.title for e in tl.events)
    return min(found, key=lambda e: e.rank)


def call(tl: Timeline) -> Event:
    return _first(tl, lambda e: CALL.search(e.title))


def alerts(tl: Timeline) -> Event:
    return _first(tl, lambda e: "air raid alerts" in e.title)


def strike(tl: Timeline) -> Event:
    return _first(tl, lambda e: "drone assault" in e.title)


def test_the_call_is_dated_thursday(seed_json: dict):
    dated = [
        e
        for e in seed_json["events"]
        if CALL.search(e["title"]) and e["when"] and e["when"]["value"].startswith("2025-07-03")
    ]
    assert dated, [(e["title"], e["when"]) for e in seed_json["events"] if CALL.search(e["title"])]


def test_the_alerts_are_dated_thursday(seed: Timeline):
    e = alerts(seed)
    assert e.time is not None
    assert e.time.value == "2025-07-03"
    assert e.time.text == "yesterday"


def test_the_strike_is_thursday_night(seed: Timeline):
    e = strike(seed)
    assert e.time is not None
    assert e.time.value == "2025-07-03TNI"


def test_order_call_alerts_strike(seed: Timeline):
    assert call(seed).rank < alerts(seed).rank < strike(seed).rank


def test_counts_are_not_time_mentions(seed: Timeline):
    for m in seed.time_mentions:
        for bad in NOT_TIMES:
            assert bad not in m.text, (m.text, m.value, m.rule)


def test_time_mentions_are_exact_spans(seed: Timeline, sample_text: str):
    assert seed.time_mentions
    for m in seed.time_mentions:
        assert sample_text[m.start : m.end] == m.text
        assert m.article == "seed"


def test_events_are_well_formed(seed: Timeline, sample_text: str):
    assert seed.events
    for e in seed.events:
        assert e.title.strip(), e
        assert e.mentions, e
        for m in e.mentions:
            start, end = m.trigger
            assert 0 <= start < end <= len(sample_text), (e.title, m.trigger)
            word = sample_text[start:end]
            assert re.fullmatch(r"\w[\w’'\- ]*\w|\w", word), (e.title, word)
            # The span starts and ends on word boundaries.
            assert start == 0 or not sample_text[start - 1].isalnum(), (e.title, word)
            assert end == len(sample_text) or not sample_text[end].isalnum(), (e.title, word)
            assert m.article == "seed"
    assert sorted(e.rank for e in seed.events) == list(range(1, len(seed.events) + 1))
    assert [e.rank for e in seed.events] == sorted(e.rank for e in seed.events)
    assert len({e.id for e in seed.events}) == len(seed.events)


def test_json_contract(seed_json: dict):
    assert seed_json["schema"] == "newsline/1"
    assert [a["id"] for a in seed_json["articles"]] == ["seed"]
    assert seed_json["articles"][0]["published"] == "2025-07-04"
    assert seed_json["articles"][0]["published_from"] == "given"
    ids = {e["id"] for e in seed_json["events"]}
    for r in seed_json["relations"]:
        assert r["from"] in ids and r["to"] in ids, r


# --------------------------------------------------------------------------------------------------------
# Without a publication date: the order holds, days are relative to publication


def test_relative_order_call_alerts_strike(seed_relative: Timeline):
    assert call(seed_relative).rank < alerts(seed_relative).rank < strike(seed_relative).rank


def test_relative_values_are_underspecified(seed_relative: Timeline):
    assert seed_relative.articles[0].published is None
    relative = [
        m
        for m in seed_relative.time_mentions
        if m.anchor not in (newsline.AnchorKind.ABSOLUTE, newsline.AnchorKind.NONE) and m.value not in VAGUE
    ]
    assert relative
    for m in relative:
        assert m.value.startswith("XXXX"), (m.text, m.value)
    for e in seed_relative.events:
        if e.time is not None and e.time.value not in VAGUE and e.time.anchor != newsline.AnchorKind.ABSOLUTE:
            assert e.time.value.startswith("XXXX"), (e.title, e.time.value)


def test_relative_yesterday_is_one_day_before(seed_relative: Timeline):
    yesterday = [m for m in seed_relative.time_mentions if m.text.lower() == "yesterday"]
    assert yesterday
    assert all(m.rel_days == -1 for m in yesterday), [(m.text, m.rel_days) for m in yesterday]
    d = newsline.to_dict(seed_relative)
    when = next(e["when"] for e in d["events"] if "air raid alerts" in e["title"])
    assert when["relative_day"] == -1
    assert when["relative"] == "1 day before publication"
    assert when["start"] is None and when["end"] is None


def test_relative_strike_is_the_night_before(seed_relative: Timeline):
    e = strike(seed_relative)
    assert e.time is not None
    assert e.time.value == "XXXX-XX-XXTNI"
    assert e.time.rel_days == -1
