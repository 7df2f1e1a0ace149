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
        # one speaker, one day, one verb of saying, two things said: two announcements of one keynote
        # (the first one's subject a "she" its title names in brackets, which is no evidence either)
        (
            "Acme chief executive Jane Roe gave her annual keynote in Boston on Monday.\nShe announced a "
            "new phone, and, to the surprise of many, that future laptops will use Acme chips.\nJane Roe "
            "announced that automatic backups would be built in to every phone.\nJane announced that the "
            "new laptop would be released in 2026.\n",
            "announced",
            3,
        ),
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


@pytest.mark.parametrize(
    "text, words, together",
    [
        # a definite noun names the happening told before with its verb
        ("The board decided on Monday to close the plant. The decision came after months of losses.",
         ("decided", "decision"), True),
        # the headline's happening told again in the body, with the same word
        ("Storm floods coastal town\nA storm flooded the coastal town of Elm on Thursday, officials said.",
         ("floods", "flooded"), True),
        # the same verb with other people: two happenings, headline or not
        ("Government declares national emergency over floods\nThree provinces have declared local "
         "emergencies.", ("declares", "declared"), False),
        # an indefinite noun is a new happening
        ("A fire destroyed a warehouse on Monday. A fire broke out at a school on Monday.",
         ("destroyed", "broke out"), False),
    ],
)
def test_references_back_are_one_row(text: str, words: tuple[str, str], together: bool) -> None:
    rows = _rows(text)
    a, b = (_with(rows, w, text) for w in words)
    assert a and b
    assert (a[0] is b[0]) == together


def test_a_headline_joined_to_the_body_takes_the_body_s_day() -> None:
    text = "Storm floods coastal town\nA storm flooded the coastal town of Elm on Thursday, officials said."
    (row,) = _with(_rows(text), "flooded", text)
    assert row.time is not None and row.time.value == "2025-07-03"


@pytest.mark.parametrize(
    "text",
    [
        "A ferry sank off Crete on Thursday. All 40 passengers were reported missing.",
        "Two climbers went missing on the north face on Sunday.",
    ],
)
def test_an_adjective_that_completes_a_row_s_verb_is_that_row(text: str) -> None:
    (row,) = _with(_rows(text), "missing", text)
    assert len({text[m.trigger[0] : m.trigger[1]] for m in row.mentions}) == 2  # the verb and "missing"


def test_a_verb_told_of_a_happening_named_before_joins_its_row() -> None:
    # "the storm weakened": what the storm did is the storm's row; a passive ("the deal was killed") is
    # something done to the happening, another row
    text = "A storm hit the coast on Monday. The storm weakened overnight."
    (row,) = _with(_rows(text), "weakened", text)
    assert "hit" in {text[m.trigger[0] : m.trigger[1]] for m in row.mentions}
    text = "The board approved the merger deal on Monday. The deal was killed by regulators on Friday."
    approved, killed = _with(_rows(text), "approved", text), _with(_rows(text), "killed", text)
    assert approved and killed and approved[0] is not killed[0]


@pytest.mark.parametrize(
    "title, written",
    [
        ("[Alexei Navalny] fell ill", " fell ill"),
        ("[The US] would send a field hospital", " would send a field hospital"),
        ("Navalny fell ill", "Navalny fell ill"),
    ],
)
def test_a_name_put_into_a_title_is_not_what_the_article_wrote(title: str, written: str) -> None:
    # two rows are compared on the article's own words: an inferred name is no evidence of one happening
    assert newsline.model.written(title) == written
