"""The README and the help texts show real output, so that they cannot go stale (issue 16, item 8).

Every README block after a `<!-- generated: NAME -->` line, and the worked examples of `newsline --help`,
`newsline parse --help` and `newsline tag --help`, are compared with what the command prints now. After an
intended change of output,

    NEWSLINE_UPDATE_GOLDEN=1 python -m pytest tests/test_docs.py

rewrites them (README.md and the help constants in cli/main.py) instead of comparing; review the diff.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import newsline.cli.main as main
import pytest
from conftest import ROOT, SAMPLE_REL, base_env, run_newsline
from newsline.readers.files import DEFAULT_GLOBS

README = ROOT / "README.md"
MAIN = ROOT / "cli" / "main.py"
UPDATE = os.environ.get("NEWSLINE_UPDATE_GOLDEN") == "1"
SEED = ["parse", SAMPLE_REL, "--published", "2025-07-04"]
TAG_STORY = (
    "The ceasefire took effect at midnight on Christmas Eve. Talks will resume in two weeks.\n"
    "Late on Thursday night, explosions were heard.\n"
)
PARSE_STORY = "Russia launched a drone assault on Kyiv overnight, officials said on Friday.\n"


def _out(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> str:
    result = run_newsline(*args, env=env, cwd=cwd)
    assert result.code == 0, result.stderr
    return result.stdout


def _shorten(line: str, width: int = 110) -> str:
    return line if len(line) <= width else line[: width - 4] + " ..."


# -------------------------------------------------------------------------------- README blocks


def _exit_codes(_: Path) -> list[str]:
    return [
        "| code | meaning |",
        "| --- | --- |",
        *(f"| {code} | {meaning} |" for code, meaning in main.EXIT_CODES),
    ]


def _jq_events(_: Path) -> list[str]:
    d = json.loads(_out(*SEED))
    events = [
        json.dumps(
            {"rank": e["rank"], "title": e["title"], "day": e["when"] and e["when"]["value"]},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for e in d["events"][:4]
    ]
    mentions = [f"{m['text']}\t{m['value']}" for m in d["time_mentions"][:4]]
    return [
        "$ newsline parse samples/kyiv-drone-strike-2025-07-04.txt --published 2025-07-04 \\",
        "    | jq -c '.events[] | {rank, title, day: .when.value}' | head -4",
        *events,
        "",
        "$ newsline parse samples/kyiv-drone-strike-2025-07-04.txt --published 2025-07-04 \\",
        "    | jq -r '.time_mentions[] | \"\\(.text)\\t\\(.value)\"' | head -4",
        *mentions,
    ]


def _tag(tmp: Path) -> list[str]:
    (tmp / "story.txt").write_text(TAG_STORY, encoding="utf-8")
    lines = _out("tag", "story.txt", "--published", "2025-07-04", "--format", "jsonl", cwd=tmp).splitlines()
    shown = []
    for line in lines:
        m = json.loads(line)
        shown.append(f"{m['text']}\t{m['type']}\t{m['value']}\t{m['mod'] or ''}".rstrip("\t"))
    return [
        "$ newsline tag story.txt --published 2025-07-04 --format jsonl | jq -r '\"\\(.text)\\t\\(.type)\\t"
        '\\(.value)\\t\\(.mod // "")"\'',
        *shown,
        "$ newsline tag TimeBank/*.tml --format timeml --output-dir system/"
        "   # the <DCT> gives each publication date",
    ]


def _table(_: Path) -> list[str]:
    out = _out(*SEED, "--format", "table", "--no-color", env=base_env(COLUMNS="120", NO_COLOR="1"))
    lines = [line.rstrip() for line in out.splitlines()[1:]]  # after the title
    rows = [i for i, line in enumerate(lines) if re.match(r"│\s+\d+ │", line)]
    end = rows[3] if len(rows) > 3 else len(lines)  # the first three events
    return [*lines[:end], "..."]


def _schema(_: Path) -> list[str]:
    return ["$ newsline schema | head -4", *_out("schema").splitlines()[:4]]


def _head(fmt: str, n: int, shorten: bool = False) -> Callable[[Path], list[str]]:
    def make(_: Path) -> list[str]:
        lines = _out(*SEED, "--format", fmt).splitlines()[:n]
        return [_shorten(line) if shorten else line for line in lines] + (["..."] if shorten else [])

    return make


BLOCKS: dict[str, Callable[[Path], list[str]]] = {
    "exit-codes": _exit_codes,
    "jq": _jq_events,
    "tag": _tag,
    "table": _table,
    "schema": _schema,
    "csv": _head("csv", 3),
    "markdown": _head("markdown", 7),
    "timelinejs": _head("timelinejs", 22, shorten=True),
    "timeml": _head("timeml", 5, shorten=True),
}

_MARKER = re.compile(r"^<!-- generated: ([\w-]+)[^>]*-->\n\n", re.M)


def _block_span(text: str, start: int, table: bool) -> tuple[int, int]:
    """Where the block after a marker ends: its indented lines (a table: its | lines), blank lines inside
    it included, trailing ones not."""
    pos = end = start
    for line in text[start:].splitlines(keepends=True):
        if (line.startswith("|") if table else line.startswith("    ")) or (not table and not line.strip()):
            pos += len(line)
            if line.strip():
                end = pos
            continue
        break
    return start, end


@pytest.mark.parametrize("name", list(BLOCKS))
def test_readme_blocks_are_real_output(name: str, tmp_path: Path):
    text = README.read_text(encoding="utf-8")
    marker = next((m for m in _MARKER.finditer(text) if m.group(1) == name), None)
    assert marker is not None, f"README.md has no <!-- generated: {name} --> block"
    table = name == "exit-codes"
    start, end = _block_span(text, marker.end(), table)
    lines = BLOCKS[name](tmp_path)
    block = "".join(("" if table or not line else "    ") + line + "\n" for line in lines)
    if UPDATE:
        README.write_text(text[:start] + block + text[end:], encoding="utf-8")
        pytest.skip(f"regenerated the README's {name} block")
    assert text[start:end] == block, f"README block {name} is stale (NEWSLINE_UPDATE_GOLDEN=1 regenerates it)"


def test_every_generated_block_is_known():
    names = [m.group(1) for m in _MARKER.finditer(README.read_text(encoding="utf-8"))]
    assert sorted(names) == sorted(BLOCKS)


# ---------------------------------------------------------------------------- help worked examples


def _parse_help_example(tmp: Path) -> str:
    (tmp / "story.txt").write_text(PARSE_STORY, encoding="utf-8")
    out = _out("parse", "story.txt", "--published", "2025-07-04", "--format", "csv", cwd=tmp)
    return "".join(f"  {_shorten(line, 106)}\n" for line in out.splitlines())


def _app_help_example(_: Path) -> str:
    lines = _out(*SEED, "--format", "csv").splitlines()[:3]
    return "".join(f"  {_shorten(line, 100)}\n" for line in lines)


def _tag_help_example(tmp: Path) -> str:
    (tmp / "in.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>in</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>\n'
        '<TEXT>Shares <EVENT eid="e1">fell</EVENT> on Wednesday.</TEXT>\n</TimeML>\n',
        encoding="utf-8",
    )
    _out("tag", "in.tml", "--format", "timeml", "--output-dir", "out", cwd=tmp)
    written = (tmp / "out" / "in.tml").read_text(encoding="utf-8")
    return "  " + re.search(r"<TEXT>.*?</TEXT>", written, re.S).group(0) + "\n"


# (the help constant, the text just before the example's output, just after, how to make it)
HELP_EXAMPLES = {
    "parse": ("PARSE_HELP", "prints\n\n\\b\n", "\nExamples:", _parse_help_example),
    "app": ("APP_HELP", "--format csv | head -3\n", "\nExamples:", _app_help_example),
    "tag": ("TAG_HELP", "and in between\n\n\\b\n", "\nMore examples:", _tag_help_example),
}


@pytest.mark.parametrize("name", list(HELP_EXAMPLES))
def test_help_worked_examples_are_real_output(name: str, tmp_path: Path):
    constant, before, after, make = HELP_EXAMPLES[name]
    expected = make(tmp_path)
    source = MAIN.read_text(encoding="utf-8")
    at = source.index(f"{constant} = ")
    start = source.index(before.replace("\\b", "\\b"), at) + len(before)
    end = source.index(after, start)
    if UPDATE:
        MAIN.write_text(source[:start] + expected + source[end:], encoding="utf-8")
        pytest.skip(f"regenerated the worked example of {constant}")
    assert source[start:end] == expected, f"{constant}'s worked example is stale"


# ------------------------------------------------------------------------------- one list of codes


@pytest.mark.parametrize("args", [["--help"], ["parse", "--help"], ["merge", "--help"], ["tag", "--help"]])
def test_every_help_gives_the_one_list_of_exit_codes(args: list[str]):
    out = _out(*args)
    shown = re.findall(r"^\s+(\d+)  ", out.split("Exit codes:", 1)[1], re.M)
    assert [int(c) for c in shown] == [code for code, _ in main.EXIT_CODES]


def test_the_glob_default_in_help_is_the_one_used():
    out = " ".join(_out("parse", "--help").split())
    assert f"default {' '.join(DEFAULT_GLOBS)})" in out
