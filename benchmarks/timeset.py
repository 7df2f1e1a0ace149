#!/usr/bin/env python3
"""TimeSET (Wikinews, dev set): salient events, their dates and their order.

Runs the installed `newsline parse ../shared/bench/timeset/articles.jsonl --format json` (the 18 bare
articles, one timeline) and the corpus' scorer, `timeset.py score dev.jsonl OUT.json`, which reports event
recall (a gold trigger overlapped by an event's trigger), date accuracy (gold-dated events whose day is
right), order accuracy (gold BEFORE pairs whose ranks agree; ordering by position in the text gets 49 %) and
simultaneity (gold SIMULTANEOUS pairs on the same day).

    python3 benchmarks/timeset.py [--keep OUT.json]

The last line is the scorer's: 'timeset recall R date D order O simultaneous S'.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "timeset"


def newsline_command() -> str:
    """The installed console script: next to this interpreter, else on PATH."""
    sibling = Path(sys.executable).with_name("newsline")
    if sibling.is_file() and os.access(sibling, os.X_OK):
        return str(sibling)
    return shutil.which("newsline") or "newsline"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="write newsline's JSON here (default: a temporary file)")
    args = ap.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"{BENCH} is missing: the benchmark corpora live in ../shared/bench")
    out = Path(args.keep) if args.keep else Path(tempfile.mkstemp(suffix=".json", prefix="timeset-")[1])
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        proc = subprocess.run(
            [newsline_command(), "parse", str(BENCH / "articles.jsonl"), "--format", "json"],
            stdout=fh,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"newsline failed: {proc.stderr.strip()[-500:]}")
    score = subprocess.run(
        [sys.executable, str(BENCH / "timeset.py"), "score", str(BENCH / "dev.jsonl"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if score.returncode != 0:
        sys.exit(f"timeset.py failed: {score.stderr.strip()[-500:]}")
    lines = score.stdout.strip().splitlines()
    print(f"newsline parse of the 18 articles: {elapsed:.2f} s wall")
    for line in lines:
        print(line)
    if not args.keep:
        out.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
