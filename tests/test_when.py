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
        # a noun takes the time of the verb that only carries it, though the sentence opens on it
        (
            "The jury found Reyes guilty on Thursday. Sentencing is scheduled for July 14.",
            "Sentencing",
            "2025-07-14",
        ),
        # a time the parser hung inside the object is the verb's; one made the object's adjective is not
        ("Northwind reported second-quarter revenue of $1.8 billion last month.", "reported", "2025-06"),
        ("Acme reported third-quarter profit of $2 billion on Tuesday.", "reported", "2025-07-01"),
        # a "when" clause right after a time tells of that time
        ("The firm was sold in May 2023, when an investor took a 9 percent stake.", "took", "2023-05"),
        # the time that names the occasion in or at which it happened dates the verb
        (
            "The club said on Friday it had signed him. He scored twice in Sunday's final against Porto.",
            "scored",
            "2025-06-29",
        ),
        ("Courtois won the Golden Glove in this year's World Cup in Russia.", "won", "2025"),
        # a day "on" that the parser hung on the verb's object or adjunct is the verb's day
        (
            "The prime minister declared a state of emergency in both regions on Thursday.",
            "declared",
            "2025-07-03",
        ),
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


@pytest.mark.parametrize(
    "text, word, value",
    [
        # a participle that adds to a dated verb happens then, not at a time dated nearer in the sentence
        (
            "On Monday, the court acquitted the pilot of all charges over the 2019 crash, ending a legal "
            "fight that began in 2020.",
            "ending",
            "2025-06-30",
        ),
        (
            "The storm destroyed the pier on Tuesday, months after the 2024 floods, leaving the harbour "
            "closed.",
            "leaving",
            "2025-07-01",
        ),
        # a verb coordinated with a dated verb, sharing its subject
        (
            "Police arrested two men on Wednesday over the 2023 robbery and charged them with theft.",
            "charged",
            "2025-07-02",
        ),
    ],
)
def test_a_subjectless_clause_takes_the_time_of_the_dated_verb_it_hangs_on(
    text: str, word: str, value: str
) -> None:
    e = _row(text, word)
    assert e.time is not None and e.time.value == value


def test_a_noun_named_alone_is_titled_with_what_its_verb_does() -> None:
    text = "The jury found Reyes guilty on Thursday. Sentencing is scheduled for July 14."
    e = _row(text, "Sentencing")
    assert not e.minor and e.modality == newsline.Modality.PLANNED
    assert e.title == "Sentencing is scheduled"


@pytest.mark.parametrize(
    "text, word",
    [
        # a time of a clause of concession, or of a relative clause about something, is that clause's
        (
            "Although this was accepted by an independent panel in January, Khan was still handed a ban.",
            "handed",
        ),
        (
            "The announcement, which had already been issued to airlines two weeks ago, was made at a press "
            "conference in Jakarta.",
            "made",
        ),
        ("Cobalt's founder, Daniel Ortiz, who stepped down as CEO in 2021, will join the board.", "join"),
    ],
)
def test_a_background_clause_lends_no_time(text: str, word: str) -> None:
    # (nor a relative clause inside the verb's own window: "who stepped down in 2021, will join")
    e = _row(text, word)
    assert e.time is None or e.time_source not in ("sentence", "same clause")
