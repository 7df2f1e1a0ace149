"""One row per happening (newsline.events.retell): an article that tells one happening twice with the same
verb has one event with both mentions; different verbs, days or people stay apart."""

from __future__ import annotations

import newsline
import pytest

PUB = "2025-07-04"


def _rows(text: str) -> list[newsline.Event]:
    return [e for e in newsline.parse_text(text, published=PUB).events if not e.minor]


def _with(rows: list[newsline.Event], word: str, text: str) -> list[newsline.Event]:
    return [e for e in rows if any(text[m.trigger[0] : m.trigger[1]] == word for m in e.mentions)]


@pytest.mark.parametrize(
    "text, word, count",
    [
        # the same happening told twice, the same verb, the same day: one row with two mentions
        (
            "Rebels attacked the border post on Thursday. Officials said the rebels attacked the post "
            "with rockets on Thursday.",
            "attacked",
            1,
        ),
        # the same verb on two days: two happenings
        ("Rebels attacked the border post on Monday. Rebels attacked the border post again on Thursday.",
         "attacked", 2),
        # the same verb and day, other people and other words: two happenings
        ("Rebels attacked a convoy on Thursday. Police attacked protesters in the capital on Thursday.",
         "attacked", 2),
    ],
)
def test_retellings(text: str, word: str, count: int) -> None:
    rows = _with(_rows(text), word, text)
    assert len(rows) == count
    if count == 1:
        assert len([m for m in rows[0].mentions if text[m.trigger[0] : m.trigger[1]] == word]) == 2


def test_relations_of_a_folded_event_go_to_the_event_it_joined() -> None:
    text = (
        "Rebels attacked the border post on Thursday. Officials said the rebels attacked the post with "
        "rockets on Thursday, hours after talks collapsed."
    )
    tl = newsline.parse_text(text, published=PUB)
    ids = {e.id for e in tl.events}
    assert all(r.source in ids and r.target in ids for r in tl.relations)
