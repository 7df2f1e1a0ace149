"""Versioned rule and word-list files (package data), loaded once per process, and the word lists several
stages share (weekday and month names, determiners), each kept in one place.

Reads: the TOML files of this package. Writes: their parsed content. The schema of the files is `check`."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed TOML rule file `name` (without extension) shipped inside this package."""
    with resources.files(__package__).joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


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
