"""Where each time rule can start, found for all rules in one pass by a multi-pattern engine (Hyperscan).

Recognition runs 92 rule regexes (and 15 trigger regexes for their windows) with Python's backtracking
engine, which tries every rule at every position of its windows: that was most of tagging's time. Here
each regex is turned into a *superset* pattern (its lookarounds and anchors dropped, its case ignored),
reversed, and all of them are compiled into one Hyperscan database. One scan of the reversed text then
reports, for every pattern, every offset where a match of the superset can start: Python's own regex
can only match where its superset can, so `recognise` calls `regex.match` at those offsets alone and
finds exactly what `finditer` found (the test suite checks both ways give the same candidates).

Hyperscan reads bytes, not characters: the text is scanned as an ASCII view of the same length, each
other character replaced by one that every pattern element the original matches also matches (a letter
by the ASCII letter it is equal to ignoring case, else "x"; a digit by "0"; a space by " "; the few
non-ASCII characters the rules name by control bytes of their own; anything else by \\x05).

Optional: without the `hyperscan` wheel (or with NEWSLINE_PURE_RE=1), or for a regex the translation
does not cover, recognition runs Python's `finditer` as before, with the same result.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import re
import sys
import threading
from collections.abc import Sequence
from functools import cache
from typing import Any

from newsline.rules import cache_dir

try:  # the private parser of `re`: stable in 3.11-3.13, and only an optimisation depends on it
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover
    _p = _c = None  # type: ignore[assignment]

_SCAN = threading.Lock()

_OTHER = "\x05"  # what a character no rule names and that is no letter, digit or space becomes
_WORD = "x"
_SPECIAL_CODES = "\x01\x02\x03\x04\x0e\x0f\x10\x11\x12\x13"
# Characters that need the ASCII view even in ASCII text: the control bytes the view gives a meaning to,
# and the separators Python's \s matches and Hyperscan's does not.
_NEEDS_VIEW = re.compile("[^\x00\x05-\x0a\x0c\x0d\x14-\x1b\x20-\x7f]")
# What a negated set must not exclude: the characters others stand in for (and the letters others equal;
# the database ignores case, so an excluded "X" would exclude "x" too).
_STAND_INS = frozenset(_WORD + _WORD.upper() + "0 " + _OTHER + "iksIKS")


class _Unsupported(Exception):
    pass


def _ascii_equal(ch: str) -> str | None:
    """The ASCII letter `ch` equals when case is ignored (Python's rules: "ſ" is "s", "K" is "k")."""
    for c in "iks":
        if re.fullmatch(c, ch, re.IGNORECASE):
            return c
    return None


class _View:
    """The ASCII view of texts: one byte per character, chosen so that the superset patterns match it
    wherever Python's regexes match the text."""

    def __init__(self, specials: str) -> None:
        self.table = {ord(ch): code for ch, code in zip(specials, _SPECIAL_CODES, strict=False)}
        for code in range(0x80):
            ch = chr(code)
            if ch in _SPECIAL_CODES or ch == "\x0b" or "\x1c" <= ch <= "\x1f":
                self.table[code] = " " if ch.isspace() else _OTHER

    def code(self, ch: str) -> str:
        got = self.table.get(ord(ch))
        if got is None:
            if ch.isdecimal():
                got = "0"
            elif ch.isalnum() or ch == "_":
                got = _ascii_equal(ch) or _WORD
            elif ch.isspace():
                got = " "
            else:
                got = _OTHER
            self.table[ord(ch)] = got
        return got

    def __call__(self, text: str) -> bytes:
        if _NEEDS_VIEW.search(text) is None:
            return text.encode("ascii")
        # News text has few characters to replace (curly quotes, dashes): a substitution per character
        # found is cheaper than translating every character.
        return _NEEDS_VIEW.sub(lambda m: self.code(m.group()), text).encode("ascii")


def _literal(code: int, view: _View) -> str:
    ch = chr(code)
    mapped = view.code(ch) if code > 0x7F else ch
    if mapped.isalnum():
        return mapped
    return f"\\x{ord(mapped):02x}"


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _set(items: list[tuple[Any, Any]], view: _View, negate: bool = False) -> str:
    out = []
    categories = []
    named: set[str] = set()
    for op, av in items:
        if op is _c.NEGATE:
            negate = not negate
        elif op is _c.LITERAL:
            named.add(view.code(chr(av)) if av > 0x7F else chr(av))
            out.append(_literal(av, view))
        elif op is _c.RANGE:
            lo, hi = av
            if hi > 0x7F:
                raise _Unsupported
            named.update(chr(c) for c in range(lo, hi + 1))
            out.append(f"{_literal(lo, view)}-{_literal(hi, view)}")
        elif op is _c.CATEGORY:
            out.append(_CATEGORIES[str(av)])
            categories.append(_CATEGORIES[str(av)])
        else:
            raise _Unsupported
    if negate and named & _STAND_INS:
        # Excluding a stand-in would exclude the characters it stands for ("[^s\W]" would refuse the "s"
        # that "ſ" becomes): the superset excludes the other characters only, so it matches more, never
        # less.
        kept = sorted(c for c in named if c not in _STAND_INS)
        if not kept and not categories:
            return "."  # excluding nothing: any character
        return "[^" + "".join(_literal(ord(c), view) for c in kept) + "".join(categories) + "]"
    return f"[{'^' if negate else ''}{''.join(out)}]"


def _reversed(items: Sequence[tuple[Any, Any]], view: _View) -> str:
    """The reversed superset of a parsed sequence: lookarounds and anchors dropped, groups unnamed."""
    out = []
    for op, av in reversed(list(items)):
        if op is _c.LITERAL:
            out.append(_literal(av, view))
        elif op is _c.NOT_LITERAL:
            out.append(_set([(_c.NEGATE, None), (_c.LITERAL, av)], view))
        elif op is _c.IN:
            out.append(_set(list(av), view))
        elif op is _c.ANY:
            out.append(".")
        elif op is _c.BRANCH:
            out.append("(?:" + "|".join(_reversed(alt.data, view) for alt in av[1]) + ")")
        elif op is _c.SUBPATTERN:
            out.append("(?:" + _reversed(av[3].data, view) + ")")
        elif op is _c.ATOMIC_GROUP:
            out.append("(?:" + _reversed(av.data, view) + ")")
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            top = "" if hi is _c.MAXREPEAT or hi == _c.MAXREPEAT else str(hi)
            out.append(f"(?:{_reversed(sub.data, view)}){{{lo},{top}}}")
        elif op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # a superset may ignore what only restricts
        else:
            raise _Unsupported
    return "".join(out)


def _boundary(item: tuple[Any, Any], view: _View) -> str | None:
    """A leading one-character negative lookbehind (`(?<![\\w’'-])`), read from the reversed text as the
    character after the reversed match: "that character is not in the set, or the text ends"."""
    op, av = item
    if op is not _c.ASSERT_NOT or av[0] != -1:
        return None
    body = list(av[1].data)
    if len(body) != 1 or body[0][0] is not _c.IN:
        return None
    return f"(?:{_set(list(body[0][1]), view, negate=True)}|$)"


# Bump when the translation changes: the cached databases are keyed by it.
_VERSION = 2


class Engine:
    """One Hyperscan database of every regex given (pattern, flags); `starts(text)` lists, per regex,
    where it may match. The database is cached on disk (`newsline.rules.cache_dir`): compiling it takes
    about a second, loading it a few milliseconds."""

    def __init__(self, regexes: Sequence[tuple[str, int]]) -> None:
        import hyperscan

        self.n = len(regexes)
        specials = sorted(
            {ch for rx, _ in regexes for ch in rx if ch > "\x7f" and not (ch.isalnum() or ch.isspace())}
        )
        if len(specials) > len(_SPECIAL_CODES):
            raise _Unsupported
        self.view = _View("".join(specials))
        key = hashlib.sha256(repr((_VERSION, hyperscan.__version__, regexes)).encode()).hexdigest()[:32]
        cached = _load(key)
        if cached is not None:
            self.db, self.covered, self.shift = cached
            return
        self.db, self.covered, self.shift = self._compile(regexes)
        _save(key, self.db, self.covered, self.shift)

    def _compile(self, regexes: Sequence[tuple[str, int]]) -> tuple[Any, frozenset[int], dict[int, int]]:
        import hyperscan

        patterns: list[bytes] = []
        ids: list[int] = []
        shift: dict[int, int] = {}  # 1 when the pattern reads the character before the match
        for i, (rx, rx_flags) in enumerate(regexes):
            try:
                items = list(_p.parse(rx, rx_flags).data)
                if items and items[0][0] is _c.ASSERT_NOT and (edge := _boundary(items[0], self.view)):
                    body, shift[i] = _reversed(items[1:], self.view) + edge, 1
                else:
                    body, shift[i] = _reversed(items, self.view), 0
                if _p.parse(body).getwidth()[0] == 0:
                    continue  # a superset matching the empty string would offer every offset
            except (_Unsupported, KeyError, re.error):
                continue
            patterns.append(body.encode("ascii"))
            ids.append(i)
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_DOTALL
        db.compile(expressions=patterns, ids=ids, elements=len(patterns), flags=flags)
        return db, frozenset(ids), shift

    def starts(self, text: str) -> list[list[int]]:
        """For each regex (by index), the ascending offsets of `text` where it may start a match; empty
        for a regex the engine does not cover (see `covered`)."""
        n = len(text)
        found: list[list[int]] = [[] for _ in range(self.n)]
        shift = self.shift

        def on_match(i: int, _from: int, end: int, _flags: int, _ctx: object) -> None:
            if shift[i]:
                if end == n:  # the text's start, or the character after a boundary at its start
                    found[i].append(0)
                    if n:
                        found[i].append(1)
                else:
                    found[i].append(n - end + 1)
            else:
                found[i].append(n - end)

        # One scratch space per database: scans from two threads at once (a Dask worker's threads) would
        # share it, and Hyperscan's scratch is not for sharing.
        with _SCAN:
            self.db.scan(self.view(text)[::-1], match_event_handler=on_match)
        # The reversed scan reports ends in ascending order: starts come descending.
        return [sorted(set(s)) if s else s for s in found]


def _load(key: str) -> tuple[Any, frozenset[int], dict[int, int]] | None:
    import hyperscan

    try:
        raw = (cache_dir() / f"timex-{key}.hs").read_bytes()
        meta, blob = raw.split(b"\n", 1)
        covered, shift = json.loads(meta)
        db = hyperscan.loadb(blob, hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)
        return db, frozenset(covered), {int(k): v for k, v in shift.items()}
    except Exception:  # absent, unreadable, or made by another build: compile again
        return None


def _save(key: str, db: Any, covered: frozenset[int], shift: dict[int, int]) -> None:
    import hyperscan

    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        blob = json.dumps([sorted(covered), shift]).encode() + b"\n" + hyperscan.dumpb(db)
        tmp = folder / f".timex-{key}.{os.getpid()}.tmp"
        tmp.write_bytes(blob)
        os.replace(tmp, folder / f"timex-{key}.hs")  # whole or not at all, whatever runs beside us
    except Exception:  # a read-only home: the next run compiles again
        return


@cache
def engine(regexes: tuple[tuple[str, int], ...]) -> Engine | None:
    """The engine for these regexes, or None when Hyperscan is missing, refused or turned off."""
    if os.environ.get("NEWSLINE_PURE_RE") or _p is None:
        return None
    try:
        return Engine(regexes)
    except Exception:  # no wheel for this platform, an old CPU, a pattern it refuses: pure Python then
        return None


# The rule regexes themselves, compiled once per machine rather than once per process: Python compiles a
# pattern in Python (its parser and code generator), 10-40 ms of a cold `newsline tag` for the dozen rules
# a short article needs. What `re` hands its C engine (`_sre.compile`: flags, code, groups) is plain data,
# kept with `marshal` and keyed by the patterns, the Python build and the engine's MAGIC; anything amiss
# (another Python, a refused code) and the pattern is compiled by `re` as usual.
try:
    import _sre
    from re import _compiler as _rc
except ImportError:  # pragma: no cover
    _sre = _rc = None  # type: ignore[assignment]


def _sre_args(pattern: str, flags: int) -> tuple[Any, ...]:
    p = _p.parse(pattern, flags)
    code = _rc._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # plain ints: marshal keeps no enum members (`re`'s flags and opcodes are int subclasses)
    ops = [int(c) for c in code]
    return (int(flags | p.state.flags), ops, p.state.groups - 1, groupindex, tuple(indexgroup))


@cache
def _codes(patterns: tuple[str, ...], flags: int) -> dict[str, tuple[Any, ...]]:
    if _sre is None or _rc is None or _p is None:
        return {}
    key = hashlib.sha256(repr((_VERSION, sys.version, _sre.MAGIC, flags, patterns)).encode()).hexdigest()[:32]
    where = cache_dir() / f"regex-{key}.marshal"
    try:
        return marshal.loads(where.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    try:
        codes = {pattern: _sre_args(pattern, flags) for pattern in patterns}
    except Exception:  # a `re` whose insides differ: compile as usual
        return {}
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        tmp = where.with_name(f".{where.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(codes))
        os.replace(tmp, where)
    except (OSError, ValueError):
        pass
    return codes


def compiled(pattern: str, patterns: tuple[str, ...], flags: int) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the machine's cache of the compiled `patterns` (one of them)."""
    args = _codes(patterns, flags).get(pattern) if not os.environ.get("NEWSLINE_PURE_RE") else None
    if args is not None:
        try:
            return _sre.compile(pattern, *args)
        except Exception:  # refused by this engine: compile as usual
            pass
    return re.compile(pattern, flags)
