#!/usr/bin/env python3
"""Cold start: `newsline tag <seed>` and `newsline parse <seed> --format json` against `python -c pass` and
against dateparser's import plus one `search_dates(text, languages=['en'])` call (the configuration its docs
recommend when the language is known), each the median of several runs in this one script (machines are
shared and noisy, so only ratios measured together mean anything). Targets: tag <= 0.5x dateparser's;
parse <= 1 s.

    python3 benchmarks/cold_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt"


# As a user's machine runs them: with Python's bytecode cache. `pip install` writes it for dateparser;
# an editable install of newsline only gets it on a first run, which PYTHONDONTWRITEBYTECODE (set on some
# machines) forbids, and compiling every module from source doubled newsline's figure.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def median_seconds(cmd: list[str], runs: int) -> float:
    """The median wall time of `cmd` over `runs` runs, after one untimed run (bytecode and disk cache)."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    newsline = shutil.which("newsline")
    if newsline is None:
        print("newsline is not installed (pip install .)", file=sys.stderr)
        return 1
    py = median_seconds([sys.executable, "-c", "pass"], args.runs)
    cmd = [newsline, "parse", str(SEED), "--format", "json", "--published", "2025-07-04"]
    ours = median_seconds(cmd, args.runs)
    tag = median_seconds([newsline, "tag", str(SEED), "--published", "2025-07-04"], args.runs)
    text = SEED.read_text(encoding="utf-8").splitlines()[0]
    peer_code = (
        "import datetime, dateparser.search as s; "
        f"s.search_dates({text!r}, languages=['en'], "
        "settings={'RELATIVE_BASE': datetime.datetime(2025, 7, 4)})"
    )
    try:
        peer = median_seconds([sys.executable, "-c", peer_code], args.runs)
    except subprocess.CalledProcessError:
        peer = float("nan")
    print(f"python -c pass                      {py * 1000:8.0f} ms")
    print(f"newsline parse <seed> --format json {ours * 1000:8.0f} ms  ({ours / py:.1f}x python startup)")
    print(f"newsline tag <seed>                 {tag * 1000:8.0f} ms  ({tag / py:.1f}x python startup)")
    print(f"dateparser import + search_dates(languages=['en']) {peer * 1000:8.0f} ms")
    print(f"cold start newsline tag {tag * 1000:.0f} ms (ratio to dateparser {tag / peer:.2f}, "
          "target <= 0.5), "
          f"parse {ours * 1000:.0f} ms (ratio {ours / peer:.2f}, target <= 1 s), python {py * 1000:.0f} ms, "
          f"dateparser {peer * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
