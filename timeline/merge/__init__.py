"""Merge: the same happening told by several articles becomes one event with all its sources; in memory
(`merge`, `Fold`) or on disk (`SpillFold`).

Reads: `Timeline`s. Writes: one `Timeline`.
"""
from __future__ import annotations

from newsline.merge.fold import Fold, fold, merge, merge_loaded
from newsline.merge.packing import Packed, lighten, pack, pack_event, unpack_event
from newsline.merge.same import alike, alike_sides, day_span, same_event, side, side_of
from newsline.merge.spill import SpilledTimeline, SpillFold

__all__ = [
    "Fold",
    "Packed",
    "SpillFold",
    "SpilledTimeline",
    "alike",
    "alike_sides",
    "day_span",
    "fold",
    "lighten",
    "merge",
    "merge_loaded",
    "pack",
    "pack_event",
    "same_event",
    "side",
    "side_of",
    "unpack_event",
]
