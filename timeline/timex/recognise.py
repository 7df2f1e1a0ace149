"""Recognition: the time rules (rules/time.toml) compiled, and every time expression of a text found.

Reads text. Writes `Candidate`s: a span, the rule that fired and its named groups, longest match first and
then the rule listed first. Each rule runs only in the windows around the words it needs (`windows`).
Resolution (`tagger`) turns candidates into `TimeMention`s.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsline.model import AnchorKind
from newsline.rules import load
from newsline.timex.engine import Engine, compiled, engine


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: str
    type: str
    anchor: AnchorKind
    pattern: str  # the regex, compiled on first use (`regex`): most rules never run on a short text
    fields: dict[str, Any]
    examples: tuple[dict[str, Any], ...]
    order: int
    needs: tuple[str, ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    # Compiling all 92 rules took 0.1 s of every cold start: each is compiled when a text needs it (the
    # engine tells which), and from the machine's cache of compiled rules (newsline.timex.engine).
    return compiled(pattern, tuple(r.pattern for r in rules()), int(re.IGNORECASE))


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    groups: dict[str, str]
    # The tense that places it and whether it follows "since" (tagger, `_clause_tense`): the same against
    # every anchor, so worked out once when an article is resolved again against its quotes' speech days.
    tense: tuple[str | None, bool] | None = None


@cache
def data() -> dict[str, Any]:
    return load("time")


def _alternation(entries: list[str], capital: bool = False) -> str:
    # Longest first so that "the day before yesterday" wins over "yesterday".
    out = []
    for e in sorted(entries, key=len, reverse=True):
        body = re.escape(e).replace(r"\ ", r"\s+")
        if capital and e[:1].isalpha():
            body = f"(?-i:{e[0].upper()})" + re.escape(e[1:]).replace(r"\ ", r"\s+")
        out.append(body)
    return "|".join(out)


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order."""
    d = data()
    lexicons = {name: _alternation(list(words)) for name, words in d["lexicon"].items()}
    lexicons.update(
        {name.capitalize(): _alternation(list(words), capital=True) for name, words in d["lexicon"].items()}
    )
    out = []
    for i, r in enumerate(d["rule"]):
        pattern = re.sub(r"\{(\w+)\}", lambda m: "(?:" + lexicons[m.group(1)] + ")", r["pattern"])
        regex = r"(?<![\w’'-])(?:" + pattern + r")(?!\w|-\w)"
        fields = {
            k: v
            for k, v in r.items()
            if k not in ("name", "kind", "type", "anchor", "pattern", "examples", "needs")
        }
        out.append(
            Rule(
                r["name"],
                r["kind"],
                r["type"],
                AnchorKind(r["anchor"]),
                regex,
                fields,
                tuple(r.get("examples", ())),
                i,
                tuple(r["needs"]) if "needs" in r else (),
            )
        )
    return tuple(out)


_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _needs_index() -> tuple[dict[str, int], tuple[tuple[str, ...], ...], tuple[re.Pattern[str] | None, ...]]:
    """What the rules need, compiled once: word -> bit mask of the distinct `needs` it satisfies, the
    distinct `needs` themselves, and for each a regex for its "digit" and "re:" parts (None if none).

    Words are matched as runs of letters, so "third-quarter" offers "third" and "quarter"."""
    d = data()
    stop = set(d["triggers"]["not_triggers"])
    keys = tuple(sorted({r.needs for r in rules() if r.needs}))
    word_mask: dict[str, int] = {}
    raws: list[re.Pattern[str] | None] = []
    for bit, needs in enumerate(keys):
        parts: list[str] = []
        for need in needs:
            if need == "digit":
                parts.append(r"\d")
            elif need.startswith("re:"):
                parts.append(need[3:])
            else:
                entries = d["lexicon"][need.strip("{}")] if need.startswith("{") else [need]
                for entry in entries:
                    for w in _LETTERS.findall(entry.lower()):
                        if len(w) > 1 and w not in stop:
                            word_mask[w] = word_mask.get(w, 0) | (1 << bit)
        raws.append(re.compile("|".join(parts)) if parts else None)
    return word_mask, keys, tuple(raws)


WINDOW = 60  # characters of context a rule may need on either side of a word it needs


