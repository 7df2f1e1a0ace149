"""Titles built from the parse (events.sentence): who did what, to whom, with nothing cut out leaving a gap,
numbers whole; times, attributions, relative clauses and trailing adjuncts left to the other columns.
Sentences of our own."""

from __future__ import annotations

import newsline
import pytest


def _title(text: str, word: str) -> str:
    """The title of the event of `text` one of whose mentions' triggers is `word`."""
    tl = newsline.parse_text(text, published="2025-07-04")
    return next(
        e.title for e in tl.events if any(text[m.trigger[0] : m.trigger[1]] == word for m in e.mentions)
    )


@pytest.mark.parametrize(
    "text, word, title",
    [
        # a verb of finding keeps what was found; the relative clause on its subject is left out
        (
            "The inquiry, which opened in May, found the pilot had ignored three warnings.",
            "found",
            "The inquiry found the pilot had ignored three warnings",
        ),
        # a time that opens the sentence is the day's column; the subject the parser hung on it after
        # its comma, with the count that leads it, is the clause's own
        (
            "Within two hours of the opening, over 5,000 visitors had entered the museum.",
            "entered",
            "Over 5,000 visitors had entered the museum",
        ),
        # a trailing participle set off by a comma is another happening; a name written with hyphens
        # stays whole
        (
            "Gunmen attacked a clinic south of Port-au-Prince on Monday, wounding two nurses.",
            "attacked",
            "Gunmen attacked a clinic south of Port-au-Prince",
        ),
        # a coordinated predicate that tells no row of its own is part of what the row tells
        (
            'She said she has retired and has "no plans to return".',
            "retired",
            'She has retired and has "no plans to return"',
        ),
    ],
)
def test_a_title_is_the_clause_from_the_parse(text: str, word: str, title: str) -> None:
    assert _title(text, word) == title
