"""Pathological input: is parsing still linear in the size of the text?

Each case is built at SIZE and at SIZE/2 characters and parsed (parse_text + to_dict, as `newsline parse
--format json` does) in a fresh process with a time limit. Printed for each case: the seconds at both sizes,
the growth exponent between them (1.0 is linear, 2.0 quadratic), and the ratio of its time to that of
normal news text of the same size (the seed article repeated).

    python benchmarks/pathological.py                      # 1 MB cases (a few minutes)
    python benchmarks/pathological.py --size 200000 --timeout 60

Cases: a megabyte on one line; long runs of digits; thousands of nested quotes (curly, straight,
alternating with reporting verbs); a run of full stops; dates without any sentence end; a megabyte of
one word; unclosed brackets and quote marks. Exit status 1 when a case times out or grows faster than
`--max-exponent` (default 1.5).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt").read_text(encoding="utf-8")


def repeat(unit: str, n: int) -> str:
    """`unit` repeated to exactly `n` characters."""
    return (unit * (n // max(len(unit), 1) + 1))[:n]


def make(case: str, n: int) -> str:
    """The text of `case` at `n` characters."""
    if case == "normal":
        return repeat(SEED + "\n\n", n)
    if case == "one-line":
        return repeat(SEED.replace("\n", " ") + " ", n)
    if case == "digits":
        return repeat("1234567890", n)
    if case == "digit-words":
        return repeat("2025 12 07 31 1999 4 539 ", n)
    if case == "nested-curly":
        half = n // 2
        return "He said: " + repeat("“", half) + repeat("”", n - half)
    if case == "nested-straight":
        return repeat("He said \"she said '", n)
    if case == "quotes-speech":
        return repeat('"It ended on Thursday," he said. ', n)
    if case == "full-stops":
        return repeat(".", n)
    if case == "dates-no-stop":
        return repeat("on July 4, 2025 and on Friday and yesterday ", n)
    if case == "one-word":
        return repeat("a", n)
    if case == "brackets":
        return repeat("([{<“‘\"'", n)
    raise ValueError(case)


CASES = [
    "normal",
    "one-line",
    "digits",
    "digit-words",
    "nested-curly",
    "nested-straight",
    "quotes-speech",
    "full-stops",
    "dates-no-stop",
    "one-word",
    "brackets",
]

CHILD = """
import sys, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from pathological import make
import newsline
text = make({case!r}, {n})
t0 = time.perf_counter()
d = newsline.to_dict(newsline.parse_text(text, published="2025-07-04"))
print(time.perf_counter() - t0, len(d["events"]))
"""


def measure(case: str, n: int, timeout: float) -> tuple[float | None, int]:
    """Seconds to parse `case` at `n` characters in a fresh process (None on timeout), and its events."""
    code = CHILD.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), case=case, n=n)
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, check=True
        ).stdout.split()
    except subprocess.TimeoutExpired:
        return None, 0
    except subprocess.CalledProcessError as exc:
        print(f"{case}: crashed:\n{exc.stderr[-2000:]}", file=sys.stderr)
        return math.nan, 0
    return float(out[0]), int(out[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of the larger text")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds allowed per run")
    ap.add_argument("--max-exponent", type=float, default=1.5)
    ap.add_argument("cases", nargs="*", default=CASES)
    args = ap.parse_args()
    started = time.perf_counter()
    big, small = args.size, args.size // 2
    print(f"{'case':16} {'t(' + str(small) + ')':>12} {'t(' + str(big) + ')':>12} {'exponent':>9} "
          f"{'x normal':>9} {'events':>7}")
    normal_time = None
    bad = []
    for case in ["normal", *[c for c in args.cases if c != "normal"]]:
        t_small, _ = measure(case, small, args.timeout)
        t_big, events = measure(case, big, args.timeout)
        if case == "normal":
            normal_time = t_big
        if t_big is None or t_small is None:
            shown_big = f">{args.timeout:.0f}" if t_big is None else f"{t_big:.3f}"
            shown_small = f">{args.timeout:.0f}" if t_small is None else f"{t_small:.3f}"
            print(f"{case:16} {shown_small:>12} {shown_big:>12} {'timeout':>9}")
            bad.append(case)
            continue
        # Below ~20 ms the start-up noise dominates: call such a case linear.
        exponent = math.log2(t_big / t_small) if t_small > 0.02 and t_big > 0.02 else 1.0
        ratio = t_big / normal_time if normal_time else math.nan
        print(f"{case:16} {t_small:12.3f} {t_big:12.3f} {exponent:9.2f} {ratio:9.2f} {events:7d}", flush=True)
        if exponent > args.max_exponent or math.isnan(t_big):
            bad.append(case)
    elapsed = time.perf_counter() - started
    print(f"total {elapsed:.0f} s; superlinear or timed out: {', '.join(bad) or 'none'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
