"""A long fuzz run of `parse` and every output format: no exception, schema-valid JSON, bounded time.

    python benchmarks/fuzz.py                        # 100,000 cases on every core, at most 15 minutes
    python benchmarks/fuzz.py --cases 20000 --seconds 120 --jobs 2 --seed 7

Cases come from a seeded generator (so a run can be repeated): news-like sentences from a vocabulary of
the words the time and event rules react to, the same mutated (characters dropped, doubled, swapped,
case-flipped), random Unicode (control characters, surrogate-free planes, right-to-left marks, escape
sequences), markup-like text (Rich markup, HTML, CSV formulas, Markdown pipes), and slices of the seed
article. Each case is parsed with and without a publication date; the result goes through to_dict, the
JSON Schema (every 10th case: validation is the slow part), CSV, Markdown, TimelineJS and TimeML (which must
be well-formed XML). A case slower than --slow seconds is reported as slow.

Printed: cases run, cases per second, failures grouped by exception and place (with the smallest input
that showed each), and the slowest cases. Exit status 1 when anything failed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sys
import time
import traceback
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED_TEXT = (ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt").read_text(encoding="utf-8")

# fmt: off
WORDS = [
    "Russia", "Ukraine", "Kyiv", "Trump", "Putin", "officials", "said", "told", "will", "would", "launched",
    "attack", "drones", "strike", "killed", "injured", "call", "talks", "ended", "met", "may", "March",
    "May", "the", "a", "of", "on", "in", "at", "by", "since", "until", "after", "before", "just", "hours",
    "later", "earlier", "ago", "next", "last", "this", "day", "days", "week", "month", "year", "years",
    "overnight", "tonight", "yesterday", "today", "tomorrow", "morning", "evening", "late", "early",
    "recently", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "July",
    "Sept.", "4", "31", "2025", "1999", "9:30", "a.m.", "p.m.", "2025-07-03", "3rd", "quarter", "fiscal",
    "decade", "1990s", "weekend", "Christmas", "U.S.", "Gen.", "immediately", "simultaneously", "while",
    "then", "following", "ahead", "did", "not", "never", "might", "planned", "expected", "to", "539",
    "1,000", "three", "several", "hour-long", "two-day", "every", "nightly",
]
PUNCT = ['"', "“", "”", "'", "‘", "’", ",", ".", ";", ":", "!", "?", "-", "—", "(", ")", "\n", "\n\n"]
NASTY = [
    "[bold]", "[/]", "[link=http://x]", "\x1b[31m", "\x1b]0;title\x07", "\x1b[2J", "\x00", "\x07", "\x7f",
    "\u202e", "\u200b", "\ufeff", "\u2028", "=cmd|' /C calc'!A0", "+1", "@SUM(1)", "-2", "|", "\\|",
    "<script>", "&amp;", "]]>", "<TIMEX3>", "\t", "\r", "\r\n", "\ufffd", "😀", "\U0010ffff", "ǅ", "ß",
]
# fmt: on


def news(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        r = rng.random()
        parts.append(rng.choice(WORDS) if r < 0.75 else rng.choice(PUNCT) if r < 0.95 else rng.choice(NASTY))
    return " ".join(parts) if rng.random() < 0.8 else "".join(parts)


def mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 8)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.randrange(5)
        if op == 0:
            del chars[i]
        elif op == 1:
            chars.insert(i, chars[i] * rng.randint(1, 50))
        elif op == 2:
            j = rng.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
        elif op == 3:
            chars[i] = chars[i].swapcase()
        else:
            chars.insert(i, rng.choice(NASTY + PUNCT))
    return "".join(chars)


def random_unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        plane = rng.random()
        if plane < 0.5:
            out.append(chr(rng.randrange(0, 0x80)))
        elif plane < 0.8:
            out.append(chr(rng.randrange(0x80, 0x3000)))
        else:
            c = rng.randrange(0x3000, 0x110000)
            out.append(chr(c) if not 0xD800 <= c <= 0xDFFF else "?")
    return "".join(out)


def make_case(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return news(rng, rng.randint(0, 80))
    if kind < 0.65:
        return mutate(rng, news(rng, rng.randint(5, 60)))
    if kind < 0.8:
        return random_unicode(rng, rng.randint(0, 200))
    if kind < 0.95:
        a = rng.randrange(len(SEED_TEXT))
        return mutate(rng, SEED_TEXT[a : a + rng.randint(0, 1500)])
    # Longer repetitive input, to catch slow paths.
    return news(rng, rng.randint(1, 10)) * rng.randint(10, 200)


def check(text: str, published: str | None, validate: bool, validator) -> None:
    import newsline
    from newsline.formats.writers import to_csv, to_markdown, to_timelinejs, to_timeml

    tl = newsline.parse_text(text, published=published, id="fuzz")
    d = newsline.to_dict(tl)
    json.dumps(d, ensure_ascii=False).encode("utf-8")
    if validate:
        errors = list(validator.iter_errors(d))
        if errors:
            raise AssertionError(f"schema: {errors[0].message[:200]} at {list(errors[0].absolute_path)}")
    for m in d["time_mentions"]:
        assert text[m["start"] : m["end"]] == m["text"], ("mention span", m)
    assert sorted(e["rank"] for e in d["events"]) == list(range(1, len(d["events"]) + 1)), "ranks"
    to_csv(d)
    to_markdown(d)
    json.dumps(to_timelinejs(d))
    for _, doc in to_timeml(d, {"fuzz": text}):
        ElementTree.fromstring(doc.encode("utf-8"))


def worker(args: tuple[int, int, int, float, float]) -> dict:
    """Run cases [start, stop) of the run seeded `seed` until `deadline`; a summary of what happened."""
    seed, start, stop, deadline, slow = args
    import jsonschema
    from newsline.schema import schema

    validator = jsonschema.Draft202012Validator(schema())
    failures: dict[str, tuple[int, str, str]] = {}
    slowest: list[tuple[float, int, str]] = []
    ran = 0
    for i in range(start, stop):
        if time.time() > deadline:
            break
        rng = random.Random(seed * 1_000_003 + i)
        text = make_case(rng)
        published = rng.choice([None, "2025-07-04", "1999-12-31", "2025-07-04T23:30+03:00"])
        t0 = time.perf_counter()
        try:
            check(text, published, validate=i % 10 == 0, validator=validator)
        except Exception as exc:
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(tb.filename).name}:{tb.lineno}"
            if key not in failures or len(text) < len(failures[key][1]):
                failures[key] = (failures.get(key, (0,))[0] + 1, text, f"{exc}"[:300])
            else:
                failures[key] = (failures[key][0] + 1, failures[key][1], failures[key][2])
        elapsed = time.perf_counter() - t0
        if elapsed > slow:
            slowest.append((elapsed, i, text[:80]))
        ran += 1
    return {"ran": ran, "failures": failures, "slow": sorted(slowest, reverse=True)[:5]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=900.0, help="stop after this long, whatever ran")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--slow", type=float, default=2.0, help="report cases slower than this (seconds)")
    args = ap.parse_args()
    started = time.time()
    deadline = started + args.seconds
    chunk = 500
    tasks = [
        (args.seed, a, min(a + chunk, args.cases), deadline, args.slow) for a in range(0, args.cases, chunk)
    ]
    ran = 0
    failures: dict[str, tuple[int, str, str]] = {}
    slow: list[tuple[float, int, str]] = []
    with mp.Pool(args.jobs) as pool:
        for result in pool.imap_unordered(worker, tasks):
            ran += result["ran"]
            for key, (count, text, message) in result["failures"].items():
                old = failures.get(key)
                if old is None or len(text) < len(old[1]):
                    failures[key] = (count + (old[0] if old else 0), text, message)
                else:
                    failures[key] = (old[0] + count, old[1], old[2])
            slow = sorted(slow + result["slow"], reverse=True)[:10]
    elapsed = time.time() - started
    print(f"fuzz: {ran:,} cases in {elapsed:.0f} s on {args.jobs} processes ({ran / elapsed:.0f} cases/s), "
          f"seed {args.seed}{'; stopped at the time limit' if ran < args.cases else ''}")
    if failures:
        print(f"FAILURES: {sum(c for c, _, _ in failures.values())} cases, {len(failures)} distinct")
        for key, (count, text, message) in sorted(failures.items()):
            print(f"  {count:6d} x {key}: {message}\n         smallest input: {text[:300]!r}")
    else:
        print("failures: none")
    if slow:
        print(f"slowest cases (over {args.slow} s):")
        for seconds, i, head in slow:
            print(f"  {seconds:6.2f} s  case {i}: {head!r}")
    else:
        print(f"no case took over {args.slow} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
