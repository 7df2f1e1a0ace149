#!/usr/bin/env python3
"""A hash of every `tag_text` result over the benchmark texts: the check that a speed change of the time
tagger is one (output byte-identical before and after).

    python3 benchmarks/tag_hash.py [--pure]

Hashes, in order: throughput's distinct articles (benchmarks/throughput.py `corpus`, each with its
publication date), the reader's 22 articles, the first 60 of throughput's articles again without a
publication date (the dateline and unknown-day paths), and the TempEval-3 TEXT of each file with its DCT
as te3.py reads it. Every field of every mention counts, and the reference and its origin. Prints one
hash per set, the number of mentions, and one hash over all; run it before and after a change and compare.
`--pure` runs Python's regex engine alone (NEWSLINE_PURE_RE=1), which must print the same.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def _sets() -> list[tuple[str, list[tuple[str, str, date | datetime | None]]]]:
    """The named sets of (id, text, publication) to tag."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import te3
    import throughput
    from newsline import parse_published
    from newsline.formats.timeml import read_timeml

    docs = throughput.corpus()
    dated = [
        (d["id"], d["text"], parse_published(d["published"]) if d.get("published") else None) for d in docs
    ]
    reader = []
    for line in (BENCH / "reader" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        published = parse_published(rec["published"]) if rec.get("published") else None
        reader.append((rec["id"], rec["text"], published))
    undated = [(i, text, None) for i, text, _ in dated[:60]]
    tml = []
    for corpus in te3.CORPORA:
        for f in sorted((te3.TE3 / corpus).glob("*.tml")):
            d = read_timeml(f.read_text(encoding="utf-8"))
            tml.append((f.name, d.text, d.dct))
    return [("throughput", dated), ("reader", reader), ("undated", undated), ("te3", tml)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pure", action="store_true", help="Python's regex engine alone (no Hyperscan)")
    args = ap.parse_args()
    if args.pure:
        os.environ["NEWSLINE_PURE_RE"] = "1"
    if not BENCH.exists():
        print(f"benchmark data not found at {BENCH}", file=sys.stderr)
        return 1
    from newsline.timex import tag_text

    whole = hashlib.sha256()
    for name, items in _sets():
        h = hashlib.sha256()
        n = 0
        for article_id, text, published in items:
            mentions, ref, origin = tag_text(text, article_id, published)
            n += len(mentions)
            h.update(repr((ref, origin)).encode("utf-8"))
            for m in mentions:
                h.update(repr(dataclasses.astuple(m)).encode("utf-8"))
        whole.update(h.digest())
        print(f"{name}: {len(items)} texts, {n} mentions, sha256 {h.hexdigest()[:16]}")
    print(f"all: {whole.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
