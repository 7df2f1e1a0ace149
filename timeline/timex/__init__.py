"""Time expressions: recognised once per article, then resolved against their anchor (publication day,
the speech time of a quote, the previous time, or none), as TIMEX3 values with interval bounds.

Reads: a `Document` and a `Reference`. Writes: `TimeMention`s (and the article's `Reference`).
"""
from __future__ import annotations

from newsline.timex.recognise import (
    Anchor,
    Candidate,
    Resolved,
    Rule,
    data,
    lex,
    recognise,
    rules,
    tag,
    underspecify,
    windows,
)
from newsline.timex.reference import (
    article_times,
    dateline,
    publication_mention,
    reference_for,
    speech_days,
    tag_text,
)
from newsline.timex.values import is_duration, is_valid, placeholder_agreement, refines

__all__ = [
    "Anchor",
    "Candidate",
    "Resolved",
    "Rule",
    "article_times",
    "data",
    "dateline",
    "is_duration",
    "is_valid",
    "lex",
    "placeholder_agreement",
    "publication_mention",
    "recognise",
    "reference_for",
    "refines",
    "rules",
    "speech_days",
    "tag",
    "tag_text",
    "underspecify",
    "windows",
]
