"""Article text is data, and no input makes newsline crash: markup, control sequences, spreadsheet formulas,
binary and broken files, empty and huge inputs, malformed JSON Lines, and (by property) any text at all."""

from __future__ import annotations

import csv
import io
import json
import os
from xml.etree import ElementTree

import jsonschema
import newsline
import pytest
from conftest import SAMPLE_REL, base_env
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsline.formats.writers import clean, to_csv, to_markdown, to_timelinejs, to_timeml
from newsline.readers.files import MAX_BYTES
from newsline.schema import schema
from test_properties import any_text

PUB = ("--published", "2025-07-04")
HOSTILE = (
    "[bold red]Kyiv[/bold red] officials said on Friday that \x1b[31mdrones\x1b[0m hit the city "
    "overnight.\x1b]0;pwned\x07 =HYPERLINK(\"http://evil\") | a | b | <script>alert(1)</script>\n"
    "+Trump said the talks ended on Thursday.\n"
)


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return str(path)


def test_table_shows_markup_as_written_and_strips_control_sequences(newsline, hostile):
    # --all: "officials said" is a bare attribution, a minor event the table otherwise leaves out
    r = newsline("parse", hostile, *PUB, "--format", "table", "--all", env=base_env(COLUMNS="200"))
    assert r.code == 0, r.stderr
    assert "red]Kyiv[/bold red]" in r.stdout  # as written (the title drops the leading "[b")
    assert "\x1b" not in r.stdout
    assert "pwned" not in r.stdout or "\x1b]" not in r.stdout


def test_table_colours_only_when_asked(newsline, hostile):
    env = base_env(COLUMNS="200", FORCE_COLOR="1")
    coloured = newsline("parse", hostile, *PUB, "--format", "table", env=env)
    assert "\x1b[" in coloured.stdout  # a forced terminal gets colours...
    plain = newsline("parse", hostile, *PUB, "--format", "table", "--no-color", env=env)
    assert "\x1b[3" not in plain.stdout  # ...but never with --no-color
    no_color_env = newsline("parse", hostile, *PUB, "--format", "table", env={**env, "NO_COLOR": "1"})
    assert "\x1b[3" not in no_color_env.stdout


def test_csv_defuses_formulas_and_markdown_escapes_pipes(newsline, hostile):
    r = newsline("parse", hostile, *PUB, "--format", "csv")
    assert r.code == 0, r.stderr
    for row in csv.reader(io.StringIO(r.stdout)):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
            assert "\x1b" not in cell
    r = newsline("parse", hostile, *PUB, "--format", "markdown")
    assert r.code == 0, r.stderr
    for line in r.stdout.splitlines():
        if line.startswith("| ") and not line.startswith("| #") and not line.startswith("| ---"):
            assert line.replace("\\|", "").count("|") == 7, line
    assert "<script>" not in r.stdout


def test_timelinejs_escapes_html(newsline, hostile):
    r = newsline("parse", hostile, *PUB, "--format", "timelinejs")
    assert r.code == 0, r.stderr
    out = json.loads(r.stdout)
    assert "<script>" not in json.dumps(out)


def test_stderr_names_are_cleaned(newsline, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "evil\x1b[2J", "text": "Talks ended on Thursday."}) + "\n")
    r = newsline("parse", str(corpus), "--format", "json")
    assert r.code == 0, r.stderr
    assert "\x1b" not in r.stderr


def test_clean_removes_escape_sequences_whole():
    assert clean("a\x1b[31mb\x1b[0mc") == "abc"
    assert clean("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b") == "alinkb"
    assert clean("x\u202ey\x00z\x9b") == "xyz"


