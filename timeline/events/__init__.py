"""Events: what happened in each sentence, its time, modality, actors and speaker, and the relations the
text states between events.

Reads: a `Document` and its `TimeMention`s. Writes: `Event`s and `Relation`s.
"""
from __future__ import annotations

from newsline.events.extract import (
    Draft,
    Region,
    Trigger,
    draft_tense,
    extract,
    make_title,
    paragraphs_of,
    quote_speakers,
)

__all__ = [
    "Draft",
    "Region",
    "Trigger",
    "draft_tense",
    "extract",
    "make_title",
    "paragraphs_of",
    "quote_speakers",
]
