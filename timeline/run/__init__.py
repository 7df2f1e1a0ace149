"""Run: many articles at once: a stream folded in bounded memory, a pool of local processes, or a Dask
cluster. The per-article parse is a pure map, the merge a reduce.

Reads: `Article`s or references to them. Writes: one merged `Timeline` (or JSON written as it goes).
"""
from __future__ import annotations

from newsline.run.dask import DaskUnavailable, connect, parse_on_dask
from newsline.run.pool import map_article, parse_many
from newsline.run.stream import (
    chunk_size,
    parse_chunk,
    parse_item,
    parse_stream,
    run_chunks,
    write_json,
    write_jsonl,
)

__all__ = [
    "DaskUnavailable",
    "chunk_size",
    "connect",
    "map_article",
    "parse_chunk",
    "parse_item",
    "parse_many",
    "parse_on_dask",
    "parse_stream",
    "run_chunks",
    "write_json",
    "write_jsonl",
]
