"""Entity: the references to a named entity in an article (names, variants, pronouns) and the events it
takes part in (`--entity`).

Reads: a `Timeline` with its article texts. Writes: the `Timeline` restricted to the entity's events.
"""
from __future__ import annotations

from newsline.entity.references import (
    Ref,
    Spans,
    described_as,
    description_refs,
    entity_refs,
    first_name_refs,
    is_product,
    is_verb_form,
    looks_like_person,
    name_refs,
    refers_back,
    resolve,
)
from newsline.entity.select import (
    keep_entity,
    mention_takes_part,
    on_the_line,
    own_mentions,
    takes_part,
    variants,
)

__all__ = [
    "Ref",
    "Spans",
    "described_as",
    "description_refs",
    "entity_refs",
    "first_name_refs",
    "is_product",
    "is_verb_form",
    "keep_entity",
    "looks_like_person",
    "mention_takes_part",
    "name_refs",
    "on_the_line",
    "own_mentions",
    "refers_back",
    "resolve",
    "takes_part",
    "variants",
]