def test_several_inputs_some_bad(newsline, tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Officials said the café talks ended on Thursday.".encode("cp1252"))
    bad_utf8 = tmp_path / "bad.txt"
    bad_utf8.write_bytes(b"Drones hit Kyiv on Friday \x81\x8d\x90.")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    r = newsline(
        "parse", str(binary), SAMPLE_REL, str(latin), str(bad_utf8), str(empty), str(missing), *PUB,
        "--format", "json",
    )
    assert r.code == 1
    assert "Traceback" not in r.stderr
    errors = [line for line in r.err_lines if ": error: " in line]
    assert len(errors) == 3, r.stderr  # the binary file, the undecodable one, the missing one
    for name in ("image.png", "bad.txt", "missing.txt"):
        assert sum(name in line for line in errors) == 1, (name, errors)
    data = json.loads(r.stdout)
    assert sorted(a["id"] for a in data["articles"]) == ["empty", "kyiv-drone-strike-2025-07-04", "latin"]
    assert any("empty.txt" in line and "warning" in line for line in r.err_lines)


def test_empty_file_is_not_an_error(newsline, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    for fmt in ("json", "jsonl", "csv", "markdown", "table", "timelinejs", "timeml"):
        r = newsline("parse", str(empty), *PUB, "--format", fmt)
        assert r.code == 0, (fmt, r.stderr)
        assert "warning" in r.stderr and "Traceback" not in r.stderr


def test_stdin_with_invalid_utf8(newsline):
    import subprocess

    from conftest import newsline_command

    proc = subprocess.run(
        [*newsline_command(), "parse", "-", *PUB, "--format", "json"],
        input=b"Drones hit Kyiv on Friday \x81\x8d.\n\x00\x00",
        capture_output=True,
        env=base_env(),
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_utf16_with_bom(newsline, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Officials said the talks ended on Thursday.".encode("utf-16"))
    r = newsline("parse", str(path), *PUB, "--format", "json")
    assert r.code == 0, r.stderr
    assert json.loads(r.stdout)["events"]


def test_huge_file_is_refused_with_the_limit(newsline, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no 20 MB written
    r = newsline("parse", str(path), SAMPLE_REL, *PUB, "--format", "json")
    assert r.code == 1
    [line] = [x for x in r.err_lines if "error" in x]
    assert "huge.txt" in line and "20 MB" in line
    assert json.loads(r.stdout)["events"]


def test_malformed_jsonl_lines_are_named(newsline, tmp_path):
    corpus = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "ok", "text": "Talks ended on Thursday."}),
        "[" * 100_000,  # nesting deeper than the JSON reader's recursion
        json.dumps({"id": "t", "title": ["not", "a", "string"], "text": "x"}),
        json.dumps({"id": "s", "text": "Lone \ud800 surrogate on Friday."}),
        json.dumps(["no", "object"]),
        json.dumps({"id": "p", "published": "yesterday", "text": "x"}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = newsline("parse", str(corpus), *PUB, "--format", "json")
    assert r.code == 1
    assert "Traceback" not in r.stderr
    for n in (2, 3, 5, 6):
        assert sum(f"c.jsonl:{n}:" in line for line in r.err_lines) == 1, r.stderr
    data = json.loads(r.stdout)
    assert [a["id"] for a in data["articles"]] == ["ok", "s"]


def test_text_that_reads_as_json_or_markup_is_fine(newsline):
    for text in ('{"a": 1}', "[red]x[/red] said on Friday", "<html><body>Friday</body></html>", "\x00" * 3):
        r = newsline("parse", "-", *PUB, "--format", "table", input=text)
        assert "Traceback" not in r.stderr


# ------------------------------------------------------------------------------------------ properties

SETTINGS = settings(
    max_examples=int(os.environ.get("NEWSLINE_HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
VALIDATOR = jsonschema.Draft202012Validator(schema())
nasty = st.sampled_from(["[bold]", "\x1b[31m", "=1+1", "|", "<b>", "\x00", "\u202e", "“", "”", "\r\n", "&"])
texts = st.one_of(any_text, st.lists(st.one_of(any_text, nasty), max_size=8).map("".join))


@SETTINGS
@given(text=texts, pub=st.sampled_from([None, "2025-07-04", "2025-07-04T09:30+03:00"]))
def test_any_text_gives_schema_valid_output_in_every_format(text: str, pub: str | None):
    d = newsline.to_dict(newsline.parse_text(text, published=pub, id="a"))
    VALIDATOR.validate(d)
    rows = list(csv.reader(io.StringIO(to_csv(d))))
    assert len(rows) == 1 + len(d["events"])
    for row in rows[1:]:
        assert all(not isinstance(c, str) or not c.startswith(("=", "+", "-", "@")) for c in row)
    markdown = to_markdown(d)
    assert "\x1b" not in markdown
    json.dumps(to_timelinejs(d))
    [(_, doc)] = list(to_timeml(d, {"a": text}))
    ElementTree.fromstring(doc.encode("utf-8"))


@SETTINGS
@given(text=texts)
def test_merge_is_idempotent_and_order_free(text: str):
    a = newsline.parse_text(text, published="2025-07-04", id="a")
    other = "Drones hit Kyiv overnight, officials said on Friday."
    b = newsline.parse_text(other, published="2025-07-04", id="b")
    ab = newsline.to_dict(newsline.merge([a, b]))
    assert ab == newsline.to_dict(newsline.merge([b, a]))
    VALIDATOR.validate(ab)
