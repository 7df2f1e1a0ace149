"""The peers newsline's speed is set against, each configured as its own documentation recommends for
English news, timed in the caller's process on the caller's documents (CPU time, after a warm-up call).

- dateparser: `search_dates(text, languages=["en"], settings={"RELATIVE_BASE": publication})`. Its docs
  say to name the languages: without them it tries 200+ locales on every candidate, which made the
  figures here before issue 17 look 18-26x better for newsline than they are.
- datefinder (`pip install ".[bench]"`): `find_dates(text, base_date=publication)`, its defaults.
- the floor: one `re.finditer(r"\\w+|[^\\w\\s]")` pass, what any tokeniser must at least do. It finds
  tokens, not expressions.
- HeidelTime: needs Java and its jar (with TreeTagger); neither runs in this process, and the scripts
  only say whether they could (`heideltime_status`).

Each result says how many expressions the peer found, so that a fast peer that finds half is seen as one.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

FLOOR = re.compile(r"\w+|[^\w\s]")

# (text, publication moment) pairs; a document without a date is given one (2025-07-04), as before.
Docs = Sequence[tuple[str, datetime]]


@dataclass
class Timing:
    name: str
    seconds: float  # CPU
    nbytes: int
    found: int | None  # expressions found (None: not counted)
    unit: str = "expressions"

    @property
    def mbs(self) -> float:
        return self.nbytes / 1e6 / self.seconds if self.seconds > 0 else float("inf")


def timed(
    name: str, count: Callable[[str, datetime], int | None], docs: Docs, unit: str = "expressions"
) -> Timing:
    """CPU time of `count` over every document, after one warm-up call on the first."""
    count(docs[0][0][:2000], docs[0][1])
    t0 = time.process_time()
    found: int | None = 0
    for text, base in docs:
        n = count(text, base)
        found = None if n is None or found is None else found + n
    seconds = time.process_time() - t0
    return Timing(name, seconds, sum(len(t.encode("utf-8")) for t, _ in docs), found, unit)


def dateparser_en(text: str, base: datetime) -> int:
    """dateparser as its docs recommend for text whose language is known: `languages=['en']`."""
    from dateparser.search import search_dates

    return len(search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or [])


def datefinder_count(text: str, base: datetime) -> int:
    import datefinder

    return sum(1 for _ in datefinder.find_dates(text, base_date=base))


def floor_count(text: str, base: datetime) -> int:
    return sum(1 for _ in FLOOR.finditer(text))


def peers(docs: Docs) -> list[Timing]:
    """Every peer that is installed, timed on `docs`; a missing one is reported on stdout and skipped."""
    out = [timed("dateparser search_dates(languages=['en'])", dateparser_en, docs)]
    try:
        import datefinder  # noqa: F401
    except ImportError:
        print("datefinder: not installed (pip install '.[bench]'), not measured")
    else:
        out.append(timed("datefinder find_dates", datefinder_count, docs))
    out.append(timed("floor: re.finditer(r'\\w+|[^\\w\\s]')", floor_count, docs, unit="tokens"))
    return out


def heideltime_status() -> str:
    """Whether HeidelTime could be timed here: it needs Java and its jar (HEIDELTIME_JAR)."""
    java = shutil.which("java")
    jar = os.environ.get("HEIDELTIME_JAR")
    if java and jar and os.path.isfile(jar):
        return f"HeidelTime: Java and {jar} found, but no runner is written yet: not measured"
    return (
        f"HeidelTime: not measured (Java {'at ' + java if java else 'not found'}; "
        f"{'no jar at ' + jar if jar else 'no HeidelTime jar on this machine (HEIDELTIME_JAR unset)'}; "
        "nothing is downloaded)"
    )


def table(ours: list[Timing], others: list[Timing]) -> list[str]:
    """Lines: each measure's MB/s, every one of ours against it both ways, and what it found."""
    head = f"{'':46} {'MB/s':>9} " + " ".join(f"{o.name.split()[1] + ' / it':>14}" for o in ours)
    head += " " + " ".join(f"{'it / ' + o.name.split()[1]:>12}" for o in ours) + "   found"
    lines = [head]
    for t in [*ours, *others]:
        ratios = " ".join(f"{o.mbs / t.mbs:13.3g}x" for o in ours)
        back = " ".join(f"{t.mbs / o.mbs:11.3g}x" for o in ours)
        found = "-" if t.found is None else f"{t.found:,} {t.unit}"
        lines.append(f"{t.name:46} {t.mbs:9.4f} {ratios} {back}   {found}")
    return lines
