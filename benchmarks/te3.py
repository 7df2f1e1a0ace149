#!/usr/bin/env python3
"""TempEval-3 Task A (time expressions) on TBAQ-cleaned: accuracy next to HeidelTime, and tagging speed next
to dateparser.

Accuracy: runs the installed `newsline tag FILES --format timeml --output-dir DIR` over
../shared/bench/te3/TimeBank (183 docs) and ../shared/bench/te3/AQUAINT (73 docs), then the corpus' scorer
(`score_timex.py GOLD_DIR SYSTEM_DIR`) on TimeBank, on AQUAINT and on both together ("TBAQ"), and prints a
table beside HeidelTime 2.2.1's figures measured with the same scorer.

Speed (on by default, `--no-speed` to skip): the raw TEXT of all 256 files, each with its DCT, tagged in
this process by newsline (segmentation + newsline.timex.tag, with the speech-day pass `newsline tag` makes)
and by the peers of benchmarks/peers.py, configured as their docs recommend for English news
(`search_dates(text, languages=['en'], settings={"RELATIVE_BASE": DCT})`, datefinder, the regex floor),
CPU time (time.process_time) after one warm-up call each, all on the same files: ratios both ways and how
many expressions each found. HeidelTime's speed is not measured (no jar here; its accuracy figures are).

Value-error breakdown (on by default, `--no-breakdown` to skip), a diagnostic of the gold, not a score: the
scorer's own error rows for TBAQ (its `--errors` TSV, so the counts are the scorer's matching) are sorted
into classes, each row into the first that applies:
    a   the gold value is not a well-formed TIMEX3 value (newsline.timex.values.is_valid: "2000-W7", "P2L")
    b1  the gold value has X placeholders and the system's value fills them in ("1989-WXX" / "1989-W43")
    b2  ... or is the same value without its placeholder fields ("1949-XX" / "1949", "198X" / "198")
    c   the gold type contradicts the gold value (a DURATION valued as a date, a DATE or TIME valued as a
        duration) and the system's value has the form the gold type calls for
    c2  the same contradiction, the system's value of the form of the gold value (not counted as right)
    d   the system's reading is the one the gold gives the same words (lower case) most often across TBAQ,
        at least twice: a reading is the offset from the document date at a granularity ("last week" as
        the week before the DCT's), or a duration or PAST/PRESENT/FUTURE_REF value as itself (not counted
        as right: the context can justify the gold's exception)
    e   other value errors
then the false positives (single-word PAST/PRESENT/FUTURE_REF apart), the misses, value F1 if a, b1, b2 and c
were counted as right (a diagnostic of the gold), and how many more right values, or fewer false
positives, value F1 85 needs. That F1 is generous to the system: b1 trusts its filling where the gold says
nothing (both "1989-W42" and "1989-W43" fill "1989-WXX"), a trusts it where the gold's intent can be read
("2000-W7" meant "2000-W07", not the system's "2000-W05").

    python3 benchmarks/te3.py [--errors errors.tsv] [--no-speed] [--no-breakdown]

The last line is 'te3 TBAQ value F1 X strict F1 Y relaxed F1 Z type F1 W speed ratio Rx'.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType

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
COUNTS_LINE = re.compile(
    r"gold (?P<gold>\d+)\s+system (?P<system>\d+)\s+strict (?P<strict>\d+)\s+relaxed (?P<relaxed>\d+)\s+"
    r"type (?P<type>\d+)\s+value (?P<value>\d+)"
)
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


def score(gold: Path, system: Path, errors: str | None = None) -> tuple[dict[str, float], dict[str, int]]:
    """The scorer's F1 figures and its counts (gold, system, strict, relaxed, type, value) for one pair of
    directories; its error rows in `errors` when given."""
    cmd = [sys.executable, str(SCORER), str(gold), str(system)]
    if errors:
        cmd += ["--errors", errors]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    for line in (proc.stdout + proc.stderr).splitlines():
        print(f"  {line}")
    found = LAST_LINE.search(proc.stdout.strip().splitlines()[-1]) if proc.stdout.strip() else None
    counts = COUNTS_LINE.search(proc.stdout)
    if proc.returncode != 0 or found is None or counts is None:
        raise SystemExit(f"the scorer failed on {gold} (exit {proc.returncode})")
    return {k: float(found.group(k)) for k in FIGURES}, {k: int(n) for k, n in counts.groupdict().items()}


def check_text(gold: Path, system: Path) -> int:
    """How many system files have exactly the gold's TEXT once all tags are removed (byte for byte, not
    only up to white space as the scorer checks)."""
    from newsline.formats.timeml import read_timeml

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
# Value-error breakdown: a diagnostic of the gold, beside (never instead of) the scorer's figures.

# Class keys in the order a row is tested against them, and the label each is printed with.
CLASSES = {
    "a": "gold value not a well-formed TIMEX3 value",
    "b1": "gold has X placeholders, system fills them in",
    "b2": "gold has X placeholders, system same value without them",
    "c": "gold type contradicts its value, system has the type's form",
    "c2": "gold type contradicts its value, system has the value's form",
    "d": "system's reading is the gold's usual one for these words",
    "e": "other value errors",
}
# The classes the diagnostic F1 counts as right: the gold itself is not a value it could be scored against
# (a, c) or says less than the system without saying otherwise (b1, b2). c2 and d are not: there the system
# disagrees with part of what the gold says.
COUNTED_AS_RIGHT = ("a", "b1", "b2", "c")
_SEASONS = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}


def classify_value_error(gold_type: str, gold_value: str, sys_value: str) -> str:
    """The class (a key of CLASSES, d excepted: it needs the corpus) of a relaxed match whose system value
    differs from the gold value."""
    from newsline.timex.values import is_duration, is_valid, placeholder_agreement

    if not is_valid(gold_value):
        return "a"
    agreement = placeholder_agreement(sys_value, gold_value)
    if agreement == "fills":
        return "b1"
    if agreement == "coarser":
        return "b2"
    # SET values are either form ("XXXX-WXX-1", "P1W"), so only DATE, TIME and DURATION can contradict.
    date_typed = gold_type in ("DATE", "TIME")
    if (gold_type == "DURATION" and not is_duration(gold_value)) or (date_typed and is_duration(gold_value)):
        if not is_valid(sys_value):
            return "e"
        fits_type = is_duration(sys_value) if gold_type == "DURATION" else not is_duration(sys_value)
        return "c" if fits_type else "c2"
    return "e"


def relative_reading(value: str, dct: date) -> tuple[str, int] | None:
    """A value as the document date would make it: (granularity, offset from the DCT in that unit), e.g.
    ("week", -1) for the week before the DCT's; a duration or PAST/PRESENT/FUTURE_REF as itself (offset 0),
    since neither depends on the DCT; None for what has no such reading (placeholders, decades)."""
    from newsline.timex.values import REFS, is_duration

    if value in REFS or is_duration(value):
        return (value, 0)
    if m := re.fullmatch(r"(\d{4})", value):
        return ("year", int(m[1]) - dct.year)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return ("quarter", int(m[1]) * 4 + int(m[2]) - (dct.year * 4 + (dct.month + 2) // 3))
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return ("half", int(m[1]) * 2 + int(m[2]) - (dct.year * 2 + (dct.month + 5) // 6))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return (f"season {m[2]}", int(m[1]) - dct.year)
    if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
        return ("month", int(m[1]) * 12 + int(m[2]) - (dct.year * 12 + dct.month))
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            dct_monday = dct - timedelta(days=dct.weekday())
            return ("weekend" if m[3] else "week", (monday - dct_monday).days // 7)
        if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)(T.*)?", value):
            return (f"day{m[2] or ''}", (date.fromisoformat(m[1]) - dct).days)
    except ValueError:  # a week 53 in a year of 52, a 31 September: no reading
        return None
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _load_scorer() -> ModuleType:
    """score_timex.py as a module, for its read_timexes (the scorer's own reading of a TimeML file)."""
    spec = importlib.util.spec_from_file_location("score_timex", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_readings(gold_dir: Path) -> tuple[dict[str, date], dict[str, Counter[tuple[str, int | str]]]]:
    """Each gold document's DCT (by file name) and, for each gold TIMEX3 text (lower case), how often the
    gold gives it each reading (relative_reading; a value without one stands for itself) across the
    corpus."""
    from newsline.formats.timeml import read_timeml

    read_timexes = _load_scorer().read_timexes
    dcts: dict[str, date] = {}
    readings: dict[str, Counter[tuple[str, int | str]]] = {}
    for path in sorted(gold_dir.glob("*.tml")):
        dct = read_timeml(path.read_text(encoding="utf-8")).dct
        if dct is None:
            continue
        day = dct.date() if isinstance(dct, datetime) else dct
        dcts[path.name] = day
        for t in read_timexes(path)[1]:
            reading = relative_reading(t.value, day) or ("value", t.value)
            readings.setdefault(_norm(t.text), Counter())[reading] += 1
    return dcts, readings


def is_usual_reading(reading: tuple[str, int] | None, readings: Counter[tuple[str, int | str]]) -> bool:
    """Whether `reading` is the gold's most frequent reading of some words (ties included), given at least
    twice: one other instance could be the odd one out, as the one in question could."""
    return reading is not None and readings[reading] >= 2 and readings[reading] == max(readings.values())


def breakdown(errors_tsv: Path, counts: dict[str, int], gold_dir: Path) -> list[str]:
    """Print the value errors of the scorer's TBAQ error rows by class, the false positives and misses, a
    diagnostic value F1 and the arithmetic of value F1 85 (see the module docstring): the lines to print."""
    out: list[str] = []
    rows = [r.split("\t") for r in errors_tsv.read_text(encoding="utf-8").splitlines()[1:]]
    rows = [r for r in rows if len(r) == 8]
    dcts, readings = gold_readings(gold_dir)
    by_class: dict[str, list[list[str]]] = {k: [] for k in CLASSES}
    fps: list[list[str]] = []
    misses = 0
    for row in rows:
        doc, kind, g_text, g_type, g_value, _s_text, _s_type, s_value = row
        if kind == "MISS":
            misses += 1
        elif kind == "FP":
            fps.append(row)
        elif g_value != s_value:
            cls = classify_value_error(g_type, g_value, s_value)
            usual = readings.get(_norm(g_text), Counter())
            if cls == "e" and doc in dcts and is_usual_reading(relative_reading(s_value, dcts[doc]), usual):
                cls = "d"
            by_class[cls].append(row)

    n_gold, n_sys, relaxed, right = (counts[k] for k in ("gold", "system", "relaxed", "value"))
    wrong = sum(len(v) for v in by_class.values())
    out.append("== TBAQ value errors by class (the scorer's rows): a diagnostic of the gold, not a score")
    out.append(f"  relaxed matches {relaxed}: same value {right}, different value {wrong}")
    if wrong != relaxed - right or misses != n_gold - relaxed or len(fps) != n_sys - relaxed:
        out.append(f"  WARNING: the error rows do not add up to the scorer's counts ({relaxed - right} value "
                   f"errors, {n_gold - relaxed} misses, {n_sys - relaxed} false positives)")
    out.append(f"  {'class':5s} {'':62s} {'n':>4s}  e.g. gold -> system")
    for key, label in CLASSES.items():
        found = by_class[key]
        seen: dict[tuple[str, str, str], None] = {}
        for r in found:
            seen.setdefault((r[2], r[4], r[7]), None)
        examples = "; ".join(f'"{t}" {g} -> {s}' for t, g, s in list(seen)[:2])
        out.append(f"  {key:5s} {label:62s} {len(found):4d}  {examples}")
    out.append(f"  {'':5s} {'total':62s} {wrong:4d}")

    vague = [r for r in fps if r[7] in ("PAST_REF", "PRESENT_REF", "FUTURE_REF") and len(r[5].split()) == 1]
    words = Counter(r[5].lower() for r in vague).most_common(4)
    out.append(f"  false positives {len(fps)}: single-word PAST/PRESENT/FUTURE_REF {len(vague)} ("
               + ", ".join(f"{w} {n}" for w, n in words) + f"), other {len(fps) - len(vague)}")
    out.append(f"  misses {misses}")

    extra = sum(len(by_class[k]) for k in COUNTED_AS_RIGHT)
    f1_as_right = 200 * (right + extra) / (n_sys + n_gold)
    out.append(f"  DIAGNOSTIC, not a score: F1 counting malformed/underspecified/self-contradictory gold as "
               f"right ({'+'.join(COUNTED_AS_RIGHT)}: +{extra}) = 2 x {right + extra} / ({n_sys} + "
               f"{n_gold}) = {f1_as_right:.2f}")
    with_d = 200 * (right + extra + len(by_class["d"])) / (n_sys + n_gold)
    out.append(f"  DIAGNOSTIC, not a score: the same with d counted as right too (where the context can "
               f"justify the gold): {with_d:.2f}")
    # value F1 = 2 V / (S + G): 85 needs V >= 0.425 (S + G), or (V fixed) S <= 2 V / 0.85 - G.
    need_v = -(-85 * (n_sys + n_gold) // 200)
    max_s = (200 * right) // 85 - n_gold
    out.append(f"  value F1 85 = 2V/(S+G) >= 0.85: V >= {need_v} at S {n_sys} ({need_v - right:+d} right "
               f"values), or S <= {max_s} at V {right} ({max_s - n_sys:+d} system tags, of {len(fps)} false "
               f"positives)")
    out.append("")
    return out


# --------------------------------------------------------------------------------------------------------
# Speed


def _moment(d: date | datetime | None) -> datetime:
    if isinstance(d, datetime):
        return d.replace(tzinfo=None)
    if isinstance(d, date):
        return datetime(d.year, d.month, d.day)
    return datetime(2000, 1, 1)


def speed() -> float:
    """Print MB/s of newsline's tagger and of its peers (benchmarks/peers.py) over the TEXT of every file,
    each with its DCT, in this process; return newsline's ratio to dateparser (en)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import peers
    from newsline.formats.timeml import read_timeml
    from newsline.language.text import segment
    from newsline.model import Reference
    from newsline.timex import tag
    from newsline.timex.reference import tag_text

    docs = []
    for corpus in CORPORA:
        for f in sorted((TE3 / corpus).glob("*.tml")):
            d = read_timeml(f.read_text(encoding="utf-8"))
            docs.append((f.name, d.text, d.dct))
    docs.sort(key=lambda d: d[0])
    pairs = [(text, _moment(dct)) for _, text, dct in docs]
    total = sum(len(text.encode("utf-8")) for text, _ in pairs)
    print(f"{len(docs)} documents, {total / 1000:.1f} KB of text (UTF-8) inside <TEXT>, each with its DCT")

    # newsline, as `newsline tag` runs it: segmentation, reference, tagging, the speech-day pass.
    def tag_count(text: str, base: datetime) -> int:
        return len(tag_text(text, "te3", base)[0])

    ours = peers.timed("newsline tag (segment + tag + speech days)", tag_count, pairs)
    # newsline.timex.tag alone, on documents segmented beforehand.
    segmented = [(name, segment(text), Reference(_moment(dct).date(), True)) for name, text, dct in docs]
    tag(segmented[0][1], segmented[0][0], segmented[0][2])
    t0 = time.process_time()
    for name, doc, ref in segmented:
        tag(doc, name, ref)
    tag_only = time.process_time() - t0
    others = peers.peers(pairs)
    for line in peers.table([ours], others):
        print(line)
    print(f"newsline timex.tag only (pre-segmented): {tag_only:.2f} s CPU, {total / tag_only / 1e6:.4f} MB/s")
    print(peers.heideltime_status())
    ratio = ours.mbs / others[0].mbs
    print(f"speed ratio (newsline tag / dateparser(en), MB/s): {ratio:.1f}x; found: "
          + ", ".join(f"{t.name.split()[0]} {t.found}" for t in [ours, *others] if t.unit == "expressions"))
    return ratio


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", metavar="FILE", help="the scorer's error rows for TBAQ (TSV)")
    ap.add_argument("--speed", action=argparse.BooleanOptionalAction, default=True, help="time the taggers")
    ap.add_argument("--breakdown", action=argparse.BooleanOptionalAction, default=True,
                    help="sort the TBAQ value errors into classes (a diagnostic of the gold)")
    args = ap.parse_args()
    if not SCORER.is_file():
        print(f"no TempEval-3 data at {TE3}", file=sys.stderr)
        return 2

    results: dict[str, dict[str, float]] = {}
    report: list[str] = []
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
            results[corpus] = score(TE3 / corpus, work / corpus)[0]
        print("== TBAQ (TimeBank + AQUAINT)")
        link_all([TE3 / c for c in CORPORA], work / "gold-TBAQ")
        link_all([work / c for c in CORPORA], work / "system-TBAQ")
        # The breakdown reads the scorer's own error rows, so it needs them even without --errors.
        errors = args.errors or (str(work / "errors.tsv") if args.breakdown else None)
        results["TBAQ"], counts = score(work / "gold-TBAQ", work / "system-TBAQ", errors)
        if args.errors:
            summarise_errors(args.errors)
        if errors is not None and args.breakdown:
            report = breakdown(Path(errors), counts, work / "gold-TBAQ")

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
    for line in report:
        print(line)

    ratio_text = "n/a"
    if args.speed:
        print("== speed (CPU time, this process)")
        ratio_text = f"{speed():.1f}x"
    tbaq = results["TBAQ"]
    print(f"te3 TBAQ value F1 {tbaq['value']:.2f} strict F1 {tbaq['strict']:.2f} "
          f"relaxed F1 {tbaq['relaxed']:.2f} type F1 {tbaq['type']:.2f} speed ratio {ratio_text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
