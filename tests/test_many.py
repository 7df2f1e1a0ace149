"""Many articles from the command line: directories, --glob, --jobs, and newsline merge."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT

SEED = ROOT / "samples" / "kyiv-drone-strike-2025-07-04.txt"
OTHER = (
    "Officials said on Monday that the talks ended without a deal. Protesters gathered in the capital "
    "overnight, and police arrested 12 people."
)


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "a").mkdir(parents=True)
    shutil.copy(SEED, root / "a" / "kyiv.txt")
    (root / "b.txt").write_text(OTHER, encoding="utf-8")
    (root / "notes.csv").write_text("not an article", encoding="utf-8")
    return root


def test_a_directory_is_read_recursively(newsline, tmp_path):
    r = newsline("parse", str(_tree(tmp_path)), "--published", "2025-07-04", "--format", "json")
    assert r.code == 0, r.stderr
    ids = sorted(a["id"] for a in json.loads(r.stdout)["articles"])
    assert ids == ["b", "kyiv"]


def test_glob_chooses_the_files(newsline, tmp_path):
    r = newsline("parse", str(_tree(tmp_path)), "--glob", "kyiv*", "-p", "2025-07-04", "-f", "json")
    assert r.code == 0, r.stderr
    assert [a["id"] for a in json.loads(r.stdout)["articles"]] == ["kyiv"]


def test_jobs_do_not_change_the_output(newsline, tmp_path):
    root = _tree(tmp_path)
    one = newsline("parse", str(root), "-p", "2025-07-04", "-f", "json", "--jobs", "1")
    two = newsline("parse", str(root), "-p", "2025-07-04", "-f", "json", "--jobs", "2")
    assert one.code == two.code == 0
    assert one.stdout == two.stdout


def test_merge_saved_timelines(newsline, tmp_path):
    root = _tree(tmp_path)
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text(
        newsline("parse", str(root / "a"), "-p", "2025-07-04", "-f", "json").stdout, encoding="utf-8"
    )
    b.write_text(
        newsline("parse", str(root / "b.txt"), "-p", "2025-07-08", "-f", "json").stdout, encoding="utf-8"
    )
    ab = newsline("merge", str(a), str(b), "-f", "json")
    ba = newsline("merge", str(b), str(a), "-f", "json")
    assert ab.code == 0, ab.stderr
    assert ab.stdout == ba.stdout
    assert sorted(x["id"] for x in json.loads(ab.stdout)["articles"]) == ["b", "kyiv"]
    # Merging a timeline with itself changes nothing.
    assert newsline("merge", str(a), str(a), "-f", "json").stdout == a.read_text(encoding="utf-8")
    # Standard input is read once and held; the files are read again when the merge reaches them.
    piped = newsline("merge", str(b), "-", str(a), "-f", "json", input=a.read_text(encoding="utf-8"))
    assert piped.code == 0, piped.stderr
    assert piped.stdout == ab.stdout
    # JSON Lines keeps the merge on disk: the same events, one a line, and a timeline merged with itself
    # still comes back unchanged.
    lines = newsline("merge", str(b), str(a), "-f", "jsonl")
    assert lines.code == 0, lines.stderr
    assert [json.loads(x) for x in lines.stdout.splitlines()] == json.loads(ab.stdout)["events"]
    same = newsline("merge", str(a), str(a), "-f", "jsonl")
    assert [json.loads(x) for x in same.stdout.splitlines()] == json.loads(a.read_text("utf-8"))["events"]


def test_merge_reports_bad_files_and_merges_the_rest(newsline, tmp_path):
    root = _tree(tmp_path)
    a = tmp_path / "a.json"
    a.write_text(
        newsline("parse", str(root / "a"), "-p", "2025-07-04", "-f", "json").stdout, encoding="utf-8"
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"x": 1}', encoding="utf-8")
    r = newsline("merge", str(a), str(bad), "-f", "json")
    assert r.code == 1
    assert "bad.json" in r.stderr and "newsline/1" in r.stderr and "Traceback" not in r.stderr
    assert json.loads(r.stdout)["articles"][0]["id"] == "kyiv"


def test_a_jsonl_dump_streams_to_the_same_events_whatever_the_jobs(newsline, tmp_path):
    texts = [SEED.read_text(encoding="utf-8"), OTHER, OTHER.replace("Monday", "Tuesday")]
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        "".join(
            json.dumps({"id": f"n{i}", "published": "2025-07-0" + str(4 + i % 3), "text": texts[i % 3]})
            + "\n"
            for i in range(18)
        ),
        encoding="utf-8",
    )
    one = newsline("parse", str(dump), "-f", "jsonl", "--jobs", "1")
    two = newsline("parse", str(dump), "-f", "jsonl", "--jobs", "2")
    assert one.code == two.code == 0, one.stderr
    assert one.stdout == two.stdout
    whole = json.loads(newsline("parse", str(dump), "-f", "json", "--jobs", "2").stdout)
    assert [json.loads(line) for line in one.stdout.splitlines()] == whole["events"]
    # The same article told by several copies is one event with every copy as a source.
    assert max(len(e["sources"]) for e in whole["events"]) >= 6


def test_a_file_that_vanishes_after_indexing_is_an_input_error_not_a_bug(tmp_path):
    # Every input is read once to index it and again to parse it; one removed in between is the
    # user's input problem (exit 1, the other articles still parsed), not "please report this article".
    import subprocess
    import sys

    from conftest import base_env

    root = _tree(tmp_path)
    gone = root / "b.txt"
    script = (
        "import os, sys, newsline.readers.files as ing\n"
        "index = ing.index_inputs\n"
        "def patched(*a, **k):\n"
        "    found = index(*a, **k)\n"
        f"    os.remove({str(gone)!r})\n"
        "    return found\n"
        "ing.index_inputs = patched\n"
        "from newsline.cli.main import run\n"
        f"sys.argv = ['newsline', 'parse', {str(root)!r}, '-p', '2025-07-04', '-f', 'json', '--jobs', '1']\n"
        "run()\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=base_env(), cwd=ROOT
    )
    assert r.returncode == 1, r.stderr
    assert [a["id"] for a in json.loads(r.stdout)["articles"]] == ["kyiv"]
    lines = [x for x in r.stderr.splitlines() if "error" in x]
    note = "it changed after it was first read; not parsed"
    assert lines == [f"newsline: error: {gone}: no such file ({note})"]
    assert "Traceback" not in r.stderr and "please report" not in r.stderr
