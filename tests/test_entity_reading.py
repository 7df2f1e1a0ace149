"""Entity timelines: participants read off the parse (`newsline.entity.roles`), and the ways news refers to
an entity that `newsline.entity.references` and `newsline.entity.names` follow (titles, products in the
plural or by kind, the newest model of a line, pronouns across names of places and companies). Sentences
written for these tests, a pinned publication day; none needs ../shared.
"""

from __future__ import annotations

from datetime import date

import newsline
import pytest
from newsline.entity.references import entity_refs
from newsline.entity.select import _Article, _generic, _pattern, takes_part

PUB = date(2023, 4, 21)


def refs_of(text: str, entity: str) -> list[str]:
    """The entity's references in `text` as the article's own pattern finds them."""
    return [text[r.start : r.end] for r in entity_refs(text, _pattern(entity, text), entity, _generic())]


def taking_part(text: str, entity: str) -> set[str]:
    """The triggers of the events the entity takes part in, dated or not."""
    tl = newsline.parse_text(text, published=PUB, id="a")
    verbs = [m.trigger for e in tl.events if not e.nominal for m in e.mentions]
    articles = {"a": _Article(text, entity_refs(text, _pattern(entity, text), entity, _generic()), verbs)}
    pattern = _pattern(entity)
    kept = [e for e in tl.events if takes_part(e, articles, pattern)]
    return {text[m.trigger[0] : m.trigger[1]] for e in kept for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "entity", "kept", "left_out"),
    [
        # The subject of a passive, however long the phrase between it and its verb: the product in a
        # noun phrase whose head says what kind of thing it is.
        (
            "The first Zephyr X9 airliner, built by Acme in Toulouse, was delivered to Globe Air on Monday.",
            "Zephyr X9",
            {"delivered"},
            set(),
        ),
    ],
)
def test_participants_from_the_parse(text: str, entity: str, kept: set[str], left_out: set[str]):
    found = taking_part(text, entity)
    assert kept <= found, found
    assert not (left_out & found), found


# Limits of the readings above, which the code before them met too: what they must not take in.
@pytest.mark.parametrize(
    ("text", "entity", "left_out"),
    [
        # The maker in a participle clause is no participant of the delivery.
        (
            "The first Zephyr X9 airliner, built by Acme in Toulouse, was delivered to Globe Air on Monday.",
            "Acme",
            {"delivered"},
        ),
        # A trailing participle tells what the whole clause brought about, not what its subject did.
        ("Acme announced 35 new orders on Monday, bringing the total to 677.", "Acme", {"bringing"}),
    ],
)
def test_participants_limits(text: str, entity: str, left_out: set[str]):
    assert not (left_out & taking_part(text, entity))
