"""Entity timelines: participants read off the parse (`newsline.entity.roles`), and the ways news refers to
an entity that `newsline.entity.references` and `newsline.entity.names` follow (titles, products in the
plural or by kind, the newest model of a line, pronouns across names of places and companies). Sentences
written for these tests, a pinned publication day; none needs ../shared.
"""

from __future__ import annotations

from datetime import date

import pytest
from conftest import entity_triggers, taking_part
from newsline.entity import names
from newsline.entity.references import entity_refs
from newsline.entity.select import _generic, _pattern

PUB = date(2023, 4, 21)


def refs_of(text: str, entity: str) -> list[str]:
    """The entity's references in `text` as the article's own pattern finds them."""
    return [text[r.start : r.end] for r in entity_refs(text, _pattern(entity, text), entity, _generic())]


@pytest.mark.parametrize(
    ("text", "entity", "refs"),
    [
        # "then" is no title word: "Jobs then moved" names Jobs.
        (
            "Paul Ortega spoke first.\nOrtega then moved on to the new chips.",
            "Paul Ortega",
            ["Paul Ortega", "Ortega"],
        ),
        # A title before the name makes it a person's ("company CEO Paul Ortega"), though no "he" follows
        # within the next lines: "he" later in the article is his.
        (
            "During the event, company CEO Paul Ortega addressed reports by both consumers and the media of "
            "signal reception issues relating to the positioning of the antenna, to its software and to the "
            "way the phone is held in the hand by its many users.\nHe showed videos.",
            "Paul Ortega",
            ["Paul Ortega", "He"],
        ),
        # The "it" of a raising word or a passive refers back ("it was due to fly", "it was flown to").
        (
            "The Zephyr X9 left the gate before it was due to fly. After repairs it was flown to Toulouse.",
            "Zephyr X9",
            ["Zephyr X9", "it", "it"],
        ),
        # A product's name in the plural names units of it.
        ("Two Zephyr X9s landed in Denver on Monday.", "Zephyr X9", ["Zephyr X9s"]),
        # A product's name before adjectives and a noun of its kind is the product, not a qualifier.
        (
            "The judge owns a zPod portable music player, which he bought in May.",
            "zPod",
            ["zPod"],
        ),
        # A description by the product's kind refers back across places named on the way ...
        (
            "A test flight of the new Zephyr X9 was delayed after an accident at Linden Airport, which "
            "serves Bangkok, Thailand. The aircraft was leaving a parking space.",
            "Zephyr X9",
            ["Zephyr X9", "The aircraft"],
        ),
        # An organisation's description refers back across a place told after "in".
        (
            "Globe Air bought twenty jets. The airline signed the agreement in Paris on June 15. The company "
            "said the planes would arrive in May.",
            "Globe Air",
            ["Globe Air", "The airline", "The company"],
        ),
        # "he" refers back across a company that acts: one word that no article writes after a first name
        # is no person.
        (
            "Paul Ortega announced the switch on Monday. This is due to Acme's frustration, though Intel has "
            "recently added new chips.\nThis switch, he said, would come next year.",
            "Paul Ortega",
            ["Paul Ortega", "he"],
        ),
        # News paragraphs are often one sentence long: a pronoun two lines on still refers back.
        (
            "Paul Ortega spoke on Monday.\nHe talked about the chips.\nThe chips are fast.\nHe said so.",
            "Paul Ortega",
            ["Paul Ortega", "He", "He"],
        ),
    ],
)
def test_references(text: str, entity: str, refs: list[str]):
    assert refs_of(text, entity) == refs


@pytest.mark.parametrize(
    ("text", "entity", "forms"),
    [
        # A launch story calls the model it is about "the new Zephyr" ...
        ("Acme unveiled zPhone 4 on Monday. The new zPhone was praised.", "zPhone 4", ["the new zPhone"]),
        # ... an article that first names another model is about that one ...
        ("Acme unveiled zPhone 5, after zPhone 4. The new zPhone was praised.", "zPhone 4", []),
        # ... and a maker's name is no line of models.
        ("Acme unveiled the Boeing 777 on Monday.", "Boeing 777", []),
    ],
)
def test_newest_model(text: str, entity: str, forms: list[str]):
    assert names.newest_model(text, entity) == forms


def test_the_new_model_takes_part():
    text = "Acme unveiled zPhone 4 on Monday. The new zPhone was praised by reviewers on Tuesday."
    assert "praised" in entity_triggers(text, "zPhone 4", PUB)


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
    assert not (left_out & taking_part(text, entity, PUB))


@pytest.mark.parametrize(
    ("text", "entity", "refs"),
    [
        # The "it" of an extraposition refers to nothing before it.
        ("The Zephyr X9 landed. It is important to note that rain fell.", "Zephyr X9", ["Zephyr X9"]),
        # A description by kind does not refer back across another product.
        (
            "The Zephyr X9 was delayed. The Zephyr X7 landed at Linden Airport. The aircraft was full.",
            "Zephyr X9",
            ["Zephyr X9"],
        ),
        # A surname the article gave a first name is a person's: "he" after it is not the entity's.
        (
            "Paul Ortega announced the switch. Tim Cook spoke next. Cook said little.\nHe smiled.",
            "Paul Ortega",
            ["Paul Ortega"],
        ),
        # "the new zPhone" is not the start of another model's name, nor is the plural "s" a letter of it.
        (
            "Acme unveiled zPhone 4 on Monday. The new zPhone 4S software was praised.",
            "zPhone 4",
            ["zPhone 4"],
        ),
    ],
)
def test_references_limits(text: str, entity: str, refs: list[str]):
    assert refs_of(text, entity) == refs
