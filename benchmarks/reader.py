"""The reader's benchmark (../shared/bench/reader): what a journalist sees in the table, scored against an
editor's gold timeline of 22 articles, on all of them and on two fixed halves.

    python3 benchmarks/reader.py [--errors] [--per-article]

The halves are the articles in the order of their ids, alternately: half A (where errors are looked for)
and half B (where what was changed for A is confirmed). A rule that helps A but not B fits A. Each line is
the scorer's own last line (`score.py`, beside the gold); nothing here recomputes a figure.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "reader"


def halves(ids: list[str]) -> tuple[set[str], set[str]]:
    """Half A and half B: the ids in sorted order, alternately."""
    ordered = sorted(ids)
    return set(ordered[0::2]), set(ordered[1::2])


def score(gold: list[dict], timeline: dict, keep: set[str], extra: list[str]) -> str:
    """The scorer's output on the articles in `keep`."""
    with tempfile.TemporaryDirectory() as tmp:
        g = Path(tmp) / "gold.jsonl"
        t = Path(tmp) / "timeline.json"
        g.write_text("".join(json.dumps(d) + "\n" for d in gold if d["id"] in keep), encoding="utf-8")
        part = dict(timeline)
        part["events"] = [
            e for e in timeline["events"] if any(s["article"] in keep for s in e["sources"])
        ]
        t.write_text(json.dumps(part), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, str(BENCH / "score.py"), str(g), str(t), *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list the errors (scorer's --errors)")
    ap.add_argument("--per-article", action="store_true", help="a line per article")
    ap.add_argument("--newsline", default="newsline", help="the newsline command to run")
    args = ap.parse_args()
    if not BENCH.exists():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 1
    run = subprocess.run(
        [args.newsline, "parse", str(BENCH / "articles.jsonl"), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    timeline = json.loads(run.stdout)
    gold = [json.loads(line) for line in (BENCH / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    a, b = halves([d["id"] for d in gold])
    extra = (["--errors"] if args.errors else []) + (["--per-article"] if args.per_article else [])
    for name, keep in (("half A", a), ("half B", b), ("all", a | b)):
        out = score(gold, timeline, keep, extra if name == "all" else [])
        if name == "all" and extra:
            print(out.rstrip())
        print(f"{name} ({len(keep)} articles): {out.strip().splitlines()[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
