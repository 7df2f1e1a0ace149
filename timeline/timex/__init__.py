"""Time expressions: recognised once per article, then resolved against their anchor (publication day,
the speech time of a quote, the previous time, or none), as TIMEX3 values with interval bounds.

Reads: a `Document` and a `Reference`. Writes: `TimeMention`s (and the article's `Reference`).

The flow: `recognise` (rules -> candidates) -> `tagger` (each candidate resolved against its anchor by the
resolver of its rule's kind, in `dates` and `relative`, built from `resolve` and `tense`) -> `passes`
(ranges and clock times joined over the whole list). `reference` finds the publication and speech days
and calls the tagger once per set of anchors; `values` checks TIMEX3 values.
"""
from __future__ import annotations

from newsline.timex.recognise import Candidate, Rule, data, lex, recognise, rules, windows
from newsline.timex.reference import (
    article_times,
    dateline,
    publication_mention,
    reference_for,
    speech_days,
    tag_text,
)
from newsline.timex.resolve import Anchor, Resolved, underspecify
from newsline.timex.tagger import KINDS, tag
from newsline.timex.values import is_duration, is_valid, placeholder_agreement, refines

__all__ = [
    "KINDS",
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
