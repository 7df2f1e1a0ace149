"""Output formats: every JSON and JSON Lines output validates against `newsline schema`; CSV, Markdown,
TimelineJS and TimeML are built from the newsline/1 dict and keep to their media's rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import newsline
import pytest
from conftest import ROOT, SAMPLE_REL, base_env
from newsline.formats.writers import (
    csv_cell,
    day_label,
    md_cell,
    to_csv,
    to_markdown,
    to_timelinejs,
    to_timeml,
)
from newsline.schema import event_schema, schema

PUB = ("--published", "2025-07-04")
SAMPLES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "samples").iterdir() if p.is_file())
VALIDATOR = jsonschema.Draft202012Validator(schema())
EVENT_VALIDATOR = jsonschema.Draft202012Validator(event_schema())


def test_schema_is_a_valid_draft_2020_12_schema():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_command_prints_the_schema(newsline):
    r = newsline("schema")
    assert r.code == 0, r.stderr
    assert json.loads(r.stdout) == schema()


@pytest.mark.parametrize("sample", SAMPLES)
@pytest.mark.parametrize("published", [PUB, ()], ids=["published", "relative"])
def test_sample_json_and_jsonl_validate(newsline, sample, published):
    r = newsline("parse", sample, *published, "--format", "json")
    assert r.code == 0, r.stderr
    VALIDATOR.validate(json.loads(r.stdout))
    r = newsline("parse", sample, *published, "--format", "jsonl")
    assert r.code == 0, r.stderr
    for line in r.stdout.splitlines():
        EVENT_VALIDATOR.validate(json.loads(line))


def test_schema_rejects_what_the_contract_forbids():
    good = newsline.to_dict(newsline.parse_text("Drones hit Kyiv on Friday.", published="2025-07-04"))
    VALIDATOR.validate(good)
    bad = json.loads(json.dumps(good))
    bad["events"][0]["modality"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(bad)
    bad = json.loads(json.dumps(good))
    bad["events"][0]["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(bad)


def test_tag_json_mentions_follow_the_schema(newsline):
    r = newsline("tag", SAMPLE_REL, *PUB, "--format", "json")
    assert r.code == 0, r.stderr
    mention = jsonschema.Draft202012Validator(
        {"$defs": schema()["$defs"], "$ref": "#/$defs/time_mention"}
    )
    for m in json.loads(r.stdout)["time_mentions"]:
        mention.validate(m)


@pytest.fixture(scope="module")
def seed_dict(sample_text) -> dict:
    return newsline.to_dict(newsline.parse_text(sample_text, published="2025-07-04", id="kyiv"))


@pytest.fixture(scope="module")
def sample_text() -> str:
    return (ROOT / SAMPLE_REL).read_text(encoding="utf-8")


def test_csv_has_one_row_per_event(seed_dict):
    rows = list(csv.DictReader(io.StringIO(to_csv(seed_dict))))
    assert [r["id"] for r in rows] == [e["id"] for e in seed_dict["events"]]
    overnight = next(r for r in rows if r["when"] == "overnight")
    assert (overnight["day"], overnight["time"]) == ("2025-07-03", "night")
    assert all(r["sources"].startswith("kyiv s.") for r in rows)


def test_markdown_has_one_row_per_event_the_table_shows(seed_dict):
    text = to_markdown(seed_dict)
    lines = [line for line in text.splitlines() if line.startswith("| ")]
    shown = [e for e in seed_dict["events"] if not e["minor"]]
    assert len(lines) == 2 + len(shown)
    assert all(line.count(" | ") == 5 for line in lines[2:])
    assert f"{len(seed_dict['events']) - len(shown)} minor events" in text


def test_csv_marks_minor_events(seed_dict):
    rows = list(csv.DictReader(io.StringIO(to_csv(seed_dict))))
    assert [r["minor"] == "true" for r in rows] == [e["minor"] for e in seed_dict["events"]]


def test_timelinejs_shape(seed_dict):
    out = to_timelinejs(seed_dict)
    assert set(out) == {"title", "events"}
    assert out["title"]["text"]["headline"]
    for slide in out["events"]:
        assert set(slide["start_date"]) >= {"year", "month", "day"}
        assert slide["text"]["headline"]
        assert "hour" not in slide["start_date"]  # the seed gives no clock time: none is invented


def test_timelinejs_without_publication_date_has_no_slides(sample_text):
    d = newsline.to_dict(newsline.parse_text(sample_text, id="kyiv"))
    out = to_timelinejs(d)
    assert out["events"] == []
    assert "not shown" in out["title"]["text"]["text"]


def test_timelinejs_clock_time():
    tl = newsline.parse_text("The talks began at 9:30 a.m. on Friday.", published="2025-07-04")
    d = newsline.to_dict(tl)
    starts = [s["start_date"] for s in to_timelinejs(d)["events"]]
    assert any(s.get("hour") == 9 and s.get("minute") == 30 for s in starts), starts


def test_timelinejs_midnight_ending_a_day_is_the_next_day_at_zero():
    tl = newsline.parse_text("Drones struck shortly before midnight on Thursday.", published="2025-07-04")
    d = newsline.to_dict(tl)
    assert any(e["when"] and e["when"]["value"] == "2025-07-03T24:00" for e in d["events"]), d["events"]
    starts = [s["start_date"] for s in to_timelinejs(d)["events"]]
    assert {"year": 2025, "month": 7, "day": 4, "hour": 0, "minute": 0} in starts, starts


def test_timeml_is_well_formed_and_tags_every_mention(seed_dict, sample_text):
    [(aid, doc)] = list(to_timeml(seed_dict, {"kyiv": sample_text}))
    assert aid == "kyiv"
    root = ElementTree.fromstring(doc)
    text = root.find("TEXT")
    assert "".join(text.itertext()) == sample_text
    assert len(text.findall("TIMEX3")) == len(seed_dict["time_mentions"])
    assert root.find("DCT/TIMEX3").get("value") == "2025-07-04"


def test_timeml_matches_newsline_tag(newsline, tmp_path):
    r = newsline("parse", SAMPLE_REL, *PUB, "--format", "timeml")
    assert r.code == 0, r.stderr
    t = newsline("tag", SAMPLE_REL, *PUB, "--format", "timeml", "--output-dir", str(tmp_path))
    assert t.code == 0, t.stderr
    tagged = (tmp_path / "kyiv-drone-strike-2025-07-04.tml").read_text(encoding="utf-8")
    assert r.stdout == tagged


def test_timeml_several_articles_need_output_dir(newsline, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Drones hit Kyiv on Friday.", encoding="utf-8")
    r = newsline("parse", SAMPLE_REL, str(other), *PUB, "--format", "timeml")
    assert r.code == 2
    assert "--output-dir" in r.stderr
    out = tmp_path / "out"
    r = newsline("parse", SAMPLE_REL, str(other), *PUB, "--format", "timeml", "--output-dir", str(out))
    assert r.code == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["kyiv-drone-strike-2025-07-04.tml", "other.tml"]


def test_timeml_output_names_stay_in_the_directory(newsline, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "../../escape", "text": "Drones hit Kyiv on Friday."}) + "\n"
        + json.dumps({"id": "/etc/passwd", "text": "Talks ended on Thursday."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    r = newsline("parse", str(corpus), *PUB, "--format", "timeml", "--output-dir", str(out))
    assert r.code == 0, r.stderr
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 2
    assert all(Path(out / name).resolve().parent == out.resolve() for name in written)


def test_output_dir_is_only_for_timeml(newsline):
    r = newsline("parse", SAMPLE_REL, *PUB, "--format", "json", "--output-dir", "x")
    assert r.code == 2


def test_day_labels():
    assert day_label(None) == "undated"
    when = {"text": "Thursday", "value": "XXXX-XX-XX", "relative_day": -1}
    assert day_label(when) == "Thu (pub. -1 d)"
    assert day_label({**when, "text": "yesterday"}) == "pub. -1 d"
    assert day_label({**when, "value": "2025-07-03"}) == "Thu 3 Jul 2025"
    assert day_label({**when, "value": "PAST_REF", "relative_day": None}) == "before publication"


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://x\")"])
def test_csv_cells_never_start_a_formula(cell):
    assert csv_cell(cell).startswith("'")


def test_markdown_cells_escape_table_syntax():
    assert md_cell("a | b\nc") == "a \\| b c"
    assert "<" not in md_cell("<script>").replace("\\<", "")


@pytest.mark.parametrize(
    ("fmt", "columns"), [("table", "80"), ("table", "50"), ("markdown", "80"), ("csv", "80")]
)
def test_each_format_runs_on_the_sample(newsline, fmt, columns):
    r = newsline(
        "parse", SAMPLE_REL, *PUB, "--format", fmt, "--no-color", env=base_env(COLUMNS=columns, NO_COLOR="1")
    )
    assert r.code == 0, r.stderr
    assert r.stdout.strip()
    if fmt == "table":
        assert all(len(line) <= int(columns) for line in r.stdout.splitlines())


def test_shell_completion_offers_the_formats(newsline):
    env = base_env(_NEWSLINE_COMPLETE="complete_bash", COMP_WORDS="newsline parse --format ", COMP_CWORD="3")
    r = newsline(env=env)
    assert r.code == 0, r.stderr
    offered = set(r.stdout.split())
    assert {"table", "json", "jsonl", "csv", "markdown", "timelinejs", "timeml"} <= offered


@pytest.mark.parametrize("command", ["parse", "tag", "schema"])
def test_every_command_help_has_a_worked_example(newsline, command):
    r = newsline(command, "--help")
    assert r.code == 0, r.stderr
    assert "Worked example" in r.stdout
    assert "newsline " + command in r.stdout


SPANS = [
    # (start, end exclusive, label): the days a vague time ("a few days later") lies between.
    ("2025-07-01T00:00", "2025-07-11T00:00", "1-10 Jul 2025"),
    ("2025-06-28T00:00", "2025-07-05T00:00", "28 Jun - 4 Jul 2025"),
    ("2025-07-03T00:00", "2025-07-04T00:00", "Thu 3 Jul 2025"),
    ("2024-12-30T00:00", "2025-01-03T00:00", "30 Dec 2024 - 2 Jan 2025"),
    ("1989-01-01T00:00", "1998-12-31T00:00", "Jan 1989 - Dec 1998"),
]


@pytest.mark.parametrize(("start", "end", "label"), SPANS, ids=[s[2] for s in SPANS])
def test_span_label(start: str, end: str, label: str):
    from newsline.formats.writers import span_label

    assert span_label(start, end) == label


def test_a_vague_day_is_shown_by_the_days_it_lies_between():
    from newsline.formats.writers import day_label

    tl = newsline.parse_text(
        "The bank failed on Monday. A few days later, the minister resigned.", published="2025-07-04"
    )
    d = newsline.to_dict(tl)
    labels = [day_label(e["when"]) for e in d["events"]]
    assert labels == ["Mon 30 Jun 2025", "1-10 Jul 2025"], labels


PERIODS = [
    # (TIMEX3 value, label): a time coarser than a day as the table, CSV and Markdown show it.
    ("2025-W29", "week of 14 Jul 2025"),
    ("2025-W27-WE", "weekend 5-6 Jul 2025"),
    ("2025-08", "Aug 2025"),
    ("2025-Q3", "Q3 2025"),
    ("2026-H2", "H2 2026"),
    ("2025-SU", "summer 2025"),
    ("2025-WI", "winter 2025-26"),
    ("2025", "2025"),
    ("199", "1990s"),
    ("18", "1800s"),
    # Not a period of the calendar: the value as it is.
    ("P3D", "P3D"),
    ("XXXX-WXX", "XXXX-WXX"),
    ("2025-W54", "2025-W54"),
]


@pytest.mark.parametrize(("value", "label"), PERIODS, ids=[p[0] for p in PERIODS])
def test_period_label(value: str, label: str):
    assert day_label({"text": "", "value": value, "relative_day": None}) == label
