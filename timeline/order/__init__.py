"""Order: every event's bounds from its time and its relations (a Simple Temporal Network), and one ranking.

Reads: `Event`s with times, `Relation`s. Writes: each event's bounds and `rank`.
"""
from __future__ import annotations

from newsline.order.network import STN
from newsline.order.rank import (
    anchored,
    order_key,
    rank,
    rank_groups,
    related_groups,
    sequence,
    text_keys,
    tie_keys,
    to_day,
)
from newsline.order.solve import order, solve_group

__all__ = [
    "STN",
    "anchored",
    "order",
    "order_key",
    "rank",
    "rank_groups",
    "related_groups",
    "sequence",
    "solve_group",
    "text_keys",
    "tie_keys",
    "to_day",
]
