"""The rule files as data that checks itself: each file against its schema (newsline.rules.check), the schema
against small made-up files that break it one way each, the word lists kept in one place, and the
examples of events.toml's ordering signals run. (time.toml's examples run in tests/test_time_rules.py.)
"""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any

import newsline
import pytest
from newsline.rules import determiners, load, month_names, weekday_names
from newsline.rules.check import problems
from newsline.timex import KINDS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", ["time", "events", "language"])
def test_every_rule_file_fits_its_schema(name: str):
    found = problems(name, load(name), KINDS if name == "time" else None)
    assert not found, "\n".join(found)


def test_every_kind_has_a_resolver_and_every_resolver_a_rule():
    used = {r["kind"] for r in load("time")["rule"]} - {"none"}
    assert used == set(KINDS), used ^ set(KINDS)


# --------------------------------------------------------------------------------------------------------
# The schema catches each kind of mistake, on a one-rule file made up for it.


def _time_file(**rule_changes: Any) -> dict[str, Any]:
    rule = {
        "name": "weekday_like",
        "needs": ["{weekday}"],
        "kind": "date",
        "type": "DATE",
        "anchor": "publication",
        "pattern": "(?P<weekday>{weekday})",
        "examples": [
            {"text": "It fell on Monday.", "span": "Monday", "ref": "2025-07-04", "value": "2025-06-30"}
        ],
    }
    for k, v in rule_changes.items():
        if v is None:
            del rule[k]
        else:
            rule[k] = v
    d = copy.deepcopy(load("time"))
    d["rule"] = [rule]
    return d


def _example(**changes: Any) -> list[dict[str, Any]]:
    ex: dict[str, Any] = {
        "text": "It fell on Monday.",
        "span": "Monday",
        "ref": "2025-07-04",
        "value": "2025-06-30",
    }
    for k, v in changes.items():
        if v is None:
            del ex[k]
        else:
            ex[k] = v
    return [ex]


