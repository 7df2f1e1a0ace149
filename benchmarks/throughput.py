#!/usr/bin/env python3
"""Throughput, scaling, memory and parallel speed-up of the whole pipeline, on the real articles under
../shared/bench (the seed, SemEval-2015, TimeSET and the TempEval-3 texts), cycled to the sizes needed.
Every figure is a ratio against something measured in the same run: the machines are shared.

    python3 benchmarks/throughput.py [--small 1000] [--large 4000] [--batch] [--in-memory] [--repeat 2]
                                     [--no-distinct] [--speed-only]

1. Speed: CPU MB/s of `newsline tag` (time expressions) and `newsline parse` (the whole pipeline) over the
   distinct articles once each, in one process, next to the peers of benchmarks/peers.py on the same
   articles in the same run (dateparser with languages=['en'] as its docs say, datefinder, the regex
   floor), each article with its publication date: every ratio both ways, and how many expressions each
   found. Targets: tag >= 15x dateparser (en).
2. Scaling: --small vs --large articles as a .jsonl file (twice: the corpus cycled, where every copy of
   an article tells the same events again and merges into them, and `distinct` stories, where no copy
   merges with another), each run in a fresh process doing what `newsline parse FILE --format jsonl`
   does (read the file lazily, parse, fold into the merge kept in a scratch file (newsline.merge.spill), rank,
   write the events one a line): wall time ratio (target <= 4.4x for 4x the articles), and memory. Memory
   is peak RSS (VmHWM), and the working memory: peak RSS less the RSS after start-up (imports, rules
   compiled), set against the size of the output.
   --in-memory also runs them with the merge held in memory (what the other formats do), and --batch
   the way newsline did before streaming (every article read, every timeline kept, merged at the end),
   for comparison.
3. Parallel: --jobs 2 against --jobs 1 on the --large set, the fastest of --repeat alternating runs
   of each: speed-up (target >= 1.7x on 2 cores) and whether the output is byte-identical. Beside it,
   what the machine allows: the CPU time of one process parsing alone against two parsing at once (on
   a shared or virtual machine two busy processes slow each other down, whatever the program).
The last line is a one-line summary.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def corpus() -> list[dict]:
    """Every real article the benchmark data has, as {id, published, text}."""
    docs: list[dict] = []
    seed = ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt"
    docs.append({"id": "seed", "published": "2025-07-04", "text": seed.read_text(encoding="utf-8")})
    for path in [
        BENCH / "semeval2015" / "trial" / "articles.jsonl",
        BENCH / "semeval2015" / "corpus_1" / "articles.jsonl",
        BENCH / "timeset" / "articles.jsonl",
    ]:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                docs.append({"id": rec["id"], "published": rec.get("published"), "text": rec["text"]})
    for path in sorted((BENCH / "te3").glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d\d-\d\d)', raw, re.S)
        if body:
            text = re.sub(r"<[^>]+>", "", body.group(1))
            docs.append({"id": path.stem, "published": dct.group(1) if dct else None, "text": text})
    return docs


def _moment(published: object) -> datetime:
    """A publication date as the naive datetime the peers take as their reference (2025-07-04 if none)."""
    if isinstance(published, datetime):
        return published.replace(tzinfo=None)
    if isinstance(published, date):
        return datetime(published.year, published.month, published.day)
    return datetime(2025, 7, 4)


def cycled(docs: list[dict], n: int) -> list[dict]:
    """`n` articles taken round-robin from `docs`, each with its own id (a copy is another article)."""
    return [{**docs[i % len(docs)], "id": f"{docs[i % len(docs)]['id']}#{i}"} for i in range(n)]


# Years a story can be dated to ("1998", "2025"), not a decade ("1990s") nor part of a longer number.
YEAR = re.compile(r"(?<![\d,.])\b(1[89]\d\d|20\d\d)\b(?![\d,.]\d)")


def distinct(docs: list[dict], n: int) -> list[dict]:
    """`n` articles round-robin from `docs` like `cycled`, but each pass over the corpus is a story of its
    own: pass k tells the same articles 4k years later (every year in the text and the publication date
    moved; 4 keeps leap days valid), so its events fall on other days and no copy merges with another.
    The output then grows with the input, as it does for a stream of unrelated stories."""
    out = []
    for i in range(n):
        d, k = docs[i % len(docs)], i // len(docs)

        def later(m: re.Match[str], k: int = k) -> str:
            return str(int(m.group(0)) + 4 * k)

        published = YEAR.sub(later, d["published"]) if d.get("published") else d.get("published")
        out.append({**d, "id": f"{d['id']}#{i}", "published": published, "text": YEAR.sub(later, d["text"])})
    return out


def write_jsonl(docs: list[dict], path: Path) -> int:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return sum(len(d["text"].encode("utf-8")) for d in docs)


class _Sink:
    """Where the output goes: hashed and counted, not kept (keeping it would be memory of our own)."""

    def __init__(self) -> None:
        self.sha = hashlib.sha256()
        self.chars = 0

    def write(self, text: str) -> None:
        self.sha.update(text.encode("utf-8"))
        self.chars += len(text)


def memory_kb(field: str) -> int:
    """This process's resident memory now (VmRSS) or at its peak (VmHWM), in KB. Not getrusage's
    ru_maxrss: Linux carries that across exec, so a child started by a big parent reports the parent's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: the best there is


