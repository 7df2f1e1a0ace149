"""Pathological input: is parsing still linear in the size of the text?

Each case is built at SIZE and at SIZE/2 characters and parsed (parse_text + to_dict, as `newsline parse
--format json` does) in a fresh process with a time limit; at SIZE the timeline is then written in every
output format (json, jsonl, csv, markdown, timelinejs, timeml, table at 120 columns), counting the bytes.
Printed for each case: the parse seconds at both sizes, the growth exponent between them (1.0 is linear,
2.0 quadratic), the seconds per MB of input to parse and (separately) to write every format, each also
as a multiple of normal news text's (the seed article repeated), the events, and for each format its
output bytes per input byte (an output that grows faster than the input shows as a ratio that grows
with SIZE).

    python benchmarks/pathological.py                      # 1 MB cases (a few minutes)
    python benchmarks/pathological.py --size 200000 --timeout 60

Cases: a megabyte on one line; long runs of digits; thousands of nested quotes (curly, straight,
alternating with reporting verbs); a run of full stops; dates without any sentence end; a megabyte of
one word; unclosed brackets and quote marks; a transcript without sentence ends (the seed's words); one
sentence of many events; "on Monday, " repeated. Exit status 1 when a case times out, grows faster than
`--max-exponent` (default 1.5) or takes more than `--max-ratio` (default 5) times normal text per MB.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import re
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
    if case == "unpunctuated":
        # A transcript: the seed article's words with no sentence ends, so one sentence holds every event.
        return repeat(re.sub(r"[.!?;:\n]+", " ", SEED) + " ", n)
    if case == "many-events":
        # One sentence of many events: each was written with the whole sentence as its text.
        unit = "Russia launched drones and Ukraine shot down missiles and officials said talks began "
        return repeat(unit, n)
    if case == "on-monday":
        return repeat("on Monday, ", n)
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
    "unpunctuated",
    "many-events",
    "on-monday",
]
FORMATS = ["json", "jsonl", "csv", "markdown", "timelinejs", "timeml", "table"]

CHILD = """
import io, json, sys, time
sys.path.insert(0, {root!r})
sys.path.insert(0, {bench!r})
from pathological import make, serialise
import newsline
text = make({case!r}, {n})
t0 = time.perf_counter()
tl = newsline.parse_text(text, published="2025-07-04")
d = newsline.to_dict(tl)
t1 = time.perf_counter()
sizes = serialise(tl, d, {formats!r}) if {formats!r} else {{}}
t2 = time.perf_counter()
print(json.dumps({{"parse": t1 - t0, "write": t2 - t1, "events": len(d["events"]), "bytes": sizes,
                  "input": len(text.encode("utf-8"))}}))
"""


class _Count(io.TextIOBase):
    """A text sink that only counts the UTF-8 bytes written to it."""

    def __init__(self) -> None:
        self.bytes = 0

    def write(self, s: str) -> int:
        self.bytes += len(s.encode("utf-8"))
        return len(s)


def serialise(tl, d: dict, formats: list[str]) -> dict[str, int]:
    """The bytes each format writes for the timeline `tl` (its newsline/1 dict `d`), as the CLI would."""
    from newsline.cli.render import render_table
    from newsline.formats.writers import to_csv, to_markdown, to_timelinejs_json, to_timeml
    from newsline.run.stream import write_json, write_jsonl

    texts = {a.id: a.text for a in tl.articles}
    writers = {
        "json": lambda out: write_json(d, out),
        "jsonl": lambda out: write_jsonl(tl, out),
        "csv": lambda out: out.write(to_csv(d)),
        "markdown": lambda out: out.write(to_markdown(d)),
        "timelinejs": lambda out: out.write(to_timelinejs_json(d)),
        "timeml": lambda out: out.writelines(doc for _, doc in to_timeml(d, texts)),
        "table": lambda out: render_table(d, texts, no_color=True, file=out, width=120),
    }
    sizes = {}
    for name in formats:
        sink = _Count()
        writers[name](sink)
        sizes[name] = sink.bytes
    return sizes


def measure(case: str, n: int, timeout: float, formats: list[str]) -> dict | None:
    """Parsing `case` at `n` characters in a fresh process, then writing it in each of `formats`: the
    seconds of each step, the events, and the bytes of each output (None on timeout)."""
    code = CHILD.format(root=str(ROOT), bench=str(ROOT / "benchmarks"), case=case, n=n, formats=formats)
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, check=True
        ).stdout
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        print(f"{case}: crashed:\n{exc.stderr[-2000:]}", file=sys.stderr)
        return {"parse": math.nan, "write": math.nan, "events": 0, "bytes": {}, "input": n}
    return json.loads(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of the larger text")
    ap.add_argument("--timeout", type=float, default=180.0, help="seconds allowed per run")
    ap.add_argument("--max-exponent", type=float, default=1.5)
    ap.add_argument("--max-ratio", type=float, default=5.0, help="largest time per MB, x that of normal text")
    ap.add_argument("--no-write", action="store_true", help="parse only: no output is serialised")
    ap.add_argument("cases", nargs="*", default=CASES)
    args = ap.parse_args()
    formats = [] if args.no_write else FORMATS
    started = time.perf_counter()
    big, small = args.size, args.size // 2
    print(f"{'case':16} {'t(' + str(small) + ')':>12} {'t(' + str(big) + ')':>12} {'exponent':>9} "
          f"{'s/MB':>7} {'x normal':>9} {'write s/MB':>10} {'x normal':>9} {'events':>7}"
          + "".join(f" {f[:10]:>10}" for f in formats))
    normal_rate = normal_write = None
    bad = []
    for case in ["normal", *[c for c in args.cases if c != "normal"]]:
        m_small = measure(case, small, args.timeout, [])
        m_big = measure(case, big, args.timeout, formats)
        if m_big is None or m_small is None:
            shown_big = f">{args.timeout:.0f}" if m_big is None else f"{m_big['parse']:.3f}"
            shown_small = f">{args.timeout:.0f}" if m_small is None else f"{m_small['parse']:.3f}"
            print(f"{case:16} {shown_small:>12} {shown_big:>12} {'timeout':>9}")
            bad.append(case)
            continue
        t_small, t_big = m_small["parse"], m_big["parse"]
        # Seconds per MB of input: to parse, and to write every format (all of them together).
        mb = m_big["input"] / 1e6
        rate, write_rate = m_big["parse"] / mb, m_big["write"] / mb
        if case == "normal":
            normal_rate, normal_write = rate, write_rate
        # Below ~20 ms the start-up noise dominates: call such a case linear.
        exponent = math.log2(t_big / t_small) if t_small > 0.02 and t_big > 0.02 else 1.0
        ratio = rate / normal_rate if normal_rate else math.nan
        write_ratio = write_rate / normal_write if normal_write else math.nan
        # Output bytes per input byte, for each format.
        per_byte = "".join(f" {m_big['bytes'][f] / m_big['input']:10.2f}" for f in formats)
        print(f"{case:16} {t_small:12.3f} {t_big:12.3f} {exponent:9.2f} {rate:7.2f} {ratio:9.2f} "
              f"{write_rate:10.2f} {write_ratio:9.2f} {m_big['events']:7d}{per_byte}", flush=True)
        if exponent > args.max_exponent or math.isnan(t_big) or max(ratio, write_ratio) > args.max_ratio:
            bad.append(case)
    elapsed = time.perf_counter() - started
    if formats:
        print("format columns: output bytes per input byte at the larger size")
    print(f"total {elapsed:.0f} s; superlinear, over {args.max_ratio:g}x normal or timed out: "
          f"{', '.join(bad) or 'none'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
