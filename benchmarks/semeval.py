#!/usr/bin/env python3
"""SemEval-2015 Task 4 (TimeLine, Track A): cross-document timelines of target entities.

Runs the corpus' own evaluation script, `../shared/bench/semeval2015/evaluate.py CORPUS_DIR`, on the trial
corpus (Apple, 6 timelines) and on corpus_1 (Airbus/Boeing, 13 timelines), with the installed `newsline`
console script. That script runs `newsline parse articles.jsonl --entity NAME --format json` for each target
entity, maps every event (sources[].trigger spans -> the task's tokens, rank -> order, when.value -> anchor
day) to the task's timeline format, and scores it with the task's metric (timeline_score.py).

    python3 benchmarks/semeval.py [--per-timeline] [--ord]

Prints each corpus' micro F1, precision and recall; the last line is
'semeval trial F1 X corpus_1 F1 Y'. Published for comparison (all 38 test timelines): best Track A system
7.85 F1, best Track B (gold events given) 25.4, best later Track B system 28.58.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "semeval2015"
CORPORA = ("trial", "corpus_1")
LAST = re.compile(r"micro F1 (?P<f>[\d.]+) P (?P<p>[\d.]+) R (?P<r>[\d.]+)")


def newsline_command() -> str:
    """The installed console script: next to this interpreter, else on PATH."""
    sibling = Path(sys.executable).with_name("newsline")
    if sibling.is_file() and os.access(sibling, os.X_OK):
        return str(sibling)
    return shutil.which("newsline") or "newsline"


def run(corpus: str, extra: list[str]) -> tuple[dict[str, float], list[str]]:
    """Run the corpus' evaluate.py; its figures and the lines it printed before the last."""
    cmd = [sys.executable, str(BENCH / "evaluate.py"), str(BENCH / corpus), "--newsline", newsline_command()]
    proc = subprocess.run(cmd + extra, capture_output=True, text=True, check=False)
    lines = proc.stdout.strip().splitlines()
    m = LAST.search(lines[-1]) if lines else None
    if proc.returncode != 0 or m is None:
        sys.exit(f"evaluate.py failed on {corpus}: {proc.stderr.strip()[-500:]}")
    return {k: float(v) for k, v in m.groupdict().items()}, lines[:-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-timeline", action="store_true", help="also print each timeline's figures")
    ap.add_argument("--ord", action="store_true", help="order only (the task's subtrack: no anchors)")
    args = ap.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"{BENCH} is missing: the benchmark corpora live in ../shared/bench")
    extra = (["--per-timeline"] if args.per_timeline else []) + (["--ord"] if args.ord else [])
    scores = {}
    for corpus in CORPORA:
        scores[corpus], detail = run(corpus, extra)
        for line in detail:
            print(f"  {corpus} {line}")
        s = scores[corpus]
        print(f"{corpus:9} micro F1 {s['f']:6.2f}   P {s['p']:6.2f}   R {s['r']:6.2f}")
    print("semeval " + " ".join(f"{c} F1 {scores[c]['f']:.2f}" for c in CORPORA))
    return 0


if __name__ == "__main__":
    sys.exit(main())
