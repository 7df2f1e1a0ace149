"""The schema of the rule files: which keys each part may have, of which type, with which values.

A rule file is data that people edit by hand; a misspelt key ("exmaples") or a value the code does not read
("anchor = 'publicaton'") would otherwise be silently ignored or fail far from its cause. `problems` lists
what is wrong with a file, one readable line each; the test suite runs it on every rule file and on small
made-up files that break each rule of the schema.

Reads: the parsed TOML of a rule file. Writes: a list of problems (empty when the file is sound).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

# A check of one value: None when it is sound, else what is wrong with it.
Check = Callable[[Any], str | None]


def _of(*types: type, values: Iterable[Any] | None = None) -> Check:
    allowed = None if values is None else frozenset(values)

    def check(v: Any) -> str | None:
        # bool is an int in Python, not in TOML: a `true` where a number belongs is an error
        if not isinstance(v, types) or (isinstance(v, bool) and bool not in types):
            return f"is {type(v).__name__}, wants {' or '.join(t.__name__ for t in types)}"
        if allowed is not None and v not in allowed:
            return f"is {v!r}, wants one of {sorted(allowed)}"
        return None

    return check


def _list_of(item: Check, non_empty: bool = False) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, list):
            return f"is {type(v).__name__}, wants a list"
        if non_empty and not v:
            return "is empty"
        for i, x in enumerate(v):
            bad = item(x)
            if bad:
                return f"item {i} {bad}"
        return None

    return check


def _table_of(value: Check) -> Check:
    def check(v: Any) -> str | None:
        if not isinstance(v, dict):
            return f"is {type(v).__name__}, wants a table"
        for k, x in v.items():
            bad = value(x)
            if bad:
                return f"[{k!r}] {bad}"
        return None

    return check


def _iso_date(v: Any) -> str | None:
    if not isinstance(v, str):
        return f"is {type(v).__name__}, wants an ISO date string"
    try:
        date.fromisoformat(v)
    except ValueError:
        return f"is {v!r}, not an ISO date"
    return None


def _regex(v: Any) -> str | None:
    if not isinstance(v, str):
        return f"is {type(v).__name__}, wants a regular expression"
    try:
        # {lexicon} names are replaced by alternations before compiling: any group will do here
        re.compile(re.sub(r"\{(\w+)\}", "(?:x)", v))
    except re.error as exc:
        return f"does not compile: {exc}"
    return None


_STR = _of(str)
_INT = _of(int)
_NUMBER = _of(int, float)
_FLAG = _of(bool, values=[True])
_WORDS = _list_of(_STR)
_TYPES = ("DATE", "TIME", "DURATION", "SET")
_ANCHORS = ("absolute", "publication", "previous", "none")
_TENSES = ("past", "future")
_REL_TYPES = ("BEFORE", "AFTER", "SIMULTANEOUS", "IS_INCLUDED", "INCLUDES")


def _keys(where: str, table: Any, spec: dict[str, tuple[Check, bool]]) -> list[str]:
    """Problems of one table against `spec`: key -> (check, required)."""
    if not isinstance(table, dict):
        return [f"{where}: is {type(table).__name__}, wants a table"]
    out = [f"{where}: unknown key {k!r}" for k in table if k not in spec]
    for k, (check, required) in spec.items():
        if k not in table:
            if required:
                out.append(f"{where}: missing {k!r}")
            continue
        bad = check(table[k])
        if bad:
            out.append(f"{where}.{k} {bad}")
    return out


# --------------------------------------------------------------------------------------------------------
# time.toml

TIME_TOP = {
    "version": (_INT, True),
    "triggers": (_table_of(_WORDS), True),
    "lexicon": (_table_of(_table_of(_of(int, float, str))), True),
    "pod_hours": (_table_of(_list_of(_NUMBER)), True),
    "unit_minutes": (_table_of(_NUMBER), True),
    "rule": (_list_of(_of(dict), non_empty=True), True),
    "no_time": (_list_of(_of(dict)), False),
}
TIME_RULE = {
    "name": (_of(str), True),
    "needs": (_WORDS, True),
    "kind": (_STR, True),
    "type": (_of(str, values=_TYPES), True),
    "anchor": (_of(str, values=_ANCHORS), True),
    "pattern": (_regex, True),
    "examples": (_list_of(_of(dict), non_empty=True), True),
    # What the resolver of a kind reads besides the named groups (see the kinds in newsline.timex).
    "dayref": (_INT, False),
    "num": (_STR, False),
    "unit": (_STR, False),
    "rel": (_STR, False),
    "value": (_of(str, values=["PAST_REF", "PRESENT_REF", "FUTURE_REF"]), False),
    "dir": (_of(str, values=["ago"]), False),
    "pod": (_STR, False),
    "week": (_FLAG, False),
    "story_day": (_FLAG, False),
    # How the tagger anchors the rule (newsline.timex.tagger).
    "coarse_previous": (_of(str, values=["always", "near"]), False),
    "near_previous": (_FLAG, False),
    "any_previous": (_FLAG, False),
    "not_in_play": (_FLAG, False),
    "not_past": (_FLAG, False),
}
TIME_EXAMPLE = {
    "text": (_STR, True),
    "ref": (_iso_date, True),
    # the expression the example is about, exactly as written in `text`
    "span": (_STR, False),
    # the rule that must find it, when not the rule the example belongs to
    "rule": (_STR, False),
    "value": (_STR, False),
    "type": (_of(str, values=_TYPES), False),
    "mod": (_STR, False),
    "tense": (_of(str, values=_TENSES), False),
    "none": (_FLAG, False),
}
NO_TIME = {"text": (_STR, True), "ref": (_iso_date, True)}


def _time_example(where: str, ex: dict[str, Any], names: set[str]) -> list[str]:
    out = _keys(where, ex, TIME_EXAMPLE)
    if out:
        return out
    span = ex.get("span")
    if span is not None and span not in ex["text"]:
        out.append(f"{where}: span {span!r} is not in its text")
    if ex.get("rule") is not None and ex["rule"] not in names:
        out.append(f"{where}: rule {ex['rule']!r} does not exist")
    if ex.get("none"):
        extra = {"value", "type", "mod"} & ex.keys()
        if extra:
            out.append(f"{where}: a `none` example has no {sorted(extra)}")
    else:
        out.extend(f"{where}: missing {k!r}" for k in ("span", "value") if k not in ex)
    return out


def time_problems(d: dict[str, Any], kinds: Iterable[str] | None = None) -> list[str]:
    """What is wrong with a parsed time.toml. `kinds`: the rule kinds the resolver knows (not checked when
    None: this package is below the resolver and does not import it)."""
    out = _keys("time", d, TIME_TOP)
    if out:
        return out
    lexicons = set(d["lexicon"])
    names = {r.get("name") for r in d["rule"]}
    seen: set[str] = set()
    known_kinds = None if kinds is None else {*kinds, "none"}
    for i, r in enumerate(d["rule"]):
        where = f"rule {r.get('name', i)!r}"
        found = _keys(where, r, TIME_RULE)
        out.extend(found)
        if found:
            continue
        if r["name"] in seen:
            out.append(f"{where}: a second rule of that name")
        seen.add(r["name"])
        if known_kinds is not None and r["kind"] not in known_kinds:
            out.append(f"{where}: kind {r['kind']!r} has no resolver")
        for name in re.findall(r"\{(\w+)\}", r["pattern"]):
            if name.lower() not in lexicons:
                out.append(f"{where}: pattern names lexicon {name!r}, which does not exist")
        for need in r["needs"]:
            if need.startswith("{") and need.strip("{}") not in lexicons:
                out.append(f"{where}: needs lexicon {need!r}, which does not exist")
        for j, ex in enumerate(r["examples"]):
            out.extend(_time_example(f"{where} example {j}", ex, names))
    for j, ex in enumerate(d.get("no_time", ())):
        out.extend(_keys(f"no_time {j}", ex, NO_TIME))
    return out


# --------------------------------------------------------------------------------------------------------
# events.toml and language.toml

EVENTS_TOP = {
    "version": (_INT, True),
    "verbs": (_table_of(_WORDS), True),
    "nouns": (_table_of(_WORDS), True),
    "roles": (_table_of(_WORDS), True),
    "aspectual": (_table_of(_of(str, values=["start", "end", "during"])), True),
    "consequences": (_table_of(_WORDS), True),
    "signal": (_list_of(_of(dict), non_empty=True), True),
    "entity": (_table_of(_WORDS), True),
}


def _gap_bound(v: Any) -> str | None:
    return (
        None
        if v == "inf" or (isinstance(v, (int, float)) and not isinstance(v, bool))
        else (f"is {v!r}, wants a number of minutes or 'inf'")
    )


SIGNAL = {
    "words": (_list_of(_STR, non_empty=True), True),
    "type": (_of(str, values=_REL_TYPES), True),
    "points": (_of(str, values=["end-start", "start-start", "overlap"]), True),
    "gap": (_list_of(_gap_bound, non_empty=True), True),
    "examples": (_list_of(_STR, non_empty=True), True),
}


def events_problems(d: dict[str, Any]) -> list[str]:
    """What is wrong with a parsed events.toml."""
    out = _keys("events", d, EVENTS_TOP)
    if out:
        return out
    for i, s in enumerate(d["signal"]):
        where = f"signal {i} ({', '.join(s.get('words', [])[:1])})"
        out.extend(_keys(where, s, SIGNAL))
        if isinstance(s.get("gap"), list) and len(s["gap"]) != 2:
            out.append(f"{where}.gap has {len(s['gap'])} bounds, wants 2")
    return out


LANGUAGE_TOP: dict[str, tuple[Check, bool]] = {
    "version": (_INT, True),
    **{
        k: (_WORDS, True)
        for k in (
            "abbreviations",
            "future_markers",
            "due_to_verbs",
            "scheduled_verbs",
            "target_before",
            "plan_verbs",
            "conditional_markers",
            "modal_possible",
            "negations",
            "auxiliaries_past",
            "auxiliaries_present",
            "short_past",
            "play_words",
        )
    },
    "irregular": (_table_of(_WORDS), True),
    "determiners": (_table_of(_WORDS), True),
    **{
        k: (_table_of(_of(str, list, dict)), True)
        for k in ("noun_markers", "verb_markers", "names", "not_verbs", "intent")
    },
}


def language_problems(d: dict[str, Any]) -> list[str]:
    """What is wrong with a parsed language.toml."""
    return _keys("language", d, LANGUAGE_TOP)


def problems(name: str, d: dict[str, Any], kinds: Iterable[str] | None = None) -> list[str]:
    """What is wrong with the parsed rule file `name` ("time", "events" or "language")."""
    if name == "time":
        return time_problems(d, kinds)
    if name == "events":
        return events_problems(d)
    if name == "language":
        return language_problems(d)
    raise ValueError(f"no schema for rule file {name!r}")
