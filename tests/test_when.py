"""A row's time from the expression its own clause governs (newsline.events.when), read off the parse:
sentences of our own, a pinned publication day (Friday 4 July 2025)."""

from __future__ import annotations

import newsline
import pytest

PUB = "2025-07-04"


def _row(text: str, word: str) -> newsline.Event:
    tl = newsline.parse_text(text, published=PUB)
    return next(e for e in tl.events if any(text[m.trigger[0] : m.trigger[1]] == word for m in e.mentions))


@pytest.mark.parametrize(
    "text, word, value",
    [
        # a reporting verb's own adjunct, past the content it reports
        ("The agency declared the flood a national disaster on Thursday.", "declared", "2025-07-03"),
        ("The council declared a state of emergency on Wednesday.", "declared", "2025-07-02"),
        # the expression hangs from the verb, whatever stands between
        ("Lawmakers approved the budget late on Tuesday after a long debate.", "approved", "2025-07-01"),
    ],
)
def test_the_clause_time_dates_the_row(text: str, word: str, value: str) -> None:
    e = _row(text, word)
    assert e.time is not None and e.time.value == value
    assert e.time_source == "same clause"


def test_a_time_inside_the_object_does_not_date_the_verb() -> None:
    # the quarter is the revenue's period, not the day of the report
    text = "Acme reported revenue of $7 billion for the fourth quarter of 2022."
    e = _row(text, "reported")
    assert e.time is None or not e.time.value.startswith("2022")
