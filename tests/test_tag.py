"""`newsline tag` and newsline.formats.timeml: TimeML in, TIMEX3 tags out, the text between the tags
untouched."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from newsline.formats.timeml import (
    article_id,
    looks_like_timeml,
    minimal_timeml,
    output_name,
    parse_dct_value,
    read_timeml,
    strip_tags,
    unescape,
    write_timeml,
)
from newsline.model import AnchorKind, TimeMention
from newsline.timex import tag_text

# A TempEval-3 style gold file: DCT in the head, EVENT / TIMEX3 / SIGNAL tags and an entity in the TEXT,
# a carriage return in the head, links after the TEXT.
GOLD = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n\n'
    "<DOCID>APW19980108.0001</DOCID>\n\n"
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" '
    'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n\n'
    "<EXTRAINFO>\nAPW19980108.0001 \r NEWS STORY\n</EXTRAINFO>\n\n"
    "<TEXT>\n"
    'Shares of AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>, '
    '<SIGNAL sid="s1">after</SIGNAL> the company <EVENT eid="e2" class="REPORTING">said</EVENT> '
    'its profit had dropped for <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>.\n\n'
    'Traders expect a rebound <TIMEX3 tid="t3" type="DATE" value="1998-01-09">tomorrow</TIMEX3> &amp; '
    "beyond, 5 &lt; 6.\n"
    "</TEXT>\n\n"
    '<MAKEINSTANCE eiid="ei1" eventID="e1" pos="VERB" tense="PAST" aspect="NONE" polarity="POS"/>\n'
    '<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />\n\n'
    "</TimeML>\n"
)

HEAD = GOLD[: GOLD.index("<TEXT>") + len("<TEXT>")]
TAIL = GOLD[GOLD.index("</TEXT>") :]


def inner(document: str) -> str:
    return document[document.index("<TEXT>") + len("<TEXT>") : document.index("</TEXT>")]


def timexes(document: str) -> list[tuple[dict[str, str], str]]:
    return [
        (dict(re.findall(r'(\w+)="([^"]*)"', attrs)), body)
        for attrs, body in re.findall(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", inner(document), re.S)
    ]


def mention(
    start: int, end: int, text: str, value: str = "1998-01-07", mod: str | None = None
) -> TimeMention:
    return TimeMention("a", start, end, text[start:end], "DATE", value, "test", AnchorKind.ABSOLUTE, mod=mod)


# --------------------------------------------------------------------------------------------------------
# The reader and the writer


def test_read_takes_the_document_apart():
    doc = read_timeml(GOLD)
    assert doc.head == HEAD and doc.tail == TAIL
    assert doc.dct == date(1998, 1, 8)
    assert doc.body == strip_tags(inner(GOLD))
    assert "AT&amp;T fell Wednesday, after the company said" in doc.body
    assert "AT&T fell Wednesday" in doc.text and "tomorrow & beyond, 5 < 6." in doc.text
    assert "<" not in doc.body and "EVENT" not in doc.text


def test_round_trip_keeps_the_text_exactly():
    doc = read_timeml(GOLD)
    for found in ([], tag_text(doc.text, "a", doc.dct)[0]):
        out = write_timeml(doc, found)
        assert out.startswith(HEAD) and out.endswith(TAIL)
        assert strip_tags(inner(out)) == strip_tags(inner(GOLD))
        again = read_timeml(out)
        assert (again.head, again.body, again.text, again.tail) == (doc.head, doc.body, doc.text, doc.tail)


def test_written_tags_carry_type_value_and_tids_in_text_order():
    doc = read_timeml(GOLD)
    found, ref, origin = tag_text(doc.text, "a", doc.dct)
    assert ref.known and ref.day == date(1998, 1, 8) and origin == "given"
    tags = timexes(write_timeml(doc, found))
    assert [a["tid"] for a, _ in tags] == [f"t{n}" for n in range(1, len(tags) + 1)]
    by_text = {body: a for a, body in tags}
    assert by_text["Wednesday"]["value"] == "1998-01-07" and by_text["Wednesday"]["type"] == "DATE"
    assert by_text["tomorrow"]["value"] == "1998-01-09"
    assert by_text["three months"]["type"] == "DURATION"


def test_offsets_map_through_entities():
    doc = read_timeml(GOLD)
    start = doc.text.index("tomorrow & beyond")
    end = start + len("tomorrow & beyond")
    out = write_timeml(doc, [mention(start, end, doc.text)])
    assert '<TIMEX3 tid="t1" type="DATE" value="1998-01-07">tomorrow &amp; beyond</TIMEX3>' in out
    assert strip_tags(inner(out)) == doc.body


def test_unescape_offsets():
    text, offsets = unescape("a&amp;b&#233;c&#x41;&nbsp;")
    assert text == "a&bécA&nbsp;"
    assert len(offsets) == len(text) + 1 and offsets[-1] == len("a&amp;b&#233;c&#x41;&nbsp;")
    assert list(offsets[:7]) == [0, 1, 6, 7, 13, 14, 20]


def test_attribute_values_are_escaped_and_mod_written():
    doc = read_timeml(GOLD)
    start = doc.text.index("Wednesday")
    out = write_timeml(doc, [mention(start, start + 9, doc.text, value='a"<&', mod="END")])
    assert '<TIMEX3 tid="t1" type="DATE" value="a&quot;&lt;&amp;" mod="END">Wednesday</TIMEX3>' in out


def test_overlapping_mentions_keep_the_first():
    doc = read_timeml(GOLD)
    start = doc.text.index("Wednesday")
    out = write_timeml(doc, [mention(start, start + 9, doc.text), mention(start + 3, start + 12, doc.text)])
    assert len(timexes(out)) == 1


def test_minimal_timeml_for_plain_text_round_trips():
    text = "Talks <b> & co. ended on Monday.\n"
    start = text.index("Monday")
    out = minimal_timeml(text, [mention(start, start + 6, text, "2025-06-30")], date(2025, 7, 4), "story")
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>')
    assert "&lt;b&gt; &amp; co." in out
    doc = read_timeml(out)
    assert doc.text == text and doc.dct == date(2025, 7, 4)
    assert timexes(out) == [({"tid": "t1", "type": "DATE", "value": "2025-06-30"}, "Monday")]
    unknown = read_timeml(minimal_timeml(text, [], None))
    assert unknown.dct is None and 'value="XXXX-XX-XX"' in unknown.head


def test_no_text_element_is_an_error():
    with pytest.raises(ValueError, match="TEXT"):
        read_timeml("<TimeML><DCT></DCT></TimeML>")
    with pytest.raises(ValueError, match="TEXT"):
        read_timeml("<TimeML><TEXT>open")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1998-01-08", date(1998, 1, 8)),
        ("19980108", date(1998, 1, 8)),
        ("1998-02-13T13:10", datetime(1998, 2, 13, 13, 10)),
        ("1998-02-13T13:10:00", datetime(1998, 2, 13, 13, 10)),
        ("XXXX-XX-XX", None),
        ("1998-W02", None),
        ("1998-02-30", None),
        ("PRESENT_REF", None),
    ],
)
def test_dct_values(value, expected):
    assert parse_dct_value(value) == expected


def test_names_and_kinds_of_inputs():
    assert looks_like_timeml("x.tml", "anything")
    assert looks_like_timeml("X.TE3input", "anything")
    assert looks_like_timeml("x.xml", '<?xml version="1.0"?><TimeML><TEXT>a</TEXT></TimeML>')
    assert not looks_like_timeml("x.txt", "<TimeML> is a markup language. <TEXT> is a tag.")
    assert output_name("dir/a.tml", True) == "a.tml"
    assert output_name("dir/a.tml.TE3input", True) == "a.tml.TE3input"
    assert output_name("dir/story.txt", False) == "story.tml"
    assert output_name("-", False) == "stdin.tml"
    assert article_id("dir/a.tml.TE3input") == "a" and article_id("dir/story.txt") == "story"


def test_unknown_publication_gives_underspecified_values():
    found, ref, origin = tag_text("The talks ended on Monday, officials said yesterday.", "a", None)
    assert origin is None and not ref.known
    assert found and all(m.value.startswith("XXXX") for m in found)


TE3 = Path(__file__).resolve().parents[2] / "shared" / "bench" / "te3"
GOLD_DIRS = [TE3 / "TimeBank", TE3 / "AQUAINT"]


@pytest.mark.skipif(not all(d.is_dir() for d in GOLD_DIRS), reason="TempEval-3 data not present")
def test_round_trip_on_the_tempeval3_gold():
    files = [f for d in GOLD_DIRS for f in sorted(d.glob("*.tml"))]
    assert len(files) == 256
    for f in files:
        gold = f.read_text(encoding="utf-8")
        doc = read_timeml(gold)
        assert doc.dct is not None, f.name
        out = write_timeml(doc, [])
        assert out == doc.head + strip_tags(inner(gold)) + doc.tail, f.name


# --------------------------------------------------------------------------------------------------------
# The command

HELP_EXAMPLE = (
    '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>\n'
    '<TEXT>Shares <EVENT eid="e1">fell</EVENT> on Wednesday.</TEXT>\n'
)


def test_tag_timeml_writes_the_same_file_with_timex3_tags(newsline, tmp_path):
    src = tmp_path / "APW19980108.0001.tml"
    src.write_bytes(GOLD.encode("utf-8"))
    out = tmp_path / "out" / "system"
    r = newsline("tag", str(src), "--format", "timeml", "--output-dir", str(out), "--published", "2020-01-01")
    assert r.code == 0, r.stderr
    assert r.stdout == ""
    written = (out / src.name).read_bytes().decode("utf-8")
    assert written.startswith(HEAD) and written.endswith(TAIL)  # \r included: byte for byte
    assert strip_tags(inner(written)) == strip_tags(inner(GOLD))
    values = {body: a["value"] for a, body in timexes(written)}
    assert values["Wednesday"] == "1998-01-07"  # the DCT wins over --published


def test_tag_help_worked_example_is_true(newsline, tmp_path):
    (tmp_path / "in.tml").write_text(HELP_EXAMPLE, encoding="utf-8")
    r = newsline("tag", "in.tml", "--format", "timeml", "--output-dir", "out", cwd=tmp_path)
    assert r.code == 0, r.stderr
    expected = (
        '<TEXT>Shares fell on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>.</TEXT>'
    )
    assert expected in (tmp_path / "out" / "in.tml").read_text(encoding="utf-8")
    assert expected in newsline("tag", "--help").stdout


def test_tag_readme_example_is_true(newsline, tmp_path):
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    story = re.search(r'\(`story.txt`: "(.+?)"\)', readme, re.S)
    shown = re.search(r"newsline tag story\.txt .*\n((?:    \S.*\t.*\n)+)", readme)
    assert story and shown, "the README's newsline tag example moved"
    (tmp_path / "story.txt").write_text(re.sub(r"\s+", " ", story.group(1)), encoding="utf-8")
    r = newsline("tag", "story.txt", "--published", "2025-07-04", "--format", "jsonl", cwd=tmp_path)
    assert r.code == 0, r.stderr
    mentions = [json.loads(line) for line in r.stdout.splitlines()]
    got = ["\t".join([m["text"], m["type"], m["value"], m["mod"] or ""]).rstrip() for m in mentions]
    assert got == [line[4:].rstrip() for line in shown.group(1).splitlines()]


def test_tag_plain_text_to_timeml(newsline, tmp_path):
    src = tmp_path / "story.txt"
    src.write_text("Talks <ended> on Monday & resumed yesterday.\n", encoding="utf-8")
    r = newsline("tag", str(src), "-f", "timeml", "-o", str(tmp_path / "out"), "-p", "2025-07-04")
    assert r.code == 0, r.stderr
    doc = read_timeml((tmp_path / "out" / "story.tml").read_text(encoding="utf-8"))
    assert doc.text == src.read_text(encoding="utf-8") and doc.dct == date(2025, 7, 4)
    tags = timexes((tmp_path / "out" / "story.tml").read_text(encoding="utf-8"))
    assert {body: a["value"] for a, body in tags} == {"Monday": "2025-06-30", "yesterday": "2025-07-03"}


def test_tag_json_and_jsonl(newsline, tmp_path):
    src = tmp_path / "doc.tml"
    src.write_text(GOLD, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("The talks ended on Monday.", encoding="utf-8")
    r = newsline("tag", str(src), str(story), "--format", "json")
    assert r.code == 0, r.stderr
    data = json.loads(r.stdout)
    assert list(data) == ["schema", "articles", "time_mentions"] and data["schema"] == "newsline/1"
    assert [a["id"] for a in data["articles"]] == ["doc", "story"]
    assert [(a["published"], a["published_from"]) for a in data["articles"]] == [
        ("1998-01-08", "given"),
        (None, None),
    ]
    assert "no publication date for story" in r.stderr
    text = read_timeml(GOLD).text
    for m in data["time_mentions"]:
        assert list(m) == ["article", "start", "end", "text", "type", "value", "mod", "anchor", "rule"]
        if m["article"] == "doc":
            assert text[m["start"] : m["end"]] == m["text"]
    assert {m["text"]: m["value"] for m in data["time_mentions"] if m["article"] == "story"} == {
        "Monday": "XXXX-XX-XX"
    }
    lines = newsline("tag", str(src), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == [m for m in data["time_mentions"] if m["article"] == "doc"]


def test_tag_errors(newsline, tmp_path):
    good = tmp_path / "good.tml"
    good.write_bytes(GOLD.encode("utf-8"))
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML>no text element</TimeML>", encoding="utf-8")
    out = tmp_path / "out"
    r = newsline("tag", str(tmp_path / "missing.txt"), str(bad), str(good), "-f", "timeml", "-o", str(out))
    assert r.code == 1
    assert r.err_lines == [
        f"newsline: error: {tmp_path / 'missing.txt'}: no such file",
        f"newsline: error: {bad}: no <TEXT> element",
    ]
    assert (out / "good.tml").exists() and not (out / "bad.tml").exists()

    r = newsline("tag", str(good), "-f", "timeml", "-o", str(tmp_path))  # would overwrite its input
    assert r.code == 1 and "overwrite" in r.stderr
    assert good.read_bytes() == GOLD.encode("utf-8")

    for args in (
        ("tag", str(good), "--format", "timeml"),  # no --output-dir
        ("tag", str(good), "--format", "json", "--output-dir", str(out)),
        ("tag", str(good), "--published", "next week"),
        ("tag", str(good), "--format", "xml"),
        ("tag",),
    ):
        r = newsline(*args)
        assert r.code == 2, args
        assert len(r.err_lines) == 1 and r.err_lines[0].startswith("newsline: error: "), r.stderr
        assert "Traceback" not in r.stderr


def test_tag_reads_directories_and_jsonl_as_parse_does(newsline, tmp_path):
    """A directory is the files below it that match --glob; a .jsonl file is one article a line, each
    dated by its own "published" (else --published); a bad line is an error that spares the others."""
    sub = tmp_path / "in" / "deeper"
    sub.mkdir(parents=True)
    (sub / "arts.jsonl").write_text(
        '{"id": "a", "published": "2025-07-04", "text": "Talks ended on Monday."}\n'
        '{"id": "b", "published": "2024-01-10", "text": "Talks ended on Monday."}\n'
        "not json\n"
        '{"id": "../c", "text": "It rained yesterday."}\n',
        encoding="utf-8",
    )
    (tmp_path / "in" / "story.txt").write_text("It rained yesterday.", encoding="utf-8")
    (tmp_path / "in" / "notes.log").write_text("It rained yesterday.", encoding="utf-8")
    r = newsline("tag", str(tmp_path / "in"), "--published", "2020-05-05", "--format", "json")
    assert r.code == 1
    assert r.err_lines == [f"newsline: error: {sub / 'arts.jsonl'}:3: not JSON (Expecting value at column 1)"]
    data = json.loads(r.stdout)
    assert [(a["id"], a["published"]) for a in data["articles"]] == [
        ("a", "2025-07-04"),
        ("b", "2024-01-10"),
        ("../c", "2020-05-05"),
        ("story", "2020-05-05"),
    ]
    assert [(m["article"], m["value"]) for m in data["time_mentions"]] == [
        ("a", "2025-06-30"),
        ("b", "2024-01-08"),
        ("../c", "2020-05-04"),
        ("story", "2020-05-04"),
    ]
    # --glob picks the files; each record becomes its own TimeML file, named safely.
    out = tmp_path / "out"
    r = newsline(
        "tag", str(tmp_path / "in"), "--glob", "*.log", "-f", "timeml", "-o", str(out), "-p", "2020-05-05"
    )
    assert r.code == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.tml"]
    r = newsline("tag", str(sub / "arts.jsonl"), "-f", "timeml", "-o", str(out))
    assert sorted(p.name for p in out.iterdir()) == ["_c.tml", "a.tml", "b.tml", "notes.tml"]
    assert read_timeml((out / "b.tml").read_text(encoding="utf-8")).dct == date(2024, 1, 10)
    r = newsline("tag", str(tmp_path / "in"), "--glob", "*.none")
    assert r.code == 1 and "is a directory with no files matching *.none" in r.stderr
