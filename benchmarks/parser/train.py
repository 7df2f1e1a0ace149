"""Train, measure and install newsline's dependency analyser (newsline.language.syntax).

    python3 benchmarks/parser/train.py [--steps N] [--keep DIR] [--no-install]

It reads the Universal Dependencies English treebanks in place (../shared/data: EWT, CC BY-SA 4.0, for
training and development; EWT test and PUD, CC BY-SA 3.0, news and Wikipedia, only to measure), trains a
small spaCy pipeline (tagger, dependency parser, lemmatiser; the config beside this file) on EWT train
alone, scores the result on EWT test and PUD with spaCy's own evaluation, and copies the trained model to
timeline/language/parser/ (the package data newsline ships), with the measured figures in its README.
The treebanks are not copied into the repository; the model trained on them is shipped under the
licence of its training data (timeline/language/parser/LICENSE).

Training takes 30 to 60 minutes on one core of the machine the project is built on.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT.parent / "shared" / "data"
HERE = Path(__file__).resolve().parent
TARGET = ROOT / "timeline" / "language" / "parser"
TREEBANKS = {
    "train": DATA / "ud_english_ewt" / "en_ewt-ud-train.conllu",
    "dev": DATA / "ud_english_ewt" / "en_ewt-ud-dev.conllu",
    "ewt-test": DATA / "ud_english_ewt" / "en_ewt-ud-test.conllu",
    "pud": DATA / "ud_english_pud" / "en_pud-ud-test.conllu",
}


def spacy(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "spacy", *args], check=True)


def convert(work: Path) -> dict[str, Path]:
    """Each treebank as spaCy's binary corpus, ten sentences a document (so the parser learns where
    sentences end, as it must in running text)."""
    out = {}
    for name, conllu in TREEBANKS.items():
        dest = work / name
        dest.mkdir()
        spacy("convert", str(conllu), str(dest), "--converter", "conllu", "--n-sents", "10")
        out[name] = next(dest.glob("*.spacy"))
    return out


def evaluate(model: Path, corpus: Path, work: Path) -> dict[str, float]:
    result = work / f"{corpus.parent.name}.json"
    spacy("evaluate", str(model), str(corpus), "--output", str(result))
    scores = json.loads(result.read_text())
    return {k: round(100 * scores[k], 1) for k in ("tag_acc", "dep_uas", "dep_las", "sents_f", "lemma_acc")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=None, help="training steps (default: the config's)")
    ap.add_argument("--keep", type=Path, default=None, help="keep the training files in this directory")
    ap.add_argument("--no-install", action="store_true", help="measure only; keep the shipped model")
    args = ap.parse_args()
    missing = [str(p) for p in TREEBANKS.values() if not p.exists()]
    if missing:
        print(f"treebanks not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="newsline-parser-"))
    work.mkdir(parents=True, exist_ok=True)
    corpora = convert(work)
    extra = ["--training.max_steps", str(args.steps)] if args.steps else []
    spacy(
        "train", str(HERE / "config.cfg"), "--output", str(work / "out"),
        "--paths.train", str(corpora["train"]), "--paths.dev", str(corpora["dev"]), *extra,
    )  # fmt: skip
    model = work / "out" / "model-best"
    figures = {name: evaluate(model, corpora[name], work) for name in ("ewt-test", "pud")}
    for name, f in figures.items():
        print(f"{name}: " + " ".join(f"{k} {v}" for k, v in f.items()))
    if not args.no_install:
        keep = {p.name: p.read_bytes() for p in TARGET.glob("*.md")} | {
            p.name: p.read_bytes() for p in TARGET.glob("LICENSE*")
        }
        shutil.rmtree(TARGET, ignore_errors=True)
        shutil.copytree(model, TARGET)
        for name, data in keep.items():
            (TARGET / name).write_bytes(data)
        (TARGET / "scores.json").write_text(json.dumps(figures, indent=2) + "\n")
        print(f"installed in {TARGET.relative_to(ROOT)} (update its README.md with the figures above)")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
