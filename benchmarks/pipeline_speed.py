"""CPU speed of the whole pipeline (`parse`) and of the time tagger alone (`tag`), in one process on one
core, over the articles of the reader benchmark (the seed, the TimeSET dev articles, SemEval articles),
each with its publication date: MB/s of text and seconds per article, after a warm-up (rules compiled,
the parser loaded).

    python3 benchmarks/pipeline_speed.py [--rounds 3]

Run it at two commits to compare them (the machines are shared: take both figures in one sitting).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT.parent / "shared" / "bench" / "reader" / "articles.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not ARTICLES.exists():
        print(f"benchmark data not found at {ARTICLES}", file=sys.stderr)
        return 1
    import newsline
    from newsline.timex import tag_text

    try:
        from newsline.language.syntax import clear_cache
    except ImportError:  # a commit from before the analyser
        clear_cache = None

    docs = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    arts = [newsline.Article(str(d["id"]), d["text"], newsline.parse_published(d["published"])) for d in docs]
    mb = sum(len(a.text.encode()) for a in arts) / 1e6
    newsline.parse_text(arts[0].text, published=arts[0].published)  # warm-up
    tag_text(arts[0].text, "w", arts[0].published)
    best = {}
    for name, fn in (
        ("parse", lambda a: newsline.parse_text(a.text, published=a.published, id=a.id)),
        ("tag", lambda a: tag_text(a.text, a.id, a.published)),
    ):
        times = []
        for _ in range(args.rounds):
            if clear_cache is not None:
                clear_cache()  # each round parses every sentence afresh
            t0 = time.process_time()
            for a in arts:
                fn(a)
            times.append(time.process_time() - t0)
        best[name] = min(times)
        print(f"{name:6} {mb / best[name]:6.3f} MB/s  {1000 * best[name] / len(arts):6.1f} ms/article (CPU)")
    print(f"pipeline_speed articles {len(arts)} MB {mb:.3f} parse {mb / best['parse']:.3f} MB/s "
          f"tag {mb / best['tag']:.3f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
