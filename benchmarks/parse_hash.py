#!/usr/bin/env python3
"""A hash of the whole pipeline's output over the benchmark articles: the check that a speed change of
`parse` is one (output byte-identical before and after).

    python3 benchmarks/parse_hash.py [--throughput] [--group N]

For each of the reader benchmark's 22 articles (and with `--throughput`, every article of
benchmarks/throughput.py's `corpus`, 335 of them), each with its publication date: the JSON of its
timeline (`newsline.to_json`, every field) and, apart, its dependency analysis (`newsline.language.syntax`:
every word's offsets, text, lemma, tag, relation and head), since a change of the parse need not show in
the events. Prints one hash per set and kind, and one over all; run it before and after a change and
compare. With `--group N` the sentences of every N articles are first analysed together
(`newsline.language.syntax.prefetch`, as `newsline.run.stream` does): the hashes must not change.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def _sets(throughput: bool) -> list[tuple[str, list[dict]]]:
    """The named sets of {id, text, published} to parse."""
    lines = (BENCH / "reader" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    reader = [json.loads(line) for line in lines]
    sets = [("reader", reader)]
    if throughput:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import throughput as tp

        sets.append(("throughput", tp.corpus()))
    return sets


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--throughput", action="store_true", help="also throughput.py's 335 articles")
    ap.add_argument("--group", type=int, default=0, help="prefetch the analyses of N articles at a time")
    args = ap.parse_args()
    if not BENCH.exists():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 1
    import newsline
    from newsline.language.syntax import analyse, prefetch
    from newsline.language.text import segment

    whole = hashlib.sha256()
    for name, docs in _sets(args.throughput):
        timelines, trees = hashlib.sha256(), hashlib.sha256()
        events = words = 0
        for k, d in enumerate(docs):
            if args.group > 1 and k % args.group == 0:
                prefetch(segment(g["text"]) for g in docs[k : k + args.group])
            published = newsline.parse_published(d["published"]) if d.get("published") else None
            tl = newsline.parse_text(d["text"], published=published, id=str(d["id"]))
            timelines.update(newsline.to_json(tl).encode("utf-8"))
            events += len(tl.events)
            syntax = analyse(segment(d["text"]))
            words += len(syntax.words)
            for w in syntax.words:
                word = (w.start, w.end, w.text, w.lemma, w.tag, w.dep, w.head, w.sentence)
                trees.update(repr(word).encode("utf-8"))
        whole.update(timelines.digest() + trees.digest())
        print(f"{name}: {len(docs)} articles, {events} events, timelines sha256 {timelines.hexdigest()[:16]}")
        print(f"{name}: {words} words, parses sha256 {trees.hexdigest()[:16]}")
    print(f"all: {whole.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
