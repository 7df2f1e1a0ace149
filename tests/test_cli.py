"""The `newsline` command: exit codes, stderr, formats and inputs. Most tests run it in this process (the
`newsline` fixture, the console script's own entry point); a few run the installed script in a subprocess,
as a user does (`newsline_subprocess`): the entry point itself, a usage error, reading standard input."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import SAMPLE_REL, base_env, fresh_python

PUB = ("--published", "2025-07-04")


def assert_one_clean_error_line(stderr: str, *needles: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_sample_to_json(newsline_subprocess):
    r = newsline_subprocess("parse", SAMPLE_REL, *PUB, "--format", "json")
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "newsline/1"
    assert data["events"]
    assert r.err_lines == []


def test_piped_output_defaults_to_json(newsline):
    r = newsline("parse", SAMPLE_REL, *PUB)
    assert r.code == 0, r.stderr
    assert json.loads(r.stdout)["schema"] == "newsline/1"


def test_version(newsline_subprocess):
    r = newsline_subprocess("--version")
    assert r.code == 0
    assert r.stdout.strip() == "newsline 0.1.0"


def test_top_level_help_has_examples(newsline):
    r = newsline("--help")
    assert r.code == 0
    assert "Examples" in r.stdout


def test_top_level_help(newsline):
    r = newsline("--help")
    assert r.code == 0, r.stderr
    assert "parse" in r.stdout
    assert "Usage" in r.stdout


def test_parse_help_has_examples(newsline):
    r = newsline("parse", "--help")
    assert r.code == 0, r.stderr
    assert "Examples" in r.stdout
    assert "--published" in r.stdout


def test_no_arguments_prints_help(newsline):
    r = newsline()
    assert r.code == 0, r.stderr
    assert "Usage" in r.stdout + r.stderr
    assert "Traceback" not in r.stderr


def test_missing_file(newsline, tmp_path):
    missing = tmp_path / "no-such-article.txt"
    r = newsline("parse", str(missing), *PUB)
    assert r.code == 1
    assert_one_clean_error_line(r.stderr, "no-such-article.txt")
    assert r.stdout == ""


def test_directory(newsline, tmp_path):
    r = newsline("parse", str(tmp_path), *PUB)
    assert r.code == 1
    assert_one_clean_error_line(r.stderr, str(tmp_path))


def test_bad_published_date(newsline):
    r = newsline("parse", SAMPLE_REL, "--published", "not-a-date")
    assert r.code == 2
    assert_one_clean_error_line(r.stderr, "--published", "not-a-date")
    assert r.stdout == ""


def test_unknown_option(newsline_subprocess):
    newsline = newsline_subprocess
    r = newsline("parse", SAMPLE_REL, "--no-such-option")
    assert r.code == 2
    assert_one_clean_error_line(r.stderr, "--no-such-option")


def test_unknown_time_zone(newsline):
    r = newsline("parse", SAMPLE_REL, *PUB, "--tz", "Mars/Olympus")
    assert r.code == 2
    assert_one_clean_error_line(r.stderr, "Mars/Olympus")


def test_missing_file_does_not_stop_the_others(newsline, tmp_path):
    missing = tmp_path / "gone.txt"
    r = newsline("parse", str(missing), SAMPLE_REL, *PUB, "--format", "json")
    assert r.code == 1
    assert_one_clean_error_line(r.stderr, "gone.txt")
    data = json.loads(r.stdout)
    assert [a["id"] for a in data["articles"]] == ["kyiv-drone-strike-2025-07-04"]
    assert data["events"]


def test_stdin(newsline_subprocess, sample_text):
    newsline = newsline_subprocess
    r = newsline("parse", "-", *PUB, "--format", "json", input=sample_text)
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [a["id"] for a in data["articles"]] == ["stdin"]
    assert data["articles"][0]["source"] == "<stdin>"
    assert data["events"]


def _write_jsonl(path, records_or_lines):
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records_or_lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_jsonl_input(newsline, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(
        corpus,
        [
            {"id": "talks", "title": "Talks", "text": "Officials said the talks ended on Thursday."},
            {
                "id": "strike",
                "published": "2025-07-01",
                "text": "Russia launched a drone assault on Kyiv overnight, officials said.",
            },
        ],
    )
    r = newsline("parse", str(corpus), *PUB, "--format", "json")
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    articles = {a["id"]: a for a in data["articles"]}
    assert set(articles) == {"talks", "strike"}
    assert articles["talks"]["published"] == "2025-07-04"  # from --published
    assert articles["strike"]["published"] == "2025-07-01"  # its own date wins
    values = {m["text"]: m["value"] for m in data["time_mentions"]}
    assert values["Thursday"] == "2025-07-03"
    assert values["overnight"] == "2025-06-30TNI"


def test_jsonl_bad_line(newsline, tmp_path):
    corpus = tmp_path / "file.jsonl"
    _write_jsonl(
        corpus,
        [
            {"id": "one", "text": "Officials said the talks ended on Thursday."},
            "{this is not json",
            {"id": "three", "text": "Drones hit Kyiv overnight, officials said."},
        ],
    )
    r = newsline("parse", str(corpus), *PUB, "--format", "json")
    assert r.code == 1
    line = assert_one_clean_error_line(r.stderr)
    assert "file.jsonl:2" in line
    data = json.loads(r.stdout)
    assert [a["id"] for a in data["articles"]] == ["one", "three"]


def test_format_jsonl(newsline):
    r = newsline("parse", SAMPLE_REL, *PUB, "--format", "jsonl")
    assert r.code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines
    for line in lines:
        obj = json.loads(line)
        assert isinstance(obj, dict)
        assert obj["id"]
        assert obj["sources"]
    assert [json.loads(line)["rank"] for line in lines] == list(range(1, len(lines) + 1))


def test_format_jsonl_of_many_articles_is_the_json_events(newsline, tmp_path):
    # JSON Lines output keeps the merge on disk (newsline.merge.spill): its lines must be the JSON's events.
    corpus = tmp_path / "corpus.jsonl"
    stories = [
        "Russia launched a drone attack on Kyiv on Friday, officials said. Two people were killed.",
        "Russian forces launched a drone attack on Kyiv on Friday night. Officials said two were killed.",
        "Police arrested 12 protesters on Monday after the attack. The minister will travel next week.",
    ]
    records = [{"id": f"s{i}", "published": "2025-07-05", "text": t} for i, t in enumerate(stories)]
    _write_jsonl(corpus, records)
    lines = newsline("parse", str(corpus), "--format", "jsonl")
    whole = newsline("parse", str(corpus), "--format", "json")
    assert lines.code == whole.code == 0, lines.stderr
    events = json.loads(whole.stdout)["events"]
    assert any(len(e["sources"]) > 1 for e in events)  # something was merged
    assert [json.loads(x) for x in lines.stdout.splitlines()] == events


def test_table_without_color(newsline):
    r = newsline(
        "parse",
        SAMPLE_REL,
        *PUB,
        "--format",
        "table",
        "--no-color",
        env=base_env(COLUMNS="120", NO_COLOR="1"),
    )
    assert r.code == 0, r.stderr
    assert "\x1b[" not in r.stdout
    assert "Thu 3 Jul 2025" in r.stdout
    assert all(len(line) <= 120 for line in r.stdout.splitlines())


def test_without_published_says_how_to_give_it(newsline):
    r = newsline("parse", SAMPLE_REL, "--format", "json")
    assert r.code == 0
    assert "--published" in r.stderr
    assert "Traceback" not in r.stderr
    data = json.loads(r.stdout)
    assert data["articles"][0]["published"] is None


IMPORT_LINE = re.compile(r"^import time:\s*[\d\s]+\|\s*[\d\s]+\|\s*(?P<module>\S+)\s*$")


def _imports(*args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """`newsline ARGS` run in a fresh interpreter with -X importtime: the run and the modules it imported."""
    argv = ["newsline", *args]
    code = f"import sys; sys.argv = {argv!r}; from newsline.cli.main import run; run()"
    proc = fresh_python("-X", "importtime", "-c", code)
    modules = [m.group("module") for m in map(IMPORT_LINE.match, proc.stderr.splitlines()) if m]
    assert len(modules) > 20, proc.stderr[:2000]  # the importtime lines were parsed
    return proc, modules


def test_tag_does_not_load_the_parser():
    # The dependency analyser (spaCy and its model) is for events: the time tagger alone never loads it.
    _, modules = _imports("tag", SAMPLE_REL, "--published", "2025-07-04", "--format", "json")
    assert any(m.startswith("newsline.timex") for m in modules)
    heavy = [m for m in modules if m.split(".")[0] in ("spacy", "thinc", "rich", "dateparser")]
    assert heavy == [], heavy


def test_json_output_does_not_import_dateparser_or_rich():
    proc, modules = _imports("parse", SAMPLE_REL, "--published", "2025-07-04", "--format", "json")
    assert json.loads(proc.stdout)["schema"] == "newsline/1"
    assert "newsline" in modules and "spacy" in modules
    # Neither is needed on this path. spaCy's command line brought rich along; the parser's loader
    # (newsline.language.loader) leaves that out, and with it weasel and spaCy's download command.
    heavy = [m for m in modules if m.split(".")[0] in ("dateparser", "rich", "weasel")]
    assert heavy == [], heavy


def test_the_end_of_a_run_still_writes_and_cleans_up(tmp_path):
    # The command freezes the heap at exit (cli.main._skip_final_collections): what it writes is whole,
    # the exit code is kept, and the merge's scratch folder (--format jsonl) is still removed.
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    argv = ["newsline", "parse", SAMPLE_REL, "--published", "2025-07-04", "--format", "jsonl"]
    code = f"import sys; sys.argv = {argv!r}; from newsline.cli.main import run; run()"
    proc = fresh_python("-c", code, TMPDIR=str(scratch))
    assert proc.stdout.endswith("\n")
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(records) > 10
    assert list(scratch.iterdir()) == []


# Typer, imported here in the test process, warns about a Click deprecation that is not ours.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_full_scratch_disk_is_one_error_line(tmp_path, monkeypatch, capsys):
    # --format jsonl keeps the merge in an SQLite file under TMPDIR: a full disk there (simulated) must be
    # one error line and exit code 4, not a traceback.
    import sqlite3

    from newsline.cli import main as cli_main
    from newsline.merge.spill import SpillFold

    def full(self):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(SpillFold, "_flush", full)
    corpus = tmp_path / "two.jsonl"
    _write_jsonl(
        corpus,
        [
            {"id": "a", "published": "2025-07-05", "text": "Police arrested 12 protesters on Monday."},
            {"id": "b", "published": "2025-07-05", "text": "The minister resigned on Tuesday."},
        ],
    )
    monkeypatch.setattr(sys, "argv", ["newsline", "parse", str(corpus), "--format", "jsonl", "--jobs", "1"])
    with pytest.raises(SystemExit) as exit_info:
        cli_main.run()
    assert exit_info.value.code == 4
    err = capsys.readouterr().err
    line = assert_one_clean_error_line(err)
    assert "disk is full" in line and "TMPDIR" in line
