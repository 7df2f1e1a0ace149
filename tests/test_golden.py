"""Golden files: the command's output on the seed article, compared byte for byte.

To regenerate them after an intended change of output, run

    NEWSLINE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

which writes tests/golden/* instead of comparing (those tests are then reported as skipped); review the
diff with `git diff tests/golden` before committing. Each file is the standard output of one command, run
from the repository root, as `newsline parse samples/kyiv-drone-strike-2025-07-04.txt ...`:

    seed.json           ... --published 2025-07-04 --format json
    seed.jsonl          ... --published 2025-07-04 --format jsonl
    seed.table.txt      ... --published 2025-07-04 --format table --no-color   (COLUMNS=160 NO_COLOR=1)
    seed-relative.json  ... --format json                                       (no --published)
    seed.csv            ... --published 2025-07-04 --format csv
    seed.md             ... --published 2025-07-04 --format markdown
    seed-relative.md    ... --format markdown                                   (no --published)
    seed.timelinejs.json ... --published 2025-07-04 --format timelinejs
    seed.tml            ... --published 2025-07-04 --format timeml
    seed.table-narrow.txt ... --published 2025-07-04 --format table --no-color (COLUMNS=60 NO_COLOR=1)
    seed-relative.table.txt ... --format table --no-color                   (COLUMNS=120 NO_COLOR=1)
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import SAMPLE_REL, base_env

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("NEWSLINE_UPDATE_GOLDEN") == "1"

CASES = {
    "seed.json": (["--published", "2025-07-04", "--format", "json"], {}),
    "seed.jsonl": (["--published", "2025-07-04", "--format", "jsonl"], {}),
    "seed.table.txt": (
        ["--published", "2025-07-04", "--format", "table", "--no-color"],
        {"COLUMNS": "160", "NO_COLOR": "1"},
    ),
    "seed-relative.json": (["--format", "json"], {}),
    "seed.csv": (["--published", "2025-07-04", "--format", "csv"], {}),
    "seed.md": (["--published", "2025-07-04", "--format", "markdown"], {}),
    "seed-relative.md": (["--format", "markdown"], {}),
    "seed.timelinejs.json": (["--published", "2025-07-04", "--format", "timelinejs"], {}),
    "seed.tml": (["--published", "2025-07-04", "--format", "timeml"], {}),
    "seed.table-narrow.txt": (
        ["--published", "2025-07-04", "--format", "table", "--no-color"],
        {"COLUMNS": "60", "NO_COLOR": "1"},
    ),
    "seed-relative.table.txt": (["--format", "table", "--no-color"], {"COLUMNS": "120", "NO_COLOR": "1"}),
}


@pytest.mark.parametrize("name", list(CASES))
def test_golden(name: str, newsline):
    args, extra_env = CASES[name]
    result = newsline("parse", SAMPLE_REL, *args, env=base_env(**extra_env))
    assert result.code == 0, result.stderr
    path = GOLDEN / name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_bytes(result.raw_stdout)
        pytest.skip(f"regenerated golden/{name}")
    assert path.exists(), f"{path} is missing: run with NEWSLINE_UPDATE_GOLDEN=1 to create it"
    expected = path.read_bytes()
    if result.raw_stdout != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.decode("utf-8").splitlines(keepends=True),
                result.stdout.splitlines(keepends=True),
                f"golden/{name}",
                "newsline output",
                n=2,
            )
        )
        pytest.fail(
            f"output differs from golden/{name} (NEWSLINE_UPDATE_GOLDEN=1 regenerates it):\n{diff[:6000]}"
        )


def test_golden_files_are_consistent():
    """The golden files agree with each other, so that a regeneration cannot silently store nonsense."""
    if UPDATE:
        pytest.skip("golden files are being regenerated")
    seed = json.loads((GOLDEN / "seed.json").read_text(encoding="utf-8"))
    relative = json.loads((GOLDEN / "seed-relative.json").read_text(encoding="utf-8"))
    lines = (GOLDEN / "seed.jsonl").read_text(encoding="utf-8").splitlines()
    table = (GOLDEN / "seed.table.txt").read_text(encoding="utf-8")

    assert seed["schema"] == relative["schema"] == "newsline/1"
    assert seed["articles"][0]["published"] == "2025-07-04"
    assert relative["articles"][0]["published"] is None
    assert [json.loads(line) for line in lines] == seed["events"]
    assert [e["title"] for e in seed["events"]] == [e["title"] for e in relative["events"]]
    assert all(len(line) <= 160 for line in table.splitlines())
    assert "\x1b[" not in table
    # The table shows every event but the minor ones, and says how many it leaves out.
    hidden = [e for e in seed["events"] if e["minor"]]
    for e in seed["events"]:
        if e not in hidden:
            assert e["title"][:20] in table or e["title"][:20].replace("…", "") in table
    assert f"{len(hidden)} minor events" in table

    # Every format shows the same events, in the same order, as the JSON (one serialiser feeds them all).
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO((GOLDEN / "seed.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [e["id"] for e in seed["events"]]
    assert [int(r["rank"]) for r in rows] == [e["rank"] for e in seed["events"]]
    markdown = (GOLDEN / "seed.md").read_text(encoding="utf-8")
    table_lines = [line for line in markdown.splitlines() if line.startswith("| ")]
    rows_shown = [e for e in seed["events"] if not e["minor"]]  # Markdown and TimelineJS show the rows
    assert len(table_lines) == len(rows_shown) + 2  # the header and its rule
    tljs = json.loads((GOLDEN / "seed.timelinejs.json").read_text(encoding="utf-8"))
    dated = [e for e in rows_shown if e["when"] and re.match(r"\d{4}-\d\d-\d\d", e["when"]["value"])]
    assert len(tljs["events"]) == len(dated)
    for slide, e in zip(tljs["events"], dated, strict=True):
        y, m, d = (int(x) for x in e["when"]["value"][:10].split("-"))
        start = slide["start_date"]
        assert (start["year"], start["month"], start["day"]) == (y, m, d)
    tml = (GOLDEN / "seed.tml").read_text(encoding="utf-8")
    ElementTree.fromstring(tml)  # well-formed XML
    assert tml.count("<TIMEX3 ") == 1 + len(seed["time_mentions"])  # the DCT and every mention