def solo(path: str, count: int) -> None:
    """Run in a fresh process: parse the first `count` articles of the file one after the other (no
    merge, no output) and print the CPU seconds it took."""
    from newsline.readers.files import index_inputs
    from newsline.run.stream import parse_item

    refs, _ = index_inputs([path], None)
    parse_item(refs[0], None, False)  # rules compiled
    t0 = time.process_time()
    for ref in refs[:count]:
        parse_item(ref, None, False)
    print(json.dumps({"cpu": time.process_time() - t0}))


def contention(path: Path, count: int = 400) -> tuple[float, float]:
    """CPU seconds of one process parsing `count` articles alone (the faster of two runs), and the mean of
    two such processes run at the same time. Each core should give the same work the same CPU time; on a
    shared or virtual machine two busy processes slow each other down, which caps what --jobs 2 can gain."""

    def start() -> subprocess.Popen[str]:
        cmd = [sys.executable, __file__, "--solo", str(path), str(count)]
        return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)

    def cpu(p: subprocess.Popen[str]) -> float:
        out, _ = p.communicate()
        return float(json.loads(out.strip().splitlines()[-1])["cpu"])

    alone = cpu(start())
    pair = [start(), start()]
    together = sum(cpu(p) for p in pair) / 2
    alone = min(alone, cpu(start()))
    return alone, together


def child(path: str, jobs: int, mode: str) -> None:
    """Run in a fresh process: parse the JSON Lines file with `jobs` workers; print seconds, RSS after
    start-up and at the peak, the output's size and a hash of it."""
    from newsline import Article
    from newsline.merge.fold import merge
    from newsline.readers.files import index_inputs, read_inputs
    from newsline.run.pool import map_article
    from newsline.run.stream import parse_stream
    from newsline.run.stream import write_jsonl as write_events

    map_article(Article("warm-up", "Officials said on Friday that talks began.", None))
    start_kb = memory_kb("VmRSS")
    sink = _Sink()
    t0 = time.perf_counter()
    if mode == "stream":  # what `newsline parse FILE --format jsonl --jobs N` does: the merge on disk
        import tempfile

        refs, _ = index_inputs([path], None)
        with tempfile.TemporaryDirectory(prefix="newsline-") as scratch:
            tl = parse_stream(refs, jobs, keep_text=False, spill=scratch)
            write_events(tl, sink)
            if hasattr(tl, "close"):
                tl.close()
    elif mode == "memory":  # --format json's way: the same fold, with the merged timeline in memory
        refs, _ = index_inputs([path], None)
        write_events(parse_stream(refs, jobs, keep_text=False), sink)
    else:  # before streaming: every article read, every timeline kept, one merge at the end
        articles, _ = read_inputs([path], None)
        timelines = [map_article(a) for a in articles]
        write_events(merge([t for t in timelines if not isinstance(t, tuple)]), sink)
    seconds = time.perf_counter() - t0
    peak_kb = memory_kb("VmHWM")
    me, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "start_kb": start_kb,
                "peak_kb": peak_kb,
                "out_mb": sink.chars / 1e6,
                "cpu_main": me.ru_utime + me.ru_stime,
                "cpu_workers": workers.ru_utime + workers.ru_stime,
                "sha": sink.sha.hexdigest(),
            }
        )
    )


