"""Versioned rule and word-list files (package data), loaded once per process, and the word lists several
stages share (weekday and month names, determiners), each kept in one place.

Reads: the TOML files of this package. Writes: their parsed content. The schema of the files is `check`."""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """Where newsline keeps what it can rebuild (parsed rule files, the time tagger's compiled patterns):
    $NEWSLINE_CACHE_DIR, else $XDG_CACHE_HOME/newsline, else ~/.cache/newsline."""
    if os.environ.get("NEWSLINE_CACHE_DIR"):
        return Path(os.environ["NEWSLINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "newsline"


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML rule file `name` (without extension) shipped inside this package.

    Parsing time.toml took 16 ms of every start of `newsline tag`: the parse is kept in the cache
    directory, keyed by the file's bytes, and read back with `marshal` (plain data only, no code run)."""
    raw = resources.files(__package__).joinpath(f"{name}.toml").read_bytes()
    key = hashlib.sha256(raw + sys.version.encode()).hexdigest()[:24]
    where = cache_dir() / f"rules-{name}-{key}.marshal"
    try:
        return marshal.loads(where.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    parsed = tomllib.loads(raw.decode("utf-8"))
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = where.with_name(f".{where.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(parsed))
        os.replace(tmp, where)  # whole or not at all, whatever runs beside us
    except (OSError, ValueError):  # a read-only home, or a value marshal cannot keep: parse next time too
        pass
    return parsed


# Word lists that several stages read are kept once, in the rule files; these are the only ways to them
# (tests/test_layout.py looks for copies in the code).


@cache
def weekday_names() -> tuple[str, ...]:
    """"monday" ... "sunday", from time.toml's weekday lexicon (Monday first, as `date.weekday()`)."""
    return tuple(load("time")["lexicon"]["weekday"])


@cache
def month_names() -> tuple[str, ...]:
    """"january" ... "december": the first entry of each month in time.toml's month lexicon (the full name;
    the abbreviations follow)."""
    out: dict[int, str] = {}
    for word, month in load("time")["lexicon"]["month"].items():
        out.setdefault(month, word)
    return tuple(out[m] for m in sorted(out))


@cache
def determiners(*kinds: str) -> frozenset[str]:
    """The determiners of the given kinds (language.toml [determiners]: articles, possessives, ...), or of
    every kind when none is given."""
    table = load("language")["determiners"]
    return frozenset(w for kind in (kinds or tuple(table)) for w in table[kind])