def test_the_made_up_rule_is_sound():
    assert problems("time", _time_file(), KINDS) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # unknown keys
        ({"anchr": "publication"}, "unknown key 'anchr'"),
        ({"examples": _example(valeu="2025-06-30")}, "unknown key 'valeu'"),
        # missing examples, or a missing part of one
        ({"examples": None}, "missing 'examples'"),
        ({"examples": []}, "examples is empty"),
        ({"examples": _example(span=None)}, "missing 'span'"),
        ({"examples": _example(value=None)}, "missing 'value'"),
        ({"examples": _example(ref=None)}, "missing 'ref'"),
        # bad values
        ({"anchor": "publicaton"}, "anchor is 'publicaton', wants one of"),
        ({"type": "DAY"}, "type is 'DAY', wants one of"),
        ({"kind": "weekday_soon"}, "kind 'weekday_soon' has no resolver"),
        ({"pattern": "(?P<weekday>{weekday}"}, "pattern does not compile"),
        ({"pattern": "(?P<weekday>{weekdays})"}, "names lexicon 'weekdays', which does not exist"),
        ({"needs": ["{weekdays}"]}, "needs lexicon '{weekdays}', which does not exist"),
        ({"needs": "weekday"}, "needs is str, wants a list"),
        ({"near_previous": "yes"}, "near_previous is str, wants bool"),
        ({"coarse_previous": "sometimes"}, "coarse_previous is 'sometimes', wants one of"),
        ({"examples": _example(ref="2025-13-01")}, "ref is '2025-13-01', not an ISO date"),
        ({"examples": _example(span="Tuesday")}, "span 'Tuesday' is not in its text"),
        ({"examples": _example(rule="weekday_soon")}, "rule 'weekday_soon' does not exist"),
        ({"examples": _example(tense="present")}, "tense is 'present', wants one of"),
        ({"examples": _example(none=True)}, "a `none` example has no ['value']"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_the_schema_catches(change: dict[str, Any], expected: str):
    found = problems("time", _time_file(**change), KINDS)
    assert any(expected in p for p in found), found


def test_the_schema_catches_a_second_rule_of_one_name():
    d = _time_file()
    d["rule"] = d["rule"] * 2
    assert any("a second rule of that name" in p for p in problems("time", d, KINDS))


def test_the_schema_catches_an_unknown_top_level_table():
    d = {**load("time"), "lexicons": {}}
    assert problems("time", d, KINDS) == ["time: unknown key 'lexicons'"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"type": "AFTERWARDS"}, "type is 'AFTERWARDS', wants one of"),
        ({"points": "end-end"}, "points is 'end-end', wants one of"),
        ({"gap": [0, "forever"]}, "wants a number of minutes or 'inf'"),
        ({"gap": [0]}, "gap has 1 bounds, wants 2"),
        ({"examples": []}, "examples is empty"),
        ({"word": ["after"]}, "unknown key 'word'"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_the_schema_catches_a_bad_signal(change: dict[str, Any], expected: str):
    d = copy.deepcopy(load("events"))
    d["signal"] = [{**d["signal"][0], **change}]
    found = problems("events", d)
    assert any(expected in p for p in found), found


def test_the_schema_catches_a_bad_language_list():
    d = {**load("language"), "negations": "not", "negation": ["no"]}
    assert problems("language", d) == [
        "language: unknown key 'negation'",
        "language.negations is str, wants a list",
    ]


# --------------------------------------------------------------------------------------------------------
# Word lists kept once: weekdays and months in time.toml, determiners in language.toml. Python code reads
# them through newsline.rules; a list of them written out in code is a second copy that will drift.


def _string_lists(path: Path) -> list[tuple[int, set[str]]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            words = {
                e.value.lower() for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            }
            if words:
                out.append((node.lineno, words))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "|" in node.value:
            # an alternation in a regular expression: "the|a|an|its"
            out.append(
                (node.lineno, {w.lower() for w in node.value.replace("(", "|").replace(")", "|").split("|")})
            )
    return out


# The event layer, being rebuilt elsewhere and not edited here, still writes determiners out (DEFINITE,
# _CAUSE): the rebuild reads them from newsline.rules.determiners.
NOT_YET_ONE_LIST = {"timeline/events/extract.py"}


@pytest.mark.parametrize(
    ("what", "words"),
    [
        ("weekday names", set(weekday_names())),
        ("month names", set(month_names())),
        ("determiners", determiners("articles", "possessives", "demonstratives")),
    ],
)
def test_word_lists_are_kept_once(what: str, words: set[str]):
    copies = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("timeline", "cli")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.relative_to(ROOT).as_posix() not in NOT_YET_ONE_LIST
        for line, found in _string_lists(path)
        if len(found & words) >= 4
    ]
    assert not copies, f"{what} written out again (read them from newsline.rules): {copies}"


def test_the_word_lists():
    assert weekday_names() == ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    assert month_names()[0] == "january" and month_names()[-1] == "december" and len(month_names()) == 12
    assert all(m.isalpha() for m in month_names())
    assert "the" in determiners("articles") and determiners() >= determiners("possessives")


# --------------------------------------------------------------------------------------------------------
# events.toml: every example of an ordering signal gives a relation of the signal's type, from the event
# told before the signal to the one told after it.

# Examples the event layer does not read as they say; it is being rebuilt on a syntactic analysis, which
# should make these pass (then remove them from here).
EVENT_EXAMPLES_KNOWN_TO_FAIL = {
    "Fires broke out during the attack.": (
        "one event: the trigger 'broke out' takes 'during the attack' into its own clause, so no second "
        "event is there to order"
    ),
}

SIGNAL_EXAMPLES = [
    pytest.param(
        signal,
        example,
        id=example[:40],
        marks=(
            [pytest.mark.xfail(reason=EVENT_EXAMPLES_KNOWN_TO_FAIL[example], strict=True)]
            if example in EVENT_EXAMPLES_KNOWN_TO_FAIL
            else []
        ),
    )
    for signal in load("events")["signal"]
    for example in signal["examples"]
]


@pytest.mark.parametrize(("signal", "example"), SIGNAL_EXAMPLES)
def test_signal_example(signal: dict[str, Any], example: str):
    tl = newsline.parse_text(example, published="2025-07-04")
    start = {e.id: e.mentions[0].trigger[0] for e in tl.events}
    found = [
        r
        for r in tl.relations
        if r.signal.lower() in signal["words"]
        and r.type.value == signal["type"]
        and start[r.source] < example.lower().index(r.signal.lower()) < start[r.target]
    ]
    got = [(r.type.value, r.signal, r.source, r.target) for r in tl.relations]
    assert found, f"wanted {signal['type']} by one of {signal['words']}, got {got}"


def test_known_failures_are_examples():
    examples = {ex for s in load("events")["signal"] for ex in s["examples"]}
    assert EVENT_EXAMPLES_KNOWN_TO_FAIL.keys() <= examples