def _merge(points: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    points.sort()
    out: list[tuple[int, int]] = []
    for s, e in points:
        a, b = max(0, s - WINDOW), min(size, e + WINDOW)
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@cache
def _need_words() -> tuple[str, ...]:
    return tuple(sorted(_needs_index()[0]))


@cache
def _engine() -> Engine | None:
    """The multi-pattern engine (None without it) over every rule's regex, then every `needs` regex, then
    every word the rules need, at the start of a run of letters (checked again in `windows`)."""
    patterns = tuple((r.pattern, re.IGNORECASE) for r in rules())
    patterns += tuple((raw.pattern, raw.flags) for raw in _needs_index()[2] if raw is not None)
    patterns += tuple((r"(?<![^\W\d_])" + re.escape(w), re.IGNORECASE) for w in _need_words())
    return engine(patterns)


def _finditer(
    rx: re.Pattern[str], text: str, starts: list[int] | None, a: int, end: int, stop: int
) -> Iterator[re.Match[str]]:
    """`rx.finditer(text, a, end)` up to the first match starting at or after `stop`; with `starts` (the
    only offsets where `rx` can match, from the engine) by `rx.match` at those offsets alone, which finds
    the same matches: finditer goes on from the end of each match it finds (never empty here: the engine
    covers no regex whose superset can match the empty string)."""
    if starts is None:
        for m in rx.finditer(text, a, end):
            if m.start() >= stop:
                return
            yield m
        return
    pos = a
    for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, stop)):
        s = starts[i]
        if s >= pos and (m := rx.match(text, s, end)) is not None:
            yield m
            pos = m.end()


def _word_runs(text: str, starts: list[list[int]] | None) -> Iterator[re.Match[str]]:
    """The runs of letters in `text` that may be words the rules need: all of them, or with the engine's
    offsets only those starting where it found a needed word (each checked by the caller)."""
    eng = _engine() if starts is not None else None
    first = len(rules()) + sum(1 for raw in _needs_index()[2] if raw is not None)
    ids = range(first, first + len(_need_words()))
    if starts is None or eng is None or not all(i in eng.covered for i in ids):
        yield from _LETTERS.finditer(text)
        return
    for s in sorted({s for i in ids for s in starts[i]}):
        # a run of letters starting there (the engine ignores what came before the word)
        if s == 0 or _LETTERS.match(text, s - 1) is None:
            m = _LETTERS.match(text, s)
            if m is not None:
                yield m


def windows(text: str, starts: list[list[int]] | None = None) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """For each distinct `needs` of the rules, the merged stretches of `text` around what it needs;
    every match of a rule lies inside one of its stretches. `starts` are the engine's offsets, if any."""
    word_mask, keys, raws = _needs_index()
    hits: list[list[tuple[int, int]]] = [[] for _ in keys]
    for m in _word_runs(text, starts):
        mask = word_mask.get(m.group().lower())
        while mask:
            bit = (mask & -mask).bit_length() - 1
            hits[bit].append(m.span())
            mask &= mask - 1
    eng = _engine() if starts is not None else None
    index = len(rules())  # the engine numbers the `needs` regexes after the rules
    for bit, raw in enumerate(raws):
        if raw is not None:
            at = starts[index] if starts is not None and eng is not None and index in eng.covered else None
            hits[bit].extend(m.span() for m in _finditer(raw, text, at, 0, len(text), len(text)))
            index += 1
    return {needs: _merge(hits[bit], len(text)) for bit, needs in enumerate(keys)}


_SECOND = frozenset(["t", "day", "month", "year"])


def recognise(text: str, everywhere: bool = False, pure: bool = False) -> list[Candidate]:
    """Every time expression in `text`: longest match wins, then the rule listed first.

    Each rule runs only in the windows around the words it needs (`windows`), which makes tagging
    several times faster on news text than running every rule over every character; `everywhere=True`
    runs them over all of it (the test suite checks both give the same result). Within them, each rule
    is tried only where the multi-pattern engine (`newsline.timex.engine`) says it can start; `pure=True`
    lets Python's regex engine scan for itself (the test suite checks both give the same result).
    """
    eng = None if pure else _engine()
    offsets = eng.starts(text) if eng is not None else None
    spans = {} if everywhere else windows(text, offsets)
    whole = [(0, len(text))]
    found: list[Candidate] = []
    for i, rule in enumerate(rules()):
        at = offsets[i] if offsets is not None and eng is not None and i in eng.covered else None
        if at is not None and not at:
            continue  # the rule can match nowhere in this text
        for a, b in spans.get(rule.needs, whole):
            # A match starts inside its window but may run past its end, and its lookaheads must see the
            # text after it: a window ending inside "weekend" offered "30 week" as a duration.
            for m in _finditer(rule.regex, text, at, a, min(len(text), b + WINDOW), b):
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                span = "t2" if "t2" in groups else "t"
                if span == "t2":  # a rule's second alternative names its parts with a trailing 2
                    groups = {k[:-1] if k[:-1] in _SECOND else k: v for k, v in groups.items()}
                start, end = (m.start(span), m.end(span)) if "t" in groups else (m.start(), m.end())
                if end > start:
                    found.append(Candidate(start, end, rule, groups))
    found.sort(key=lambda c: (-(c.end - c.start), c.rule.order, c.start))
    taken: list[Candidate] = []
    starts: list[int] = []
    ends: list[int] = []
    for c in found:
        # Non-overlapping spans kept sorted by start: a new span overlaps only its neighbours.
        i = bisect.bisect_left(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def lex(name: str, word: str) -> Any:
    table = data()["lexicon"][name]
    key = re.sub(r"\s+", " ", word.lower())
    return table[key]
