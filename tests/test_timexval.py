"""newsline.timex.values (TIMEX3 value well-formedness and placeholders) and the value-error classes of
benchmarks/te3.py's breakdown, on hand-made cases: none of this needs the TempEval-3 data."""

from __future__ import annotations

import importlib.util
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from newsline.timex.values import is_duration, is_valid, placeholder_agreement, refines


def _te3():
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "te3.py"
    spec = importlib.util.spec_from_file_location("te3_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


te3 = _te3()


@pytest.mark.parametrize(
    "value",
    [
        "1989", "1989-10", "1989-10-31", "1989-W43", "1989-W43-WE", "1989-W43-2", "1989-Q3", "1989-H2",
        "1989-SU", "1989-10-31TNI", "1989-10-31T09:30", "1989-10-31T09:30:15", "1989-10-27T24",
        "XXXX-XX-XX", "1989-XX", "1989-WXX", "1989-QX", "198X", "19XX", "199X-XX-XX", "XXXX-WXX-1TNI",
        "199", "19", "P1D", "P2.5Y", "PXY", "PT1M30S", "P1Y6M", "P2Q", "PTXH", "PAST_REF", "PRESENT_REF",
        "FUTURE_REF",
    ],
)
def test_well_formed_values(value: str) -> None:
    assert is_valid(value)


@pytest.mark.parametrize(
    "value",
    [
        "2000-W7", "P2L", "P1E", "PXE", "PXC", "PXX", "1989-13", "1989-10-32", "1989-W54", "1989-Q5",
        "1989-10-31TXX", "1989-10-31T25:00", "1989-7-3", "1", "P", "PT", "Thursday", "", "XXXX-PAST",
    ],
)
def test_malformed_values(value: str) -> None:
    assert not is_valid(value)


def test_durations() -> None:
    assert is_duration("P3D") and is_duration("PXW")
    assert not is_duration("1989-W43") and not is_duration("PAST_REF") and not is_duration("P2L")


@pytest.mark.parametrize(
    ("specific", "underspecified", "expected"),
    [
        ("1989-W43", "1989-WXX", "fills"),
        ("1988-Q1", "1988-QX", "fills"),
        ("1998-03-05", "XXXX-XX-XX", "fills"),
        ("1998-10-23TNI", "1998-10-XX", "fills"),  # more detail after a field boundary
        ("P10Y", "PXY", "fills"),
        ("1949", "1949-XX", "coarser"),
        ("198", "198X", "coarser"),  # the decade for "a year of the 1980s"
        ("19", "19XX", "coarser"),
        ("1988", "1988-QX", "coarser"),
        ("1998-10", "1998-XX-XX", "coarser"),  # fills the month, leaves out the day
        ("1990-W43", "1989-WXX", None),  # another year
        ("1998-W43", "1998-10-XX", None),  # another granularity: not position by position
        ("PTXM", "PXM", None),  # minutes are not months
        ("P1Y", "PXM", None),
        ("1989", "1989-W43", None),  # the gold has no placeholder
        ("1989-WXX", "1989-WXX", None),  # equal
        ("PAST_REF", "XXXX-XX-XX", None),
        ("1989-W4", "1989-WXX", None),  # not well-formed
        ("1", "1XXX", None),
    ],
)
def test_placeholder_agreement(specific: str, underspecified: str, expected: str | None) -> None:
    assert placeholder_agreement(specific, underspecified) == expected
    assert refines(specific, underspecified) is (expected is not None)


@pytest.mark.parametrize(
    ("gold_type", "gold_value", "sys_value", "expected"),
    [
        ("DATE", "2000-W7", "2000-W07", "a"),
        ("DURATION", "P2L", "PXY", "a"),
        ("DATE", "1989-WXX", "1989-W43", "b1"),
        ("DATE", "1949-XX", "1949", "b2"),
        ("DATE", "P1W", "1998-W33", "c"),  # a DATE valued as a duration, the system gives a date
        ("DURATION", "1998-08-04", "P1W", "c"),
        ("DURATION", "1998-08-04", "1998-W32", "c2"),  # the system follows the value, not the type
        ("TIME", "PT2H", "PT3H", "c2"),
        ("DATE", "P100Y", "P1C", "e"),  # the system's value is no value either
        ("SET", "P1Y", "XXXX", "e"),  # a SET can take either form
        ("DATE", "1990-08-07", "1990-08-14", "e"),
        ("DATE", "1989-WXX", "1990-W01", "e"),
    ],
)
def test_classify_value_error(gold_type: str, gold_value: str, sys_value: str, expected: str) -> None:
    assert te3.classify_value_error(gold_type, gold_value, sys_value) == expected


def test_classes_order_and_counted() -> None:
    assert list(te3.CLASSES) == ["a", "b1", "b2", "c", "c2", "d", "e"]
    assert set(te3.COUNTED_AS_RIGHT) == {"a", "b1", "b2", "c"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1988", ("year", -1)),
        ("1989-Q3", ("quarter", -1)),
        ("1988-Q4", ("quarter", -4)),
        ("1989-10", ("month", 0)),
        ("1989-H1", ("half", -1)),
        ("1989-W43", ("week", 0)),  # 1989-10-25 is a Wednesday of ISO week 43
        ("1989-W42-WE", ("weekend", -1)),
        ("1989-10-24", ("day", -1)),
        ("1989-10-24TNI", ("dayTNI", -1)),
        ("1988-SU", ("season SU", -1)),
        ("P1W", ("P1W", 0)),
        ("PRESENT_REF", ("PRESENT_REF", 0)),
        ("1989-WXX", None),
        ("198", None),
        ("1989-W53", None),  # 1989 has 52 ISO weeks
    ],
)
def test_relative_reading(value: str, expected: tuple[str, int] | None) -> None:
    assert te3.relative_reading(value, date(1989, 10, 25)) == expected


def test_usual_reading() -> None:
    readings = Counter({("year", -1): 3, ("quarter", -5): 3, ("value", "1988-QX"): 1})
    assert te3.is_usual_reading(("year", -1), readings)  # a tie is enough
    assert not te3.is_usual_reading(("month", -12), readings)
    assert not te3.is_usual_reading(None, readings)
    assert not te3.is_usual_reading(("week", -1), Counter({("week", -1): 1}))  # once is not a usage