def run_child(path: Path, jobs: int, mode: str = "stream") -> dict:
    res = subprocess.run(
        [sys.executable, __file__, "--child", str(path), str(jobs), mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def memory_line(label: str, r: dict) -> str:
    work = (r["peak_kb"] - r["start_kb"]) / 1024
    return (
        f"{label}: {r['seconds']:.2f} s, peak RSS {r['peak_kb'] / 1024:.0f} MB "
        f"(after start-up {r['start_kb'] / 1024:.0f} MB, working {work:.0f} MB), "
        f"output {r['out_mb']:.1f} MB, working memory per MB of output {work / r['out_mb']:.2f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=4000)
    ap.add_argument("--speed-only", action="store_true", help="only the speed section (1.)")
    ap.add_argument("--batch", action="store_true", help="also measure the pre-streaming pipeline")
    ap.add_argument(
        "--in-memory", action="store_true", help="also measure the merge held in memory (--format json)"
    )
    ap.add_argument("--repeat", type=int, default=2, help="runs of --jobs 1 and 2 (the fastest counts)")
    ap.add_argument(
        "--no-distinct", action="store_true", help="skip the scaling runs on distinct stories (see distinct)"
    )
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--solo", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2])
        return 0
    if args.solo:
        solo(args.solo[0], int(args.solo[1]))
        return 0
    if not BENCH.exists():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 1
    sys.path.insert(0, str(ROOT))
    import peers
    from newsline import Article, parse_published
    from newsline.run.pool import parse_many
    from newsline.timex import tag_text

    docs = corpus()
    articles = [
        Article(d["id"], d["text"], parse_published(d["published"]) if d.get("published") else None)
        for d in docs
    ]
    print(f"== speed: the {len(docs)} distinct articles once each, "
          f"{sum(len(d['text'].encode()) for d in docs) / 1e6:.2f} MB, CPU time in this process")
    # newsline and its peers on the same bytes, in the same run, each article with its publication date.
    pairs = [(a.text, _moment(a.published)) for a in articles]

    def tag_count(text: str, base: datetime) -> int:
        return len(tag_text(text, "bench", base)[0])

    parse_many(articles[:5], jobs=1)  # warm-up: the rules compiled and the parser loaded once
    t0 = time.process_time()
    parse_many(articles, jobs=1)
    parse_timing = peers.Timing(
        "newsline parse (whole pipeline)",
        time.process_time() - t0,
        sum(len(t.encode()) for t, _ in pairs),
        None,
    )
    ours = [peers.timed("newsline tag (time expressions)", tag_count, pairs), parse_timing]
    others = peers.peers(pairs)
    for line in peers.table(ours, others):
        print(line)
    print(peers.heideltime_status())
    ours_mbs = parse_timing.mbs
    en = others[0]
    ratio = ours[0].mbs / en.mbs
    print(
        f"speed: tag {ours[0].mbs:.3f} MB/s, {ratio:.1f}x dateparser(en) (target >= 15x); parse "
        f"{ours_mbs:.3f} MB/s, {ours_mbs / en.mbs:.2f}x dateparser(en); found: "
        + ", ".join(f"{t.name.split()[0]} {t.found}" for t in [ours[0], *others] if t.found is not None)
    )
    if args.speed_only:
        return 0

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.jsonl", Path(tmp) / "large.jsonl"
        write_jsonl(cycled(docs, args.small), small)
        write_jsonl(cycled(docs, args.large), large)
        s1 = run_child(small, 1)
        l1 = run_child(large, 1)
        if not args.no_distinct:
            dsmall, dlarge = Path(tmp) / "dsmall.jsonl", Path(tmp) / "dlarge.jsonl"
            write_jsonl(distinct(docs, args.small), dsmall)
            write_jsonl(distinct(docs, args.large), dlarge)
            ds, dl = run_child(dsmall, 1), run_child(dlarge, 1)
        l2 = run_child(large, 2)
        # The machine is shared: --jobs 1 and --jobs 2 alternate, and each keeps its fastest run.
        for _ in range(args.repeat - 1):
            for r, jobs in ((l1, 1), (l2, 2)):
                again = run_child(large, jobs)
                if again["sha"] != r["sha"]:
                    r["sha"] = "differs between runs"
                r["seconds"] = min(r["seconds"], again["seconds"])
        if args.batch:
            sb, lb = run_child(small, 1, "batch"), run_child(large, 1, "batch")
        if args.in_memory:
            sm, lm = run_child(small, 1, "memory"), run_child(large, 1, "memory")
        probe = min(400, args.large)
        alone, together = contention(large, probe)
    growth = l1["seconds"] / s1["seconds"]

    def work(r: dict) -> float:
        return r["peak_kb"] - r["start_kb"]

    print(f"== scaling and memory (--format jsonl, one process): {args.small} -> {args.large} articles")
    print(memory_line(f"{args.small:>5} articles", s1))
    print(memory_line(f"{args.large:>5} articles", l1))
    cpu_growth = l1["cpu_main"] / s1["cpu_main"]
    print(
        f"time ratio {growth:.2f}x (CPU time {cpu_growth:.2f}x) for {args.large / args.small:.0f}x the "
        "articles (target <= 4.4x); "
        f"peak RSS ratio {l1['peak_kb'] / s1['peak_kb']:.2f}x, working memory ratio "
        f"{work(l1) / work(s1):.2f}x, output ratio {l1['out_mb'] / s1['out_mb']:.2f}x"
    )
    if not args.no_distinct:
        print(
            "== distinct stories (each pass over the corpus 4 years after the one before: no copy merges): "
            f"{args.small} -> {args.large} articles"
        )
        print(memory_line(f"{args.small:>5} articles", ds))
        print(memory_line(f"{args.large:>5} articles", dl))
        print(
            f"time ratio {dl['seconds'] / ds['seconds']:.2f}x "
            f"(CPU time {dl['cpu_main'] / ds['cpu_main']:.2f}x); "
            f"peak RSS ratio {dl['peak_kb'] / ds['peak_kb']:.2f}x, working memory ratio "
            f"{work(dl) / work(ds):.2f}x, output ratio {dl['out_mb'] / ds['out_mb']:.2f}x"
        )
    if args.batch:
        print("before streaming (every text and timeline held, one merge at the end):")
        print(memory_line(f"{args.small:>5} articles", sb))
        print(memory_line(f"{args.large:>5} articles", lb))
        print(
            f"peak RSS ratio {lb['peak_kb'] / sb['peak_kb']:.2f}x, working memory ratio "
            f"{work(lb) / work(sb):.2f}x; same output as streaming: {lb['sha'] == l1['sha']}"
        )
    if args.in_memory:
        print("the merge in memory (what --format json does):")
        print(memory_line(f"{args.small:>5} articles", sm))
        print(memory_line(f"{args.large:>5} articles", lm))
        print(
            f"time ratio {lm['seconds'] / sm['seconds']:.2f}x; peak RSS ratio "
            f"{lm['peak_kb'] / sm['peak_kb']:.2f}x, working memory ratio {work(lm) / work(sm):.2f}x; "
            f"same output as on disk: {lm['sha'] == l1['sha']}"
        )
    speedup = l1["seconds"] / l2["seconds"]
    same = l1["sha"] == l2["sha"]
    print(
        f"== parallel: --jobs 1 {l1['seconds']:.2f} s, --jobs 2 {l2['seconds']:.2f} s: "
        f"speed-up {speedup:.2f}x "
        f"(target >= 1.7x), identical output: {same}"
    )
    ceiling = 2 * alone / together
    print(
        f"the machine: parsing {probe} articles takes {alone:.2f} s of CPU alone, {together:.2f} s each "
        f"when two processes do it at once ({together / alone:.2f}x): two processes give at most "
        f"{ceiling:.2f}x; --jobs 2 got {speedup / ceiling:.0%} of that"
    )
    # Where the CPU goes with --jobs 2: the workers parse; the main process receives, folds, ranks the
    # merged timeline and writes it, and whatever of that is not overlapped with parsing is serial.
    print(
        f"CPU: --jobs 1 {l1['cpu_main']:.1f} s; --jobs 2 main process {l2['cpu_main']:.1f} s + workers "
        f"{l2['cpu_workers']:.1f} s (the main process's share: "
        f"{l2['cpu_main'] / (l2['cpu_main'] + l2['cpu_workers']):.0%}); load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    print(
        f"throughput parse {ours_mbs:.3f} MB/s tag {ours[0].mbs:.3f} MB/s tag/dateparser(en) {ratio:.1f}x "
        f"scaling {growth:.2f}x (cpu {cpu_growth:.2f}x) "
        f"peak-rss {l1['peak_kb'] / s1['peak_kb']:.2f}x working-memory {work(l1) / work(s1):.2f}x output "
        f"{l1['out_mb'] / s1['out_mb']:.2f}x jobs2 {speedup:.2f}x (ceiling {ceiling:.2f}x) identical {same}"
        + (
            ""
            if args.no_distinct
            else f" distinct: scaling {dl['seconds'] / ds['seconds']:.2f}x peak-rss "
            f"{dl['peak_kb'] / ds['peak_kb']:.2f}x working-memory {work(dl) / work(ds):.2f}x"
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
