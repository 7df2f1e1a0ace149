#!/usr/bin/env python3
"""TempEval-3 Task A (time expressions) on TBAQ-cleaned: accuracy next to HeidelTime, and tagging speed next
to dateparser.

Accuracy: runs the installed `newsline tag FILES --format timeml --output-dir DIR` over
../shared/bench/te3/TimeBank (183 docs) and ../shared/bench/te3/AQUAINT (73 docs), then the corpus' scorer
(`score_timex.py GOLD_DIR SYSTEM_DIR`) on TimeBank, on AQUAINT and on both together ("TBAQ"), and prints a
table beside HeidelTime 2.2.1's figures measured with the same scorer.

Speed (on by default, `--no-speed` to skip): the raw TEXT of all 256 files, tagged in this process by
newsline (segmentation + timeline.timex.tag, with the speech-day pass `newsline tag` makes) and by
`dateparser.search.search_dates(text, settings={"RELATIVE_BASE": DCT})`, CPU time (time.process_time) after
one warm-up document each. dateparser runs at a few KB/s, so by default it is timed on a fixed subset of the
files (every other file in name order, at least --peer-kb KB) and its rate is applied to the whole set;
`--peer-kb 0` times it on everything.

    python3 benchmarks/te3.py [--errors errors.tsv] [--no-speed] [--peer-kb 200]

The last line is 'te3 TBAQ value F1 X strict F1 Y relaxed F1 Z type F1 W speed ratio Rx'.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TE3 = ROOT.parent / "shared" / "bench" / "te3"
CORPORA = ("TimeBank", "AQUAINT")
SCORER = TE3 / "score_timex.py"

# HeidelTime 2.2.1 (news mode, DCT given, TreeTagger) on TBAQ-cleaned with the same scorer
# (../shared/bench/README.md).
HEIDELTIME = {
    "TBAQ": {"value": 77.48, "strict": 84.06, "relaxed": 92.12, "type": 87.98},
    "TimeBank": {"value": 79.56},
    "AQUAINT": {"value": 73.09},
}
FIGURES = ("value", "strict", "relaxed", "type")
LAST_LINE = re.compile(
    r"timex value F1 (?P<value>[\d.]+) strict F1 (?P<strict>[\d.]+) "
    r"relaxed F1 (?P<relaxed>[\d.]+) type F1 (?P<type>[\d.]+)"
)


def newsline_command() -> list[str]:
    """The installed console script: next to this interpreter, else on PATH."""
    sibling = Path(sys.executable).with_name("newsline")
    if sibling.is_file() and os.access(sibling, os.X_OK):
        return [str(sibling)]
    found = shutil.which("newsline")
    if found:
        return [found]
    raise SystemExit("newsline is not installed (pip install -e . from the repository root)")


def tag_corpus(gold: Path, out: Path) -> None:
    files = sorted(str(p) for p in gold.glob("*.tml"))
    cmd = [*newsline_command(), "tag", *files, "--format", "timeml", "--output-dir", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    for line in proc.stderr.splitlines():
        print(f"  [newsline] {line}")
    if proc.returncode != 0:
        raise SystemExit(f"newsline tag failed on {gold} (exit {proc.returncode})")


def score(gold: Path, system: Path, errors: str | None = None) -> dict[str, float]:
    cmd = [sys.executable, str(SCORER), str(gold), str(system)]
    if errors:
        cmd += ["--errors", errors]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    for line in (proc.stdout + proc.stderr).splitlines():
        print(f"  {line}")
    found = LAST_LINE.search(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else None
    if proc.returncode != 0 or found is None:
        raise SystemExit(f"the scorer failed on {gold} (exit {proc.returncode})")
    return {k: float(found.group(k)) for k in FIGURES}


def check_text(gold: Path, system: Path) -> int:
    """How many system files have exactly the gold's TEXT once all tags are removed (byte for byte, not
    only up to white space as the scorer checks)."""
    from timeline.timeml import read_timeml

    same = 0
    for g in sorted(gold.glob("*.tml")):
        s = system / g.name
        if s.exists():
            gd = read_timeml(g.read_text(encoding="utf-8"))
            sd = read_timeml(s.read_text(encoding="utf-8"))
            same += (gd.head, gd.body, gd.tail) == (sd.head, sd.body, sd.tail)
    return same


def link_all(sources: list[Path], target: Path) -> None:
    """Symlinks (copies where links are not allowed) of every *.tml of `sources` in `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for src in sources:
        for f in sorted(src.glob("*.tml")):
            dest = target / f.name
            if dest.exists():
                raise SystemExit(f"{f.name} is in two corpora: cannot pool them")
            try:
                dest.symlink_to(f.resolve())
            except OSError:
                shutil.copyfile(f, dest)


def summarise_errors(path: str) -> None:
    rows = Path(path).read_text(encoding="utf-8").splitlines()[1:]
    kinds = Counter(r.split("\t")[1] for r in rows if r.count("\t") >= 7)
    print(f"  errors written to {path}: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


# --------------------------------------------------------------------------------------------------------
# Speed


def _moment(d: date | datetime | None) -> datetime:
    if isinstance(d, datetime):
        return d.replace(tzinfo=None)
    if isinstance(d, date):
        return datetime(d.year, d.month, d.day)
    return datetime(2000, 1, 1)


def speed(peer_kb: int) -> float:
    """Print MB/s of newsline's tagger and of dateparser over the TEXT of every file; return the ratio."""
    from dateparser.search import search_dates

    from timeline.model import Reference
    from timeline.text import segment
    from timeline.timeml import read_timeml, tag_text
    from timeline.timex import tag

    docs = []
    for corpus in CORPORA:
        for f in sorted((TE3 / corpus).glob("*.tml")):
            d = read_timeml(f.read_text(encoding="utf-8"))
            docs.append((f.name, d.text, d.dct))
    docs.sort(key=lambda d: d[0])
    sizes = [len(text.encode("utf-8")) for _, text, _ in docs]
    total = sum(sizes)
    print(f"{len(docs)} documents, {total / 1000:.1f} KB of text (UTF-8) inside <TEXT>")

    # newsline, as `newsline tag` runs it: segmentation, reference, tagging, the speech-day pass.
    tag_text(docs[0][1], "warm-up", docs[0][2])
    t0 = time.process_time()
    n_mentions = 0
    for name, text, dct in docs:
        n_mentions += len(tag_text(text, name, dct)[0])
    ours = time.process_time() - t0
    # timeline.timex.tag alone, on documents segmented beforehand.
    segmented = [(name, segment(text), Reference(_moment(dct).date(), True)) for name, text, dct in docs]
    tag(segmented[0][1], segmented[0][0], segmented[0][2])
    t0 = time.process_time()
    for name, doc, ref in segmented:
        tag(doc, name, ref)
    tag_only = time.process_time() - t0

    # dateparser: all files, or a fixed subset of at least peer_kb KB (every other file, then the rest).
    order = list(range(0, len(docs), 2)) + list(range(1, len(docs), 2))
    chosen: list[int] = []
    for i in order:
        if peer_kb > 0 and sum(sizes[j] for j in chosen) >= peer_kb * 1000:
            break
        chosen.append(i)
    chosen.sort()
    peer_bytes = sum(sizes[i] for i in chosen)
    warm = docs[0]
    search_dates(warm[1], settings={"RELATIVE_BASE": _moment(warm[2])})
    t0 = time.process_time()
    for i in chosen:
        _, text, dct = docs[i]
        search_dates(text, settings={"RELATIVE_BASE": _moment(dct)})
    peer = time.process_time() - t0

    ours_rate = total / ours / 1e6
    tag_rate = total / tag_only / 1e6
    peer_rate = peer_bytes / peer / 1e6
    print(f"newsline (segment + tag + speech days)  {ours:8.2f} s CPU  {ours_rate:8.4f} MB/s  "
          f"({n_mentions} mentions)")
    print(f"newsline timex.tag only (pre-segmented) {tag_only:8.2f} s CPU  {tag_rate:8.4f} MB/s")
    if len(chosen) == len(docs):
        print(f"dateparser search_dates                 {peer:8.2f} s CPU  {peer_rate:8.4f} MB/s")
    else:
        print(f"dateparser search_dates                 {peer:8.2f} s CPU  {peer_rate:8.4f} MB/s  "
              f"(timed on {len(chosen)} of {len(docs)} files, {peer_bytes / 1000:.1f} of {total / 1000:.1f} "
              f"KB; scaled by bytes, the whole set would take {total / peer_bytes * peer:.0f} s)")
    ratio = ours_rate / peer_rate
    print(f"speed ratio (newsline / dateparser, MB/s): {ratio:.1f}x")
    return ratio


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", metavar="FILE", help="the scorer's error rows for TBAQ (TSV)")
    ap.add_argument("--speed", action=argparse.BooleanOptionalAction, default=True, help="time the taggers")
    ap.add_argument("--peer-kb", type=int, default=200,
                    help="time dateparser on a fixed subset of at least this many KB (0: all files)")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(f"no TempEval-3 data at {TE3}", file=sys.stderr)
        return 2

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newsline-te3-") as tmp:
        work = Path(tmp)
        for corpus in CORPORA:
            print(f"== {corpus}: newsline tag")
            t0 = time.perf_counter()
            tag_corpus(TE3 / corpus, work / corpus)
            n = len(list((TE3 / corpus).glob("*.tml")))
            same = check_text(TE3 / corpus, work / corpus)
            print(f"  {n} files in {time.perf_counter() - t0:.1f} s; "
                  f"{same}/{n} identical to the gold outside the tags")
            results[corpus] = score(TE3 / corpus, work / corpus)
        print("== TBAQ (TimeBank + AQUAINT)")
        link_all([TE3 / c for c in CORPORA], work / "gold-TBAQ")
        link_all([work / c for c in CORPORA], work / "system-TBAQ")
        results["TBAQ"] = score(work / "gold-TBAQ", work / "system-TBAQ", args.errors)
        if args.errors:
            summarise_errors(args.errors)

    print()
    print("F1              newsline                          HeidelTime 2.2.1")
    print("corpus      value  strict relaxed   type     value  strict relaxed   type")
    for corpus in (*CORPORA, "TBAQ"):
        ours = "  ".join(f"{results[corpus][k]:6.2f}" for k in FIGURES)
        theirs = "  ".join(
            f"{HEIDELTIME[corpus][k]:6.2f}" if k in HEIDELTIME[corpus] else "     -" for k in FIGURES
        )
        print(f"{corpus:9s}  {ours}    {theirs}")
    print()

    ratio_text = "n/a"
    if args.speed:
        print("== speed (CPU time, this process)")
        ratio_text = f"{speed(args.peer_kb):.1f}x"
    tbaq = results["TBAQ"]
    print(f"te3 TBAQ value F1 {tbaq['value']:.2f} strict F1 {tbaq['strict']:.2f} "
          f"relaxed F1 {tbaq['relaxed']:.2f} type F1 {tbaq['type']:.2f} speed ratio {ratio_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
