"""The JSON Schema (draft 2020-12) of the newsline/1 output, kept as package data next to this module.

`newsline schema` prints it; the test suite validates every JSON and JSON Lines output against it. A JSON
Lines line is one event: validate it against `#/$defs/event` (`event_schema()` wraps that).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "newsline-1.schema.json"


def schema_text() -> str:
    """The schema as written in its file (what `newsline schema` prints)."""
    return resources.files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def schema() -> dict[str, Any]:
    """The schema of a whole newsline/1 document (`--format json`)."""
    return json.loads(schema_text())


def event_schema() -> dict[str, Any]:
    """A schema for one line of `--format jsonl`: one event of newsline/1."""
    whole = schema()
    return {"$schema": whole["$schema"], "$defs": whole["$defs"], "$ref": "#/$defs/event"}
