#!/usr/bin/env python3
"""SemEval-2015 Task 4 (TimeLine, Track A): cross-document timelines of target entities.

Runs the corpus' own evaluation script, `../shared/bench/semeval2015/evaluate.py CORPUS_DIR`, on the trial
corpus (Apple, 6 timelines) and on corpus_1 (Airbus/Boeing, 13 timelines), with the installed `newsline`
console script. That script runs `newsline parse articles.jsonl --entity NAME --format json` for each target
entity, maps every event (sources[].trigger spans -> the task's tokens, rank -> order, when.value -> anchor
day) to the task's timeline format, and scores it with the task's metric (timeline_score.py).

    python3 benchmarks/semeval.py [--per-timeline] [--ord]

Prints each corpus' micro F1, precision and recall; the last line is
'semeval trial F1 X corpus_1 F1 Y'. In the same run, two baselines on newsline's own events (the same
events, so only their days and order differ), to show what newsline's dating and ordering each add:

- `pub+position`: every event on its article's publication day, ranked by publication day, then article,
  then position in the text (a system that reads no time expression and no ordering signal);
- `pub+order`: every event on its article's publication day, ranked as newsline ranks it (newsline's
  order without its days).

newsline runs once per entity (its output is kept in a scratch folder); the baselines rewrite that output
(`--as-newsline`, the command evaluate.py is given for them).

Published for comparison (all 38 test timelines): best Track A system 7.85
F1, best Track B (gold events given) 25.4, best later Track B system 28.58.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
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


BASELINES = ("pub+position", "pub+order")


def run(corpus: str, extra: list[str], command: str) -> tuple[dict[str, float], list[str]]:
    """Run the corpus' evaluate.py with `command` as newsline; its figures and the lines it printed before
    the last."""
    cmd = [sys.executable, str(BENCH / "evaluate.py"), str(BENCH / corpus), "--newsline", command]
    proc = subprocess.run(cmd + extra, capture_output=True, text=True, check=False)
    lines = proc.stdout.strip().splitlines()
    m = LAST.search(lines[-1]) if lines else None
    if proc.returncode != 0 or m is None:
        sys.exit(f"evaluate.py failed on {corpus}: {proc.stderr.strip()[-500:]}")
    failed = [line for line in proc.stderr.splitlines() if "newsline exited" in line]
    if failed:
        # evaluate.py scores a timeline newsline failed to make as empty: a figure of zeros, not a result
        sys.exit(f"newsline failed on {corpus} ({len(failed)} timelines), e.g. {failed[0][:300]}")
    return {k: float(v) for k, v in m.groupdict().items()}, lines[:-1]


def _first_source(event: dict, published: dict[str, str]) -> tuple[str, str, int]:
    """The event's earliest telling: (publication day, article, trigger start)."""
    keys = []
    for s in event.get("sources") or []:
        article = str(s.get("article"))
        keys.append((published.get(article) or "9999", article, int((s.get("trigger") or [0])[0])))
    return min(keys) if keys else ("9999", "", 0)


def rewrite(result: dict, mode: str) -> dict:
    """newsline's output as a baseline sees it (see the module's docstring): every event's day is its first
    article's publication day; ranks by publication and text position (`pub+position`) or newsline's own
    (`pub+order`)."""
    published = {str(a["id"]): str(a.get("published") or "") for a in result.get("articles") or []}
    events = result.get("events") or []
    first = {id(e): _first_source(e, published) for e in events}
    for e in events:
        day = first[id(e)][0]
        e["when"] = {"value": day if day != "9999" else None}
    if mode == "pub+position":
        for n, e in enumerate(sorted(events, key=lambda e: first[id(e)]), 1):
            e["rank"] = n
    return result


def as_newsline(argv: list[str]) -> int:
    """Stand in for `newsline` in evaluate.py: run it once per argument list (kept in $SEMEVAL_SCRATCH) and
    print its JSON rewritten for a baseline (or unchanged for `newsline`)."""
    mode, command, args = argv[0], argv[1], argv[2:]
    scratch = Path(os.environ["SEMEVAL_SCRATCH"])
    key = hashlib.sha256("\0".join(args).encode()).hexdigest()[:20]
    kept = scratch / f"{key}.json"
    if not kept.exists():
        proc = subprocess.run([command, *args], capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            return proc.returncode
        kept.write_text(proc.stdout, encoding="utf-8")
    result = json.loads(kept.read_text(encoding="utf-8"))
    if mode != "newsline":
        result = rewrite(result, mode)
    json.dump(result, sys.stdout)
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--as-newsline"]:
        return as_newsline(sys.argv[2:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-timeline", action="store_true", help="also print each timeline's figures")
    ap.add_argument("--ord", action="store_true", help="order only (the task's subtrack: no anchors)")
    args = ap.parse_args()
    if not BENCH.is_dir():
        sys.exit(f"{BENCH} is missing: the benchmark corpora live in ../shared/bench")
    extra = (["--per-timeline"] if args.per_timeline else []) + (["--ord"] if args.ord else [])
    scores: dict[tuple[str, str], dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="semeval-") as scratch:
        os.environ["SEMEVAL_SCRATCH"] = scratch
        for corpus in CORPORA:
            for mode in ("newsline", *BASELINES):
                command = shlex.join(
                    [sys.executable, str(Path(__file__).resolve()), "--as-newsline", mode, newsline_command()]
                )
                s, detail = run(corpus, extra, command)
                scores[corpus, mode] = s
                for line in detail if mode == "newsline" else ():
                    print(f"  {corpus} {line}")
                label = corpus if mode == "newsline" else f"  {mode}"
                print(f"{label:14} micro F1 {s['f']:6.2f}   P {s['p']:6.2f}   R {s['r']:6.2f}")
    for mode in BASELINES:
        print(f"baseline {mode} " + " ".join(f"{c} F1 {scores[c, mode]['f']:.2f}" for c in CORPORA))
    print("semeval " + " ".join(f"{c} F1 {scores[c, 'newsline']['f']:.2f}" for c in CORPORA))
    return 0


if __name__ == "__main__":
    sys.exit(main())
