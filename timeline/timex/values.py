"""TIMEX3 `value` attributes: is a value well-formed TimeML, and does one value fill in another's
placeholders.

The grammar is TimeML 1.2.1's (`value ::= Duration | Date | Time | WeekDate | WeekTime | Season |
PartOfYear | PaPrFu`), which takes its forms from ISO 8601 and TIMEX2. Decisions where the specification
leaves room, made so that a validator can settle them mechanically:

* `X` may stand for any digit of a calendar value: `XXXX-XX-XX`, `1989-WXX`, `198X` (a year of the 1980s,
  not the decade `198`), `19XX`, and also `1989-QX` (an unknown quarter; TimeBank writes it, and it is the
  same placeholder in the one digit a quarter has) and `XXXX-WXX-X`.
* Clock digits are digits: `T09:30`, and `T09` (ISO 8601's reduced precision), but not `TXX`; an unknown
  time of day is a part of day (`TMO`, `TNI` ...) or no time at all.
* Fields are as wide as ISO 8601 makes them and within range: `2000-W7` (week without its leading zero),
  `2025-13` and `2025-W54` are not values.
* A decade is three digits (`199`), a century two (`19`).
* Durations are ISO 8601's `PnYnMnWnD` / `PTnHnMnS` with a count that may be `X` (`PXY`, "years"), plus `Q`
  for quarters, which TimeBank itself writes (`P2Q`) and TimeML tools emit; TimeBank's `E` (decade), `C`
  (century) and `L` (millennium) units are neither ISO 8601 nor TimeML (`P1E`, `P2L` are not values).
* `PAST_REF`, `PRESENT_REF`, `FUTURE_REF` are the only words.
"""

from __future__ import annotations

import re
from typing import Literal

_D = "[0-9X]"  # a digit of a calendar value, or its placeholder
_DATE = re.compile(
    rf"(?P<year>{_D}{{4}})"
    rf"(?:-(?P<month>{_D}{{2}})(?:-(?P<day>{_D}{{2}}))?"
    rf"|-W(?P<week>{_D}{{2}})(?:-(?:WE|[1-7X]))?"
    r"|-(?:SP|SU|FA|WI)|-Q[1-4X]|-H[12X])?"
    r"(?:T(?:MO|AF|EV|NI|MI|DT"
    r"|(?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d)(?:\.\d+)?)?)?(?:Z|[+-]\d\d(?::?\d\d)?)?))?"
)
_DECADE_OR_CENTURY = re.compile(rf"{_D}{{2,3}}")
_COUNT = r"(?:\d+(?:\.\d+)?|X)"
_DURATION = re.compile(rf"P(?:(?:{_COUNT}[YMWDQ])+(?:T(?:{_COUNT}[HMS])+)?|T(?:{_COUNT}[HMS])+)")
_DURATION_PART = re.compile(r"(T?)(\d+(?:\.\d+)?|X)([YMWDQHS])")
REFS = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
# The range of each numeric field (a placeholder "XX" is in every range).
_LIMITS = {"month": (1, 12), "day": (1, 31), "week": (1, 53), "hour": (0, 24), "minute": (0, 59),
           "second": (0, 60)}


def is_valid(value: str) -> bool:
    """Whether `value` is a well-formed TIMEX3 value under the rules in this module's docstring."""
    if value in REFS or _DECADE_OR_CENTURY.fullmatch(value) or _DURATION.fullmatch(value):
        return True
    m = _DATE.fullmatch(value)
    if m is None:
        return False
    for field, (low, high) in _LIMITS.items():
        digits = m.group(field)
        if digits is not None and "X" not in digits and not low <= int(digits) <= high:
            return False
    return True


def is_duration(value: str) -> bool:
    """Whether `value` is a well-formed duration (`P...`), the form a DURATION's value takes."""
    return _DURATION.fullmatch(value) is not None


def placeholder_agreement(specific: str, underspecified: str) -> Literal["fills", "coarser"] | None:
    """How `specific` agrees with the `X` placeholders of `underspecified`, both well-formed values.

    "fills": every position `underspecified` specifies is the same in `specific`, and its placeholders are
    given (`1989-W43` for `1989-WXX`, `P10Y` for `PXY`, `1998-10-23TNI` for `1998-10-XX`: what follows a
    field boundary is more detail, not a contradiction). "coarser": the same, except that trailing fields
    (or year digits) that are placeholders only are left out (`1949` for `1949-XX`, `198` for `198X`,
    `1988` for `1988-QX`): the value names the whole span the placeholders range over. None otherwise,
    and when `underspecified` has no placeholder or the two are equal.
    """
    if specific == underspecified or "X" not in underspecified:
        return None
    if not (is_valid(specific) and is_valid(underspecified)):
        return None
    if is_duration(underspecified) or is_duration(specific):
        if not (is_duration(underspecified) and is_duration(specific)):
            return None
        gold_parts = _DURATION_PART.findall(underspecified)
        sys_parts = _DURATION_PART.findall(specific)
        if len(gold_parts) != len(sys_parts):
            return None
        for (gt, gn, gu), (st, sn, su) in zip(gold_parts, sys_parts, strict=True):
            if (gt, gu) != (st, su) or (gn != "X" and gn != sn):
                return None
        return "fills"
    if specific in REFS:
        return None
    common = min(len(specific), len(underspecified))
    for g, s in zip(underspecified[:common], specific[:common], strict=True):
        if g != s and not (g == "X" and s.isdigit()):
            return None
    if len(specific) >= len(underspecified):
        # A longer value must add whole fields ("-23", "TNI"), not run on inside one.
        if len(specific) > len(underspecified) and specific[common] not in "-T":
            return None
        return "fills"
    rest = underspecified[common:]
    # What is left out must be placeholders (with the letters and dashes that frame them), cut at a field
    # boundary or inside the year's digits ("198" of "198X").
    if not re.fullmatch(r"[-WQHT]*X[-WQHTX]*", rest) or "T" in rest:
        return None
    if common >= 4 and rest[0] != "-":
        return None
    return "coarser"


def refines(specific: str, underspecified: str) -> bool:
    """Whether `specific` agrees with every position `underspecified` specifies, filling in or leaving
    out its `X` placeholders (see `placeholder_agreement`)."""
    return placeholder_agreement(specific, underspecified) is not None
